// Primitive shapes: what scenario authors model objects from, and what colliders use.
#pragma once

#include <optional>
#include <string_view>

#include "core/math.h"

namespace praxis::scene {

enum class ShapeKind { Box, Cylinder, Sphere, Capsule, Plane };

[[nodiscard]] std::string_view toString(ShapeKind kind);
[[nodiscard]] std::optional<ShapeKind> shapeKindFromString(std::string_view name);

/// A primitive in an entity's local frame, centred on its origin, axis along +Y.
/// `size` is full extents in metres: box (x, y, z); cylinder and capsule (diameter, height,
/// unused); sphere (diameter, -, -); plane (x, -, z), a thin slab facing +Y.
struct Shape {
  ShapeKind kind = ShapeKind::Box;
  core::Vec3 size{0.1F};

  /// Half extents of the shape's local bounding box.
  [[nodiscard]] core::Vec3 halfExtents() const;
  /// Distance from a point in the shape's local frame to its surface; <= 0 inside.
  [[nodiscard]] float signedDistance(const core::Vec3& local) const;
};

}  // namespace praxis::scene
