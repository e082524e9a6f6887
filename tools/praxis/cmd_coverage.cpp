// praxis coverage merge: one coverage report from the JSON files of a suite's shards.
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "core/paths.h"
#include "coverage_output.h"

namespace praxis::cli {
namespace {

constexpr const char* kHelp =
    "usage: praxis coverage merge FILE... [--coverage-json FILE] [--coverage-html FILE]\n"
    "                                     [--min-coverage N]\n\n"
    "Merges the --coverage-json files that `praxis test` wrote for the shards of one suite\n"
    "(GTEST_TOTAL_SHARDS / GTEST_SHARD_INDEX): an item counts as covered when any shard\n"
    "covered it. Prints the merged table.\n\n"
    "%s\n"
    "Exit: 0 ok, 1 below --min-coverage, 2 usage error or a file that is not a coverage file.\n";

}  // namespace

int runCoverage(const CommandArgs& argv) {
  std::string help = kHelp;
  help.replace(help.find("%s"), 2, kCoverageHelp);
  const auto parsed = parseCommand(
      argv, {{"--coverage"}, {"--coverage-json", "--coverage-html", "--min-coverage"}, 2, 4096}, "coverage", help);
  if (!parsed.args) return parsed.exitCode;
  const Args* args = &*parsed.args;
  if (args->positionals.front() != "merge") {
    return usageError("coverage", "unknown coverage command '" + args->positionals.front() + "' (expected merge)");
  }
  auto output = CoverageOutput::fromArgs(*args);
  if (!output) return usageError("coverage", output.error().message);
  for (std::size_t i = 1; i < args->positionals.size(); ++i) {
    const std::string& file = args->positionals[i];
    auto text = core::readFile(file);
    auto shard = text ? app::parseCoverageJson(*text, file) : core::Result<app::CoverageReport>(std::unexpected(text.error()));
    if (!shard) {
      return usageError("coverage", shard.error().message);
    }
    for (const auto& s : shard->scenarios) output->report().merge(s);
  }
  return output->finish("praxis coverage");
}

}  // namespace praxis::cli
