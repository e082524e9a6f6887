// The desktop controls explained to the trainee, in each language the scenarios ship: the
// table the HUD's F1 help shows (and the README repeats), and the controls' messages.
#pragma once

#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "app/desktop_controls.h"

namespace praxis::app {

struct ControlHelpRow {
  std::string_view keys;    // "W A S D / arrows"
  std::string_view action;  // "walk"
};

/// The controls table in `language` ("nl-BE", "fr-BE", "en"); English for any other. Its
/// keys are named as on a US keyboard.
[[nodiscard]] std::span<const ControlHelpRow> controlsHelp(std::string_view language);

/// What the user's keyboard layout prints on the letter keys, by their US name: the controls
/// go by a key's position (W A S D walk on any layout), so on a Belgian AZERTY keyboard the
/// key in W's place is Z. Empty: the US names (headless, or a layout without a name).
struct KeyLabels {
  std::map<char, std::string> names;  // 'W' -> "Z"
};

/// The labels for the letter keys the controls use, from `nameOf` ('W' -> the name the
/// layout gives the key at W's position, "" when it has none): glfwGetKeyName in a window.
[[nodiscard]] KeyLabels keyLabels(const std::function<std::string(char)>& nameOf);

/// `keys` (a help row's) with each single capital letter named as `labels` says:
/// "W A S D / arrow keys" -> "Z Q S D / arrow keys" on AZERTY; "F1", "Ctrl", "Tab" stay.
[[nodiscard]] std::string relabelKeys(std::string_view keys, const KeyLabels& labels);

/// The text of a control message in `language`; English for any other.
[[nodiscard]] std::string_view controlMessageText(ControlMessageKind kind,
                                                  std::string_view language);

}  // namespace praxis::app
