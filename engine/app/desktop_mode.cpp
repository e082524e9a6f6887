#include "app/desktop_mode.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cmath>
#include <variant>

#include "app/desktop_hud.h"
#include "app/desktop_tick_input.h"
#include "app/desktop_window.h"
#include "app/frame_builder.h"
#include "app/scene_models.h"
#include "interaction/world.h"
#include "render/renderer.h"

namespace praxis::app {
namespace {

/// The object under the controls' pointer, for the HUD's label ("" without controls).
std::string pointedObject(const DesktopControls* controls, const scene::Scene& scene) {
  if (controls == nullptr || !controls->pointed()) return {};
  return scene.at(controls->pointed()->entity).id;
}

/// The centre's mark: whether a click there would reach what it points at.
Crosshair crosshairOf(const DesktopControls* controls) {
  if (controls == nullptr) return Crosshair::Hidden;
  if (!controls->pointed()) return Crosshair::Idle;
  return controls->pointed()->withinReach ? Crosshair::InReach : Crosshair::OutOfReach;
}

/// The person the trainee faces (whom a phrase said now addresses), "" for nobody.
std::string personFaced(const DesktopControls* controls, const Session& session) {
  if (controls == nullptr || !controls->phraseMenuOpen()) return {};
  const scene::EntityId person = session.world().addressee(controls->head());
  return person == scene::kNoEntity ? std::string() : session.scene().at(person).id;
}

}  // namespace

DesktopMode::DesktopMode(const scenario::ScenarioDef& def, DesktopOptions options)
    : def_(def), options_(std::move(options)) {}

DesktopMode::~DesktopMode() {
  if (renderer_) renderer_->waitIdle();
}

core::Result<std::unique_ptr<DesktopMode>> DesktopMode::open(const scenario::ScenarioDef& def,
                                                             DesktopOptions options,
                                                             const InputFactory& makeInput) {
  std::unique_ptr<DesktopMode> mode(new DesktopMode(def, std::move(options)));
  auto& o = mode->options_;
  o.attempt.session.mode = Mode::Desktop;
  // A few ticks per frame at normal speed; --speed N needs N times as many to keep up.
  o.attempt.realTime.speed = o.speed;
  o.attempt.realTime.maxTicksPerFrame = std::max(4, static_cast<int>(std::ceil(4.0 * o.speed)));
  auto window = Window::open(o.width, o.height, o.title,
                             [m = mode.get()](const InputEvent& e) { m->handle(e); });
  if (!window) return std::unexpected(window.error());
  mode->window_ = std::move(*window);
  if (auto opened = mode->openRenderer(); !opened) return std::unexpected(opened.error());
  auto attempt = Attempt::create(def, o.attempt);
  if (!attempt) return std::unexpected(attempt.error());
  mode->attempt_ = std::move(*attempt);
  mode->makeInput_ = makeInput;
  mode->input_ = makeInput(mode->attempt_->session());
  assert(mode->input_ != nullptr);
  if (o.hud) {
    auto hud = DesktopHud::create(mode->target_->contentScale(), o.attempt.session.language,
                                  mode->window_->keyLabels);
    if (!hud) return std::unexpected(hud.error());
    mode->hud_ = std::move(*hud);
  }
  return mode;
}

core::Result<void> DesktopMode::openRenderer() {
  render::RendererOptions ro;
  ro.windowing = true;
  ro.instanceExtensions = render::windowInstanceExtensions();
  ro.validation = options_.validation;
  ro.onValidationMessage = options_.onValidationMessage;
  ro.msaaSamples = render::kMsaaAuto;
  auto renderer = render::Renderer::create(std::move(ro));
  if (!renderer) return std::unexpected(renderer.error());
  renderer_ = std::move(*renderer);
  // Objects drawn from model files: imported once, then read from the baked cache. The
  // scene of a fresh session names every model the attempt can show.
  auto probe = Session::create(def_, options_.attempt.session);
  if (!probe) return std::unexpected(probe.error());
  if (auto added = addSceneModels(*renderer_, (*probe)->scene(), options_.packageDir); !added) {
    return added;
  }
  auto target = renderer_->createWindowTarget(window_->handle);
  if (!target) return std::unexpected(target.error());
  target_ = std::move(*target);
  return {};
}

void DesktopMode::handle(const InputEvent& event) {
  if (const auto* f = std::get_if<Focus>(&event)) focused_ = f->focused;
  if (const auto* i = std::get_if<Iconify>(&event)) iconified_ = i->iconified;
  // Rebuilding fonts can fail (the font file went away): done in frame(), which reports it.
  if (const auto* c = std::get_if<ContentScale>(&event)) pendingScale_ = c->scale;
  const bool key = std::holds_alternative<KeyDown>(event) || std::holds_alternative<KeyUp>(event);
  const bool button = std::holds_alternative<MouseDown>(event) ||
                      std::holds_alternative<MouseUp>(event) || std::holds_alternative<Scroll>(event);
  if (const auto* k = std::get_if<KeyDown>(&event); k != nullptr && k->key == Key::F11) {
    target_->setFullscreen(!target_->fullscreen());  // the swapchain follows next frame
  }
  if (hud_) {
    // A captured cursor is the crosshair, not a pointer: its virtual position drifts with
    // every look and may lie over a HUD panel, which must not swallow the clicks that grab.
    const bool pointer = button || std::holds_alternative<MouseMove>(event);
    if (!(cursorCaptured_ && pointer)) hud_->handle(event);
    // What the HUD uses (a click on its menu, keys in its menus) is not also a grab or a step.
    if ((key && hud_->wantsKeyboard()) || (button && !cursorCaptured_ && hud_->wantsMouse())) return;
  } else if (const auto* k = std::get_if<KeyDown>(&event); k != nullptr && k->key == Key::Escape) {
    userPaused_ = !userPaused_;
  }
  updatePause();
  if (input_) input_->handle(event);
}

void DesktopMode::updatePause() {
  attempt_->clock().setPaused(iconified_ || !focused_ || userPaused_ || hudPaused_);
}

void DesktopMode::updateCursor() {
  // The phrase menu frees the pointer too, so a phrase can be clicked.
  const DesktopControls* controls = input_->desktopControls();
  const bool talking = controls != nullptr && controls->phraseMenuOpen();
  const bool capture = options_.captureCursor && !paused() && !attempt_->ended() && !talking;
  if (capture == cursorCaptured_) return;
  glfwSetInputMode(window_->handle, GLFW_CURSOR, capture ? GLFW_CURSOR_DISABLED : GLFW_CURSOR_NORMAL);
  cursorCaptured_ = capture;
  // Captured, the HUD has no pointer (ImGui's "no mouse" is far off the screen); freed for a
  // menu, the next motion gives it the real one.
  if (capture && hud_) hud_->handle(MouseMove{-1e9, -1e9, 0.0, 0.0});
}

core::Result<void> DesktopMode::carryOut(const HudFrame& hud) {
  for (const auto& action : hud.actions) {
    switch (action.kind) {
      case HudActionKind::Pause: hudPaused_ = true; break;
      case HudActionKind::Resume: hudPaused_ = false; break;
      case HudActionKind::Restart: {
        if (auto restarted = attempt_->restart(); !restarted) return restarted;
        input_ = makeInput_(attempt_->session());
        endedFor_ = 0.0;
        break;
      }
      case HudActionKind::Quit:
        attempt_->abort();  // reported as aborted
        glfwSetWindowShouldClose(window_->handle, GLFW_TRUE);
        break;
      case HudActionKind::OpenReport:
        if (options_.onOpenReport) options_.onOpenReport(*attempt_);
        break;
      case HudActionKind::SayPhrase:  // a click in the phrase menu: as its number key
        input_->handle(ChoosePhrase{action.phrase});
        break;
      case HudActionKind::SetLanguage:  // DesktopHud keeps the language
      case HudActionKind::SetTextSize:  // the HUD applies it itself
        break;
    }
  }
  updatePause();
  return {};
}

bool DesktopMode::paused() const { return attempt_->clock().paused(); }

bool DesktopMode::shouldClose() const {
  if (glfwWindowShouldClose(window_->handle) == GLFW_TRUE) return true;
  return options_.exitWhenEnded && attempt_->ended() && endedFor_ >= options_.endLingerSeconds;
}

float DesktopMode::hudContentScale() const { return hud_ ? hud_->contentScale() : 0.0F; }

GLFWwindow* DesktopMode::window() const { return window_->handle; }

std::pair<std::uint32_t, std::uint32_t> DesktopMode::targetExtent() const {
  const VkExtent2D e = target_->extent();
  return {e.width, e.height};
}

void DesktopMode::runTicks(double realSeconds) {
  Attempt& a = *attempt_;
  const int due = a.clock().advance(realSeconds);
  for (int i = 0; i < due && !a.ended(); ++i) {
    const auto input = input_->tick(a.session());
    if (!input) {  // the trainee walked away
      a.abort();
      break;
    }
    if (options_.record != nullptr) options_.record->push_back(*input);
    a.step(*input);
  }
  if (a.ended()) endedFor_ += realSeconds;
}

core::Result<void> DesktopMode::frame(double realSeconds) {
  using Clock = std::chrono::steady_clock;
  glfwPollEvents();
  secondsSinceStart_ += realSeconds;
  // The HUD sees this frame's keys before the ticks run, so Esc stops the very next tick.
  std::optional<HudFrame> hud;
  const auto hudStart = Clock::now();
  if (hud_ && pendingScale_) {
    const float scale = *pendingScale_;
    pendingScale_.reset();
    if (auto rebuilt = hud_->setContentScale(scale); !rebuilt) return rebuilt;
  }
  if (hud_) {
    int w = 0;
    int h = 0;
    int fw = 0;
    int fh = 0;
    glfwGetWindowSize(window_->handle, &w, &h);
    glfwGetFramebufferSize(window_->handle, &fw, &fh);
    const glm::vec2 size(std::max(w, 1), std::max(h, 1));
    const DesktopControls* controls = input_->desktopControls();
    hud = hud_->frame(attempt_->session(), size, glm::vec2(fw, fh) / size, realSeconds,
                      pointedObject(controls, attempt_->session().scene()), crosshairOf(controls),
                      controls != nullptr && controls->phraseMenuOpen(),
                      personFaced(controls, attempt_->session()));
    if (auto done = carryOut(*hud); !done) return done;
  }
  times_.hudMs = std::chrono::duration<double, std::milli>(Clock::now() - hudStart).count();
  updateCursor();
  const auto start = Clock::now();
  runTicks(realSeconds);
  times_.simulateMs = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  return draw(hud ? &*hud : nullptr);
}

core::Result<void> DesktopMode::draw(const HudFrame* hud) {
  int width = 0;
  int height = 0;
  glfwGetFramebufferSize(window_->handle, &width, &height);
  if (width <= 0 || height <= 0) return {};  // minimised: nothing to draw into
  const auto start = std::chrono::steady_clock::now();
  FrameOptions fo;
  fo.aspect = static_cast<float>(width) / static_cast<float>(height);
  fo.eyes = Eyes::Centre;
  fo.lookAtHighlight = input_->scriptedHead();
  fo.timeSeconds = secondsSinceStart_;
  if (hud_) fo.language = hud_->language();
  fo.instructionPanel = !hud_;  // the HUD shows the instruction on the screen
  fo.hands = true;
  fo.controls = input_->desktopControls();  // the active hand and the snap ghost
  lastFrame_ = buildFrame(attempt_->session(), fo);
  lastFrame_.overlay = hud != nullptr ? hud->drawData : nullptr;
  times_.buildMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  auto stats = renderer_->render(lastFrame_, *target_);
  if (!stats) return std::unexpected(stats.error());
  times_.render = *stats;
  if (!stats->skipped) ++framesDrawn_;
  return {};
}

core::Result<void> DesktopMode::run() {
  using Clock = std::chrono::steady_clock;
  auto last = Clock::now();
  while (!shouldClose()) {
    const auto now = Clock::now();
    const double dt = std::chrono::duration<double>(now - last).count();
    last = now;
    if (auto drawn = frame(dt); !drawn) return drawn;
    // Paused or minimised, nothing changes on screen: wait for an event instead of spinning.
    if (paused()) glfwWaitEventsTimeout(0.1);
  }
  attempt_->abort();  // the window closed before the end: reported as aborted
  renderer_->waitIdle();
  return {};
}

core::Result<void> DesktopMode::writeScreenshot(const std::filesystem::path& path) {
  if (lastFrame_.scene == nullptr) return core::fail("no frame was drawn yet");
  const auto [w, h] = targetExtent();
  auto offscreen = renderer_->createOffscreenTarget(w, h);
  if (!offscreen) return std::unexpected(offscreen.error());
  // The last frame again, into an image the CPU can read (a swapchain image cannot be).
  if (auto drawn = renderer_->render(lastFrame_, **offscreen); !drawn) {
    return std::unexpected(drawn.error());
  }
  auto image = (*offscreen)->readback();
  if (!image) return std::unexpected(image.error());
  return render::writePng(*image, path);
}

}  // namespace praxis::app
