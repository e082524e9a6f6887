// Typed events the interaction world emits each tick; the scenario runner consumes them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/hash.h"
#include "core/sim_time.h"
#include "interaction/trainee_input.h"
#include "scene/scene.h"

namespace praxis::interaction {

enum class EventKind : std::uint8_t {
  Grabbed,       // subject grabbed by `hand`
  Released,      // subject released by `hand`
  Snapped,       // subject snapped into socket `other`
  Unsnapped,     // subject taken out of socket `other`
  Touched,       // target `subject` touched by `hand` (other = none) or by tool `other`
  Untouched,     // contact ended
  StateChanged,  // subject's discrete state became `state`
  ZoneEntered,   // subject (entity, or the head/hand entities) entered zone `other`
  ZoneLeft,
  ToolStarted,   // tool `subject` began acting on target `other` (contact, or aimed + trigger)
  ToolStopped,
  // Devices that respond (scenario format 2): what the scenario's actions changed.
  Shown,         // subject became visible
  Hidden,
  Enabled,       // subject can be operated again
  Disabled,      // subject cannot be pressed, switched or moved
  Displayed,     // subject's display shows `state` (in the trainee's language)
  Cued,          // a cue sounds at subject: `state` is the sound or the spoken text
};

[[nodiscard]] std::string_view toString(EventKind kind);

struct WorldEvent {
  core::Tick tick = 0;
  EventKind kind = EventKind::Grabbed;
  scene::EntityId subject = scene::kNoEntity;
  scene::EntityId other = scene::kNoEntity;
  HandSide hand = HandSide::Right;
  std::string state;
  bool operator==(const WorldEvent&) const = default;
};

/// Folds an event into a determinism hash (ids, tick, kind, hand, state; no poses).
void hashEvent(core::Hasher& hasher, const WorldEvent& event);

/// "t=12.34s grabbed padlock (right)" style line, for logs and `--verbose`.
[[nodiscard]] std::string describe(const WorldEvent& event, const scene::Scene& scene);

}  // namespace praxis::interaction
