// The renderer's visibility logic without a device: frustum culling (and its narrowing to a
// scene rectangle), level-of-detail selection, and when the shadow map must be drawn again.
#include "render/visibility.h"

#include <glm/gtc/matrix_transform.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace praxis::render {
namespace {

View cameraAtOriginLookingDownMinusZ() {
  return makePerspectiveView(core::Pose{}, std::numbers::pi_v<float> / 2.0F, 1.0F, 0.1F, 100.0F);
}

bool boxVisible(const Frustum& f, const core::Vec3& centre) {
  return intersects(f, centre - core::Vec3(0.1F), centre + core::Vec3(0.1F));
}

TEST(Culling, BoxesInFrontAreKeptThoseBehindOrBesideAreCulled) {
  const View v = cameraAtOriginLookingDownMinusZ();
  const Frustum f = frustumOf(v.projection * v.view);
  EXPECT_TRUE(boxVisible(f, {0, 0, -5}));
  EXPECT_FALSE(boxVisible(f, {0, 0, 5}));     // behind
  EXPECT_FALSE(boxVisible(f, {8, 0, -5}));    // right of a 90-degree view
  EXPECT_FALSE(boxVisible(f, {0, 0, -150}));  // beyond the far plane
  EXPECT_TRUE(boxVisible(f, {4.9F, 0, -5}));  // straddling the right edge
}

TEST(Culling, ANarrowedFrustumKeepsOnlyWhatShowsInsideTheRectangle) {
  const View v = cameraAtOriginLookingDownMinusZ();
  // The right half of a 200 x 100 target: x from 0 to 5 at 5 m in front.
  const Frustum f = frustumOf(narrowToRect(v.projection * v.view,
                                           PixelRect{.x = 100, .y = 0, .width = 100, .height = 100},
                                           200.0F, 100.0F));
  EXPECT_TRUE(boxVisible(f, {2.5F, 0, -5}));
  EXPECT_FALSE(boxVisible(f, {-2.5F, 0, -5}));
  // The whole target narrows to the same frustum.
  const Frustum whole = frustumOf(
      narrowToRect(v.projection * v.view, PixelRect{.x = 0, .y = 0, .width = 200, .height = 100},
                   200.0F, 100.0F));
  const Frustum plain = frustumOf(v.projection * v.view);
  for (std::size_t i = 0; i < 6; ++i) {
    for (int c = 0; c < 4; ++c) EXPECT_NEAR(whole.planes[i][c], plain.planes[i][c], 1e-5F);
  }
  // The top half (y down in pixels): y from 0 to 5 at 5 m in front (Vulkan clip y is down).
  const Frustum top = frustumOf(narrowToRect(v.projection * v.view,
                                             PixelRect{.x = 0, .y = 0, .width = 200, .height = 50},
                                             200.0F, 100.0F));
  EXPECT_TRUE(boxVisible(top, {0, 2.5F, -5}));
  EXPECT_FALSE(boxVisible(top, {0, -2.5F, -5}));
}

TEST(LevelOfDetail, NearObjectsGetTheFullMeshAndFarOnesCoarserLevels) {
  EXPECT_EQ(selectLod(500.0F), 0U);
  EXPECT_EQ(selectLod(kLodMaxRadiusPixels[0]), 0U);
  EXPECT_EQ(selectLod(kLodMaxRadiusPixels[0] - 0.01F), 1U);
  EXPECT_EQ(selectLod(kLodMaxRadiusPixels[1]), 1U);
  EXPECT_EQ(selectLod(kLodMaxRadiusPixels[1] - 0.01F), 2U);
  EXPECT_EQ(selectLod(0.0F), kLodCount - 1);
  EXPECT_EQ(kLodTessellation[0].segments, assets::Tessellation{}.segments)
      << "level 0 is the mesh the renderer always drew";
  EXPECT_EQ(kLodTessellation[0].rings, assets::Tessellation{}.rings);
}

TEST(LevelOfDetail, EveryLevelKeepsTheSilhouetteWithinHalfAPixelOfTheFullMesh) {
  // N segments cut a circle of radius R by R (1 - cos(pi / N)). At each level's largest
  // curve radius on screen:
  for (std::uint32_t lod = 1; lod < kLodCount; ++lod) {
    const float radius = kLodMaxRadiusPixels[lod - 1];
    const auto segments = static_cast<float>(kLodTessellation[lod].segments);
    const float error = radius * (1.0F - std::cos(std::numbers::pi_v<float> / segments));
    EXPECT_LT(error, 0.4F) << "level " << lod;
    EXPECT_LT(kLodTessellation[lod].segments, kLodTessellation[lod - 1].segments);
    EXPECT_LT(kLodTessellation[lod].rings, kLodTessellation[lod - 1].rings);
  }
}

TEST(LevelOfDetail, TheProjectedRadiusFollowsDistanceAndTheTargetSize) {
  const View v = cameraAtOriginLookingDownMinusZ();  // tan(45°) = 1: half the height per unit
  const auto pixels = [&](float z, float size, float bound, float radius) {
    return projectedRadiusPixels(v.projection, v.position, size, size, {0, 0, z}, bound, radius);
  };
  EXPECT_NEAR(pixels(-11, 200, 1, 1), 100.0F / 10.0F, 1e-3F) << "1 m at 10 m";
  EXPECT_NEAR(pixels(-21, 200, 1, 1), 100.0F / 20.0F, 1e-3F);
  EXPECT_NEAR(pixels(-11, 400, 1, 1), 200.0F / 10.0F, 1e-3F) << "twice the pixels";
  // A capsule's cap may stand at the near end of its bounds: the curve counts from there.
  EXPECT_NEAR(pixels(-12, 200, 2, 0.5F), 50.0F / 10.0F, 1e-3F);
  EXPECT_TRUE(std::isinf(pixels(-0.5F, 200, 1, 1))) << "the eye inside the bounds";
}

TEST(ShadowCache, TheMapIsDrawnOnceThenReusedUntilACasterOrTheLightChanges) {
  ShadowCache cache;
  const core::Mat4 light = glm::ortho(-1.0F, 1.0F, -1.0F, 1.0F, 0.1F, 10.0F);
  std::vector<ShadowCaster> casters{
      {.mesh = 0, .model = core::Mat4(1.0F)},
      {.mesh = 2, .model = glm::translate(core::Mat4(1.0F), {1, 0, 0})}};
  EXPECT_TRUE(cache.needsRedraw(light, casters)) << "nothing drawn yet";
  EXPECT_FALSE(cache.needsRedraw(light, casters)) << "nothing changed";
  EXPECT_FALSE(cache.needsRedraw(light, casters));

  casters[1].model = glm::translate(core::Mat4(1.0F), {1, 0, 0.001F});  // an object moved
  EXPECT_TRUE(cache.needsRedraw(light, casters));
  EXPECT_FALSE(cache.needsRedraw(light, casters));

  casters[0].mesh = 1;  // another level of detail, or another shape
  EXPECT_TRUE(cache.needsRedraw(light, casters));

  casters.push_back({.mesh = 0, .model = core::Mat4(1.0F)});  // an object appeared
  EXPECT_TRUE(cache.needsRedraw(light, casters));
  casters.pop_back();  // and went again
  EXPECT_TRUE(cache.needsRedraw(light, casters));

  const core::Mat4 turned = light * glm::rotate(core::Mat4(1.0F), 0.01F, core::Vec3(0, 1, 0));
  EXPECT_TRUE(cache.needsRedraw(turned, casters)) << "the light changed";
  EXPECT_FALSE(cache.needsRedraw(turned, casters));

  cache.invalidate();  // a frame that drew the map failed
  EXPECT_TRUE(cache.needsRedraw(turned, casters));
}

}  // namespace
}  // namespace praxis::render
