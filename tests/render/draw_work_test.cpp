// What the renderer leaves undrawn without changing the picture: the shadow map reused while
// the scene stands still, levels of detail for far primitives, the scene rectangle the overlay
// leaves open, and the depth prepass (off on lavapipe).
#include <gtest/gtest.h>

#include "render/image.h"
#include "render_fixture.h"

namespace praxis::render::testing {
namespace {

struct Drawn {
  FrameStats stats;
  Image image;
};

Drawn draw(Renderer& renderer, OffscreenTarget& target, const FrameInput& input) {
  Drawn out;
  auto stats = renderer.render(input, target);
  EXPECT_TRUE(stats.has_value()) << stats.error().message;
  if (stats) out.stats = *stats;
  auto image = target.readback(0);
  EXPECT_TRUE(image.has_value()) << image.error().message;
  if (image) out.image = *image;
  return out;
}

FrameInput frameOf(const scene::Scene& scene, const View& view) {
  FrameInput input;
  input.scene = &scene;
  input.views = {view};
  return input;
}

int maxDiff(const Image& a, const Image& b) {
  return compareImages(a, b, 0).maxChannelDiff;
}

TEST_F(RenderTest, TheShadowMapIsReusedWhileTheSceneStandsStillAndRedrawnWhenItChanges) {
  auto scene = primitivesScene();
  auto target = renderer_->createOffscreenTarget(96, 96);
  ASSERT_TRUE(target.has_value()) << target.error().message;
  const View front = goldenView();
  const View side = makeLookAtView({1.6F, 1.0F, 0.8F}, {0, 0.2F, 0}, 0.8F, 1.0F);

  const Drawn first = draw(*renderer_, **target, frameOf(scene, front));
  EXPECT_EQ(first.stats.shadowPasses, 1U) << "the first frame draws the map";
  EXPECT_EQ(draw(*renderer_, **target, frameOf(scene, side)).stats.shadowPasses, 0U)
      << "only the camera moved";
  const Drawn again = draw(*renderer_, **target, frameOf(scene, front));
  EXPECT_EQ(again.stats.shadowPasses, 0U);
  EXPECT_EQ(maxDiff(first.image, again.image), 0) << "the reused map gives the same image";

  // An object moves: its shadow must move with it.
  const auto sphere = *scene.find("sphere");
  scene.at(sphere).localPose.position.x -= 0.2F;
  scene.updateWorldPoses();
  const Drawn moved = draw(*renderer_, **target, frameOf(scene, front));
  EXPECT_EQ(moved.stats.shadowPasses, 1U);
  EXPECT_GT(maxDiff(first.image, moved.image), 20);
  EXPECT_EQ(draw(*renderer_, **target, frameOf(scene, front)).stats.shadowPasses, 0U);

  // The light turns.
  FrameInput turned = frameOf(scene, front);
  turned.light.direction = {0.5F, -1.0F, -0.2F};
  EXPECT_EQ(draw(*renderer_, **target, turned).stats.shadowPasses, 1U);
  EXPECT_EQ(draw(*renderer_, **target, turned).stats.shadowPasses, 0U);
  // Back to the first light: drawn again, and the same picture as drawn fresh.
  const Drawn back = draw(*renderer_, **target, frameOf(scene, front));
  EXPECT_EQ(back.stats.shadowPasses, 1U);
  EXPECT_EQ(maxDiff(moved.image, back.image), 0);
}

TEST_F(RenderTest, AnObjectOutsideTheViewStillCastsItsShadowIntoIt) {
  // A tall post just left of a top-down view: the light comes from the left, so its shadow
  // falls on the floor in view. Culling it from the shadow map would make shadows pop in and
  // out as the camera turns.
  scene::Scene scene;
  scene::Entity floor;
  floor.id = "floor";
  floor.visual.shape = scene::Shape{scene::ShapeKind::Plane, {6.0F, 0.01F, 6.0F}};
  floor.visual.colour = {0.6F, 0.6F, 0.6F, 1.0F};
  scene.add(floor);
  scene::Entity post;
  post.id = "post";
  post.visual.shape = scene::Shape{scene::ShapeKind::Box, {0.3F, 2.0F, 0.3F}};
  post.localPose.position = {-1.6F, 1.0F, 0.0F};
  scene.add(post);
  scene.updateWorldPoses();
  // Down from 2.5 m over x = 0.6, seeing about x in 0.05..1.15: the post is outside.
  const View top = makeLookAtView({0.6F, 2.5F, 0.3F}, {0.6F, 0.0F, 0.0F}, 0.45F, 1.0F);
  FrameInput input = frameOf(scene, top);
  input.light.direction = {1.0F, -0.8F, 0.0F};
  auto target = renderer_->createOffscreenTarget(64, 64);
  ASSERT_TRUE(target.has_value());
  const Drawn withPost = draw(*renderer_, **target, input);
  EXPECT_EQ(withPost.stats.culledObjects, 1U) << "the post itself is not in view";

  scene.at(*scene.find("post")).visual.visible = false;
  const Drawn without = draw(*renderer_, **target, input);
  const auto* shaded = withPost.image.pixel(32, 32);
  const auto* lit = without.image.pixel(32, 32);
  EXPECT_LT(shaded[0] + 30, lit[0]) << "the post's shadow darkens the middle of the view";
}

TEST_F(RenderTest, FarPrimitivesDrawCoarserMeshesAndNearOnesTheFullOne) {
  scene::Scene scene;
  scene::Entity ball;
  ball.id = "ball";
  ball.visual.shape = scene::Shape{scene::ShapeKind::Sphere, {0.2F, 0.0F, 0.0F}};
  scene.add(ball);
  scene.updateWorldPoses();
  auto target = renderer_->createOffscreenTarget(256, 256);
  ASSERT_TRUE(target.has_value());
  const auto trianglesAt = [&](float distance) {
    return draw(*renderer_, **target,
                frameOf(scene, makeLookAtView({0, 0, distance}, {0, 0, 0}, 0.8F, 1.0F)))
        .stats.triangles;
  };
  // A sphere of s segments and r rings: s (r - 2) quads and a fan of s at each pole.
  EXPECT_EQ(trianglesAt(0.5F), 32U * 14U * 2U + 2U * 32U) << "near: the full sphere";
  EXPECT_EQ(trianglesAt(3.0F), 16U * 6U * 2U + 2U * 16U);
  EXPECT_EQ(trianglesAt(30.0F), 8U * 2U * 2U + 2U * 8U);
}

TEST_F(RenderTest, OnlyTheSceneRectangleIsDrawnAndObjectsOutsideItAreCulled) {
  const auto scene = primitivesScene();
  auto target = renderer_->createOffscreenTarget(128, 128);
  ASSERT_TRUE(target.has_value());
  FrameInput input = frameOf(scene, goldenView());
  input.clearColour = {0.5F, 0.2F, 0.0F, 1.0F};  // sRGB 188, 124, 0
  const Drawn whole = draw(*renderer_, **target, input);
  input.sceneRect = PixelRect{.x = 64, .y = 0, .width = 64, .height = 128};  // the right half
  const Drawn right = draw(*renderer_, **target, input);
  EXPECT_GT(right.stats.culledObjects, whole.stats.culledObjects) << "the box is on the left";
  EXPECT_LT(right.stats.triangles, whole.stats.triangles);
  for (std::uint32_t y = 0; y < 128; y += 8) {
    const auto* outside = right.image.pixel(10, y);
    EXPECT_NEAR(outside[0], 188, 1) << "y " << y;
    EXPECT_NEAR(outside[1], 124, 1) << "y " << y;
    for (std::uint32_t x = 64; x < 128; x += 8) {
      for (int c = 0; c < 4; ++c) {
        ASSERT_EQ(right.image.pixel(x, y)[c], whole.image.pixel(x, y)[c]) << x << "," << y;
      }
    }
  }
}

TEST(RendererPrepass, WithAndWithoutTheDepthPrepassTheImageIsTheSame) {
  const auto scene = primitivesScene();
  std::vector<Image> images;
  for (const DepthPrepass mode : {DepthPrepass::On, DepthPrepass::Off}) {
    std::vector<std::string> messages;
    RendererOptions options = testOptions(&messages);
    options.depthPrepass = mode;
    auto renderer = Renderer::create(std::move(options));
    ASSERT_TRUE(renderer.has_value()) << renderer.error().message;
    auto target = (*renderer)->createOffscreenTarget(128, 128);
    ASSERT_TRUE(target.has_value());
    images.push_back(draw(**renderer, **target, frameOf(scene, goldenView())).image);
    (*renderer)->waitIdle();
    EXPECT_TRUE(messages.empty()) << messages.front();
  }
  const auto diff = compareImages(images[0], images[1], 0);
  EXPECT_EQ(diff.differingPixels, 0U) << "max channel difference " << diff.maxChannelDiff;
}

}  // namespace
}  // namespace praxis::render::testing
