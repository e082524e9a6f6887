// Desktop mode benchmark: whole frames of a shipped scenario in a 1280x720 window (run it
// under a display, e.g. `xvfb-run -a`, on lavapipe or a GPU), the reference solution
// playing at real time. Reports the median and 99th-percentile frame rate and the engine's
// CPU time per frame (simulation ticks, frame building, the renderer's CPU phases).
// PRAXIS_BENCH_SCENARIO=DIR picks the scenario (default scenarios/safe-isolation);
// PRAXIS_BENCH_SIZE=WxH the window size.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "app/desktop_mode.h"
#include "core/paths.h"
#include "core/sim_time.h"
#include "scenario/loader.h"

namespace {

namespace app = praxis::app;
namespace fs = std::filesystem;

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
  return values[i];
}

void BM_DesktopFrame(benchmark::State& state) {
  const char* dirEnv = std::getenv("PRAXIS_BENCH_SCENARIO");
  const fs::path dir = dirEnv != nullptr ? fs::path(dirEnv) : praxis::core::dataDir() / "scenarios" / "safe-isolation";
  auto package = praxis::scenario::loadScenarioPackage(dir);
  const praxis::scenario::TraineeScript* reference = nullptr;
  for (const auto& t : package.tests) {
    if (t.reference) reference = &t;
  }
  if (!package.ok() || reference == nullptr) {
    state.SkipWithError("the scenario has errors or no reference test");
    return;
  }
  app::DesktopOptions options;
  options.packageDir = dir;
  if (const char* size = std::getenv("PRAXIS_BENCH_SIZE")) {
    std::sscanf(size, "%ux%u", &options.width, &options.height);
  }
  auto mode = app::DesktopMode::open(*package.scenario, options, [&](const app::Session& s) {
    return std::make_unique<app::ScriptedTickInput>(*reference, s);
  });
  if (!mode) {
    state.SkipWithError(mode.error().message.c_str());
    return;
  }
  using Clock = std::chrono::steady_clock;
  std::vector<double> frameMs;
  std::vector<double> engineMs;
  auto last = Clock::now();
  for (auto _ : state) {
    const auto now = Clock::now();
    const double dt = std::chrono::duration<double>(now - last).count();
    last = now;
    if (auto drawn = (*mode)->frame(std::min(dt, 0.1)); !drawn) {
      state.SkipWithError(drawn.error().message.c_str());
      return;
    }
    frameMs.push_back(dt * 1000.0);
    engineMs.push_back((*mode)->lastFrameTimes().engineMs());
  }
  frameMs.erase(frameMs.begin());  // the first "frame time" is the set-up's
  const double median = percentile(frameMs, 0.5);
  const double p99 = percentile(frameMs, 0.99);
  state.counters["fps_median"] = median > 0.0 ? 1000.0 / median : 0.0;
  state.counters["fps_p99"] = p99 > 0.0 ? 1000.0 / p99 : 0.0;  // the slowest 1 % of frames
  state.counters["engine_ms_median"] = percentile(engineMs, 0.5);
  state.counters["engine_ms_p99"] = percentile(engineMs, 0.99);
  state.counters["ticks"] = static_cast<double>((*mode)->attempt().session().tick());
}
BENCHMARK(BM_DesktopFrame)->Iterations(600)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
