// The Reporter turns a scenario attempt's events into xAPI statements (the table in
// docs/xapi.md says which statement is sent when). It builds statements only; the caller
// hands them to an xapi::Emitter, so the simulation never waits on disk or network.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "scenario/attempt.h"
#include "scenario/definition.h"
#include "xapi/statement.h"
#include "xapi/time_format.h"

namespace praxis::app {

/// Who, where and how: everything a statement needs that the events do not carry.
struct ReportContext {
  std::string registration;  // UUID v4 of this attempt
  xapi::Agent actor;         // pseudonymous by default (xapi::makeActor)
  std::string activityBase = "https://praxis.example.org/xapi/activities/";
  std::string mode = "headless";          // "vr", "desktop" or "headless"
  std::string language = "nl-BE";         // the language the trainee used
  std::string platform;                   // "Praxis <version>" by default
  xapi::WallClock::time_point startTime;  // wall-clock time of tick 0
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
  void reportEnd(const scenario::AttemptEvent& event);

  const scenario::ScenarioDef& def_;
  ReportContext context_;
  Sink sink_;
};

/// All statements for a whole attempt's events, in order.
[[nodiscard]] std::vector<xapi::Statement> reportAttempt(
    const scenario::ScenarioDef& def, const std::vector<scenario::AttemptEvent>& events,
    const ReportContext& context);

}  // namespace praxis::app
