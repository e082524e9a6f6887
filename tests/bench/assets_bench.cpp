// Model loading: cold Assimp import against a warm baked-cache load, and primitive meshes.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>

#include "assets/importer.h"
#include "assets/model_cache.h"
#include "assets/primitives.h"

namespace {

namespace fs = std::filesystem;
using praxis::assets::ModelOrigin;

const fs::path kModels = "/usr/share/assimp/models";
const fs::path kEngine = kModels / "glTF2/2CylinderEngine-glTF-Binary/2CylinderEngine.glb";
const fs::path kBox = kModels / "glTF2/BoxTextured-glTF/BoxTextured.gltf";

fs::path benchCacheDir() {
  std::random_device rd;
  const fs::path dir = fs::temp_directory_path() / ("praxis-bench-cache-" + std::to_string(rd()));
  fs::create_directories(dir);
  return dir;
}

void ColdImport(benchmark::State& state, const fs::path& model) {
  if (!fs::exists(model)) {
    state.SkipWithError("assimp-testmodels is not installed");
    return;
  }
  for (auto _ : state) {
    auto result = praxis::assets::importModel(model);
    if (!result) state.SkipWithError(result.error().message.c_str());
    benchmark::DoNotOptimize(result);
  }
}

void WarmCachedLoad(benchmark::State& state, const fs::path& model) {
  if (!fs::exists(model)) {
    state.SkipWithError("assimp-testmodels is not installed");
    return;
  }
  const fs::path cache = benchCacheDir();
  if (!praxis::assets::loadModelCached(model, cache)) state.SkipWithError("bake failed");
  for (auto _ : state) {
    auto result = praxis::assets::loadModelCached(model, cache);
    if (!result || result->origin != ModelOrigin::Cache) state.SkipWithError("cache miss");
    benchmark::DoNotOptimize(result);
  }
  std::error_code ec;
  fs::remove_all(cache, ec);
}

void PrimitiveSphere(benchmark::State& state) {
  for (auto _ : state) {
    auto model = praxis::assets::makePrimitiveModel(praxis::assets::PrimitiveKind::Sphere,
                                                    glm::vec3(0.1F), glm::vec4(1.0F));
    benchmark::DoNotOptimize(model);
  }
}

BENCHMARK_CAPTURE(ColdImport, TwoCylinderEngine, kEngine)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(WarmCachedLoad, TwoCylinderEngine, kEngine)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(ColdImport, BoxTextured, kBox)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(WarmCachedLoad, BoxTextured, kBox)->Unit(benchmark::kMillisecond);
BENCHMARK(PrimitiveSphere)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
