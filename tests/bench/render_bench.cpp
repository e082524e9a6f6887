// Renderer benchmarks: engine CPU per frame for 2,000 objects in stereo, time to first frame
// (cold and warm caches) and the desktop-size frame rate. Picks a GPU when one is present
// (PRAXIS_VK_DEVICE=cpu forces lavapipe). For the shipped-scenario benchmark:
// PRAXIS_BENCH_NO_PANEL=1, PRAXIS_BENCH_OVERVIEW=1 (camera framing
// the whole scene instead of the trainee's eyes), PRAXIS_BENCH_PNG=FILE (save the last frame).
#include <benchmark/benchmark.h>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "app/hud.h"
#include "app/session.h"
#include "core/paths.h"
#include "render/renderer.h"
#include "scenario/loader.h"

namespace {

using praxis::render::FrameInput;
using praxis::render::Renderer;
using praxis::render::RendererOptions;
namespace scene = praxis::scene;
namespace core = praxis::core;

void ensureRuntimeDir() {
  if (const char* dir = std::getenv("XDG_RUNTIME_DIR"); dir != nullptr && *dir != '\0') return;
  const auto path = std::filesystem::temp_directory_path() / ("praxis-xdg-" + std::to_string(::getuid()));
  std::filesystem::create_directories(path);
  ::chmod(path.c_str(), 0700);
  ::setenv("XDG_RUNTIME_DIR", path.c_str(), 0);
}

std::filesystem::path cacheFile() {
  return std::filesystem::temp_directory_path() / "praxis-bench" / "pipelines.bin";
}

std::unique_ptr<Renderer> makeRenderer(std::uint32_t msaa = 4) {
  ensureRuntimeDir();
  RendererOptions options;
  options.msaaSamples = msaa;
  options.pipelineCacheFile = cacheFile();
  auto renderer = Renderer::create(options);
  if (!renderer) {
    std::fprintf(stderr, "render_bench: %s\n", renderer.error().message.c_str());
    std::exit(2);
  }
  return std::move(*renderer);
}

/// A training room's worth of objects: 2,000 primitives on a 2D grid, some with parts, some
/// parented, a few translucent; about a third fall outside the view.
scene::Scene generatedScene(int count) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> unit(0.0F, 1.0F);
  scene::Scene s;
  scene::Entity floor;
  floor.id = "floor";
  floor.visual.shape = scene::Shape{scene::ShapeKind::Plane, {30.0F, 0.01F, 30.0F}};
  s.add(floor);
  const scene::ShapeKind kinds[] = {scene::ShapeKind::Box, scene::ShapeKind::Cylinder,
                                    scene::ShapeKind::Sphere, scene::ShapeKind::Capsule};
  for (int i = 0; i < count; ++i) {
    scene::Entity e;
    e.id = "object-" + std::to_string(i);
    e.visual.shape = scene::Shape{kinds[i % 4], core::Vec3(0.1F + 0.2F * unit(rng))};
    e.visual.colour = {unit(rng), unit(rng), unit(rng), i % 50 == 0 ? 0.5F : 1.0F};
    e.localPose.position = {(static_cast<float>(i % 50) - 25.0F) * 0.5F, 0.3F,
                            -static_cast<float>(i / 50) * 0.5F + 2.0F};
    e.localPose.orientation = core::quatFromEulerDegrees({0.0F, unit(rng) * 360.0F, 0.0F});
    if (i % 10 == 0) {
      e.visual.parts.push_back({scene::Shape{scene::ShapeKind::Box, core::Vec3(0.05F)},
                                core::Pose{{0.0F, 0.2F, 0.0F}, {}}, {1.0F, 1.0F, 1.0F, 1.0F}});
    }
    if (i % 7 == 0 && i > 0) e.parent = static_cast<scene::EntityId>(i);  // the one before
    s.add(e);
  }
  s.updateWorldPoses();
  return s;
}

std::vector<praxis::render::View> stereoViews() {
  std::vector<praxis::render::View> views;
  for (float x : {-0.032F, 0.032F}) {
    core::Pose eye{{x, 1.6F, 3.0F}, core::quatFromEulerDegrees({-15.0F, 0.0F, 0.0F})};
    views.push_back(praxis::render::makeFovView(eye, -0.94F, 0.77F, 0.87F, -0.93F));
  }
  return views;
}

/// Engine CPU per frame: scene update (world poses), draw-list build, culling, recording.
/// Measured with manual time, so waiting for the GPU (lavapipe is slow) is not counted, and
/// the GPU is idle while the engine works (lavapipe would otherwise share the CPU cores).
void BM_EngineCpuPerFrameStereo2000(benchmark::State& state) {
  auto renderer = makeRenderer();
  auto scene = generatedScene(2000);
  auto target = renderer->createOffscreenTarget(64, 64, 2);
  FrameInput input;
  input.scene = &scene;
  input.views = stereoViews();
  input.highlighted = {10, 20, 30};
  double update = 0, build = 0, cull = 0, record = 0, submit = 0;
  for (auto _ : state) {
    // On lavapipe the "GPU" is the CPU: let the previous frame finish first, or its
    // rasterizer threads compete with the engine work measured here (on 2 cores, that
    // contention was half of the measured time and all of its noise).
    renderer->waitIdle();
    const auto start = std::chrono::steady_clock::now();
    scene.updateWorldPoses();
    const double updateMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    auto stats = renderer->render(input, **target);
    if (!stats) {
      state.SkipWithError(stats.error().message.c_str());
      break;
    }
    const double cpuMs = updateMs + stats->sceneUpdateMs + stats->cullMs + stats->recordMs;
    state.SetIterationTime(cpuMs / 1000.0);
    update += updateMs;
    build += stats->sceneUpdateMs;
    cull += stats->cullMs;
    record += stats->recordMs;
    submit += stats->submitMs;
    state.counters["draws"] = stats->drawCalls;
    state.counters["visible"] = stats->visibleObjects;
    state.counters["culled"] = stats->culledObjects;
  }
  const double n = static_cast<double>(state.iterations());
  state.counters["world_poses_ms"] = update / n;
  state.counters["draw_list_ms"] = build / n;
  state.counters["cull_sort_ms"] = cull / n;
  state.counters["record_ms"] = record / n;
  state.counters["submit_ms"] = submit / n;
  state.SetLabel(renderer->deviceName());
}
// Fixed iterations: each one also waits for lavapipe to draw the frame, which is slow.
BENCHMARK(BM_EngineCpuPerFrameStereo2000)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(60);

/// The same with the desktop HUD: a mono 1280x720 frame with the HUD laid out (step panel
/// with a hint, a fault waiting, the time, a hovered label) and drawn as the overlay. Engine
/// CPU = world poses + HUD layout (Hud::frame) + draw list + cull + record (the overlay's
/// vertices are copied while recording).
void BM_EngineCpuPerFrameWithHud2000(benchmark::State& state) {
  auto renderer = makeRenderer(praxis::render::kMsaaAuto);
  auto scene = generatedScene(2000);
  auto target = renderer->createOffscreenTarget(1280, 720, 1);
  auto hud = praxis::app::Hud::create();
  if (!hud) {
    state.SkipWithError(hud.error().message.c_str());
    return;
  }
  praxis::app::HudState hudState;
  hudState.stepNumber = 3;
  hudState.stepCount = 8;
  hudState.stepsDone = 2;
  hudState.stepTitle = "Vergrendelen";
  hudState.instruction = "Regel 2 — Vergrendel Q1 met je persoonlijk hangslot.";
  hudState.hint = "Het hangslot ligt op de werkbank rechts van je.";
  hudState.faults.push_back({"Je hebt de kast geopend zonder te vergrendelen.",
                             praxis::scenario::Severity::Major, 20, 100});
  hudState.timeLimitSeconds = 600.0;
  hudState.hoveredLabel = "Automaat Q1 (machine)";
  praxis::app::HudInput hudInput;
  hudInput.mouse = glm::vec2(640.0F, 360.0F);
  FrameInput input;
  input.scene = &scene;
  const core::Pose eye{{0.0F, 1.6F, 3.0F}, core::quatFromEulerDegrees({-15.0F, 0.0F, 0.0F})};
  input.views = {praxis::render::makePerspectiveView(eye, 1.2F, 1280.0F / 720.0F)};
  input.highlighted = {10, 20, 30};
  // Two frames first (one per frame in flight): they upload the HUD's font atlas and size
  // the overlay's vertex buffers, one-offs, not per-frame work.
  for (int i = 0; i < 2; ++i) {
    input.overlay = (*hud)->frame(hudInput, hudState).drawData;
    if (auto warm = renderer->render(input, **target); !warm) {
      state.SkipWithError(warm.error().message.c_str());
      return;
    }
  }
  double hudMs = 0;
  double overlayMs = 0;
  for (auto _ : state) {
    renderer->waitIdle();  // as above: lavapipe's rasterizer must not share the cores
    const auto start = std::chrono::steady_clock::now();
    scene.updateWorldPoses();
    hudState.elapsedSeconds += 1.0 / 60.0;
    input.overlay = (*hud)->frame(hudInput, hudState).drawData;
    const double beforeRenderMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    auto stats = renderer->render(input, **target);
    if (!stats) {
      state.SkipWithError(stats.error().message.c_str());
      break;
    }
    state.SetIterationTime((beforeRenderMs + stats->sceneUpdateMs + stats->cullMs + stats->recordMs) / 1000.0);
    hudMs += beforeRenderMs;
    overlayMs += stats->overlayMs;
  }
  const double n = static_cast<double>(state.iterations());
  state.counters["poses_and_hud_ms"] = hudMs / n;
  state.counters["overlay_copy_ms"] = overlayMs / n;
  state.SetLabel(renderer->deviceName());
}
BENCHMARK(BM_EngineCpuPerFrameWithHud2000)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(60);

/// Renderer creation, pipelines, upload and one frame read back. Arg 0: cold (no pipeline
/// cache, Mesa's shader cache off); 1: warm.
void BM_TimeToFirstFrame(benchmark::State& state) {
  const bool warm = state.range(0) == 1;
  auto scene = generatedScene(40);
  if (warm) {
    ::unsetenv("MESA_SHADER_CACHE_DISABLE");
    makeRenderer();  // fills both caches
  } else {
    ::setenv("MESA_SHADER_CACHE_DISABLE", "true", 1);
  }
  std::string device;
  for (auto _ : state) {
    if (!warm) std::filesystem::remove(cacheFile());
    auto renderer = makeRenderer();
    auto target = renderer->createOffscreenTarget(1280, 720, 1);
    FrameInput input;
    input.scene = &scene;
    input.views = {praxis::render::defaultView(scene, 1280.0F / 720.0F)};
    if (auto stats = renderer->render(input, **target); !stats) {
      state.SkipWithError(stats.error().message.c_str());
    }
    benchmark::DoNotOptimize((*target)->readback(0));
    device = renderer->deviceName();
  }
  ::unsetenv("MESA_SHADER_CACHE_DISABLE");
  state.SetLabel(device + (warm ? " warm" : " cold"));
}
BENCHMARK(BM_TimeToFirstFrame)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(3);

/// Renders `input` once per iteration, frames in flight, and records the frame rate, the
/// mean GPU time (timestamp queries) and the device.
void renderFrames(benchmark::State& state, Renderer& renderer, const FrameInput& input,
                  praxis::render::RenderTarget& target) {
  double gpu = 0;
  int gpuFrames = 0;
  for (auto _ : state) {
    auto stats = renderer.render(input, target);
    if (!stats) {
      state.SkipWithError(stats.error().message.c_str());
      break;
    }
    if (stats->gpuMs >= 0) {
      gpu += stats->gpuMs;
      ++gpuFrames;
    }
  }
  renderer.waitIdle();
  state.counters["fps"] = benchmark::Counter(static_cast<double>(state.iterations()),
                                             benchmark::Counter::kIsRate);
  if (gpuFrames > 0) state.counters["gpu_ms"] = gpu / gpuFrames;
  state.SetLabel(renderer.deviceName());
}

/// Desktop frame rate: 1280x720, a room of 40 objects, frames in flight, GPU included.
/// Arg: MSAA samples (4, the default, or 1).
void BM_DesktopFrame1280x720(benchmark::State& state) {
  auto renderer = makeRenderer(static_cast<std::uint32_t>(state.range(0)));
  auto scene = generatedScene(40);
  auto target = renderer->createOffscreenTarget(1280, 720, 1);
  FrameInput input;
  input.scene = &scene;
  input.views = {praxis::render::defaultView(scene, 1280.0F / 720.0F)};
  renderFrames(state, *renderer, input, **target);
}
BENCHMARK(BM_DesktopFrame1280x720)->Arg(4)->Arg(1)->Unit(benchmark::kMillisecond)->MinTime(3.0)->UseRealTime();

/// Desktop frame rate on a shipped scenario at its start, from the trainee's eyes, with the
/// first step's instruction panel. Arg: 0 safe-isolation, 1 fire-extinguisher.
void BM_DesktopFrameShippedScenario(benchmark::State& state) {
  const char* names[] = {"safe-isolation", "fire-extinguisher"};
  const auto dir = core::dataDir() / "scenarios" / names[state.range(0)];
  auto loaded = praxis::scenario::loadScenario(dir);
  if (!loaded.scenario) {
    state.SkipWithError(("cannot load " + dir.string()).c_str());
    return;
  }
  auto session = praxis::app::Session::create(*loaded.scenario, {});
  if (!session) {
    state.SkipWithError(session.error().message.c_str());
    return;
  }
  auto renderer = makeRenderer(static_cast<std::uint32_t>(state.range(1)));
  auto target = renderer->createOffscreenTarget(1280, 720, 1);
  const auto& scene = (*session)->scene();
  FrameInput input;
  input.scene = &scene;
  const core::Pose head = (*session)->lastInput().head;
  input.views = {praxis::render::makePerspectiveView(head, 1.2F, 1280.0F / 720.0F)};
  const auto feedback = (*session)->feedback();
  for (const auto& id : feedback.highlight) {
    if (auto e = scene.find(id)) input.highlighted.push_back(*e);
  }
  if (feedback.instruction != nullptr) {
    input.panels.push_back({feedback.stepId, feedback.instruction->in("nl-BE"),
                            core::Pose{head.apply({0.2F, -0.12F, -0.7F}), head.orientation}});
  }
  if (std::getenv("PRAXIS_BENCH_NO_PANEL") != nullptr) input.panels.clear();
  if (std::getenv("PRAXIS_BENCH_OVERVIEW") != nullptr) {
    input.views = {praxis::render::defaultView(scene, 1280.0F / 720.0F)};
  }
  for (auto _ : state) {
    auto stats = renderer->render(input, **target);
    if (!stats) {
      state.SkipWithError(stats.error().message.c_str());
      break;
    }
    state.counters["draws"] = stats->drawCalls;
    state.counters["visible"] = stats->visibleObjects;
    if (stats->gpuMs >= 0) state.counters["gpu_ms"] = stats->gpuMs;
  }
  renderer->waitIdle();
  if (const char* png = std::getenv("PRAXIS_BENCH_PNG"); png != nullptr) {
    if (auto image = (*target)->readback(0)) (void)praxis::render::writePng(*image, png);
  }
  state.counters["fps"] = benchmark::Counter(static_cast<double>(state.iterations()),
                                             benchmark::Counter::kIsRate);
  state.counters["msaa"] = renderer->msaaSamples();
  state.SetLabel(std::string(names[state.range(0)]) + " on " + renderer->deviceName());
}
// Args: scenario (0 safe-isolation, 1 fire-extinguisher), MSAA (4, or 0 = automatic: what a
// desktop session gets, 1 on lavapipe).
BENCHMARK(BM_DesktopFrameShippedScenario)
    ->ArgsProduct({{0, 1}, {4, 0}})
    ->Unit(benchmark::kMillisecond)
    ->MinTime(3.0)
    ->UseRealTime();

/// GPU frame time for the XR case: stereo 2x2064x2208, 4x MSAA, 2,000 objects (arg 1) or the
/// 40-object room (arg 0). Meant for a real GPU; slow on lavapipe.
void BM_StereoHeadsetFrame(benchmark::State& state) {
  auto renderer = makeRenderer();
  auto scene = generatedScene(state.range(0) == 1 ? 2000 : 40);
  auto target = renderer->createOffscreenTarget(2064, 2208, 2);
  FrameInput input;
  input.scene = &scene;
  input.views = stereoViews();
  renderFrames(state, *renderer, input, **target);
}
BENCHMARK(BM_StereoHeadsetFrame)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(20);

}  // namespace

BENCHMARK_MAIN();
