// The application's VkDevice as the runtime uses it: its functions, a command pool on the
// session's queue family, and one-shot submissions (layout changes, eye-image read-back).
//
// Why not vk::raii here: the VkInstance and VkDevice belong to the application, and the runtime
// must neither destroy them nor outlive them; RAII wrappers below own only what the runtime
// creates on them (pool, images, memory, buffers).
#pragma once

#include <vulkan/vulkan.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace praxis::xrsim {

struct VulkanBinding {
  VkInstance instance = VK_NULL_HANDLE;
  VkPhysicalDevice physicalDevice = VK_NULL_HANDLE;
  VkDevice device = VK_NULL_HANDLE;
  std::uint32_t queueFamilyIndex = 0;
  std::uint32_t queueIndex = 0;
  PFN_vkGetInstanceProcAddr getInstanceProcAddr = nullptr;
};

class VulkanDevice {
 public:
  explicit VulkanDevice(const VulkanBinding& binding);
  ~VulkanDevice();
  VulkanDevice(const VulkanDevice&) = delete;
  VulkanDevice& operator=(const VulkanDevice&) = delete;

  /// false when a function the runtime needs is missing or the pool could not be made.
  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] VkDevice device() const { return binding_.device; }
  [[nodiscard]] VkPhysicalDevice physicalDevice() const { return binding_.physicalDevice; }

  /// Whether `format` can be an image with `usage` (and `flags`, samples, layers) on this device.
  [[nodiscard]] bool supports(VkFormat format, VkImageUsageFlags usage, VkSampleCountFlagBits samples,
                              std::uint32_t arrayLayers, std::uint32_t mipLevels, std::uint32_t width,
                              std::uint32_t height) const;
  [[nodiscard]] std::optional<std::uint32_t> memoryType(std::uint32_t typeBits, VkMemoryPropertyFlags wanted) const;

  /// Records into a fresh command buffer, submits it on the session's queue, waits for it.
  VkResult submitAndWait(const std::function<void(VkCommandBuffer)>& record) const;

  // The device functions the runtime calls (loaded through vkGetDeviceProcAddr).
  PFN_vkCreateImage createImage = nullptr;
  PFN_vkDestroyImage destroyImage = nullptr;
  PFN_vkGetImageMemoryRequirements getImageMemoryRequirements = nullptr;
  PFN_vkAllocateMemory allocateMemory = nullptr;
  PFN_vkFreeMemory freeMemory = nullptr;
  PFN_vkBindImageMemory bindImageMemory = nullptr;
  PFN_vkCreateBuffer createBuffer = nullptr;
  PFN_vkDestroyBuffer destroyBuffer = nullptr;
  PFN_vkGetBufferMemoryRequirements getBufferMemoryRequirements = nullptr;
  PFN_vkBindBufferMemory bindBufferMemory = nullptr;
  PFN_vkMapMemory mapMemory = nullptr;
  PFN_vkUnmapMemory unmapMemory = nullptr;
  PFN_vkInvalidateMappedMemoryRanges invalidateMappedMemoryRanges = nullptr;
  PFN_vkCmdPipelineBarrier cmdPipelineBarrier = nullptr;
  PFN_vkCmdCopyImageToBuffer cmdCopyImageToBuffer = nullptr;

 private:
  VulkanBinding binding_;
  bool ok_ = false;
  VkQueue queue_ = VK_NULL_HANDLE;
  VkCommandPool pool_ = VK_NULL_HANDLE;
  VkPhysicalDeviceMemoryProperties memory_{};
  PFN_vkGetPhysicalDeviceImageFormatProperties getImageFormatProperties_ = nullptr;
  PFN_vkDestroyCommandPool destroyCommandPool_ = nullptr;
  PFN_vkAllocateCommandBuffers allocateCommandBuffers_ = nullptr;
  PFN_vkFreeCommandBuffers freeCommandBuffers_ = nullptr;
  PFN_vkBeginCommandBuffer beginCommandBuffer_ = nullptr;
  PFN_vkEndCommandBuffer endCommandBuffer_ = nullptr;
  PFN_vkQueueSubmit queueSubmit_ = nullptr;
  PFN_vkCreateFence createFence_ = nullptr;
  PFN_vkDestroyFence destroyFence_ = nullptr;
  PFN_vkWaitForFences waitForFences_ = nullptr;
};

/// One image with its memory on the application's device, freed with it.
class DeviceImage {
 public:
  DeviceImage(const VulkanDevice& device, const VkImageCreateInfo& info);
  ~DeviceImage();
  DeviceImage(const DeviceImage&) = delete;
  DeviceImage& operator=(const DeviceImage&) = delete;
  [[nodiscard]] VkImage image() const { return image_; }
  [[nodiscard]] VkResult result() const { return result_; }

 private:
  const VulkanDevice& device_;
  VkImage image_ = VK_NULL_HANDLE;
  VkDeviceMemory memory_ = VK_NULL_HANDLE;
  VkResult result_ = VK_SUCCESS;
};

/// A host-visible buffer for reading an image back.
class ReadbackBuffer {
 public:
  ReadbackBuffer(const VulkanDevice& device, VkDeviceSize size);
  ~ReadbackBuffer();
  ReadbackBuffer(const ReadbackBuffer&) = delete;
  ReadbackBuffer& operator=(const ReadbackBuffer&) = delete;
  [[nodiscard]] VkBuffer buffer() const { return buffer_; }
  [[nodiscard]] bool ok() const { return buffer_ != VK_NULL_HANDLE && memory_ != VK_NULL_HANDLE; }
  /// The buffer's bytes, after the copy into it finished.
  std::vector<std::uint8_t> read(VkDeviceSize size) const;

 private:
  const VulkanDevice& device_;
  VkBuffer buffer_ = VK_NULL_HANDLE;
  VkDeviceMemory memory_ = VK_NULL_HANDLE;
};

}  // namespace praxis::xrsim
