// praxis run: one attempt of a scenario, in a desktop window when there is a display, else
// (--headless) as fast as the CPU allows. It prints what happens as it happens. The attempt
// itself (session, xAPI, events) is app::Attempt and the window app::DesktopMode; this file
// parses, picks the front end and prints.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include <nlohmann/json.hpp>

#include "app/desktop_mode.h"
#include "app/desktop_tick_input.h"
#include "app/headless.h"
#include "app/input_recording.h"
#include "args.h"
#include "commands.h"
#include "core/hash.h"
#include "core/localized_text.h"
#include "core/paths.h"
#include "packages.h"
#include "run_vr.h"
#include "scenario/validator.h"
#include "xapi_output.h"

namespace praxis::cli {
namespace {

constexpr const char* kName = "run";

std::string help() {
  return std::string(
             "usage: praxis run DIR [--mode desktop|vr|ar|headless] [--autopilot | --script TEST] [options]\n\n"
             "Runs one attempt of the scenario package DIR: on a VR headset when an OpenXR runtime\n"
             "with one is there, else in a window when there is a display (DISPLAY or\n"
             "WAYLAND_DISPLAY), else it says so and suggests --headless. In the window\n"
             "you play with mouse and keyboard (F1 lists the controls); --autopilot or --script\n"
             "play through the same controls with synthesised events. Headless needs one of them.\n\n"
             "  --mode MODE       vr (a headset), ar (AR glasses, a handheld), desktop (a window)\n"
             "                    or headless\n"
             "  --headless        the same as --mode headless: no window, as fast as the CPU allows\n"
             "  --autopilot       play the scenario's reference solution (desktop: at a person's pace)\n"
             "  --script TEST     play tests/TEST.yaml (or a path to a test file)\n"
             "  --language TAG    language of the texts shown (default: the test's, else nl-BE)\n"
             "  --seed N          the session's random seed (default: the test's)\n"
             "  --record FILE     write the per-tick input to FILE for `praxis replay`\n"
             "  --trace           also print every world event (grabbed, touched, snapped, ...)\n"
             "  --json            print the result as JSON instead of the step-by-step log\n"
             "  --no-xapi         record no xAPI statements for this attempt\n\n"
             "Desktop mode:\n"
             "  --speed N         simulated seconds per real second (default 1: human speed)\n"
             "  --exit            close the window when the attempt ends\n"
             "  --screenshot FILE write the last frame drawn to FILE (PNG)\n"
             "  --size WxH        the window's size (default 1280x720)\n"
             "  --validate        Vulkan validation layer on; any message fails (exit 1)\n"
             "  Esc opens the pause menu, F1 the controls, F11 toggles full screen; the tick also\n"
             "  stops while the window is minimised or unfocused. Closing the window before the\n"
             "  end reports the attempt as aborted.\n\n" +
         vrHelp() +
         "\n"
             "xAPI: every attempt's statements go to the durable outbox first and from there to the\n"
             "LRS, when one is configured (see docs/xapi.md):\n") +
         kXapiHelp +
         "\nExit: 0 attempt passed, 1 attempt failed or the package has errors, 2 usage or\n"
         "environment error (also when statements could not be stored: the attempt is not\n"
         "recorded), 3 launched by a cmi5 LMS that has not accepted every statement (the lines\n"
         "above say which and why).\n";
}

ArgSpec argSpec() {
  ArgSpec spec{{"--headless", "--autopilot", "--json", "--trace", "--no-xapi", "--exit", "--validate"},
               {"--script", "--language", "--record", "--seed", "--mode", "--speed", "--screenshot",
                "--size"},
               1, 1};
  spec.options.insert(kXapiOptions.begin(), kXapiOptions.end());
  spec.flags.insert(kVrFlags.begin(), kVrFlags.end());
  spec.options.insert(kVrOptions.begin(), kVrOptions.end());
  return spec;
}

/// The argument combinations parseArgs cannot check; "" when they are fine.
std::string contradiction(const Args& args) {
  if (args.has("--autopilot") && args.option("--script")) {
    return "give one of --autopilot or --script TEST, not both";
  }
  if (args.has("--headless") && args.option("--mode").value_or("headless") != "headless") {
    return "--headless and --mode " + *args.option("--mode") + " contradict each other";
  }
  if (auto speed = args.option("--speed")) {
    char* end = nullptr;
    const double v = std::strtod(speed->c_str(), &end);
    if (speed->empty() || *end != '\0' || !(v > 0.0 && v <= 1000.0)) {
      return "--speed " + *speed + ": expected a number above 0 (1 is real time)";
    }
  }
  if (args.has("--no-xapi")) {
    for (const auto& name : kXapiOptions) {
      if (args.option(name)) return "--no-xapi and " + name + " contradict each other";
    }
  }
  if (auto seed = wholeNumberOption(args, "--seed", 0, UINT64_MAX); !seed) return seed.error().message;
  if (std::string vr = vrOptionsProblem(args); !vr.empty()) return vr;
  if (auto record = args.option("--record")) {
    // Before the attempt: a recording that cannot be written would be lost at its end.
    if (auto writable = core::checkWritable(*record); !writable) {
      return "--record " + writable.error().message;
    }
  }
  return {};
}

/// The script to play, or null with an empty `error` when a person plays (desktop, no
/// --autopilot or --script).
const scenario::TraineeScript* pickScript(const scenario::PackageLoadResult& package,
                                          const Args& args, std::string& error) {
  if (!args.has("--autopilot") && !args.option("--script")) return nullptr;
  if (args.has("--autopilot")) {
    const auto* ref = referenceTest(package);
    if (ref == nullptr) error = "the package has no reference test";
    return ref;
  }
  const std::string wanted = *args.option("--script");
  for (const auto& t : package.tests) {
    const std::filesystem::path file(t.file);
    if (file.stem() == wanted || file.filename() == wanted || t.file == wanted) return &t;
  }
  error = "no test '" + wanted + "' in the package";
  return nullptr;
}

// --script FILE outside the package (e.g. written by `praxis explore --write-tests`): read
// and checked against the package's scenario like one of its own tests.
std::optional<scenario::TraineeScript> scriptFromFile(const scenario::PackageLoadResult& package,
                                                      const std::string& file) {
  if (!std::filesystem::is_regular_file(file)) return std::nullopt;
  auto loaded = scenario::loadTraineeScript(file);
  if (loaded.script) scenario::validateScript(*package.scenario, *loaded.script, loaded.diagnostics);
  std::fputs(loaded.diagnostics.format().c_str(), stderr);
  if (!loaded.script || loaded.diagnostics.hasErrors()) return std::nullopt;
  return loaded.script;
}

/// The xAPI output of this attempt and the trainee it reports, or nothing with --no-xapi.
/// It opens before the attempt starts: a bad config or a failed cmi5 launch stops here,
/// before the trainee has done anything that would go unrecorded.
core::Result<app::OpenedOutput> openOutput(const Args& args, std::string& trainee) {
  if (args.has("--no-xapi")) return app::OpenedOutput{};
  auto opened = openXapiOutput(args);
  if (!opened) return std::unexpected(opened.error());
  // A cmi5 launch names the trainee itself; beginAttempt ignores the id then.
  if (!args.option("--cmi5")) {
    auto id = traineeId(args);
    if (!id) return std::unexpected(id.error());
    trainee = *id;
  }
  return opened;
}

void printEvent(const app::Session& session, const scenario::AttemptEvent& e) {
  const auto& def = session.definition();
  const std::string& language = session.options().language;
  const double t = core::ticksToSeconds(e.tick);
  using K = scenario::AttemptEventKind;
  switch (e.kind) {
    case K::Started: break;
    case K::StepStarted: {
      const auto* step = def.findStep(e.stepId);
      const auto index = static_cast<std::size_t>(step - def.steps.data()) + 1;
      std::printf("[%6.1f s] step %zu/%zu %s: %s\n", t, index, def.steps.size(), e.stepId.c_str(),
                  step->instruction.in(language).c_str());
      break;
    }
    case K::StepCompleted:
      std::printf("[%6.1f s]   done in %.1f s (+%d)\n", t, e.stepSeconds, e.points);
      break;
    case K::FaultRaised: {
      std::string message;
      for (const auto& f : def.faults) {
        if (f.id == e.faultId) message = f.message.in(language);
      }
      std::printf("[%6.1f s] FAULT (%s) %s: %s (-%d)\n", t, std::string(toString(e.severity)).c_str(),
                  e.faultId.c_str(), message.c_str(), e.points);
      break;
    }
    case K::HintShown: {
      const auto* step = def.findStep(e.stepId);
      std::printf("[%6.1f s]   hint: %s\n", t,
                  step->hints[static_cast<std::size_t>(e.hintIndex)].text.in(language).c_str());
      break;
    }
    case K::Ended:
      std::printf("[%6.1f s] ended: %s\n", t, std::string(toString(e.reason)).c_str());
      break;
  }
}

/// The step-by-step log: each tick's world events (with --trace) come before its attempt
/// events, because they are what made those happen.
std::function<void(const app::Session&, const app::EventBatch&)> consoleLog(bool trace) {
  return [trace](const app::Session& s, const app::EventBatch& batch) {
    for (const auto& w : trace ? batch.world : std::span<const interaction::WorldEvent>{}) {
      std::printf("           %s\n", interaction::describe(w, s.scene()).c_str());
    }
    for (const auto& e : batch.attempt) printEvent(s, e);
  };
}

/// A person playing (mouse and keyboard, or a headset's controllers), in the language asked
/// for (else nl-BE).
scenario::TraineeScript personPlaying(app::Mode mode) {
  const bool headset = mode == app::Mode::Vr || mode == app::Mode::Ar;
  scenario::TraineeScript person;
  person.name = headset ? "a person with the controllers" : "a person at the keyboard";
  person.file = headset ? "OpenXR actions" : "desktop controls";
  return person;
}

/// The front end: --mode or --headless, else VR when an OpenXR runtime with a headset is
/// there, else desktop when a window can open (saying in one line why not VR).
core::Result<app::Mode> pickMode(const Args& args) {
  if (args.has("--headless")) return app::Mode::Headless;
  std::string noHeadset;
  if (auto name = args.option("--mode")) {
    const auto parsed = app::parseMode(*name);
    if (!parsed) return core::fail("--mode ", *name, ": expected vr, ar, desktop or headless");
    if (*parsed == app::Mode::Vr || *parsed == app::Mode::Ar) {
      // Before anything is printed: no runtime or headset is one line, like no display.
      if (auto headset = headsetHere(*parsed == app::Mode::Ar); !headset) return core::fail("--mode ", *name, ": ", headset.error().message);
    }
    if (*parsed != app::Mode::Desktop) return *parsed;
  } else if (auto headset = headsetHere()) {
    std::fprintf(args.has("--json") ? stderr : stdout, "VR: %s\n", headset->c_str());
    return app::Mode::Vr;
  } else {
    noHeadset = headset.error().message;
  }
  if (auto available = app::desktopAvailable(); !available) {
    return core::fail(available.error().message,
                      ": no window can open here; run with --headless to play without one");
  }
  if (!noHeadset.empty()) {
    std::fprintf(args.has("--json") ? stderr : stdout, "desktop mode: %s\n", noHeadset.c_str());
  }
  return app::Mode::Desktop;
}

core::Result<void> writeRecord(const std::string& file, const std::filesystem::path& dir,
                               const app::SessionOptions& session, const app::RunResult& run,
                               std::vector<interaction::TraineeInput> inputs) {
  app::Recording rec;
  rec.scenarioFolder = std::filesystem::absolute(dir).lexically_normal().string();
  auto text = core::readFile(dir / "scenario.yaml");
  rec.scenarioHash = text ? core::hashBytes(*text) : 0;
  rec.seed = session.seed;
  rec.language = session.language;
  rec.eventLogHash = run.eventLogHash;
  rec.inputs = std::move(inputs);
  return app::writeRecording(file, rec);
}

/// What the attempt produced, for the closing lines.
struct Finished {
  app::RunResult run;
  double wallSeconds = 0.0;
  std::optional<app::StatementOutputSummary> xapi;
  std::string registration;
  std::string returnUrl;
};

void printJson(const scenario::ScenarioDef& def, const Finished& f) {
  nlohmann::json out = {{"scenario", def.meta.id},
                        {"outcome", toString(f.run.outcome)},
                        {"end", toString(f.run.endReason)},
                        {"score", f.run.score},
                        {"max_score", f.run.maxScore},
                        {"pass_score", def.scoring.passScore},
                        {"simulated_seconds", f.run.simulatedSeconds()},
                        {"wall_seconds", f.wallSeconds},
                        {"event_log_hash", core::toHex64(f.run.eventLogHash)}};
  if (f.xapi) {
    out["xapi"] = {{"registration", f.registration}, {"outbox", f.xapi->outbox},
                   {"lrs", f.xapi->lrsConfigured},   {"emitted", f.xapi->emitted},
                   {"delivered", f.xapi->delivered}, {"pending", f.xapi->pending},
                   {"dead", f.xapi->dead},           {"not_stored", f.xapi->notStored},
                   {"rejected", f.xapi->rejected}};
    for (const auto& u : f.xapi->undelivered) {
      out["xapi"]["undelivered"].push_back(
          {{"id", u.id}, {"verb", u.verb}, {"pending", u.pending}, {"reason", u.reason}});
    }
  }
  std::printf("%s\n", out.dump().c_str());
  if (f.xapi) printXapiLoss(*f.xapi);
}

void printText(const scenario::ScenarioDef& def, const Finished& f) {
  const auto& run = f.run;
  std::printf("result: %s, score %d/%d (pass %d), %.1f s simulated in %.1f ms (%.0fx real time)\n",
              run.outcome == scenario::Outcome::Passed ? "PASSED" : "FAILED", run.score,
              run.maxScore, def.scoring.passScore, run.simulatedSeconds(), f.wallSeconds * 1000.0,
              run.simulatedSeconds() / std::max(f.wallSeconds, 1e-9));
  std::printf("event log: %zu events, hash %s\n", run.worldEventCount,
              core::toHex64(run.eventLogHash).c_str());
  if (f.xapi) printXapiSummary(*f.xapi, f.registration, false);
  if (!f.returnUrl.empty()) std::printf("return to the LMS: %s\n", f.returnUrl.c_str());
}

/// "WxH" with both sides 1..8192.
bool parseSize(const std::string& text, std::uint32_t& width, std::uint32_t& height) {
  char extra = 0;
  return std::sscanf(text.c_str(), "%ux%u%c", &width, &height, &extra) == 2 && width > 0 &&
         height > 0 && width <= 8192 && height <= 8192;
}

/// The end screen's report button: the attempt's HTML report in <user data>/reports, opened
/// in the browser when the desktop has one.
void openReport(const app::Attempt& attempt, const std::string& registration) {
  const app::Session& s = attempt.session();
  app::ReportContext context;
  context.mode = s.options().mode;
  context.language = s.options().language;
  context.registration = registration;
  auto html = app::attemptReportHtml(s.definition(), s.attemptEvents(), context);
  auto dir = core::userDataDir();
  if (!html || !dir) {
    usageError(kName, "report: " + (!html ? html.error() : dir.error()).message);
    return;
  }
  std::error_code ec;
  std::filesystem::create_directories(*dir / "reports", ec);
  // Named by the attempt's registration (else the time), so reports never overwrite each other.
  const std::string name = registration.empty() ? std::to_string(std::time(nullptr)) : registration;
  const auto file = *dir / "reports" / (s.definition().meta.id + "-" + name + ".html");
  if (auto written = core::writeFileAtomic(file, *html); !written) {
    usageError(kName, "report: " + written.error().message);
    return;
  }
  std::printf("report: %s\n", file.c_str());
  const std::string open = "xdg-open '" + file.string() + "' >/dev/null 2>&1 &";
  if (std::system(open.c_str()) != 0) std::printf("report: open it in a browser\n");
}

/// Plays the script in a window at real time (times --speed) through app::DesktopMode.
core::Result<app::RunResult> playDesktop(const Args& args, const std::filesystem::path& dir,
                                         const scenario::ScenarioDef& def,
                                         const scenario::TraineeScript& played,
                                         const app::RunOptions& run, std::size_t& messages) {
  app::DesktopOptions options;
  options.attempt = attemptFor(run, played);
  options.packageDir = dir;
  options.record = run.record;
  options.speed = std::strtod(args.option("--speed").value_or("1").c_str(), nullptr);
  options.exitWhenEnded = args.has("--exit");
  if (auto size = args.option("--size"); size && !parseSize(*size, options.width, options.height)) {
    return core::fail("--size ", *size, ": expected WxH, e.g. 1280x720");
  }
  options.validation = args.has("--validate");
  options.onValidationMessage = [&messages](std::string_view m) {
    ++messages;
    std::fprintf(stderr, "%.*s\n", static_cast<int>(m.size()), m.data());
  };
  options.title = "Praxis: " + def.meta.title.in(played.language);
  const app::StatementOutput* output = run.attempt.output;
  options.onOpenReport = [output](const app::Attempt& attempt) {
    openReport(attempt, output != nullptr ? output->registration() : std::string());
  };
  // --autopilot and --script play through the desktop controls with synthesised mouse and
  // keyboard events, at a person's pace (times --speed); without them a person plays.
  const bool person = !args.has("--autopilot") && !args.option("--script");
  options.captureCursor = person;
  app::AutopilotTickInput* autopilot = nullptr;
  auto mode = app::DesktopMode::open(def, std::move(options), [&](const app::Session&) {
    if (person) return std::unique_ptr<app::TickInput>(std::make_unique<app::DesktopTickInput>(def));
    auto scripted = std::make_unique<app::AutopilotTickInput>(def, played, app::AutopilotOptions{},
                                                              run.idleSeconds);
    autopilot = scripted.get();
    return std::unique_ptr<app::TickInput>(std::move(scripted));
  });
  if (!mode) return std::unexpected(mode.error());
  if (auto ran = (*mode)->run(); !ran) return std::unexpected(ran.error());
  if (auto file = args.option("--screenshot")) {
    if (auto written = (*mode)->writeScreenshot(*file); !written) return std::unexpected(written.error());
  }
  app::RunResult result = app::summarise((*mode)->attempt().session());
  if (autopilot != nullptr) result.scriptError = autopilot->error();
  return result;
}

/// Plays the script through one app::Attempt in the chosen front end, prints as it goes and
/// writes the --record file.
int runAttempt(const Args& args, const std::filesystem::path& dir, const scenario::ScenarioDef& def,
               scenario::TraineeScript played, app::Mode mode) {
  std::string trainee;
  auto output = openOutput(args, trainee);
  if (!output) return usageError(kName, output.error().message);
  // cmi5 11.1: the LMS's language preference, unless the command line chose one.
  if (auto preferred = output->output ? output->output->learnerLanguage(def) : std::nullopt;
      preferred && !args.option("--language")) {
    played.language = *preferred;
  }
  // cmi5 11.1: the LMS's language preference, unless the command line chose one.
  if (auto preferred = output->output ? output->output->learnerLanguage(def) : std::nullopt;
      preferred && !args.option("--language")) {
    played.language = *preferred;
  }
  const bool json = args.has("--json");
  std::vector<interaction::TraineeInput> inputs;
  app::RunOptions options;
  options.attempt.output = output->output.get();
  options.attempt.traineeId = trainee;
  if (args.option("--record")) options.record = &inputs;
  if (!json) {
    std::printf("Praxis %s: %s (%s %s), %s, %s\n", core::version().c_str(),
                def.meta.title.in(played.language).c_str(), def.meta.id.c_str(),
                def.meta.version.c_str(), std::string(app::toString(mode)).c_str(),
                played.language.c_str());
    std::printf("trainee: %s (%s)\n", played.name.c_str(), played.file.c_str());
    options.attempt.onEvents = consoleLog(args.has("--trace"));
  }
  const auto start = std::chrono::steady_clock::now();
  std::size_t validationMessages = 0;
  const bool headset = mode == app::Mode::Vr || mode == app::Mode::Ar;
  auto run = mode == app::Mode::Desktop ? playDesktop(args, dir, def, played, options, validationMessages)
             : headset ? playVr(args, dir, def, played, options, mode == app::Mode::Ar, validationMessages)
                       : app::runScript(def, played, options);
  Finished f;
  f.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (output->output) {
    f.xapi = output->output->close(kDeliveryWait);
    f.registration = output->output->registration();
  }
  f.returnUrl = output->returnUrl;
  if (!run) return usageError(kName, run.error().message);
  if (run->scriptError) std::fprintf(stderr, "praxis run: %s\n", run->scriptError->message.c_str());
  f.run = std::move(*run);
  if (const auto record = args.option("--record")) {
    const app::SessionOptions session{.mode = mode, .language = played.language,
                                      .seed = played.seed};
    if (auto written = writeRecord(*record, dir, session, f.run, inputs); !written) {
      return usageError(kName, written.error().message);
    }
    if (!json) std::printf("recorded %zu ticks to %s\n", inputs.size(), record->c_str());
  }
  json ? printJson(def, f) : printText(def, f);
  if (validationMessages > 0) {
    std::fprintf(stderr, "praxis run: %zu Vulkan validation message(s)\n", validationMessages);
    return kExitFailed;
  }
  // Lost statements first (nothing can send them later), then a cmi5 LMS that has not
  // accepted everything yet (`praxis xapi flush` can), then the attempt's own outcome.
  if (f.xapi && f.xapi->lost() > 0) return kExitUsage;
  if (f.xapi && f.xapi->cmi5 && !f.xapi->allDelivered()) return kExitUndelivered;
  return f.run.outcome == scenario::Outcome::Passed ? kExitOk : kExitFailed;
}

}  // namespace

int runRun(const CommandArgs& argv) {
  const auto parsed = parseCommand(argv, argSpec(), kName, help());
  if (!parsed.args) return parsed.exitCode;
  const Args& args = *parsed.args;
  if (const std::string wrong = contradiction(args); !wrong.empty()) return usageError(kName, wrong);
  const std::filesystem::path dir = args.positionals.front();
  if (!scenario::isScenarioPackage(dir)) {
    return usageError(kName, dir.string() + ": not a scenario package (no scenario.yaml)");
  }
  auto mode = pickMode(args);
  if (!mode) return usageError(kName, mode.error().message);
  auto package = loadPackageReporting(dir);
  if (!package) return kExitBrokenPackage;
  std::string error;
  const scenario::TraineeScript* script = pickScript(*package, args, error);
  std::optional<scenario::TraineeScript> outside;
  if (script == nullptr && args.option("--script")) {
    outside = scriptFromFile(*package, *args.option("--script"));
    if (outside) {
      script = &*outside;
      error.clear();
    }
  }
  if (!error.empty()) return usageError(kName, dir.string() + ": " + error);
  if (script == nullptr && *mode == app::Mode::Headless) {
    return usageError(kName, "headless, give --autopilot or --script TEST (nobody is at the keyboard)");
  }
  // A person at the keyboard: the attempt starts as a script with no actions would.
  scenario::TraineeScript played = script != nullptr ? *script : personPlaying(*mode);
  if (auto language = args.option("--language")) played.language = *language;
  if (!core::isLanguageTag(played.language)) {
    return usageError(kName, "--language '" + played.language +
                                 "' is not a BCP 47 language tag (e.g. nl-BE, en)");
  }
  if (auto seed = wholeNumberOption(args, "--seed", 0, UINT64_MAX); seed && *seed) played.seed = **seed;
  return runAttempt(args, dir, *package->scenario, played, *mode);
}

}  // namespace praxis::cli
