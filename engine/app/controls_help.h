// The desktop controls explained to the trainee, in each language the scenarios ship: the
// table the HUD's F1 help shows (and the README repeats), and the controls' messages.
#pragma once

#include <span>
#include <string_view>

#include "app/desktop_controls.h"

namespace praxis::app {

struct ControlHelpRow {
  std::string_view keys;    // "W A S D / arrows"
  std::string_view action;  // "walk"
};

/// The controls table in `language` ("nl-BE", "fr-BE", "en"); English for any other.
[[nodiscard]] std::span<const ControlHelpRow> controlsHelp(std::string_view language);

/// The text of a control message in `language`; English for any other.
[[nodiscard]] std::string_view controlMessageText(ControlMessageKind kind,
                                                  std::string_view language);

}  // namespace praxis::app
