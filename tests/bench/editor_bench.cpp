// Editor benchmark: whole editor frames (panels, outliner, inspector, viewport with the
// selection's handles, the renderer) on a generated 2,000-object scenario in a 1280x720
// window. Run it under a display (`xvfb-run -a` on lavapipe, or a GPU). Reports the median and
// 99th-percentile frame time and the editor's own CPU time per frame (UI and frame building).
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/editor.h"

namespace {

namespace app = praxis::app;
namespace fs = std::filesystem;

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

/// A scenario package of `count` primitives on a grid (every tenth parented to the one
/// before, every fifth labelled in three languages), one button and a one-step procedure:
/// the editor's worst ordinary case, a large training room.
fs::path generatedPackage(int count) {
  const fs::path dir = fs::temp_directory_path() / ("praxis-editor-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir / "tests");
  std::ofstream yaml(dir / "scenario.yaml");
  yaml << "praxis: 1\nid: bench-2000\nversion: 1.0.0\n"
          "title: {nl-BE: Groot lokaal, fr-BE: Grand local, en: Large room}\n"
          "languages: [nl-BE, fr-BE, en]\n\nobjects:\n"
          "  - id: floor\n    shape: plane\n    size: [40, 40]\n    collider: true\n"
          "  - id: button\n    label: {nl-BE: Knop, fr-BE: Bouton, en: Button}\n"
          "    shape: box\n    size: [0.1, 0.1, 0.05]\n    pos: [0, 1.2, -0.5]\n    button: true\n";
  const char* shapes[] = {"box", "cylinder", "sphere", "capsule"};
  const char* sizes[] = {"[0.2, 0.2, 0.2]", "[0.2, 0.2]", "0.2", "[0.1, 0.25]"};
  for (int i = 0; i < count; ++i) {
    yaml << "  - id: object_" << i << "\n    shape: " << shapes[i % 4] << "\n    size: " << sizes[i % 4] << "\n";
    if (i % 10 == 9) {
      yaml << "    parent: object_" << i - 1 << "\n    pos: [0, 0.25, 0]\n";
    } else {
      yaml << "    pos: [" << (i % 50 - 25) * 0.5 << ", 0.1, " << -(i / 50) * 0.5 + 2.0 << "]\n";
    }
    if (i % 5 == 0) {
      yaml << "    label: {nl-BE: Ding " << i << ", fr-BE: Chose " << i << ", en: Thing " << i << "}\n";
    }
  }
  yaml << "\nsteps:\n  - id: press\n    instruction: {nl-BE: Druk op de knop., fr-BE: Appuyez sur le bouton., "
          "en: Press the button.}\n    done_when: {state: {object: button, is: pressed}}\n"
          "\nscoring: {pass: 10}\n";
  std::ofstream test(dir / "tests" / "reference.yaml");
  test << "name: reference\nreference: true\nactions:\n  - press: button\nexpect: {outcome: passed}\n";
  return dir;
}

/// Frames of the editor open on `dir` with `selected` selected.
void measureFrames(benchmark::State& state, const fs::path& dir, const std::string& selected) {
  app::EditorOptions options;
  options.packageDir = dir;
  auto editor = app::EditorMode::open(options);
  if (!editor) {
    state.SkipWithError(editor.error().message.c_str());
    return;
  }
  if ((*editor)->document().diagnostics().hasErrors()) {
    state.SkipWithError((*editor)->document().diagnostics().format().c_str());
    return;
  }
  (*editor)->selectObject(selected);  // the inspector and the handles are drawn too
  using Clock = std::chrono::steady_clock;
  std::vector<double> frameMs;
  std::vector<double> cpuMs;
  std::vector<double> gpuMs;  // the renderer's timestamps: lavapipe's rasterizer on the CPU
  std::vector<double> triangles;
  double shadowDraws = 0.0;
  auto last = Clock::now();
  for (auto _ : state) {
    if (auto drawn = (*editor)->frame(1.0 / 60.0); !drawn) {
      state.SkipWithError(drawn.error().message.c_str());
      return;
    }
    const auto now = Clock::now();
    frameMs.push_back(std::chrono::duration<double, std::milli>(now - last).count());
    last = now;
    const auto& t = (*editor)->lastFrameTimes();
    cpuMs.push_back(t.uiMs + t.buildMs + t.render.sceneUpdateMs + t.render.cullMs + t.render.recordMs);
    if (t.render.gpuMs >= 0.0) gpuMs.push_back(t.render.gpuMs);
    triangles.push_back(static_cast<double>(t.render.triangles));
    shadowDraws += t.render.shadowPasses;
  }
  frameMs.erase(frameMs.begin());  // the first includes the set-up
  state.counters["frame_ms_median"] = percentile(frameMs, 0.5);
  state.counters["frame_ms_p99"] = percentile(frameMs, 0.99);
  state.counters["editor_cpu_ms_median"] = percentile(cpuMs, 0.5);
  state.counters["gpu_ms_median"] = percentile(gpuMs, 0.5);
  state.counters["triangles_median"] = percentile(triangles, 0.5);
  state.counters["shadow_map_draws"] = shadowDraws;  // 1: drawn once, then reused
  state.counters["objects"] = static_cast<double>((*editor)->document().def().objects.size());
}

void BM_EditorFrame2000(benchmark::State& state) {
  const fs::path dir = generatedPackage(2000);
  measureFrames(state, dir, "object_1234");
  fs::remove_all(dir);
}
BENCHMARK(BM_EditorFrame2000)->Iterations(200)->Unit(benchmark::kMillisecond);

/// The same on a shipped scenario (22 objects), for comparison.
void BM_EditorFrameSafeIsolation(benchmark::State& state) {
  measureFrames(state, fs::path(PRAXIS_BENCH_SOURCE_DIR) / "scenarios" / "safe-isolation", "breaker_q1");
}
BENCHMARK(BM_EditorFrameSafeIsolation)->Iterations(200)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
