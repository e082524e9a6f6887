#include "app/scene_models.h"

#include <set>

#include "assets/importer.h"
#include "assets/model_cache.h"
#include "render/renderer.h"

namespace praxis::app {

void checkModelsImport(const scenario::ScenarioDef& def, scenario::Diagnostics& out) {
  std::set<std::string> checked;
  for (const auto& object : def.objects) {
    const std::string& model = object.visual.model;
    if (model.empty() || def.folder.empty() || !checked.insert(model).second) continue;
    auto imported = assets::importModel(std::filesystem::path(def.folder) / model);
    if (!imported) {
      out.error(scenario::spanOf(object.fields, "model", object.span),
                "model: '" + model + "' does not import: " + imported.error().message);
    }
  }
}

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

core::Result<void> addSceneModels(render::Renderer& renderer, const scene::Scene& scene,
                                  const std::filesystem::path& packageDir) {
  auto cacheDir = assets::defaultModelCacheDir();
  if (!cacheDir) return std::unexpected(cacheDir.error());
  auto models = loadSceneModels(scene, packageDir, *cacheDir);
  if (!models) return std::unexpected(models.error());
  for (const auto& [key, model] : models->byPath) {
    if (auto added = renderer.addModel(key, model); !added) return added;
  }
  return {};
}

}  // namespace praxis::app
