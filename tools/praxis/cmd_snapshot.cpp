// praxis snapshot: renders a scenario offscreen in the state its reference solution reaches
// at the start of a step, as the trainee's eyes see it, and writes a PNG.
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "app/frame_builder.h"
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

/// An attempt in the state the reference solution reaches when `step` starts ("" = at the
/// start).
core::Result<std::unique_ptr<app::Attempt>> attemptAtStep(const scenario::PackageLoadResult& package,
                                                          const std::string& step) {
  const auto& def = *package.scenario;
  const scenario::TraineeScript* reference = referenceTest(package);
  if (step.empty() || reference == nullptr) {
    if (!step.empty()) return core::fail("the package has no reference test to reach a step");
    return app::Attempt::create(def, {});
  }
  if (def.findStep(step) == nullptr) {
    std::string known;
    for (const auto& s : def.steps) known += (known.empty() ? "" : ", ") + s.id;
    return core::fail("no step '", step, "' (steps: ", known, ")");
  }
  app::AttemptOptions options;
  options.session.seed = reference->seed;
  options.session.language = reference->language;
  auto attempt = app::Attempt::create(def, options);
  if (!attempt) return std::unexpected(attempt.error());
  app::RunOptions run;
  run.stopAtStep = step;
  (void)app::playScript(**attempt, *reference, run);
  if ((*attempt)->session().feedback().stepId != step) {
    return core::fail("the reference solution never reaches step '", step, "'");
  }
  return attempt;
}

/// "WxH" with both sides 1..8192.
bool parseSize(const std::string& text, unsigned& width, unsigned& height) {
  char extra = 0;
  return std::sscanf(text.c_str(), "%ux%u%c", &width, &height, &extra) == 2 && width > 0 &&
         height > 0 && width <= 8192 && height <= 8192;
}

}  // namespace

int runSnapshot(const CommandArgs& argv) {
  const auto parsed = parseCommand(
      argv, {{"--overview", "--validate"}, {"--out", "--step", "--size", "--eye", "--language"}, 1, 1},
      "snapshot", kHelp);
  if (!parsed.args) return parsed.exitCode;
  const Args* args = &*parsed.args;
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
  auto attempt = attemptAtStep(*package, args->option("--step").value_or(""));
  if (!attempt) return usageError("snapshot", dir.string() + ": " + attempt.error().message);
  const app::Session& session = (*attempt)->session();
  app::FrameOptions frame;
  frame.aspect = static_cast<float>(width) / static_cast<float>(height);
  frame.eyes = eye == "both" ? app::Eyes::Both : eye == "right" ? app::Eyes::Right : app::Eyes::Left;
  frame.overview = args->has("--overview");
  frame.lookAtHighlight = true;
  frame.language = args->option("--language").value_or("nl-BE");
  const auto input = app::buildFrame(session, frame);
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
  auto models = app::loadSceneModels(session.scene(), dir, *cacheDir);
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
