// The one UI font (DejaVu Sans from the Debian package fonts-dejavu-core) with every glyph
// nl, fr and en text needs, shared by the screen-space HUD and the world-space panels, and
// the text measuring that panels and `praxis validate` use to wrap and page text.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

struct ImFont;
struct ImFontAtlas;
struct ImGuiContext;

namespace praxis::render {

/// Where Debian's fonts-dejavu-core installs the font Praxis draws all text with.
inline constexpr std::string_view kDefaultFontFile =
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
inline constexpr std::string_view kDefaultBoldFontFile =
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

/// Code points outside printable ASCII that Dutch, French and English text uses (é è ê ë à
/// â ç ô û ï œ « » — – “ ” ‘ ’ … € ° ± and the rest of Latin-1 and Œ Ÿ), plus the arrows and
/// check marks the HUD shows. Every one must have a visible glyph in the atlas.
[[nodiscard]] std::span<const char32_t> requiredGlyphs();

/// Adds `file` to `atlas` at `pixelSize` with the glyph ranges of requiredGlyphs(). Fails
/// with a message naming the file and the package to install when it cannot be read.
[[nodiscard]] core::Result<ImFont*> addUiFont(ImFontAtlas& atlas, float pixelSize,
                                              const std::filesystem::path& file);

/// Makes `atlas` usable as an overlay texture: builds its RGBA32 pixels and sets its
/// TexID to the atlas itself, which is how the renderer finds the pixels to upload for an
/// ImDrawData handed in as FrameInput::overlay. Call again after adding fonts.
void bindOverlayAtlas(ImFontAtlas& atlas);

/// ImGui keeps one "current context" per process, and the HUD, the world-space panels and an
/// editor each have their own: every entry point of theirs makes its own current for its
/// scope and puts the previous one back on the way out, so none tramples another.
class ImGuiContextScope {
 public:
  explicit ImGuiContextScope(ImGuiContext* ours);
  ~ImGuiContextScope();
  ImGuiContextScope(const ImGuiContextScope&) = delete;
  ImGuiContextScope& operator=(const ImGuiContextScope&) = delete;

 private:
  ImGuiContext* saved_;
};

/// Text laid out for a fixed-size box: lines wrapped at word boundaries, grouped in pages.
struct PagedText {
  std::vector<std::vector<std::string>> pages;  // each page's lines
  bool wordTooWide = false;  // a single word is wider than the box (it is broken mid-word)
};

/// The text area of a world-space panel of `width` x `height` texture pixels with the panel
/// font (kPanelFontPixels): the line width and how many body lines fit below `titleLines`
/// lines of (wrapped) title. The panel renderer lays out with it and `praxis validate`
/// checks with it.
struct PanelTextBox {
  float width = 0.0F;
  int lines = 1;
};
[[nodiscard]] PanelTextBox panelTextBox(float width, float height, int titleLines);
inline constexpr float kPanelPadding = 8.0F;      // ImGui's window padding, each side
inline constexpr float kPanelLineSpacing = 4.0F;  // ImGui's item spacing between lines

/// Wraps `text` (UTF-8; '\n' starts a new line) to `width` pixels with `font` at its size
/// and groups the lines into pages of `linesPerPage`. Never drops text: what does not fit
/// one page goes on the next.
[[nodiscard]] PagedText pageText(const ImFont& font, std::string_view text, float width,
                                 int linesPerPage);

}  // namespace praxis::render
