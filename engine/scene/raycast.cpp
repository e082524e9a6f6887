#include "scene/raycast.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace praxis::scene {
namespace {

struct Span {
  float enter = 0.0F;
  float exit = 0.0F;
};

// Slab test of a local ray against a box centred on the origin.
std::optional<Span> boxSpan(const core::Vec3& origin, const core::Vec3& direction,
                            const core::Vec3& half) {
  Span span{-std::numeric_limits<float>::max(), std::numeric_limits<float>::max()};
  for (int axis = 0; axis < 3; ++axis) {
    if (std::abs(direction[axis]) < 1e-8F) {
      if (std::abs(origin[axis]) > half[axis]) return std::nullopt;
      continue;
    }
    float a = (-half[axis] - origin[axis]) / direction[axis];
    float b = (half[axis] - origin[axis]) / direction[axis];
    if (a > b) std::swap(a, b);
    span.enter = std::max(span.enter, a);
    span.exit = std::min(span.exit, b);
  }
  if (span.enter > span.exit) return std::nullopt;
  return span;
}

std::optional<float> hitDistance(const Entity& e, const core::Vec3& origin,
                                 const core::Vec3& direction) {
  const core::Pose toLocal = e.worldPose.inverse();
  const core::Vec3 o = toLocal.apply(origin);
  const core::Vec3 d = toLocal.rotate(direction);
  const auto span = boxSpan(o, d, e.visual.shape.halfExtents());
  if (!span || span->enter < 0.0F) return std::nullopt;  // behind, or the ray starts inside
  // Rounded shapes sit inside their box: march on from the box to the surface.
  constexpr float kSurface = 1e-4F;
  float t = span->enter;
  for (int i = 0; i < 48 && t <= span->exit; ++i) {
    const float sd = e.visual.shape.signedDistance(o + d * t);
    if (sd <= kSurface) return t;
    t += sd;
  }
  return std::nullopt;
}

}  // namespace

float distanceToSurface(const Entity& entity, const core::Vec3& worldPoint) {
  return entity.visual.shape.signedDistance(entity.worldPose.inverse().apply(worldPoint));
}

std::optional<RayHit> raycast(const Scene& scene, const core::Vec3& origin,
                              const core::Vec3& direction, float maxDistance,
                              const std::function<bool(EntityId)>& accept) {
  std::optional<RayHit> best;
  for (EntityId id = 0; id < scene.size(); ++id) {
    if (!accept(id)) continue;
    const auto t = hitDistance(scene.at(id), origin, direction);
    if (!t || *t > maxDistance || (best && *t >= best->distance)) continue;
    best = RayHit{id, origin + direction * *t, *t};
  }
  return best;
}

}  // namespace praxis::scene
