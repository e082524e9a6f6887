// HudState from a Session: what the trainee sees, in the chosen language.
#include <algorithm>

#include "app/hud.h"
#include "app/session.h"

namespace praxis::app {

HudState hudState(const Session& session, std::string_view language,
                  std::string_view hoveredObject) {
  const scenario::ScenarioDef& def = session.definition();
  const scenario::Feedback feedback = session.feedback();
  HudState out;
  out.language = std::string(language);
  out.scenarioTitle = def.meta.title.in(language);
  out.stepCount = static_cast<int>(def.steps.size());
  const auto step = std::find_if(def.steps.begin(), def.steps.end(),
                                 [&](const auto& s) { return s.id == feedback.stepId; });
  if (step != def.steps.end() && !feedback.ended) {
    out.stepNumber = static_cast<int>(step - def.steps.begin()) + 1;
    out.stepTitle = step->title.in(language);
  }
  if (feedback.instruction != nullptr) out.instruction = feedback.instruction->in(language);
  if (feedback.hint != nullptr) out.hint = feedback.hint->in(language);
  out.elapsedSeconds = core::ticksToSeconds(session.tick());
  out.timeLimitSeconds = def.scoring.timeLimitSeconds;
  out.passScore = def.scoring.passScore;
  out.maxScore = def.maxScore();
  out.score = feedback.score;
  for (const auto& event : session.attemptEvents()) {
    using Kind = scenario::AttemptEventKind;
    if (event.kind == Kind::StepCompleted) ++out.stepsDone;
    if (event.kind == Kind::FaultRaised) {
      const auto fault = std::find_if(def.faults.begin(), def.faults.end(),
                                      [&](const auto& f) { return f.id == event.faultId; });
      out.faults.push_back(HudFault{fault != def.faults.end() ? fault->message.in(language) : "",
                                    event.severity, event.points, event.tick});
    }
    if (event.kind == Kind::Ended) {
      out.ended = true;
      out.outcome = event.outcome;
      out.endReason = event.reason;
      out.score = event.score;
      out.maxScore = event.maxScore;
    }
  }
  for (const auto& phrase : def.phrases) out.phrases.push_back(phrase.text.in(language));
  if (const auto* object = def.findObject(hoveredObject); object != nullptr) {
    out.hoveredLabel = object->label.in(language);
  }
  return out;
}

}  // namespace praxis::app
