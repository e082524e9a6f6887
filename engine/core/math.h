// Math vocabulary shared by every module: GLM vectors/quaternions and a rigid Pose.
#pragma once

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

namespace praxis::core {

using Vec3 = glm::vec3;
using Quat = glm::quat;
using Mat4 = glm::mat4;

/// A rigid transform (rotation then translation), right-handed, metres, +Y up, -Z forward
/// (the OpenXR convention, so poses pass between modules unchanged).
struct Pose {
  Vec3 position{0.0F};
  Quat orientation{1.0F, 0.0F, 0.0F, 0.0F};

  [[nodiscard]] Vec3 apply(const Vec3& local) const { return position + orientation * local; }
  [[nodiscard]] Vec3 rotate(const Vec3& direction) const { return orientation * direction; }
  [[nodiscard]] Pose inverse() const {
    const Quat inv = glm::conjugate(orientation);
    return Pose{inv * -position, inv};
  }
  /// this ∘ other: first other, then this (parent * child).
  [[nodiscard]] Pose operator*(const Pose& other) const {
    return Pose{apply(other.position), glm::normalize(orientation * other.orientation)};
  }
  [[nodiscard]] Mat4 matrix() const {
    Mat4 m = glm::mat4_cast(orientation);
    m[3] = glm::vec4(position, 1.0F);
    return m;
  }
  /// Forward direction (-Z in local space).
  [[nodiscard]] Vec3 forward() const { return orientation * Vec3(0.0F, 0.0F, -1.0F); }
  bool operator==(const Pose&) const = default;
};

/// Orientation from rotations in degrees about X, Y and Z (GLM's Euler convention), the form
/// scenario authors write as `rot: [x, y, z]`.
[[nodiscard]] inline Quat quatFromEulerDegrees(const Vec3& degrees) {
  return glm::quat(glm::radians(degrees));
}

/// The shortest rotation taking unit vector `from` onto unit vector `to`.
[[nodiscard]] inline Quat rotationBetween(const Vec3& from, const Vec3& to) {
  const float cosine = glm::dot(from, to);
  if (cosine < -0.9999F) {
    // Opposite vectors: turn half way round any axis perpendicular to `from`.
    Vec3 axis = glm::cross(Vec3(1.0F, 0.0F, 0.0F), from);
    if (glm::dot(axis, axis) < 1e-6F) axis = glm::cross(Vec3(0.0F, 1.0F, 0.0F), from);
    return glm::angleAxis(glm::pi<float>(), glm::normalize(axis));
  }
  const Vec3 axis = glm::cross(from, to);
  return glm::normalize(Quat(1.0F + cosine, axis.x, axis.y, axis.z));
}

}  // namespace praxis::core
