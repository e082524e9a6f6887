// Internal: world-space panels and labels. Each is laid out by Dear ImGui (its own context,
// the UI font of render/ui_font.h; text wraps and pages, never cut) into its own
// texture (our own small ImGui renderer: dynamic rendering, no render pass), then drawn in
// the scene as an unlit, blended quad.
#pragma once

#include <vulkan/vulkan_raii.hpp>

#include <vector>

#include "render/frame_input.h"
#include "render/gpu.h"
#include "render/renderer.h"

struct ImGuiContext;
struct ImFont;

namespace praxis::render {

struct PanelSlot;

class PanelRenderer {
 public:
  /// Fails when the UI font (RendererOptions::fontFile) cannot be read.
  [[nodiscard]] static core::Result<std::unique_ptr<PanelRenderer>> create(
      struct Renderer::Impl& impl);
  ~PanelRenderer();
  PanelRenderer(const PanelRenderer&) = delete;
  PanelRenderer& operator=(const PanelRenderer&) = delete;

  /// Lays out this frame's panels and labels with ImGui, fills frame slot `frame`'s vertex
  /// buffers, and adds one quad per panel to the renderer's draw list.
  void prepare(const FrameInput& input, std::uint32_t frame);
  /// Draws the prepared panels into their textures (before the scene pass samples them).
  void record(const vk::raii::CommandBuffer& cmd, std::uint32_t frame);

 private:
  explicit PanelRenderer(Renderer::Impl& impl);
  void upload();  // the font atlas, sampler, quad mesh and vertex buffers
  void layOut(const std::string& title, const std::string& body, vk::Extent2D size, bool label,
              std::uint32_t page);
  [[nodiscard]] PanelSlot& slot(std::size_t index, vk::Extent2D size);

  Renderer::Impl& impl_;
  ImGuiContext* imgui_ = nullptr;  // owned; destroyed in the destructor
  ImFont* bodyFont_ = nullptr;     // owned by imgui_'s atlas
  ImFont* titleFont_ = nullptr;
  GpuImage fontAtlas_;
  vk::raii::Sampler fontSampler_{nullptr};  // linear: panels are seen at any distance
  vk::raii::DescriptorSet fontSet_{nullptr};
  std::uint32_t quadMesh_ = 0;
  std::vector<std::unique_ptr<PanelSlot>> slots_;
  std::vector<Buffer> vertices_;  // per frame in flight, host-visible
  std::vector<Buffer> indices_;
  std::size_t used_ = 0;          // slots used this frame
};

}  // namespace praxis::render
