// What Praxis picks from a runtime's offers: extension, view configuration, space, blend mode,
// formats, swapchain layout, version conversion.
#include <gtest/gtest.h>

#include "xr/check.h"

#include <vulkan/vulkan_core.h>

#include "xr/choices.h"

namespace praxis::xr {
namespace {

TEST(Choices, VulkanEnable2IsPreferredEnable1IsTheFallback) {
  const std::vector<std::string> both{"XR_KHR_vulkan_enable", "XR_KHR_vulkan_enable2"};
  EXPECT_EQ(chooseVulkanEnable(both), VulkanEnable::Enable2);
  const std::vector<std::string> old{"XR_EXT_debug_utils", "XR_KHR_vulkan_enable"};
  EXPECT_EQ(chooseVulkanEnable(old), VulkanEnable::Enable1);
  const std::vector<std::string> none{"XR_KHR_opengl_enable"};
  const auto r = chooseVulkanEnable(none);
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("neither XR_KHR_vulkan_enable2 nor XR_KHR_vulkan_enable"),
            std::string::npos);
}

TEST(Choices, StereoForAHeadsetMonoForHandheldAr) {
  const std::vector hmd{XR_VIEW_CONFIGURATION_TYPE_PRIMARY_MONO, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO};
  EXPECT_EQ(chooseViewConfiguration(hmd), XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO);
  const std::vector phone{XR_VIEW_CONFIGURATION_TYPE_PRIMARY_MONO};
  EXPECT_EQ(chooseViewConfiguration(phone), XR_VIEW_CONFIGURATION_TYPE_PRIMARY_MONO);
  EXPECT_FALSE(chooseViewConfiguration(std::span<const XrViewConfigurationType>{}).has_value());
}

TEST(Choices, StageSpaceWhenOfferedElseLocal) {
  const std::vector all{XR_REFERENCE_SPACE_TYPE_VIEW, XR_REFERENCE_SPACE_TYPE_LOCAL,
                        XR_REFERENCE_SPACE_TYPE_STAGE};
  EXPECT_EQ(chooseReferenceSpace(all), XR_REFERENCE_SPACE_TYPE_STAGE);
  const std::vector noStage{XR_REFERENCE_SPACE_TYPE_VIEW, XR_REFERENCE_SPACE_TYPE_LOCAL};
  EXPECT_EQ(chooseReferenceSpace(noStage), XR_REFERENCE_SPACE_TYPE_LOCAL);
}

TEST(Choices, BlendModeOpaqueForVrSeeThroughForArAnOverrideWins) {
  const std::vector all{XR_ENVIRONMENT_BLEND_MODE_OPAQUE, XR_ENVIRONMENT_BLEND_MODE_ADDITIVE,
                        XR_ENVIRONMENT_BLEND_MODE_ALPHA_BLEND};
  EXPECT_EQ(chooseBlendMode(all, false, std::nullopt), XR_ENVIRONMENT_BLEND_MODE_OPAQUE);
  EXPECT_EQ(chooseBlendMode(all, true, std::nullopt), XR_ENVIRONMENT_BLEND_MODE_ALPHA_BLEND);
  const std::vector glasses{XR_ENVIRONMENT_BLEND_MODE_ADDITIVE};
  EXPECT_EQ(chooseBlendMode(glasses, true, std::nullopt), XR_ENVIRONMENT_BLEND_MODE_ADDITIVE);
  // VR on AR glasses: what the runtime offers (its first choice), not an error.
  EXPECT_EQ(chooseBlendMode(glasses, false, std::nullopt), XR_ENVIRONMENT_BLEND_MODE_ADDITIVE);
  EXPECT_EQ(chooseBlendMode(all, false, XR_ENVIRONMENT_BLEND_MODE_ADDITIVE),
            XR_ENVIRONMENT_BLEND_MODE_ADDITIVE);
  const std::vector headset{XR_ENVIRONMENT_BLEND_MODE_OPAQUE};
  const auto forced = chooseBlendMode(headset, true, XR_ENVIRONMENT_BLEND_MODE_ALPHA_BLEND);
  ASSERT_FALSE(forced.has_value());
  EXPECT_EQ(forced.error().message,
            "blend mode alpha_blend is not offered by the OpenXR runtime (it offers opaque)");
  EXPECT_EQ(parseBlendMode("additive"), XR_ENVIRONMENT_BLEND_MODE_ADDITIVE);
  EXPECT_EQ(parseBlendMode("bright"), std::nullopt);
}

TEST(Choices, ArClearsToTransparentBlack) {
  const glm::vec4 scene(0.1F, 0.2F, 0.3F, 1.0F);
  EXPECT_EQ(clearColourFor(XR_ENVIRONMENT_BLEND_MODE_OPAQUE, scene), scene);
  EXPECT_EQ(clearColourFor(XR_ENVIRONMENT_BLEND_MODE_ADDITIVE, scene), glm::vec4(0.0F));
  EXPECT_EQ(clearColourFor(XR_ENVIRONMENT_BLEND_MODE_ALPHA_BLEND, scene), glm::vec4(0.0F));
}

TEST(Choices, SrgbColourFormatsFirstAndTheRenderersDepthFormat) {
  const std::vector<std::int64_t> offered{VK_FORMAT_R16G16B16A16_SFLOAT, VK_FORMAT_B8G8R8A8_UNORM,
                                          VK_FORMAT_B8G8R8A8_SRGB, VK_FORMAT_D32_SFLOAT};
  EXPECT_EQ(chooseColourFormat(offered), VK_FORMAT_B8G8R8A8_SRGB);
  const std::vector<std::int64_t> unorm{VK_FORMAT_R8G8B8A8_UNORM};
  EXPECT_EQ(chooseColourFormat(unorm), VK_FORMAT_R8G8B8A8_UNORM);
  const std::vector<std::int64_t> hdr{VK_FORMAT_R16G16B16A16_SFLOAT};
  EXPECT_FALSE(chooseColourFormat(hdr).has_value());
  EXPECT_TRUE(offersDepthFormat(offered));
  EXPECT_FALSE(offersDepthFormat(unorm));
}

TEST(Choices, OneArraySwapchainForEqualViewsOnePerViewOtherwise) {
  auto v = xrStruct<XrViewConfigurationView>(XR_TYPE_VIEW_CONFIGURATION_VIEW);
  v.recommendedImageRectWidth = 1832;
  v.recommendedImageRectHeight = 1920;
  std::vector views{v, v};
  EXPECT_EQ(chooseSwapchainLayout(views, std::nullopt), SwapchainLayout::Array);
  EXPECT_EQ(chooseSwapchainLayout(views, SwapchainLayout::PerView), SwapchainLayout::PerView);
  views[1].recommendedImageRectWidth = 1800;
  EXPECT_EQ(chooseSwapchainLayout(views, std::nullopt), SwapchainLayout::PerView);
}

TEST(Choices, OpenXrVersionsBecomeVulkanVersions) {
  EXPECT_EQ(vulkanVersion(XR_MAKE_VERSION(1, 3, 0)), VK_API_VERSION_1_3);
  EXPECT_EQ(vulkanVersion(XR_MAKE_VERSION(1, 0, 0)), VK_API_VERSION_1_0);
  EXPECT_EQ(VK_API_VERSION_MINOR(vulkanVersion(XR_MAKE_VERSION(1, 2, 198))), 2U);
}

}  // namespace
}  // namespace praxis::xr
