// Procedural meshes for the primitive shapes scenario authors model objects from (box,
// cylinder, sphere, capsule, plane): +Y up, centred on the origin, counter-clockwise front
// faces, unit normals, glTF tangents and UVs with (0, 0) at the top-left of the image.
#pragma once

#include "assets/mesh.h"
#include "core/math.h"

namespace praxis::assets {

/// The same shapes, in the same order, as scene::ShapeKind; `size` follows scene::Shape:
/// box (x, y, z); cylinder and capsule (diameter, height, -); sphere (diameter, -, -);
/// plane (x, -, z). The renderer maps scene shapes onto these (assets does not use scene).
enum class PrimitiveKind { Box, Cylinder, Sphere, Capsule, Plane };

/// How finely curved shapes are cut. Values below the minimum (3 segments, 2 rings) are
/// raised to it.
struct Tessellation {
  int segments = 32;  // around the Y axis
  int rings = 16;     // from pole to pole (sphere; split between the capsule's two caps)
};

/// Full extents. Negative sizes are treated as zero: never a crash on bad data.
[[nodiscard]] Mesh makeBox(const core::Vec3& size);
/// Closed cylinder along Y with flat caps.
[[nodiscard]] Mesh makeCylinder(float diameter, float height, int segments = 32);
[[nodiscard]] Mesh makeSphere(float diameter, int segments = 32, int rings = 16);
/// `height` is end to end including the hemispherical caps; below `diameter` it is a sphere.
[[nodiscard]] Mesh makeCapsule(float diameter, float height, int segments = 32, int rings = 16);
/// One quad at y = 0 facing +Y (a floor, a panel face): visible from above only.
[[nodiscard]] Mesh makePlane(float sizeX, float sizeZ);

[[nodiscard]] Mesh makePrimitiveMesh(PrimitiveKind kind, const core::Vec3& size,
                                     const Tessellation& tessellation = {});

/// A one-mesh, one-material, one-instance Model, so scenario primitives reach the renderer
/// through the same Model path as imported files. Alpha below 1 makes the material blend.
[[nodiscard]] Model makePrimitiveModel(PrimitiveKind kind, const core::Vec3& size,
                                       const glm::vec4& colour,
                                       const Tessellation& tessellation = {});

}  // namespace praxis::assets
