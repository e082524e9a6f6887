// Internal: the screen-space overlay pass. Dear ImGui draw data (the HUD, editor panels) is
// drawn into the frame's target after the scene pass, with our own small ImGui renderer
// (dynamic rendering; ImGui 1.86's Vulkan backend needs a VkRenderPass we do not have).
#pragma once

#include <vulkan/vulkan_raii.hpp>

#include <unordered_map>
#include <vector>

#include "render/gpu.h"
#include "render/renderer.h"

struct ImDrawData;

namespace praxis::render {

class OverlayRenderer {
 public:
  explicit OverlayRenderer(struct Renderer::Impl& impl);
  ~OverlayRenderer();
  OverlayRenderer(const OverlayRenderer&) = delete;
  OverlayRenderer& operator=(const OverlayRenderer&) = delete;

  /// Copies `data`'s vertices into frame slot `frame`'s buffers (the slot's previous frame
  /// has finished) and uploads font atlases not seen before or changed since. Null: nothing.
  void prepare(const ImDrawData* data, std::uint32_t frame);
  /// Draws the prepared overlay into every layer of `image` (COLOR_ATTACHMENT_OPTIMAL).
  void record(const vk::raii::CommandBuffer& cmd, std::uint32_t frame, const RenderTarget& target,
              const TargetImage& image);

 private:
  struct Atlas {
    const void* pixels = nullptr;  // the atlas's pixel buffer when uploaded: changes on rebuild
    int width = 0;
    int height = 0;
    GpuImage image;
    vk::raii::DescriptorSet set{nullptr};
  };
  struct Command {
    vk::Rect2D scissor;
    std::uint32_t indexCount = 0;
    std::uint32_t firstIndex = 0;
    std::int32_t vertexOffset = 0;
    vk::DescriptorSet set;
  };
  [[nodiscard]] vk::DescriptorSet atlasSet(void* textureId);
  void ensureCapacity(std::uint32_t frame, std::size_t vertexBytes, std::size_t indexBytes);

  Renderer::Impl& impl_;
  vk::raii::Sampler sampler_{nullptr};
  std::unordered_map<const void*, Atlas> atlases_;  // by ImFontAtlas*
  std::vector<Buffer> vertices_;  // per frame in flight, host-visible, grown on demand
  std::vector<Buffer> indices_;
  std::vector<Command> commands_;     // this frame's
  std::array<float, 4> transform_{};  // scale.xy, translate.xy: display → clip space
};

}  // namespace praxis::render
