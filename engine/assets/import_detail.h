// Internals of the Assimp importer shared between importer.cpp and import_materials.cpp.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "assets/importer.h"

struct aiScene;

namespace praxis::assets::detail {

/// State of one import: where it reads from, what it has produced so far.
struct ImportContext {
  std::filesystem::path source;   // as the caller gave it, for messages
  std::filesystem::path baseDir;  // folder external files are relative to
  const aiScene* scene = nullptr;
  const ImportOptions* options = nullptr;
  ImportReport* report = nullptr;
  std::map<std::pair<std::string, bool>, int> textureSlots;  // (reference, srgb) -> index

  /// Records a warning (returned in the report and sent to the options' log).
  void warn(const std::string& message);
  /// Records a warning, or fails with it in strict mode.
  [[nodiscard]] core::Result<void> problem(const std::string& message);
};

/// Converts every aiMaterial into a glTF metallic-roughness Material, loading the textures
/// it references into report->model.textures.
[[nodiscard]] core::Result<void> convertMaterials(ImportContext& context);

}  // namespace praxis::assets::detail
