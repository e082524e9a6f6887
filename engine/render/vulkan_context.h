// Internal: the Vulkan instance, debug messenger, device and queue the renderer runs on,
// created through a VulkanCreator. Includes vulkan_raii.hpp; never include from public headers.
#pragma once

#include <vulkan/vulkan_raii.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "render/vulkan_creator.h"

namespace praxis::render {

struct ContextOptions {
  VulkanCreator* creator = nullptr;  // not owned; must not be null
  bool validation = false;
  std::function<void(std::string_view)> onMessage;
  std::vector<std::string> instanceExtensions;
  std::vector<std::string> deviceExtensions;
};

/// Member order is destruction order in reverse: the device goes before the messenger, so
/// the validation layer's leak report on vkDestroyDevice still reaches the callback, and the
/// instance goes last.
struct VulkanContext {
  vk::raii::Context context;
  std::unique_ptr<std::function<void(std::string_view)>> onMessage;  // messenger's user data
  vk::raii::Instance instance{nullptr};
  vk::raii::DebugUtilsMessengerEXT messenger{nullptr};
  vk::raii::PhysicalDevice physicalDevice{nullptr};
  vk::raii::Device device{nullptr};
  vk::raii::Queue queue{nullptr};
  std::uint32_t queueFamily = 0;
  /// The Vulkan version asked for (chooseApiVersion over the creator's range).
  std::uint32_t apiVersion = VK_API_VERSION_1_3;
  vk::PhysicalDeviceProperties properties;
  float timestampPeriodNs = 0.0F;  // 0: no timestamps on this queue
};

[[nodiscard]] core::Result<std::unique_ptr<VulkanContext>> createVulkanContext(
    const ContextOptions& options);

/// The memory type index for `typeBits` with `flags`; throws when there is none.
[[nodiscard]] std::uint32_t findMemoryType(const VulkanContext& ctx, std::uint32_t typeBits,
                                           vk::MemoryPropertyFlags flags);

}  // namespace praxis::render
