// The offscreen and external render targets.
#include <cstring>

#include "render/renderer_impl.h"

namespace praxis::render {
namespace {

class OffscreenTargetImpl final : public OffscreenTarget {
 public:
  OffscreenTargetImpl(const VulkanContext& ctx, vk::Extent2D extent, std::uint32_t views)
      : ctx_(ctx), views_(views) {
    ImageDesc desc;
    desc.format = vk::Format::eR8G8B8A8Srgb;
    desc.extent = extent;
    desc.layers = views;
    desc.usage = vk::ImageUsageFlagBits::eColorAttachment | vk::ImageUsageFlagBits::eTransferSrc |
                 vk::ImageUsageFlagBits::eTransferDst;
    image_ = createImage(ctx_, desc);
    for (std::uint32_t layer = 0; layer < views; ++layer) {
      layerViews_.push_back(ctx_.device.createImageView(vk::ImageViewCreateInfo(
          {}, *image_.image, vk::ImageViewType::e2D, desc.format, {},
          vk::ImageSubresourceRange(vk::ImageAspectFlagBits::eColor, 0, 1, layer, 1))));
    }
  }

  // Frames in flight may still draw into the image: wait before it is destroyed.
  ~OffscreenTargetImpl() override { ctx_.device.waitIdle(); }
  OffscreenTargetImpl(const OffscreenTargetImpl&) = delete;
  OffscreenTargetImpl& operator=(const OffscreenTargetImpl&) = delete;

  VkExtent2D extent() const override { return image_.extent; }
  VkFormat format() const override { return static_cast<VkFormat>(image_.format); }
  std::uint32_t viewCount() const override { return views_; }

  core::Result<TargetImage> acquire() override {
    drawn_ = true;
    TargetImage out;
    out.image = *image_.image;
    out.view = *image_.view;
    for (std::size_t i = 0; i < layerViews_.size(); ++i) out.layerViews[i] = *layerViews_[i];
    out.finalLayout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
    return out;
  }
  core::Result<void> finish() override { return {}; }

  core::Result<Image> readback(std::uint32_t layer) override {
    if (!drawn_) return core::fail("readback: nothing has been rendered into this target yet");
    if (layer >= views_) return core::fail("readback: no layer ", std::to_string(layer));
    try {
      ctx_.queue.waitIdle();
      const auto [width, height] = image_.extent;
      const vk::DeviceSize size = vk::DeviceSize{width} * height * 4;
      Buffer staging = createBuffer(ctx_, size, vk::BufferUsageFlagBits::eTransferDst, true);
      submitOnce(ctx_, [&](const vk::raii::CommandBuffer& cmd) {
        const vk::BufferImageCopy region(
            0, 0, 0, vk::ImageSubresourceLayers(vk::ImageAspectFlagBits::eColor, 0, layer, 1), {},
            vk::Extent3D(width, height, 1));
        cmd.copyImageToBuffer(*image_.image, vk::ImageLayout::eTransferSrcOptimal,
                              *staging.buffer, region);
        const vk::MemoryBarrier2 toHost(vk::PipelineStageFlagBits2::eCopy,
                                        vk::AccessFlagBits2::eTransferWrite,
                                        vk::PipelineStageFlagBits2::eHost,
                                        vk::AccessFlagBits2::eHostRead);
        cmd.pipelineBarrier2(vk::DependencyInfo({}, toHost, {}, {}));
      });
      Image out;
      out.width = width;
      out.height = height;
      out.rgba.resize(size);
      std::memcpy(out.rgba.data(), staging.mapped, size);
      return out;
    } catch (const vk::SystemError& e) {
      return core::fail("readback failed: ", e.what());
    }
  }

 private:
  const VulkanContext& ctx_;
  std::uint32_t views_;
  GpuImage image_;
  std::vector<vk::raii::ImageView> layerViews_;  // after the image: destroyed before it
  bool drawn_ = false;
};

class ExternalTargetImpl final : public ExternalTarget {
 public:
  ExternalTargetImpl(const VulkanContext& ctx, const ExternalImages& images)
      : ctx_(ctx), info_(images) {
    for (VkImage image : images.images) {
      views_.push_back(createArrayView(ctx, image, static_cast<vk::Format>(images.format),
                                       images.viewCount, vk::ImageAspectFlagBits::eColor));
      for (std::uint32_t layer = 0; layer < images.viewCount; ++layer) {
        layerViews_.push_back(ctx.device.createImageView(vk::ImageViewCreateInfo(
            {}, image, vk::ImageViewType::e2D, static_cast<vk::Format>(images.format), {},
            vk::ImageSubresourceRange(vk::ImageAspectFlagBits::eColor, 0, 1, layer, 1))));
      }
    }
  }

  // Frames in flight may still use the views (and the caller's images): wait first.
  ~ExternalTargetImpl() override { ctx_.device.waitIdle(); }
  ExternalTargetImpl(const ExternalTargetImpl&) = delete;
  ExternalTargetImpl& operator=(const ExternalTargetImpl&) = delete;

  VkExtent2D extent() const override { return info_.extent; }
  VkFormat format() const override { return info_.format; }
  std::uint32_t viewCount() const override { return info_.viewCount; }
  void setCurrentImage(std::uint32_t index) override { current_ = index; }

  core::Result<TargetImage> acquire() override {
    if (current_ >= views_.size()) {
      return core::fail("external target: image ", std::to_string(current_), " of ",
                        std::to_string(views_.size()));
    }
    TargetImage out;
    out.image = info_.images[current_];
    out.view = *views_[current_];
    for (std::uint32_t i = 0; i < info_.viewCount; ++i) {
      out.layerViews[i] = *layerViews_[current_ * info_.viewCount + i];
    }
    // OpenXR expects swapchain images back in COLOR_ATTACHMENT_OPTIMAL at release.
    out.finalLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    return out;
  }
  core::Result<void> finish() override { return {}; }

 private:
  const VulkanContext& ctx_;
  ExternalImages info_;
  std::vector<vk::raii::ImageView> views_;
  std::vector<vk::raii::ImageView> layerViews_;  // viewCount per image
  std::uint32_t current_ = 0;
};

}  // namespace

core::Result<std::unique_ptr<OffscreenTarget>> Renderer::createOffscreenTarget(
    std::uint32_t width, std::uint32_t height, std::uint32_t viewCount) {
  if (width == 0 || height == 0 || viewCount == 0 || viewCount > 2) {
    return core::fail("offscreen target: bad size ", std::to_string(width), "x",
                      std::to_string(height), " with ", std::to_string(viewCount), " views");
  }
  try {
    return std::make_unique<OffscreenTargetImpl>(*impl_->ctx, vk::Extent2D(width, height),
                                                 viewCount);
  } catch (const vk::SystemError& e) {
    return core::fail("offscreen target: ", e.what());
  }
}

core::Result<std::unique_ptr<ExternalTarget>> Renderer::createExternalTarget(
    const ExternalImages& images) {
  if (images.images.empty() || images.viewCount == 0 || images.viewCount > 2) {
    return core::fail("external target: needs images and 1 or 2 views");
  }
  try {
    return std::make_unique<ExternalTargetImpl>(*impl_->ctx, images);
  } catch (const vk::SystemError& e) {
    return core::fail("external target: ", e.what());
  }
}

}  // namespace praxis::render
