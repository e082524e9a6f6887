// Swapchains on a real VkDevice (lavapipe), the frame loop with projection and depth layers,
// and the capture of submitted eye images as PNG.
#include "xr_sim_fixture.h"

namespace praxis::xrsim::testing {
namespace {

using FrameTest = XrSimTest;

std::vector<std::int64_t> formats(XrSession session) {
  std::uint32_t count = 0;
  EXPECT_EQ(xrEnumerateSwapchainFormats(session, 0, &count, nullptr), XR_SUCCESS);
  std::vector<std::int64_t> out(count);
  EXPECT_EQ(xrEnumerateSwapchainFormats(session, count, &count, out.data()), XR_SUCCESS);
  return out;
}

/// Acquire, wait and release one image, returning its index.
std::uint32_t cycle(XrSwapchain swapchain, const std::function<void(std::uint32_t)>& render = {}) {
  std::uint32_t index = 0;
  EXPECT_EQ(xrAcquireSwapchainImage(swapchain, nullptr, &index), XR_SUCCESS);
  XrSwapchainImageWaitInfo wait{.type = XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO, .next = nullptr,
                                .timeout = XR_INFINITE_DURATION};
  EXPECT_EQ(xrWaitSwapchainImage(swapchain, &wait), XR_SUCCESS);
  if (render) {
    render(index);
  }
  EXPECT_EQ(xrReleaseSwapchainImage(swapchain, nullptr), XR_SUCCESS);
  return index;
}

XrCompositionLayerProjectionView projectionView(XrSwapchain swapchain, std::uint32_t layer) {
  return XrCompositionLayerProjectionView{
      .type = XR_TYPE_COMPOSITION_LAYER_PROJECTION_VIEW, .next = nullptr,
      .pose = {.orientation = {0, 0, 0, 1}, .position = {0, 1.6F, 0}},
      .fov = {.angleLeft = -0.7F, .angleRight = 0.7F, .angleUp = 0.7F, .angleDown = -0.7F},
      .subImage = {.swapchain = swapchain, .imageRect = {.offset = {0, 0}, .extent = {64, 48}},
                   .imageArrayIndex = layer}};
}

TEST_F(FrameTest, SwapchainFormatsPreferSrgbAndOfferDepth) {
  beginSession();
  auto list = formats(session_);
  ASSERT_FALSE(list.empty());
  EXPECT_EQ(list.front(), VK_FORMAT_R8G8B8A8_SRGB);
  EXPECT_NE(std::find(list.begin(), list.end(), VK_FORMAT_D32_SFLOAT), list.end());
}

TEST_F(FrameTest, SwapchainImagesCycleInOrder) {
  beginSession();
  XrSwapchain swapchain = createSwapchain(VK_FORMAT_R8G8B8A8_SRGB, 2, XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT);
  auto images = swapchainImages(swapchain);
  ASSERT_EQ(images.size(), 3U);
  for (VkImage image : images) {
    EXPECT_NE(image, VK_NULL_HANDLE);
  }
  EXPECT_EQ(cycle(swapchain), 0U);
  EXPECT_EQ(cycle(swapchain), 1U);
  EXPECT_EQ(cycle(swapchain), 2U);
  EXPECT_EQ(cycle(swapchain), 0U);
  XR_EXPECT_OK(xrDestroySwapchain(swapchain));
}

TEST_F(FrameTest, CaptureWritesEachEyeWithItsRenderedColour) {
  setEnv("PRAXIS_XR_SIM_CAPTURE", (dir_ / "capture").string());
  beginSession();
  XrSwapchain swapchain = createSwapchain(VK_FORMAT_R8G8B8A8_UNORM, 2,
                                          XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT | XR_SWAPCHAIN_USAGE_TRANSFER_DST_BIT);
  auto images = swapchainImages(swapchain);
  cycle(swapchain, [&](std::uint32_t index) {
    clearImage(images[index], 0, {1.0F, 0.0F, 0.0F, 1.0F});  // left eye red
    clearImage(images[index], 1, {0.0F, 0.0F, 1.0F, 1.0F});  // right eye blue
  });
  std::array views{projectionView(swapchain, 0), projectionView(swapchain, 1)};
  XrCompositionLayerProjection layer{.type = XR_TYPE_COMPOSITION_LAYER_PROJECTION, .next = nullptr, .layerFlags = 0,
                                     .space = stage_, .viewCount = 2, .views = views.data()};
  frame({reinterpret_cast<const XrCompositionLayerBaseHeader*>(&layer)});  // NOLINT
  Png left = readCapture(dir_ / "capture" / "frame-00000-eye-0.png");
  Png right = readCapture(dir_ / "capture" / "frame-00000-eye-1.png");
  ASSERT_EQ(left.width, 64U);
  ASSERT_EQ(left.height, 48U);
  ASSERT_EQ(right.rgba.size(), 64U * 48U * 4U);
  EXPECT_EQ((std::array{left.rgba[0], left.rgba[1], left.rgba[2], left.rgba[3]}),
            (std::array<std::uint8_t, 4>{255, 0, 0, 255}));
  EXPECT_EQ((std::array{right.rgba[0], right.rgba[1], right.rgba[2], right.rgba[3]}),
            (std::array<std::uint8_t, 4>{0, 0, 255, 255}));
  XR_EXPECT_OK(xrDestroySwapchain(swapchain));
}

TEST_F(FrameTest, ProjectionLayerWithDepthIsAccepted) {
  createInstance({XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME, XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME});
  ASSERT_NO_FATAL_FAILURE(createVulkan());
  ASSERT_NO_FATAL_FAILURE(createSession());
  pollStates();
  XrSessionBeginInfo begin{.type = XR_TYPE_SESSION_BEGIN_INFO, .next = nullptr,
                           .primaryViewConfigurationType = XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO};
  XR_ASSERT_OK(xrBeginSession(session_, &begin));
  XrSwapchain color = createSwapchain(VK_FORMAT_R8G8B8A8_SRGB, 2, XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT);
  XrSwapchain depth = createSwapchain(VK_FORMAT_D32_SFLOAT, 2, XR_SWAPCHAIN_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT);
  cycle(color);
  cycle(depth);
  std::array views{projectionView(color, 0), projectionView(color, 1)};
  std::array<XrCompositionLayerDepthInfoKHR, 2> depthInfos{};
  for (std::uint32_t eye = 0; eye < 2; ++eye) {
    depthInfos[eye] = XrCompositionLayerDepthInfoKHR{
        .type = XR_TYPE_COMPOSITION_LAYER_DEPTH_INFO_KHR, .next = nullptr,
        .subImage = {.swapchain = depth, .imageRect = {.offset = {0, 0}, .extent = {64, 48}}, .imageArrayIndex = eye},
        .minDepth = 0.0F, .maxDepth = 1.0F, .nearZ = 0.05F, .farZ = 100.0F};
    views[eye].next = &depthInfos[eye];
  }
  XrCompositionLayerProjection layer{.type = XR_TYPE_COMPOSITION_LAYER_PROJECTION, .next = nullptr, .layerFlags = 0,
                                     .space = stage_, .viewCount = 2, .views = views.data()};
  frame({reinterpret_cast<const XrCompositionLayerBaseHeader*>(&layer)});  // NOLINT
  XR_EXPECT_OK(xrDestroySwapchain(depth));
  XR_EXPECT_OK(xrDestroySwapchain(color));
}

class FrameErrorTest : public XrSimTest {
 protected:
  void SetUp() override {
    XrSimTest::SetUp();
    withValidationLayer_ = false;  // the calls below are wrong on purpose
  }
};

TEST_F(FrameErrorTest, SwapchainCallOrderAndLayerChecks) {
  beginSession();
  XrSwapchain swapchain = createSwapchain(VK_FORMAT_R8G8B8A8_SRGB, 1, XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT);
  XrSwapchainImageWaitInfo wait{.type = XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO, .next = nullptr, .timeout = 0};
  EXPECT_EQ(xrWaitSwapchainImage(swapchain, &wait), XR_ERROR_CALL_ORDER_INVALID);
  EXPECT_EQ(xrReleaseSwapchainImage(swapchain, nullptr), XR_ERROR_CALL_ORDER_INVALID);
  // A layer showing a swapchain that never released an image is invalid.
  XrCompositionLayerQuad quad{.type = XR_TYPE_COMPOSITION_LAYER_QUAD, .next = nullptr, .layerFlags = 0,
                              .space = stage_, .eyeVisibility = XR_EYE_VISIBILITY_BOTH,
                              .subImage = {.swapchain = swapchain, .imageRect = {.offset = {0, 0}, .extent = {64, 48}},
                                           .imageArrayIndex = 0},
                              .pose = {.orientation = {0, 0, 0, 1}, .position = {0, 1, -2}}, .size = {1, 1}};
  auto state = xrStruct<XrFrameState>(XR_TYPE_FRAME_STATE);
  XR_ASSERT_OK(xrWaitFrame(session_, nullptr, &state));
  XR_ASSERT_OK(xrBeginFrame(session_, nullptr));
  const XrCompositionLayerBaseHeader* layers[] = {reinterpret_cast<const XrCompositionLayerBaseHeader*>(&quad)};  // NOLINT
  XrFrameEndInfo end{.type = XR_TYPE_FRAME_END_INFO, .next = nullptr, .displayTime = state.predictedDisplayTime,
                     .environmentBlendMode = XR_ENVIRONMENT_BLEND_MODE_OPAQUE, .layerCount = 1, .layers = layers};
  EXPECT_EQ(xrEndFrame(session_, &end), XR_ERROR_LAYER_INVALID);
  cycle(swapchain);
  quad.subImage.imageRect.offset = {1, 1};
  EXPECT_EQ(xrEndFrame(session_, &end), XR_ERROR_SWAPCHAIN_RECT_INVALID);
  quad.subImage.imageRect.offset = {0, 0};
  quad.pose.orientation = {0, 0, 0, 0.5F};
  EXPECT_EQ(xrEndFrame(session_, &end), XR_ERROR_POSE_INVALID);
  quad.pose.orientation = {0, 0, 0, 1};
  XR_EXPECT_OK(xrEndFrame(session_, &end));
  XR_EXPECT_OK(xrDestroySwapchain(swapchain));
}

}  // namespace
}  // namespace praxis::xrsim::testing
