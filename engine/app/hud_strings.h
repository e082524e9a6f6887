// Every visible string of the HUD itself (not the scenario's texts, which the scenario
// translates, nor the controls table of the F1 help, which is controls_help.h's), in nl-BE,
// fr-BE and en: the one place to add or correct a translation.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace praxis::app {

/// The languages the HUD speaks (and offers in its menu), in menu order.
inline constexpr std::string_view kHudLanguages[] = {"nl-BE", "fr-BE", "en"};

enum class HudText {
  StepOfCount,  // {1} = step number, {2} = step count
  StepNumber,   // {1}
  StepsDone,    // {1} done of {2}
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
  ScoreLine,  // {1} score, {2} max, {3} pass mark
  Mistakes,
  NoMistakes,
  PenaltyPoints,  // {1}
  OpenReport,
  Close,
  SayTo,      // {1} = the person faced
  Say,        // nobody in particular
  SayCancel,  // how to close the phrase menu
  Count
};

/// The text in `language` (nl-BE, fr-BE or en; any other tag falls back to its base
/// language, then English), with {1}, {2}, {3} replaced by `args`.
[[nodiscard]] std::string hudText(HudText text, std::string_view language,
                                  std::initializer_list<std::string_view> args = {});

/// A language's own name ("Nederlands", "Français", "English") for the language menu.
[[nodiscard]] std::string_view languageName(std::string_view language);

}  // namespace praxis::app
