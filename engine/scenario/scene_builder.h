// Turns a scenario's object definitions into a scene (entities with components and poses).
#pragma once

#include "scenario/definition.h"
#include "scene/scene.h"

namespace praxis::scenario {

/// One entity per object, in definition order (parents come first: the validator checks it).
/// World poses are computed; zones are hidden unless they say otherwise.
[[nodiscard]] scene::Scene buildScene(const ScenarioDef& def);

}  // namespace praxis::scenario
