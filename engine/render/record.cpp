// Command recording and submission of one frame: shadow pass, main pass (multiview, MSAA
// resolve into the target), fault flash; GPU time from two timestamps.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>

#include "render/overlay.h"
#include "render/panels.h"
#include "render/renderer_impl.h"

namespace praxis::render {
namespace {

using Clock = std::chrono::steady_clock;
using Stage2 = vk::PipelineStageFlagBits2;
using Access2 = vk::AccessFlagBits2;

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void setViewport(const vk::raii::CommandBuffer& cmd, vk::Extent2D extent) {
  cmd.setViewport(0, vk::Viewport(0.0F, 0.0F, static_cast<float>(extent.width),
                                  static_cast<float>(extent.height), 0.0F, 1.0F));
  cmd.setScissor(0, vk::Rect2D({0, 0}, extent));
}

/// The GPU time of the frame this slot ran last, or -1 when it is not known.
double gpuMilliseconds(const VulkanContext& ctx, const FrameResources& frame) {
  if (!frame.submitted || !*frame.timestamps) return -1.0;
  std::array<std::uint64_t, 2> stamps{};
  const VkResult result = vkGetQueryPoolResults(
      static_cast<VkDevice>(*ctx.device), static_cast<VkQueryPool>(*frame.timestamps), 0, 2,
      sizeof(stamps), stamps.data(), sizeof(std::uint64_t), VK_QUERY_RESULT_64_BIT);
  if (result != VK_SUCCESS) return -1.0;
  return static_cast<double>(stamps[1] - stamps[0]) * ctx.timestampPeriodNs * 1e-6;
}

const vk::raii::Pipeline& scenePipeline(const ScenePipelines& p, DrawPass pass, bool textured,
                                        bool prepass) {
  switch (pass) {
    case DrawPass::Opaque:
      return prepass ? p.prepass : textured ? p.opaque : p.opaqueUntextured;
    case DrawPass::OpaqueDoubleSided:
      return prepass    ? p.prepassDoubleSided
             : textured ? p.opaqueDoubleSided
                        : p.opaqueDoubleSidedUntextured;
    case DrawPass::Mask: return p.mask;  // alpha testing needs the base colour map
    case DrawPass::Blend: return textured ? p.blend : p.blendUntextured;
  }
  return p.opaque;
}

/// The scene rectangle in whole pixels, inside the target.
vk::Rect2D sceneScissor(const PixelRect& rect, vk::Extent2D extent) {
  const auto clampTo = [](float v, std::uint32_t max) {
    return static_cast<std::uint32_t>(std::clamp(v, 0.0F, static_cast<float>(max)));
  };
  const std::uint32_t x0 = clampTo(std::floor(rect.x), extent.width);
  const std::uint32_t y0 = clampTo(std::floor(rect.y), extent.height);
  const std::uint32_t x1 = clampTo(std::ceil(rect.x + rect.width), extent.width);
  const std::uint32_t y1 = clampTo(std::ceil(rect.y + rect.height), extent.height);
  return vk::Rect2D({static_cast<std::int32_t>(x0), static_cast<std::int32_t>(y0)},
                    {x1 - x0, y1 - y0});
}

}  // namespace

void Renderer::Impl::drawItems(const vk::raii::CommandBuffer& cmd,
                               const ScenePipelines* scenePipelines, DrawMode mode) {
  std::uint32_t boundMesh = UINT32_MAX;
  std::uint32_t boundMaterial = UINT32_MAX;
  int boundPipeline = -1;
  // The shadow map's casters are their own batches (every object, not only the visible).
  for (const auto& item : mode == DrawMode::Shadow ? drawList.shadowBatches : drawList.batches) {
    // Batches are sorted by pass: masked after the opaque ones.
    if (mode == DrawMode::DepthPrepass && item.pass >= DrawPass::Mask) break;
    const bool textured = (materials[item.material].flags & kTextureMapFlags) != 0;
    const int pipelineKey = static_cast<int>(item.pass) * 2 + (textured ? 1 : 0);
    if (mode != DrawMode::Shadow && pipelineKey != boundPipeline) {
      boundPipeline = pipelineKey;
      cmd.bindPipeline(vk::PipelineBindPoint::eGraphics,
                       *scenePipeline(*scenePipelines, item.pass, textured, mode == DrawMode::DepthPrepass));
    }
    if (mode == DrawMode::Colour && item.material != boundMaterial) {
      boundMaterial = item.material;
      cmd.bindDescriptorSets(vk::PipelineBindPoint::eGraphics, *pipelines->sceneLayout(), 2,
                             *materials[item.material].set, {});
    }
    if (item.mesh != boundMesh) {
      boundMesh = item.mesh;
      const GpuMesh& mesh = meshes[item.mesh];
      cmd.bindVertexBuffers(0, *mesh.vertices.buffer, vk::DeviceSize{0});
      cmd.bindIndexBuffer(*mesh.indices.buffer, 0, vk::IndexType::eUint32);
    }
    cmd.drawIndexed(meshes[item.mesh].indexCount, item.instanceCount, 0, 0, item.firstInstance);
  }
}

void Renderer::Impl::recordShadowPass(const vk::raii::CommandBuffer& cmd,
                                      const FrameResources& frame) {
  ++recording->shadowPasses;
  const auto depthAspect = vk::ImageAspectFlagBits::eDepth;
  // The previous frame sampled the map; wait for that before overwriting it.
  transitionImage(cmd, *shadowMap.image, depthAspect, vk::ImageLayout::eUndefined,
                  vk::ImageLayout::eDepthAttachmentOptimal, Stage2::eFragmentShader, {},
                  Stage2::eEarlyFragmentTests | Stage2::eLateFragmentTests,
                  Access2::eDepthStencilAttachmentWrite | Access2::eDepthStencilAttachmentRead);
  const vk::RenderingAttachmentInfo depth(
      *shadowMap.view, vk::ImageLayout::eDepthAttachmentOptimal, {}, {}, {},
      vk::AttachmentLoadOp::eClear, vk::AttachmentStoreOp::eStore,
      vk::ClearDepthStencilValue(1.0F, 0));
  vk::RenderingInfo rendering({}, vk::Rect2D({0, 0}, shadowMap.extent), 1, 0);
  rendering.pDepthAttachment = &depth;  // depth only: no colour attachments
  cmd.beginRendering(rendering);
  cmd.bindPipeline(vk::PipelineBindPoint::eGraphics, *pipelines->shadow());
  cmd.bindDescriptorSets(vk::PipelineBindPoint::eGraphics, *pipelines->sceneLayout(), 0,
                         *frame.frameSet, {});
  setViewport(cmd, shadowMap.extent);
  drawItems(cmd, nullptr, DrawMode::Shadow);
  cmd.endRendering();
  transitionImage(cmd, *shadowMap.image, depthAspect, vk::ImageLayout::eDepthAttachmentOptimal,
                  vk::ImageLayout::eShaderReadOnlyOptimal, Stage2::eLateFragmentTests,
                  Access2::eDepthStencilAttachmentWrite, Stage2::eFragmentShader,
                  Access2::eShaderSampledRead);
}

void Renderer::Impl::resolveLayers(const vk::raii::CommandBuffer& cmd, const TargetImage& image,
                                   const RenderTarget& target) {
  const auto colourAspect = vk::ImageAspectFlagBits::eColor;
  const auto targets = colourImages(image, target.viewCount());
  transitionImage(cmd, *attachments.colour.image, colourAspect,
                  vk::ImageLayout::eColorAttachmentOptimal, vk::ImageLayout::eTransferSrcOptimal,
                  Stage2::eColorAttachmentOutput, Access2::eColorAttachmentWrite,
                  Stage2::eResolve, Access2::eTransferRead);
  for (VkImage t : targets) {
    transitionImage(cmd, t, colourAspect, vk::ImageLayout::eColorAttachmentOptimal,
                    vk::ImageLayout::eTransferDstOptimal, Stage2::eColorAttachmentOutput,
                    Access2::eColorAttachmentWrite, Stage2::eResolve, Access2::eTransferWrite);
  }
  const auto extent = target.extent();
  const vk::Extent3D size(extent.width, extent.height, 1);
  if (image.separateViews) {
    for (std::uint32_t v = 0; v < target.viewCount(); ++v) {
      const vk::ImageSubresourceLayers src(colourAspect, 0, v, 1);
      const vk::ImageSubresourceLayers dst(colourAspect, 0, 0, 1);
      cmd.resolveImage(*attachments.colour.image, vk::ImageLayout::eTransferSrcOptimal,
                       image.viewImages[v], vk::ImageLayout::eTransferDstOptimal,
                       vk::ImageResolve(src, {}, dst, {}, size));
    }
  } else {
    const vk::ImageSubresourceLayers layers(colourAspect, 0, 0, target.viewCount());
    cmd.resolveImage(*attachments.colour.image, vk::ImageLayout::eTransferSrcOptimal, image.image,
                     vk::ImageLayout::eTransferDstOptimal,
                     vk::ImageResolve(layers, {}, layers, {}, size));
  }
  for (VkImage t : targets) {
    transitionImage(cmd, t, colourAspect, vk::ImageLayout::eTransferDstOptimal,
                    vk::ImageLayout::eColorAttachmentOptimal, Stage2::eResolve,
                    Access2::eTransferWrite, Stage2::eColorAttachmentOutput,
                    Access2::eColorAttachmentWrite);
  }
}

void Renderer::Impl::recordScenePass(const vk::raii::CommandBuffer& cmd,
                                     const FrameResources& frame, const FrameInput& input,
                                     const RenderTarget& target, const TargetImage& image,
                                     int layer) {
  ++recording->scenePasses;
  const bool msaa = static_cast<VkImage>(*attachments.colour.image) != VK_NULL_HANDLE;
  const auto& clear = input.clearColour;
  const bool single = layer >= 0;
  const auto l = static_cast<std::size_t>(single ? layer : 0);
  const vk::ImageView targetView = single ? image.layerViews[l] : image.view;
  vk::RenderingAttachmentInfo colour(
      msaa ? (single ? *attachments.colourLayers[l] : *attachments.colour.view) : targetView,
      vk::ImageLayout::eColorAttachmentOptimal);
  // One pass per view resolves afterwards with vkCmdResolveImage on lavapipe (its resolve into
  // a layer > 0 writes nothing); a view's own image is layer 0, resolved in the pass elsewhere.
  const bool resolveInPass = msaa && (!single || (image.separateViews && !perEyePasses));
  colour.loadOp = vk::AttachmentLoadOp::eClear;
  colour.storeOp = resolveInPass ? vk::AttachmentStoreOp::eDontCare : vk::AttachmentStoreOp::eStore;
  colour.clearValue = vk::ClearColorValue(std::array<float, 4>{clear.r, clear.g, clear.b, clear.a});
  if (resolveInPass) {
    colour.resolveMode = vk::ResolveModeFlagBits::eAverage;
    colour.resolveImageView = targetView;
    colour.resolveImageLayout = vk::ImageLayout::eColorAttachmentOptimal;
  }
  // Depth handed back to an XR compositor is drawn into directly (1x) or resolved into from
  // the multisampled depth (sample 0, the mode every Vulkan 1.2 device supports).
  const bool keepDepth = image.depthView != VK_NULL_HANDLE;
  const vk::ImageView kept = single ? image.depthLayerViews[l] : image.depthView;
  const vk::ImageView internalDepth = single ? *attachments.depthLayers[l] : *attachments.depth.view;
  vk::RenderingAttachmentInfo depth(
      keepDepth && !msaa ? kept : internalDepth,
      keepDepth && !msaa ? vk::ImageLayout::eDepthStencilAttachmentOptimal
                         : vk::ImageLayout::eDepthAttachmentOptimal,
      {}, {}, {}, vk::AttachmentLoadOp::eClear,
      keepDepth && !msaa ? vk::AttachmentStoreOp::eStore : vk::AttachmentStoreOp::eDontCare,
      vk::ClearDepthStencilValue(1.0F, 0));
  if (keepDepth && msaa) {
    depth.resolveMode = vk::ResolveModeFlagBits::eSampleZero;
    depth.resolveImageView = kept;
    depth.resolveImageLayout = vk::ImageLayout::eDepthStencilAttachmentOptimal;
  }
  const auto extent = target.extent();
  const std::uint32_t views = single ? 1U : target.viewCount();
  const std::uint32_t viewMask = (1U << views) - 1U;
  cmd.beginRendering(vk::RenderingInfo({}, vk::Rect2D({0, 0}, extent), 1, viewMask, colour,
                                       &depth));
  const auto& scenePipelines =
      pipelines->forTarget(static_cast<vk::Format>(target.format()), views);
  const std::array<vk::DescriptorSet, 2> sets{*frame.frameSet, *shadowSet};
  cmd.bindDescriptorSets(vk::PipelineBindPoint::eGraphics, *pipelines->sceneLayout(), 0, sets,
                         {});
  const std::uint32_t viewOffset = single ? l : 0U;
  cmd.pushConstants<std::uint32_t>(*pipelines->sceneLayout(),
                                   vk::ShaderStageFlagBits::eVertex | vk::ShaderStageFlagBits::eFragment,
                                   0, viewOffset);
  setViewport(cmd, extent);
  if (input.sceneRect.width > 0.0F) cmd.setScissor(0, sceneScissor(input.sceneRect, extent));
  if (pipelines->depthPrepass()) drawItems(cmd, &scenePipelines, DrawMode::DepthPrepass);
  drawItems(cmd, &scenePipelines, DrawMode::Colour);
  if (input.faultFlash > 0.0F) {
    cmd.bindPipeline(vk::PipelineBindPoint::eGraphics, *scenePipelines.flash);
    cmd.draw(3, 1, 0, 0);
  }
  cmd.endRendering();
}

void Renderer::Impl::recordMainPass(const vk::raii::CommandBuffer& cmd,
                                    const FrameResources& frame, const FrameInput& input,
                                    const RenderTarget& target, const TargetImage& image) {
  const auto colourAspect = vk::ImageAspectFlagBits::eColor;
  const bool msaa = static_cast<VkImage>(*attachments.colour.image) != VK_NULL_HANDLE;
  const auto attachmentStages = Stage2::eColorAttachmentOutput;
  const auto depthStages = Stage2::eEarlyFragmentTests | Stage2::eLateFragmentTests;
  const auto depthAccess =
      Access2::eDepthStencilAttachmentWrite | Access2::eDepthStencilAttachmentRead;
  // Earlier frames (same queue) may still write these; order after them (WAW).
  for (VkImage colour : colourImages(image, target.viewCount())) {
    transitionImage(cmd, colour, colourAspect, vk::ImageLayout::eUndefined,
                    vk::ImageLayout::eColorAttachmentOptimal, attachmentStages | Stage2::eCopy, {},
                    attachmentStages, Access2::eColorAttachmentWrite);
  }
  if (msaa) {
    transitionImage(cmd, *attachments.colour.image, colourAspect, vk::ImageLayout::eUndefined,
                    vk::ImageLayout::eColorAttachmentOptimal, attachmentStages, {},
                    attachmentStages, Access2::eColorAttachmentWrite);
  }
  transitionImage(cmd, *attachments.depth.image, vk::ImageAspectFlagBits::eDepth,
                  vk::ImageLayout::eUndefined, vk::ImageLayout::eDepthAttachmentOptimal,
                  Stage2::eLateFragmentTests, {}, depthStages, depthAccess);
  // Depth for the compositor: written by the depth tests (1x) or a resolve (which the spec
  // puts in the colour-attachment-output stage with colour-attachment access).
  for (VkImage kept : depthImages(image, target.viewCount())) {
    transitionImage(cmd, kept, vk::ImageAspectFlagBits::eDepth, vk::ImageLayout::eUndefined,
                    vk::ImageLayout::eDepthStencilAttachmentOptimal,
                    Stage2::eLateFragmentTests | attachmentStages, {},
                    depthStages | attachmentStages, depthAccess | Access2::eColorAttachmentWrite);
  }

  // Separate view images cannot be one multiview attachment: one pass per view, sharing the
  // draw list, shadow map and panels recorded once above.
  if ((perEyePasses || image.separateViews) && target.viewCount() > 1) {
    for (std::uint32_t layer = 0; layer < target.viewCount(); ++layer) {
      recordScenePass(cmd, frame, input, target, image, static_cast<int>(layer));
    }
    if (msaa && perEyePasses) resolveLayers(cmd, image, target);
  } else {
    recordScenePass(cmd, frame, input, target, image, -1);
  }
  overlay->record(cmd, static_cast<std::uint32_t>(&frame - frames.data()), target, image);
  const auto finalLayout = static_cast<vk::ImageLayout>(image.finalLayout);
  if (finalLayout != vk::ImageLayout::eColorAttachmentOptimal) {
    const bool toCopy = finalLayout == vk::ImageLayout::eTransferSrcOptimal;
    for (VkImage colour : colourImages(image, target.viewCount())) {
      transitionImage(cmd, colour, colourAspect, vk::ImageLayout::eColorAttachmentOptimal,
                      finalLayout, attachmentStages, Access2::eColorAttachmentWrite,
                      toCopy ? Stage2::eCopy : Stage2::eNone,
                      toCopy ? Access2::eTransferRead : Access2::eNone);
    }
  }
}

FrameStats Renderer::Impl::renderFrame(const FrameInput& input, RenderTarget& target,
                                       const TargetImage& image) {
  FrameStats stats;
  recording = &stats;
  FrameResources& frame = frames[frameIndex];
  frameIndex = (frameIndex + 1) % static_cast<std::uint32_t>(frames.size());
  if (frame.submitted) {
    while (ctx->device.waitForFences(*frame.inFlight, VK_TRUE, UINT64_MAX) ==
           vk::Result::eTimeout) {
    }
    ctx->device.resetFences(*frame.inFlight);
  }
  stats.gpuMs = gpuMilliseconds(*ctx, frame);

  auto start = Clock::now();
  buildDrawList(input);
  panels->prepare(input, static_cast<std::uint32_t>(&frame - frames.data()));
  stats.sceneUpdateMs = msSince(start);

  start = Clock::now();
  cullAndSort(input, target);
  placeLight(input);
  collectShadowCasters();
  stats.cullMs = msSince(start);
  stats.triangles = drawList.triangles;
  stats.culledObjects = drawList.culled;
  stats.drawCalls = static_cast<std::uint32_t>(drawList.batches.size());
  stats.visibleObjects = static_cast<std::uint32_t>(drawList.items.size());

  start = Clock::now();
  ensureAttachments(static_cast<vk::Format>(target.format()),
                    static_cast<vk::Extent2D>(target.extent()), target.viewCount());
  ensureObjectCapacity(frame, drawList.sortedObjects.size());
  // Nothing visible leaves the vector empty, and its data() may then be null: memcpy's
  // pointers must be valid even for zero bytes (UBSan aborts on it), so skip the copy.
  if (!drawList.sortedObjects.empty()) {
    std::memcpy(frame.objects.mapped, drawList.sortedObjects.data(),
                drawList.sortedObjects.size() * sizeof(ObjectRecord));
  }
  const FrameUniforms uniforms = frameUniforms(input, target);
  std::memcpy(frame.uniforms.mapped, &uniforms, sizeof(uniforms));
  const auto overlayStart = Clock::now();
  overlay->prepare(input.overlay, static_cast<std::uint32_t>(&frame - frames.data()));
  stats.overlayMs = msSince(overlayStart);
  const auto& cmd = frame.commands.front();
  cmd.reset();
  cmd.begin(vk::CommandBufferBeginInfo(vk::CommandBufferUsageFlagBits::eOneTimeSubmit));
  if (*frame.timestamps) {
    cmd.resetQueryPool(*frame.timestamps, 0, 2);
    cmd.writeTimestamp2(Stage2::eTopOfPipe, *frame.timestamps, 0);
  }
  panels->record(cmd, static_cast<std::uint32_t>(&frame - frames.data()));
  if (drawList.shadowRedraw) recordShadowPass(cmd, frame);
  recordMainPass(cmd, frame, input, target, image);
  if (*frame.timestamps) cmd.writeTimestamp2(Stage2::eBottomOfPipe, *frame.timestamps, 1);
  cmd.end();
  stats.recordMs = msSince(start);

  start = Clock::now();
  const vk::CommandBufferSubmitInfo cmdInfo(*cmd);
  const vk::SemaphoreSubmitInfo wait(image.waitSemaphore, 0, Stage2::eColorAttachmentOutput);
  const vk::SemaphoreSubmitInfo signal(image.signalSemaphore, 0, Stage2::eAllCommands);
  const vk::SubmitInfo2 submit({}, image.waitSemaphore != VK_NULL_HANDLE ? 1U : 0U, &wait, 1,
                               &cmdInfo, image.signalSemaphore != VK_NULL_HANDLE ? 1U : 0U,
                               &signal);
  ctx->queue.submit2(submit, *frame.inFlight);
  frame.submitted = true;
  stats.submitMs = msSince(start);
  recording = nullptr;
  return stats;
}

}  // namespace praxis::render
