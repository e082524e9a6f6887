#include "app/desktop_tick_input.h"

#include "interaction/world.h"

namespace praxis::app {

DesktopTickInput::DesktopTickInput(const scenario::ScenarioDef& def, ControlsTuning tuning)
    : controls_(def.trainee, tuning, def.phrases.size()) {}

std::optional<interaction::TraineeInput> DesktopTickInput::tick(const Session& session) {
  return controls_.tick(session.world());
}

AutopilotTickInput::AutopilotTickInput(const scenario::ScenarioDef& def,
                                       const scenario::TraineeScript& script,
                                       AutopilotOptions options, double idleSeconds)
    : controls_(def.trainee, {}, def.phrases.size()),
      autopilot_(script, options),
      idleTicks_(core::secondsToTicks(idleSeconds)) {}

std::optional<interaction::TraineeInput> AutopilotTickInput::tick(const Session& session) {
  autopilot_.drive(controls_, session.world());
  if (autopilot_.done() && idleSince_ < 0) idleSince_ = session.tick();
  if (idleSince_ >= 0 && session.tick() - idleSince_ >= idleTicks_) return std::nullopt;
  return controls_.tick(session.world());
}

}  // namespace praxis::app
