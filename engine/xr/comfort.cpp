#include "xr/comfort.h"

#include <cmath>

namespace praxis::xr {
namespace {

constexpr core::Vec3 kUp{0.0F, 1.0F, 0.0F};
constexpr float kPushed = 0.7F;    // stick deflection that triggers a turn or aims a teleport
constexpr float kReleased = 0.3F;  // deflection below which the stick counts as let go
constexpr float kThrowSpeed = 10.0F;  // m/s along the aim ray: a 45° throw would go ~11 m
constexpr float kGravity = 9.81F;
constexpr float kArcStep = 1.0F / 30.0F;
constexpr int kArcSteps = 90;

std::size_t index(interaction::HandSide side) { return static_cast<std::size_t>(side); }

/// Angle in degrees between the horizontal headings of two orientations.
float headingDifference(const core::Quat& a, const core::Quat& b) {
  core::Vec3 fa = a * core::Vec3(0, 0, -1);
  core::Vec3 fb = b * core::Vec3(0, 0, -1);
  fa.y = 0.0F;
  fb.y = 0.0F;
  if (glm::length(fa) < 1e-4F || glm::length(fb) < 1e-4F) return 0.0F;
  const float c = glm::clamp(glm::dot(glm::normalize(fa), glm::normalize(fb)), -1.0F, 1.0F);
  return glm::degrees(std::acos(c));
}

}  // namespace

core::Quat yawOnly(const core::Quat& orientation) {
  core::Vec3 forward = orientation * core::Vec3(0, 0, -1);
  forward.y = 0.0F;
  if (glm::length(forward) < 1e-4F) return core::Quat(1, 0, 0, 0);  // looking straight up/down
  forward = glm::normalize(forward);
  return glm::angleAxis(std::atan2(-forward.x, -forward.z), kUp);
}

TeleportArc teleportArc(const core::Pose& aim, float floorY) {
  TeleportArc arc;
  core::Vec3 p = aim.position;
  core::Vec3 v = aim.forward() * kThrowSpeed;
  arc.points.push_back(p);
  for (int i = 0; i < kArcSteps; ++i) {
    const core::Vec3 next = p + v * kArcStep + core::Vec3(0, -0.5F * kGravity * kArcStep * kArcStep, 0);
    v.y -= kGravity * kArcStep;
    if (next.y <= floorY && p.y > floorY) {
      const float t = (p.y - floorY) / (p.y - next.y);
      const core::Vec3 hit = glm::mix(p, next, t);
      arc.points.push_back(hit);
      const glm::vec2 flat(hit.x - aim.position.x, hit.z - aim.position.z);
      if (glm::length(flat) <= kTeleportReach) arc.landing = hit;
      return arc;
    }
    p = next;
    arc.points.push_back(p);
  }
  return arc;  // never came down within reach (aimed at the sky)
}

Locomotion::Locomotion(ComfortOptions options, bool stageSpace)
    : options_(options), stageSpace_(stageSpace) {}

interaction::HandSide Locomotion::dominant() const {
  return options_.leftHanded ? interaction::HandSide::Left : interaction::HandSide::Right;
}

core::Vec3 Locomotion::verticalOffset() const {
  if (!stageSpace_) return {0.0F, options_.localEyeHeight, 0.0F};
  return {0.0F, options_.seated ? options_.seatedRaise : 0.0F, 0.0F};
}

void Locomotion::pin() {
  rig_ = core::Pose{};
  placed_ = true;
  pinned_ = true;
}

void Locomotion::recentre(const core::Pose& trackedHead, const core::Pose& worldHead) {
  if (pinned_) return;
  rig_.orientation = yawOnly(worldHead.orientation) * glm::conjugate(yawOnly(trackedHead.orientation));
  rig_.position = worldHead.position - rig_.orientation * trackedHead.position;
  rig_.position.y = verticalOffset().y;
  placed_ = true;
}

void Locomotion::snapTurn(float degrees, const core::Vec3& worldHead) {
  const core::Quat turn = glm::angleAxis(glm::radians(degrees), kUp);
  rig_.orientation = glm::normalize(turn * rig_.orientation);
  rig_.position = worldHead + turn * (rig_.position - worldHead);
}

void Locomotion::update(const DeviceState& device, float floorY) {
  if (!placed_ || pinned_ || !device.headTracked) return;
  const core::Vec3 head = (rig_ * device.head).position;
  const std::size_t d = index(dominant());
  for (std::size_t i = 0; i < device.hands.size(); ++i) {
    if (options_.oneHanded && i != d) continue;
    const float x = device.hands[i].thumbstick.x;
    if (std::abs(x) < kReleased) turnArmed_[i] = true;
    if (options_.snapTurnDegrees > 0.0F && turnArmed_[i] && std::abs(x) > kPushed) {
      turnArmed_[i] = false;
      snapTurn(x > 0.0F ? -options_.snapTurnDegrees : options_.snapTurnDegrees, head);
    }
  }
  const ControllerState& hand = device.hands[d];
  const float y = hand.thumbstick.y;
  if (options_.teleport && hand.tracked && (y > kPushed || (aiming_ && y >= kReleased))) {
    aiming_ = teleportArc(rig_ * hand.aim, floorY);
  } else if (aiming_) {
    if (aiming_->landing) {
      core::Vec3 step = *aiming_->landing - head;
      step.y = 0.0F;
      rig_.position += step;
    }
    aiming_.reset();
  }
}

interaction::TraineeInput toTraineeInput(const DeviceState& device, const Locomotion& locomotion,
                                         const interaction::TraineeInput& previous) {
  interaction::TraineeInput out = previous;
  const core::Pose& rig = locomotion.rig();
  if (device.headTracked) out.head = rig * device.head;
  const std::size_t dominant = index(locomotion.dominant());
  for (std::size_t i = 0; i < device.hands.size(); ++i) {
    interaction::HandInput& hand = out.hands[i];
    const ControllerState& c = device.hands[i];
    if (locomotion.options().oneHanded && i != dominant) {
      hand.tracked = false;
      hand.grip = 0.0F;
      hand.trigger = 0.0F;
    } else if (c.tracked) {
      hand = interaction::HandInput{.pose = rig * c.grip, .grip = c.squeeze, .trigger = c.trigger,
                                    .tracked = true};
    } else if (c.handTracked) {
      hand = interaction::HandInput{.pose = rig * c.pinchPoint, .grip = c.pinch, .trigger = c.middlePinch,
                                    .tracked = true};
    } else {
      // A brief tracking loss keeps the pose, grip and trigger: what the hand holds stays held.
      hand.tracked = false;
    }
  }
  return out;
}

core::Pose LazyFollow::update(const core::Pose& head, double dtSeconds) {
  const core::Pose target{head.position, yawOnly(head.orientation)};
  if (!anchor_) {
    anchor_ = target;
    return *anchor_;
  }
  const float angle = headingDifference(anchor_->orientation, head.orientation);
  const float moved = glm::length(anchor_->position - head.position);
  if (angle > coneDegrees_ || moved > 0.5F) catchingUp_ = true;
  if (catchingUp_) {
    const float k = 1.0F - static_cast<float>(std::exp(-dtSeconds / easeSeconds_));
    anchor_->position = glm::mix(anchor_->position, target.position, k);
    anchor_->orientation = glm::slerp(anchor_->orientation, target.orientation, k);
    if (angle < 2.0F && moved < 0.02F) catchingUp_ = false;
  }
  return *anchor_;
}

}  // namespace praxis::xr
