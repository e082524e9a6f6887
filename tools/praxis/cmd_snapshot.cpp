// praxis snapshot: renders a scenario offscreen in the state its reference solution reaches
// at the start of a step, as the trainee's eyes see it, and writes a PNG.
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "app/headless.h"
#include "app/scene_models.h"
#include "assets/model_cache.h"
#include "args.h"
#include "commands.h"
#include "packages.h"
#include "render/renderer.h"

namespace praxis::cli {
namespace {

constexpr const char* kHelp =
    "usage: praxis snapshot DIR --out FILE.png [--step ID] [--size WxH] [--eye left|right|both]\n"
    "                       [--overview] [--validate] [--language TAG]\n\n"
    "Renders the scenario package DIR offscreen, in the state the reference solution reaches\n"
    "when step ID starts (default: the start), from the trainee's eyes.\n\n"
    "  --out FILE.png   where to write the image\n"
    "  --step ID        the step (see `praxis validate`); must be reached by the reference\n"
    "  --size WxH       image size per eye (default 1280x720)\n"
    "  --eye EYE        left, right, or both side by side (default left)\n"
    "  --overview       a camera that frames the whole scene instead of the trainee's eyes\n"
    "  --language TAG   language of the instruction panel (default nl-BE)\n"
    "  --validate       enable the Vulkan validation layer; any message fails (exit 1)\n\n"
    "Uses a GPU when there is one, else lavapipe (PRAXIS_VK_DEVICE=cpu forces lavapipe).\n"
    "Exit: 0 written, 1 validation messages or package errors, 2 usage or environment error.\n";

constexpr float kHalfIpd = 0.032F;  // metres; an average adult's interpupillary distance / 2
constexpr float kFovY = 1.2F;       // radians, close to a headset's vertical field of view

/// The world as the reference solution leaves it when `step` starts ("" = at the start).
struct StepState {
  scene::Scene scene;
  scenario::Feedback feedback;
  interaction::TraineeInput input;
  core::Tick tick = 0;
};

core::Result<StepState> stateAtStep(const scenario::PackageLoadResult& package,
                                    const std::string& step) {
  const auto& def = *package.scenario;
  const scenario::TraineeScript* reference = referenceTest(package);
  if (step.empty() || reference == nullptr) {
    if (!step.empty()) return core::fail("the package has no reference test to reach a step");
    auto session = app::Session::create(def, {});
    if (!session) return std::unexpected(session.error());
    return StepState{(*session)->scene(), (*session)->feedback(), (*session)->lastInput(), 0};
  }
  if (def.findStep(step) == nullptr) {
    std::string known;
    for (const auto& s : def.steps) known += (known.empty() ? "" : ", ") + s.id;
    return core::fail("no step '", step, "' (steps: ", known, ")");
  }
  std::optional<StepState> captured;
  app::RunOptions options;
  options.stopAtStep = step;
  options.onAttemptEvent = [&](const app::Session& s, const scenario::AttemptEvent& e) {
    if (!captured && e.kind == scenario::AttemptEventKind::StepStarted && e.stepId == step) {
      captured = StepState{s.scene(), s.feedback(), s.lastInput(), e.tick};
    }
  };
  auto run = app::runScript(def, *reference, options);
  if (!run) return std::unexpected(run.error());
  if (!captured) return core::fail("the reference solution never reaches step '", step, "'");
  return std::move(*captured);
}

render::FrameInput frameFor(const StepState& state, const std::string& eye, bool overview,
                            float aspect, const std::string& language) {
  render::FrameInput input;
  input.scene = &state.scene;
  for (const auto& id : state.feedback.highlight) {
    if (auto entity = state.scene.find(id)) input.highlighted.push_back(*entity);
  }
  if (state.feedback.faultTick >= 0) {
    // A fault raised in the last second still flashes, fading out.
    const double since = core::ticksToSeconds(state.tick - state.feedback.faultTick);
    if (since < 1.0) input.faultFlash = static_cast<float>(1.0 - since);
  }
  if (overview) {
    const render::View view = render::defaultView(state.scene, aspect);
    input.views.assign(eye == "both" ? 2 : 1, view);
    return input;
  }
  // The trainee looks at what the step names (scripted trainees move hands, not heads).
  core::Pose head = state.input.head;
  if (!input.highlighted.empty()) {
    core::Vec3 centre(0.0F);
    for (auto id : input.highlighted) centre += state.scene.at(id).worldPose.position;
    centre /= static_cast<float>(input.highlighted.size());
    if (glm::length(centre - head.position) > 0.05F) {
      head.orientation = glm::quatLookAt(glm::normalize(centre - head.position), {0, 1, 0});
    }
  }
  if (state.feedback.instruction != nullptr) {
    // The instruction panel floats low and to the right of where the trainee looks.
    render::Panel panel;
    panel.title = state.feedback.stepId;
    panel.body = state.feedback.instruction->in(language);
    panel.sizeMetres = {0.36F, 0.2F};
    panel.pixelsPerMetre = 1000;
    panel.pose = core::Pose{head.apply({0.2F, -0.12F, -0.7F}), head.orientation};
    input.panels.push_back(panel);
  }
  for (const float side : {-1.0F, 1.0F}) {
    if ((eye == "left" && side > 0.0F) || (eye == "right" && side < 0.0F)) continue;
    const core::Pose pose{head.apply({side * kHalfIpd, 0.0F, 0.0F}), head.orientation};
    input.views.push_back(render::makePerspectiveView(pose, kFovY, aspect));
  }
  return input;
}

/// "WxH" with both sides 1..8192.
bool parseSize(const std::string& text, unsigned& width, unsigned& height) {
  char extra = 0;
  return std::sscanf(text.c_str(), "%ux%u%c", &width, &height, &extra) == 2 && width > 0 &&
         height > 0 && width <= 8192 && height <= 8192;
}

}  // namespace

int runSnapshot(const CommandArgs& argv) {
  auto args = parseArgs(argv, {{"--overview", "--validate"},
                               {"--out", "--step", "--size", "--eye", "--language"}, 1, 1});
  if (!args) {
    std::fprintf(stderr, "praxis snapshot: %s\n\n%s", args.error().message.c_str(), kHelp);
    return kExitUsage;
  }
  if (args->has("--help")) {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  const auto out = args->option("--out");
  if (!out) {
    std::fprintf(stderr, "praxis snapshot: --out FILE.png is required\n");
    return kExitUsage;
  }
  unsigned width = 1280;
  unsigned height = 720;
  if (auto size = args->option("--size"); size && !parseSize(*size, width, height)) {
    std::fprintf(stderr, "praxis snapshot: --size %s: expected WxH, e.g. 1280x720\n", size->c_str());
    return kExitUsage;
  }
  const std::string eye = args->option("--eye").value_or("left");
  if (eye != "left" && eye != "right" && eye != "both") {
    std::fprintf(stderr, "praxis snapshot: --eye %s: expected left, right or both\n", eye.c_str());
    return kExitUsage;
  }
  const std::filesystem::path dir = args->positionals.front();
  if (!scenario::isScenarioPackage(dir)) {
    std::fprintf(stderr, "praxis snapshot: %s: not a scenario package (no scenario.yaml)\n", dir.c_str());
    return kExitUsage;
  }
  auto package = loadPackageReporting(dir);
  if (!package) return kExitBrokenPackage;
  auto state = stateAtStep(*package, args->option("--step").value_or(""));
  if (!state) {
    std::fprintf(stderr, "praxis snapshot: %s: %s\n", dir.c_str(), state.error().message.c_str());
    return kExitUsage;
  }
  const std::string language = args->option("--language").value_or("nl-BE");
  const auto input = frameFor(*state, eye, args->has("--overview"),
                              static_cast<float>(width) / static_cast<float>(height), language);
  render::RendererOptions options;
  std::size_t messages = 0;
  options.validation = args->has("--validate");
  options.onValidationMessage = [&messages](std::string_view m) {
    ++messages;
    std::fprintf(stderr, "%.*s\n", static_cast<int>(m.size()), m.data());
  };
  // Objects drawn from model files: imported once, then read from the baked cache.
  auto cacheDir = assets::defaultModelCacheDir();
  if (!cacheDir) {
    std::fprintf(stderr, "praxis snapshot: %s\n", cacheDir.error().message.c_str());
    return kExitUsage;
  }
  auto models = app::loadSceneModels(state->scene, dir, *cacheDir);
  if (!models) {
    std::fprintf(stderr, "praxis snapshot: %s: %s\n", dir.c_str(), models.error().message.c_str());
    return kExitUsage;
  }
  for (const auto& w : models->warnings) std::fprintf(stderr, "praxis snapshot: warning: %s\n", w.c_str());
  auto written = render::renderSceneToPng(input, width, height, *out, std::move(options), models->byPath);
  if (!written) {
    std::fprintf(stderr, "praxis snapshot: %s\n", written.error().message.c_str());
    return kExitUsage;
  }
  if (messages > 0) {
    std::fprintf(stderr, "praxis snapshot: %zu validation message(s)\n", messages);
    return kExitFailed;
  }
  std::printf("%s\n", out->c_str());
  return kExitOk;
}

}  // namespace praxis::cli
