// Every visible string of the HUD itself (not the scenario's texts, which the scenario
// translates), in nl-BE, fr-BE and en: the one place to add or correct a translation.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace praxis::app {

/// The languages the HUD speaks (and offers in its menu), in menu order.
inline constexpr std::string_view kHudLanguages[] = {"nl-BE", "fr-BE", "en"};

enum class HudText {
  StepOfCount,       // {1} = step number, {2} = step count
  StepNumber,        // {1}
  StepsDone,         // {1} done of {2}
  Hint,
  Fault,
  FaultMajor,
  FaultCritical,
  Acknowledge,
  Time,
  HelpAndMenu,
  Controls,
  CloseHelp,
  Paused,
  Resume,
  Restart,
  Language,
  TextSize,
  TextSmall,
  TextNormal,
  TextLarge,
  Quit,
  QuitCountsAsStopped,
  Passed,
  NotPassed,
  EndCompleted,
  EndCriticalFault,
  EndTimeLimit,
  EndAborted,
  ScoreLine,         // {1} score, {2} max, {3} pass mark
  Mistakes,
  NoMistakes,
  PenaltyPoints,     // {1}
  OpenReport,
  Close,
  // The controls the help overlay lists (the keys come from HudControl::keys).
  ControlLook,
  ControlWalk,
  ControlCrouch,
  ControlReach,
  ControlGrab,
  ControlHoldDistance,
  ControlRotate,
  ControlSwitchHand,
  ControlUseTool,
  ControlCycle,
  ControlAct,
  ControlFullscreen,
  ControlHelp,
  ControlMenu,
  // Words in the keys column.
  KeyMouse,
  KeyClick,
  KeyRightClick,
  KeyWheel,
  Count
};

/// The text in `language` (nl-BE, fr-BE or en; any other tag falls back to its base
/// language, then English), with {1}, {2}, {3} replaced by `args`.
[[nodiscard]] std::string hudText(HudText text, std::string_view language,
                                  std::initializer_list<std::string_view> args = {});

/// A language's own name ("Nederlands", "Français", "English") for the language menu.
[[nodiscard]] std::string_view languageName(std::string_view language);

/// One line of the help overlay: the keys (as printed on them, e.g. from glfwGetKeyName so
/// an AZERTY keyboard reads Z Q S D), a translated word before them (the mouse) or
/// HudText::Count for none, and what they do.
struct HudControl {
  std::string keys;
  HudText word = HudText::Count;
  HudText action = HudText::ControlLook;
};

/// The desktop controls of the control scheme (README "Desktop controls").
[[nodiscard]] std::vector<HudControl> defaultControls();

}  // namespace praxis::app
