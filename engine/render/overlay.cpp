// The overlay pass: ImGui draw data → the target image, after the scene.
#include "render/overlay.h"

#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "render/renderer_impl.h"

namespace praxis::render {

OverlayRenderer::OverlayRenderer(Renderer::Impl& impl) : impl_(impl) {
  sampler_ = impl_.ctx->device.createSampler(vk::SamplerCreateInfo(
      {}, vk::Filter::eLinear, vk::Filter::eLinear, vk::SamplerMipmapMode::eNearest,
      vk::SamplerAddressMode::eClampToEdge, vk::SamplerAddressMode::eClampToEdge,
      vk::SamplerAddressMode::eClampToEdge));
  vertices_.resize(impl_.frames.size());
  indices_.resize(impl_.frames.size());
}

OverlayRenderer::~OverlayRenderer() = default;

vk::DescriptorSet OverlayRenderer::atlasSet(void* textureId) {
  auto* atlas = static_cast<ImFontAtlas*>(textureId);
  unsigned char* pixels = nullptr;
  int width = 0;
  int height = 0;
  atlas->GetTexDataAsRGBA32(&pixels, &width, &height);  // already built: returns its buffer
  Atlas& slot = atlases_[textureId];
  if (slot.pixels == pixels && slot.width == width && slot.height == height) return *slot.set;
  // A new or rebuilt atlas (text size changed): earlier frames may still sample the old one.
  if (slot.pixels != nullptr) impl_.ctx->device.waitIdle();
  slot.image = uploadTexture(*impl_.ctx, static_cast<std::uint32_t>(width),
                             static_cast<std::uint32_t>(height), false,
                             std::span(pixels, static_cast<std::size_t>(width) * height * 4));
  if (!*slot.set) {
    slot.set = std::move(
        vk::raii::DescriptorSets(
            impl_.ctx->device,
            vk::DescriptorSetAllocateInfo(*impl_.descriptorPool, *impl_.pipelines->uiSetLayout()))
            .front());
  }
  const vk::DescriptorImageInfo info(*sampler_, *slot.image.view,
                                     vk::ImageLayout::eShaderReadOnlyOptimal);
  impl_.ctx->device.updateDescriptorSets(
      vk::WriteDescriptorSet(*slot.set, 0, 0, vk::DescriptorType::eCombinedImageSampler, info), {});
  slot.pixels = pixels;
  slot.width = width;
  slot.height = height;
  return *slot.set;
}

void OverlayRenderer::ensureCapacity(std::uint32_t frame, std::size_t vertexBytes,
                                     std::size_t indexBytes) {
  // Grown by half again, so a HUD that gains a few lines does not reallocate every frame.
  if (vertices_[frame].size < vertexBytes) {
    vertices_[frame] = createBuffer(*impl_.ctx, vertexBytes + vertexBytes / 2,
                                    vk::BufferUsageFlagBits::eVertexBuffer, true);
  }
  if (indices_[frame].size < indexBytes) {
    indices_[frame] = createBuffer(*impl_.ctx, indexBytes + indexBytes / 2,
                                   vk::BufferUsageFlagBits::eIndexBuffer, true);
  }
}

void OverlayRenderer::prepare(const ImDrawData* data, std::uint32_t frame) {
  commands_.clear();
  if (data == nullptr || data->TotalVtxCount == 0 || data->DisplaySize.x <= 0.0F ||
      data->DisplaySize.y <= 0.0F) {
    return;
  }
  ensureCapacity(frame, static_cast<std::size_t>(data->TotalVtxCount) * sizeof(ImDrawVert),
                 static_cast<std::size_t>(data->TotalIdxCount) * sizeof(ImDrawIdx));
  auto* vtx = static_cast<ImDrawVert*>(vertices_[frame].mapped);
  auto* idx = static_cast<ImDrawIdx*>(indices_[frame].mapped);
  const ImVec2 origin = data->DisplayPos;
  const ImVec2 scale = data->FramebufferScale;
  transform_ = {2.0F / data->DisplaySize.x, 2.0F / data->DisplaySize.y,
                -1.0F - origin.x * 2.0F / data->DisplaySize.x,
                -1.0F - origin.y * 2.0F / data->DisplaySize.y};
  std::int32_t vertexBase = 0;
  std::uint32_t indexBase = 0;
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList* list = data->CmdLists[l];
    // An empty ImVector's Data is null, and memcpy's pointers must be valid even for 0 bytes.
    if (list->VtxBuffer.Size == 0 || list->IdxBuffer.Size == 0) continue;
    std::memcpy(vtx + vertexBase, list->VtxBuffer.Data,
                static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
    std::memcpy(idx + indexBase, list->IdxBuffer.Data,
                static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& c : list->CmdBuffer) {
      if (c.UserCallback != nullptr || c.TextureId == nullptr || c.ElemCount == 0) continue;
      const float x0 = std::max((c.ClipRect.x - origin.x) * scale.x, 0.0F);
      const float y0 = std::max((c.ClipRect.y - origin.y) * scale.y, 0.0F);
      const float x1 = std::min((c.ClipRect.z - origin.x) * scale.x, data->DisplaySize.x * scale.x);
      const float y1 = std::min((c.ClipRect.w - origin.y) * scale.y, data->DisplaySize.y * scale.y);
      if (x1 <= x0 || y1 <= y0) continue;
      const vk::Rect2D scissor(
          {static_cast<std::int32_t>(x0), static_cast<std::int32_t>(y0)},
          {static_cast<std::uint32_t>(x1 - x0), static_cast<std::uint32_t>(y1 - y0)});
      commands_.push_back(Command{scissor, c.ElemCount, indexBase + c.IdxOffset,
                                  vertexBase + static_cast<std::int32_t>(c.VtxOffset),
                                  atlasSet(c.TextureId)});
    }
    vertexBase += list->VtxBuffer.Size;
    indexBase += static_cast<std::uint32_t>(list->IdxBuffer.Size);
  }
}

void OverlayRenderer::record(const vk::raii::CommandBuffer& cmd, std::uint32_t frame,
                             const RenderTarget& target, const TargetImage& image) {
  if (commands_.empty()) return;
  using Stage2 = vk::PipelineStageFlagBits2;
  using Access2 = vk::AccessFlagBits2;
  // The scene pass (or its resolve) wrote the image; the overlay blends over it.
  for (VkImage colour : colourImages(image, target.viewCount())) {
    transitionImage(
        cmd, colour, vk::ImageAspectFlagBits::eColor, vk::ImageLayout::eColorAttachmentOptimal,
        vk::ImageLayout::eColorAttachmentOptimal, Stage2::eColorAttachmentOutput | Stage2::eResolve,
        Access2::eColorAttachmentWrite | Access2::eTransferWrite, Stage2::eColorAttachmentOutput,
        Access2::eColorAttachmentRead | Access2::eColorAttachmentWrite);
  }
  const auto format = static_cast<vk::Format>(target.format());
  const vk::Extent2D extent = target.extent();
  const auto& pipeline = impl_.pipelines->overlay(format);
  for (std::uint32_t layer = 0; layer < target.viewCount(); ++layer) {
    vk::RenderingAttachmentInfo colour(image.layerViews[layer] != VK_NULL_HANDLE
                                           ? vk::ImageView(image.layerViews[layer])
                                           : vk::ImageView(image.view),
                                       vk::ImageLayout::eColorAttachmentOptimal);
    colour.loadOp = vk::AttachmentLoadOp::eLoad;
    colour.storeOp = vk::AttachmentStoreOp::eStore;
    cmd.beginRendering(vk::RenderingInfo({}, vk::Rect2D({0, 0}, extent), 1, 0, colour));
    cmd.bindPipeline(vk::PipelineBindPoint::eGraphics, *pipeline);
    cmd.bindVertexBuffers(0, *vertices_[frame].buffer, vk::DeviceSize{0});
    cmd.bindIndexBuffer(*indices_[frame].buffer, 0,
                        sizeof(ImDrawIdx) == 2 ? vk::IndexType::eUint16 : vk::IndexType::eUint32);
    cmd.pushConstants<float>(*impl_.pipelines->uiLayout(), vk::ShaderStageFlagBits::eVertex, 0,
                             transform_);
    cmd.setViewport(0, vk::Viewport(0.0F, 0.0F, static_cast<float>(extent.width),
                                    static_cast<float>(extent.height), 0.0F, 1.0F));
    vk::DescriptorSet bound;
    for (const auto& c : commands_) {
      if (c.set != bound) {
        bound = c.set;
        cmd.bindDescriptorSets(vk::PipelineBindPoint::eGraphics, *impl_.pipelines->uiLayout(), 0,
                               c.set, {});
      }
      vk::Rect2D scissor = c.scissor;
      scissor.extent.width =
          std::min(scissor.extent.width,
                   extent.width - std::min<std::uint32_t>(extent.width, scissor.offset.x));
      scissor.extent.height =
          std::min(scissor.extent.height,
                   extent.height - std::min<std::uint32_t>(extent.height, scissor.offset.y));
      if (scissor.extent.width == 0 || scissor.extent.height == 0) continue;
      cmd.setScissor(0, scissor);
      cmd.drawIndexed(c.indexCount, 1, c.firstIndex, c.vertexOffset, 0);
    }
    cmd.endRendering();
  }
}

}  // namespace praxis::render
