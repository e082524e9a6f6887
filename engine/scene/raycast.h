// Rays against the scene's primitive shapes: what a desktop cursor points at, exact to the
// surface (a box test finds the candidates, sphere tracing the shape's own distance finds
// the surface), so a hand sent to the hit point touches what was clicked.
#pragma once

#include <functional>
#include <optional>

#include "scene/scene.h"

namespace praxis::scene {

struct RayHit {
  EntityId entity = kNoEntity;
  core::Vec3 point{0.0F};  // world, on the entity's surface
  float distance = 0.0F;   // from the ray's origin
};

/// The nearest entity for which `accept` is true that the ray meets within `maxDistance`.
/// `direction` must be a unit vector. A ray starting inside a shape does not hit it.
[[nodiscard]] std::optional<RayHit> raycast(const Scene& scene, const core::Vec3& origin,
                                            const core::Vec3& direction, float maxDistance,
                                            const std::function<bool(EntityId)>& accept);

/// Distance from a world point to an entity's surface; <= 0 inside.
[[nodiscard]] float distanceToSurface(const Entity& entity, const core::Vec3& worldPoint);

}  // namespace praxis::scene
