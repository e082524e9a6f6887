#include "app/scene_models.h"

#include "assets/model_cache.h"

namespace praxis::app {

core::Result<SceneModels> loadSceneModels(const scene::Scene& scene,
                                          const std::filesystem::path& packageDir,
                                          const std::filesystem::path& cacheDir) {
  SceneModels out;
  for (const auto& entity : scene.entities()) {
    const std::string& path = entity.visual.model;
    if (path.empty() || out.byPath.contains(path)) continue;
    auto loaded = assets::loadModelCached(packageDir / path, cacheDir);
    if (!loaded) {
      return core::fail("object '", entity.id, "': ", loaded.error().message);
    }
    if (loaded->origin == assets::ModelOrigin::Cache) ++out.fromCache;
    for (auto& w : loaded->warnings) out.warnings.push_back(path + ": " + w);
    out.byPath.emplace(path, std::move(loaded->model));
  }
  return out;
}

}  // namespace praxis::app
