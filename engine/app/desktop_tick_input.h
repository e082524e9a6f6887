// The desktop's two sources of TraineeInput for the real-time loop (app::TickInput): a
// person's mouse and keyboard through DesktopControls, or the desktop autopilot playing a
// script through the same controls (`praxis run --mode desktop --autopilot`). Both expose the
// controls, whose pointed object, snap preview and messages the HUD and the frame draw.
#pragma once

#include <optional>

#include "app/desktop_autopilot.h"
#include "app/desktop_controls.h"
#include "app/tick_input.h"

namespace praxis::app {

/// A person at the desktop: every window event goes to the controls.
class DesktopTickInput final : public TickInput {
 public:
  explicit DesktopTickInput(const scenario::ScenarioDef& def, ControlsTuning tuning = {});
  void handle(const InputEvent& event) override { controls_.handle(event); }
  [[nodiscard]] std::optional<interaction::TraineeInput> tick(const Session& session) override;
  [[nodiscard]] const DesktopControls& controls() const { return controls_; }
  [[nodiscard]] const DesktopControls* desktopControls() const override { return &controls_; }

 private:
  DesktopControls controls_;
};

/// The desktop autopilot: synthesised events into the controls; the person's own events are
/// ignored (the front end still handles Esc, F1 and F11). The attempt is abandoned
/// `idleSeconds` after the script's last action, as with the headless scripted trainee.
class AutopilotTickInput final : public TickInput {
 public:
  /// `script` must outlive this.
  AutopilotTickInput(const scenario::ScenarioDef& def, const scenario::TraineeScript& script,
                     AutopilotOptions options = {}, double idleSeconds = 1.0);
  void handle(const InputEvent&) override {}
  [[nodiscard]] std::optional<interaction::TraineeInput> tick(const Session& session) override;
  [[nodiscard]] const DesktopControls& controls() const { return controls_; }
  [[nodiscard]] const DesktopControls* desktopControls() const override { return &controls_; }
  /// Why the script could not be played through the controls, if it could not.
  [[nodiscard]] const std::optional<core::Error>& error() const { return autopilot_.error(); }

 private:
  DesktopControls controls_;
  DesktopAutopilot autopilot_;
  core::Tick idleTicks_;
  core::Tick idleSince_ = -1;
};

}  // namespace praxis::app
