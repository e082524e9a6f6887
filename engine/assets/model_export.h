// Writes a Model as a binary glTF 2.0 file (.glb) through Assimp's exporter, so generated
// objects can be inspected in any glTF viewer and loaded back through the normal importer.
#pragma once

#include <filesystem>

#include "assets/mesh.h"
#include "core/result.h"

namespace praxis::assets {

/// Geometry and material factors, one mesh and node per instance with the instance's
/// transform applied to the vertices. Textures are not written (generated models have none);
/// a model with textures is an error.
[[nodiscard]] core::Result<void> exportModelGlb(const Model& model, const std::filesystem::path& path);

}  // namespace praxis::assets
