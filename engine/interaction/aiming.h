// Aiming a held tool: how a hand turns so that the tool's working direction points at a spot.
// Shared by every producer of TraineeInput that aims (the scripted trainee, desktop controls).
#pragma once

#include "core/math.h"
#include "scene/scene.h"

namespace praxis::interaction {

/// The hand orientation, turning about the hand's own position, that points `tool` (held at
/// `toolInHand`, its pose in the hand's frame) from its tip at `aimAt`. The tip moves as the
/// hand turns, so the answer is refined a few times; close enough for sphere-traced aiming.
[[nodiscard]] inline core::Quat aimHeldTool(const core::Pose& hand, const core::Pose& toolInHand,
                                            const scene::Tool& tool, const core::Vec3& aimAt) {
  core::Quat rotation = hand.orientation;
  for (int i = 0; i < 3; ++i) {
    const core::Pose toolPose = core::Pose{hand.position, rotation} * toolInHand;
    const core::Vec3 tip = toolPose.apply(tool.tip);
    const core::Vec3 towards = aimAt - tip;
    if (glm::length(towards) < 1e-4F) break;
    const core::Vec3 dir = glm::normalize(toolPose.rotate(tool.direction));
    rotation = glm::normalize(core::rotationBetween(dir, glm::normalize(towards)) * rotation);
  }
  return rotation;
}

}  // namespace praxis::interaction
