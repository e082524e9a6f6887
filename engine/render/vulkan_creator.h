// The Vulkan creation hook (DESIGN.md "Seams"): who creates the VkInstance and VkDevice and
// picks the GPU. Plain Vulkan by default; the xr module supplies one that goes through
// XR_KHR_vulkan_enable2, where the OpenXR runtime does all three.
#pragma once

#include <vulkan/vulkan_core.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace praxis::render {

/// The Vulkan API versions (VK_MAKE_API_VERSION encoding) a creator can work with. An OpenXR
/// creator fills it from xrGetVulkanGraphicsRequirements2KHR's min and max.
struct ApiVersionRange {
  std::uint32_t min = VK_API_VERSION_1_0;
  std::uint32_t max = VK_MAKE_API_VERSION(0, 1, 1023, 0);  // any 1.x
};

/// The Vulkan version the renderer asks for: 1.3 (dynamic rendering, synchronization2) or the
/// range's minimum when that is higher. Only major.minor are compared (a runtime's max names
/// the minor versions it was tested with; patches do not change the API). An error is one
/// sentence naming `pickedBy` and what to do.
[[nodiscard]] core::Result<std::uint32_t> chooseApiVersion(const ApiVersionRange& range,
                                                           std::string_view pickedBy);

/// What the renderer needs of a physical device, as read from it.
struct DeviceCapabilities {
  std::string name;
  std::uint32_t apiVersion = 0;
  bool graphicsQueue = false;
  bool multiview = false;
  bool dynamicRendering = false;
  bool synchronization2 = false;
};

/// Checks a device picked by a creator (plain or OpenXR) before vkCreateDevice: a missing
/// version, queue or feature becomes one actionable sentence naming the device and who picked
/// it, instead of a failure inside vkCreateDevice.
[[nodiscard]] core::Result<void> checkDevice(const DeviceCapabilities& device,
                                             std::uint32_t apiVersion, std::string_view pickedBy);

/// Creates the Vulkan objects that an OpenXR runtime would otherwise create. The renderer
/// takes ownership of every handle returned and destroys it (vkDestroyInstance/-Device), as
/// XR_KHR_vulkan_enable2 asks of the application.
class VulkanCreator {
 public:
  virtual ~VulkanCreator() = default;

  /// The Vulkan versions this creator's instance and device may use (default: any 1.x).
  [[nodiscard]] virtual ApiVersionRange apiVersions() const { return {}; }
  /// Who picks the device, for error messages ("the OpenXR runtime").
  [[nodiscard]] virtual std::string pickedBy() const { return "Praxis"; }

  /// Creates the instance. `info` holds what the renderer needs (API version, layers,
  /// extensions); a creator may add what it needs itself (an OpenXR runtime does).
  [[nodiscard]] virtual core::Result<VkInstance> createInstance(
      PFN_vkGetInstanceProcAddr getInstanceProcAddr, const VkInstanceCreateInfo& info) = 0;

  /// Picks the physical device to render on (OpenXR: the one the headset is attached to).
  [[nodiscard]] virtual core::Result<VkPhysicalDevice> pickPhysicalDevice(VkInstance instance) = 0;

  /// Creates the logical device on `physicalDevice` with at least what `info` asks for.
  [[nodiscard]] virtual core::Result<VkDevice> createDevice(VkPhysicalDevice physicalDevice,
                                                            const VkDeviceCreateInfo& info) = 0;
};

/// Which device the plain creator picks when several can render.
enum class DevicePreference {
  Gpu,  ///< discrete, then integrated, then virtual GPU, then a CPU device (lavapipe)
  Cpu,  ///< a CPU device (lavapipe) if there is one, so images match the committed goldens
};

/// The default hook: plain vkCreateInstance / vkCreateDevice; picks a Vulkan 1.3 device by
/// `preference`. `PRAXIS_VK_DEVICE=cpu|gpu` in the environment overrides the preference.
[[nodiscard]] std::unique_ptr<VulkanCreator> makePlainVulkanCreator(
    DevicePreference preference = DevicePreference::Gpu);

}  // namespace praxis::render
