// Where a real-time front end gets each tick's TraineeInput: a person's mouse and keyboard
// (app::DesktopControls), the desktop autopilot, or a scripted trainee. The desktop loop
// hands every window event to handle() and asks tick() once per simulation tick, so the
// runner never sees which one it was.
#pragma once

#include <memory>
#include <optional>

#include "app/input_events.h"
#include "app/session.h"
#include "interaction/trainee_input.h"
#include "scenario/trainee_script.h"

namespace praxis::scenario {
class ScriptedTrainee;
}

namespace praxis::app {

class DesktopControls;

class TickInput {
 public:
  virtual ~TickInput() = default;
  /// A window event (key, mouse, scroll, focus, iconify), in arrival order.
  virtual void handle(const InputEvent& event) = 0;
  /// The input for the session's next tick; nullopt once the trainee has walked away (a
  /// script that has stood idle after its last action), which aborts the attempt.
  [[nodiscard]] virtual std::optional<interaction::TraineeInput> tick(const Session& session) = 0;
  /// True when the head does not follow the trainee's own look (a script moves hands only):
  /// the frame then turns the camera towards what the step highlights.
  [[nodiscard]] virtual bool scriptedHead() const { return false; }
  /// The desktop controls behind this input (pointer, reach, snap preview for the HUD and the
  /// frame), or null for an input that has none (a scripted trainee played directly).
  [[nodiscard]] virtual const DesktopControls* desktopControls() const { return nullptr; }
};

/// A scripted trainee (the reference solution for --autopilot) played tick by tick. Window
/// events are ignored; the attempt is abandoned `idleSeconds` after the script's last action.
class ScriptedTickInput final : public TickInput {
 public:
  ScriptedTickInput(const scenario::TraineeScript& script, const Session& session,
                    double idleSeconds = 1.0);
  ~ScriptedTickInput() override;
  void handle(const InputEvent& event) override;
  [[nodiscard]] std::optional<interaction::TraineeInput> tick(const Session& session) override;
  [[nodiscard]] bool scriptedHead() const override { return true; }
  /// Why the script could not be played as written, if it could not.
  [[nodiscard]] std::optional<core::Error> error() const;

 private:
  std::unique_ptr<scenario::ScriptedTrainee> trainee_;
  core::Tick idleTicks_;
  core::Tick idleSince_ = -1;
};

}  // namespace praxis::app
