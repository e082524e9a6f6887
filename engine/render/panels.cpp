// Panels and labels: ImGui draw data → panel textures → blended quads in the scene.
#include "render/panels.h"

#include <glm/gtc/matrix_transform.hpp>
#include <imgui.h>

#include <cstring>

#include "render/renderer_impl.h"
#include "render/ui_font.h"

namespace praxis::render {

/// One panel texture with its material (unlit, blended, baseColour = the texture), reused
/// from frame to frame; the draw commands of the current frame.
struct PanelSlot {
  GpuImage image;
  std::uint32_t material = 0;
  struct Command {
    vk::Rect2D scissor;
    std::uint32_t indexCount = 0;
    std::uint32_t firstIndex = 0;
    std::int32_t vertexOffset = 0;
  };
  std::vector<Command> commands;
  glm::vec2 scale{1.0F};
};

namespace {

constexpr std::size_t kVertexBytes = 4U << 20U;  // per frame: plenty for a few dozen panels
constexpr std::size_t kIndexBytes = 2U << 20U;
const ImVec4 kPanelTitleColour{1.0F, 0.85F, 0.3F, 1.0F};  // warm yellow on the dark panel

assets::Mesh quadMesh() {
  assets::Mesh mesh;
  mesh.name = "panel-quad";
  const glm::vec2 corners[4] = {{-0.5F, -0.5F}, {0.5F, -0.5F}, {0.5F, 0.5F}, {-0.5F, 0.5F}};
  for (const auto& c : corners) {
    assets::Vertex v;
    v.position = core::Vec3(c, 0.0F);
    v.normal = core::Vec3(0.0F, 0.0F, 1.0F);
    v.uv = glm::vec2(c.x + 0.5F, 0.5F - c.y);  // texture row 0 at the top
    mesh.vertices.push_back(v);
  }
  mesh.indices = {0, 1, 2, 0, 2, 3};
  mesh.boundsMin = core::Vec3(-0.5F, -0.5F, 0.0F);
  mesh.boundsMax = core::Vec3(0.5F, 0.5F, 0.0F);
  return mesh;
}

}  // namespace

core::Result<std::unique_ptr<PanelRenderer>> PanelRenderer::create(Renderer::Impl& impl) {
  auto out = std::unique_ptr<PanelRenderer>(new PanelRenderer(impl));
  ImGuiContextScope scope(out->imgui_);
  ImGuiIO& io = ImGui::GetIO();
  auto body = addUiFont(*io.Fonts, kPanelFontPixels, impl.options.fontFile);
  if (!body) return std::unexpected(body.error());
  auto title = addUiFont(*io.Fonts, kPanelFontPixels, impl.options.boldFontFile);
  if (!title) return std::unexpected(title.error());
  out->bodyFont_ = *body;
  out->titleFont_ = *title;
  out->upload();
  return out;
}

PanelRenderer::PanelRenderer(Renderer::Impl& impl) : impl_(impl), imgui_(ImGui::CreateContext()) {
  ImGuiContextScope scope(imgui_);
  ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini next to the binary
}

void PanelRenderer::upload() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int width = 0;
  int height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  fontAtlas_ = uploadTexture(*impl_.ctx, static_cast<std::uint32_t>(width),
                             static_cast<std::uint32_t>(height), false,
                             std::span(pixels, static_cast<std::size_t>(width) * height * 4));
  ImGui::StyleColorsDark();
  ImGui::GetStyle().WindowRounding = 0.0F;
  ImGui::GetStyle().WindowBorderSize = 0.0F;
  // Opaque panels: ImGui's 0.94 background lets 6 % of the scene through, which after sRGB
  // encoding looks like a quarter and makes text over busy scenes hard to read.
  ImGui::GetStyle().Colors[ImGuiCol_WindowBg].w = 1.0F;

  const auto& device = impl_.ctx->device;
  fontSet_ = std::move(
      vk::raii::DescriptorSets(device, vk::DescriptorSetAllocateInfo(
                                           *impl_.descriptorPool, *impl_.pipelines->uiSetLayout()))
          .front());
  fontSampler_ = device.createSampler(vk::SamplerCreateInfo(
      {}, vk::Filter::eLinear, vk::Filter::eLinear, vk::SamplerMipmapMode::eNearest,
      vk::SamplerAddressMode::eClampToEdge, vk::SamplerAddressMode::eClampToEdge,
      vk::SamplerAddressMode::eClampToEdge));
  const vk::DescriptorImageInfo atlas(*fontSampler_, *fontAtlas_.view,
                                      vk::ImageLayout::eShaderReadOnlyOptimal);
  device.updateDescriptorSets(
      vk::WriteDescriptorSet(*fontSet_, 0, 0, vk::DescriptorType::eCombinedImageSampler, atlas),
      {});
  quadMesh_ = impl_.addMesh(quadMesh());
  for (std::size_t i = 0; i < impl_.frames.size(); ++i) {
    vertices_.push_back(
        createBuffer(*impl_.ctx, kVertexBytes, vk::BufferUsageFlagBits::eVertexBuffer, true));
    indices_.push_back(
        createBuffer(*impl_.ctx, kIndexBytes, vk::BufferUsageFlagBits::eIndexBuffer, true));
  }
}

PanelRenderer::~PanelRenderer() {
  ImGui::DestroyContext(imgui_);
}

PanelSlot& PanelRenderer::slot(std::size_t index, vk::Extent2D size) {
  if (index < slots_.size() && slots_[index]->image.extent == size) return *slots_[index];
  auto fresh = std::make_unique<PanelSlot>();
  ImageDesc desc;
  desc.format = kPanelFormat;
  desc.extent = size;
  desc.usage = vk::ImageUsageFlagBits::eColorAttachment | vk::ImageUsageFlagBits::eSampled;
  impl_.ctx->device.waitIdle();  // a resized panel: the old texture may still be sampled
  fresh->image = createImage(*impl_.ctx, desc);
  assets::Material material;
  material.name = "panel";
  material.alphaMode = assets::AlphaMode::Blend;
  material.doubleSided = true;
  material.baseColourTexture = 0;
  fresh->material = impl_.addMaterial(material, {*fresh->image.view});
  impl_.materials[fresh->material].flags |= kFlagUnlit;
  if (index < slots_.size()) {
    slots_[index] = std::move(fresh);
  } else {
    slots_.push_back(std::move(fresh));
  }
  return *slots_[index];
}

void PanelRenderer::prepare(const FrameInput& input, std::uint32_t frame) {
  ImGuiContextScope scope(imgui_);
  used_ = 0;
  auto* vtx = static_cast<std::byte*>(vertices_[frame].mapped);
  auto* idx = static_cast<std::byte*>(indices_[frame].mapped);
  std::size_t vtxUsed = 0;
  std::size_t idxUsed = 0;
  const core::Vec3 eye = input.views.front().position;

  const auto place = [&](const std::string& title, const std::string& body, glm::vec2 metres,
                         std::uint32_t pixelsPerMetre, const core::Pose& pose, bool label,
                         std::uint32_t page) {
    const vk::Extent2D size(std::max(8U, static_cast<std::uint32_t>(metres.x * pixelsPerMetre)),
                            std::max(8U, static_cast<std::uint32_t>(metres.y * pixelsPerMetre)));
    PanelSlot& panel = slot(used_++, size);
    layOut(title, body, size, label, page);
    const ImDrawData* data = ImGui::GetDrawData();
    panel.commands.clear();
    panel.scale =
        glm::vec2(2.0F / static_cast<float>(size.width), 2.0F / static_cast<float>(size.height));
    for (int l = 0; l < data->CmdListsCount; ++l) {
      const ImDrawList* list = data->CmdLists[l];
      const std::size_t vBytes =
          static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert);
      const std::size_t iBytes = static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx);
      if (vtxUsed + vBytes > kVertexBytes || idxUsed + iBytes > kIndexBytes)
        break;  // too much text
      if (vBytes == 0 || iBytes == 0) continue;  // an empty ImVector's Data is null: no memcpy
      std::memcpy(vtx + vtxUsed, list->VtxBuffer.Data, vBytes);
      std::memcpy(idx + idxUsed, list->IdxBuffer.Data, iBytes);
      for (const ImDrawCmd& c : list->CmdBuffer) {
        const auto x0 = static_cast<std::int32_t>(std::max(c.ClipRect.x, 0.0F));
        const auto y0 = static_cast<std::int32_t>(std::max(c.ClipRect.y, 0.0F));
        const auto x1 = std::min(static_cast<std::int32_t>(c.ClipRect.z),
                                 static_cast<std::int32_t>(size.width));
        const auto y1 = std::min(static_cast<std::int32_t>(c.ClipRect.w),
                                 static_cast<std::int32_t>(size.height));
        if (x1 <= x0 || y1 <= y0) continue;
        panel.commands.push_back(
            {vk::Rect2D({x0, y0},
                        {static_cast<std::uint32_t>(x1 - x0), static_cast<std::uint32_t>(y1 - y0)}),
             c.ElemCount, static_cast<std::uint32_t>(idxUsed / sizeof(ImDrawIdx) + c.IdxOffset),
             static_cast<std::int32_t>(vtxUsed / sizeof(ImDrawVert) + c.VtxOffset)});
      }
      vtxUsed += vBytes;
      idxUsed += iBytes;
    }
    const core::Mat4 model = glm::scale(pose.matrix(), core::Vec3(metres, 1.0F));
    impl_.addObject(model, quadMesh_, panel.material, glm::vec4(1.0F), false, eye);
  };

  for (const auto& p : input.panels) {
    place(p.title, p.body, p.sizeMetres, p.pixelsPerMetre, p.pose, false, p.page);
  }
  for (const auto& l : input.labels) {
    if (l.entity >= input.scene->size() || l.text.empty()) continue;
    const auto& entity = input.scene->at(l.entity);
    const float top = entity.visual.shape.halfExtents().y + l.heightAbove;
    core::Pose pose;
    pose.position = entity.worldPose.position + core::Vec3(0.0F, top, 0.0F);
    const core::Vec3 toEye = eye - pose.position;
    if (glm::length(toEye) > 1e-3F)
      pose.orientation = glm::quatLookAt(-glm::normalize(toEye), {0, 1, 0});
    // The label's width follows its text at 800 px/m; the padding is ImGui's window padding.
    const float textPixels =
        bodyFont_->CalcTextSizeA(kPanelFontPixels, FLT_MAX, 0.0F, l.text.c_str()).x;
    const float width = (textPixels + 2.0F * ImGui::GetStyle().WindowPadding.x + 4.0F) / 800.0F;
    place("", l.text, glm::vec2(width, 0.05F), 800, pose, true, 0);
  }
}

void PanelRenderer::layOut(const std::string& title, const std::string& body, vk::Extent2D size,
                           bool label, std::uint32_t page) {
  ++impl_.recording->panelLayouts;
  ImGuiIO& io = ImGui::GetIO();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowPadding = ImVec2(kPanelPadding, kPanelPadding);  // what panelTextBox assumes
  style.ItemSpacing = ImVec2(8.0F, kPanelLineSpacing);
  io.DisplaySize = ImVec2(static_cast<float>(size.width), static_cast<float>(size.height));
  io.DeltaTime = 1.0F / 60.0F;
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0.0F, 0.0F));
  ImGui::SetNextWindowSize(io.DisplaySize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoInputs;
  // "###panel": one window, whatever the title, so no state piles up between panels.
  ImGui::Begin("###panel", nullptr, flags);
  const float lineHeight = ImGui::GetTextLineHeightWithSpacing();
  const float textWidth = io.DisplaySize.x - 2.0F * kPanelPadding;
  // The title wraps too (never cut); the body gets the lines left under it.
  const auto titleLines = label || title.empty()
                              ? std::vector<std::string>{}
                              : pageText(*titleFont_, title, textWidth, 1000).pages.front();
  if (!titleLines.empty()) {
    ImGui::PushFont(titleFont_);
    ImGui::PushStyleColor(ImGuiCol_Text, kPanelTitleColour);
    for (const auto& line : titleLines) ImGui::TextUnformatted(line.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Separator();
  }
  const PanelTextBox box =
      panelTextBox(io.DisplaySize.x, io.DisplaySize.y, static_cast<int>(titleLines.size()));
  const float width = box.width;
  // Room for whole lines, less one for the page number when there is more than one page.
  const int lines = box.lines;
  PagedText text = pageText(*bodyFont_, body, width, lines);
  if (text.pages.size() > 1) text = pageText(*bodyFont_, body, width, std::max(1, lines - 1));
  const std::size_t shown = page % text.pages.size();
  for (const auto& line : text.pages[shown]) ImGui::TextUnformatted(line.c_str());
  if (text.pages.size() > 1) {
    const std::string counter = std::to_string(shown + 1) + "/" +
                                std::to_string(text.pages.size()) +
                                (shown + 1 < text.pages.size() ? " \u25B8" : "");
    const float counterWidth = ImGui::CalcTextSize(counter.c_str()).x;
    ImGui::SetCursorPos(ImVec2(io.DisplaySize.x - style.WindowPadding.x - counterWidth,
                               io.DisplaySize.y - style.WindowPadding.y - lineHeight));
    ImGui::TextUnformatted(counter.c_str());
  }
  ImGui::End();
  ImGui::Render();
}

void PanelRenderer::record(const vk::raii::CommandBuffer& cmd, std::uint32_t frame) {
  using Stage2 = vk::PipelineStageFlagBits2;
  using Access2 = vk::AccessFlagBits2;
  for (std::size_t i = 0; i < used_; ++i) {
    PanelSlot& panel = *slots_[i];
    // The previous frame sampled this texture: order the rewrite after it.
    transitionImage(cmd, *panel.image.image, vk::ImageAspectFlagBits::eColor,
                    vk::ImageLayout::eUndefined, vk::ImageLayout::eColorAttachmentOptimal,
                    Stage2::eFragmentShader, {}, Stage2::eColorAttachmentOutput,
                    Access2::eColorAttachmentWrite);
    vk::RenderingAttachmentInfo colour(*panel.image.view, vk::ImageLayout::eColorAttachmentOptimal);
    colour.loadOp = vk::AttachmentLoadOp::eClear;
    colour.storeOp = vk::AttachmentStoreOp::eStore;
    colour.clearValue = vk::ClearColorValue(std::array<float, 4>{0.0F, 0.0F, 0.0F, 0.0F});
    cmd.beginRendering(vk::RenderingInfo({}, vk::Rect2D({0, 0}, panel.image.extent), 1, 0, colour));
    if (!panel.commands.empty()) {
      cmd.bindPipeline(vk::PipelineBindPoint::eGraphics, *impl_.pipelines->ui());
      cmd.bindDescriptorSets(vk::PipelineBindPoint::eGraphics, *impl_.pipelines->uiLayout(), 0,
                             *fontSet_, {});
      cmd.bindVertexBuffers(0, *vertices_[frame].buffer, vk::DeviceSize{0});
      cmd.bindIndexBuffer(*indices_[frame].buffer, 0,
                          sizeof(ImDrawIdx) == 2 ? vk::IndexType::eUint16 : vk::IndexType::eUint32);
      const std::array<float, 4> push{panel.scale.x, panel.scale.y, -1.0F, -1.0F};
      cmd.pushConstants<float>(*impl_.pipelines->uiLayout(), vk::ShaderStageFlagBits::eVertex, 0,
                               push);
      cmd.setViewport(0, vk::Viewport(0.0F, 0.0F, static_cast<float>(panel.image.extent.width),
                                      static_cast<float>(panel.image.extent.height), 0.0F, 1.0F));
      for (const auto& c : panel.commands) {
        cmd.setScissor(0, c.scissor);
        cmd.drawIndexed(c.indexCount, 1, c.firstIndex, c.vertexOffset, 0);
      }
    }
    cmd.endRendering();
    transitionImage(cmd, *panel.image.image, vk::ImageAspectFlagBits::eColor,
                    vk::ImageLayout::eColorAttachmentOptimal,
                    vk::ImageLayout::eShaderReadOnlyOptimal, Stage2::eColorAttachmentOutput,
                    Access2::eColorAttachmentWrite, Stage2::eFragmentShader,
                    Access2::eShaderSampledRead);
  }
}

}  // namespace praxis::render
