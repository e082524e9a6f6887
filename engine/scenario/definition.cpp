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
