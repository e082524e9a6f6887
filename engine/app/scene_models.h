// The imported models a scenario's scene draws: every distinct `model:` path of its
// entities, loaded through the baked cache (Assimp only on the first load), ready for
// render::Renderer::addModel under the same key the entities name.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "assets/mesh.h"
#include "core/result.h"
#include "scenario/definition.h"
#include "scenario/diagnostics.h"
#include "scene/scene.h"

namespace praxis::render {
class Renderer;
}

namespace praxis::app {

struct SceneModels {
  std::map<std::string, assets::Model> byPath;  // key: Visual::model as written
  int fromCache = 0;                            // loads that skipped Assimp
  std::vector<std::string> warnings;            // importer warnings, with the file named
};

/// Imports every model the package's objects name (as the renderer would) and reports each
/// that does not import (a corrupt .glb, a .txt) as an error at its `model:` line:col. The
/// loader checks that the files exist inside the package; only an import shows they work.
void checkModelsImport(const scenario::ScenarioDef& def, scenario::Diagnostics& out);

/// Loads every model the scene names; paths are relative to `packageDir`. The first model
/// that cannot be imported is an error naming its file.
[[nodiscard]] core::Result<SceneModels> loadSceneModels(const scene::Scene& scene,
                                                        const std::filesystem::path& packageDir,
                                                        const std::filesystem::path& cacheDir);

/// Loads the models `scene` names through the default baked cache and uploads each to
/// `renderer` under the key the entities name (desktop and VR front ends).
[[nodiscard]] core::Result<void> addSceneModels(render::Renderer& renderer, const scene::Scene& scene,
                                                const std::filesystem::path& packageDir);

}  // namespace praxis::app
