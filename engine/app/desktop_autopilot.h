// The desktop autopilot: plays a trainee script (a scenario's reference solution) the way a
// person at a laptop would, by synthesising the mouse and keyboard events DesktopControls
// receives from a window: it turns the view with the mouse, walks with W, crouches with C
// (stands with X), clicks, holds the buttons, scrolls and drags, and says a phrase with T and
// its number key. It watches the scene and the controls as a
// person watches the screen (is the cursor on the object yet? does the ghost show?), and
// never touches the simulation: the runner sees only the controls' TraineeInput.
#pragma once

#include <deque>
#include <functional>
#include <optional>
#include <string>

#include "app/desktop_controls.h"
#include "app/headless.h"
#include "core/result.h"
#include "scenario/trainee_script.h"

namespace praxis::app {

struct AutopilotOptions {
  /// 1 plays at a person's pace; 2 turns the mouse twice as fast and pauses half as long.
  /// Walking and reaching keep the controls' human speeds (they are the trainee's body).
  double speed = 1.0;
  float turnDegreesPerSecond = 160.0F;  // mouse look at speed 1
  double pauseSeconds = 0.3;            // between actions, as a person reads and decides
  double clickSeconds = 0.1;            // how long a click holds the button down
  double giveUpSeconds = 8.0;           // an expected effect that does not show by then fails
};

class DesktopAutopilot {
 public:
  /// `script` must outlive the autopilot.
  explicit DesktopAutopilot(const scenario::TraineeScript& script, AutopilotOptions options = {});
  ~DesktopAutopilot();
  DesktopAutopilot(const DesktopAutopilot&) = delete;
  DesktopAutopilot& operator=(const DesktopAutopilot&) = delete;

  /// Feeds this tick's events into `controls`; call it before `controls.tick(world)`.
  void drive(DesktopControls& controls, const interaction::World& world);
  /// Every action played (the autopilot then leaves the controls alone).
  [[nodiscard]] bool done() const { return done_; }
  /// Set when an action cannot be played through the controls; playing stops.
  [[nodiscard]] const std::optional<core::Error>& error() const { return error_; }
  [[nodiscard]] std::size_t actionIndex() const { return action_; }

  /// One closed-loop gesture: emits this tick's events; true once finished.
  struct Context;
  using Gesture = std::function<core::Result<bool>(Context&)>;

 private:
  void plan(const scenario::Action& action);

  const scenario::TraineeScript& script_;
  AutopilotOptions options_;
  std::deque<Gesture> gestures_;
  core::Tick gestureTicks_ = 0;  // ticks spent on the current gesture
  std::size_t action_ = 0;
  bool stayLow_ = false;  // the script asked to crouch (or kneel): no standing up in between
  bool done_ = false;
  std::optional<core::Error> error_;
};

/// Plays `script` against a fresh session of `def` through DesktopControls driven by the
/// desktop autopilot, headless and as fast as the CPU allows; the same result as runScript.
[[nodiscard]] core::Result<RunResult> runDesktopAutopilot(const scenario::ScenarioDef& def,
                                                          const scenario::TraineeScript& script,
                                                          const RunOptions& options = {},
                                                          AutopilotOptions autopilot = {});

}  // namespace praxis::app
