// The desktop autopilot's gestures: small closed loops, each emitting the events a person
// would (turn the mouse, hold W, click), watching the controls and the scene until done.
// Internal to desktop_autopilot.cpp and its tests.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "app/desktop_autopilot.h"
#include "interaction/world.h"

namespace praxis::app {

struct DesktopAutopilot::Context {
  DesktopControls& controls;
  const interaction::World& world;
  const AutopilotOptions& options;
  core::Tick ticks = 0;  // ticks this gesture has run before this one

  void send(const InputEvent& event) const { controls.handle(event); }
  [[nodiscard]] const scene::Scene& scene() const { return world.scene(); }
  /// Ticks a person takes for `seconds` of their own pace (scaled by the speed factor).
  [[nodiscard]] core::Tick paced(double seconds) const;
  [[nodiscard]] bool givenUp(double seconds = -1.0) const;
};

namespace gestures {

using Gesture = DesktopAutopilot::Gesture;
using Context = DesktopAutopilot::Context;
/// A spot in the world, looked up when the gesture runs (objects move).
using Where = std::function<std::optional<core::Vec3>(const Context&)>;

/// The position of entity `id`.
[[nodiscard]] Where positionOf(const std::string& id);

[[nodiscard]] Gesture selectHand(interaction::HandSide side);
[[nodiscard]] Gesture pause(double seconds);    // a person's pause, scaled by speed
[[nodiscard]] Gesture holdFor(double seconds);  // a dwell the task asks for, never scaled
/// Holds until entity `id` is in `state`, at most `seconds` (a device that responds).
[[nodiscard]] Gesture holdUntil(const std::string& id, const std::string& state, double seconds);
[[nodiscard]] Gesture send(InputEvent event);
[[nodiscard]] Gesture click(MouseButton button);
/// Turns the view with the mouse until the cursor's ray goes through `where`.
[[nodiscard]] Gesture lookAt(Where where);
/// Waits until the cursor is on entity `id` (or on something it carries).
[[nodiscard]] Gesture waitPointing(const std::string& id);
/// Walks (steering with the mouse, holding W) to the nearest place from which either hand
/// reaches `where`, whichever way the body then turns; crouches for a low spot.
[[nodiscard]] Gesture walkNear(Where where, std::string what);
/// Walks to a point on the floor.
[[nodiscard]] Gesture walkTo(core::Vec3 point);
/// Stands up after an action, unless the script asked for a low posture (`stayLow`).
[[nodiscard]] Gesture standUp(bool stayLow = false);
/// Crouches (C) or stands up (X), as the script's `posture:` asks.
[[nodiscard]] Gesture posture(bool low);
/// Opens the phrase menu (T) and chooses phrase `index` with its number key.
[[nodiscard]] Gesture say(int index);
/// Looks down until no socket ghost shows, so a release drops the object instead.
[[nodiscard]] Gesture lookAwayFromSockets();
/// Waits until `done` holds; fails naming `what` when it does not in time.
[[nodiscard]] Gesture waitUntil(std::function<bool(const Context&)> done, std::string what);
/// Drags the lever or dial held by the active hand (mouse motion) until it reads `value`.
[[nodiscard]] Gesture dragTo(const std::string& id, float value);
/// Clicks the switch `id` (under the cursor) until it is in state `state`.
[[nodiscard]] Gesture pressUntil(const std::string& id, const std::string& state);

}  // namespace gestures
}  // namespace praxis::app
