// Internal: descriptor set layouts, pipeline layouts, the on-disk pipeline cache and the
// graphics pipelines (per target format and view count) the renderer draws with.
#pragma once

#include <vulkan/vulkan_raii.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <tuple>

#include "core/log.h"
#include "render/vulkan_context.h"

namespace praxis::render {

inline constexpr vk::Format kDepthFormat = vk::Format::eD32Sfloat;
inline constexpr vk::Format kPanelFormat = vk::Format::eR8G8B8A8Srgb;

/// Pipelines that depend on the target (colour format, multiview view count).
/// With a depth prepass (RendererOptions::depthPrepass), opaque surfaces are shaded once per
/// pixel: the prepass writes their depth, then the colour pipelines test LESS_OR_EQUAL without
/// writing. Without, the colour pipelines write depth themselves, still LESS_OR_EQUAL, so the
/// last-drawn of equally near surfaces wins as it does after a prepass. Only the mask pipeline may
/// discard (a specialization constant removes the discard elsewhere, so early depth tests apply);
/// another one removes the texture fetches for materials that have no maps.
struct ScenePipelines {
  vk::raii::Pipeline prepass{nullptr};
  vk::raii::Pipeline prepassDoubleSided{nullptr};
  vk::raii::Pipeline opaque{nullptr};
  vk::raii::Pipeline opaqueDoubleSided{nullptr};
  vk::raii::Pipeline mask{nullptr};   // alpha-tested, writes its own depth
  vk::raii::Pipeline blend{nullptr};  // transparent, sorted back to front, no depth write
  // The same for materials without texture maps (scenario primitives): no texture fetches.
  vk::raii::Pipeline opaqueUntextured{nullptr};
  vk::raii::Pipeline opaqueDoubleSidedUntextured{nullptr};
  vk::raii::Pipeline blendUntextured{nullptr};
  vk::raii::Pipeline flash{nullptr};
};

class Pipelines {
 public:
  Pipelines(const VulkanContext& ctx, std::filesystem::path cacheFile,
            vk::SampleCountFlagBits samples, bool depthPrepass, core::Log log);
  ~Pipelines();  // writes the pipeline cache back to disk
  Pipelines(const Pipelines&) = delete;
  Pipelines& operator=(const Pipelines&) = delete;

  [[nodiscard]] const ScenePipelines& forTarget(vk::Format colour, std::uint32_t views);
  [[nodiscard]] const vk::raii::Pipeline& shadow() const { return shadow_; }
  /// ImGui into a panel texture (kPanelFormat).
  [[nodiscard]] const vk::raii::Pipeline& ui() const { return ui_; }
  /// ImGui over a finished frame (the screen-space overlay), for a target format.
  [[nodiscard]] const vk::raii::Pipeline& overlay(vk::Format colour);

  // Set 0: frame uniforms + objects; set 1: shadow map; set 2: material textures.
  [[nodiscard]] const vk::raii::DescriptorSetLayout& frameSetLayout() const { return frameSet_; }
  [[nodiscard]] const vk::raii::DescriptorSetLayout& shadowSetLayout() const { return shadowSet_; }
  [[nodiscard]] const vk::raii::DescriptorSetLayout& materialSetLayout() const {
    return materialSet_;
  }
  [[nodiscard]] const vk::raii::DescriptorSetLayout& uiSetLayout() const { return uiSet_; }
  [[nodiscard]] const vk::raii::PipelineLayout& sceneLayout() const { return sceneLayout_; }
  [[nodiscard]] const vk::raii::PipelineLayout& uiLayout() const { return uiLayout_; }
  [[nodiscard]] vk::SampleCountFlagBits samples() const { return samples_; }
  [[nodiscard]] bool depthPrepass() const { return depthPrepass_; }

  /// Writes the cache file now (also done on destruction).
  void saveCache() const;

 private:
  [[nodiscard]] vk::raii::ShaderModule module(const char* name) const;
  [[nodiscard]] ScenePipelines buildScene(vk::Format colour, std::uint32_t views) const;
  void buildShadow();
  [[nodiscard]] vk::raii::Pipeline buildUi(vk::Format colour) const;

  const VulkanContext& ctx_;
  std::filesystem::path cacheFile_;
  vk::SampleCountFlagBits samples_;
  bool depthPrepass_;
  core::Log log_;
  // Layouts before pipelines: pipelines are destroyed first.
  vk::raii::PipelineCache cache_{nullptr};
  vk::raii::DescriptorSetLayout frameSet_{nullptr};
  vk::raii::DescriptorSetLayout shadowSet_{nullptr};
  vk::raii::DescriptorSetLayout materialSet_{nullptr};
  vk::raii::DescriptorSetLayout uiSet_{nullptr};
  vk::raii::PipelineLayout sceneLayout_{nullptr};
  vk::raii::PipelineLayout uiLayout_{nullptr};
  vk::raii::Pipeline shadow_{nullptr};
  vk::raii::Pipeline ui_{nullptr};
  std::map<std::pair<vk::Format, std::uint32_t>, ScenePipelines> scene_;
  std::map<vk::Format, vk::raii::Pipeline> overlay_;
};

}  // namespace praxis::render
