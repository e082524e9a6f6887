// What Praxis picks from what an OpenXR runtime offers: the Vulkan enable extension, the view
// configuration, the reference space, the environment blend mode, swapchain formats and the
// swapchain layout. Pure functions over enumerated lists, so every rule is unit-tested without
// a runtime; the session code only enumerates and calls them.
#pragma once

#include <openxr/openxr.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/math.h"
#include "core/result.h"

namespace praxis::xr {

/// XR_KHR_vulkan_enable2 (the runtime creates instance and device), else XR_KHR_vulkan_enable
/// (Praxis creates them with the extensions the runtime names).
enum class VulkanEnable { Enable2, Enable1 };

[[nodiscard]] core::Result<VulkanEnable> chooseVulkanEnable(std::span<const std::string> extensions);

/// Stereo for a headset; a handheld AR device offers only PRIMARY_MONO.
[[nodiscard]] core::Result<XrViewConfigurationType> chooseViewConfiguration(
    std::span<const XrViewConfigurationType> offered);

/// STAGE (floor at y = 0, the play area's centre) when offered, else LOCAL (origin at the head
/// when the session started, no floor: the comfort layer raises it, see comfort.h).
[[nodiscard]] XrReferenceSpaceType chooseReferenceSpace(std::span<const XrReferenceSpaceType> offered);

/// VR: OPAQUE. AR: ALPHA_BLEND, else ADDITIVE (the scenario's objects over the real world).
/// `forced` (--blend, PRAXIS_XR_BLEND) wins when the runtime offers it, and is an error
/// naming what it offers when not. Without a forced mode, the runtime's first offer is taken
/// when it offers nothing Praxis prefers.
[[nodiscard]] core::Result<XrEnvironmentBlendMode> chooseBlendMode(
    std::span<const XrEnvironmentBlendMode> offered, bool augmented,
    std::optional<XrEnvironmentBlendMode> forced);

/// "opaque", "additive" or "alpha_blend" and back (options, logs).
[[nodiscard]] std::string_view toString(XrEnvironmentBlendMode mode);
[[nodiscard]] std::optional<XrEnvironmentBlendMode> parseBlendMode(std::string_view text);

/// The clear colour for a blend mode: the scene's own for OPAQUE; transparent black for AR,
/// so the real world shows wherever no object is drawn (black adds nothing in ADDITIVE, alpha
/// 0 shows the world in ALPHA_BLEND).
[[nodiscard]] glm::vec4 clearColourFor(XrEnvironmentBlendMode mode, const glm::vec4& sceneClear);

/// An sRGB 8-bit colour format (VkFormat values), else an 8-bit UNORM one (the renderer
/// encodes sRGB in the shader then).
[[nodiscard]] core::Result<std::int64_t> chooseColourFormat(std::span<const std::int64_t> offered);
/// Whether the runtime offers the renderer's depth format (render::kXrDepthFormat) for
/// XR_KHR_composition_layer_depth.
[[nodiscard]] bool offersDepthFormat(std::span<const std::int64_t> offered);

enum class SwapchainLayout { Array, PerView };
/// One array swapchain (multiview) when every view has the same recommended size, else one
/// swapchain per view; `forced` overrides.
[[nodiscard]] SwapchainLayout chooseSwapchainLayout(std::span<const XrViewConfigurationView> views,
                                                    std::optional<SwapchainLayout> forced);

/// OpenXR versions (XR_MAKE_VERSION: 16-bit major, 16-bit minor, 32-bit patch) as Vulkan's
/// VK_MAKE_API_VERSION, for render::ApiVersionRange.
[[nodiscard]] std::uint32_t vulkanVersion(XrVersion version);

}  // namespace praxis::xr
