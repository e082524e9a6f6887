#include "app/reporter.h"

#include <algorithm>
#include <chrono>

#include "core/paths.h"
#include "core/sim_time.h"
#include "xapi/session_report.h"
#include "xapi/vocabulary.h"

namespace praxis::app {
namespace {

using scenario::AttemptEventKind;

xapi::LanguageMap languageMap(const core::LocalizedText& text) {
  xapi::LanguageMap out;
  for (const auto& [lang, value] : text.all()) out[lang] = value;
  return out;
}

// cmi5 §9.6.2: every statement in an AU session carries the LMS's context template.
void mergeTemplate(const xapi::Json& t, xapi::Context& c) {
  if (t.contains("extensions") && t["extensions"].is_object()) {
    for (const auto& [key, value] : t["extensions"].items()) c.extensions[key] = value;
  }
  if (!t.contains("contextActivities") || !t["contextActivities"].is_object()) return;
  const auto& ca = t["contextActivities"];
  auto copy = [&](const char* key, std::vector<xapi::Activity>& into) {
    if (!ca.contains(key)) return;
    const xapi::Json list = ca[key].is_array() ? ca[key] : xapi::Json::array({ca[key]});
    for (const auto& a : list) {
      if (a.contains("id") && a["id"].is_string()) into.push_back({a["id"].get<std::string>(), {}});
    }
  };
  copy("parent", c.contextActivities.parent);
  copy("grouping", c.contextActivities.grouping);
  copy("category", c.contextActivities.category);
  copy("other", c.contextActivities.other);
}

}  // namespace

Reporter::Reporter(const scenario::ScenarioDef& def, ReportContext context, Sink sink)
    : def_(def), context_(std::move(context)), sink_(std::move(sink)) {
  if (context_.platform.empty()) context_.platform = "Praxis " + core::version();
}

std::string Reporter::scenarioIri() const {
  return xapi::activityIri(context_.activityBase, "scenarios", def_.meta.id);
}

xapi::Activity Reporter::scenarioActivity() const {
  xapi::ActivityDefinition d;
  d.name = languageMap(def_.meta.title);
  d.description = languageMap(def_.meta.description);
  d.type = std::string(xapi::activity_types::kSimulation);
  return xapi::Activity{scenarioIri(), d};
}

xapi::Activity Reporter::stepActivity(const std::string& stepId) const {
  xapi::ActivityDefinition d;
  d.name = {{"en", stepId}};
  if (const auto* step = def_.findStep(stepId); step && !step->instruction.empty()) {
    d.description = languageMap(step->instruction);
  }
  d.type = std::string(xapi::activity_types::kObjective);
  return xapi::Activity{scenarioIri() + "/steps/" + xapi::iriSegment(stepId), d};
}

xapi::Statement Reporter::base(std::string_view verbId, std::string_view display,
                               xapi::Activity object, core::Tick tick) const {
  xapi::Statement s;
  s.actor = context_.actor;
  s.verb = xapi::Verb{std::string(verbId), {{"en", std::string(display)}}};
  const bool isScenario = object.id == scenarioIri();
  s.object = std::move(object);
  const auto offset =
      std::chrono::milliseconds(static_cast<std::int64_t>(core::ticksToSeconds(tick) * 1000.0));
  s.timestamp = xapi::formatTimestamp(context_.wallClockTimestamps ? xapi::WallClock::now()
                                                                   : context_.startTime + offset);
  xapi::Context c;
  c.registration = context_.registration;
  c.platform = context_.platform;
  c.language = context_.language;
  c.extensions[std::string(xapi::extensions::kMode)] = std::string(toString(context_.mode));
  if (!isScenario)
    c.contextActivities.parent.push_back(xapi::Activity{scenarioIri(), std::nullopt});
  if (context_.cmi5ContextTemplate) mergeTemplate(*context_.cmi5ContextTemplate, c);
  s.context = std::move(c);
  return s;
}

void Reporter::report(const scenario::AttemptEvent& e) {
  namespace verbs = xapi::verbs;
  namespace ext = xapi::extensions;
  switch (e.kind) {
    case AttemptEventKind::Started:
      if (context_.cmi5ContextTemplate) return;  // the cmi5 session sends initialized
      sink_(base(verbs::kInitialized, "initialized", scenarioActivity(), e.tick));
      return;
    case AttemptEventKind::StepStarted:
      return;  // the step's completed statement carries its duration
    case AttemptEventKind::StepCompleted: {
      auto s = base(verbs::kCompleted, "completed", stepActivity(e.stepId), e.tick);
      xapi::StatementResult r;
      r.completion = true;
      r.duration = xapi::formatDuration(e.stepSeconds);
      r.extensions[std::string(ext::kPoints)] = e.points;
      s.result = r;
      sink_(std::move(s));
      return;
    }
    case AttemptEventKind::FaultRaised:
      reportFault(e);
      return;
    case AttemptEventKind::HintShown:
      reportHint(e);
      return;
    case AttemptEventKind::Ended:
      reportEnd(e);
      return;
    case AttemptEventKind::Said:
      reportSaid(e);
      return;
  }
}

void Reporter::reportFault(const scenario::AttemptEvent& e) {
  namespace ext = xapi::extensions;
  xapi::ActivityDefinition d;
  d.name = {{"en", e.faultId}};
  if (const auto it = std::find_if(def_.faults.begin(), def_.faults.end(),
                                   [&](const auto& f) { return f.id == e.faultId; });
      it != def_.faults.end() && !it->message.empty()) {
    d.description = languageMap(it->message);
  }
  d.type = std::string(xapi::activity_types::kFault);
  auto s =
      base(xapi::verbs::kFaulted, "made a fault",
           xapi::Activity{scenarioIri() + "/faults/" + xapi::iriSegment(e.faultId), d}, e.tick);
  if (!e.stepId.empty()) s.context->contextActivities.other.push_back(stepActivity(e.stepId));
  xapi::StatementResult r;
  r.success = false;
  r.extensions[std::string(ext::kSeverity)] = scenario::toString(e.severity);
  r.extensions[std::string(ext::kStep)] = e.stepId;
  r.extensions[std::string(ext::kInvolved)] = e.involved;
  xapi::Json labels = xapi::Json::array();
  for (const auto& id : e.involved) {
    const auto* object = def_.findObject(id);
    labels.push_back(object && !object->label.empty() ? xapi::Json(languageMap(object->label))
                                                      : xapi::Json({{"en", id}}));
  }
  r.extensions[std::string(ext::kInvolvedLabels)] = std::move(labels);
  r.extensions[std::string(ext::kPenalty)] = e.points;
  if (!e.deviceStates.empty()) r.extensions[std::string(ext::kDeviceStates)] = e.deviceStates;
  s.result = r;
  sink_(std::move(s));
}

void Reporter::reportHint(const scenario::AttemptEvent& e) {
  namespace ext = xapi::extensions;
  xapi::ActivityDefinition d;
  d.name = {{"en", e.stepId + " hint " + std::to_string(e.hintIndex + 1)}};
  const auto* step = def_.findStep(e.stepId);
  if (step && e.hintIndex >= 0 && static_cast<std::size_t>(e.hintIndex) < step->hints.size()) {
    d.description = languageMap(step->hints[static_cast<std::size_t>(e.hintIndex)].text);
  }
  d.type = std::string(xapi::activity_types::kHint);
  auto s =
      base(xapi::verbs::kExperienced, "experienced",
           xapi::Activity{stepActivity(e.stepId).id + "/hints/" + std::to_string(e.hintIndex), d},
           e.tick);
  s.context->contextActivities.other.push_back(stepActivity(e.stepId));
  xapi::StatementResult r;
  r.extensions[std::string(ext::kHintIndex)] = e.hintIndex;
  r.extensions[std::string(ext::kStep)] = e.stepId;
  s.result = r;
  sink_(std::move(s));
}

void Reporter::reportSaid(const scenario::AttemptEvent& e) {
  namespace ext = xapi::extensions;
  xapi::ActivityDefinition d;
  d.name = {{"en", e.phrase}};
  if (const auto it = std::find_if(def_.phrases.begin(), def_.phrases.end(),
                                   [&](const auto& p) { return p.id == e.phrase; });
      it != def_.phrases.end()) {
    d.description = languageMap(it->text);
  }
  d.type = std::string(xapi::activity_types::kPhrase);
  auto s = base(xapi::verbs::kSaid, "said",
                xapi::Activity{scenarioIri() + "/phrases/" + xapi::iriSegment(e.phrase), d}, e.tick);
  if (!e.stepId.empty()) s.context->contextActivities.other.push_back(stepActivity(e.stepId));
  xapi::StatementResult r;
  r.extensions[std::string(ext::kStep)] = e.stepId;
  if (!e.person.empty()) r.extensions[std::string(ext::kPerson)] = e.person;
  s.result = r;
  sink_(std::move(s));
}

void Reporter::reportEnd(const scenario::AttemptEvent& e) {
  if (context_.cmi5ContextTemplate) return;  // the cmi5 session judges and terminates
  namespace ext = xapi::extensions;
  const std::string duration = xapi::formatDuration(core::ticksToSeconds(e.tick));
  // An aborted attempt is not judged: only terminated, which says why it ended.
  if (e.reason != scenario::EndReason::Aborted) {
    const bool passed = e.outcome == scenario::Outcome::Passed;
    auto s = base(passed ? xapi::verbs::kPassed : xapi::verbs::kFailed,
                  passed ? "passed" : "failed", scenarioActivity(), e.tick);
    xapi::StatementResult r;
    if (e.maxScore > 0) {
      xapi::Score score;
      score.raw = e.score;
      score.min = std::min(0, e.score);
      score.max = std::max(e.maxScore, e.score);
      score.scaled = std::clamp(static_cast<double>(e.score) / e.maxScore, -1.0, 1.0);
      r.score = score;
    }
    r.success = passed;
    r.completion = e.reason == scenario::EndReason::Completed;
    r.duration = duration;
    r.extensions[std::string(ext::kEndReason)] = scenario::toString(e.reason);
    r.extensions[std::string(ext::kPassScore)] = def_.scoring.passScore;
    s.result = r;
    sink_(std::move(s));
  }
  auto t = base(xapi::verbs::kTerminated, "terminated", scenarioActivity(), e.tick);
  xapi::StatementResult r;
  r.duration = duration;
  r.extensions[std::string(ext::kEndReason)] = scenario::toString(e.reason);
  t.result = r;
  sink_(std::move(t));
}

xapi::cmi5::AttemptResult cmi5Result(const scenario::AttemptEvent& ended) {
  xapi::cmi5::AttemptResult r;
  r.completed = ended.reason == scenario::EndReason::Completed;
  if (ended.maxScore > 0 && ended.reason != scenario::EndReason::Aborted) {
    // cmi5 scores are 0..1; a negative score (penalties) counts as 0.
    r.scaledScore = std::clamp(static_cast<double>(ended.score) / ended.maxScore, 0.0, 1.0);
    r.rawScore = std::clamp(ended.score, 0, ended.maxScore);
    r.maxScore = ended.maxScore;
  }
  r.passedByScenario = ended.outcome == scenario::Outcome::Passed;
  r.durationSeconds = core::ticksToSeconds(ended.tick);
  return r;
}

std::vector<xapi::Statement> reportAttempt(const scenario::ScenarioDef& def,
                                           const std::vector<scenario::AttemptEvent>& events,
                                           const ReportContext& context) {
  std::vector<xapi::Statement> out;
  Reporter reporter(def, context, [&](xapi::Statement s) { out.push_back(std::move(s)); });
  for (const auto& e : events) reporter.report(e);
  return out;
}

core::Result<std::string> attemptReportHtml(const scenario::ScenarioDef& def,
                                            const std::vector<scenario::AttemptEvent>& events,
                                            ReportContext context) {
  // The page is local; statements still need an actor to be valid ones.
  if (!context.actor.account && context.actor.mbox.empty() && context.actor.mboxSha1sum.empty()) {
    context.actor = xapi::makeActor(xapi::ActorPolicy{}, "local-report");
  }
  std::vector<xapi::Json> statements;
  for (const auto& s : reportAttempt(def, events, context)) statements.push_back(xapi::toJson(s));
  auto summary = xapi::summariseAttempt(statements, context.registration);
  if (!summary) return std::unexpected(summary.error());
  return xapi::renderReportHtml(*summary);
}

}  // namespace praxis::app
