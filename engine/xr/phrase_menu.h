// The phrase menu in a headset: what the desktop's T and number keys are at a laptop. The
// dominant hand's secondary button (B, or Y left-handed) opens and closes it, its stick
// pushed up or down moves the choice, its primary button (A / X) says the chosen phrase. The
// VR mode draws it as a panel in front of the eyes and keeps the dominant stick from turning
// or teleporting while it is open. Pure: tested without a runtime.
#pragma once

#include <array>
#include <cstddef>

#include "interaction/trainee_input.h"
#include "xr/device_state.h"

namespace praxis::xr {

class PhraseMenu {
 public:
  /// One frame of the dominant hand's buttons and stick; `phrases`: how many the scenario
  /// offers (none: the menu never opens).
  void update(const DeviceState& device, interaction::HandSide dominant, std::size_t phrases);
  [[nodiscard]] bool open() const { return open_; }
  /// The phrase the choice is on (0-based), while open.
  [[nodiscard]] int choice() const { return choice_; }
  /// The phrase said in this frame, -1 for none; said once (taking it clears it).
  [[nodiscard]] int take();
  /// `device` with the dominant stick at rest while the menu is open (it moves the choice,
  /// so it must not turn or teleport the trainee).
  [[nodiscard]] DeviceState steering(const DeviceState& device,
                                     interaction::HandSide dominant) const;

 private:
  bool open_ = false;
  int choice_ = 0;
  int said_ = -1;
  bool secondaryWas_ = false;
  bool primaryWas_ = false;
  bool stickArmed_ = true;  // re-armed once the stick is back near the centre
};

}  // namespace praxis::xr
