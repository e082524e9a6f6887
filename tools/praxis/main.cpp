// praxis: the one command-line entry point (validate, test, run, replay, bench, …).
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "args.h"
#include "commands.h"
#include "core/paths.h"

namespace {

using praxis::cli::Command;

// The subcommands, in the order `praxis --help` lists them.
constexpr Command kCommands[] = {
    {"validate", "check scenario packages and report every problem as file:line:col",
     praxis::cli::runValidate},
    {"test", "run the scripted trainees of scenarios and check their expectations",
     praxis::cli::runTest},
    {"coverage", "merge the coverage files of a sharded `praxis test --coverage-json` run",
     praxis::cli::runCoverage},
    {"explore", "search what a trainee can do for unreachable steps, silent faults and dead ends",
     praxis::cli::runExplore},
    {"edit", "edit a scenario: the editor window, or --apply scripted edits (format-preserving)",
     praxis::cli::runEdit},
    {"run", "run a scenario (headless with --headless; --autopilot plays the reference)",
     praxis::cli::runRun},
    {"replay", "replay a recorded input file and reproduce its event log", praxis::cli::runReplay},
    {"bench", "measure simulation speed and memory of the shipped scenarios", praxis::cli::runBench},
    {"xapi", "look into and deliver the xAPI outbox (status, flush, export, retry-dead)",
     praxis::cli::runXapi},
    {"report", "turn an attempt's xAPI statements into a self-contained HTML report",
     praxis::cli::runReport},
    {"snapshot", "render a scenario at a step offscreen to a PNG", praxis::cli::runSnapshot},
};

void printUsage(std::FILE* out) {
  std::fprintf(out,
               "usage: praxis <command> [arguments]\n\n"
               "Praxis runs hands-on training scenarios in VR, on the desktop, or headless.\n\n"
               "commands:\n");
  for (const auto& c : kCommands) std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
  std::fprintf(out,
               "\n`praxis <command> --help` describes one command.\n"
               "Exit codes: 0 ok, 1 a check failed, 2 usage or environment error.\n");
}

}  // namespace

int main(int argc, char** argv) {
  // Past a file-size limit (ulimit -f) the default is to die mid-write, losing the attempt
  // silently; ignored, the write fails with EFBIG and the outbox reports what was not stored.
  std::signal(SIGXFSZ, SIG_IGN);
  if (argc < 2) {
    printUsage(stderr);
    return praxis::cli::kExitUsage;
  }
  const std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    printUsage(stdout);
    return praxis::cli::kExitOk;
  }
  if (name == "--version") {
    std::printf("praxis %s\n", praxis::core::version().c_str());
    return praxis::cli::kExitOk;
  }
  praxis::cli::CommandArgs rest(argv + 2, argv + argc);
  for (const auto& c : kCommands) {
    if (name == c.name) return c.run(rest);
  }
  std::fprintf(stderr, "praxis: unknown command '%.*s'\n\n", static_cast<int>(name.size()),
               name.data());
  printUsage(stderr);
  return praxis::cli::kExitUsage;
}
