#include "swapchain_images.h"

#include <array>

namespace praxis::xrsim {
namespace {

constexpr std::array kColorFormats{VK_FORMAT_R8G8B8A8_SRGB, VK_FORMAT_B8G8R8A8_SRGB, VK_FORMAT_R8G8B8A8_UNORM,
                                   VK_FORMAT_B8G8R8A8_UNORM, VK_FORMAT_R16G16B16A16_SFLOAT};
constexpr std::array kDepthFormats{VK_FORMAT_D32_SFLOAT, VK_FORMAT_D16_UNORM, VK_FORMAT_D24_UNORM_S8_UINT,
                                   VK_FORMAT_D32_SFLOAT_S8_UINT};

bool hasStencil(VkFormat format) {
  return format == VK_FORMAT_D24_UNORM_S8_UINT || format == VK_FORMAT_D32_SFLOAT_S8_UINT;
}

VkImageUsageFlags vulkanUsage(XrSwapchainUsageFlags usage) {
  VkImageUsageFlags out = 0;
  if ((usage & XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT) != 0) {
    out |= VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
  }
  if ((usage & XR_SWAPCHAIN_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT) != 0) {
    out |= VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT;
  }
  if ((usage & XR_SWAPCHAIN_USAGE_UNORDERED_ACCESS_BIT) != 0) {
    out |= VK_IMAGE_USAGE_STORAGE_BIT;
  }
  if ((usage & XR_SWAPCHAIN_USAGE_TRANSFER_SRC_BIT) != 0) {
    out |= VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
  }
  if ((usage & XR_SWAPCHAIN_USAGE_TRANSFER_DST_BIT) != 0) {
    out |= VK_IMAGE_USAGE_TRANSFER_DST_BIT;
  }
  if ((usage & XR_SWAPCHAIN_USAGE_SAMPLED_BIT) != 0) {
    out |= VK_IMAGE_USAGE_SAMPLED_BIT;
  }
  return out;
}

VkImageAspectFlags aspectOf(VkFormat format) {
  if (!isDepthFormat(format)) {
    return VK_IMAGE_ASPECT_COLOR_BIT;
  }
  return hasStencil(format) ? VK_IMAGE_ASPECT_DEPTH_BIT | VK_IMAGE_ASPECT_STENCIL_BIT : VK_IMAGE_ASPECT_DEPTH_BIT;
}

}  // namespace

bool isDepthFormat(VkFormat format) {
  for (VkFormat f : kDepthFormats) {
    if (f == format) {
      return true;
    }
  }
  return false;
}

std::vector<VkFormat> swapchainFormats(const VulkanDevice& device) {
  std::vector<VkFormat> out;
  for (VkFormat f : kColorFormats) {
    if (device.supports(f, VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT, VK_SAMPLE_COUNT_1_BIT,
                        2, 1, 1, 1)) {
      out.push_back(f);
    }
  }
  for (VkFormat f : kDepthFormats) {
    if (device.supports(f, VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT,
                        VK_SAMPLE_COUNT_1_BIT, 2, 1, 1, 1)) {
      out.push_back(f);
    }
  }
  return out;
}

namespace {

VkImageCreateInfo imageInfo(const XrSwapchainCreateInfo& info, VkImageUsageFlags usage) {
  VkImageCreateFlags flags = 0;
  if ((info.usageFlags & XR_SWAPCHAIN_USAGE_MUTABLE_FORMAT_BIT) != 0) {
    flags |= VK_IMAGE_CREATE_MUTABLE_FORMAT_BIT;
  }
  if (info.faceCount == 6) {
    flags |= VK_IMAGE_CREATE_CUBE_COMPATIBLE_BIT;  // a cube map: six layers per array element
  }
  return VkImageCreateInfo{.sType = VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO,
                           .pNext = nullptr,
                           .flags = flags,
                           .imageType = VK_IMAGE_TYPE_2D,
                           .format = static_cast<VkFormat>(info.format),
                           .extent = VkExtent3D{.width = info.width, .height = info.height, .depth = 1},
                           .mipLevels = info.mipCount,
                           .arrayLayers = info.arraySize * info.faceCount,
                           .samples = static_cast<VkSampleCountFlagBits>(info.sampleCount),
                           .tiling = VK_IMAGE_TILING_OPTIMAL,
                           .usage = usage,
                           .sharingMode = VK_SHARING_MODE_EXCLUSIVE,
                           .queueFamilyIndexCount = 0,
                           .pQueueFamilyIndices = nullptr,
                           .initialLayout = VK_IMAGE_LAYOUT_UNDEFINED};
}

}  // namespace

SwapchainImages::SwapchainImages(const VulkanDevice& device, const XrSwapchainCreateInfo& info, std::uint32_t count) {
  auto format = static_cast<VkFormat>(info.format);
  auto samples = static_cast<VkSampleCountFlagBits>(info.sampleCount);
  format_ = format;
  usage_ = vulkanUsage(info.usageFlags);
  // Eye-image capture copies from color images: ask for that where the format allows it.
  if (!isDepthFormat(format) && device.supports(format, usage_ | VK_IMAGE_USAGE_TRANSFER_SRC_BIT, samples,
                                                info.arraySize * info.faceCount, info.mipCount, info.width, info.height)) {
    usage_ |= VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
  }
  if (usage_ == 0 ||
      !device.supports(format, usage_, samples, info.arraySize * info.faceCount, info.mipCount, info.width, info.height)) {
    result_ = XR_ERROR_FEATURE_UNSUPPORTED;
    return;
  }
  VkImageCreateInfo create = imageInfo(info, usage_);
  for (std::uint32_t i = 0; i < count; ++i) {
    images_.push_back(std::make_unique<DeviceImage>(device, create));
    if (images_.back()->result() != VK_SUCCESS) {
      result_ = images_.back()->result() == VK_ERROR_OUT_OF_HOST_MEMORY ? XR_ERROR_OUT_OF_MEMORY
                                                                          : XR_ERROR_RUNTIME_FAILURE;
      return;
    }
  }
  if ((usage_ & VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT) != 0) {
    layout_ = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
  } else if ((usage_ & VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT) != 0) {
    layout_ = VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL;
  }
}

XrResult SwapchainImages::prepare(const VulkanDevice& device) {
  if (prepared_) {
    return XR_SUCCESS;
  }
  if (device.submitAndWait([&](VkCommandBuffer cmd) { recordInitialLayout(device, cmd, format_); }) != VK_SUCCESS) {
    return XR_ERROR_RUNTIME_FAILURE;
  }
  prepared_ = true;
  return XR_SUCCESS;
}

void SwapchainImages::recordInitialLayout(const VulkanDevice& device, VkCommandBuffer cmd, VkFormat format) const {
  // The application finds every image in the layout the Vulkan binding promises.
  std::vector<VkImageMemoryBarrier> barriers;
  for (const auto& image : images_) {
    barriers.push_back(VkImageMemoryBarrier{
        .sType = VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER,
        .pNext = nullptr,
        .srcAccessMask = 0,
        .dstAccessMask = VK_ACCESS_MEMORY_READ_BIT | VK_ACCESS_MEMORY_WRITE_BIT,
        .oldLayout = VK_IMAGE_LAYOUT_UNDEFINED,
        .newLayout = layout_,
        .srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED,
        .dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED,
        .image = image->image(),
        .subresourceRange = VkImageSubresourceRange{.aspectMask = aspectOf(format),
                                                    .baseMipLevel = 0,
                                                    .levelCount = VK_REMAINING_MIP_LEVELS,
                                                    .baseArrayLayer = 0,
                                                    .layerCount = VK_REMAINING_ARRAY_LAYERS}});
  }
  device.cmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, 0, 0, nullptr,
                            0, nullptr, static_cast<std::uint32_t>(barriers.size()), barriers.data());
}

}  // namespace praxis::xrsim
