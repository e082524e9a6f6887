#include "xr/phrase_menu.h"

#include <cmath>

namespace praxis::xr {
namespace {

constexpr float kStickFire = 0.7F;   // a push past this moves the choice by one
constexpr float kStickRearm = 0.3F;  // and the stick must come back below this first

}  // namespace

void PhraseMenu::update(const DeviceState& device, interaction::HandSide dominant,
                        std::size_t phrases) {
  const ControllerState& hand = device.hands[static_cast<std::size_t>(dominant)];
  const bool secondaryPressed = hand.secondary && !secondaryWas_;
  const bool primaryPressed = hand.primary && !primaryWas_;
  secondaryWas_ = hand.secondary;
  primaryWas_ = hand.primary;
  if (phrases == 0) {
    open_ = false;
    return;
  }
  if (secondaryPressed) {
    open_ = !open_;
    choice_ = 0;
    stickArmed_ = std::abs(hand.thumbstick.y) < kStickRearm;
    return;
  }
  if (!open_) return;
  const float y = hand.thumbstick.y;
  if (stickArmed_ && std::abs(y) > kStickFire) {
    // Up (+y) goes to the phrase above, as the list reads top to bottom; the ends wrap.
    const int count = static_cast<int>(phrases);
    choice_ = (choice_ + (y > 0.0F ? count - 1 : 1)) % count;
    stickArmed_ = false;
  } else if (std::abs(y) < kStickRearm) {
    stickArmed_ = true;
  }
  if (primaryPressed) {
    said_ = choice_;
    open_ = false;
  }
}

int PhraseMenu::take() {
  const int said = said_;
  said_ = -1;
  return said;
}

DeviceState PhraseMenu::steering(const DeviceState& device, interaction::HandSide dominant) const {
  DeviceState out = device;
  if (open_) out.hands[static_cast<std::size_t>(dominant)].thumbstick = glm::vec2(0.0F);
  return out;
}

}  // namespace praxis::xr
