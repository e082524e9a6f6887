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

/// One swapchain's images with their views: an array swapchain (layers = views) or a view's.
struct Chain {
  std::vector<VkImage> images;
  std::vector<vk::raii::ImageView> arrayViews;  // one per image, over all its layers
  std::vector<vk::raii::ImageView> layerViews;  // `layers` per image
  std::uint32_t layers = 1;
  std::uint32_t current = 0;
};

Chain makeChain(const VulkanContext& ctx, const std::vector<VkImage>& images, vk::Format format,
                std::uint32_t layers, vk::ImageAspectFlags aspect) {
  Chain chain;
  chain.images = images;
  chain.layers = layers;
  for (VkImage image : images) {
    chain.arrayViews.push_back(createArrayView(ctx, image, format, layers, aspect));
    for (std::uint32_t layer = 0; layer < layers; ++layer) {
      chain.layerViews.push_back(ctx.device.createImageView(vk::ImageViewCreateInfo(
          {}, image, vk::ImageViewType::e2D, format, {},
          vk::ImageSubresourceRange(aspect, 0, 1, layer, 1))));
    }
  }
  return chain;
}

class ExternalTargetImpl final : public ExternalTarget {
 public:
  ExternalTargetImpl(const VulkanContext& ctx, const ExternalImages& images)
      : ctx_(ctx), info_(images) {
    const auto format = static_cast<vk::Format>(images.format);
    const auto depthFormat = static_cast<vk::Format>(kXrDepthFormat);
    const auto colour = vk::ImageAspectFlagBits::eColor;
    const auto depth = vk::ImageAspectFlagBits::eDepth;
    if (!images.perView.empty()) {
      for (const auto& view : images.perView) colour_.push_back(makeChain(ctx, view, format, 1, colour));
      for (const auto& view : images.depthPerView) {
        depth_.push_back(makeChain(ctx, view, depthFormat, 1, depth));
      }
    } else {
      colour_.push_back(makeChain(ctx, images.images, format, images.viewCount, colour));
      if (!images.depth.empty()) {
        depth_.push_back(makeChain(ctx, images.depth, depthFormat, images.viewCount, depth));
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
  bool hasDepth() const override { return !depth_.empty(); }
  void setCurrentImage(std::uint32_t index) override {
    for (auto& chain : colour_) chain.current = index;
    for (auto& chain : depth_) chain.current = index;
  }
  void setCurrentImage(bool depth, std::uint32_t view, std::uint32_t index) override {
    auto& chains = depth ? depth_ : colour_;
    if (view < chains.size()) chains[view].current = index;
  }

  core::Result<TargetImage> acquire() override {
    for (const auto* chains : {&colour_, &depth_}) {
      for (const auto& chain : *chains) {
        if (chain.current >= chain.images.size()) {
          return core::fail("external target: image ", std::to_string(chain.current), " of ",
                            std::to_string(chain.images.size()));
        }
      }
    }
    TargetImage out;
    out.separateViews = colour_.size() > 1;
    for (std::uint32_t v = 0; v < info_.viewCount; ++v) {
      const Chain& c = out.separateViews ? colour_[v] : colour_[0];
      const std::uint32_t layer = out.separateViews ? 0 : v;
      out.viewImages[v] = c.images[c.current];
      out.layerViews[v] = *c.layerViews[c.current * c.layers + layer];
      if (depth_.empty()) continue;
      const Chain& d = out.separateViews ? depth_[v] : depth_[0];
      out.depthImages[out.separateViews ? v : 0] = d.images[d.current];
      out.depthLayerViews[v] = *d.layerViews[d.current * d.layers + layer];
    }
    out.image = out.viewImages[0];
    out.view = *colour_[0].arrayViews[colour_[0].current];
    if (!depth_.empty()) out.depthView = *depth_[0].arrayViews[depth_[0].current];
    // OpenXR expects swapchain images back in COLOR_ATTACHMENT_OPTIMAL at release.
    out.finalLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    return out;
  }
  core::Result<void> finish() override { return {}; }

 private:
  const VulkanContext& ctx_;
  ExternalImages info_;
  std::vector<Chain> colour_;  // one array swapchain, or one per view
  std::vector<Chain> depth_;   // empty, or laid out like colour_
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
  if (images.viewCount == 0 || images.viewCount > 2) {
    return core::fail("external target: needs 1 or 2 views, not ", std::to_string(images.viewCount));
  }
  const bool perView = !images.perView.empty();
  if (perView ? !images.images.empty() || images.perView.size() != images.viewCount
              : images.images.empty()) {
    return core::fail("external target: needs one array swapchain's images or one swapchain per view");
  }
  for (const auto& view : images.perView) {
    if (view.empty()) return core::fail("external target: a view's swapchain has no images");
  }
  const bool depthMatches = perView ? images.depth.empty() && (images.depthPerView.empty() ||
                                                               images.depthPerView.size() == images.viewCount)
                                    : images.depthPerView.empty();
  if (!depthMatches) {
    return core::fail("external target: depth swapchains must be laid out like the colour ones");
  }
  try {
    return std::make_unique<ExternalTargetImpl>(*impl_->ctx, images);
  } catch (const vk::SystemError& e) {
    return core::fail("external target: ", e.what());
  }
}

}  // namespace praxis::render
