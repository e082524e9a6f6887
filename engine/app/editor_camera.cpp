#include "app/editor_camera.h"

#include <algorithm>
#include <cmath>

namespace praxis::app {

void FreeCamera::lookAt(const core::Vec3& eye, const core::Vec3& target) {
  position = eye;
  const core::Vec3 d = target - eye;
  const float flat = std::sqrt(d.x * d.x + d.z * d.z);
  yawDegrees = glm::degrees(std::atan2(-d.x, -d.z));
  pitchDegrees = glm::degrees(std::atan2(d.y, std::max(flat, 1e-6F)));
}

void FreeCamera::turn(float dxPixels, float dyPixels) {
  constexpr float kDegreesPerPixel = 0.2F;
  yawDegrees -= dxPixels * kDegreesPerPixel;
  pitchDegrees = std::clamp(pitchDegrees - dyPixels * kDegreesPerPixel, -89.0F, 89.0F);
}

core::Pose FreeCamera::pose() const {
  const core::Quat yaw = glm::angleAxis(glm::radians(yawDegrees), core::Vec3(0, 1, 0));
  const core::Quat pitch = glm::angleAxis(glm::radians(pitchDegrees), core::Vec3(1, 0, 0));
  return core::Pose{position, glm::normalize(yaw * pitch)};
}

void FreeCamera::move(const core::Vec3& rightUpForward) {
  const core::Pose p = pose();
  // Forward and right stay level, so flying forward does not sink into the floor.
  const core::Vec3 yawForward =
      glm::angleAxis(glm::radians(yawDegrees), core::Vec3(0, 1, 0)) * core::Vec3(0, 0, -1);
  const core::Vec3 right = p.rotate(core::Vec3(1, 0, 0));
  position += right * rightUpForward.x + core::Vec3(0, 1, 0) * rightUpForward.y +
              yawForward * rightUpForward.z;
}

render::View FreeCamera::view(glm::vec2 window, const ViewportRect& v) const {
  render::View view = render::makePerspectiveView(pose(), glm::radians(fovYDegrees),
                                                  v.width / std::max(v.height, 1.0F), 0.05F, 200.0F);
  // Clip space of the viewport → clip space of the whole window: scale, then move the centre.
  core::Mat4 toWindow(1.0F);
  toWindow[0][0] = v.width / window.x;
  toWindow[1][1] = v.height / window.y;
  toWindow[3][0] = 2.0F * (v.x + v.width * 0.5F) / window.x - 1.0F;
  toWindow[3][1] = 2.0F * (v.y + v.height * 0.5F) / window.y - 1.0F;
  view.projection = toWindow * view.projection;
  return view;
}

ScreenRay FreeCamera::ray(float x, float y, const ViewportRect& v) const {
  const float aspect = v.width / std::max(v.height, 1.0F);
  const float t = std::tan(glm::radians(fovYDegrees) * 0.5F);
  const float nx = 2.0F * (x - v.x) / std::max(v.width, 1.0F) - 1.0F;
  const float ny = 1.0F - 2.0F * (y - v.y) / std::max(v.height, 1.0F);
  const core::Vec3 local = glm::normalize(core::Vec3(nx * t * aspect, ny * t, -1.0F));
  const core::Pose p = pose();
  return ScreenRay{p.position, glm::normalize(p.rotate(local))};
}

std::optional<glm::vec2> FreeCamera::project(const core::Vec3& point, const ViewportRect& v) const {
  const core::Vec3 local = pose().inverse().apply(point);
  if (local.z > -0.05F) return std::nullopt;  // behind or at the eye
  const float t = std::tan(glm::radians(fovYDegrees) * 0.5F);
  const float aspect = v.width / std::max(v.height, 1.0F);
  const float nx = local.x / (-local.z * t * aspect);
  const float ny = local.y / (-local.z * t);
  return glm::vec2(v.x + (nx + 1.0F) * 0.5F * v.width, v.y + (1.0F - ny) * 0.5F * v.height);
}

}  // namespace praxis::app
