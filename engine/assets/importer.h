// Model import: glTF 2.0 (.gltf/.glb), OBJ and FBX through Assimp into the CPU Model the
// renderer uploads. Broken files come back as errors naming the file, never as crashes.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "assets/mesh.h"
#include "core/log.h"
#include "core/result.h"

namespace praxis::assets {

/// Bump when the importer's output for the same input changes (it is part of the cache key).
inline constexpr std::uint32_t kImporterVersion = 1;

struct ImportOptions {
  /// Uniform scale applied at the root, for sources not authored in metres.
  float scale = 1.0F;
  /// When true (the default) data Assimp had to drop (out-of-range indices, vertices that do
  /// not fill a whole primitive, empty faces) and textures that cannot be found or decoded
  /// are errors. When false they are warnings and the model imports without them.
  bool strict = true;
  /// Accept every format Assimp reads instead of only .gltf, .glb, .obj and .fbx.
  bool anyAssimpFormat = false;
  /// Normals Assimp generates for sources without them are smoothed up to this crease angle.
  float smoothingAngleDegrees = 80.0F;
  /// Where warnings go (they are also returned in ImportReport::warnings).
  core::Log log = core::Log::silent();
};

/// An imported model and what it took to make it.
struct ImportReport {
  Model model;
  /// Files besides the source that the import read (glTF buffers, OBJ .mtl, textures),
  /// absolute and normalised. The baked cache re-checks them.
  std::vector<std::filesystem::path> dependencies;
  std::vector<std::string> warnings;
};

/// Imports a model. Triangulates, generates normals and tangents where the source has none,
/// flattens the node hierarchy into MeshInstances, converts materials to glTF
/// metallic-roughness and decodes textures (embedded or external) to RGBA8. UVs use the glTF
/// and Vulkan convention: (0, 0) is the first pixel row of the image, v grows downwards.
[[nodiscard]] core::Result<ImportReport> importModelWithReport(const std::filesystem::path& path,
                                                               const ImportOptions& options = {});

/// importModelWithReport without the report.
[[nodiscard]] core::Result<Model> importModel(const std::filesystem::path& path,
                                              const ImportOptions& options = {});

/// The file extensions importModel accepts without `anyAssimpFormat`, lower case with dot.
[[nodiscard]] const std::vector<std::string>& supportedModelExtensions();

/// "assimp 5.2.4": what the cache key and `praxis-bake --version` report.
[[nodiscard]] std::string assimpVersion();

}  // namespace praxis::assets
