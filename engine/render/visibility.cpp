// Frustum culling, level-of-detail selection and the shadow map cache (render/visibility.h).
#include "render/visibility.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace praxis::render {

Frustum frustumOf(const core::Mat4& viewProj) {
  const auto row = [&](int i) {
    return glm::vec4(viewProj[0][i], viewProj[1][i], viewProj[2][i], viewProj[3][i]);
  };
  // Gribb-Hartmann for a 0..1 depth range: near is row 2 alone.
  return Frustum{{row(3) + row(0), row(3) - row(0), row(3) + row(1), row(3) - row(1), row(2),
                  row(3) - row(2)}};
}

bool intersects(const Frustum& frustum, const core::Vec3& lo, const core::Vec3& hi) {
  for (const auto& p : frustum.planes) {
    const core::Vec3 positive(p.x >= 0 ? hi.x : lo.x, p.y >= 0 ? hi.y : lo.y,
                              p.z >= 0 ? hi.z : lo.z);
    if (glm::dot(core::Vec3(p), positive) + p.w < 0.0F) return false;
  }
  return true;
}

core::Mat4 narrowToRect(const core::Mat4& viewProj, const PixelRect& rect, float width,
                        float height) {
  // The rectangle in normalised device coordinates (c centre, h half size per axis), then
  // the clip-space map x' = (x - c w) / h that stretches it to -1..1: the planes w ± x'
  // then run along its edges.
  const float x0 = 2.0F * rect.x / width - 1.0F;
  const float x1 = 2.0F * (rect.x + rect.width) / width - 1.0F;
  const float y0 = 2.0F * rect.y / height - 1.0F;
  const float y1 = 2.0F * (rect.y + rect.height) / height - 1.0F;
  const float sizeX = std::max(x1 - x0, 1e-6F);
  const float sizeY = std::max(y1 - y0, 1e-6F);
  core::Mat4 stretch(1.0F);
  stretch[0][0] = 2.0F / sizeX;
  stretch[1][1] = 2.0F / sizeY;
  stretch[3][0] = -(x0 + x1) / sizeX;
  stretch[3][1] = -(y0 + y1) / sizeY;
  return stretch * viewProj;
}

std::uint32_t selectLod(float radiusPixels) {
  std::uint32_t lod = 0;
  for (const float limit : kLodMaxRadiusPixels) {
    if (radiusPixels >= limit) break;
    ++lod;
  }
  return lod;
}

float projectedRadiusPixels(const core::Mat4& projection, const core::Vec3& eye, float width,
                            float height, const core::Vec3& centre, float bound, float radius) {
  const float nearest = glm::length(centre - eye) - bound;
  if (nearest <= 0.0F) return std::numeric_limits<float>::infinity();
  const float scale =
      std::max(std::abs(projection[0][0]) * width, std::abs(projection[1][1]) * height);
  return radius / nearest * scale * 0.5F;
}

bool ShadowCache::needsRedraw(const core::Mat4& lightViewProj,
                              std::span<const ShadowCaster> casters) {
  if (valid_ && lightViewProj == lightViewProj_ &&
      std::equal(casters.begin(), casters.end(), casters_.begin(), casters_.end())) {
    return false;
  }
  valid_ = true;
  lightViewProj_ = lightViewProj;
  casters_.assign(casters.begin(), casters.end());
  return true;
}

}  // namespace praxis::render
