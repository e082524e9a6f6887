#include "vulkan_device.h"

#include <cstring>

namespace praxis::xrsim {
namespace {

template <typename F>
void load(PFN_vkGetDeviceProcAddr gdpa, VkDevice device, const char* name, F& out, bool& ok) {
  out = reinterpret_cast<F>(gdpa(device, name));  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
  ok = ok && out != nullptr;
}

}  // namespace

VulkanDevice::VulkanDevice(const VulkanBinding& binding) : binding_(binding) {
  auto gipa = binding.getInstanceProcAddr;
  auto gdpa = reinterpret_cast<PFN_vkGetDeviceProcAddr>(gipa(binding.instance, "vkGetDeviceProcAddr"));  // NOLINT
  auto memoryProperties = reinterpret_cast<PFN_vkGetPhysicalDeviceMemoryProperties>(  // NOLINT
      gipa(binding.instance, "vkGetPhysicalDeviceMemoryProperties"));
  getImageFormatProperties_ = reinterpret_cast<PFN_vkGetPhysicalDeviceImageFormatProperties>(  // NOLINT
      gipa(binding.instance, "vkGetPhysicalDeviceImageFormatProperties"));
  if (gdpa == nullptr || memoryProperties == nullptr || getImageFormatProperties_ == nullptr) {
    return;
  }
  memoryProperties(binding.physicalDevice, &memory_);
  bool all = true;
  VkDevice d = binding.device;
  load(gdpa, d, "vkCreateImage", createImage, all);
  load(gdpa, d, "vkDestroyImage", destroyImage, all);
  load(gdpa, d, "vkGetImageMemoryRequirements", getImageMemoryRequirements, all);
  load(gdpa, d, "vkAllocateMemory", allocateMemory, all);
  load(gdpa, d, "vkFreeMemory", freeMemory, all);
  load(gdpa, d, "vkBindImageMemory", bindImageMemory, all);
  load(gdpa, d, "vkCreateBuffer", createBuffer, all);
  load(gdpa, d, "vkDestroyBuffer", destroyBuffer, all);
  load(gdpa, d, "vkGetBufferMemoryRequirements", getBufferMemoryRequirements, all);
  load(gdpa, d, "vkBindBufferMemory", bindBufferMemory, all);
  load(gdpa, d, "vkMapMemory", mapMemory, all);
  load(gdpa, d, "vkUnmapMemory", unmapMemory, all);
  load(gdpa, d, "vkInvalidateMappedMemoryRanges", invalidateMappedMemoryRanges, all);
  load(gdpa, d, "vkCmdPipelineBarrier", cmdPipelineBarrier, all);
  load(gdpa, d, "vkCmdCopyImageToBuffer", cmdCopyImageToBuffer, all);
  load(gdpa, d, "vkDestroyCommandPool", destroyCommandPool_, all);
  load(gdpa, d, "vkAllocateCommandBuffers", allocateCommandBuffers_, all);
  load(gdpa, d, "vkFreeCommandBuffers", freeCommandBuffers_, all);
  load(gdpa, d, "vkBeginCommandBuffer", beginCommandBuffer_, all);
  load(gdpa, d, "vkEndCommandBuffer", endCommandBuffer_, all);
  load(gdpa, d, "vkQueueSubmit", queueSubmit_, all);
  load(gdpa, d, "vkCreateFence", createFence_, all);
  load(gdpa, d, "vkDestroyFence", destroyFence_, all);
  load(gdpa, d, "vkWaitForFences", waitForFences_, all);
  PFN_vkGetDeviceQueue getQueue = nullptr;
  PFN_vkCreateCommandPool createPool = nullptr;
  load(gdpa, d, "vkGetDeviceQueue", getQueue, all);
  load(gdpa, d, "vkCreateCommandPool", createPool, all);
  if (!all) {
    return;
  }
  getQueue(d, binding.queueFamilyIndex, binding.queueIndex, &queue_);
  VkCommandPoolCreateInfo poolInfo{.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO,
                                   .pNext = nullptr,
                                   .flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT,
                                   .queueFamilyIndex = binding.queueFamilyIndex};
  ok_ = queue_ != VK_NULL_HANDLE && createPool(d, &poolInfo, nullptr, &pool_) == VK_SUCCESS;
}

VulkanDevice::~VulkanDevice() {
  if (pool_ != VK_NULL_HANDLE) {
    destroyCommandPool_(binding_.device, pool_, nullptr);
  }
}

bool VulkanDevice::supports(VkFormat format, VkImageUsageFlags usage, VkSampleCountFlagBits samples,
                            std::uint32_t arrayLayers, std::uint32_t mipLevels, std::uint32_t width,
                            std::uint32_t height) const {
  VkImageFormatProperties props{};
  if (getImageFormatProperties_(binding_.physicalDevice, format, VK_IMAGE_TYPE_2D, VK_IMAGE_TILING_OPTIMAL, usage, 0,
                                &props) != VK_SUCCESS) {
    return false;
  }
  return (props.sampleCounts & samples) != 0 && arrayLayers <= props.maxArrayLayers &&
         mipLevels <= props.maxMipLevels && width <= props.maxExtent.width && height <= props.maxExtent.height;
}

std::optional<std::uint32_t> VulkanDevice::memoryType(std::uint32_t typeBits, VkMemoryPropertyFlags wanted) const {
  for (std::uint32_t i = 0; i < memory_.memoryTypeCount; ++i) {
    if ((typeBits & (1U << i)) != 0 && (memory_.memoryTypes[i].propertyFlags & wanted) == wanted) {
      return i;
    }
  }
  return std::nullopt;
}

VkResult VulkanDevice::submitAndWait(const std::function<void(VkCommandBuffer)>& record) const {
  VkDevice d = binding_.device;
  VkCommandBufferAllocateInfo allocInfo{.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO,
                                        .pNext = nullptr,
                                        .commandPool = pool_,
                                        .level = VK_COMMAND_BUFFER_LEVEL_PRIMARY,
                                        .commandBufferCount = 1};
  VkCommandBuffer cmd = VK_NULL_HANDLE;
  if (VkResult r = allocateCommandBuffers_(d, &allocInfo, &cmd); r != VK_SUCCESS) {
    return r;
  }
  VkCommandBufferBeginInfo begin{.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO,
                                 .pNext = nullptr,
                                 .flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT,
                                 .pInheritanceInfo = nullptr};
  beginCommandBuffer_(cmd, &begin);
  record(cmd);
  endCommandBuffer_(cmd);
  VkFenceCreateInfo fenceInfo{.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO, .pNext = nullptr, .flags = 0};
  VkFence fence = VK_NULL_HANDLE;
  VkResult r = createFence_(d, &fenceInfo, nullptr, &fence);
  if (r == VK_SUCCESS) {
    VkSubmitInfo submit{.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO,
                        .pNext = nullptr,
                        .waitSemaphoreCount = 0,
                        .pWaitSemaphores = nullptr,
                        .pWaitDstStageMask = nullptr,
                        .commandBufferCount = 1,
                        .pCommandBuffers = &cmd,
                        .signalSemaphoreCount = 0,
                        .pSignalSemaphores = nullptr};
    r = queueSubmit_(queue_, 1, &submit, fence);
    if (r == VK_SUCCESS) {
      r = waitForFences_(d, 1, &fence, VK_TRUE, UINT64_MAX);
    }
    destroyFence_(d, fence, nullptr);
  }
  freeCommandBuffers_(d, pool_, 1, &cmd);
  return r;
}

DeviceImage::DeviceImage(const VulkanDevice& device, const VkImageCreateInfo& info) : device_(device) {
  VkDevice d = device.device();
  result_ = device.createImage(d, &info, nullptr, &image_);
  if (result_ != VK_SUCCESS) {
    image_ = VK_NULL_HANDLE;
    return;
  }
  VkMemoryRequirements req{};
  device.getImageMemoryRequirements(d, image_, &req);
  auto type = device.memoryType(req.memoryTypeBits, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
  if (!type) {
    type = device.memoryType(req.memoryTypeBits, 0);
  }
  VkMemoryAllocateInfo alloc{.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO,
                             .pNext = nullptr,
                             .allocationSize = req.size,
                             .memoryTypeIndex = type.value_or(0)};
  result_ = device.allocateMemory(d, &alloc, nullptr, &memory_);
  if (result_ == VK_SUCCESS) {
    result_ = device.bindImageMemory(d, image_, memory_, 0);
  }
}

DeviceImage::~DeviceImage() {
  if (image_ != VK_NULL_HANDLE) {
    device_.destroyImage(device_.device(), image_, nullptr);
  }
  if (memory_ != VK_NULL_HANDLE) {
    device_.freeMemory(device_.device(), memory_, nullptr);
  }
}

ReadbackBuffer::ReadbackBuffer(const VulkanDevice& device, VkDeviceSize size) : device_(device) {
  VkDevice d = device.device();
  VkBufferCreateInfo info{.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO,
                          .pNext = nullptr,
                          .flags = 0,
                          .size = size,
                          .usage = VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                          .sharingMode = VK_SHARING_MODE_EXCLUSIVE,
                          .queueFamilyIndexCount = 0,
                          .pQueueFamilyIndices = nullptr};
  if (device.createBuffer(d, &info, nullptr, &buffer_) != VK_SUCCESS) {
    buffer_ = VK_NULL_HANDLE;
    return;
  }
  VkMemoryRequirements req{};
  device.getBufferMemoryRequirements(d, buffer_, &req);
  auto type = device.memoryType(req.memoryTypeBits, VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT);
  if (!type) {
    return;
  }
  VkMemoryAllocateInfo alloc{.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO,
                             .pNext = nullptr,
                             .allocationSize = req.size,
                             .memoryTypeIndex = *type};
  if (device.allocateMemory(d, &alloc, nullptr, &memory_) != VK_SUCCESS ||
      device.bindBufferMemory(d, buffer_, memory_, 0) != VK_SUCCESS) {
    if (memory_ != VK_NULL_HANDLE) {
      device.freeMemory(d, memory_, nullptr);
    }
    memory_ = VK_NULL_HANDLE;
  }
}

ReadbackBuffer::~ReadbackBuffer() {
  if (buffer_ != VK_NULL_HANDLE) {
    device_.destroyBuffer(device_.device(), buffer_, nullptr);
  }
  if (memory_ != VK_NULL_HANDLE) {
    device_.freeMemory(device_.device(), memory_, nullptr);
  }
}

std::vector<std::uint8_t> ReadbackBuffer::read(VkDeviceSize size) const {
  std::vector<std::uint8_t> bytes(size);
  void* mapped = nullptr;
  if (device_.mapMemory(device_.device(), memory_, 0, VK_WHOLE_SIZE, 0, &mapped) != VK_SUCCESS) {
    return {};
  }
  VkMappedMemoryRange range{.sType = VK_STRUCTURE_TYPE_MAPPED_MEMORY_RANGE,
                            .pNext = nullptr,
                            .memory = memory_,
                            .offset = 0,
                            .size = VK_WHOLE_SIZE};
  device_.invalidateMappedMemoryRanges(device_.device(), 1, &range);
  std::memcpy(bytes.data(), mapped, size);
  device_.unmapMemory(device_.device(), memory_);
  return bytes;
}

}  // namespace praxis::xrsim
