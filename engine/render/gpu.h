// Internal: buffers, images and one-shot command submission on a VulkanContext.
#pragma once

#include <vulkan/vulkan_raii.hpp>

#include <cstdint>
#include <functional>
#include <span>

#include "render/vulkan_context.h"

namespace praxis::render {

/// The memory is declared first so it is freed after the buffer that is bound to it.
struct Buffer {
  vk::raii::DeviceMemory memory{nullptr};
  vk::raii::Buffer buffer{nullptr};
  void* mapped = nullptr;  // host-visible buffers stay mapped for their lifetime
  vk::DeviceSize size = 0;
};

/// Memory first, then the image, then its view: destroyed view, image, memory.
struct GpuImage {
  vk::raii::DeviceMemory memory{nullptr};
  vk::raii::Image image{nullptr};
  vk::raii::ImageView view{nullptr};
  vk::Format format = vk::Format::eUndefined;
  vk::Extent2D extent;
  std::uint32_t layers = 1;
};

struct ImageDesc {
  vk::Format format = vk::Format::eR8G8B8A8Srgb;
  vk::Extent2D extent;
  std::uint32_t layers = 1;
  vk::SampleCountFlagBits samples = vk::SampleCountFlagBits::e1;
  vk::ImageUsageFlags usage;
  vk::ImageAspectFlags aspect = vk::ImageAspectFlagBits::eColor;
  /// Attachments that only live during a render pass: lazily allocated where supported.
  bool transient = false;
};

[[nodiscard]] Buffer createBuffer(const VulkanContext& ctx, vk::DeviceSize size,
                                  vk::BufferUsageFlags usage, bool hostVisible);
[[nodiscard]] GpuImage createImage(const VulkanContext& ctx, const ImageDesc& desc);
/// A view of `layers` layers: a 2D array (what multiview renders into), or 2D for one layer.
[[nodiscard]] vk::raii::ImageView createArrayView(const VulkanContext& ctx, vk::Image image,
                                                  vk::Format format, std::uint32_t layers,
                                                  vk::ImageAspectFlags aspect);

/// Records with `record`, submits and waits: uploads and readbacks outside the frame loop.
void submitOnce(const VulkanContext& ctx,
                const std::function<void(const vk::raii::CommandBuffer&)>& record);

/// A device-local buffer filled with `bytes` through a staging buffer.
[[nodiscard]] Buffer uploadBuffer(const VulkanContext& ctx, std::span<const std::byte> bytes,
                                  vk::BufferUsageFlags usage);
/// A sampled 2D image filled with RGBA8 pixels, left in SHADER_READ_ONLY_OPTIMAL.
[[nodiscard]] GpuImage uploadTexture(const VulkanContext& ctx, std::uint32_t width,
                                     std::uint32_t height, bool srgb,
                                     std::span<const std::uint8_t> rgba);

/// A synchronization2 image layout transition over all layers and mips.
void transitionImage(const vk::raii::CommandBuffer& cmd, vk::Image image,
                     vk::ImageAspectFlags aspect, vk::ImageLayout from, vk::ImageLayout to,
                     vk::PipelineStageFlags2 srcStage, vk::AccessFlags2 srcAccess,
                     vk::PipelineStageFlags2 dstStage, vk::AccessFlags2 dstAccess);

}  // namespace praxis::render
