// Golden images on lavapipe: primitives, a textured model, highlight, fault flash, a snap
// ghost and hands, stereo.
// Tolerance: see render_fixture.h. PRAXIS_UPDATE_GOLDEN=1 rewrites them.
#include <gtest/gtest.h>

#include "render_fixture.h"

namespace praxis::render::testing {
namespace {

constexpr std::uint32_t kSize = 256;

class GoldenTest : public RenderTest {
 protected:
  FrameInput frame(const scene::Scene& scene) {
    FrameInput input;
    input.scene = &scene;
    input.views = {goldenView()};
    return input;
  }
};

TEST_F(GoldenTest, PrimitivesWithShadow) {
  const auto scene = primitivesScene();
  expectMatchesGolden(render(frame(scene), kSize, kSize), "primitives");
}

TEST_F(GoldenTest, HighlightedBoxAndSphere) {
  const auto scene = primitivesScene();
  auto input = frame(scene);
  input.highlighted = {*scene.find("box"), *scene.find("sphere")};
  input.timeSeconds = 0.25;  // pulse at its peak
  expectMatchesGolden(render(input, kSize, kSize), "highlight");
}

TEST_F(GoldenTest, FaultFlash) {
  const auto scene = primitivesScene();
  auto input = frame(scene);
  input.faultFlash = 1.0F;
  expectMatchesGolden(render(input, kSize, kSize), "fault_flash");
}

TEST_F(GoldenTest, SnapGhostAndHands) {
  const auto scene = primitivesScene();
  auto input = frame(scene);
  const core::Quat upright(1.0F, 0.0F, 0.0F, 0.0F);
  input.ghosts = {Ghost{.entity = *scene.find("box"), .pose = {{0.6F, 0.2F, -0.7F}, upright}}};
  input.hands = {HandMarker{.pose = {{-0.18F, 0.9F, 1.2F}, upright}, .active = false},
                 HandMarker{.pose = {{0.18F, 0.9F, 1.2F}, upright}, .active = true}};
  expectMatchesGolden(render(input, kSize, kSize), "ghost_and_hands");
}

TEST_F(GoldenTest, TexturedModelAndTransparency) {
  ASSERT_TRUE(renderer_->addModel("checker.gltf", checkerCubeModel()).has_value());
  auto scene = primitivesScene();
  scene.at(*scene.find("box")).visual.model = "checker.gltf";
  // A translucent pane in front of the sphere and cylinder.
  scene::Entity pane;
  pane.id = "pane";
  pane.visual.shape = scene::Shape{scene::ShapeKind::Box, {0.9F, 0.5F, 0.02F}};
  pane.visual.colour = {0.9F, 0.9F, 1.0F, 0.35F};
  pane.localPose.position = {0.3F, 0.25F, 0.35F};
  scene.add(pane);
  scene.updateWorldPoses();
  expectMatchesGolden(render(frame(scene), kSize, kSize), "textured_transparent");
}

TEST_F(GoldenTest, PanelAndLabel) {
  const auto scene = primitivesScene();
  auto input = frame(scene);
  Panel panel;
  panel.title = "Stap 2/8";
  panel.body = "Vergrendel automaat Q1 met uw hangslot.";  // nl-BE, with the default font
  panel.sizeMetres = {0.7F, 0.3F};
  panel.pixelsPerMetre = 600;
  panel.pose.position = {0.25F, 0.75F, 0.3F};
  input.panels.push_back(panel);
  input.labels.push_back({"Q1", *scene.find("box")});
  expectMatchesGolden(render(input, kSize, kSize), "panel_label");
}

TEST_F(GoldenTest, StereoMultiviewBothEyes) {
  const auto scene = primitivesScene();
  FrameInput input;
  input.scene = &scene;
  for (float eyeX : {-0.032F, 0.032F}) {
    core::Pose eye;
    eye.position = {eyeX, 1.1F, 1.9F};
    eye.orientation = core::quatFromEulerDegrees({-25.0F, 0.0F, 0.0F});
    input.views.push_back(makeFovView(eye, -0.8F, 0.7F, 0.75F, -0.8F));
  }
  expectMatchesGolden(render(input, kSize, kSize, 0), "stereo_left");
  expectMatchesGolden(render(input, kSize, kSize, 1), "stereo_right");
}

}  // namespace
}  // namespace praxis::render::testing
