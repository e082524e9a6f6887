// Scene primitives (box, plane, cylinder, sphere, capsule) as unit meshes that every entity
// of a kind shares, scaled per entity; the meshes come from assets/primitives.
#pragma once

#include "assets/mesh.h"
#include "assets/primitives.h"
#include "scene/shape.h"

namespace praxis::render {

/// Meshes are unit-sized and scaled per entity (primitiveScale): box, plane, cylinder and
/// sphere by their size; a capsule uniformly by its diameter (its caps stay round), so its
/// mesh depends only on height / diameter (capsuleRatio, rounded to 0.01).
[[nodiscard]] float capsuleRatio(const scene::Shape& shape);
[[nodiscard]] core::Vec3 primitiveScale(const scene::Shape& shape);
/// The unit mesh of `shape`, its curves cut as `tessellation` says.
[[nodiscard]] assets::Mesh buildPrimitive(const scene::Shape& shape,
                                          const assets::Tessellation& tessellation = {});
/// Whether the shape's mesh has coarser levels of detail (curved: cylinder, sphere, capsule).
[[nodiscard]] bool hasLevelsOfDetail(const scene::Shape& shape);

}  // namespace praxis::render
