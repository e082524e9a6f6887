// The Reporter turns a scenario attempt's events into xAPI statements (the table in
// docs/xapi.md says which statement is sent when). It builds statements only; the caller
// hands them to an xapi::Emitter, so the simulation never waits on disk or network.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/mode.h"
#include "core/result.h"
#include "scenario/attempt.h"
#include "scenario/definition.h"
#include "xapi/cmi5.h"
#include "xapi/statement.h"
#include "xapi/time_format.h"

namespace praxis::app {

/// Who, where and how: everything a statement needs that the events do not carry.
struct ReportContext {
  std::string registration;  // UUID v4 of this attempt
  xapi::Agent actor;         // pseudonymous by default (xapi::makeActor)
  std::string activityBase = "https://praxis.example.org/xapi/activities/";
  Mode mode = Mode::Headless;
  std::string language = "nl-BE";         // the language the trainee used
  std::string platform;                   // "Praxis <version>" by default
  xapi::WallClock::time_point startTime;  // wall-clock time of tick 0
  /// Stamp statements with the moment they are made instead of startTime + simulated time.
  /// For an LMS: a headless attempt runs faster than real time, and simulated timestamps
  /// would lie in the future of the moment the LMS stores them (its `satisfied` would come
  /// before the `passed` that caused it). Durations stay simulated either way.
  bool wallClockTimestamps = false;
  /// Launched by a cmi5 LMS: the cmi5 session (xapi::cmi5::Session) sends initialized,
  /// passed/failed and terminated on the AU, so the reporter sends only the detail
  /// ("cmi5 allowed" statements: steps, faults, hints), each carrying this context
  /// template (session id, LMS grouping) as cmi5 requires.
  std::optional<xapi::Json> cmi5ContextTemplate;
};

class Reporter {
 public:
  using Sink = std::function<void(xapi::Statement)>;
  /// `def` must outlive the reporter.
  Reporter(const scenario::ScenarioDef& def, ReportContext context, Sink sink);

  /// Reports one event (call in event order, as the runner logs them).
  void report(const scenario::AttemptEvent& event);

  /// The scenario's activity id (the parent of step, fault and hint activities).
  [[nodiscard]] std::string scenarioIri() const;

 private:
  [[nodiscard]] xapi::Statement base(std::string_view verbId, std::string_view display,
                                     xapi::Activity object, core::Tick tick) const;
  [[nodiscard]] xapi::Activity scenarioActivity() const;
  [[nodiscard]] xapi::Activity stepActivity(const std::string& stepId) const;
  void reportFault(const scenario::AttemptEvent& event);
  void reportHint(const scenario::AttemptEvent& event);
  void reportSaid(const scenario::AttemptEvent& event);
  void reportEnd(const scenario::AttemptEvent& event);

  const scenario::ScenarioDef& def_;
  ReportContext context_;
  Sink sink_;
};

/// What the cmi5 session needs from the attempt's Ended event to send completed, passed or
/// failed, and terminated.
[[nodiscard]] xapi::cmi5::AttemptResult cmi5Result(const scenario::AttemptEvent& ended);

/// All statements for a whole attempt's events, in order.
[[nodiscard]] std::vector<xapi::Statement> reportAttempt(
    const scenario::ScenarioDef& def, const std::vector<scenario::AttemptEvent>& events,
    const ReportContext& context);

/// The HTML report (`praxis report`'s page) of an attempt's events, built from the same
/// statements the reporter sends, without waiting for the outbox: the end screen's button.
[[nodiscard]] core::Result<std::string> attemptReportHtml(
    const scenario::ScenarioDef& def, const std::vector<scenario::AttemptEvent>& events,
    ReportContext context);

}  // namespace praxis::app
