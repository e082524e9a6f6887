// Composes Models from primitive parts (a padlock from a box and a bent shackle, ...): the
// way the project makes its own objects without downloaded art.
#pragma once

#include <string>

#include "assets/mesh.h"
#include "assets/primitives.h"
#include "core/math.h"

namespace praxis::assets {

/// The look of one part; parts with equal looks share a Material.
struct PartLook {
  glm::vec4 colour{0.8F, 0.8F, 0.8F, 1.0F};
  float metallic = 0.0F;
  float roughness = 0.6F;
  core::Vec3 emissive{0.0F};
  std::string name;  // material name, for debugging and exported files
};

/// Appends a primitive part placed by `pose` (its local +Y axis is the primitive's axis).
/// Returns the index of the new MeshInstance.
int appendPart(Model& model, PrimitiveKind kind, const core::Vec3& size, const core::Pose& pose,
               const PartLook& look, const Tessellation& tessellation = {16, 8});

}  // namespace praxis::assets
