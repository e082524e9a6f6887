#include "scene/shape.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace praxis::scene {
namespace {

constexpr std::array<std::pair<ShapeKind, std::string_view>, 5> kNames{{
    {ShapeKind::Box, "box"},
    {ShapeKind::Cylinder, "cylinder"},
    {ShapeKind::Sphere, "sphere"},
    {ShapeKind::Capsule, "capsule"},
    {ShapeKind::Plane, "plane"},
}};

// Planes get a thin slab so that "inside" and contact tests stay well defined.
constexpr float kPlaneThickness = 0.01F;

}  // namespace

std::string_view toString(ShapeKind kind) {
  for (const auto& [k, name] : kNames) {
    if (k == kind) return name;
  }
  return "?";
}

std::optional<ShapeKind> shapeKindFromString(std::string_view name) {
  for (const auto& [k, n] : kNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

core::Vec3 Shape::halfExtents() const {
  switch (kind) {
    case ShapeKind::Box: return size * 0.5F;
    case ShapeKind::Cylinder:
    case ShapeKind::Capsule: return {size.x * 0.5F, size.y * 0.5F, size.x * 0.5F};
    case ShapeKind::Sphere: return core::Vec3(size.x * 0.5F);
    case ShapeKind::Plane: return {size.x * 0.5F, kPlaneThickness * 0.5F, size.z * 0.5F};
  }
  return size * 0.5F;
}

float Shape::signedDistance(const core::Vec3& p) const {
  switch (kind) {
    case ShapeKind::Box:
    case ShapeKind::Plane: {
      const core::Vec3 q = glm::abs(p) - halfExtents();
      return glm::length(glm::max(q, 0.0F)) + std::min(std::max(q.x, std::max(q.y, q.z)), 0.0F);
    }
    case ShapeKind::Sphere: return glm::length(p) - size.x * 0.5F;
    case ShapeKind::Cylinder: {
      const glm::vec2 d = glm::abs(glm::vec2(glm::length(glm::vec2(p.x, p.z)), p.y)) -
                          glm::vec2(size.x * 0.5F, size.y * 0.5F);
      return std::min(std::max(d.x, d.y), 0.0F) + glm::length(glm::max(d, 0.0F));
    }
    case ShapeKind::Capsule: {
      const float r = size.x * 0.5F;
      const float halfSegment = std::max(size.y * 0.5F - r, 0.0F);
      const core::Vec3 onAxis(0.0F, std::clamp(p.y, -halfSegment, halfSegment), 0.0F);
      return glm::length(p - onAxis) - r;
    }
  }
  return 0.0F;
}

}  // namespace praxis::scene
