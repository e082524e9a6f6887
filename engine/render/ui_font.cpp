// DejaVu Sans with the nl/fr/en glyph ranges; word wrapping and paging for fixed-size boxes.
#include "render/ui_font.h"

#include <imgui.h>

#include <algorithm>
#include <fstream>

#include "render/frame_input.h"

namespace praxis::render {
namespace {

// Beyond ASCII: Latin-1 (é è ê ë à â ç ô û ï « » ° ±), Œ œ Ÿ, the dashes, curly quotes,
// bullet and ellipsis, €, the minus sign, the arrows and the check/cross marks of the HUD.
constexpr char32_t kExtraGlyphs[] = {
    U'é', U'è', U'ê', U'ë', U'à', U'â', U'ç', U'ô', U'û', U'ï', U'î', U'ù', U'ü', U'ö', U'É', U'È',
    U'À', U'Ç', U'œ', U'Œ', U'Ÿ', U'«', U'»', U'—', U'–', U'“', U'”', U'‘', U'’', U'„', U'…', U'•',
    U'€', U'°', U'±', U'−', U'×', U'←', U'↑', U'→', U'↓', U'✓', U'✗', U'▸', U'·', U' '};

// ImGui glyph ranges: pairs of inclusive code point ranges, zero-terminated. ImWchar is 16
// bits in Debian's build, which covers everything here.
constexpr ImWchar kRanges[] = {
    0x0020, 0x007E,  // ASCII
    0x00A0, 0x00FF,  // Latin-1 supplement
    0x0152, 0x0153,  // Œ œ
    0x0178, 0x0178,  // Ÿ
    0x2013, 0x2014,  // – —
    0x2018, 0x201E,  // ‘ ’ ‚ “ ” „
    0x2022, 0x2022,  // •
    0x2026, 0x2026,  // …
    0x2039, 0x203A,  // ‹ ›
    0x20AC, 0x20AC,  // €
    0x2212, 0x2212,  // − (minus)
    0x2190, 0x2193,  // ← ↑ → ↓
    0x25B8, 0x25B8,  // ▸
    0x2713, 0x2713,  // ✓
    0x2717, 0x2717,  // ✗
    0,
};

/// ImGui wraps after spaces and punctuation; anywhere else a word was wider than the box.
bool breaksAWord(const char* wrap, const char* lineEnd) {
  if (wrap >= lineEnd || *wrap == ' ' || *wrap == '\t') return false;
  return std::string_view(" \t.,;:!?\"").find(*(wrap - 1)) == std::string_view::npos;
}

}  // namespace

std::span<const char32_t> requiredGlyphs() {
  return kExtraGlyphs;
}

core::Result<ImFont*> addUiFont(ImFontAtlas& atlas, float pixelSize,
                                const std::filesystem::path& file) {
  // ImGui asserts (aborts) on a missing file; check first so the user gets a sentence.
  if (!std::ifstream(file, std::ios::binary)) {
    return core::fail("font: cannot read ", file.string(),
                      " (install the Debian package fonts-dejavu-core)");
  }
  ImFontConfig config;
  config.OversampleH = 2;  // sharper small text on lavapipe's nearest-free sampling
  config.OversampleV = 1;
  ImFont* font = atlas.AddFontFromFileTTF(file.string().c_str(), pixelSize, &config, kRanges);
  if (font == nullptr) return core::fail("font: ", file.string(), " is not a TrueType font");
  return font;
}

ImGuiContextScope::ImGuiContextScope(ImGuiContext* ours) : saved_(ImGui::GetCurrentContext()) {
  ImGui::SetCurrentContext(ours);
}

ImGuiContextScope::~ImGuiContextScope() {
  ImGui::SetCurrentContext(saved_);
}

void bindOverlayAtlas(ImFontAtlas& atlas) {
  unsigned char* pixels = nullptr;
  int width = 0;
  int height = 0;
  atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
  atlas.SetTexID(static_cast<ImTextureID>(&atlas));
}

PanelTextBox panelTextBox(float width, float height, int titleLines) {
  const float line = kPanelFontPixels + kPanelLineSpacing;
  float room = height - 2.0F * kPanelPadding;
  // The title's lines and the separator under it.
  if (titleLines > 0) room -= static_cast<float>(titleLines) * line + kPanelLineSpacing + 1.0F;
  return PanelTextBox{width - 2.0F * kPanelPadding, std::max(1, static_cast<int>(room / line))};
}

PagedText pageText(const ImFont& font, std::string_view text, float width, int linesPerPage) {
  PagedText out;
  std::vector<std::string> lines;
  const float scale = 1.0F;  // the font's own size
  const char* cursor = text.data();
  const char* const end = text.data() + text.size();
  while (cursor < end) {
    const char* lineEnd = std::find(cursor, end, '\n');
    if (cursor == lineEnd) lines.emplace_back();
    while (cursor < lineEnd) {
      const char* wrap = font.CalcWordWrapPositionA(scale, cursor, lineEnd, width);
      if (wrap == cursor) {  // not even one character fits: take one anyway, never loop
        wrap = cursor + 1;
        while (wrap < lineEnd && (static_cast<unsigned char>(*wrap) & 0xC0U) == 0x80U) ++wrap;
      }
      if (breaksAWord(wrap, lineEnd)) out.wordTooWide = true;
      std::string line(cursor, wrap);
      while (!line.empty() && line.back() == ' ') line.pop_back();
      lines.push_back(std::move(line));
      cursor = wrap;
      while (cursor < lineEnd && (*cursor == ' ' || *cursor == '\t')) ++cursor;
    }
    cursor = lineEnd < end ? lineEnd + 1 : end;
  }
  const auto perPage = static_cast<std::size_t>(std::max(linesPerPage, 1));
  for (std::size_t i = 0; i < lines.size(); i += perPage) {
    out.pages.emplace_back(
        lines.begin() + static_cast<std::ptrdiff_t>(i),
        lines.begin() + static_cast<std::ptrdiff_t>(std::min(i + perPage, lines.size())));
  }
  if (out.pages.empty()) out.pages.emplace_back();
  return out;
}

}  // namespace praxis::render
