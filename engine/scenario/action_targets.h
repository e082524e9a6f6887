// What a script action aims at in the scene, shared by everything that plays trainee scripts
// (the headless scripted trainee, the desktop autopilot): where an object is taken, which
// switch state or lever value an action asks for.
#pragma once

#include <optional>
#include <string>

#include "core/math.h"
#include "core/result.h"
#include "scenario/trainee_script.h"
#include "scene/scene.h"

namespace praxis::scenario {

/// Where a grabbable is taken: its first grip point, else its origin; nullopt if unknown.
[[nodiscard]] std::optional<core::Vec3> gripPointOf(const scene::Scene& scene,
                                                    const std::string& id);

/// The index of the switch state a `set` action asks for (`e` must have a switch).
[[nodiscard]] core::Result<std::size_t> switchTarget(const scene::Entity& e, const Action& action);

/// The lever or dial value a `set` action asks for: its `value`, or the value of detent
/// `state` (`e` must have a lever).
[[nodiscard]] core::Result<float> leverTarget(const scene::Entity& e, const Action& action);

}  // namespace praxis::scenario
