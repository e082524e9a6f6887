// The headset's phrase menu: the dominant hand's B/Y opens and closes it, its stick moves the
// choice (one step per push, wrapping), A/X says the choice once and closes it; the stick
// neither turns nor teleports while it is open; without phrases it never opens.
#include "xr/phrase_menu.h"

#include <gtest/gtest.h>

namespace praxis::xr {
namespace {

using interaction::HandSide;

class Hand {
 public:
  explicit Hand(HandSide side = HandSide::Right) : side_(side) {}
  ControllerState& c() { return device_.hands[static_cast<std::size_t>(side_)]; }
  /// One frame with the button down, then one with it let go (right-handed: the right hand
  /// is the dominant one).
  void tap(bool ControllerState::*button, PhraseMenu& menu, std::size_t phrases = 3) {
    c().*button = true;
    menu.update(device_, HandSide::Right, phrases);  // right-handed
    c().*button = false;
    menu.update(device_, HandSide::Right, phrases);  // right-handed
  }
  void push(float y, PhraseMenu& menu, std::size_t phrases = 3) {
    c().thumbstick.y = y;
    menu.update(device_, HandSide::Right, phrases);  // right-handed
    c().thumbstick.y = 0.0F;
    menu.update(device_, HandSide::Right, phrases);  // right-handed
  }
  DeviceState& device() { return device_; }

 private:
  HandSide side_;
  DeviceState device_;
};

TEST(PhraseMenu, BOpensAStickPushMovesTheChoiceAndASaysItOnce) {
  PhraseMenu menu;
  Hand right;
  right.tap(&ControllerState::secondary, menu);
  ASSERT_TRUE(menu.open());
  EXPECT_EQ(menu.choice(), 0);
  right.push(-0.9F, menu);  // down: the next phrase
  EXPECT_EQ(menu.choice(), 1);
  right.push(0.9F, menu);  // up: back
  right.push(0.9F, menu);  // and round to the last
  EXPECT_EQ(menu.choice(), 2);
  right.c().primary = true;
  menu.update(right.device(), HandSide::Right, 3);
  EXPECT_FALSE(menu.open());
  EXPECT_EQ(menu.take(), 2);
  EXPECT_EQ(menu.take(), -1) << "a phrase is said once";
  menu.update(right.device(), HandSide::Right, 3);  // A still held: nothing more
  EXPECT_EQ(menu.take(), -1);
}

TEST(PhraseMenu, AHeldStickMovesOnceAndTheOtherHandDoesNothing) {
  PhraseMenu menu;
  Hand right;
  Hand left(HandSide::Left);
  left.tap(&ControllerState::secondary, menu);
  EXPECT_FALSE(menu.open()) << "the left hand is not the dominant one here";
  right.tap(&ControllerState::secondary, menu);
  right.c().thumbstick.y = -1.0F;
  for (int i = 0; i < 10; ++i) menu.update(right.device(), HandSide::Right, 3);
  EXPECT_EQ(menu.choice(), 1);
  right.tap(&ControllerState::secondary, menu);
  EXPECT_FALSE(menu.open()) << "B again closes it";
  EXPECT_EQ(menu.take(), -1) << "closing says nothing";
}

TEST(PhraseMenu, WhileOpenTheDominantStickNeitherTurnsNorTeleports) {
  PhraseMenu menu;
  Hand right;
  right.c().thumbstick = glm::vec2(0.8F, 0.9F);
  EXPECT_EQ(menu.steering(right.device(), HandSide::Right).hands[1].thumbstick,
            glm::vec2(0.8F, 0.9F));
  right.c().thumbstick = glm::vec2(0.0F);
  right.tap(&ControllerState::secondary, menu);
  right.c().thumbstick = glm::vec2(0.8F, 0.9F);
  right.device().hands[0].thumbstick = glm::vec2(0.5F, 0.0F);
  const DeviceState steering = menu.steering(right.device(), HandSide::Right);
  EXPECT_EQ(steering.hands[1].thumbstick, glm::vec2(0.0F));
  EXPECT_EQ(steering.hands[0].thumbstick, glm::vec2(0.5F, 0.0F)) << "the other stick still turns";
}

TEST(PhraseMenu, WithoutPhrasesItNeverOpens) {
  PhraseMenu menu;
  Hand right;
  right.tap(&ControllerState::secondary, menu, 0);
  EXPECT_FALSE(menu.open());
}

}  // namespace
}  // namespace praxis::xr
