// The desktop mode's HUD glue: the window's plain input events become app::Hud's per-frame
// HudInput, and its actions come back for the desktop loop to carry out. No GLFW here: the
// loop passes the window's sizes in.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "app/hud.h"
#include "app/input_events.h"

namespace praxis::app {

class DesktopHud {
 public:
  /// `labels`: the keyboard layout's key names, for the help.
  [[nodiscard]] static core::Result<std::unique_ptr<DesktopHud>> create(float contentScale,
                                                                        std::string language,
                                                                        KeyLabels labels = {});
  /// Collects one window event for the next frame.
  void handle(const InputEvent& event);
  /// Lays out the HUD for `session` (window size in screen units, framebuffer pixels per
  /// unit; the id of the object under the pointer, "" for none; the centre's crosshair;
  /// the phrase menu open, and the id of the person faced, "" for none);
  /// the draw data stays valid until the next call.
  [[nodiscard]] HudFrame frame(const Session& session, glm::vec2 windowSize, glm::vec2 scale,
                               double deltaSeconds, std::string_view hoveredObject,
                               Crosshair crosshair = Crosshair::Hidden, bool phraseMenu = false,
                               std::string_view phraseTo = {});
  /// The window's content scale changed: the fonts are rebuilt at the new size (fails only
  /// when the font file can no longer be read).
  [[nodiscard]] core::Result<void> setContentScale(float scale) { return hud_->setContentScale(scale); }
  [[nodiscard]] float contentScale() const { return hud_->contentScale(); }
  void setLanguage(std::string language) { language_ = std::move(language); }
  [[nodiscard]] const std::string& language() const { return language_; }
  /// The last frame's wishes: a pointer over the HUD, or a menu that has the keys.
  [[nodiscard]] bool wantsMouse() const { return wantsMouse_; }
  [[nodiscard]] bool wantsKeyboard() const { return wantsKeyboard_; }

 private:
  explicit DesktopHud(std::unique_ptr<Hud> hud, std::string language);

  std::unique_ptr<Hud> hud_;
  std::string language_;
  HudInput pending_;  // what arrived since the last frame
  std::array<bool, 3> down_{};     // each mouse button held now
  std::array<bool, 3> pressed_{};  // pressed since the last frame (perhaps released again)
  bool wantsMouse_ = false;
  bool wantsKeyboard_ = false;
};

}  // namespace praxis::app
