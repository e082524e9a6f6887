#include "interaction/events.h"

#include <cstdio>

namespace praxis::interaction {

std::string_view toString(EventKind kind) {
  switch (kind) {
    case EventKind::Grabbed: return "grabbed";
    case EventKind::Released: return "released";
    case EventKind::Snapped: return "snapped";
    case EventKind::Unsnapped: return "unsnapped";
    case EventKind::Touched: return "touched";
    case EventKind::Untouched: return "untouched";
    case EventKind::StateChanged: return "state_changed";
    case EventKind::ZoneEntered: return "zone_entered";
    case EventKind::ZoneLeft: return "zone_left";
    case EventKind::ToolStarted: return "tool_started";
    case EventKind::ToolStopped: return "tool_stopped";
    case EventKind::Shown: return "shown";
    case EventKind::Hidden: return "hidden";
    case EventKind::Enabled: return "enabled";
    case EventKind::Disabled: return "disabled";
    case EventKind::Displayed: return "displayed";
    case EventKind::Cued: return "cued";
  }
  return "?";
}

void hashEvent(core::Hasher& hasher, const WorldEvent& event) {
  hasher.value(event.tick);
  hasher.value(static_cast<std::uint8_t>(event.kind));
  hasher.value(event.subject);
  hasher.value(event.other);
  hasher.value(static_cast<std::uint8_t>(event.hand));
  hasher.text(event.state);
}

std::string describe(const WorldEvent& event, const scene::Scene& scene) {
  const auto name = [&](scene::EntityId id) -> std::string {
    return id < scene.size() ? scene.at(id).id : std::string("-");
  };
  char time[32];
  std::snprintf(time, sizeof time, "t=%.2fs ", core::ticksToSeconds(event.tick));
  std::string line = time;
  line += toString(event.kind);
  line += ' ';
  line += name(event.subject);
  if (event.other != scene::kNoEntity) line += " / " + name(event.other);
  if (!event.state.empty()) line += " -> " + event.state;
  if (event.kind == EventKind::Grabbed || event.kind == EventKind::Released ||
      (event.kind == EventKind::Touched && event.other == scene::kNoEntity)) {
    line += event.hand == HandSide::Left ? " (left)" : " (right)";
  }
  return line;
}

}  // namespace praxis::interaction
