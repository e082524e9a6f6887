#include "capture.h"

#include <cstdio>
#include <filesystem>
#include <string>

#include "swapchain_images.h"
#include "vulkan_device.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#pragma GCC diagnostic ignored "-Wcast-align"
#pragma GCC diagnostic ignored "-Wnull-dereference"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#include <stb_image_write.h>
#pragma GCC diagnostic pop

namespace praxis::xrsim {
namespace {

/// Byte order of a capturable format: RGBA or BGRA, 8 bits per channel; else not capturable.
enum class Order : std::uint8_t { Rgba, Bgra, Unsupported };

Order orderOf(VkFormat format) {
  switch (format) {
    case VK_FORMAT_R8G8B8A8_SRGB:
    case VK_FORMAT_R8G8B8A8_UNORM:
      return Order::Rgba;
    case VK_FORMAT_B8G8R8A8_SRGB:
    case VK_FORMAT_B8G8R8A8_UNORM:
      return Order::Bgra;
    default:
      return Order::Unsupported;
  }
}

/// Copies one layer's rectangle of `image` into host memory; the image stays in `layout`.
std::vector<std::uint8_t> readBack(const VulkanDevice& device, VkImage image, VkImageLayout layout,
                                   const XrSwapchainSubImage& sub) {
  auto width = static_cast<std::uint32_t>(sub.imageRect.extent.width);
  auto height = static_cast<std::uint32_t>(sub.imageRect.extent.height);
  VkDeviceSize size = VkDeviceSize{width} * height * 4;
  ReadbackBuffer buffer(device, size);
  if (!buffer.ok()) {
    return {};
  }
  VkImageSubresourceRange range{.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT,
                                .baseMipLevel = 0,
                                .levelCount = 1,
                                .baseArrayLayer = sub.imageArrayIndex,
                                .layerCount = 1};
  auto barrier = [&](VkImageLayout from, VkImageLayout to, VkAccessFlags src, VkAccessFlags dst) {
    return VkImageMemoryBarrier{.sType = VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER,
                                .pNext = nullptr,
                                .srcAccessMask = src,
                                .dstAccessMask = dst,
                                .oldLayout = from,
                                .newLayout = to,
                                .srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED,
                                .dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED,
                                .image = image,
                                .subresourceRange = range};
  };
  VkResult r = device.submitAndWait([&](VkCommandBuffer cmd) {
    // The application's rendering was submitted earlier on this queue: the barrier orders it.
    auto toSrc = barrier(layout, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_ACCESS_MEMORY_WRITE_BIT,
                         VK_ACCESS_TRANSFER_READ_BIT);
    device.cmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 0,
                              nullptr, 0, nullptr, 1, &toSrc);
    VkBufferImageCopy region{.bufferOffset = 0,
                             .bufferRowLength = 0,
                             .bufferImageHeight = 0,
                             .imageSubresource = VkImageSubresourceLayers{.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT,
                                                                          .mipLevel = 0,
                                                                          .baseArrayLayer = sub.imageArrayIndex,
                                                                          .layerCount = 1},
                             .imageOffset = VkOffset3D{.x = sub.imageRect.offset.x, .y = sub.imageRect.offset.y, .z = 0},
                             .imageExtent = VkExtent3D{.width = width, .height = height, .depth = 1}};
    device.cmdCopyImageToBuffer(cmd, image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, buffer.buffer(), 1, &region);
    auto back = barrier(VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, layout, VK_ACCESS_TRANSFER_READ_BIT,
                        VK_ACCESS_MEMORY_READ_BIT | VK_ACCESS_MEMORY_WRITE_BIT);
    device.cmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, 0, 0,
                              nullptr, 0, nullptr, 1, &back);
  });
  return r == VK_SUCCESS ? buffer.read(size) : std::vector<std::uint8_t>{};
}

std::string capturePath(const std::string& dir, std::uint64_t frame, std::uint32_t eye) {
  char name[64];
  std::snprintf(name, sizeof(name), "frame-%05llu-eye-%u.png", static_cast<unsigned long long>(frame), eye);
  return (std::filesystem::path(dir) / name).string();
}

void captureView(Session& session, const XrCompositionLayerProjectionView& view, std::uint64_t frame,
                 std::uint32_t eye) {
  Swapchain* sc = Registry::get().find<Swapchain>(toRaw(view.subImage.swapchain));
  Instance& instance = session.instance;
  if (sc == nullptr) {
    return;  // xrEndFrame checked every swapchain before this runs
  }
  auto format = static_cast<VkFormat>(sc->info.format);
  Order order = orderOf(format);
  if (order == Order::Unsupported || sc->info.sampleCount != 1 ||
      (sc->images->usage() & VK_IMAGE_USAGE_TRANSFER_SRC_BIT) == 0 || !sc->lastReleased) {
    report(instance, "capture: swapchain format " + std::to_string(sc->info.format) +
               " is not an 8-bit RGBA/BGRA single-sample image; eye image not written");
    return;
  }
  std::vector<std::uint8_t> pixels =
      readBack(*session.vulkan, sc->images->image(*sc->lastReleased), sc->images->layout(), view.subImage);
  if (pixels.empty()) {
    report(instance, "capture: reading the eye image back failed");
    return;
  }
  if (order == Order::Bgra) {
    for (std::size_t i = 0; i + 3 < pixels.size(); i += 4) {
      std::swap(pixels[i], pixels[i + 2]);
    }
  }
  std::string path = capturePath(instance.config.captureDir, frame, eye);
  int width = view.subImage.imageRect.extent.width;
  int height = view.subImage.imageRect.extent.height;
  if (stbi_write_png(path.c_str(), width, height, 4, pixels.data(), width * 4) == 0) {
    report(instance, "capture: cannot write " + path);
  }
}

}  // namespace

void captureProjection(Session& session, const XrFrameEndInfo& info, std::uint64_t frame) {
  for (std::uint32_t i = 0; i < info.layerCount; ++i) {
    if (info.layers[i]->type != XR_TYPE_COMPOSITION_LAYER_PROJECTION) {
      continue;
    }
    const auto& layer = *reinterpret_cast<const XrCompositionLayerProjection*>(info.layers[i]);  // NOLINT
    std::error_code ec;
    std::filesystem::create_directories(session.instance.config.captureDir, ec);
    for (std::uint32_t eye = 0; eye < layer.viewCount; ++eye) {
      captureView(session, layer.views[eye], frame, eye);
    }
    return;
  }
}

}  // namespace praxis::xrsim
