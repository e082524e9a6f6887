// VR benchmarks. BM_XrFrameLoopWithoutDrawing: the frame loop's own cost on the simulated
// OpenXR runtime (events, wait/begin/end frame, action sync, poses, the mapping to
// TraineeInput), with nothing drawn; target <= 0.3 ms per frame. BM_XrStereoFrame: one
// stereo frame at 2x1832x1920 (a Quest 2's recommended eye size) of a shipped scenario from
// the trainee's eyes, with the instruction panel, on whatever device the renderer picks
// (lavapipe without a GPU), at the VR mode's MSAA (automatic: 1x on lavapipe).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>

#include "app/frame_builder.h"
#include "app/session.h"
#include "app/vr_mode.h"
#include "core/paths.h"
#include "render/renderer.h"
#include "scenario/loader.h"

namespace {

namespace fs = std::filesystem;

fs::path scenarioDir() { return praxis::core::dataDir() / "scenarios" / "safe-isolation"; }

void BM_XrFrameLoopWithoutDrawing(benchmark::State& state) {
  // The runtime: XR_RUNTIME_JSON when set, else the simulated one of this build.
  ::setenv("XR_RUNTIME_JSON", PRAXIS_XR_SIM_MANIFEST, 0);
  ::setenv("PRAXIS_XR_SIM_PACE", "free", 1);
  ::setenv("PRAXIS_XR_SIM_VIEW_SIZE", "64x64", 1);
  ::setenv("XR_LOADER_DEBUG", "none", 0);
  auto loaded = praxis::scenario::loadScenario(scenarioDir());
  if (!loaded.scenario) {
    state.SkipWithError("cannot load safe-isolation");
    return;
  }
  praxis::app::VrOptions options;
  options.packageDir = scenarioDir();
  options.draw = false;
  auto mode = praxis::app::VrMode::open(*loaded.scenario, std::move(options), {});
  if (!mode) {
    state.SkipWithError(mode.error().message.c_str());
    return;
  }
  for (auto _ : state) {
    auto more = (*mode)->frame();
    if (!more || !*more) {
      state.SkipWithError(more ? "the session ended" : more.error().message.c_str());
      break;
    }
  }
  const auto& stats = (*mode)->stats();
  state.counters["loop_ms_per_frame"] = stats.loopMs / static_cast<double>(std::max<std::int64_t>(stats.frames, 1));
  state.counters["frames"] = static_cast<double>(stats.frames);
}
BENCHMARK(BM_XrFrameLoopWithoutDrawing)->Iterations(2000)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_XrStereoFrame(benchmark::State& state) {
  ::setenv("XDG_RUNTIME_DIR", "/tmp", 0);
  auto loaded = praxis::scenario::loadScenario(scenarioDir());
  if (!loaded.scenario) {
    state.SkipWithError("cannot load safe-isolation");
    return;
  }
  auto session = praxis::app::Session::create(*loaded.scenario, {});
  praxis::render::RendererOptions ro;
  ro.msaaSamples = praxis::render::kMsaaAuto;
  auto renderer = praxis::render::Renderer::create(ro);
  if (!session || !renderer) {
    state.SkipWithError("no session or renderer");
    return;
  }
  constexpr std::uint32_t kWidth = 1832;
  constexpr std::uint32_t kHeight = 1920;
  auto target = (*renderer)->createOffscreenTarget(kWidth, kHeight, 2);
  praxis::app::FrameOptions fo;
  fo.eyes = praxis::app::Eyes::Both;
  fo.aspect = static_cast<float>(kWidth) / static_cast<float>(kHeight);
  fo.lookAtHighlight = true;
  fo.hands = true;
  const auto frame = praxis::app::buildFrame(**session, fo);
  for (auto _ : state) {
    auto stats = (*renderer)->render(frame, **target);
    if (!stats) {
      state.SkipWithError(stats.error().message.c_str());
      break;
    }
    (*renderer)->waitIdle();  // the whole frame, CPU and (lavapipe's CPU) rasterising
  }
  state.counters["msaa"] = (*renderer)->msaaSamples();
  state.SetLabel((*renderer)->deviceName());
}
BENCHMARK(BM_XrStereoFrame)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(5.0);

}  // namespace

BENCHMARK_MAIN();
