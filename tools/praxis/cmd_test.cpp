// praxis test: plays every scripted trainee of the given scenarios and checks expectations.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "app/headless.h"
#include "args.h"
#include "commands.h"
#include "coverage_output.h"
#include "junit.h"
#include "packages.h"
#include "xapi_output.h"

namespace praxis::cli {
namespace {

constexpr const char* kHelp =
    "usage: praxis test DIR... [--junit FILE] [--filter TEXT] [--verbose] [--coverage ...]\n\n"
    "Runs the scripted trainees (tests/*.yaml) of each scenario package headless, faster than\n"
    "real time, and checks their expectations. DIR is a package or a folder of packages\n"
    "(e.g. scenarios/).\n\n"
    "  --junit FILE   also write a JUnit XML report\n"
    "  --filter TEXT  only tests whose 'scenario/test' name contains TEXT\n"
    "  --verbose      print every step, fault and hint of every test\n\n"
    "Coverage (docs/coverage.md):\n%s\n"
    "xAPI (off unless one of these is given): report every test's attempt as statements of\n"
    "the scripted trainee 'scripted:<scenario>/<test>', e.g. to check an LRS accepts them.\n"
    "  --lrs URL      send them to this LRS (as configured: docs/xapi.md)\n"
    "  --outbox FILE  the durable outbox they go through (default: <user data>/outbox.sqlite)\n"
    "  --config FILE  xAPI settings file\n\n"
    "Sharding (as GoogleTest): GTEST_TOTAL_SHARDS=N GTEST_SHARD_INDEX=I runs every N-th test\n"
    "starting at I, so CI machines can split a large suite and merge the JUnit files (and the\n"
    "coverage files: praxis coverage merge).\n\n"
    "Prints one line per test and ends with 'N passed, N failed'.\n"
    "Exit: 0 all passed, 1 a test failed or a package has errors, 2 usage or environment\n"
    "error (also when statements could not be stored).\n";

struct Shard {
  long total = 1;
  long index = 0;
};

core::Result<Shard> shardFromEnvironment() {
  const char* total = std::getenv("GTEST_TOTAL_SHARDS");
  const char* index = std::getenv("GTEST_SHARD_INDEX");
  if (total == nullptr && index == nullptr) return Shard{};
  if (total == nullptr || index == nullptr) {
    return core::fail("set both GTEST_TOTAL_SHARDS and GTEST_SHARD_INDEX, or neither");
  }
  Shard s{std::strtol(total, nullptr, 10), std::strtol(index, nullptr, 10)};
  if (s.total < 1 || s.index < 0 || s.index >= s.total) {
    return core::fail("bad shard: GTEST_SHARD_INDEX must be in [0, GTEST_TOTAL_SHARDS)");
  }
  // The GoogleTest protocol: tell the runner this program understands sharding.
  if (const char* status = std::getenv("GTEST_SHARD_STATUS_FILE")) std::ofstream{status};
  return s;
}

// The help text with the coverage options (shared with `praxis coverage merge`) in place.
std::string helpText() {
  std::string help = kHelp;
  help.replace(help.find("%s"), 2, kCoverageHelp);
  return help;
}

std::string describeResult(const app::RunResult& r) {
  char line[160];
  std::snprintf(line, sizeof line, "%s, %s, score %d/%d, %.1f s simulated",
                std::string(toString(r.outcome)).c_str(), std::string(toString(r.endReason)).c_str(),
                r.score, r.maxScore, r.simulatedSeconds());
  return line;
}

void printVerbose(const app::Session&, const app::EventBatch& batch) {
  for (const auto& e : batch.attempt) {
    std::printf("      t=%6.2fs %s %s%s\n", core::ticksToSeconds(e.tick),
                std::string(toString(e.kind)).c_str(), e.stepId.c_str(),
                e.faultId.empty() ? "" : (" " + e.faultId).c_str());
  }
}

}  // namespace

int runTest(const CommandArgs& argv) {
  const auto parsed = parseCommand(argv,
                                   {{"--verbose", "--coverage"},
                                    {"--junit", "--filter", "--lrs", "--outbox", "--config", "--coverage-json",
                                     "--coverage-html", "--min-coverage"},
                                    1, 64},
                                   "test", helpText());
  if (!parsed.args) return parsed.exitCode;
  const Args* args = &*parsed.args;
  auto coverage = CoverageOutput::fromArgs(*args);
  if (!coverage) return usageError("test", coverage.error().message);
  auto shard = shardFromEnvironment();
  if (!shard) {
    std::fprintf(stderr, "praxis test: %s\n", shard.error().message.c_str());
    return kExitUsage;
  }
  const std::string filter = args->option("--filter").value_or("");
  app::OpenedOutput xapiOut;
  if (args->option("--lrs") || args->option("--outbox") || args->option("--config")) {
    auto opened = openXapiOutput(*args);
    if (!opened) {
      std::fprintf(stderr, "praxis test: %s\n", opened.error().message.c_str());
      return kExitUsage;
    }
    xapiOut = std::move(*opened);
  }
  std::vector<JUnitCase> cases;
  int passed = 0;
  int failed = 0;
  long index = -1;
  for (const auto& root : args->positionals) {
    auto packages = findPackages(root);
    if (!packages) {
      std::fprintf(stderr, "praxis test: %s\n", packages.error().message.c_str());
      return kExitUsage;
    }
    for (const auto& dir : *packages) {
      auto package = loadPackageReporting(dir);
      const std::string suite = dir.filename().string();
      if (!package) {
        std::printf("FAIL  %s: the package has errors (see above)\n", suite.c_str());
        cases.push_back({suite, "load", 0.0, {"the scenario package has errors"}, ""});
        ++failed;
        continue;
      }
      const auto recordCoverage = coverage->recorder(*package->scenario);
      for (const auto& script : package->tests) {
        const std::string name = std::filesystem::path(script.file).stem().string();
        const std::string full = suite + "/" + name;
        if (!filter.empty() && full.find(filter) == std::string::npos) continue;
        if (++index % shard->total != shard->index) continue;

        app::RunOptions options;
        options.onFinished = recordCoverage;
        // Statements go out as the attempt happens, as in `praxis run`.
        options.attempt.output = xapiOut.output.get();
        options.attempt.traineeId = "scripted:" + full;
        if (args->has("--verbose")) options.attempt.onEvents = printVerbose;
        const auto start = std::chrono::steady_clock::now();
        auto run = app::runScript(*package->scenario, script, options);
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        JUnitCase c{suite, name, wall, {}, ""};
        if (!run) {
          c.failures.push_back(run.error().message);
        } else {
          c.failures = app::checkExpectations(script.expect, *run);
          c.output = describeResult(*run);
        }
        std::printf("%s  %-45s %s (%.0f ms)\n", c.failures.empty() ? "PASS" : "FAIL", full.c_str(),
                    c.output.c_str(), wall * 1000.0);
        for (const auto& f : c.failures) std::printf("      %s: %s\n", script.file.c_str(), f.c_str());
        (c.failures.empty() ? passed : failed)++;
        cases.push_back(std::move(c));
      }
    }
  }
  if (const auto junit = args->option("--junit")) {
    if (auto written = writeJUnit(*junit, cases); !written) {
      std::fprintf(stderr, "praxis test: %s\n", written.error().message.c_str());
      return kExitUsage;
    }
  }
  std::optional<app::StatementOutputSummary> xapiSummary;
  if (xapiOut.output) {
    xapiSummary = xapiOut.output->close(kDeliveryWait);
    printXapiSummary(*xapiSummary, {}, false);
  }
  std::printf("%d passed, %d failed\n", passed, failed);
  const int gate = coverage->finish("praxis test");
  if (xapiSummary && xapiSummary->lost() > 0) return kExitUsage;  // statements lost: not recorded
  return gate == kExitUsage ? gate : failed == 0 ? gate : kExitFailed;
}

}  // namespace praxis::cli
