#include "app/tick_input.h"

#include "scenario/scripted_trainee.h"

namespace praxis::app {

ScriptedTickInput::ScriptedTickInput(const scenario::TraineeScript& script, const Session& session,
                                     double idleSeconds)
    : trainee_(std::make_unique<scenario::ScriptedTrainee>(script, session.initialInput())),
      idleTicks_(core::secondsToTicks(idleSeconds)) {
  trainee_->setPhrases(scenario::phraseIds(session.definition()));
}

ScriptedTickInput::~ScriptedTickInput() = default;

void ScriptedTickInput::handle(const InputEvent&) {}

std::optional<interaction::TraineeInput> ScriptedTickInput::tick(const Session& session) {
  const interaction::TraineeInput input = trainee_->next(session.scene());
  if (trainee_->done()) {
    if (idleSince_ < 0) idleSince_ = session.tick();
    if (session.tick() - idleSince_ >= idleTicks_) return std::nullopt;
  }
  return input;
}

std::optional<core::Error> ScriptedTickInput::error() const { return trainee_->error(); }

}  // namespace praxis::app
