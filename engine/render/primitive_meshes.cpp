// Scene primitives as unit meshes from assets/primitives, shared by every entity of a kind.
#include "render/primitive_meshes.h"

#include <algorithm>
#include <cmath>

#include "assets/primitives.h"

namespace praxis::render {

float capsuleRatio(const scene::Shape& shape) {
  const float ratio = shape.size.x > 0.0F ? shape.size.y / shape.size.x : 1.0F;
  return std::round(ratio * 100.0F) / 100.0F;  // shared meshes for near-equal proportions
}

core::Vec3 primitiveScale(const scene::Shape& shape) {
  switch (shape.kind) {
    case scene::ShapeKind::Capsule: return core::Vec3(shape.size.x);  // round caps: uniform scale
    default: return shape.halfExtents() * 2.0F;
  }
}

bool hasLevelsOfDetail(const scene::Shape& shape) {
  return shape.kind == scene::ShapeKind::Cylinder || shape.kind == scene::ShapeKind::Sphere ||
         shape.kind == scene::ShapeKind::Capsule;
}

assets::Mesh buildPrimitive(const scene::Shape& shape, const assets::Tessellation& tessellation) {
  const int segments = tessellation.segments;
  const int rings = tessellation.rings;
  switch (shape.kind) {
    // A plane is drawn as a thin box (its collider's extents), so it shows from below too.
    case scene::ShapeKind::Box:
    case scene::ShapeKind::Plane: return assets::makeBox(core::Vec3(1.0F));
    case scene::ShapeKind::Cylinder: return assets::makeCylinder(1.0F, 1.0F, segments);
    case scene::ShapeKind::Sphere: return assets::makeSphere(1.0F, segments, rings);
    case scene::ShapeKind::Capsule:
      // Unit diameter; the height in diameters is all that shapes the mesh.
      return assets::makeCapsule(1.0F, std::max(1.0F, capsuleRatio(shape)), segments, rings);
  }
  return assets::makeBox(core::Vec3(1.0F));
}

}  // namespace praxis::render
