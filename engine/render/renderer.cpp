// Renderer set-up: device (through the creation hook), shared resources, uploads of meshes,
// materials and models, frames in flight.
#include "render/renderer.h"

#include <cstring>

#include "core/paths.h"
#include "render/overlay.h"
#include "render/panels.h"
#include "render/primitive_meshes.h"
#include "render/renderer_impl.h"

namespace praxis::render {
namespace {

std::filesystem::path cacheFileFor(const RendererOptions& options, const core::Log& log) {
  if (options.pipelineCacheFile) return *options.pipelineCacheFile;
  auto dir = core::userDataDir();
  if (!dir) {
    log.warning("no pipeline cache: " + dir.error().message);
    return {};
  }
  return *dir / "cache" / "pipelines.bin";
}

std::span<const std::byte> bytesOf(const auto& vector) {
  return std::as_bytes(std::span(vector));
}

}  // namespace

Renderer::Impl::~Impl() {
  if (ctx && *ctx->device) ctx->device.waitIdle();
}

core::Result<std::unique_ptr<Renderer>> Renderer::create(RendererOptions options) {
  auto impl = std::make_unique<Impl>();
  std::shared_ptr<VulkanCreator> creator =
      options.creator ? options.creator : makePlainVulkanCreator(options.preference);
  ContextOptions ctxOptions;
  ctxOptions.creator = creator.get();
  ctxOptions.validation = options.validation;
  ctxOptions.onMessage = options.onValidationMessage;
  if (!ctxOptions.onMessage) {
    ctxOptions.onMessage = [log = options.log](std::string_view m) { log.warning(m); };
  }
  ctxOptions.instanceExtensions = options.instanceExtensions;
  if (options.windowing) ctxOptions.deviceExtensions.emplace_back(VK_KHR_SWAPCHAIN_EXTENSION_NAME);
  if (options.msaaSamples != 1 && options.msaaSamples != 4 && options.msaaSamples != kMsaaAuto) {
    return core::fail("render: msaaSamples must be 1, 4 or automatic, not ",
                      std::to_string(options.msaaSamples));
  }
  if (options.framesInFlight == 0) options.framesInFlight = 1;
  auto ctx = createVulkanContext(ctxOptions);
  if (!ctx) return std::unexpected(ctx.error());
  impl->ctx = std::move(*ctx);
  impl->options = std::move(options);
  const bool lavapipe =
      impl->ctx->physicalDevice.getProperties2<vk::PhysicalDeviceProperties2,
                                               vk::PhysicalDeviceDriverProperties>()
          .get<vk::PhysicalDeviceDriverProperties>()
          .driverID == vk::DriverId::eMesaLlvmpipe;
  if (impl->options.msaaSamples == kMsaaAuto) impl->options.msaaSamples = lavapipe ? 1 : 4;
  impl->perEyePasses = impl->options.stereo == StereoMode::PerEyePasses ||
                       (impl->options.stereo == StereoMode::Auto && lavapipe);
  try {
    impl->pipelines = std::make_unique<Pipelines>(
        *impl->ctx, cacheFileFor(impl->options, impl->options.log),
        impl->options.msaaSamples == 4 ? vk::SampleCountFlagBits::e4 : vk::SampleCountFlagBits::e1,
        impl->options.depthPrepass == DepthPrepass::On ||
            (impl->options.depthPrepass == DepthPrepass::Auto && !lavapipe),
        impl->options.log);
    impl->createSharedResources();
    impl->createFrames();
    auto panels = PanelRenderer::create(*impl);
    if (!panels) return core::fail("render: ", panels.error().message);
    impl->panels = std::move(*panels);
    impl->overlay = std::make_unique<OverlayRenderer>(*impl);
  } catch (const vk::SystemError& e) {
    return core::fail("render: set-up failed: ", e.what());
  }
  return std::unique_ptr<Renderer>(new Renderer(std::move(impl)));
}

Renderer::Renderer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Renderer::~Renderer() = default;

void Renderer::waitIdle() { impl_->ctx->device.waitIdle(); }

Renderer::NativeHandles Renderer::nativeHandles() const {
  const auto& ctx = *impl_->ctx;
  return NativeHandles{static_cast<VkInstance>(*ctx.instance),
                       static_cast<VkPhysicalDevice>(*ctx.physicalDevice),
                       static_cast<VkDevice>(*ctx.device), ctx.queueFamily, 0};
}

std::string Renderer::deviceName() const { return impl_->ctx->properties.deviceName.data(); }

std::uint32_t Renderer::msaaSamples() const { return impl_->options.msaaSamples; }

void Renderer::Impl::createSharedResources() {
  const auto& device = ctx->device;
  sampler = device.createSampler(vk::SamplerCreateInfo(
      {}, vk::Filter::eLinear, vk::Filter::eLinear, vk::SamplerMipmapMode::eLinear,
      vk::SamplerAddressMode::eRepeat, vk::SamplerAddressMode::eRepeat,
      vk::SamplerAddressMode::eRepeat));
  vk::SamplerCreateInfo shadowInfo(
      {}, vk::Filter::eLinear, vk::Filter::eLinear, vk::SamplerMipmapMode::eNearest,
      vk::SamplerAddressMode::eClampToEdge, vk::SamplerAddressMode::eClampToEdge,
      vk::SamplerAddressMode::eClampToEdge);
  shadowInfo.compareEnable = VK_TRUE;
  shadowInfo.compareOp = vk::CompareOp::eLessOrEqual;
  shadowSampler = device.createSampler(shadowInfo);

  const std::array<vk::DescriptorPoolSize, 3> sizes{
      vk::DescriptorPoolSize(vk::DescriptorType::eUniformBuffer, 64),
      vk::DescriptorPoolSize(vk::DescriptorType::eStorageBuffer, 64),
      vk::DescriptorPoolSize(vk::DescriptorType::eCombinedImageSampler, 5 * 1024)};
  // FreeDescriptorSet: raii::DescriptorSet frees itself on destruction.
  descriptorPool = device.createDescriptorPool(vk::DescriptorPoolCreateInfo(
      vk::DescriptorPoolCreateFlagBits::eFreeDescriptorSet, 1024 + 64, sizes));

  ImageDesc shadowDesc;
  shadowDesc.format = kDepthFormat;
  shadowDesc.extent = vk::Extent2D(options.shadowMapSize, options.shadowMapSize);
  shadowDesc.usage =
      vk::ImageUsageFlagBits::eDepthStencilAttachment | vk::ImageUsageFlagBits::eSampled;
  shadowDesc.aspect = vk::ImageAspectFlagBits::eDepth;
  shadowMap = createImage(*ctx, shadowDesc);
  shadowSet = std::move(vk::raii::DescriptorSets(
      device, vk::DescriptorSetAllocateInfo(*descriptorPool, *pipelines->shadowSetLayout()))
                            .front());
  const vk::DescriptorImageInfo shadowImage(*shadowSampler, *shadowMap.view,
                                            vk::ImageLayout::eShaderReadOnlyOptimal);
  device.updateDescriptorSets(
      vk::WriteDescriptorSet(*shadowSet, 0, 0, vk::DescriptorType::eCombinedImageSampler,
                             shadowImage),
      {});

  const std::vector<std::uint8_t> white{255, 255, 255, 255};
  const std::vector<std::uint8_t> flatNormal{128, 128, 255, 255};
  defaultTextures.push_back(uploadTexture(*ctx, 1, 1, true, white));
  defaultTextures.push_back(uploadTexture(*ctx, 1, 1, false, flatNormal));
  defaultTextures.push_back(uploadTexture(*ctx, 1, 1, false, white));
  assets::Material primitive;
  primitive.name = "primitive";
  primitive.roughness = 0.65F;
  (void)addMaterial(primitive, {});
}

void Renderer::Impl::createFrames() {
  const auto& device = ctx->device;
  for (std::uint32_t i = 0; i < options.framesInFlight; ++i) {
    FrameResources frame;
    frame.pool = device.createCommandPool(vk::CommandPoolCreateInfo(
        vk::CommandPoolCreateFlagBits::eResetCommandBuffer, ctx->queueFamily));
    frame.commands = vk::raii::CommandBuffers(
        device, vk::CommandBufferAllocateInfo(*frame.pool, vk::CommandBufferLevel::ePrimary, 1));
    frame.inFlight = device.createFence({});
    if (ctx->timestampPeriodNs > 0.0F) {
      frame.timestamps = device.createQueryPool(
          vk::QueryPoolCreateInfo({}, vk::QueryType::eTimestamp, 2));
    }
    frame.uniforms = createBuffer(*ctx, sizeof(FrameUniforms),
                                  vk::BufferUsageFlagBits::eUniformBuffer, true);
    frame.frameSet = std::move(vk::raii::DescriptorSets(
        device, vk::DescriptorSetAllocateInfo(*descriptorPool, *pipelines->frameSetLayout()))
                                   .front());
    ensureObjectCapacity(frame, 256);
    frames.push_back(std::move(frame));
  }
}

void Renderer::Impl::ensureObjectCapacity(FrameResources& frame, std::size_t count) {
  const vk::DeviceSize needed = std::max<std::size_t>(count, 1) * sizeof(ObjectRecord);
  if (frame.objects.size >= needed) return;
  // Grow by half again so a growing scene does not reallocate every frame.
  frame.objects = createBuffer(*ctx, needed + needed / 2, vk::BufferUsageFlagBits::eStorageBuffer,
                               true);
  const vk::DescriptorBufferInfo uniforms(*frame.uniforms.buffer, 0, VK_WHOLE_SIZE);
  const vk::DescriptorBufferInfo objects(*frame.objects.buffer, 0, VK_WHOLE_SIZE);
  const std::array<vk::WriteDescriptorSet, 2> writes{
      vk::WriteDescriptorSet(*frame.frameSet, 0, 0, vk::DescriptorType::eUniformBuffer, {},
                             uniforms),
      vk::WriteDescriptorSet(*frame.frameSet, 1, 0, vk::DescriptorType::eStorageBuffer, {},
                             objects)};
  ctx->device.updateDescriptorSets(writes, {});
}

std::uint32_t Renderer::Impl::addMesh(const assets::Mesh& mesh) {
  GpuMesh gpu;
  gpu.vertices = uploadBuffer(*ctx, bytesOf(mesh.vertices), vk::BufferUsageFlagBits::eVertexBuffer);
  gpu.indices = uploadBuffer(*ctx, bytesOf(mesh.indices), vk::BufferUsageFlagBits::eIndexBuffer);
  gpu.indexCount = static_cast<std::uint32_t>(mesh.indices.size());
  gpu.boundsMin = mesh.boundsMin;
  gpu.boundsMax = mesh.boundsMax;
  gpu.lods.fill(static_cast<std::uint32_t>(meshes.size()));
  meshes.push_back(std::move(gpu));
  return static_cast<std::uint32_t>(meshes.size() - 1);
}

std::uint32_t Renderer::Impl::primitiveMesh(const scene::Shape& shape) {
  const auto build = [&] {
    const std::uint32_t id = addMesh(buildPrimitive(shape, kLodTessellation[0]));
    if (!hasLevelsOfDetail(shape)) return id;
    for (std::uint32_t lod = 1; lod < kLodCount; ++lod) {
      const std::uint32_t coarse = addMesh(buildPrimitive(shape, kLodTessellation[lod]));
      meshes[id].lods[lod] = coarse;
    }
    return id;
  };
  if (shape.kind == scene::ShapeKind::Capsule) {
    const float key = capsuleRatio(shape);
    if (auto it = capsuleMeshes.find(key); it != capsuleMeshes.end()) return it->second;
    const auto id = build();
    capsuleMeshes.emplace(key, id);
    return id;
  }
  const auto kind = shape.kind == scene::ShapeKind::Plane ? scene::ShapeKind::Box : shape.kind;
  auto& slot = kindMeshes[static_cast<std::size_t>(kind)];
  if (slot == UINT32_MAX) slot = build();
  return slot;
}

std::uint32_t Renderer::Impl::addMaterial(const assets::Material& material,
                                          const std::vector<vk::ImageView>& textures) {
  GpuMaterial gpu;
  gpu.material = material;
  gpu.pass = material.alphaMode == assets::AlphaMode::Blend  ? DrawPass::Blend
             : material.alphaMode == assets::AlphaMode::Mask ? DrawPass::Mask
             : material.doubleSided                          ? DrawPass::OpaqueDoubleSided
                                                             : DrawPass::Opaque;
  if (material.alphaMode == assets::AlphaMode::Mask) gpu.flags |= kFlagAlphaMask;
  const auto pick = [&](int index, std::size_t fallback) -> vk::ImageView {
    if (index >= 0 && static_cast<std::size_t>(index) < textures.size()) {
      return textures[static_cast<std::size_t>(index)];
    }
    return *defaultTextures[fallback].view;
  };
  const auto has = [&](int index) {
    return index >= 0 && static_cast<std::size_t>(index) < textures.size();
  };
  if (has(material.normalTexture)) gpu.flags |= kFlagNormalMap;
  if (has(material.baseColourTexture)) gpu.flags |= kFlagBaseColourMap;
  if (has(material.metallicRoughnessTexture)) gpu.flags |= kFlagMetallicRoughnessMap;
  if (has(material.occlusionTexture)) gpu.flags |= kFlagOcclusionMap;
  if (has(material.emissiveTexture)) gpu.flags |= kFlagEmissiveMap;
  const std::array<vk::DescriptorImageInfo, 5> images{
      vk::DescriptorImageInfo(*sampler, pick(material.baseColourTexture, 0),
                              vk::ImageLayout::eShaderReadOnlyOptimal),
      vk::DescriptorImageInfo(*sampler, pick(material.normalTexture, 1),
                              vk::ImageLayout::eShaderReadOnlyOptimal),
      vk::DescriptorImageInfo(*sampler, pick(material.metallicRoughnessTexture, 2),
                              vk::ImageLayout::eShaderReadOnlyOptimal),
      vk::DescriptorImageInfo(*sampler, pick(material.occlusionTexture, 2),
                              vk::ImageLayout::eShaderReadOnlyOptimal),
      vk::DescriptorImageInfo(*sampler, pick(material.emissiveTexture, 0),
                              vk::ImageLayout::eShaderReadOnlyOptimal)};
  gpu.set = std::move(vk::raii::DescriptorSets(
      ctx->device, vk::DescriptorSetAllocateInfo(*descriptorPool, *pipelines->materialSetLayout()))
                          .front());
  ctx->device.updateDescriptorSets(
      vk::WriteDescriptorSet(*gpu.set, 0, 0, vk::DescriptorType::eCombinedImageSampler, images),
      {});
  materials.push_back(std::move(gpu));
  return static_cast<std::uint32_t>(materials.size() - 1);
}

core::Result<void> Renderer::addModel(const std::string& key, const assets::Model& model) {
  try {
    GpuModel gpu;
    for (const auto& texture : model.textures) {
      if (texture.pixels.size() != std::size_t{texture.width} * texture.height * 4 ||
          texture.width == 0) {
        return core::fail(model.source, ": texture '", texture.name, "' has ",
                          std::to_string(texture.pixels.size()), " bytes for ",
                          std::to_string(texture.width), "x", std::to_string(texture.height));
      }
      gpu.textures.push_back(
          uploadTexture(*impl_->ctx, texture.width, texture.height, texture.srgb, texture.pixels));
    }
    std::vector<std::uint32_t> materialIds;
    for (const auto& material : model.materials) {
      std::vector<vk::ImageView> views;
      for (const auto& texture : gpu.textures) views.push_back(*texture.view);
      materialIds.push_back(impl_->addMaterial(material, views));
    }
    std::vector<std::uint32_t> meshIds;
    for (const auto& mesh : model.meshes) {
      if (mesh.indices.empty() || mesh.vertices.empty()) return core::fail(model.source, ": mesh '", mesh.name, "' is empty");
      meshIds.push_back(impl_->addMesh(mesh));
    }
    for (const auto& instance : model.instances) {
      if (instance.mesh < 0 || static_cast<std::size_t>(instance.mesh) >= meshIds.size()) {
        return core::fail(model.source, ": instance names mesh ", std::to_string(instance.mesh));
      }
      const auto& mesh = model.meshes[static_cast<std::size_t>(instance.mesh)];
      const auto material = mesh.material >= 0 &&
                                    static_cast<std::size_t>(mesh.material) < materialIds.size()
                                ? materialIds[static_cast<std::size_t>(mesh.material)]
                                : 0U;
      gpu.parts.push_back({meshIds[static_cast<std::size_t>(instance.mesh)], material,
                           instance.transform});
    }
    impl_->models.insert_or_assign(key, std::move(gpu));
  } catch (const vk::SystemError& e) {
    return core::fail("render: cannot upload model ", key, ": ", e.what());
  }
  return {};
}

core::Result<FrameStats> Renderer::render(const FrameInput& input, RenderTarget& target) {
  if (input.scene == nullptr) return core::fail("render: the frame has no scene");
  if (input.views.size() != target.viewCount() || input.views.empty() || input.views.size() > 2) {
    return core::fail("render: ", std::to_string(input.views.size()), " views for a target of ",
                      std::to_string(target.viewCount()), " layers");
  }
  try {
    auto image = target.acquire();
    if (!image) return std::unexpected(image.error());
    if (image->image == VK_NULL_HANDLE) return FrameStats{.skipped = true};  // minimised
    FrameStats stats = impl_->renderFrame(input, target, *image);
    if (auto done = target.finish(); !done) return std::unexpected(done.error());
    return stats;
  } catch (const vk::SystemError& e) {
    impl_->shadowCache.invalidate();  // a shadow map recorded in this frame may never be drawn
    return core::fail("render: frame failed: ", e.what());
  }
}

}  // namespace praxis::render
