// Camera helpers: views with Vulkan clip conventions (y down, depth 0..1).
#include "render/frame_input.h"

#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace praxis::render {
namespace {

View fromPose(const core::Pose& eye, const core::Mat4& projection) {
  View out;
  out.view = eye.inverse().matrix();
  out.projection = projection;
  out.position = eye.position;
  return out;
}

}  // namespace

View makePerspectiveView(const core::Pose& eye, float fovYRadians, float aspect, float nearZ,
                         float farZ) {
  core::Mat4 projection = glm::perspective(fovYRadians, aspect, nearZ, farZ);
  projection[1][1] *= -1.0F;  // Vulkan's clip y points down; keep +Y up on screen
  return fromPose(eye, projection);
}

View makeFovView(const core::Pose& eye, float angleLeft, float angleRight, float angleUp,
                 float angleDown, float nearZ, float farZ) {
  const float left = std::tan(angleLeft) * nearZ;
  const float right = std::tan(angleRight) * nearZ;
  const float up = std::tan(angleUp) * nearZ;
  const float down = std::tan(angleDown) * nearZ;
  core::Mat4 projection = glm::frustum(left, right, down, up, nearZ, farZ);
  projection[1][1] *= -1.0F;
  projection[2][1] *= -1.0F;
  return fromPose(eye, projection);
}

View makeLookAtView(const core::Vec3& eye, const core::Vec3& target, float fovYRadians,
                    float aspect) {
  const core::Mat4 world = glm::inverse(glm::lookAt(eye, target, core::Vec3(0.0F, 1.0F, 0.0F)));
  core::Pose pose;
  pose.position = eye;
  pose.orientation = glm::quat_cast(world);
  return makePerspectiveView(pose, fovYRadians, aspect);
}

}  // namespace praxis::render
