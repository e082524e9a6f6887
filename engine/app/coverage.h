// Scenario coverage: which steps, branches, faults, hints, objects and interactions the
// attempts of a test suite exercised, per scenario and in total. Every item keeps where the
// scenario defines it (file:line), so an uncovered item points at the line to look at.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/source_span.h"
#include "scenario/definition.h"

namespace praxis::app {

class Session;

enum class CoverageKind { Step, Branch, Fault, Hint, Object, Interaction };
inline constexpr int kCoverageKinds = 6;

/// "steps", "branches", … (the plural, as tables and JSON name them).
[[nodiscard]] std::string_view toString(CoverageKind kind);

struct CoverageItem {
  CoverageKind kind = CoverageKind::Step;
  std::string id;     // unique within kind and scenario: "lock_out", "lock_out#0", "padlock:grab"
  std::string label;  // for people: "lock_out → end", "grab padlock"
  core::SourceSpan span;
  std::int64_t hits = 0;
};

struct ScenarioCoverage {
  std::string scenario;  // the scenario's id
  std::int64_t attempts = 0;
  std::vector<CoverageItem> items;
};

struct CoverageTotals {
  std::int64_t covered = 0;
  std::int64_t total = 0;
  [[nodiscard]] double percent() const { return total == 0 ? 100.0 : 100.0 * covered / total; }
  CoverageTotals& operator+=(const CoverageTotals& o) {
    covered += o.covered;
    total += o.total;
    return *this;
  }
};

/// Every item a scenario defines, none covered yet.
[[nodiscard]] ScenarioCoverage coverageItems(const scenario::ScenarioDef& def);

/// Marks what one finished (or abandoned) attempt exercised, from its attempt and world events.
void recordAttempt(ScenarioCoverage& coverage, const Session& session);

[[nodiscard]] CoverageTotals totals(const ScenarioCoverage& coverage, CoverageKind kind);
[[nodiscard]] CoverageTotals totals(const ScenarioCoverage& coverage);

/// The coverage of a suite: one entry per scenario, in the order they were added.
struct CoverageReport {
  std::vector<ScenarioCoverage> scenarios;

  /// The entry of this scenario, added (with `fresh`'s items) when there is none yet.
  ScenarioCoverage& scenario(ScenarioCoverage fresh);
  /// Adds another report's attempts and hits (another shard of the same suite): items match
  /// by scenario, kind and id; items only one side knows are kept.
  void merge(const ScenarioCoverage& other);
  [[nodiscard]] CoverageTotals totals(CoverageKind kind) const;
  [[nodiscard]] CoverageTotals totals() const;
};

/// The terminal table: one row per scenario and a total row, covered/total and percent per
/// kind, then each uncovered item with its file:line.
[[nodiscard]] std::string coverageTable(const CoverageReport& report);
/// JSON ("format": "praxis-coverage/1"), the form shards write and `praxis coverage merge` reads.
[[nodiscard]] std::string coverageJson(const CoverageReport& report);
[[nodiscard]] core::Result<CoverageReport> parseCoverageJson(std::string_view text, const std::string& file);
/// A self-contained HTML page: the table and every uncovered item with its file:line.
[[nodiscard]] std::string coverageHtml(const CoverageReport& report);

}  // namespace praxis::app
