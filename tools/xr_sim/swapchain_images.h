// The VkImages behind one XrSwapchain, made on the application's device, and what the runtime
// knows about swapchain formats (which are color, which depth, which it can capture).
#pragma once

#include <openxr/openxr.h>
#include <vulkan/vulkan.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "vulkan_device.h"

namespace praxis::xrsim {

/// The formats offered, most preferred first, that `device` supports for swapchain use.
std::vector<VkFormat> swapchainFormats(const VulkanDevice& device);
bool isDepthFormat(VkFormat format);

class SwapchainImages {
 public:
  /// Creates `count` images as `info` asks; result() says whether it worked.
  SwapchainImages(const VulkanDevice& device, const XrSwapchainCreateInfo& info, std::uint32_t count);
  [[nodiscard]] XrResult result() const { return result_; }
  [[nodiscard]] VkImage image(std::uint32_t index) const { return images_[index]->image(); }
  [[nodiscard]] std::uint32_t count() const { return static_cast<std::uint32_t>(images_.size()); }
  /// The layout the application finds (and leaves) the images in (XR_KHR_vulkan_enable).
  [[nodiscard]] VkImageLayout layout() const { return layout_; }
  [[nodiscard]] VkImageUsageFlags usage() const { return usage_; }
  /// Moves the new images into layout() on the session's queue, once. Called from
  /// xrAcquireSwapchainImage: XR_KHR_vulkan_enable lets the runtime use the application's
  /// queue only in xrBeginFrame, xrEndFrame, xrAcquireSwapchainImage and xrReleaseSwapchainImage.
  XrResult prepare(const VulkanDevice& device);

 private:
  void recordInitialLayout(const VulkanDevice& device, VkCommandBuffer cmd, VkFormat format) const;

  std::vector<std::unique_ptr<DeviceImage>> images_;
  XrResult result_ = XR_SUCCESS;
  VkImageLayout layout_ = VK_IMAGE_LAYOUT_GENERAL;
  VkImageUsageFlags usage_ = 0;
  VkFormat format_ = VK_FORMAT_UNDEFINED;
  bool prepared_ = false;
};

}  // namespace praxis::xrsim
