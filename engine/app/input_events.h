// Plain input events: what a desktop front end turns its window system's callbacks into (GLFW
// in the desktop loop, synthesised by the desktop autopilot in tests). No window types here,
// so the controls behind them are tested without a display.
#pragma once

#include <cstdint>
#include <variant>

namespace praxis::app {

/// The keys the desktop mode uses, independent of the window system's key codes.
enum class Key : std::uint8_t {
  Unknown,
  W, A, S, D,
  Up, Down, Left, Right,
  Space, C, Ctrl, Shift,
  Q, E, R, F,
  Tab, Enter, Escape, F1, F11,
  Digit0, Digit1, Digit2, Digit3, Digit4, Digit5, Digit6, Digit7, Digit8, Digit9,
  // The editor's (undo, redo, copy/paste in text fields, delete, frame the selection).
  Z, Y, X, V, G, Delete, Backspace, Home, End, PageUp, PageDown, F2, F5,
  // Format 2's desktop trainee: T talks (the phrase menu), K kneels (X stands up).
  T, K,
};

enum class MouseButton : std::uint8_t { Left, Right, Middle };

struct KeyDown {
  Key key = Key::Unknown;
};
struct KeyUp {
  Key key = Key::Unknown;
};
/// The cursor's position in window pixels (origin top left) and its motion since the last
/// move; with a captured cursor only the motion means anything.
struct MouseMove {
  double x = 0.0;
  double y = 0.0;
  double dx = 0.0;
  double dy = 0.0;
};
struct MouseDown {
  MouseButton button = MouseButton::Left;
};
struct MouseUp {
  MouseButton button = MouseButton::Left;
};
/// Wheel steps; positive is away from the user (GLFW's sign).
struct Scroll {
  double dy = 0.0;
};
struct Focus {
  bool focused = true;
};
struct Iconify {
  bool iconified = false;
};
/// The window's content scale changed (dragged to a monitor with another DPI, or the user
/// changed the display's scale): 1.5 on a 150 % display. The HUD's text follows it.
struct ContentScale {
  float scale = 1.0F;
};

/// A phrase chosen with the mouse in the HUD's phrase menu (0-based, the scenario's `phrases:`
/// order): the same as its number key while the menu is open.
struct ChoosePhrase {
  int index = 0;
};

using InputEvent = std::variant<KeyDown, KeyUp, MouseMove, MouseDown, MouseUp, Scroll, Focus, Iconify,
                                ContentScale, ChoosePhrase>;

}  // namespace praxis::app
