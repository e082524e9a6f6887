// Coverage in the CLI: `praxis test --coverage…` collects it, `praxis coverage merge` merges
// shards; both print the table, write the JSON and HTML files and apply --min-coverage.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "app/coverage.h"
#include "args.h"

namespace praxis::app {
class Session;
}

namespace praxis::cli {

/// The options `praxis test` and `praxis coverage merge` share.
inline constexpr const char* kCoverageHelp =
    "  --coverage            print which steps, branches, faults, hints, objects and\n"
    "                        interactions the tests exercised (per scenario and in total)\n"
    "  --coverage-json FILE  write the coverage as JSON (shards merge with `praxis coverage merge`)\n"
    "  --coverage-html FILE  write an HTML page listing each uncovered item with its file:line\n"
    "  --min-coverage N      fail (exit 1) when the total coverage is below N percent\n";

class CoverageOutput {
 public:
  /// Reads the coverage options; fails on a bad --min-coverage.
  [[nodiscard]] static core::Result<CoverageOutput> fromArgs(const Args& args);

  [[nodiscard]] bool enabled() const { return enabled_; }
  /// Registers a scenario (so a shard that runs none of its tests still counts its items) and
  /// returns what records one finished attempt of it.
  [[nodiscard]] std::function<void(const app::Session&)> recorder(const scenario::ScenarioDef& def);
  [[nodiscard]] app::CoverageReport& report() { return report_; }
  /// Prints the table, writes the files, applies the gate. Returns kExitOk, kExitFailed
  /// (below --min-coverage) or kExitUsage (a file could not be written).
  [[nodiscard]] int finish(const char* command) const;

 private:
  bool enabled_ = false;
  std::optional<std::string> json_;
  std::optional<std::string> html_;
  std::optional<double> minimum_;
  app::CoverageReport report_;
};

}  // namespace praxis::cli
