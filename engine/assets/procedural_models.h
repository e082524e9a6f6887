// The project's own training objects, generated from primitive parts: a breaker panel, a
// padlock with its tag, a two-pole voltage tester, a fire extinguisher and a fire tray.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "assets/mesh.h"
#include "core/result.h"

namespace praxis::assets {

/// Names makeProceduralModel accepts, e.g. "padlock".
[[nodiscard]] const std::vector<std::string>& proceduralModelNames();

/// Metres, +Y up, resting on y = 0, front towards +Z. An unknown name is an error listing
/// the known ones.
[[nodiscard]] core::Result<Model> makeProceduralModel(std::string_view name);

}  // namespace praxis::assets
