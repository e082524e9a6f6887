// The editor's move and rotate handles and its free camera, as plain geometry: a drag along
// an arrow changes one coordinate, snapped to the grid; a drag round a ring turns about one
// axis, snapped to 15°; the screen ray and the projection agree.
#include <gtest/gtest.h>

#include "app/editor_handles.h"

namespace praxis::app {
namespace {

constexpr ViewportRect kRect{.x = 290.0F, .y = 26.0F, .width = 640.0F, .height = 458.0F};

struct Fixture {
  FreeCamera camera;
  ViewportGeometry view{&camera, kRect};
  HandleTarget target;
  Fixture() {
    camera.lookAt({0.0F, 1.0F, 2.0F}, {0.0F, 1.0F, 0.0F});
    target.local.position = {0.0F, 1.0F, 0.0F};
  }
  glm::vec2 on(const core::Vec3& world) const { return *view.project(world); }
};

TEST(FreeCamera, TheRayThroughAProjectedPointPassesThroughThePoint) {
  Fixture f;
  const core::Vec3 p(0.3F, 1.2F, -0.5F);
  const ScreenRay ray = f.view.ray(f.on(p));
  const core::Vec3 toPoint = glm::normalize(p - ray.origin);
  EXPECT_GT(glm::dot(toPoint, ray.direction), 0.99999F);
  EXPECT_FALSE(f.view.project({0.0F, 1.0F, 5.0F}).has_value()) << "behind the camera";
}

TEST(Handles, DraggingTheXArrowChangesOnlyXSnappedToTheGrid) {
  Fixture f;
  Handles h;
  const float length = 0.16F * 2.0F;
  const glm::vec2 grip = f.on({length * 0.6F, 1.0F, 0.0F});
  ASSERT_EQ(h.hit(f.view, f.target, grip), HandleAxis::X);
  h.begin(f.view, f.target, HandleAxis::X, grip);
  const auto moved = h.drag(f.view, f.on({length * 0.6F + 0.123F, 1.0F, 0.0F}), Snapping{});
  ASSERT_TRUE(moved.has_value());
  EXPECT_NEAR(moved->position.x, 0.10F, 1e-5F);  // 0.123 snapped to 5 cm
  EXPECT_FLOAT_EQ(moved->position.y, 1.0F);
  EXPECT_FLOAT_EQ(moved->position.z, 0.0F);
  const auto free = h.drag(f.view, f.on({length * 0.6F + 0.123F, 1.0F, 0.0F}),
                           Snapping{.grid = false, .gridMetres = 0.05F, .angleDegrees = 15.0F});
  EXPECT_NEAR(free->position.x, 0.123F, 1e-3F);
  h.end();
  EXPECT_FALSE(h.drag(f.view, grip, Snapping{}).has_value());
}

TEST(Handles, AParentsTurnTurnsTheArrowsWithIt) {
  Fixture f;
  f.target.parentWorld.orientation = core::quatFromEulerDegrees({0.0F, 90.0F, 0.0F});
  f.target.local.position = {0.0F, 1.0F, 0.0F};
  Handles h;
  // The parent's X axis now points along world -Z: the arrow that points away is X.
  const float length = 0.16F * 2.0F;
  const glm::vec2 grip = f.on({0.0F, 1.0F, -length * 0.6F});
  EXPECT_EQ(h.hit(f.view, f.target, grip + glm::vec2(0.0F, 0.0F)), HandleAxis::X);
}

TEST(Handles, DraggingTheYRingTurnsAboutYSnappedTo15Degrees) {
  Fixture f;
  f.camera.lookAt({0.0F, 3.0F, 0.01F}, {0.0F, 1.0F, 0.0F});  // from above: the Y ring is round
  Handles h;
  h.mode = HandleMode::Rotate;
  const float radius = 0.16F * glm::length(core::Vec3(0.0F, 2.0F, 0.01F)) * 0.8F;
  const glm::vec2 start = f.on({radius, 1.0F, 0.0F});
  ASSERT_EQ(h.hit(f.view, f.target, start), HandleAxis::Y);
  h.begin(f.view, f.target, HandleAxis::Y, start);
  const float a = glm::radians(40.0F);  // snapped to 45
  const auto turned = h.drag(f.view, f.on({radius * std::cos(a), 1.0F, -radius * std::sin(a)}), Snapping{});
  ASSERT_TRUE(turned.has_value());
  const core::Vec3 x = turned->orientation * core::Vec3(1.0F, 0.0F, 0.0F);
  EXPECT_NEAR(std::abs(glm::degrees(std::atan2(-x.z, x.x))), 45.0F, 0.01F);
  EXPECT_NEAR(x.y, 0.0F, 1e-5F);
  EXPECT_EQ(turned->position, f.target.local.position);
}

TEST(Handles, SnapRoundsToTheNearestStep) {
  EXPECT_FLOAT_EQ(snapTo(0.124F, 0.05F), 0.10F);
  EXPECT_FLOAT_EQ(snapTo(0.126F, 0.05F), 0.15F);
  EXPECT_FLOAT_EQ(snapTo(0.126F, 0.0F), 0.126F);
}

}  // namespace
}  // namespace praxis::app
