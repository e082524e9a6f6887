// Unit meshes for scene primitives (box, cylinder, sphere, capsule), scaled per entity.
// TEMPORARY: to be replaced by assets/primitives.h from the assets branch on merge.
#pragma once

#include "assets/mesh.h"
#include "scene/shape.h"

namespace praxis::render {

/// The mesh for `shape` and the scale that turns it into the shape's size. Box, plane,
/// cylinder and sphere meshes are unit-sized (scale = size); a capsule's caps must stay
/// round, so its mesh is built at its real size (scale = 1).
struct PrimitiveMesh {
  assets::Mesh mesh;
  core::Vec3 scale{1.0F};
};

/// A key under which meshes that differ only by scale are shared.
[[nodiscard]] std::string primitiveKey(const scene::Shape& shape);
[[nodiscard]] core::Vec3 primitiveScale(const scene::Shape& shape);
[[nodiscard]] assets::Mesh buildPrimitive(const scene::Shape& shape);

}  // namespace praxis::render
