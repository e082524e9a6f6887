// Buffers, images and one-shot submissions.
#include "render/gpu.h"

#include <cassert>
#include <cstring>

namespace praxis::render {

Buffer createBuffer(const VulkanContext& ctx, vk::DeviceSize size, vk::BufferUsageFlags usage,
                    bool hostVisible) {
  Buffer out;
  out.size = size;
  out.buffer = ctx.device.createBuffer(vk::BufferCreateInfo({}, size, usage));
  const auto req = out.buffer.getMemoryRequirements();
  const auto flags = hostVisible ? vk::MemoryPropertyFlagBits::eHostVisible |
                                       vk::MemoryPropertyFlagBits::eHostCoherent
                                 : vk::MemoryPropertyFlagBits::eDeviceLocal;
  out.memory = ctx.device.allocateMemory(
      vk::MemoryAllocateInfo(req.size, findMemoryType(ctx, req.memoryTypeBits, flags)));
  out.buffer.bindMemory(*out.memory, 0);
  if (hostVisible) out.mapped = out.memory.mapMemory(0, size);
  return out;
}

vk::raii::ImageView createArrayView(const VulkanContext& ctx, vk::Image image, vk::Format format,
                                    std::uint32_t layers, vk::ImageAspectFlags aspect) {
  return ctx.device.createImageView(vk::ImageViewCreateInfo(
      {}, image, layers > 1 ? vk::ImageViewType::e2DArray : vk::ImageViewType::e2D, format, {},
      vk::ImageSubresourceRange(aspect, 0, 1, 0, layers)));
}

GpuImage createImage(const VulkanContext& ctx, const ImageDesc& desc) {
  GpuImage out;
  out.format = desc.format;
  out.extent = desc.extent;
  out.layers = desc.layers;
  out.image = ctx.device.createImage(vk::ImageCreateInfo(
      {}, vk::ImageType::e2D, desc.format, vk::Extent3D(desc.extent, 1), 1, desc.layers,
      desc.samples, vk::ImageTiling::eOptimal, desc.usage, vk::SharingMode::eExclusive, {},
      vk::ImageLayout::eUndefined));
  const auto req = out.image.getMemoryRequirements();
  std::uint32_t type = 0;
  try {
    type = findMemoryType(ctx, req.memoryTypeBits,
                          desc.transient ? vk::MemoryPropertyFlagBits::eLazilyAllocated |
                                               vk::MemoryPropertyFlagBits::eDeviceLocal
                                         : vk::MemoryPropertyFlagBits::eDeviceLocal);
  } catch (const vk::SystemError&) {
    type = findMemoryType(ctx, req.memoryTypeBits, vk::MemoryPropertyFlagBits::eDeviceLocal);
  }
  out.memory = ctx.device.allocateMemory(vk::MemoryAllocateInfo(req.size, type));
  out.image.bindMemory(*out.memory, 0);
  out.view = createArrayView(ctx, *out.image, desc.format, desc.layers, desc.aspect);
  return out;
}

void submitOnce(const VulkanContext& ctx,
                const std::function<void(const vk::raii::CommandBuffer&)>& record) {
  // The pool outlives its command buffer (declared first, destroyed last).
  const vk::raii::CommandPool pool = ctx.device.createCommandPool(
      vk::CommandPoolCreateInfo(vk::CommandPoolCreateFlagBits::eTransient, ctx.queueFamily));
  vk::raii::CommandBuffers buffers(
      ctx.device, vk::CommandBufferAllocateInfo(*pool, vk::CommandBufferLevel::ePrimary, 1));
  const auto& cmd = buffers.front();
  cmd.begin(vk::CommandBufferBeginInfo(vk::CommandBufferUsageFlagBits::eOneTimeSubmit));
  record(cmd);
  cmd.end();
  const vk::raii::Fence fence = ctx.device.createFence({});
  const vk::CommandBufferSubmitInfo cmdInfo(*cmd);
  ctx.queue.submit2(vk::SubmitInfo2({}, {}, cmdInfo, {}), *fence);
  while (ctx.device.waitForFences(*fence, VK_TRUE, UINT64_MAX) == vk::Result::eTimeout) {
  }
}

Buffer uploadBuffer(const VulkanContext& ctx, std::span<const std::byte> bytes,
                    vk::BufferUsageFlags usage) {
  // Vulkan has no zero-size buffers, and an empty span's data() may be null (no memcpy then).
  assert(!bytes.empty() && "callers reject empty meshes before uploading");
  Buffer staging = createBuffer(ctx, bytes.size(), vk::BufferUsageFlagBits::eTransferSrc, true);
  std::memcpy(staging.mapped, bytes.data(), bytes.size());
  Buffer out = createBuffer(ctx, bytes.size(), usage | vk::BufferUsageFlagBits::eTransferDst,
                            false);
  submitOnce(ctx, [&](const vk::raii::CommandBuffer& cmd) {
    cmd.copyBuffer(*staging.buffer, *out.buffer, vk::BufferCopy(0, 0, bytes.size()));
  });
  return out;
}

GpuImage uploadTexture(const VulkanContext& ctx, std::uint32_t width, std::uint32_t height,
                       bool srgb, std::span<const std::uint8_t> rgba) {
  assert(!rgba.empty() && std::size_t{width} * height * 4 == rgba.size() &&
         "callers check the texture size");
  Buffer staging = createBuffer(ctx, rgba.size(), vk::BufferUsageFlagBits::eTransferSrc, true);
  std::memcpy(staging.mapped, rgba.data(), rgba.size());
  ImageDesc desc;
  desc.format = srgb ? vk::Format::eR8G8B8A8Srgb : vk::Format::eR8G8B8A8Unorm;
  desc.extent = vk::Extent2D(width, height);
  desc.usage = vk::ImageUsageFlagBits::eSampled | vk::ImageUsageFlagBits::eTransferDst;
  GpuImage out = createImage(ctx, desc);
  const auto color = vk::ImageAspectFlagBits::eColor;
  submitOnce(ctx, [&](const vk::raii::CommandBuffer& cmd) {
    transitionImage(cmd, *out.image, color, vk::ImageLayout::eUndefined,
                    vk::ImageLayout::eTransferDstOptimal, vk::PipelineStageFlagBits2::eNone, {},
                    vk::PipelineStageFlagBits2::eCopy, vk::AccessFlagBits2::eTransferWrite);
    const vk::BufferImageCopy region(0, 0, 0, vk::ImageSubresourceLayers(color, 0, 0, 1), {},
                                     vk::Extent3D(width, height, 1));
    cmd.copyBufferToImage(*staging.buffer, *out.image, vk::ImageLayout::eTransferDstOptimal,
                          region);
    transitionImage(cmd, *out.image, color, vk::ImageLayout::eTransferDstOptimal,
                    vk::ImageLayout::eShaderReadOnlyOptimal, vk::PipelineStageFlagBits2::eCopy,
                    vk::AccessFlagBits2::eTransferWrite,
                    vk::PipelineStageFlagBits2::eFragmentShader,
                    vk::AccessFlagBits2::eShaderSampledRead);
  });
  return out;
}

void transitionImage(const vk::raii::CommandBuffer& cmd, vk::Image image,
                     vk::ImageAspectFlags aspect, vk::ImageLayout from, vk::ImageLayout to,
                     vk::PipelineStageFlags2 srcStage, vk::AccessFlags2 srcAccess,
                     vk::PipelineStageFlags2 dstStage, vk::AccessFlags2 dstAccess) {
  const vk::ImageMemoryBarrier2 barrier(
      srcStage, srcAccess, dstStage, dstAccess, from, to, VK_QUEUE_FAMILY_IGNORED,
      VK_QUEUE_FAMILY_IGNORED, image,
      vk::ImageSubresourceRange(aspect, 0, VK_REMAINING_MIP_LEVELS, 0,
                                VK_REMAINING_ARRAY_LAYERS));
  cmd.pipelineBarrier2(vk::DependencyInfo({}, {}, {}, barrier));
}

}  // namespace praxis::render
