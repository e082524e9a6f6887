// `praxis edit DIR` without --apply: the instructor's editor window (app::EditorMode) on a
// scenario package. cmd_edit.cpp dispatches here; `--apply EDITS.json`, the same commands
// without a window, is its own.
#include <cstdio>
#include <string>

#include "app/desktop_mode.h"
#include "app/editor.h"
#include "app/editor_template.h"
#include "args.h"
#include "commands.h"
#include "scenario/loader.h"

namespace praxis::cli {
namespace {

constexpr const char* kName = "edit";

constexpr const char* kWindowUsage = "usage: praxis edit DIR [--new] [--size WxH] [--language TAG] [--validate]\n"
                                    "                   [--screenshot FILE.png] [--exit-after-frames N]\n\n";

ArgSpec argSpec() {
  return ArgSpec{.flags = {"--validate", "--new"},
                 .options = {"--size", "--language", "--screenshot", "--exit-after-frames"},
                 .minPositionals = 1,
                 .maxPositionals = 1};
}

int openWindow(const Args& args) {
  const std::filesystem::path dir = args.positionals.front();
  if (args.has("--new")) {
    if (auto made = app::createFromTemplate(dir, dir.filename().string()); !made) {
      return usageError(kName, "--new: " + made.error().message);
    }
    std::printf("created %s from the template\n", dir.c_str());
  }
  if (!scenario::isScenarioPackage(dir)) {
    return usageError(kName, dir.string() + ": not a scenario package (no scenario.yaml)");
  }
  if (auto available = app::desktopAvailable(); !available) {
    return usageError(kName, "cannot open the editor window: " + available.error().message +
                                 "; use `praxis edit DIR --apply EDITS.json` without a display");
  }
  app::EditorOptions options;
  options.packageDir = dir;
  if (auto size = args.option("--size")) {
    char extra = 0;
    if (std::sscanf(size->c_str(), "%ux%u%c", &options.width, &options.height, &extra) != 2 ||
        options.width == 0 || options.height == 0 || options.width > 8192 || options.height > 8192) {
      return usageError(kName, "--size " + *size + ": expected WxH, e.g. 1280x720");
    }
  }
  if (auto language = args.option("--language")) options.language = *language;
  auto frames = wholeNumberOption(args, "--exit-after-frames", 1, 1'000'000);
  if (!frames) return usageError(kName, frames.error().message);
  std::size_t messages = 0;
  options.validation = args.has("--validate");
  options.onValidationMessage = [&messages](std::string_view m) {
    ++messages;
    std::fprintf(stderr, "%.*s\n", static_cast<int>(m.size()), m.data());
  };
  auto editor = app::EditorMode::open(std::move(options));
  if (!editor) return usageError(kName, editor.error().message);
  const std::int64_t limit = *frames ? static_cast<std::int64_t>(**frames) : -1;
  if (auto ran = (*editor)->run(limit); !ran) return usageError(kName, ran.error().message);
  if (auto file = args.option("--screenshot")) {
    if (auto written = (*editor)->writeScreenshot(*file); !written) {
      return usageError(kName, written.error().message);
    }
  }
  if (messages > 0) {
    std::fprintf(stderr, "praxis edit: %zu Vulkan validation message(s)\n", messages);
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace

const char* const kEditWindowHelp =
    "Without --apply, `praxis edit DIR` opens the editor window: the scene, its objects and\n"
    "components, the steps and faults, translations, live validation, play-test and the\n"
    "scripted tests. Every change is one of the commands above (undo Ctrl+Z, redo Ctrl+Y);\n"
    "Ctrl+S saves the same way. docs/editor.md describes the panels and keys.\n\n"
    "window options:\n"
    "  --new                   create DIR from the template first (a table, a button, one\n"
    "                          step in nl-BE, fr-BE and en, and its reference test)\n"
    "  --size WxH              window size (default 1280x720)\n"
    "  --language TAG          the language shown first (default nl-BE)\n"
    "  --validate              enable the Vulkan validation layer; any message fails (exit 1)\n"
    "  --screenshot FILE.png   write the last frame when the window closes\n"
    "  --exit-after-frames N   close the window after N frames (tests, benchmarks)\n"
    "Without a display the window cannot open: one line says so (exit 2).\n\n";

int runEditWindow(const CommandArgs& argv) {
  const std::string help = std::string(kWindowUsage) + kEditWindowHelp;
  const auto parsed = parseCommand(argv, argSpec(), kName, help);
  if (!parsed.args) return parsed.exitCode;
  return openWindow(*parsed.args);
}

}  // namespace praxis::cli
