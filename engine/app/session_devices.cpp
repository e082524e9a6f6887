// The Session's half of devices that respond (scenario format 2): the runner decides what a
// device does, the world carries it out, here, in the trainee's language.
#include "app/session.h"
#include "interaction/world.h"

namespace praxis::app {

void Session::applyDeviceCommands() {
  using Kind = scenario::DeviceCommand::Kind;
  for (const scenario::DeviceCommand& c : pending_) {
    if (c.kind != Kind::Cue && c.entity >= world_->scene().size()) continue;
    switch (c.kind) {
      case Kind::SetState: world_->setState(tick_, c.entity, c.state, events_); break;
      case Kind::Show: world_->setVisible(tick_, c.entity, true, events_); break;
      case Kind::Hide: world_->setVisible(tick_, c.entity, false, events_); break;
      case Kind::Enable: world_->setEnabled(tick_, c.entity, true, events_); break;
      case Kind::Disable: world_->setEnabled(tick_, c.entity, false, events_); break;
      case Kind::Display:
        world_->setDisplay(tick_, c.entity, scenario::commandText(c, options_.language), events_);
        break;
      case Kind::Cue: world_->cue(tick_, c.entity, scenario::commandText(c, options_.language), events_); break;
    }
  }
  pending_.clear();
}

}  // namespace praxis::app
