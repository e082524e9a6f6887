// Rigid poses for the runtime: conversion between XrPosef and GLM, composition, inverse.
#pragma once

#include <openxr/openxr.h>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

namespace praxis::xrsim {

struct Pose {
  glm::quat orientation{1.0F, 0.0F, 0.0F, 0.0F};  // w, x, y, z
  glm::vec3 position{0.0F};
};

inline Pose fromXr(const XrPosef& p) {
  return Pose{.orientation = glm::quat(p.orientation.w, p.orientation.x, p.orientation.y, p.orientation.z),
              .position = glm::vec3(p.position.x, p.position.y, p.position.z)};
}

inline XrPosef toXr(const Pose& p) {
  glm::quat q = glm::normalize(p.orientation);
  return XrPosef{.orientation = XrQuaternionf{.x = q.x, .y = q.y, .z = q.z, .w = q.w},
                 .position = XrVector3f{.x = p.position.x, .y = p.position.y, .z = p.position.z}};
}

/// a ∘ b: b expressed in a's frame, brought into a's parent frame.
inline Pose compose(const Pose& a, const Pose& b) {
  return Pose{.orientation = a.orientation * b.orientation,
              .position = a.position + a.orientation * b.position};
}

inline Pose inverse(const Pose& p) {
  glm::quat inv = glm::inverse(p.orientation);
  return Pose{.orientation = inv, .position = inv * -p.position};
}

/// The specification's pose validity: a unit quaternion (within a tolerance) and finite values.
inline bool isValidPose(const XrPosef& p) {
  const XrQuaternionf& q = p.orientation;
  float norm = q.x * q.x + q.y * q.y + q.z * q.z + q.w * q.w;
  glm::vec4 qv(q.x, q.y, q.z, q.w);
  glm::vec3 pv(p.position.x, p.position.y, p.position.z);
  bool finite = !glm::any(glm::isnan(qv)) && !glm::any(glm::isinf(qv)) && !glm::any(glm::isnan(pv)) &&
                !glm::any(glm::isinf(pv));
  // The specification allows a unit quaternion's length to be off by 1%.
  return finite && norm >= 0.99F * 0.99F && norm <= 1.01F * 1.01F;
}

}  // namespace praxis::xrsim
