// The OpenXR side of the renderer's creation hook (render/vulkan_creator.h): with
// XR_KHR_vulkan_enable2 the runtime creates the VkInstance and VkDevice and picks the GPU the
// headset is on; with XR_KHR_vulkan_enable Praxis creates them with the extensions the runtime
// names. Either way the Vulkan version comes from the runtime's graphics requirements.
#pragma once

#include <memory>

#include "core/result.h"
#include "render/vulkan_creator.h"
#include "xr/instance.h"

namespace praxis::xr {

/// Calls xrGetVulkanGraphicsRequirements(2)KHR (which OpenXR requires before a session) and
/// returns the creator. `instance` must outlive it.
[[nodiscard]] core::Result<std::shared_ptr<render::VulkanCreator>> makeVulkanCreator(
    const Instance& instance);

}  // namespace praxis::xr
