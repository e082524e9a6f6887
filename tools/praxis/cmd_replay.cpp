// praxis replay: re-runs a recorded input log and checks it reproduces the same event log.
#include <cstdio>

#include "app/headless.h"
#include "app/input_recording.h"
#include "args.h"
#include "commands.h"
#include "core/hash.h"
#include "core/paths.h"
#include "packages.h"

namespace praxis::cli {

namespace {
constexpr const char* kHelp =
    "usage: praxis replay FILE [--scenario DIR]\n\n"
    "Replays an input recording made with `praxis run --record FILE` and compares the event\n"
    "log with the recorded one. Same build, same inputs: the same events, bit for bit.\n\n"
    "  --scenario DIR  the scenario package (default: the folder stored in the recording)\n\n"
    "Exit: 0 identical event log, 1 the log differs or the package has errors, 2 usage or\n"
    "environment error.\n";
}  // namespace

int runReplay(const CommandArgs& argv) {
  const auto parsed = parseCommand(argv, {{}, {"--scenario"}, 1, 1}, "replay", kHelp);
  if (!parsed.args) return parsed.exitCode;
  const Args* args = &*parsed.args;
  auto rec = app::readRecording(args->positionals.front());
  if (!rec) {
    std::fprintf(stderr, "praxis replay: %s\n", rec.error().message.c_str());
    return kExitUsage;
  }
  const std::filesystem::path dir = args->option("--scenario").value_or(rec->scenarioFolder);
  auto package = loadPackageReporting(dir);
  if (!package) return kExitBrokenPackage;
  auto text = core::readFile(dir / "scenario.yaml");
  if (text && core::hashBytes(*text) != rec->scenarioHash) {
    std::fprintf(stderr, "praxis replay: warning: %s changed since the recording was made\n",
                 (dir / "scenario.yaml").c_str());
  }
  app::RunOptions options;
  options.attempt.session.seed = rec->seed;
  options.attempt.session.language = rec->language;
  auto run = app::runInputs(*package->scenario, rec->inputs, options);
  if (!run) {
    std::fprintf(stderr, "praxis replay: %s\n", run.error().message.c_str());
    return kExitUsage;
  }
  const bool same = run->eventLogHash == rec->eventLogHash;
  std::printf("replayed %zu ticks: %s, score %d/%d; event log %s %s the recording (%s)\n",
              rec->inputs.size(), std::string(toString(run->outcome)).c_str(), run->score,
              run->maxScore, core::toHex64(run->eventLogHash).c_str(),
              same ? "matches" : "DIFFERS from", core::toHex64(rec->eventLogHash).c_str());
  return same ? kExitOk : kExitFailed;
}

}  // namespace praxis::cli
