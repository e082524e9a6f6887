// Desktop mode benchmark: whole frames of a shipped scenario in a 1280x720 window (run it
// under a display, e.g. `xvfb-run -a`, on lavapipe or a GPU), the reference solution
// playing at real time. Reports the median and 99th-percentile frame rate and the engine's
// CPU time per frame (simulation ticks, frame building, the renderer's CPU phases).
// BM_InputToFirstFrame: a person's controls (no script); a key that walks, a mouse motion
// that turns the head and Esc (the pause menu) are injected through DesktopMode::handle, the
// handler GLFW's callbacks call, each timestamped; the frames then run at real time until one
// is presented whose session state shows the effect (the head moved, turned, or the tick
// paused). Reports frames and milliseconds from the event to that frame (median and max).
// PRAXIS_BENCH_SCENARIO=DIR picks the scenario (default scenarios/safe-isolation);
// PRAXIS_BENCH_SIZE=WxH the window size.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <vector>

#include "app/desktop_mode.h"
#include "app/desktop_tick_input.h"
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

/// One kind of input and how its effect shows in the session the next frame is drawn from.
struct Probe {
  std::vector<app::InputEvent> press;  // injected at the timestamp
  std::vector<app::InputEvent> after;  // undoes it once the effect was seen
  std::function<bool(const app::DesktopMode&, const praxis::core::Pose& headBefore)> shows;
};

Probe walk(app::Key key) {
  return Probe{{app::KeyDown{key}}, {app::KeyUp{key}},
               [](const app::DesktopMode& m, const praxis::core::Pose& before) {
                 return m.attempt().session().lastInput().head.position != before.position;
               }};
}

Probe look(double dx) {
  return Probe{{app::MouseMove{0.0, 0.0, dx, 0.0}}, {},
               [](const app::DesktopMode& m, const praxis::core::Pose& before) {
                 return m.attempt().session().lastInput().head.orientation != before.orientation;
               }};
}

Probe pauseMenu() {
  const std::vector<app::InputEvent> esc{app::KeyDown{app::Key::Escape}, app::KeyUp{app::Key::Escape}};
  return Probe{esc, esc, [](const app::DesktopMode& m, const praxis::core::Pose&) { return m.paused(); }};
}

/// W walks forward (the head moved), the mouse turns the head, Esc opens the pause menu (the
/// tick stands still); then back, so the trainee stays where the scenario put them.
std::vector<Probe> probes() {
  return {walk(app::Key::W), look(40.0), pauseMenu(), walk(app::Key::S), look(-40.0), pauseMenu()};
}

void BM_InputToFirstFrame(benchmark::State& state) {
  const char* dirEnv = std::getenv("PRAXIS_BENCH_SCENARIO");
  const fs::path dir = dirEnv != nullptr ? fs::path(dirEnv) : praxis::core::dataDir() / "scenarios" / "safe-isolation";
  auto package = praxis::scenario::loadScenarioPackage(dir);
  if (!package.ok()) {
    state.SkipWithError("the scenario has errors");
    return;
  }
  app::DesktopOptions options;
  options.packageDir = dir;
  if (const char* size = std::getenv("PRAXIS_BENCH_SIZE")) {
    std::sscanf(size, "%ux%u", &options.width, &options.height);
  }
  const auto& def = *package.scenario;
  auto mode = app::DesktopMode::open(def, options, [&](const app::Session&) {
    return std::make_unique<app::DesktopTickInput>(def);
  });
  if (!mode) {
    state.SkipWithError(mode.error().message.c_str());
    return;
  }
  app::DesktopMode& m = **mode;
  using Clock = std::chrono::steady_clock;
  auto last = Clock::now();
  const auto frame = [&] {
    const auto now = Clock::now();
    const double dt = std::chrono::duration<double>(now - last).count();
    last = now;
    return m.frame(std::min(dt, 0.1)).has_value();
  };
  for (int i = 0; i < 10; ++i) (void)frame();  // the first frames build pipelines
  const std::vector<Probe> kinds = probes();
  std::vector<double> frames;
  std::vector<double> ms;
  std::size_t n = 0;
  for (auto _ : state) {
    const Probe& probe = kinds[n++ % kinds.size()];
    const praxis::core::Pose before = m.attempt().session().lastInput().head;
    const auto t0 = Clock::now();
    for (const auto& e : probe.press) m.handle(e);
    int count = 0;
    bool seen = false;
    while (!seen && count < 10) {
      if (!frame()) {
        state.SkipWithError("a frame failed");
        return;
      }
      ++count;
      seen = probe.shows(m, before);  // what the frame just presented was drawn from
    }
    const auto t1 = Clock::now();
    frames.push_back(seen ? count : 99.0);
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    for (const auto& e : probe.after) m.handle(e);
    for (int i = 0; i < 3; ++i) (void)frame();  // settle before the next event
  }
  state.counters["frames_median"] = percentile(frames, 0.5);
  state.counters["frames_max"] = percentile(frames, 1.0);
  state.counters["ms_median"] = percentile(ms, 0.5);
  state.counters["ms_max"] = percentile(ms, 1.0);
}
BENCHMARK(BM_InputToFirstFrame)->Iterations(90)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
