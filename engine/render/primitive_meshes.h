// Scene primitives (box, plane, cylinder, sphere, capsule) as unit meshes that every entity
// of a kind shares, scaled per entity; the meshes come from assets/primitives.
#pragma once

#include "assets/mesh.h"
#include "scene/shape.h"

namespace praxis::render {

/// Meshes are unit-sized and scaled per entity (primitiveScale): box, plane, cylinder and
/// sphere by their size; a capsule uniformly by its diameter (its caps stay round), so its
/// mesh depends only on height / diameter (capsuleRatio, rounded to 0.01).
[[nodiscard]] float capsuleRatio(const scene::Shape& shape);
[[nodiscard]] core::Vec3 primitiveScale(const scene::Shape& shape);
[[nodiscard]] assets::Mesh buildPrimitive(const scene::Shape& shape);

}  // namespace praxis::render
