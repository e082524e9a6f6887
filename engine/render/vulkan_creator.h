// The Vulkan creation hook (DESIGN.md "Seams"): who creates the VkInstance and VkDevice and
// picks the GPU. Plain Vulkan by default; the xr module supplies one that goes through
// XR_KHR_vulkan_enable2, where the OpenXR runtime does all three.
#pragma once

#include <vulkan/vulkan_core.h>

#include <memory>

#include "core/result.h"

namespace praxis::render {

/// Creates the Vulkan objects that an OpenXR runtime would otherwise create. The renderer
/// takes ownership of every handle returned and destroys it (vkDestroyInstance/-Device), as
/// XR_KHR_vulkan_enable2 asks of the application.
class VulkanCreator {
 public:
  virtual ~VulkanCreator() = default;

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
