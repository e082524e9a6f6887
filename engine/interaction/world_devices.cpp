// What a scenario's device actions change in the world (scenario format 2): a behaviour's
// state, visibility, whether a control can be operated, a display's text, a cue. The
// scenario module decides; the world changes and reports it as ordinary events.
#include <algorithm>

#include "interaction/world.h"

namespace praxis::interaction {

void World::setState(core::Tick tick, scene::EntityId id, const std::string& state,
                     std::vector<WorldEvent>& out) {
  scene::Entity& e = scene_.at(id);
  if (e.toggle) {
    const auto it = std::find(e.toggle->states.begin(), e.toggle->states.end(), state);
    if (it == e.toggle->states.end()) return;  // the validator names a switch's states
    const auto index = static_cast<std::size_t>(it - e.toggle->states.begin());
    if (index == e.toggle->current) return;
    e.toggle->current = index;
  } else {
    if (e.deviceState == state) return;
    e.deviceState = state;
  }
  out.push_back({tick, EventKind::StateChanged, id, scene::kNoEntity, HandSide::Right, state});
}

void World::setVisible(core::Tick tick, scene::EntityId id, bool visible, std::vector<WorldEvent>& out) {
  scene::Entity& e = scene_.at(id);
  if (e.visual.visible == visible) return;
  e.visual.visible = visible;
  out.push_back({tick, visible ? EventKind::Shown : EventKind::Hidden, id, scene::kNoEntity, HandSide::Right, ""});
}

void World::setEnabled(core::Tick tick, scene::EntityId id, bool enabled, std::vector<WorldEvent>& out) {
  scene::Entity& e = scene_.at(id);
  if (e.enabled == enabled) return;
  e.enabled = enabled;
  out.push_back({tick, enabled ? EventKind::Enabled : EventKind::Disabled, id, scene::kNoEntity, HandSide::Right, ""});
}

void World::setDisplay(core::Tick tick, scene::EntityId id, std::string text, std::vector<WorldEvent>& out) {
  scene::Entity& e = scene_.at(id);
  if (!e.display || e.display->text == text) return;
  e.display->text = text;
  out.push_back({tick, EventKind::Displayed, id, scene::kNoEntity, HandSide::Right, std::move(text)});
}

void World::cue(core::Tick tick, scene::EntityId id, std::string what, std::vector<WorldEvent>& out) {
  out.push_back({tick, EventKind::Cued, id, scene::kNoEntity, HandSide::Right, std::move(what)});
}

}  // namespace praxis::interaction
