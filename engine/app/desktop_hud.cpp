#include "app/desktop_hud.h"

#include <variant>

#include "app/session.h"

namespace praxis::app {
namespace {

std::optional<HudKey> hudKey(Key key) {
  switch (key) {
    case Key::Escape: return HudKey::Escape;
    case Key::F1: return HudKey::F1;
    case Key::Enter: return HudKey::Enter;
    case Key::Space: return HudKey::Space;
    case Key::Tab: return HudKey::Tab;
    case Key::Up: return HudKey::Up;
    case Key::Down: return HudKey::Down;
    case Key::Left: return HudKey::Left;
    case Key::Right: return HudKey::Right;
    default: return std::nullopt;
  }
}

}  // namespace

DesktopHud::DesktopHud(std::unique_ptr<Hud> hud, std::string language)
    : hud_(std::move(hud)), language_(std::move(language)) {}

core::Result<std::unique_ptr<DesktopHud>> DesktopHud::create(float contentScale,
                                                             std::string language,
                                                             KeyLabels labels) {
  HudOptions options;
  options.contentScale = contentScale;
  options.keyLabels = std::move(labels);
  auto hud = Hud::create(std::move(options));
  if (!hud) return std::unexpected(hud.error());
  return std::unique_ptr<DesktopHud>(new DesktopHud(std::move(*hud), std::move(language)));
}

void DesktopHud::handle(const InputEvent& event) {
  if (const auto* k = std::get_if<KeyDown>(&event)) {
    if (auto key = hudKey(k->key)) pending_.keys.push_back({*key, true});
  } else if (const auto* u = std::get_if<KeyUp>(&event)) {
    if (auto key = hudKey(u->key)) pending_.keys.push_back({*key, false});
  } else if (const auto* m = std::get_if<MouseMove>(&event)) {
    pending_.mouse = glm::vec2(static_cast<float>(m->x), static_cast<float>(m->y));
  } else if (const auto* d = std::get_if<MouseDown>(&event)) {
    down_[static_cast<std::size_t>(d->button)] = true;
    pressed_[static_cast<std::size_t>(d->button)] = true;
  } else if (const auto* r = std::get_if<MouseUp>(&event)) {
    down_[static_cast<std::size_t>(r->button)] = false;
  } else if (const auto* s = std::get_if<Scroll>(&event)) {
    pending_.wheel += static_cast<float>(s->dy);
  }
}

HudFrame DesktopHud::frame(const Session& session, glm::vec2 windowSize, glm::vec2 scale,
                           double deltaSeconds, std::string_view hoveredObject, Crosshair crosshair,
                           bool phraseMenu, std::string_view phraseTo) {
  pending_.displaySize = windowSize;
  pending_.framebufferScale = scale;
  pending_.deltaSeconds = deltaSeconds > 0.0 ? deltaSeconds : 1e-4;  // ImGui needs time to pass
  HudState state = hudState(session, language_, hoveredObject);
  state.crosshair = crosshair;
  state.phraseMenu = phraseMenu;
  if (phraseMenu) state.hoveredLabel.clear();  // the menu sits where the label would
  for (const auto& person : session.definition().people) {
    if (person.id == phraseTo) state.phraseTo = person.label.in(language_);
  }
  // A click whose press and release both came since the last frame still shows ImGui (1.86
  // sees only the state at NewFrame) a press in this frame; the release follows in the next.
  for (std::size_t b = 0; b < down_.size(); ++b) pending_.mouseDown[b] = down_[b] || pressed_[b];
  pressed_.fill(false);
  HudFrame out = hud_->frame(pending_, state);
  wantsMouse_ = out.wantsMouse;
  wantsKeyboard_ = out.wantsKeyboard;
  // Held buttons and the pointer carry over; key changes and scroll were this frame's.
  pending_.keys.clear();
  pending_.wheel = 0.0F;
  for (const auto& a : out.actions) {
    if (a.kind == HudActionKind::SetLanguage) language_ = a.language;
  }
  return out;
}

}  // namespace praxis::app
