// XR_EXT_hand_tracking for the simulated controllers: 26 joints derived from the grip pose,
// the squeeze value closing thumb and index finger into a pinch; and the aim pose.
#pragma once

#include <openxr/openxr.h>

#include <array>

#include "sim_input_stream.h"

namespace praxis::xrsim {

/// The aim pose sits this far in front of the grip pose, along the grip's -Z, with the grip's
/// orientation (docs/xr-sim.md, "Device stream").
inline constexpr float kAimForwardOffset = 0.05F;
[[nodiscard]] StreamPose aimPose(const StreamPose& grip);

/// A bare hand's thumb-tip to index-tip distance (joint centres) open and fully pinched: at
/// 1.5 cm two fingertips of 6-7.5 mm radius touch.
inline constexpr float kBareTipsOpen = 0.05F;
inline constexpr float kBareTipsPinched = 0.015F;

struct HandJoint {
  StreamPose pose;  ///< STAGE space
  float radius = 0.0F;
};
using HandJoints = std::array<HandJoint, XR_HAND_JOINT_COUNT_EXT>;

/// The joints of an open hand around the grip pose, fingers along the grip's -Z, palm facing
/// the grip's -Y; `squeeze` 1 brings thumb tip and index tip together (a pinch, distance
/// below 1 cm) and curls the other fingers. A bare hand (HandState::controller false) is
/// placed with its pinch point at the grip pose instead: the tips' midpoint stays there while
/// `squeeze` closes them from kBareTipsOpen to kBareTipsPinched, and `trigger` brings the middle
/// fingertip to the thumb tip the same way (a second pinch). Indexed by XrHandJointEXT.
[[nodiscard]] HandJoints handJoints(const HandState& hand, bool leftHand);

/// Distance between thumb tip and index tip, the measure of a pinch.
[[nodiscard]] float pinchDistance(const HandJoints& joints);

}  // namespace praxis::xrsim
