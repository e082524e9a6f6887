// Hand joints from the simulated controller: placed at the grip, mirrored per hand, pinching
// with the squeeze.
#include "hand_tracking.h"

#include <gtest/gtest.h>

#include <cmath>

namespace praxis::xrsim {
namespace {

TEST(HandTracking, SqueezeClosesThumbAndIndexIntoAPinch) {
  HandState hand = defaultDeviceState().right;
  float previous = 1.0F;
  for (float squeeze : {0.0F, 0.25F, 0.5F, 0.75F, 1.0F}) {
    hand.squeeze = squeeze;
    const float d = pinchDistance(handJoints(hand, false));
    EXPECT_LT(d, previous) << squeeze;
    previous = d;
  }
  EXPECT_LT(previous, 0.01F);
  hand.squeeze = 0.0F;
  EXPECT_GT(pinchDistance(handJoints(hand, false)), 0.05F);
}

TEST(HandTracking, JointsSitAtTheGripAndMirrorBetweenHands) {
  HandState hand;
  hand.grip.position = {1.0F, 1.0F, -1.0F};
  const auto right = handJoints(hand, false);
  const auto left = handJoints(hand, true);
  EXPECT_FLOAT_EQ(right[XR_HAND_JOINT_PALM_EXT].pose.position[0], 1.0F);
  EXPECT_NEAR(right[XR_HAND_JOINT_THUMB_TIP_EXT].pose.position[0] - 1.0F,
              -(left[XR_HAND_JOINT_THUMB_TIP_EXT].pose.position[0] - 1.0F), 1e-6F);
  for (const auto& joint : right) EXPECT_GT(joint.radius, 0.0F);
  // Fingers point along the grip's -Z: the index tip lies in front of the wrist.
  EXPECT_LT(right[XR_HAND_JOINT_INDEX_TIP_EXT].pose.position[2],
            right[XR_HAND_JOINT_WRIST_EXT].pose.position[2]);
}

TEST(HandTracking, JointsFollowTheGripRotation) {
  HandState hand;
  hand.grip.orientation = {0.0F, 0.70710677F, 0.0F, 0.70710677F};  // 90 degrees about +Y
  const auto joints = handJoints(hand, false);
  // -Z turned 90 degrees about +Y points along -X.
  EXPECT_LT(joints[XR_HAND_JOINT_MIDDLE_TIP_EXT].pose.position[0], -0.1F);
  EXPECT_EQ(joints[XR_HAND_JOINT_MIDDLE_TIP_EXT].pose.orientation, hand.grip.orientation);
}

/// Without its controller the hand is placed by its pinch point: thumb and index tips stay
/// symmetric about the grip pose (so a tracked hand grabs where the stream says) and close
/// linearly from 5 cm to 1.5 cm, for either hand and any grip rotation.
TEST(HandTracking, ABareHandPinchesAboutItsGripPose) {
  HandState hand;
  hand.controller = false;
  hand.grip.position = {0.3F, 1.1F, -0.4F};
  hand.grip.orientation = {0.0F, 0.38268343F, 0.0F, 0.92387953F};  // 45 degrees about +Y
  for (bool left : {false, true}) {
    for (float squeeze : {0.0F, 0.4F, 1.0F}) {
      hand.squeeze = squeeze;
      const auto joints = handJoints(hand, left);
      const auto& t = joints[XR_HAND_JOINT_THUMB_TIP_EXT].pose.position;
      const auto& i = joints[XR_HAND_JOINT_INDEX_TIP_EXT].pose.position;
      for (int c = 0; c < 3; ++c) EXPECT_NEAR((t[c] + i[c]) * 0.5F, hand.grip.position[c], 1e-6F) << c;
      EXPECT_NEAR(pinchDistance(joints), kBareTipsOpen + (kBareTipsPinched - kBareTipsOpen) * squeeze, 1e-6F);
      hand.trigger = 1.0F - squeeze;  // the middle finger pinches as the trigger says
      const auto pressed = handJoints(hand, left);
      const auto& m = pressed[XR_HAND_JOINT_MIDDLE_TIP_EXT].pose.position;
      const auto& tp = pressed[XR_HAND_JOINT_THUMB_TIP_EXT].pose.position;
      const float middle = std::hypot(m[0] - tp[0], m[1] - tp[1], m[2] - tp[2]);
      EXPECT_NEAR(middle, kBareTipsOpen + (kBareTipsPinched - kBareTipsOpen) * hand.trigger, 1e-6F);
      hand.trigger = 0.0F;
      // The rest of the hand lies behind the pinch, not around the grip as with a controller.
      EXPECT_GT(joints[XR_HAND_JOINT_WRIST_EXT].pose.position[2], hand.grip.position[2]);
    }
  }
  hand.controller = true;
  hand.squeeze = 1.0F;
  EXPECT_LT(pinchDistance(handJoints(hand, false)), kBareTipsPinched) << "a held controller's hand is unchanged";
}

TEST(HandTracking, AimPoseLiesInFrontOfTheGrip) {
  StreamPose grip{{0.0F, 1.0F, 0.0F}, {0.0F, 0.70710677F, 0.0F, 0.70710677F}};
  const StreamPose aim = aimPose(grip);
  EXPECT_NEAR(aim.position[0], -kAimForwardOffset, 1e-6F);
  EXPECT_NEAR(aim.position[2], 0.0F, 1e-6F);
  EXPECT_EQ(aim.orientation, grip.orientation);
}

}  // namespace
}  // namespace praxis::xrsim
