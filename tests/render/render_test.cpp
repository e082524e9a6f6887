// Renderer behaviour: the creation hook, validation, targets, multiview, training visuals,
// frame statistics, the pipeline cache, and clear errors for bad input.
#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <functional>

#include "render_fixture.h"

namespace praxis::render::testing {
namespace {

/// A creation hook that delegates to plain Vulkan and counts the calls (as the xr module's
/// OpenXR hook would take them over).
class CountingCreator final : public VulkanCreator {
 public:
  core::Result<VkInstance> createInstance(PFN_vkGetInstanceProcAddr proc,
                                          const VkInstanceCreateInfo& info) override {
    ++instances;
    return plain_->createInstance(proc, info);
  }
  core::Result<VkPhysicalDevice> pickPhysicalDevice(VkInstance instance) override {
    ++picks;
    return plain_->pickPhysicalDevice(instance);
  }
  core::Result<VkDevice> createDevice(VkPhysicalDevice physical,
                                      const VkDeviceCreateInfo& info) override {
    ++devices;
    extensionsAsked = info.enabledExtensionCount;
    return plain_->createDevice(physical, info);
  }
  int instances = 0;
  int picks = 0;
  int devices = 0;
  std::uint32_t extensionsAsked = 99;

 private:
  std::unique_ptr<VulkanCreator> plain_ = makePlainVulkanCreator(DevicePreference::Cpu);
};

std::array<int, 3> centrePixel(const Image& image) {
  const auto* p = image.pixel(image.width / 2, image.height / 2);
  return {p[0], p[1], p[2]};
}

FrameInput frameOf(const scene::Scene& scene, View view = goldenView()) {
  FrameInput input;
  input.scene = &scene;
  input.views = {view};
  return input;
}

TEST(RendererHook, AllVulkanCreationGoesThroughTheHook) {
  std::vector<std::string> messages;
  auto creator = std::make_shared<CountingCreator>();
  auto options = testOptions(&messages);
  options.creator = creator;
  {
    auto renderer = Renderer::create(options);
    ASSERT_TRUE(renderer.has_value()) << renderer.error().message;
    EXPECT_EQ(creator->instances, 1);
    EXPECT_EQ(creator->picks, 1);
    EXPECT_EQ(creator->devices, 1);
    EXPECT_EQ(creator->extensionsAsked, 0U);  // no window: no swapchain extension
  }
  EXPECT_TRUE(messages.empty()) << messages.front();
}

class FailingCreator final : public VulkanCreator {
 public:
  core::Result<VkInstance> createInstance(PFN_vkGetInstanceProcAddr,
                                          const VkInstanceCreateInfo&) override {
    return core::fail("XR_ERROR_RUNTIME_UNAVAILABLE from xrCreateVulkanInstanceKHR");
  }
  core::Result<VkPhysicalDevice> pickPhysicalDevice(VkInstance) override {
    return core::fail("unreachable");
  }
  core::Result<VkDevice> createDevice(VkPhysicalDevice, const VkDeviceCreateInfo&) override {
    return core::fail("unreachable");
  }
};

TEST(RendererHook, AFailingHookIsAnErrorNotACrash) {
  std::vector<std::string> messages;
  auto options = testOptions(&messages);
  options.creator = std::make_shared<FailingCreator>();
  auto renderer = Renderer::create(options);
  ASSERT_FALSE(renderer.has_value());
  EXPECT_NE(renderer.error().message.find("XR_ERROR_RUNTIME_UNAVAILABLE"), std::string::npos);
}

TEST_F(RenderTest, PicksLavapipeWhenAskedForTheCpuDevice) {
  EXPECT_NE(renderer_->deviceName().find("llvmpipe"), std::string::npos) << renderer_->deviceName();
}

TEST_F(RenderTest, AnEmptySceneIsTheClearColourInSrgb) {
  const scene::Scene empty;
  auto input = frameOf(empty);
  input.clearColour = {0.5F, 0.2F, 0.0F, 1.0F};  // linear: sRGB 188, 124, 0
  const auto image = render(input, 32, 32);
  const auto c = centrePixel(image);
  EXPECT_NEAR(c[0], 188, 1);
  EXPECT_NEAR(c[1], 124, 1);
  EXPECT_EQ(c[2], 0);
}

// A first frame with nothing to draw leaves the renderer's object list empty and never
// allocated: the upload of that list to the GPU must not hand memcpy its null data() (the
// sanitizer build aborts on it; issue 14). Here the scene is not empty, but culling empties it.
TEST_F(RenderTest, AFirstFrameWithEveryObjectCulledUploadsNoObjectsAndIsTheClearColour) {
  scene::Scene scene;
  scene::Entity box;
  box.id = "behind-camera";
  box.localPose.position = {0, 0, 10};
  box.visual.colour = {0.9F, 0.05F, 0.05F, 1.0F};
  box.visual.shape = scene::Shape{scene::ShapeKind::Box, {0.5F, 0.5F, 0.5F}};
  scene.add(box);
  scene.updateWorldPoses();
  auto input = frameOf(scene, makeLookAtView({0, 0.5F, 2}, {0, 0, 0}, 0.8F, 1));
  input.clearColour = {0.5F, 0.2F, 0.0F, 1.0F};  // linear: sRGB 188, 124, 0
  auto target = renderer_->createOffscreenTarget(32, 32);
  ASSERT_TRUE(target.has_value()) << target.error().message;
  auto stats = renderer_->render(input, **target);
  ASSERT_TRUE(stats.has_value()) << stats.error().message;
  EXPECT_EQ(stats->visibleObjects, 0U);
  EXPECT_EQ(stats->culledObjects, 1U);
  auto image = (*target)->readback(0);
  ASSERT_TRUE(image.has_value()) << image.error().message;
  const auto c = centrePixel(*image);
  EXPECT_NEAR(c[0], 188, 1);
  EXPECT_NEAR(c[1], 124, 1);
  EXPECT_EQ(c[2], 0);
}

TEST_F(RenderTest, ARedBoxInFrontOfTheCameraIsRed) {
  scene::Scene scene;
  scene::Entity box;
  box.id = "box";
  box.visual.colour = {0.9F, 0.05F, 0.05F, 1.0F};
  box.visual.shape = scene::Shape{scene::ShapeKind::Box, {0.5F, 0.5F, 0.5F}};
  scene.add(box);
  scene.updateWorldPoses();
  const auto image = render(frameOf(scene, makeLookAtView({0, 0.5F, 2}, {0, 0, 0}, 0.8F, 1)));
  const auto c = centrePixel(image);
  EXPECT_GT(c[0], 2 * c[1]);
  EXPECT_GT(c[0], 2 * c[2]);
  EXPECT_GT(c[0], 60);
}

TEST_F(RenderTest, StereoLayersMatchMonoRendersOfEachEye) {
  const auto scene = primitivesScene();
  FrameInput stereo = frameOf(scene);
  stereo.views = {makeLookAtView({-0.3F, 1.1F, 1.9F}, {0, 0.15F, 0}, 0.8F, 1),
                  makeLookAtView({0.3F, 1.1F, 1.9F}, {0, 0.15F, 0}, 0.8F, 1)};
  const auto left = render(stereo, 96, 96, 0);
  const auto right = render(stereo, 96, 96, 1);
  const auto monoLeft = render(frameOf(scene, stereo.views[0]), 96, 96);
  const auto monoRight = render(frameOf(scene, stereo.views[1]), 96, 96);
  EXPECT_EQ(compareImages(monoLeft, left, 2).differingPixels, 0U);
  EXPECT_EQ(compareImages(monoRight, right, 2).differingPixels, 0U);
  EXPECT_GT(compareImages(left, right, 2).differingPixels, 500U);  // the eyes see differently
}

TEST(RendererStereo, MultiviewInOnePassMatchesMonoRendersOfEachEye) {
  // Forced multiview, also on lavapipe. Its clipper drops triangles that cross the view's
  // edges in views after the first (hence StereoMode::Auto), so this scene stays inside.
  std::vector<std::string> messages;
  auto options = testOptions(&messages);
  options.stereo = StereoMode::Multiview;
  auto renderer = Renderer::create(options);
  ASSERT_TRUE(renderer.has_value()) << renderer.error().message;
  auto scene = primitivesScene();
  scene.at(*scene.find("floor")).visual.visible = false;
  FrameInput stereo = frameOf(scene);
  stereo.views = {makeLookAtView({-0.3F, 1.1F, 2.6F}, {0, 0.15F, 0}, 0.8F, 1),
                  makeLookAtView({0.3F, 1.1F, 2.6F}, {0, 0.15F, 0}, 0.8F, 1)};
  const auto draw = [&](const FrameInput& input, std::uint32_t layer) {
    auto target = (*renderer)->createOffscreenTarget(96, 96, static_cast<std::uint32_t>(input.views.size()));
    EXPECT_TRUE((*renderer)->render(input, **target).has_value());
    return *(*target)->readback(layer);
  };
  const auto left = draw(stereo, 0);
  const auto right = draw(stereo, 1);
  EXPECT_EQ(compareImages(draw(frameOf(scene, stereo.views[0]), 0), left, 2).differingPixels, 0U);
  EXPECT_EQ(compareImages(draw(frameOf(scene, stereo.views[1]), 0), right, 2).differingPixels, 0U);
  EXPECT_GT(compareImages(left, right, 2).differingPixels, 200U);
  renderer->reset();
  EXPECT_TRUE(messages.empty()) << messages.front();
}

TEST_F(RenderTest, HighlightTurnsTheObjectTowardsBlueOnly) {
  const auto scene = primitivesScene();
  auto plain = frameOf(scene);
  auto lit = plain;
  lit.highlighted = {*scene.find("box")};
  const auto before = render(plain, 128, 128);
  const auto after = render(lit, 128, 128);
  const auto diff = compareImages(before, after, 3);
  EXPECT_GT(diff.differingPixels, 100U);
  long blueGain = 0;
  for (std::size_t i = 0; i < before.rgba.size(); i += 4) {
    blueGain += after.rgba[i + 2] - before.rgba[i + 2];
  }
  EXPECT_GT(blueGain, 0);
  // Far from the box (top-right corner: sky) nothing changes.
  EXPECT_EQ(before.pixel(127, 0)[2], after.pixel(127, 0)[2]);
}

/// The pixel where `view` sees the world point `p` in a `size` x `size` image.
std::array<std::uint32_t, 2> pixelOf(const View& view, const core::Vec3& p, std::uint32_t size) {
  glm::vec4 clip = view.projection * view.view * glm::vec4(p, 1.0F);
  clip /= clip.w;  // Vulkan clip space: y down
  return {static_cast<std::uint32_t>((clip.x * 0.5F + 0.5F) * static_cast<float>(size)),
          static_cast<std::uint32_t>((clip.y * 0.5F + 0.5F) * static_cast<float>(size))};
}

std::array<int, 3> pixelAt(const Image& image, std::array<std::uint32_t, 2> at) {
  const auto* p = image.pixel(at[0], at[1]);
  return {p[0], p[1], p[2]};
}

TEST_F(RenderTest, AGhostIsATranslucentCopyOfTheEntityWhereItWouldSnap) {
  const auto scene = primitivesScene();
  const scene::EntityId box = *scene.find("box");
  const core::Pose spot{{0.6F, 0.2F, -0.7F}, core::Quat(1.0F, 0.0F, 0.0F, 0.0F)};  // bare floor
  const auto base = render(frameOf(scene), 128, 128);
  auto withGhost = frameOf(scene);
  withGhost.ghosts.push_back(Ghost{.entity = box, .pose = spot});
  const auto ghosted = render(withGhost, 128, 128);
  scene::Scene moved = primitivesScene();  // the box itself, opaque, at the spot
  moved.at(box).localPose = spot;
  moved.updateWorldPoses();
  const auto opaque = render(frameOf(moved), 128, 128);
  const auto at = pixelOf(goldenView(), spot.position, 128);
  const auto b = pixelAt(base, at);
  const auto g = pixelAt(ghosted, at);
  const auto o = pixelAt(opaque, at);
  EXPECT_GT(std::abs(g[0] - b[0]) + std::abs(g[1] - b[1]) + std::abs(g[2] - b[2]), 20)
      << "no ghost at its place";
  // Translucent: the floor shows through (greener than the opaque red box, less than floor).
  EXPECT_GT(g[1], o[1] + 15);
  EXPECT_LT(g[1], b[1]);
  EXPECT_GT(compareImages(base, ghosted, 3).differingPixels, 40U);
  // The entity itself is still drawn where it is.
  const auto real = pixelOf(goldenView(), scene.at(box).worldPose.position, 128);
  EXPECT_EQ(pixelAt(base, real), pixelAt(ghosted, real));
}

TEST_F(RenderTest, HandsAreSmallSpheresTheActiveOneLargerAndWarmerAndHiddenEntitiesAreNot) {
  scene::Scene scene = primitivesScene();
  scene.at(*scene.find("floor")).visual.visible = false;  // against the clear colour
  const auto base = render(frameOf(scene), 128, 128);
  auto withHands = frameOf(scene);
  const core::Vec3 left{-0.18F, 0.9F, 1.2F};
  const core::Vec3 right{0.18F, 0.9F, 1.2F};
  withHands.hands = {HandMarker{.pose = {left, core::Quat(1, 0, 0, 0)}, .active = false},
                     HandMarker{.pose = {right, core::Quat(1, 0, 0, 0)}, .active = true}};
  const auto image = render(withHands, 128, 128);
  const auto other = pixelAt(image, pixelOf(goldenView(), left, 128));
  const auto active = pixelAt(image, pixelOf(goldenView(), right, 128));
  EXPECT_NE(pixelAt(base, pixelOf(goldenView(), left, 128)), other) << "the other hand is missing";
  EXPECT_NE(pixelAt(base, pixelOf(goldenView(), right, 128)), active) << "the active hand is missing";
  EXPECT_GT(active[0], other[0] + 40) << "the active hand does not stand out";
  EXPECT_GT(active[0], active[2] + 30);
  // Larger: more pixels change on the active (right) side of the image.
  std::size_t leftCount = 0;
  std::size_t rightCount = 0;
  for (std::uint32_t y = 0; y < 128; ++y) {
    for (std::uint32_t x = 0; x < 128; ++x) {
      if (std::equal(base.pixel(x, y), base.pixel(x, y) + 3, image.pixel(x, y))) continue;
      ++(x < 64 ? leftCount : rightCount);
    }
  }
  EXPECT_GT(leftCount, 10U);
  EXPECT_GT(rightCount, leftCount);
  // A hidden entity is not drawn (the world's own hand spheres, replaced by the markers).
  auto hidden = frameOf(scene);
  hidden.hidden = {*scene.find("sphere")};
  const auto without = render(hidden, 128, 128);
  const auto sphere = pixelOf(goldenView(), scene.at(*scene.find("sphere")).worldPose.position, 128);
  EXPECT_NE(pixelAt(base, sphere), pixelAt(without, sphere));
  EXPECT_EQ(pixelAt(without, sphere), pixelAt(without, {127, 0})) << "not the clear colour";
}

TEST_F(RenderTest, FaultFlashReddensTheEdges) {
  const scene::Scene empty;
  auto input = frameOf(empty);
  input.clearColour = {0.2F, 0.2F, 0.2F, 1.0F};
  const auto calm = render(input, 64, 64);
  input.faultFlash = 1.0F;
  const auto flash = render(input, 64, 64);
  EXPECT_GT(flash.pixel(1, 1)[0], calm.pixel(1, 1)[0] + 40);
  EXPECT_LT(flash.pixel(1, 1)[2], calm.pixel(1, 1)[2]);
  // The centre stays readable: much weaker there than at the edge.
  EXPECT_LT(flash.pixel(32, 32)[0] - calm.pixel(32, 32)[0], flash.pixel(1, 1)[0] - calm.pixel(1, 1)[0]);
}

TEST_F(RenderTest, StatsCountDrawsCulledObjectsAndGpuTime) {
  auto scene = primitivesScene();
  scene::Entity behind;
  behind.id = "behind-camera";
  behind.localPose.position = {0, 1, 10};
  scene.add(behind);
  scene.updateWorldPoses();
  auto target = renderer_->createOffscreenTarget(64, 64);
  ASSERT_TRUE(target.has_value());
  FrameStats last;
  for (int i = 0; i < 4; ++i) {
    auto stats = renderer_->render(frameOf(scene), **target);
    ASSERT_TRUE(stats.has_value()) << stats.error().message;
    last = *stats;
  }
  EXPECT_EQ(last.visibleObjects, 5U);
  EXPECT_EQ(last.drawCalls, 4U);  // floor and box share the box mesh: one instanced draw
  EXPECT_EQ(last.culledObjects, 1U);
  EXPECT_GE(last.gpuMs, 0.0);  // slots are reused after 2 frames: timestamps are back
  EXPECT_GT(last.recordMs, 0.0) << "recording four draws takes measurable time";
}

TEST_F(RenderTest, ViewCountMustMatchTheTarget) {
  const auto scene = primitivesScene();
  auto target = renderer_->createOffscreenTarget(32, 32, 2);
  ASSERT_TRUE(target.has_value());
  auto stats = renderer_->render(frameOf(scene), **target);
  ASSERT_FALSE(stats.has_value());
  EXPECT_NE(stats.error().message.find("1 views for a target of 2"), std::string::npos);
}

TEST_F(RenderTest, AModelWithABrokenTextureIsRejectedNamingTheSource) {
  auto model = checkerCubeModel();
  model.textures[0].pixels.resize(10);
  auto added = renderer_->addModel("broken", model);
  ASSERT_FALSE(added.has_value());
  EXPECT_NE(added.error().message.find("generated:checker-cube"), std::string::npos);
  EXPECT_NE(added.error().message.find("checker"), std::string::npos);
}

// Vulkan has no zero-size buffers: a mesh without vertices is bad input, not an upload.
TEST_F(RenderTest, AModelWithAMeshWithoutVerticesIsRejectedNamingTheMesh) {
  auto model = checkerCubeModel();
  model.meshes[0].vertices.clear();
  auto added = renderer_->addModel("hollow", model);
  ASSERT_FALSE(added.has_value());
  EXPECT_NE(added.error().message.find("generated:checker-cube"), std::string::npos);
  EXPECT_NE(added.error().message.find("is empty"), std::string::npos);
}

TEST_F(RenderTest, AMissingModelFallsBackToItsPrimitive) {
  auto scene = primitivesScene();
  scene.at(*scene.find("box")).visual.model = "not-uploaded.glb";
  const auto withMissing = render(frameOf(scene), 64, 64);
  const auto plain = render(frameOf(primitivesScene()), 64, 64);
  EXPECT_EQ(compareImages(plain, withMissing, 0).differingPixels, 0U);
}

/// A cube model whose one material is changed by `edit`, drawn alone in front of the camera;
/// the centre pixel.
std::array<int, 3> cubeCentre(Renderer& renderer, std::vector<assets::Texture> textures,
                              const std::function<void(assets::Material&)>& edit,
                              const std::string& key, const DirectionalLight& light) {
  auto model = checkerCubeModel();
  model.textures = std::move(textures);
  model.materials[0].baseColourTexture = assets::kNoTexture;
  edit(model.materials[0]);
  EXPECT_TRUE(renderer.addModel(key, model).has_value());
  scene::Scene scene;
  scene::Entity cube;
  cube.id = "cube";
  cube.visual.model = key;
  scene.add(cube);
  scene.updateWorldPoses();
  auto input = frameOf(scene, makeLookAtView({0, 0.4F, 1.2F}, {0, 0, 0}, 0.8F, 1));
  input.light = light;
  auto target = renderer.createOffscreenTarget(64, 64);
  EXPECT_TRUE(renderer.render(input, **target).has_value());
  return centrePixel(*(*target)->readback());
}

TEST_F(RenderTest, TheEmissiveMapGlowsInSrgb) {
  // A black cube with a green sRGB emissive map: it glows full green whatever the light.
  const auto c = cubeCentre(*renderer_, {{"green", 1, 1, true, {0, 255, 0, 255}}},
                            [](assets::Material& m) {
                              m.baseColour = glm::vec4(0.0F, 0.0F, 0.0F, 1.0F);
                              m.emissive = core::Vec3(1.0F);
                              m.emissiveTexture = 0;
                            },
                            "glow", DirectionalLight{});
  EXPECT_GT(c[1], 240);
  EXPECT_LT(c[0], 40);
  EXPECT_LT(c[2], 40);
}

TEST_F(RenderTest, TheOcclusionMapDarkensAmbientLight) {
  DirectionalLight ambientOnly;
  ambientOnly.colour = core::Vec3(0.0F);
  ambientOnly.ambient = core::Vec3(0.5F);
  const auto white = [](assets::Material& m) { m.baseColour = glm::vec4(1.0F); };
  const auto open = cubeCentre(*renderer_, {}, white, "open", ambientOnly);
  const auto occluded = cubeCentre(*renderer_, {{"ao", 1, 1, false, {0, 0, 0, 255}}},
                                   [&](assets::Material& m) {
                                     white(m);
                                     m.occlusionTexture = 0;
                                   },
                                   "occluded", ambientOnly);
  EXPECT_GT(open[0], 150);      // ambient 0.5 on white: about sRGB 188
  EXPECT_LT(occluded[0], 10);   // fully occluded: no ambient at all
}

TEST_F(RenderTest, ReadbackBeforeRenderingIsAnError) {
  auto target = renderer_->createOffscreenTarget(16, 16);
  ASSERT_TRUE(target.has_value());
  EXPECT_FALSE((*target)->readback().has_value());
}

TEST(RendererCache, ThePipelineCacheIsWrittenToDisk) {
  std::vector<std::string> messages;
  auto options = testOptions(&messages);
  const auto file = std::filesystem::path(PRAXIS_BINARY_DIR) / "tests" / "render" /
                    "cache-test" / "pipelines.bin";
  std::filesystem::remove_all(file.parent_path());
  options.pipelineCacheFile = file;
  {
    auto renderer = Renderer::create(options);
    ASSERT_TRUE(renderer.has_value()) << renderer.error().message;
  }
  ASSERT_TRUE(std::filesystem::exists(file));
  // At least the header (vendor, device, cache UUID); lavapipe stores nothing more, and
  // relies on Mesa's own shader disk cache instead.
  EXPECT_GE(std::filesystem::file_size(file), 32U);
  // A corrupt cache file is ignored by the driver, not fatal.
  std::filesystem::resize_file(file, 20);
  auto again = Renderer::create(options);
  EXPECT_TRUE(again.has_value());
  again->reset();
  EXPECT_TRUE(messages.empty()) << messages.front();
}

TEST(Snapshot, RenderSceneToPngWritesBothEyesSideBySide) {
  std::vector<std::string> messages;
  const auto scene = primitivesScene();
  FrameInput input;
  input.scene = &scene;
  input.views = {goldenView(), goldenView()};
  const auto path = std::filesystem::path(PRAXIS_BINARY_DIR) / "tests" / "render" / "snap.png";
  auto ok = renderSceneToPng(input, 40, 30, path, testOptions(&messages));
  ASSERT_TRUE(ok.has_value()) << ok.error().message;
  auto image = readPng(path);
  ASSERT_TRUE(image.has_value());
  EXPECT_EQ(image->width, 80U);
  EXPECT_EQ(image->height, 30U);
  EXPECT_TRUE(messages.empty()) << messages.front();
}

TEST(RendererSetUp, AMissingUiFontIsAnErrorNamingTheFileAndPackage) {
  std::vector<std::string> messages;
  auto options = testOptions(&messages);
  options.fontFile = "/nonexistent/font.ttf";
  auto renderer = Renderer::create(options);
  ASSERT_FALSE(renderer.has_value());
  EXPECT_NE(renderer.error().message.find("/nonexistent/font.ttf"), std::string::npos);
  EXPECT_NE(renderer.error().message.find("fonts-dejavu-core"), std::string::npos);
}

TEST_F(RenderTest, AnOverlayIsDrawnOverTheSceneAndPanelsKeepTheCallersImGuiContext) {
  ImGuiContext* hud = ImGui::CreateContext();
  ImGui::SetCurrentContext(hud);
  ASSERT_TRUE(addUiFont(*ImGui::GetIO().Fonts, 20.0F, kDefaultFontFile).has_value());
  bindOverlayAtlas(*ImGui::GetIO().Fonts);
  ImGui::GetIO().DisplaySize = ImVec2(128.0F, 128.0F);
  ImGui::NewFrame();
  // A white box over the top-left quarter.
  ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0.0F, 0.0F), ImVec2(64.0F, 64.0F), IM_COL32_WHITE);
  ImGui::Render();
  const auto scene = primitivesScene();
  FrameInput input;
  input.scene = &scene;
  input.views = {goldenView()};
  input.overlay = ImGui::GetDrawData();
  input.panels.push_back(Panel{.title = "1 · Titel", .body = "Tekst", .pose = {}, .sizeMetres = {0.5F, 0.3F},
                               .pixelsPerMetre = 400, .page = 0});
  const Image image = render(input);
  EXPECT_EQ(ImGui::GetCurrentContext(), hud);  // the panels' context came and went
  ASSERT_EQ(image.width, 128U);
  for (const auto& [x, y] : {std::pair{2U, 2U}, std::pair{60U, 60U}}) {
    const std::size_t at = (std::size_t{y} * image.width + x) * 4;
    EXPECT_EQ(image.rgba[at], 255) << x << "," << y;
    EXPECT_EQ(image.rgba[at + 1], 255);
    EXPECT_EQ(image.rgba[at + 2], 255);
  }
  const std::size_t outside = (std::size_t{100} * image.width + 100) * 4;
  EXPECT_NE(image.rgba[outside], 255);
  ImGui::DestroyContext(hud);
}

}  // namespace
}  // namespace praxis::render::testing
