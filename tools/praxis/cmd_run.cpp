// praxis run: one attempt of a scenario. Headless, it is driven by a scripted trainee (the
// reference solution with --autopilot) and prints what happens as it happens. The attempt
// itself (session, xAPI, events) is app::Attempt; this file parses, picks and prints.
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "app/headless.h"
#include "app/input_recording.h"
#include "args.h"
#include "commands.h"
#include "core/hash.h"
#include "core/paths.h"
#include "packages.h"
#include "xapi_output.h"

namespace praxis::cli {
namespace {

constexpr const char* kName = "run";

std::string help() {
  return std::string(
             "usage: praxis run DIR --headless (--autopilot | --script TEST) [options]\n\n"
             "Runs one attempt of the scenario package DIR.\n\n"
             "  --headless        no window, no headset: as fast as the CPU allows\n"
             "  --autopilot       play the scenario's reference solution\n"
             "  --script TEST     play tests/TEST.yaml (or a path to a test file)\n"
             "  --language TAG    language of the texts shown (default: the test's, else nl-BE)\n"
             "  --seed N          the session's random seed (default: the test's)\n"
             "  --record FILE     write the per-tick input to FILE for `praxis replay`\n"
             "  --trace           also print every world event (grabbed, touched, snapped, ...)\n"
             "  --json            print the result as JSON instead of the step-by-step log\n"
             "  --no-xapi         record no xAPI statements for this attempt\n\n"
             "xAPI: every attempt's statements go to the durable outbox first and from there to the\n"
             "LRS, when one is configured (see docs/xapi.md):\n") +
         kXapiHelp +
         "\nExit: 0 attempt passed, 1 attempt failed, 2 usage or environment error, 3 launched by a\n"
         "cmi5 LMS that has not accepted every statement (the lines above say which and why).\n";
}

ArgSpec argSpec() {
  ArgSpec spec{{"--headless", "--autopilot", "--json", "--trace", "--no-xapi"},
               {"--script", "--language", "--record", "--seed"}, 1, 1};
  spec.options.insert(kXapiOptions.begin(), kXapiOptions.end());
  return spec;
}

/// The argument combinations parseArgs cannot check; "" when they are fine.
std::string contradiction(const Args& args) {
  if (!args.has("--headless")) {
    return "only --headless is available in this build (desktop and VR modes need the renderer)";
  }
  if (args.has("--autopilot") == args.option("--script").has_value()) {
    return "give exactly one of --autopilot or --script TEST";
  }
  if (args.has("--no-xapi")) {
    for (const auto& name : kXapiOptions) {
      if (args.option(name)) return "--no-xapi and " + name + " contradict each other";
    }
  }
  if (auto seed = args.option("--seed")) {
    char* end = nullptr;
    std::strtoull(seed->c_str(), &end, 10);
    if (seed->empty() || *end != '\0') return "--seed " + *seed + ": expected a whole number";
  }
  return {};
}

const scenario::TraineeScript* pickScript(const scenario::PackageLoadResult& package,
                                          const Args& args, std::string& error) {
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
                   {"dead", f.xapi->dead}};
    for (const auto& u : f.xapi->undelivered) {
      out["xapi"]["undelivered"].push_back(
          {{"id", u.id}, {"verb", u.verb}, {"pending", u.pending}, {"reason", u.reason}});
    }
  }
  std::printf("%s\n", out.dump().c_str());
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

/// Plays the script headless through one app::Attempt and writes the --record file.
int runHeadless(const Args& args, const std::filesystem::path& dir,
                const scenario::ScenarioDef& def, scenario::TraineeScript played) {
  std::string trainee;
  auto output = openOutput(args, trainee);
  if (!output) return usageError(kName, output.error().message);
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
    std::printf("Praxis %s: %s (%s %s), headless, %s\n", core::version().c_str(),
                def.meta.title.in(played.language).c_str(), def.meta.id.c_str(),
                def.meta.version.c_str(), played.language.c_str());
    std::printf("trainee: %s (%s)\n", played.name.c_str(), played.file.c_str());
    options.attempt.onEvents = consoleLog(args.has("--trace"));
  }
  const auto start = std::chrono::steady_clock::now();
  auto run = app::runScript(def, played, options);
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
    const app::SessionOptions session{.mode = app::Mode::Headless, .language = played.language,
                                      .seed = played.seed};
    if (auto written = writeRecord(*record, dir, session, f.run, inputs); !written) {
      return usageError(kName, written.error().message);
    }
    if (!json) std::printf("recorded %zu ticks to %s\n", inputs.size(), record->c_str());
  }
  json ? printJson(def, f) : printText(def, f);
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
  auto package = loadPackageReporting(dir);
  if (!package) return kExitUsage;
  std::string error;
  const scenario::TraineeScript* script = pickScript(*package, args, error);
  if (script == nullptr) return usageError(kName, dir.string() + ": " + error);
  scenario::TraineeScript played = *script;
  if (auto language = args.option("--language")) played.language = *language;
  if (auto seed = args.option("--seed")) played.seed = std::strtoull(seed->c_str(), nullptr, 10);
  return runHeadless(args, dir, *package->scenario, played);
}

}  // namespace praxis::cli
