#include "scenario/definition.h"

#include "scenario/trainee_script.h"

namespace praxis::scenario {

std::string_view toString(Hand hand) {
  switch (hand) {
    case Hand::Left: return "left";
    case Hand::Right: return "right";
    case Hand::Either: return "either";
  }
  return "?";
}

const SourceSpan& spanOf(const FieldSpans& fields, std::string_view key,
                         const SourceSpan& fallback) {
  const auto it = fields.find(key);
  return it == fields.end() ? fallback : it->second;
}

std::string_view toString(ConditionKind kind) {
  switch (kind) {
    case ConditionKind::State: return "state";
    case ConditionKind::Value: return "value";
    case ConditionKind::Grabbed: return "grabbed";
    case ConditionKind::Released: return "released";
    case ConditionKind::Snapped: return "snapped";
    case ConditionKind::Touched: return "touched";
    case ConditionKind::Inside: return "inside";
    case ConditionKind::ToolOn: return "tool_on";
    case ConditionKind::Elapsed: return "elapsed";
    case ConditionKind::StepDone: return "step_done";
    case ConditionKind::LookingAt: return "looking_at";
    case ConditionKind::All: return "all";
    case ConditionKind::Any: return "any";
    case ConditionKind::Not: return "not";
    case ConditionKind::Sequence: return "sequence";
  }
  return "?";
}

std::string_view toString(Severity severity) {
  switch (severity) {
    case Severity::Minor: return "minor";
    case Severity::Major: return "major";
    case Severity::Critical: return "critical";
  }
  return "?";
}

std::string_view toString(ActionKind kind) {
  switch (kind) {
    case ActionKind::Grab: return "grab";
    case ActionKind::Release: return "release";
    case ActionKind::Move: return "move";
    case ActionKind::Snap: return "snap";
    case ActionKind::Press: return "press";
    case ActionKind::Set: return "set";
    case ActionKind::Touch: return "touch";
    case ActionKind::Use: return "use";
    case ActionKind::Wait: return "wait";
    case ActionKind::LookAt: return "look_at";
    case ActionKind::WalkTo: return "walk_to";
  }
  return "?";
}

std::string_view toString(Outcome outcome) {
  return outcome == Outcome::Passed ? "passed" : "failed";
}

const StepDef* ScenarioDef::findStep(std::string_view id) const {
  for (const auto& s : steps) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

const ObjectDef* ScenarioDef::findObject(std::string_view id) const {
  for (const auto& o : objects) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

std::vector<TextRef> ScenarioDef::texts() const {
  std::vector<TextRef> out;
  const auto add = [&out](const LocalizedText& text, const SourceSpan& at, std::string what) {
    if (!text.empty()) out.push_back(TextRef{&text, at, std::move(what)});
  };
  add(meta.title, spanOf(fields, "title", span), "title");
  add(meta.description, spanOf(fields, "description", span), "description");
  for (const auto& o : objects) add(o.label, spanOf(o.fields, "label", o.span), "object '" + o.id + "' label");
  for (const auto& s : steps) {
    if (!s.title.empty()) add(s.title, spanOf(s.fields, "title", s.span), "step '" + s.id + "' title");
    add(s.instruction, spanOf(s.fields, "instruction", s.span), "step '" + s.id + "' instruction");
    for (std::size_t i = 0; i < s.hints.size(); ++i) {
      add(s.hints[i].text, spanOf(s.hints[i].fields, "text", s.hints[i].span),
          "step '" + s.id + "' hint " + std::to_string(i + 1));
    }
  }
  for (const auto& f : faults) add(f.message, spanOf(f.fields, "message", f.span), "fault '" + f.id + "' message");
  addDeviceTexts(*this, out);
  return out;
}

int ScenarioDef::maxScore() const {
  int total = 0;
  for (const auto& s : steps) total += s.points;
  return total;
}

}  // namespace praxis::scenario

#include "scenario/attempt.h"

namespace praxis::scenario {

std::string_view toString(AttemptEventKind kind) {
  switch (kind) {
    case AttemptEventKind::Started: return "started";
    case AttemptEventKind::StepStarted: return "step_started";
    case AttemptEventKind::StepCompleted: return "step_completed";
    case AttemptEventKind::FaultRaised: return "fault_raised";
    case AttemptEventKind::HintShown: return "hint_shown";
    case AttemptEventKind::Ended: return "ended";
  }
  return "?";
}

std::string_view toString(EndReason reason) {
  switch (reason) {
    case EndReason::Completed: return "completed";
    case EndReason::CriticalFault: return "critical_fault";
    case EndReason::TimeLimit: return "time_limit";
    case EndReason::Aborted: return "aborted";
  }
  return "?";
}

}  // namespace praxis::scenario
