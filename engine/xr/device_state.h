// What the OpenXR actions and hand trackers report in one frame, in STAGE (or LOCAL) space,
// before the comfort layer places it in the world: plain data, so the mapping to TraineeInput
// is tested without a runtime.
#pragma once

#include <array>

#include "core/math.h"

namespace praxis::xr {

struct ControllerState {
  bool tracked = false;   ///< the grip pose is valid and tracked
  core::Pose grip;        ///< the palm (grip pose action)
  core::Pose aim;         ///< the pointing ray (aim pose action): teleport arcs start here
  float squeeze = 0.0F;   ///< grab action 0..1
  float trigger = 0.0F;   ///< use action 0..1
  glm::vec2 thumbstick{0.0F};  ///< locomotion: x turns, +y aims a teleport
  bool primary = false;   ///< A / X
  bool secondary = false; ///< B / Y
  bool menu = false;
  /// XR_EXT_hand_tracking, where offered: an optically tracked hand (no controller held).
  bool handTracked = false;
  core::Pose pinchPoint;  ///< between thumb and index tips
  float pinch = 0.0F;     ///< 0 open … 1 thumb and index touching (pinch to grab)
  float middlePinch = 0.0F;  ///< thumb and middle finger (pinch to press or use: the trigger)
};

struct DeviceState {
  /// The session had input focus at the sync (xrSyncActions did not say NOT_FOCUSED).
  bool focused = false;
  bool headTracked = false;
  core::Pose head;        ///< the eyes' midpoint (VIEW space located in the reference space)
  std::array<ControllerState, 2> hands;  ///< [0] left, [1] right (interaction::HandSide)
};

}  // namespace praxis::xr
