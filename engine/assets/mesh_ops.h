// Geometry helpers shared by the importer and the primitive generators: bounds, normals,
// tangents and the integrity checks every Mesh must pass before the renderer sees it.
#pragma once

#include <string>

#include "assets/mesh.h"
#include "core/result.h"

namespace praxis::assets {

/// Sets boundsMin/boundsMax from the vertex positions (both zero for an empty mesh).
void computeBounds(Mesh& mesh);

/// Area-weighted face normals accumulated per vertex, for vertices whose normal is not a
/// finite unit vector (all of them when `onlyInvalid` is false). Returns how many it set.
int repairNormals(Mesh& mesh, bool onlyInvalid = true);

/// Per-vertex tangents from the UV layout (Lengyel's method), orthogonalised against the
/// normal. `w` follows glTF: bitangent = cross(normal, tangent) * w points to decreasing v
/// (towards the top of the image). Vertices without a usable UV gradient get any unit
/// vector perpendicular to the normal, so the tangent frame is always well defined.
void computeTangents(Mesh& mesh);

/// Checks what the renderer relies on: a triangle list, indices in range, finite unit
/// normals and tangents, finite positions and UVs. The message names the mesh and the
/// first offending vertex or index.
[[nodiscard]] core::Result<void> checkMesh(const Mesh& mesh);

}  // namespace praxis::assets
