// A simple hand for XR_EXT_hand_tracking: two key poses of the joints in the grip frame (open,
// and pinching with the other fingers curled), blended by the squeeze value. Right-hand
// offsets; the left hand mirrors x. Good enough for pinch-to-grab and for drawing hands, not
// an anatomical model.
#include "hand_tracking.h"

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

namespace praxis::xrsim {
namespace {

using glm::vec3;

glm::quat toGlm(const std::array<float, 4>& q) {
  return glm::quat(q[3], q[0], q[1], q[2]);
}
vec3 toGlm(const std::array<float, 3>& v) {
  return {v[0], v[1], v[2]};
}

// Grip frame, right hand: fingers along -Z, palm facing -Y, thumb toward -X.
constexpr float kWristZ = 0.06F;
constexpr vec3 kPinchPoint{-0.045F, -0.04F, -0.05F};
constexpr vec3 kTipGap{0.003F, 0.0F, 0.0F};  // thumb and index tips stop 6 mm apart

struct Finger {
  float x;                     // across the palm
  std::array<float, 4> bones;  // metacarpal, proximal, intermediate, distal lengths
};
// XrHandJointEXT order: index, middle, ring, little (the thumb has its own key poses).
constexpr std::array<Finger, 4> kFingers{{
    {-0.025F, {0.07F, 0.04F, 0.025F, 0.02F}},
    {-0.005F, {0.068F, 0.045F, 0.028F, 0.02F}},
    {0.014F, {0.064F, 0.042F, 0.026F, 0.019F}},
    {0.03F, {0.06F, 0.034F, 0.02F, 0.018F}},
}};

struct KeyPoses {
  std::array<vec3, XR_HAND_JOINT_COUNT_EXT> open;
  std::array<vec3, XR_HAND_JOINT_COUNT_EXT> closed;
};

void addThumb(KeyPoses& k) {
  const std::array<vec3, 4> open{vec3{-0.02F, -0.01F, 0.045F}, vec3{-0.04F, -0.015F, 0.02F},
                                 vec3{-0.05F, -0.02F, -0.005F}, vec3{-0.055F, -0.022F, -0.03F}};
  const vec3 tip = kPinchPoint - kTipGap;
  const std::array<vec3, 4> closed{open[0], open[1], glm::mix(open[1], tip, 0.6F), tip};
  for (int i = 0; i < 4; ++i) {
    k.open[XR_HAND_JOINT_THUMB_METACARPAL_EXT + i] = open[i];
    k.closed[XR_HAND_JOINT_THUMB_METACARPAL_EXT + i] = closed[i];
  }
}

void addFinger(KeyPoses& k, const Finger& f, int first, bool pinching) {
  std::array<vec3, 5> open;
  open[0] = {f.x, 0.0F, kWristZ};
  for (int i = 0; i < 4; ++i) open[i + 1] = open[i] - vec3(0.0F, 0.0F, f.bones[i]);
  const vec3 knuckle = open[1];
  std::array<vec3, 5> closed{open[0], knuckle, knuckle + vec3(0.0F, -0.035F, 0.0F),
                             knuckle + vec3(0.0F, -0.04F, 0.02F),
                             knuckle + vec3(0.0F, -0.025F, 0.03F)};
  if (pinching) {  // the index finger meets the thumb instead of curling into the palm
    closed[4] = kPinchPoint + kTipGap;
    closed[2] = glm::mix(knuckle, closed[4], 0.45F) + vec3(0.0F, -0.01F, 0.0F);
    closed[3] = glm::mix(knuckle, closed[4], 0.75F) + vec3(0.0F, -0.01F, 0.0F);
  }
  for (int i = 0; i < 5; ++i) {
    k.open[first + i] = open[i];
    k.closed[first + i] = closed[i];
  }
}

KeyPoses makeKeyPoses() {
  KeyPoses k{};
  k.open[XR_HAND_JOINT_PALM_EXT] = k.closed[XR_HAND_JOINT_PALM_EXT] = {0.0F, 0.0F, 0.02F};
  k.open[XR_HAND_JOINT_WRIST_EXT] = k.closed[XR_HAND_JOINT_WRIST_EXT] = {0.0F, 0.0F, kWristZ};
  addThumb(k);
  const int firsts[] = {XR_HAND_JOINT_INDEX_METACARPAL_EXT, XR_HAND_JOINT_MIDDLE_METACARPAL_EXT,
                        XR_HAND_JOINT_RING_METACARPAL_EXT, XR_HAND_JOINT_LITTLE_METACARPAL_EXT};
  for (std::size_t i = 0; i < kFingers.size(); ++i) addFinger(k, kFingers[i], firsts[i], i == 0);
  return k;
}

float radiusOf(int joint) {
  if (joint == XR_HAND_JOINT_PALM_EXT || joint == XR_HAND_JOINT_WRIST_EXT) return 0.02F;
  const bool tip = joint == XR_HAND_JOINT_THUMB_TIP_EXT || joint == XR_HAND_JOINT_INDEX_TIP_EXT ||
                   joint == XR_HAND_JOINT_MIDDLE_TIP_EXT || joint == XR_HAND_JOINT_RING_TIP_EXT ||
                   joint == XR_HAND_JOINT_LITTLE_TIP_EXT;
  return tip ? 0.006F : 0.009F;
}

/// A bare hand (its controller put down) in the grip frame: the hand moved so that its pinch
/// point is the frame's origin, thumb tip and index tip symmetric about it along the thumb-index
/// axis, their distance linear in `squeeze` (kBareTipsOpen … kBareTipsPinched).
/// The middle fingertip lies at kBareTipsOpen … kBareTipsPinched from the thumb tip as
/// `trigger` says (a second pinch), beside the index finger.
vec3 bareLocal(const KeyPoses& keys, int joint, const HandState& hand) {
  const float half = 0.5F * glm::mix(kBareTipsOpen, kBareTipsPinched, hand.squeeze);
  if (joint == XR_HAND_JOINT_THUMB_TIP_EXT || joint == XR_HAND_JOINT_INDEX_TIP_EXT) {
    return vec3(joint == XR_HAND_JOINT_THUMB_TIP_EXT ? -half : half, 0.0F, 0.0F);
  }
  if (joint == XR_HAND_JOINT_MIDDLE_TIP_EXT) {
    const float d = glm::mix(kBareTipsOpen, kBareTipsPinched, hand.trigger);
    return vec3(-half, 0.0F, 0.0F) + d * vec3(0.8F, -0.6F, 0.0F);  // a unit direction: distance d
  }
  return glm::mix(keys.open[joint], keys.closed[joint], hand.squeeze) - kPinchPoint;
}

}  // namespace

StreamPose aimPose(const StreamPose& grip) {
  const vec3 p =
      toGlm(grip.position) + toGlm(grip.orientation) * vec3(0.0F, 0.0F, -kAimForwardOffset);
  StreamPose aim = grip;
  aim.position = {p.x, p.y, p.z};
  return aim;
}

HandJoints handJoints(const HandState& hand, bool leftHand) {
  static const KeyPoses kKeys = makeKeyPoses();  // constant data, built once
  const glm::quat rotation = toGlm(hand.grip.orientation);
  const vec3 origin = toGlm(hand.grip.position);
  HandJoints joints{};
  for (int j = 0; j < XR_HAND_JOINT_COUNT_EXT; ++j) {
    vec3 local = hand.controller ? glm::mix(kKeys.open[j], kKeys.closed[j], hand.squeeze)
                                 : bareLocal(kKeys, j, hand);
    if (leftHand) local.x = -local.x;
    const vec3 world = origin + rotation * local;
    joints[j].pose.position = {world.x, world.y, world.z};
    joints[j].pose.orientation = hand.grip.orientation;
    joints[j].radius = radiusOf(j);
  }
  return joints;
}

float pinchDistance(const HandJoints& joints) {
  const auto& a = joints[XR_HAND_JOINT_THUMB_TIP_EXT].pose.position;
  const auto& b = joints[XR_HAND_JOINT_INDEX_TIP_EXT].pose.position;
  return glm::distance(toGlm(a), toGlm(b));
}

}  // namespace praxis::xrsim
