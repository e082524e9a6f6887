// Internal: what a frame draws and how finely. Frustum culling, the level of detail of the
// curved primitives, and the shadow map's cache. Plain math, no Vulkan: unit-tested.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "assets/primitives.h"
#include "core/math.h"
#include "render/frame_input.h"

namespace praxis::render {

/// Clip-space planes (a·p + d ≥ 0 inside) of a Vulkan view-projection (depth 0..1).
struct Frustum {
  std::array<glm::vec4, 6> planes{};
};

[[nodiscard]] Frustum frustumOf(const core::Mat4& viewProj);
/// False only when the box lies wholly outside one plane (conservative near the corners).
[[nodiscard]] bool intersects(const Frustum& frustum, const core::Vec3& lo, const core::Vec3& hi);

/// `viewProj` narrowed to the pixels of `rect` of a width x height target: its frustum is
/// the part of the view that shows inside the rectangle.
[[nodiscard]] core::Mat4 narrowToRect(const core::Mat4& viewProj, const PixelRect& rect,
                                      float width, float height);

/// Levels of detail of the curved primitives (sphere, capsule, cylinder): 0 is the full
/// mesh (32 segments, 16 rings: what near objects always get), each further level halves both.
inline constexpr std::uint32_t kLodCount = 3;
inline constexpr std::array<assets::Tessellation, kLodCount> kLodTessellation{
    {{.segments = 32, .rings = 16}, {.segments = 16, .rings = 8}, {.segments = 8, .rings = 4}}};
/// Level l + 1 is used below kLodMaxRadiusPixels[l], the radius on screen of the shape's
/// curve (a sphere's, a cylinder's or a capsule's radius). N segments cut a circle of radius R
/// by R (1 - cos(pi / N)): 0.019 R for 16, 0.076 R for 8, so the silhouette stays within
/// 0.4 pixel of the full mesh's.
inline constexpr std::array<float, kLodCount - 1> kLodMaxRadiusPixels{20.0F, 5.0F};
[[nodiscard]] std::uint32_t selectLod(float radiusPixels);

/// How large, in pixels, a curve of radius `radius` can show anywhere inside the sphere
/// (`centre`, `bound`) to a camera at `eye` whose projection maps onto a width x height target:
/// placed at the sphere's nearest point, scaled by the larger of the two axes' scales.
/// Infinite when the eye is inside the sphere.
[[nodiscard]] float projectedRadiusPixels(const core::Mat4& projection, const core::Vec3& eye,
                                          float width, float height, const core::Vec3& centre,
                                          float bound, float radius);

/// What one object contributes to the shadow map.
struct ShadowCaster {
  std::uint32_t mesh = 0;
  core::Mat4 model{1.0F};
  bool operator==(const ShadowCaster&) const = default;
};

/// Remembers what the shadow map holds, so a frame whose light and casters are exactly the
/// last drawn ones reuses it (the editor's scene stands still while its camera moves).
class ShadowCache {
 public:
  /// True when the map must be drawn: the first time, after invalidate(), or when the light's
  /// view-projection or any caster (mesh or placement) differs. Then remembers these.
  [[nodiscard]] bool needsRedraw(const core::Mat4& lightViewProj,
                                 std::span<const ShadowCaster> casters);
  /// The map's contents are lost (a frame that recorded them failed): draw it next time.
  void invalidate() { valid_ = false; }

 private:
  bool valid_ = false;
  core::Mat4 lightViewProj_{1.0F};
  std::vector<ShadowCaster> casters_;
};

}  // namespace praxis::render
