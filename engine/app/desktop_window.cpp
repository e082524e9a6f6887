#include "app/desktop_window.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdlib>

namespace praxis::app {
namespace {

// GLFW is one library per process: the editor's play-test opens a desktop window while the
// editor's own is open, so only the last window to close may terminate it.
int& openWindows() {
  static int count = 0;
  return count;
}

DesktopMode::Window* owner(GLFWwindow* window) {
  return static_cast<DesktopMode::Window*>(glfwGetWindowUserPointer(window));
}

void emit(GLFWwindow* window, const InputEvent& event) {
  if (auto* w = owner(window); w != nullptr && w->sink) w->sink(event);
}

void onKey(GLFWwindow* window, int key, int /*scancode*/, int action, int /*mods*/) {
  const Key k = keyFromGlfw(key);
  if (k == Key::Unknown) return;
  if (action == GLFW_REPEAT) {
    // A held key is one press; only a text field (the editor) repeats its editing keys.
    if (auto* w = owner(window); w != nullptr && w->repeatSink) w->repeatSink(k);
    return;
  }
  if (action == GLFW_PRESS) emit(window, KeyDown{k});
  if (action == GLFW_RELEASE) emit(window, KeyUp{k});
}

void onCursor(GLFWwindow* window, double x, double y) {
  auto* w = owner(window);
  if (w == nullptr) return;
  // The first position has no motion: the cursor did not move, it was just seen.
  const double dx = w->haveCursor ? x - w->lastX : 0.0;
  const double dy = w->haveCursor ? y - w->lastY : 0.0;
  w->lastX = x;
  w->lastY = y;
  w->haveCursor = true;
  emit(window, MouseMove{x, y, dx, dy});
}

void onButton(GLFWwindow* window, int button, int action, int /*mods*/) {
  const auto b = buttonFromGlfw(button);
  if (!b) return;
  if (action == GLFW_PRESS) emit(window, MouseDown{*b});
  if (action == GLFW_RELEASE) emit(window, MouseUp{*b});
}

void onChar(GLFWwindow* window, unsigned int codepoint) {
  if (auto* w = owner(window); w != nullptr && w->textSink) w->textSink(codepoint);
}

void onScroll(GLFWwindow* window, double /*dx*/, double dy) { emit(window, Scroll{dy}); }
void onFocus(GLFWwindow* window, int focused) { emit(window, Focus{focused == GLFW_TRUE}); }
void onIconify(GLFWwindow* window, int iconified) { emit(window, Iconify{iconified == GLFW_TRUE}); }
void onContentScale(GLFWwindow* window, float x, float y) { emit(window, contentScaleEvent(x, y)); }

}  // namespace

Key keyFromGlfw(int glfwKey) {
  if (glfwKey >= GLFW_KEY_0 && glfwKey <= GLFW_KEY_9) {
    return static_cast<Key>(static_cast<int>(Key::Digit0) + (glfwKey - GLFW_KEY_0));
  }
  switch (glfwKey) {
    case GLFW_KEY_W: return Key::W;
    case GLFW_KEY_A: return Key::A;
    case GLFW_KEY_S: return Key::S;
    case GLFW_KEY_D: return Key::D;
    case GLFW_KEY_UP: return Key::Up;
    case GLFW_KEY_DOWN: return Key::Down;
    case GLFW_KEY_LEFT: return Key::Left;
    case GLFW_KEY_RIGHT: return Key::Right;
    case GLFW_KEY_SPACE: return Key::Space;
    case GLFW_KEY_C: return Key::C;
    case GLFW_KEY_LEFT_CONTROL:
    case GLFW_KEY_RIGHT_CONTROL: return Key::Ctrl;
    case GLFW_KEY_LEFT_SHIFT:
    case GLFW_KEY_RIGHT_SHIFT: return Key::Shift;
    case GLFW_KEY_Q: return Key::Q;
    case GLFW_KEY_E: return Key::E;
    case GLFW_KEY_R: return Key::R;
    case GLFW_KEY_F: return Key::F;
    case GLFW_KEY_TAB: return Key::Tab;
    case GLFW_KEY_ENTER:
    case GLFW_KEY_KP_ENTER: return Key::Enter;
    case GLFW_KEY_ESCAPE: return Key::Escape;
    case GLFW_KEY_F1: return Key::F1;
    case GLFW_KEY_F11: return Key::F11;
    case GLFW_KEY_Z: return Key::Z;
    case GLFW_KEY_Y: return Key::Y;
    case GLFW_KEY_X: return Key::X;
    case GLFW_KEY_V: return Key::V;
    case GLFW_KEY_G: return Key::G;
    case GLFW_KEY_DELETE: return Key::Delete;
    case GLFW_KEY_BACKSPACE: return Key::Backspace;
    case GLFW_KEY_HOME: return Key::Home;
    case GLFW_KEY_END: return Key::End;
    case GLFW_KEY_PAGE_UP: return Key::PageUp;
    case GLFW_KEY_PAGE_DOWN: return Key::PageDown;
    case GLFW_KEY_F2: return Key::F2;
    case GLFW_KEY_F5: return Key::F5;
    case GLFW_KEY_T: return Key::T;
    case GLFW_KEY_K: return Key::K;
    default: return Key::Unknown;
  }
}

ContentScale contentScaleEvent(float x, float y) {
  // Text has one size: the larger axis, as WindowTarget::contentScale() gives it at start.
  return ContentScale{std::max(x, y)};
}

std::optional<MouseButton> buttonFromGlfw(int glfwButton) {
  switch (glfwButton) {
    case GLFW_MOUSE_BUTTON_LEFT: return MouseButton::Left;
    case GLFW_MOUSE_BUTTON_RIGHT: return MouseButton::Right;
    case GLFW_MOUSE_BUTTON_MIDDLE: return MouseButton::Middle;
    default: return std::nullopt;
  }
}

core::Result<void> desktopAvailable() {
  const char* x11 = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  if ((x11 == nullptr || *x11 == '\0') && (wayland == nullptr || *wayland == '\0')) {
    return core::fail("no display (DISPLAY and WAYLAND_DISPLAY are unset)");
  }
  // GLFW's own description does not outlive the failed glfwInit (it terminates itself).
  if (glfwInit() != GLFW_TRUE) {
    return core::fail("the display ", x11 != nullptr && *x11 != '\0' ? x11 : wayland,
                      " cannot be opened");
  }
  if (openWindows() == 0) glfwTerminate();  // a window of ours keeps GLFW alive
  return {};
}

core::Result<std::unique_ptr<DesktopMode::Window>> DesktopMode::Window::open(
    std::uint32_t width, std::uint32_t height, const std::string& title,
    std::function<void(const InputEvent&)> sink) {
  if (auto available = desktopAvailable(); !available) return std::unexpected(available.error());
  if (glfwInit() != GLFW_TRUE) return core::fail("glfwInit failed");
  std::unique_ptr<Window> w(new Window());  // from here on, ~Window terminates GLFW
  ++openWindows();
  glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);  // HiDPI: the window grows with the scale
  w->handle = glfwCreateWindow(static_cast<int>(width), static_cast<int>(height), title.c_str(),
                               nullptr, nullptr);
  if (w->handle == nullptr) {
    const char* why = nullptr;
    glfwGetError(&why);
    return core::fail("cannot open a window: ", why != nullptr ? why : "unknown reason");
  }
  w->sink = std::move(sink);
  glfwSetWindowUserPointer(w->handle, w.get());
  glfwSetKeyCallback(w->handle, onKey);
  glfwSetCursorPosCallback(w->handle, onCursor);
  glfwSetMouseButtonCallback(w->handle, onButton);
  glfwSetScrollCallback(w->handle, onScroll);
  glfwSetCharCallback(w->handle, onChar);
  glfwSetWindowFocusCallback(w->handle, onFocus);
  glfwSetWindowIconifyCallback(w->handle, onIconify);
  glfwSetWindowContentScaleCallback(w->handle, onContentScale);
  // GLFW's key tokens are US positions; the help names them as the layout prints them.
  w->keyLabels = app::keyLabels([](char letter) {
    const char* name = glfwGetKeyName(GLFW_KEY_A + (letter - 'A'), 0);
    return name != nullptr ? std::string(name) : std::string();
  });
  return w;
}

DesktopMode::Window::~Window() {
  if (handle != nullptr) glfwDestroyWindow(handle);
  if (--openWindows() == 0) glfwTerminate();
}

}  // namespace praxis::app
