// Comfort and accessibility: teleport arc, snap turn, seated and LOCAL-space heights, left-
// and one-handed modes, the pinned rig of the autopilot, and the lazily following panel.
#include <gtest/gtest.h>

#include <cmath>

#include "xr/comfort.h"

namespace praxis::xr {
namespace {

constexpr core::Vec3 kUp{0, 1, 0};

core::Quat yaw(float degrees) { return glm::angleAxis(glm::radians(degrees), kUp); }

float headingOf(const core::Quat& q) {
  const core::Vec3 f = q * core::Vec3(0, 0, -1);
  return glm::degrees(std::atan2(-f.x, -f.z));
}

DeviceState standing(core::Vec3 head = {0.2F, 1.7F, 0.1F}) {
  DeviceState d;
  d.headTracked = true;
  d.head = core::Pose{head, core::Quat(1, 0, 0, 0)};
  for (auto& h : d.hands) {
    h.tracked = true;
    h.grip = core::Pose{head + core::Vec3(0, -0.5F, -0.3F), core::Quat(1, 0, 0, 0)};
    h.aim = h.grip;
  }
  return d;
}

TEST(TeleportArc, ADownwardThrowLandsOnTheFloorWithinReach) {
  const core::Pose aim{{0, 1.2F, 0}, glm::angleAxis(glm::radians(-20.0F), core::Vec3(1, 0, 0))};
  const auto arc = teleportArc(aim, 0.0F);
  ASSERT_TRUE(arc.landing.has_value());
  EXPECT_NEAR(arc.landing->y, 0.0F, 1e-5F);
  EXPECT_LT(arc.landing->z, -0.5F) << "forward is -Z";
  EXPECT_LE(std::hypot(arc.landing->x, arc.landing->z), kTeleportReach);
  EXPECT_GT(arc.points.size(), 3U);
  EXPECT_EQ(arc.points.back(), *arc.landing);
}

TEST(TeleportArc, AThrowUpwardsBeyondReachHasNoLanding) {
  const core::Pose aim{{0, 1.2F, 0}, glm::angleAxis(glm::radians(45.0F), core::Vec3(1, 0, 0))};
  EXPECT_FALSE(teleportArc(aim, 0.0F).landing.has_value()) << "a 45° throw goes past kTeleportReach";
}

TEST(Locomotion, RecentrePutsTheTrackedHeadAtTheScenarioStart) {
  Locomotion loco({}, true);
  const core::Pose tracked{{0.5F, 1.6F, -0.2F}, yaw(40.0F)};
  const core::Pose start{{3.0F, 1.7F, 2.0F}, yaw(-90.0F)};
  loco.recentre(tracked, start);
  const core::Pose world = loco.rig() * tracked;
  EXPECT_NEAR(world.position.x, 3.0F, 1e-5F);
  EXPECT_NEAR(world.position.z, 2.0F, 1e-5F);
  EXPECT_NEAR(world.position.y, 1.6F, 1e-5F) << "stage: the real head height is kept";
  EXPECT_NEAR(headingOf(world.orientation), -90.0F, 1e-3F);
}

TEST(Locomotion, SeatedRaisesTheStageAndLocalSpacePutsTheHeadAtEyeHeight) {
  const core::Pose seatedHead{{0, 1.2F, 0}, core::Quat(1, 0, 0, 0)};
  Locomotion seated({.seated = true, .seatedRaise = 0.45F}, true);
  seated.recentre(seatedHead, core::Pose{});
  EXPECT_NEAR((seated.rig() * seatedHead).position.y, 1.65F, 1e-5F);
  Locomotion local({.localEyeHeight = 1.6F}, false);
  local.recentre(core::Pose{}, core::Pose{});
  EXPECT_NEAR((local.rig() * core::Pose{}).position.y, 1.6F, 1e-5F);
}

TEST(Locomotion, SnapTurnTurnsAboutTheHeadOncePerPush) {
  Locomotion loco({.snapTurnDegrees = 45.0F}, true);
  DeviceState d = standing();
  loco.recentre(d.head, d.head);
  const core::Vec3 headBefore = (loco.rig() * d.head).position;
  d.hands[1].thumbstick = {0.9F, 0.0F};  // right stick pushed right
  loco.update(d, 0.0F);
  loco.update(d, 0.0F);  // still held: no second turn
  EXPECT_NEAR(headingOf((loco.rig() * d.head).orientation), -45.0F, 1e-3F);
  EXPECT_LT(glm::length((loco.rig() * d.head).position - headBefore), 1e-5F) << "turns in place";
  d.hands[1].thumbstick = {0.0F, 0.0F};
  loco.update(d, 0.0F);
  d.hands[0].thumbstick = {-0.9F, 0.0F};  // left stick pushed left turns back
  loco.update(d, 0.0F);
  EXPECT_NEAR(headingOf((loco.rig() * d.head).orientation), 0.0F, 1e-3F);
}

TEST(Locomotion, SnapTurnOffAtZeroDegrees) {
  Locomotion loco({.snapTurnDegrees = 0.0F}, true);
  DeviceState d = standing();
  loco.recentre(d.head, d.head);
  d.hands[1].thumbstick = {1.0F, 0.0F};
  loco.update(d, 0.0F);
  EXPECT_NEAR(headingOf(loco.rig().orientation), 0.0F, 1e-4F);
}

TEST(Locomotion, TeleportIsAimedWhilePushedAndTakenOnRelease) {
  Locomotion loco({}, true);
  DeviceState d = standing();
  loco.recentre(d.head, d.head);
  d.hands[1].aim.orientation = glm::angleAxis(glm::radians(-30.0F), core::Vec3(1, 0, 0));
  d.hands[1].thumbstick = {0.0F, 0.95F};
  loco.update(d, 0.0F);
  ASSERT_TRUE(loco.aiming().has_value());
  ASSERT_TRUE(loco.aiming()->landing.has_value());
  const core::Vec3 landing = *loco.aiming()->landing;
  d.hands[1].thumbstick = {0.0F, 0.5F};  // easing off keeps aiming
  loco.update(d, 0.0F);
  EXPECT_TRUE(loco.aiming().has_value());
  d.hands[1].thumbstick = {0.0F, 0.0F};
  loco.update(d, 0.0F);
  EXPECT_FALSE(loco.aiming().has_value());
  const core::Vec3 head = (loco.rig() * d.head).position;
  EXPECT_NEAR(head.x, landing.x, 1e-4F);
  EXPECT_NEAR(head.z, landing.z, 1e-4F);
  EXPECT_NEAR(head.y, d.head.position.y, 1e-5F) << "a teleport keeps the eye height";
}

TEST(Locomotion, LeftHandedTeleportsWithTheLeftStick) {
  Locomotion loco({.leftHanded = true}, true);
  DeviceState d = standing();
  loco.recentre(d.head, d.head);
  d.hands[1].thumbstick = {0.0F, 1.0F};
  loco.update(d, 0.0F);
  EXPECT_FALSE(loco.aiming().has_value());
  d.hands[0].aim.orientation = glm::angleAxis(glm::radians(-30.0F), core::Vec3(1, 0, 0));
  d.hands[0].thumbstick = {0.0F, 1.0F};
  loco.update(d, 0.0F);
  EXPECT_TRUE(loco.aiming().has_value());
  EXPECT_EQ(loco.dominant(), interaction::HandSide::Left);
}

TEST(TraineeInputMapping, ControllersBecomeHandsInTheWorld) {
  Locomotion loco({}, true);
  DeviceState d = standing();
  loco.recentre(d.head, core::Pose{{5, 1.7F, 5}, yaw(0)});
  d.hands[0].squeeze = 0.8F;
  d.hands[1].trigger = 0.6F;
  const auto in = toTraineeInput(d, loco, interaction::TraineeInput{});
  EXPECT_NEAR(in.head.position.x, 5.0F, 1e-5F);
  EXPECT_FLOAT_EQ(in.hands[0].grip, 0.8F);
  EXPECT_FLOAT_EQ(in.hands[1].trigger, 0.6F);
  EXPECT_TRUE(in.hands[0].tracked);
  EXPECT_NEAR(in.hands[1].pose.position.x, 5.0F, 1e-5F);
}

TEST(TraineeInputMapping, PinchGrabsWithATrackedHandAndATrackingLossKeepsTheGrip) {
  Locomotion loco({}, true);
  loco.pin();
  DeviceState d = standing();
  d.hands[1].tracked = false;
  d.hands[1].handTracked = true;
  d.hands[1].pinch = 1.0F;
  d.hands[1].middlePinch = 0.25F;
  d.hands[1].pinchPoint = core::Pose{{0.3F, 1.0F, -0.4F}, core::Quat(1, 0, 0, 0)};
  auto in = toTraineeInput(d, loco, interaction::TraineeInput{});
  EXPECT_FLOAT_EQ(in.hands[1].grip, 1.0F);
  EXPECT_FLOAT_EQ(in.hands[1].trigger, 0.25F) << "thumb and middle finger are the trigger";
  EXPECT_EQ(in.hands[1].pose.position, core::Vec3(0.3F, 1.0F, -0.4F));
  d.hands[1].handTracked = false;
  in = toTraineeInput(d, loco, in);
  EXPECT_FALSE(in.hands[1].tracked);
  EXPECT_FLOAT_EQ(in.hands[1].grip, 1.0F) << "a brief loss does not drop what is held";
}

TEST(TraineeInputMapping, OneHandedReportsTheOtherHandUntracked) {
  Locomotion loco({.oneHanded = true}, true);
  DeviceState d = standing();
  loco.recentre(d.head, d.head);
  d.hands[0].squeeze = 1.0F;
  const auto in = toTraineeInput(d, loco, interaction::TraineeInput{});
  EXPECT_FALSE(in.hands[0].tracked);
  EXPECT_FLOAT_EQ(in.hands[0].grip, 0.0F);
  EXPECT_TRUE(in.hands[1].tracked);
  // The dominant stick turns and teleports; the other stick does nothing.
  d.hands[0].thumbstick = {1.0F, 0.0F};
  loco.update(d, 0.0F);
  EXPECT_NEAR(headingOf(loco.rig().orientation), 0.0F, 1e-4F);
}

TEST(TraineeInputMapping, APinnedRigGivesBackWorldPosesUnchanged) {
  Locomotion loco({.seated = true}, true);
  loco.pin();
  DeviceState d = standing();
  loco.recentre(d.head, core::Pose{{9, 9, 9}, yaw(90)});  // ignored when pinned
  d.hands[1].thumbstick = {1.0F, 1.0F};
  loco.update(d, 0.0F);
  const auto in = toTraineeInput(d, loco, interaction::TraineeInput{});
  EXPECT_EQ(in.head, d.head);
  EXPECT_EQ(in.hands[0].pose, d.hands[0].grip);
}

TEST(LazyFollow, StaysWhileTheGazeIsNearAndCatchesUpAfterABigTurn) {
  LazyFollow follow(30.0F, 0.35F);
  const core::Pose start{{0, 1.6F, 0}, yaw(0)};
  EXPECT_NEAR(headingOf(follow.update(start, 0.011).orientation), 0.0F, 1e-4F);
  // A glance 20° aside: the panel stays.
  for (int i = 0; i < 90; ++i) (void)follow.update(core::Pose{start.position, yaw(20)}, 1.0 / 90);
  EXPECT_NEAR(headingOf(follow.update(core::Pose{start.position, yaw(20)}, 1.0 / 90).orientation), 0.0F, 1e-3F);
  // Turning 90°: it comes round, eased, not in one jump.
  const core::Pose turned{start.position, yaw(90)};
  const float first = headingOf(follow.update(turned, 1.0 / 90).orientation);
  EXPECT_GT(first, 0.0F);
  EXPECT_LT(first, 10.0F);
  core::Pose anchor;
  for (int i = 0; i < 180; ++i) anchor = follow.update(turned, 1.0 / 90);
  EXPECT_NEAR(headingOf(anchor.orientation), 90.0F, 2.0F);
  // Looking down keeps the panel upright: only the heading is followed.
  const core::Pose down{start.position, yaw(90) * glm::angleAxis(glm::radians(-60.0F), core::Vec3(1, 0, 0))};
  anchor = follow.update(down, 1.0 / 90);
  EXPECT_NEAR(glm::dot(anchor.orientation * kUp, kUp), 1.0F, 1e-3F);
}

}  // namespace
}  // namespace praxis::xr
