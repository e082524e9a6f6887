// Pipeline and descriptor layouts, the pipeline cache file, and pipeline creation.
#include "render/pipelines.h"

#include <array>
#include <cstddef>
#include <fstream>
#include <iterator>
#include <vector>

#include "assets/mesh.h"
#include "render/embedded_shaders.h"

namespace praxis::render {
namespace {

using Stage = vk::ShaderStageFlagBits;

std::vector<char> readCache(const std::filesystem::path& file) {
  if (file.empty()) return {};
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

vk::raii::DescriptorSetLayout samplerSetLayout(const VulkanContext& ctx, std::uint32_t count) {
  std::vector<vk::DescriptorSetLayoutBinding> bindings;
  for (std::uint32_t i = 0; i < count; ++i) {
    bindings.emplace_back(i, vk::DescriptorType::eCombinedImageSampler, 1, Stage::eFragment);
  }
  return ctx.device.createDescriptorSetLayout(vk::DescriptorSetLayoutCreateInfo({}, bindings));
}

/// The fixed-function state every scene pipeline shares, so each build only changes a few.
struct SceneState {
  std::array<vk::VertexInputBindingDescription, 1> bindings{
      vk::VertexInputBindingDescription(0, sizeof(assets::Vertex), vk::VertexInputRate::eVertex)};
  std::array<vk::VertexInputAttributeDescription, 4> attributes{
      vk::VertexInputAttributeDescription(0, 0, vk::Format::eR32G32B32Sfloat,
                                          offsetof(assets::Vertex, position)),
      vk::VertexInputAttributeDescription(1, 0, vk::Format::eR32G32B32Sfloat,
                                          offsetof(assets::Vertex, normal)),
      vk::VertexInputAttributeDescription(2, 0, vk::Format::eR32G32B32A32Sfloat,
                                          offsetof(assets::Vertex, tangent)),
      vk::VertexInputAttributeDescription(3, 0, vk::Format::eR32G32Sfloat,
                                          offsetof(assets::Vertex, uv))};
  vk::PipelineVertexInputStateCreateInfo vertexInput{{}, bindings, attributes};
  vk::PipelineInputAssemblyStateCreateInfo assembly{{}, vk::PrimitiveTopology::eTriangleList};
  vk::PipelineViewportStateCreateInfo viewport{{}, 1, nullptr, 1, nullptr};
  // Counter-clockwise front faces (glTF); the projection flips y, which keeps that true.
  vk::PipelineRasterizationStateCreateInfo raster{
      {}, VK_FALSE, VK_FALSE, vk::PolygonMode::eFill, vk::CullModeFlagBits::eBack,
      vk::FrontFace::eCounterClockwise, VK_FALSE, 0.0F, 0.0F, 0.0F, 1.0F};
  vk::PipelineMultisampleStateCreateInfo multisample{{}, vk::SampleCountFlagBits::e1};
  vk::PipelineDepthStencilStateCreateInfo depth{{}, VK_TRUE, VK_TRUE, vk::CompareOp::eLess};
  vk::PipelineColorBlendAttachmentState attachment{
      VK_FALSE, vk::BlendFactor::eSrcAlpha, vk::BlendFactor::eOneMinusSrcAlpha,
      vk::BlendOp::eAdd, vk::BlendFactor::eOne, vk::BlendFactor::eOneMinusSrcAlpha,
      vk::BlendOp::eAdd,
      vk::ColorComponentFlagBits::eR | vk::ColorComponentFlagBits::eG |
          vk::ColorComponentFlagBits::eB | vk::ColorComponentFlagBits::eA};
  vk::PipelineColorBlendStateCreateInfo blend{{}, VK_FALSE, vk::LogicOp::eCopy, attachment};
  std::array<vk::DynamicState, 2> dynamicStates{vk::DynamicState::eViewport,
                                                vk::DynamicState::eScissor};
  vk::PipelineDynamicStateCreateInfo dynamic{{}, dynamicStates};
  vk::Format colourFormat = vk::Format::eUndefined;
  vk::PipelineRenderingCreateInfo rendering{0, colourFormat, kDepthFormat};
  std::vector<vk::PipelineShaderStageCreateInfo> stages;

  vk::GraphicsPipelineCreateInfo info(vk::PipelineLayout layout) {
    blend.setAttachments(attachment);
    vk::GraphicsPipelineCreateInfo out({}, stages, &vertexInput, &assembly, nullptr, &viewport,
                                       &raster, &multisample, &depth, &blend, &dynamic, layout);
    out.pNext = &rendering;
    return out;
  }
};

}  // namespace

Pipelines::Pipelines(const VulkanContext& ctx, std::filesystem::path cacheFile,
                     vk::SampleCountFlagBits samples, bool depthPrepass, core::Log log)
    : ctx_(ctx),
      cacheFile_(std::move(cacheFile)),
      samples_(samples),
      depthPrepass_(depthPrepass),
      log_(std::move(log)) {
  // The driver checks the header (vendor, device, cache UUID) and ignores a foreign or stale
  // file, so a cache from another GPU or driver only costs the time to rebuild.
  const auto data = readCache(cacheFile_);
  cache_ = ctx_.device.createPipelineCache(
      vk::PipelineCacheCreateInfo({}, data.size(), data.empty() ? nullptr : data.data()));

  const std::array<vk::DescriptorSetLayoutBinding, 2> frameBindings{
      vk::DescriptorSetLayoutBinding(0, vk::DescriptorType::eUniformBuffer, 1,
                                     Stage::eVertex | Stage::eFragment),
      vk::DescriptorSetLayoutBinding(1, vk::DescriptorType::eStorageBuffer, 1,
                                     Stage::eVertex | Stage::eFragment)};
  frameSet_ = ctx_.device.createDescriptorSetLayout(
      vk::DescriptorSetLayoutCreateInfo({}, frameBindings));
  shadowSet_ = samplerSetLayout(ctx_, 1);
  materialSet_ = samplerSetLayout(ctx_, 5);
  uiSet_ = samplerSetLayout(ctx_, 1);
  const std::array<vk::DescriptorSetLayout, 3> sets{*frameSet_, *shadowSet_, *materialSet_};
  // The view offset: which eye gl_ViewIndex 0 is when eyes are drawn one per pass.
  const vk::PushConstantRange viewOffset(Stage::eVertex | Stage::eFragment, 0, sizeof(std::uint32_t));
  sceneLayout_ = ctx_.device.createPipelineLayout(vk::PipelineLayoutCreateInfo({}, sets, viewOffset));
  const vk::PushConstantRange push(Stage::eVertex, 0, sizeof(float) * 4);
  uiLayout_ = ctx_.device.createPipelineLayout(vk::PipelineLayoutCreateInfo({}, *uiSet_, push));
  buildShadow();
  ui_ = buildUi(kPanelFormat);
}

Pipelines::~Pipelines() { saveCache(); }

void Pipelines::saveCache() const {
  if (cacheFile_.empty()) return;
  const auto data = cache_.getData();
  std::error_code ec;
  std::filesystem::create_directories(cacheFile_.parent_path(), ec);
  const auto tmp = cacheFile_.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data.data()),
              static_cast<std::streamsize>(data.size()));
    if (!out) {
      log_.warning("cannot write the pipeline cache " + tmp);
      return;
    }
  }
  std::filesystem::rename(tmp, cacheFile_, ec);
  if (ec) log_.warning("cannot write the pipeline cache " + cacheFile_.string());
}

vk::raii::ShaderModule Pipelines::module(const char* name) const {
  const auto words = embeddedSpirv(name);
  if (words.empty()) {
    throw vk::SystemError(vk::make_error_code(vk::Result::eErrorInitializationFailed),
                          std::string("shader not embedded: ") + name);
  }
  return ctx_.device.createShaderModule(
      vk::ShaderModuleCreateInfo({}, words.size_bytes(), words.data()));
}

const ScenePipelines& Pipelines::forTarget(vk::Format colour, std::uint32_t views) {
  const auto key = std::make_pair(colour, views);
  auto it = scene_.find(key);
  if (it == scene_.end()) it = scene_.emplace(key, buildScene(colour, views)).first;
  return it->second;
}

ScenePipelines Pipelines::buildScene(vk::Format colour, std::uint32_t views) const {
  const auto vert = module("mesh.vert");
  const auto frag = module("mesh.frag");
  const auto flashVert = module("flash.vert");
  const auto flashFrag = module("flash.frag");
  SceneState state;
  state.colourFormat = colour;
  state.rendering = vk::PipelineRenderingCreateInfo((1U << views) - 1U, colour, kDepthFormat);
  state.multisample.rasterizationSamples = samples_;
  state.stages = {{{}, Stage::eVertex, *vert, "main"}, {{}, Stage::eFragment, *frag, "main"}};

  // mesh.frag's constants: 0 = alpha-mask pipeline, 1 = textured pipeline.
  struct FragmentConstants {
    VkBool32 alphaMask;
    VkBool32 textured;
  };
  const std::array<vk::SpecializationMapEntry, 2> entries{
      vk::SpecializationMapEntry(0, offsetof(FragmentConstants, alphaMask), sizeof(VkBool32)),
      vk::SpecializationMapEntry(1, offsetof(FragmentConstants, textured), sizeof(VkBool32))};
  const FragmentConstants maskOn{VK_TRUE, VK_TRUE};
  const FragmentConstants untexturedOn{VK_FALSE, VK_FALSE};
  const vk::SpecializationInfo maskSpec(2, entries.data(), sizeof(maskOn), &maskOn);
  const vk::SpecializationInfo untexturedSpec(2, entries.data(), sizeof(untexturedOn), &untexturedOn);

  ScenePipelines out;
  // Depth prepass: the same vertex shader (gl_Position is invariant), no colour writes.
  state.stages = {{{}, Stage::eVertex, *vert, "main"}};
  state.attachment.colorWriteMask = {};
  out.prepass = ctx_.device.createGraphicsPipeline(cache_, state.info(*sceneLayout_));
  state.raster.cullMode = vk::CullModeFlagBits::eNone;
  out.prepassDoubleSided = ctx_.device.createGraphicsPipeline(cache_, state.info(*sceneLayout_));

  state.stages = {{{}, Stage::eVertex, *vert, "main"}, {{}, Stage::eFragment, *frag, "main"}};
  state.attachment.colorWriteMask =
      vk::ColorComponentFlagBits::eR | vk::ColorComponentFlagBits::eG |
      vk::ColorComponentFlagBits::eB | vk::ColorComponentFlagBits::eA;
  state.depth.depthCompareOp = vk::CompareOp::eLessOrEqual;
  state.depth.depthWriteEnable = depthPrepass_ ? VK_FALSE : VK_TRUE;  // the prepass wrote it
  state.raster.cullMode = vk::CullModeFlagBits::eBack;
  out.opaque = ctx_.device.createGraphicsPipeline(cache_, state.info(*sceneLayout_));
  state.stages[1].pSpecializationInfo = &untexturedSpec;
  out.opaqueUntextured = ctx_.device.createGraphicsPipeline(cache_, state.info(*sceneLayout_));
  state.raster.cullMode = vk::CullModeFlagBits::eNone;
  out.opaqueDoubleSidedUntextured = ctx_.device.createGraphicsPipeline(cache_, state.info(*sceneLayout_));
  state.stages[1].pSpecializationInfo = nullptr;
  out.opaqueDoubleSided = ctx_.device.createGraphicsPipeline(cache_, state.info(*sceneLayout_));
  state.depth.depthWriteEnable = VK_TRUE;  // not in the prepass: its holes must stay open
  state.stages[1].pSpecializationInfo = &maskSpec;
  out.mask = ctx_.device.createGraphicsPipeline(cache_, state.info(*sceneLayout_));
  state.stages[1].pSpecializationInfo = nullptr;
  state.depth.depthWriteEnable = VK_FALSE;
  state.attachment.blendEnable = VK_TRUE;
  out.blend = ctx_.device.createGraphicsPipeline(cache_, state.info(*sceneLayout_));
  state.stages[1].pSpecializationInfo = &untexturedSpec;
  out.blendUntextured = ctx_.device.createGraphicsPipeline(cache_, state.info(*sceneLayout_));
  state.stages[1].pSpecializationInfo = nullptr;

  state.stages = {{{}, Stage::eVertex, *flashVert, "main"},
                  {{}, Stage::eFragment, *flashFrag, "main"}};
  state.vertexInput = vk::PipelineVertexInputStateCreateInfo();
  state.depth.depthTestEnable = VK_FALSE;
  out.flash = ctx_.device.createGraphicsPipeline(cache_, state.info(*sceneLayout_));
  return out;
}

void Pipelines::buildShadow() {
  const auto vert = module("shadow.vert");
  SceneState state;
  state.rendering = vk::PipelineRenderingCreateInfo(0, {}, kDepthFormat);
  state.stages = {{{}, Stage::eVertex, *vert, "main"}};
  state.raster.cullMode = vk::CullModeFlagBits::eNone;  // thin parts and planes cast too
  // Only the position: unused attributes draw a performance warning from the layer.
  state.vertexInput.vertexAttributeDescriptionCount = 1;
  auto info = state.info(*sceneLayout_);
  info.pColorBlendState = nullptr;
  shadow_ = ctx_.device.createGraphicsPipeline(cache_, info);
}

const vk::raii::Pipeline& Pipelines::overlay(vk::Format colour) {
  auto it = overlay_.find(colour);
  if (it == overlay_.end()) it = overlay_.emplace(colour, buildUi(colour)).first;
  return it->second;
}

vk::raii::Pipeline Pipelines::buildUi(vk::Format colour) const {
  const auto vert = module("ui.vert");
  const auto frag = module("ui.frag");
  SceneState state;
  const vk::VertexInputBindingDescription binding(0, 20, vk::VertexInputRate::eVertex);
  const std::array<vk::VertexInputAttributeDescription, 3> attributes{
      vk::VertexInputAttributeDescription(0, 0, vk::Format::eR32G32Sfloat, 0),
      vk::VertexInputAttributeDescription(1, 0, vk::Format::eR32G32Sfloat, 8),
      vk::VertexInputAttributeDescription(2, 0, vk::Format::eR8G8B8A8Unorm, 16)};
  state.vertexInput = vk::PipelineVertexInputStateCreateInfo({}, binding, attributes);
  state.colourFormat = colour;
  state.rendering = vk::PipelineRenderingCreateInfo(0, state.colourFormat, vk::Format::eUndefined);
  const VkBool32 decode = vk::to_string(colour).find("Srgb") != std::string::npos ? VK_TRUE : VK_FALSE;
  const vk::SpecializationMapEntry entry(0, 0, sizeof(VkBool32));
  const vk::SpecializationInfo spec(1, &entry, sizeof(decode), &decode);
  state.stages = {{{}, Stage::eVertex, *vert, "main", &spec},
                  {{}, Stage::eFragment, *frag, "main"}};
  state.raster.cullMode = vk::CullModeFlagBits::eNone;
  state.depth.depthTestEnable = VK_FALSE;
  state.depth.depthWriteEnable = VK_FALSE;
  state.attachment.blendEnable = VK_TRUE;
  return ctx_.device.createGraphicsPipeline(cache_, state.info(*uiLayout_));
}

}  // namespace praxis::render
