// The session report: an attempt's statements (from an export or the outbox) turned into a
// self-contained HTML page — timeline of steps, faults, hints, score against the threshold.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "xapi/statement.h"

namespace praxis::xapi {

struct ReportEntry {
  enum class Kind { Step, Fault, Hint } kind = Kind::Step;
  double atSeconds = 0.0;        // since the attempt started
  double durationSeconds = 0.0;  // steps
  std::string title;
  std::string detail;
  std::string severity;  // faults
};

/// What the page shows, read from the statements of one registration.
struct AttemptSummary {
  std::string registration;
  std::string scenario;
  std::string trainee;
  std::string language;
  std::string mode;
  std::string started;  // RFC 3339
  std::optional<bool> passed;
  std::string endReason;
  std::optional<double> score, maxScore, passScore;
  double durationSeconds = 0.0;
  std::vector<ReportEntry> entries;  // in time order
};

/// Reads JSON lines (or one JSON array) of statements.
[[nodiscard]] core::Result<std::vector<Json>> parseStatements(const std::string& text);

/// Summarises the attempt `registration` ("" = the only one present; more than one is an
/// error listing them).
[[nodiscard]] core::Result<AttemptSummary> summariseAttempt(const std::vector<Json>& statements,
                                                            const std::string& registration);

/// A complete HTML document with inline CSS, no scripts and no external resources.
[[nodiscard]] std::string renderReportHtml(const AttemptSummary& summary);

}  // namespace praxis::xapi
