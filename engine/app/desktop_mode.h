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
class RenderTarget;
}  // namespace praxis::render

namespace praxis::app {

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
  /// Called every frame after the frame builder: the HUD adds its overlay here.
  std::function<void(const Attempt&, render::FrameInput&)> decorate;
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
  /// Paused: minimised, unfocused or by the trainee (Esc). The tick stands still.
  [[nodiscard]] bool paused() const;
  [[nodiscard]] Attempt& attempt() { return *attempt_; }
  [[nodiscard]] GLFWwindow* window() const;
  /// The swapchain's current size in pixels (0x0 before the first frame).
  [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> targetExtent() const;
  [[nodiscard]] std::int64_t framesDrawn() const { return framesDrawn_; }

  /// Where the last frame's time went on the CPU (for the benchmark), in milliseconds.
  struct FrameTimes {
    double simulateMs = 0.0;  // the ticks run this frame
    double buildMs = 0.0;     // the frame builder (and the HUD's decorate)
    render::FrameStats render;
    /// Engine CPU: simulation, frame building and the renderer's CPU phases up to submit.
    [[nodiscard]] double engineMs() const {
      return simulateMs + buildMs + render.sceneUpdateMs + render.cullMs + render.recordMs;
    }
  };
  [[nodiscard]] const FrameTimes& lastFrameTimes() const { return times_; }

  struct Window;  // GLFW library, window and callbacks (desktop_window.cpp)

 private:
  DesktopMode(const scenario::ScenarioDef& def, DesktopOptions options);
  [[nodiscard]] core::Result<void> openRenderer();
  [[nodiscard]] core::Result<void> draw();
  void runTicks(double realSeconds);
  void updatePause();

  const scenario::ScenarioDef& def_;
  DesktopOptions options_;
  std::unique_ptr<TickInput> input_;
  // Destroyed bottom-up: the target before the renderer, both before the window.
  std::unique_ptr<Window> window_;
  std::unique_ptr<render::Renderer> renderer_;
  std::unique_ptr<render::RenderTarget> target_;
  std::unique_ptr<Attempt> attempt_;
  render::FrameInput lastFrame_;
  bool focused_ = true;
  bool iconified_ = false;
  bool userPaused_ = false;
  double secondsSinceStart_ = 0.0;
  double endedFor_ = 0.0;
  std::int64_t framesDrawn_ = 0;
  FrameTimes times_;
};

}  // namespace praxis::app
