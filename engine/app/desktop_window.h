// The desktop mode's GLFW side: the library's lifetime, the window, and its callbacks
// turned into plain input events (input_events.h). Only app's desktop files include this.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "app/controls_help.h"
#include "app/desktop_mode.h"
#include "app/input_events.h"

namespace praxis::app {

/// GLFW's key code as a Praxis key (Key::Unknown for keys the desktop mode does not use).
[[nodiscard]] Key keyFromGlfw(int glfwKey);
/// GLFW's content-scale callback's two axes as one event.
[[nodiscard]] ContentScale contentScaleEvent(float x, float y);
/// GLFW's mouse button; nullopt for buttons beyond the middle one.
[[nodiscard]] std::optional<MouseButton> buttonFromGlfw(int glfwButton);

struct DesktopMode::Window {
  /// Initialises GLFW and opens a window without a client API (Vulkan draws into it).
  /// Every event goes to `sink`, converted; framebuffer sizes go to `resized`.
  [[nodiscard]] static core::Result<std::unique_ptr<Window>> open(
      std::uint32_t width, std::uint32_t height, const std::string& title,
      std::function<void(const InputEvent&)> sink);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  GLFWwindow* handle = nullptr;
  std::function<void(const InputEvent&)> sink;
  /// Typed characters (Unicode code points) and held-key repeats: the editor's text fields
  /// want them; the desktop mode leaves both unset.
  std::function<void(char32_t)> textSink;
  std::function<void(Key)> repeatSink;
  double lastX = 0.0;
  double lastY = 0.0;
  bool haveCursor = false;
  KeyLabels keyLabels;  // the keyboard layout's names of the letter keys, for the help

 private:
  Window() = default;
};

}  // namespace praxis::app
