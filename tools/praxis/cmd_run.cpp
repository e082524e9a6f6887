// praxis run: one attempt of a scenario. Headless, it is driven by a scripted trainee (the
// reference solution with --autopilot) and prints what happens as it happens.
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

constexpr const char* kHelp =
    "usage: praxis run DIR --headless (--autopilot | --script TEST) [options]\n\n"
    "Runs one attempt of the scenario package DIR.\n\n"
    "  --headless        no window, no headset: as fast as the CPU allows\n"
    "  --autopilot       play the scenario's reference solution\n"
    "  --script TEST     play tests/TEST.yaml (or a path to a test file)\n"
    "  --language TAG    language of the texts shown (default: the test's, else nl-BE)\n"
    "  --record FILE     write the per-tick input to FILE for `praxis replay`\n"
    "  --trace           also print every world event (grabbed, touched, snapped, ...)\n"
    "  --json            print the result as JSON instead of the step-by-step log\n"
    "  --no-xapi         record no xAPI statements for this attempt\n\n"
    "xAPI: every attempt's statements go to the durable outbox first and from there to the\n"
    "LRS, when one is configured (see docs/xapi.md):\n%s\n"
    "Exit: 0 attempt passed, 1 attempt failed or the package has errors, 2 usage or\n"
    "environment error (also when statements could not be stored: the attempt is not\n"
    "recorded).\n";

void printHelp(FILE* stream) { std::fprintf(stream, kHelp, kXapiHelp); }

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

void printEvent(const app::Session& session, const scenario::AttemptEvent& e, const std::string& language) {
  const auto& def = session.definition();
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

}  // namespace

int runRun(const CommandArgs& argv) {
  std::set<std::string> optionNames = {"--script", "--language", "--record", "--seed"};
  optionNames.insert(kXapiOptions.begin(), kXapiOptions.end());
  auto args = parseArgs(argv, {{"--headless", "--autopilot", "--json", "--trace", "--no-xapi"},
                               optionNames, 1, 1});
  if (!args) {
    std::fprintf(stderr, "praxis run: %s\n\n", args.error().message.c_str());
    printHelp(stderr);
    return kExitUsage;
  }
  if (args->has("--help")) {
    printHelp(stdout);
    return kExitOk;
  }
  if (!args->has("--headless")) {
    std::fprintf(stderr,
                 "praxis run: only --headless is available in this build (desktop and VR modes "
                 "need the renderer)\n");
    return kExitUsage;
  }
  if (args->has("--autopilot") == args->option("--script").has_value()) {
    std::fprintf(stderr, "praxis run: give exactly one of --autopilot or --script TEST\n");
    return kExitUsage;
  }
  const std::filesystem::path dir = args->positionals.front();
  if (!scenario::isScenarioPackage(dir)) {
    std::fprintf(stderr, "praxis run: %s: not a scenario package (no scenario.yaml)\n", dir.c_str());
    return kExitUsage;
  }
  auto package = loadPackageReporting(dir);
  if (!package) return kExitBrokenPackage;
  std::string error;
  const scenario::TraineeScript* script = pickScript(*package, *args, error);
  if (script == nullptr) {
    std::fprintf(stderr, "praxis run: %s: %s\n", dir.c_str(), error.c_str());
    return kExitUsage;
  }
  scenario::TraineeScript played = *script;
  if (auto language = args->option("--language")) played.language = *language;
  if (!core::isLanguageTag(played.language)) {
    std::fprintf(stderr, "praxis run: --language '%s' is not a BCP 47 language tag (e.g. nl-BE, en)\n",
                 played.language.c_str());
    return kExitUsage;
  }
  const auto seed = wholeNumberOption(*args, "--seed", 0, UINT64_MAX);
  if (!seed) {
    std::fprintf(stderr, "praxis run: %s\n", seed.error().message.c_str());
    return kExitUsage;
  }
  if (*seed) played.seed = **seed;

  if (const auto record = args->option("--record")) {
    // Before the attempt: a recording that cannot be written would be lost at its end.
    if (auto writable = core::checkWritable(*record); !writable) {
      std::fprintf(stderr, "praxis run: --record %s\n", writable.error().message.c_str());
      return kExitUsage;
    }
  }
  const auto& def = *package->scenario;
  const bool json = args->has("--json");
  // The outbox opens before the attempt starts: a bad config or a failed cmi5 launch stops
  // here, before the trainee has done anything that would go unrecorded.
  XapiOutput xapiOut;
  if (args->has("--no-xapi")) {
    for (const auto& name : kXapiOptions) {
      if (args->option(name)) {
        std::fprintf(stderr, "praxis run: --no-xapi and %s contradict each other\n", name.c_str());
        return kExitUsage;
      }
    }
  } else {
    auto opened = openXapiOutput(*args);
    // A cmi5 launch names the trainee itself; beginAttempt ignores the id then.
    auto trainee = args->option("--cmi5") ? core::Result<std::string>(std::string()) : traineeId(*args);
    if (!opened || !trainee) {
      std::fprintf(stderr, "praxis run: %s\n",
                   (!opened ? opened.error() : trainee.error()).message.c_str());
      return kExitUsage;
    }
    xapiOut = std::move(*opened);
    app::ReportContext context;
    context.mode = "headless";
    context.language = played.language;
    xapiOut.output->beginAttempt(def, context, *trainee);
  }
  std::vector<interaction::TraineeInput> inputs;
  app::RunOptions options;
  if (args->option("--record")) options.record = &inputs;
  if (!json) {
    std::printf("Praxis %s: %s (%s %s), headless, %s\n", core::version().c_str(),
                def.meta.title.in(played.language).c_str(), def.meta.id.c_str(),
                def.meta.version.c_str(), played.language.c_str());
    std::printf("trainee: %s (%s)\n", played.name.c_str(), played.file.c_str());
    const bool trace = args->has("--trace");
    options.onAttemptEvent = [&played, trace, &xapiOut, printed = std::size_t{0}](
                                 const app::Session& s, const scenario::AttemptEvent& e) mutable {
      // World events of the ticks so far come first: they are what made this event happen.
      for (; trace && printed < s.worldEvents().size(); ++printed) {
        std::printf("           %s\n", interaction::describe(s.worldEvents()[printed], s.scene()).c_str());
      }
      printEvent(s, e, played.language);
      if (xapiOut.output) xapiOut.output->report(e);
    };
  } else {
    options.onAttemptEvent = [&xapiOut](const app::Session&, const scenario::AttemptEvent& e) {
      if (xapiOut.output) xapiOut.output->report(e);
    };
  }
  const auto start = std::chrono::steady_clock::now();
  auto run = app::runScript(def, played, options);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::optional<app::StatementOutputSummary> xapiSummary;
  if (xapiOut.output) xapiSummary = xapiOut.output->close(kDeliveryWait);
  if (!run) {
    std::fprintf(stderr, "praxis run: %s\n", run.error().message.c_str());
    return kExitUsage;
  }
  if (run->scriptError) std::fprintf(stderr, "praxis run: %s\n", run->scriptError->message.c_str());

  if (const auto record = args->option("--record")) {
    app::Recording rec;
    rec.scenarioFolder = std::filesystem::absolute(dir).lexically_normal().string();
    auto text = core::readFile(dir / "scenario.yaml");
    rec.scenarioHash = text ? core::hashBytes(*text) : 0;
    rec.seed = played.seed;
    rec.language = played.language;
    rec.eventLogHash = run->eventLogHash;
    rec.inputs = std::move(inputs);
    if (auto written = app::writeRecording(*record, rec); !written) {
      std::fprintf(stderr, "praxis run: %s\n", written.error().message.c_str());
      return kExitUsage;
    }
    if (!json) std::printf("recorded %zu ticks to %s\n", rec.inputs.size(), record->c_str());
  }
  const bool passed = run->outcome == scenario::Outcome::Passed;
  if (json) {
    nlohmann::json out = {{"scenario", def.meta.id},
                          {"outcome", toString(run->outcome)},
                          {"end", toString(run->endReason)},
                          {"score", run->score},
                          {"max_score", run->maxScore},
                          {"pass_score", def.scoring.passScore},
                          {"simulated_seconds", run->simulatedSeconds()},
                          {"wall_seconds", wall},
                          {"event_log_hash", core::toHex64(run->eventLogHash)}};
    if (xapiSummary) {
      out["xapi"] = {{"registration", xapiOut.output->registration()},
                     {"outbox", xapiSummary->outbox},
                     {"lrs", xapiSummary->lrsConfigured},
                     {"emitted", xapiSummary->emitted},
                     {"delivered", xapiSummary->delivered},
                     {"pending", xapiSummary->pending},
                     {"dead", xapiSummary->dead},
                     {"not_stored", xapiSummary->notStored},
                     {"rejected", xapiSummary->rejected}};
    }
    std::printf("%s\n", out.dump().c_str());
    if (xapiSummary) printXapiLoss(*xapiSummary);
  } else {
    std::printf("result: %s, score %d/%d (pass %d), %.1f s simulated in %.1f ms (%.0fx real time)\n",
                passed ? "PASSED" : "FAILED", run->score, run->maxScore, def.scoring.passScore,
                run->simulatedSeconds(), wall * 1000.0, run->simulatedSeconds() / std::max(wall, 1e-9));
    std::printf("event log: %zu events, hash %s\n", run->worldEventCount,
                core::toHex64(run->eventLogHash).c_str());
    if (xapiSummary) printXapiSummary(*xapiSummary, xapiOut.output->registration(), false);
    if (!xapiOut.returnUrl.empty()) std::printf("return to the LMS: %s\n", xapiOut.returnUrl.c_str());
  }
  return exitCodeWithXapi(passed ? kExitOk : kExitFailed, xapiSummary ? &*xapiSummary : nullptr);
}

}  // namespace praxis::cli
