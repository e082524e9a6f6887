// Desktop mode: one attempt in a GLFW window on a plain laptop. The window's events become
// plain input events (input_events.h) for a TickInput, the simulation keeps its fixed 90 Hz
// tick through the attempt's TickDriver whatever the frame rate, and each frame is the
// frame builder's view of the session, drawn by the renderer into the window's swapchain.
// GLFW stays in app; Vulkan stays in render.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/attempt.h"
#include "app/tick_input.h"
#include "core/result.h"
#include "render/frame_input.h"

struct GLFWwindow;

namespace praxis::render {
class Renderer;
class WindowTarget;
}  // namespace praxis::render

namespace praxis::app {

class DesktopHud;
struct HudFrame;

/// Whether a desktop window can open here: a display (DISPLAY or WAYLAND_DISPLAY) and a
/// window system GLFW can initialise. The error is one line a user can act on.
[[nodiscard]] core::Result<void> desktopAvailable();

struct DesktopOptions {
  /// The session, its xAPI output and event listener; the mode is set to Desktop.
  AttemptOptions attempt;
  /// The scenario package: model files are found relative to it.
  std::filesystem::path packageDir;
  std::uint32_t width = 1280;
  std::uint32_t height = 720;
  /// Simulated seconds per real second (--speed).
  double speed = 1.0;
  /// Close the window once the attempt has ended (--exit), after `endLingerSeconds`.
  bool exitWhenEnded = false;
  double endLingerSeconds = 0.5;
  /// When set, every tick's input is appended here (--record).
  std::vector<interaction::TraineeInput>* record = nullptr;
  /// The Vulkan validation layer; every message goes to onValidationMessage.
  bool validation = false;
  std::function<void(std::string_view)> onValidationMessage;
  /// The screen-space HUD (app::Hud): step, instruction, hints, faults, time, F1 help, the
  /// Esc pause menu (resume, restart, language, text size, quit) and the end screen.
  bool hud = true;
  /// A person plays: the cursor is captured (the mouse turns the head) except while a HUD
  /// menu, the help or the end screen needs the pointer.
  bool captureCursor = false;
  /// The HUD's "write the report" button on the end screen (the CLI writes the HTML).
  std::function<void(const Attempt&)> onOpenReport;
  std::string title = "Praxis";
};

class DesktopMode {
 public:
  /// Makes the tick input for the attempt's session (controls, autopilot, a script).
  using InputFactory = std::function<std::unique_ptr<TickInput>(const Session&)>;

  /// Opens the window and the renderer and starts the attempt. `def` must outlive this.
  [[nodiscard]] static core::Result<std::unique_ptr<DesktopMode>> open(
      const scenario::ScenarioDef& def, DesktopOptions options, const InputFactory& makeInput);
  ~DesktopMode();
  DesktopMode(const DesktopMode&) = delete;
  DesktopMode& operator=(const DesktopMode&) = delete;

  /// Frames until the window closes (or the attempt ended, with exitWhenEnded). An attempt
  /// still running when the window closes is reported as aborted.
  [[nodiscard]] core::Result<void> run();
  /// One frame: window events, the ticks `realSeconds` of wall-clock time are worth, draw.
  [[nodiscard]] core::Result<void> frame(double realSeconds);
  /// What the GLFW callbacks call with each converted event (and tests with theirs).
  void handle(const InputEvent& event);
  /// Writes the last frame drawn to a PNG (--screenshot).
  [[nodiscard]] core::Result<void> writeScreenshot(const std::filesystem::path& path);

  [[nodiscard]] bool shouldClose() const;
  /// Paused: minimised, unfocused, or a HUD menu (Esc) or help (F1) is open; without a
  /// HUD, Esc toggles the pause. The tick stands still.
  [[nodiscard]] bool paused() const;
  [[nodiscard]] Attempt& attempt() { return *attempt_; }
  [[nodiscard]] const Attempt& attempt() const { return *attempt_; }
  [[nodiscard]] GLFWwindow* window() const;
  /// The swapchain's current size in pixels (0x0 before the first frame).
  [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> targetExtent() const;
  [[nodiscard]] std::int64_t framesDrawn() const { return framesDrawn_; }
  /// The content scale the HUD's text is sized for (0 without a HUD).
  [[nodiscard]] float hudContentScale() const;

  /// Where the last frame's time went on the CPU (for the benchmark), in milliseconds.
  struct FrameTimes {
    double simulateMs = 0.0;  // the ticks run this frame
    double hudMs = 0.0;       // the HUD's layout and its actions
    double buildMs = 0.0;     // the frame builder
    render::FrameStats render;
    /// Engine CPU: simulation, HUD, frame building and the renderer's CPU phases up to submit.
    [[nodiscard]] double engineMs() const {
      return simulateMs + hudMs + buildMs + render.sceneUpdateMs + render.cullMs + render.recordMs;
    }
  };
  [[nodiscard]] const FrameTimes& lastFrameTimes() const { return times_; }

  struct Window;  // GLFW library, window and callbacks (desktop_window.cpp)

 private:
  DesktopMode(const scenario::ScenarioDef& def, DesktopOptions options);
  [[nodiscard]] core::Result<void> openRenderer();
  [[nodiscard]] core::Result<void> draw(const HudFrame* hud);
  [[nodiscard]] core::Result<void> carryOut(const HudFrame& hud);
  void runTicks(double realSeconds);
  void updatePause();
  void updateCursor();

  const scenario::ScenarioDef& def_;
  DesktopOptions options_;
  InputFactory makeInput_;
  std::unique_ptr<TickInput> input_;
  // Destroyed bottom-up: the target before the renderer, both before the window.
  std::unique_ptr<Window> window_;
  std::unique_ptr<render::Renderer> renderer_;
  std::unique_ptr<render::WindowTarget> target_;
  std::unique_ptr<DesktopHud> hud_;
  std::unique_ptr<Attempt> attempt_;
  render::FrameInput lastFrame_;
  bool focused_ = true;
  bool iconified_ = false;
  bool userPaused_ = false;
  bool hudPaused_ = false;
  std::optional<float> pendingScale_;  // a content-scale change for the HUD's next frame
  bool cursorCaptured_ = false;
  double secondsSinceStart_ = 0.0;
  double endedFor_ = 0.0;
  std::int64_t framesDrawn_ = 0;
  FrameTimes times_;
};

}  // namespace praxis::app
