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

struct HandJoint {
  StreamPose pose;  ///< STAGE space
  float radius = 0.0F;
};
using HandJoints = std::array<HandJoint, XR_HAND_JOINT_COUNT_EXT>;

/// The joints of an open hand around the grip pose, fingers along the grip's -Z, palm facing
/// the grip's -Y; `squeeze` 1 brings thumb tip and index tip together (a pinch, distance
/// below 1 cm) and curls the other fingers. Indexed by XrHandJointEXT.
[[nodiscard]] HandJoints handJoints(const HandState& hand, bool leftHand);

/// Distance between thumb tip and index tip, the measure of a pinch.
[[nodiscard]] float pinchDistance(const HandJoints& joints);

}  // namespace praxis::xrsim
