#include "xr/choices.h"

#include <vulkan/vulkan_core.h>
// After Vulkan: the XR_KHR_vulkan_enable(2) declarations need its types.
#include <openxr/openxr_platform.h>

#include <algorithm>

#include <vulkan/vulkan_core.h>

#include "render/render_target.h"

namespace praxis::xr {
namespace {

template <typename T>
bool contains(std::span<const T> list, const T& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string joined(std::span<const XrEnvironmentBlendMode> modes) {
  std::string out;
  for (auto m : modes) out += (out.empty() ? "" : ", ") + std::string(toString(m));
  return out.empty() ? "none" : out;
}

}  // namespace

core::Result<VulkanEnable> chooseVulkanEnable(std::span<const std::string> extensions) {
  if (contains(extensions, std::string(XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME))) {
    return VulkanEnable::Enable2;
  }
  if (contains(extensions, std::string(XR_KHR_VULKAN_ENABLE_EXTENSION_NAME))) {
    return VulkanEnable::Enable1;
  }
  return core::fail("the OpenXR runtime offers neither XR_KHR_vulkan_enable2 nor "
                    "XR_KHR_vulkan_enable: Praxis draws with Vulkan only");
}

core::Result<XrViewConfigurationType> chooseViewConfiguration(
    std::span<const XrViewConfigurationType> offered) {
  for (auto wanted : {XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_MONO}) {
    if (contains(offered, wanted)) return wanted;
  }
  return core::fail("the OpenXR runtime offers no stereo or mono view configuration");
}

XrReferenceSpaceType chooseReferenceSpace(std::span<const XrReferenceSpaceType> offered) {
  return contains(offered, XR_REFERENCE_SPACE_TYPE_STAGE) ? XR_REFERENCE_SPACE_TYPE_STAGE
                                                          : XR_REFERENCE_SPACE_TYPE_LOCAL;
}

core::Result<XrEnvironmentBlendMode> chooseBlendMode(std::span<const XrEnvironmentBlendMode> offered,
                                                     bool augmented,
                                                     std::optional<XrEnvironmentBlendMode> forced) {
  if (offered.empty()) return core::fail("the OpenXR runtime offers no environment blend mode");
  if (forced) {
    if (contains(offered, *forced)) return *forced;
    return core::fail("blend mode ", toString(*forced), " is not offered by the OpenXR runtime (it offers ",
                      joined(offered), ")");
  }
  const auto preferred = augmented ? std::vector{XR_ENVIRONMENT_BLEND_MODE_ALPHA_BLEND,
                                                 XR_ENVIRONMENT_BLEND_MODE_ADDITIVE}
                                   : std::vector{XR_ENVIRONMENT_BLEND_MODE_OPAQUE};
  for (auto mode : preferred) {
    if (contains(offered, mode)) return mode;
  }
  return offered.front();  // the runtime lists its preferred mode first
}

std::string_view toString(XrEnvironmentBlendMode mode) {
  switch (mode) {
    case XR_ENVIRONMENT_BLEND_MODE_OPAQUE: return "opaque";
    case XR_ENVIRONMENT_BLEND_MODE_ADDITIVE: return "additive";
    case XR_ENVIRONMENT_BLEND_MODE_ALPHA_BLEND: return "alpha_blend";
    default: return "unknown";
  }
}

std::optional<XrEnvironmentBlendMode> parseBlendMode(std::string_view text) {
  for (auto mode : {XR_ENVIRONMENT_BLEND_MODE_OPAQUE, XR_ENVIRONMENT_BLEND_MODE_ADDITIVE,
                    XR_ENVIRONMENT_BLEND_MODE_ALPHA_BLEND}) {
    if (toString(mode) == text) return mode;
  }
  return std::nullopt;
}

glm::vec4 clearColourFor(XrEnvironmentBlendMode mode, const glm::vec4& sceneClear) {
  return mode == XR_ENVIRONMENT_BLEND_MODE_OPAQUE ? sceneClear : glm::vec4(0.0F);
}

core::Result<std::int64_t> chooseColourFormat(std::span<const std::int64_t> offered) {
  for (std::int64_t wanted : {VK_FORMAT_R8G8B8A8_SRGB, VK_FORMAT_B8G8R8A8_SRGB,
                              VK_FORMAT_R8G8B8A8_UNORM, VK_FORMAT_B8G8R8A8_UNORM}) {
    if (contains(offered, wanted)) return wanted;
  }
  return core::fail("the OpenXR runtime offers no 8-bit RGBA/BGRA swapchain format (",
                    std::to_string(offered.size()), " others)");
}

bool offersDepthFormat(std::span<const std::int64_t> offered) {
  return contains(offered, static_cast<std::int64_t>(render::kXrDepthFormat));
}

SwapchainLayout chooseSwapchainLayout(std::span<const XrViewConfigurationView> views,
                                      std::optional<SwapchainLayout> forced) {
  if (forced) return *forced;
  const bool same = std::all_of(views.begin(), views.end(), [&](const auto& v) {
    return v.recommendedImageRectWidth == views.front().recommendedImageRectWidth &&
           v.recommendedImageRectHeight == views.front().recommendedImageRectHeight;
  });
  return same ? SwapchainLayout::Array : SwapchainLayout::PerView;
}

std::uint32_t vulkanVersion(XrVersion version) {
  return VK_MAKE_API_VERSION(0, static_cast<std::uint32_t>(XR_VERSION_MAJOR(version)),
                             static_cast<std::uint32_t>(XR_VERSION_MINOR(version)),
                             static_cast<std::uint32_t>(XR_VERSION_PATCH(version)) & 0xFFFU);
}

}  // namespace praxis::xr
