// The HUD's frame: fonts and theme, plain input into ImGui, keys (F1, Esc, Enter), the
// pause/resume bookkeeping. The screens themselves are drawn in hud_screens.cpp.
#include "app/hud.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "app/hud_detail.h"

namespace praxis::app {
namespace {

constexpr int kSpaceSlot = static_cast<int>(HudKey::Right) + 1;  // ImGui's "activate" key

ImGuiStyle themedStyle(float scale) {
  ImGuiStyle style;
  ImGui::StyleColorsDark(&style);
  style.WindowPadding = ImVec2(14.0F, 12.0F);
  style.FramePadding = ImVec2(10.0F, 6.0F);
  style.ItemSpacing = ImVec2(10.0F, 8.0F);
  style.WindowRounding = 6.0F;
  style.FrameRounding = 4.0F;
  style.WindowBorderSize = 1.5F;
  style.FrameBorderSize = 1.0F;
  style.ScrollbarSize = 16.0F;
  style.ScaleAllSizes(scale);
  // High contrast: white on near-black, yellow titles and keyboard focus, blue buttons.
  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = ImVec4(1.0F, 1.0F, 1.0F, 1.0F);
  c[ImGuiCol_TextDisabled] = ImVec4(0.80F, 0.80F, 0.80F, 1.0F);
  c[ImGuiCol_WindowBg] = ImVec4(0.02F, 0.02F, 0.04F, 0.92F);
  c[ImGuiCol_PopupBg] = c[ImGuiCol_WindowBg];
  c[ImGuiCol_Border] = ImVec4(1.0F, 1.0F, 1.0F, 0.55F);
  c[ImGuiCol_Separator] = ImVec4(1.0F, 1.0F, 1.0F, 0.40F);
  c[ImGuiCol_FrameBg] = ImVec4(0.18F, 0.18F, 0.22F, 1.0F);
  c[ImGuiCol_Button] = ImVec4(0.0F, 0.30F, 0.55F, 1.0F);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.0F, 0.42F, 0.72F, 1.0F);
  c[ImGuiCol_ButtonActive] = ImVec4(0.0F, 0.52F, 0.85F, 1.0F);
  c[ImGuiCol_PlotHistogram] = detail::kSkyBlue;
  c[ImGuiCol_NavHighlight] = detail::kTitleYellow;
  c[ImGuiCol_TableBorderLight] = c[ImGuiCol_Separator];
  c[ImGuiCol_TableRowBgAlt] = ImVec4(1.0F, 1.0F, 1.0F, 0.05F);
  return style;
}

float sizeFactor(TextSize size) {
  switch (size) {
    case TextSize::Small: return 0.75F;
    case TextSize::Normal: return 1.0F;
    case TextSize::Large: return 1.35F;
  }
  return 1.0F;
}

}  // namespace

core::Result<std::unique_ptr<Hud>> Hud::create(HudOptions options) {
  auto hud = std::unique_ptr<Hud>(new Hud(std::move(options)));
  if (auto fonts = hud->buildFonts(); !fonts) return std::unexpected(fonts.error());
  return hud;
}

Hud::Hud(HudOptions options)
    : options_(std::move(options)),
      imgui_(ImGui::CreateContext()),
      fonts_(std::make_unique<Fonts>()) {
  render::ImGuiContextScope scope(imgui_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing written next to the binary
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  const std::pair<ImGuiKey_, HudKey> keys[] = {
      {ImGuiKey_Escape, HudKey::Escape},   {ImGuiKey_Enter, HudKey::Enter},
      {ImGuiKey_Tab, HudKey::Tab},         {ImGuiKey_UpArrow, HudKey::Up},
      {ImGuiKey_DownArrow, HudKey::Down},  {ImGuiKey_LeftArrow, HudKey::Left},
      {ImGuiKey_RightArrow, HudKey::Right}};
  for (const auto& [imguiKey, key] : keys) io.KeyMap[imguiKey] = static_cast<int>(key);
  io.KeyMap[ImGuiKey_Space] = kSpaceSlot;
}

Hud::~Hud() {
  ImGui::DestroyContext(imgui_);
}

const ImFontAtlas& Hud::fonts() const {
  render::ImGuiContextScope scope(imgui_);
  return *ImGui::GetIO().Fonts;
}

core::Result<void> Hud::buildFonts() {
  render::ImGuiContextScope scope(imgui_);
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  atlas.Clear();
  for (int s = 0; s < 3; ++s) {
    const float pixels = std::round(detail::kBaseTextPixels * options_.contentScale *
                                    sizeFactor(static_cast<TextSize>(s)));
    auto regular = render::addUiFont(atlas, pixels, options_.fontFile);
    if (!regular) return std::unexpected(regular.error());
    auto bold = render::addUiFont(atlas, pixels, options_.boldFontFile);
    if (!bold) return std::unexpected(bold.error());
    auto heading = render::addUiFont(atlas, std::round(pixels * 1.5F), options_.boldFontFile);
    if (!heading) return std::unexpected(heading.error());
    fonts_->regular[s] = *regular;
    fonts_->bold[s] = *bold;
    fonts_->heading[s] = *heading;
  }
  if (!atlas.Build()) return core::fail("hud: the font atlas does not fit a texture");
  render::bindOverlayAtlas(atlas);
  return {};
}

core::Result<void> Hud::setContentScale(float scale) {
  if (scale <= 0.0F || scale == options_.contentScale) return {};
  options_.contentScale = scale;
  return buildFonts();
}

bool Hud::paused() const {
  return menuOpen_ || helpOpen_;
}

float Hud::em() const {
  return ImGui::GetFontSize();
}

void Hud::setOverlay(bool menu, bool help, std::vector<HudAction>& actions) {
  const bool was = paused();
  if (menu && !menuOpen_) focusMenu_ = true;
  menuOpen_ = menu;
  helpOpen_ = help;
  if (was != paused()) {
    actions.push_back(HudAction{.kind = paused() ? HudActionKind::Pause : HudActionKind::Resume,
                                .language = {},
                                .textSize = options_.textSize,
                                .phrase = -1});
  }
}

void Hud::handleKeys(const HudInput& input, const HudState& state,
                     std::vector<HudAction>& actions) {
  for (const auto& event : input.keys) {
    if (!event.down) continue;
    if (state.ended) {
      if (menuOpen_ || helpOpen_) setOverlay(false, false, actions);  // the end screen wins
      continue;
    }
    switch (event.key) {
      case HudKey::Escape:
        if (helpOpen_) {
          setOverlay(menuOpen_, false, actions);
        } else {
          setOverlay(!menuOpen_, false, actions);
        }
        break;
      case HudKey::F1: setOverlay(menuOpen_, !helpOpen_, actions); break;
      case HudKey::Enter:
        // Enter acknowledges a fault first; a menu takes it only when no fault is waiting.
        if (!paused() && acknowledgedFaults_ < state.faults.size()) {
          acknowledgedFaults_ = state.faults.size();
        }
        break;
      default: break;
    }
  }
}

void Hud::feed(const HudInput& input) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(std::max(input.displaySize.x, 1.0F), std::max(input.displaySize.y, 1.0F));
  io.DisplayFramebufferScale = ImVec2(input.framebufferScale.x, input.framebufferScale.y);
  io.DeltaTime = static_cast<float>(std::max(input.deltaSeconds, 1e-4));
  io.MousePos = input.mouse ? ImVec2(input.mouse->x, input.mouse->y) : ImVec2(-FLT_MAX, -FLT_MAX);
  for (std::size_t b = 0; b < input.mouseDown.size(); ++b) io.MouseDown[b] = input.mouseDown[b];
  io.MouseWheel = input.wheel;
  for (const auto& event : input.keys) {
    io.KeysDown[static_cast<int>(event.key)] = event.down;
    // ImGui 1.86 presses a focused button with Space ("activate"), Enter only edits text:
    // Enter activates too, as people expect.
    if (event.key == HudKey::Enter || event.key == HudKey::Space)
      io.KeysDown[kSpaceSlot] = event.down;
  }
}

HudFrame Hud::frame(const HudInput& input, const HudState& state) {
  render::ImGuiContextScope scope(imgui_);
  HudFrame out;
  handleKeys(input, state, out.actions);
  if (state.ended) acknowledgedFaults_ = state.faults.size();  // the end screen lists them all
  feed(input);
  const auto size = static_cast<std::size_t>(options_.textSize);
  ImGui::GetStyle() = themedStyle(options_.contentScale * sizeFactor(options_.textSize));
  ImGui::GetIO().FontDefault = fonts_->regular[size];
  ImGui::NewFrame();
  if (!state.ended) {
    drawStep(state);
    drawTimer(state);
    drawHovered(input, state);
    drawFault(state);
    if (!paused()) drawCrosshair(state);
    if (!paused() && state.phraseMenu) drawPhraseMenu(state, out.actions);
  }
  if (helpOpen_) drawHelp(state, out.actions);
  if (menuOpen_) drawMenu(state, out.actions);
  if (state.ended) drawEnd(state, out.actions);
  ImGui::Render();
  out.drawData = ImGui::GetDrawData();
  out.wantsMouse = ImGui::GetIO().WantCaptureMouse;
  out.wantsKeyboard = paused() || state.ended;
  return out;
}

}  // namespace praxis::app
