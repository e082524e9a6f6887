// The editor's play-test: the scenario as the editor holds it now, played in the desktop
// trainee mode from the start or from any step. From a step, the reference solution is
// replayed headless up to it (the state it reaches there) and a person takes over. The
// editor's document is not touched: the play-test plays a copy.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "scenario/definition.h"
#include "scenario/trainee_script.h"

namespace praxis::app {

class DesktopMode;

struct PlayTestOptions {
  std::string packageDir;
  std::string language = "nl-BE";
  /// "" plays from the start; else the step where a person takes over.
  std::string fromStep;
  bool validation = false;
  std::function<void(std::string_view)> onValidationMessage;
  /// Tests: called once the window is open and the step reached, instead of running the
  /// window's own loop until it closes.
  std::function<core::Result<void>(DesktopMode&)> drive;
};

/// Opens the desktop mode on a copy of `def`, plays `reference` headless up to
/// options.fromStep, and runs until the window closes. Returns the step the attempt was at
/// when the person took over ("" from the start).
[[nodiscard]] core::Result<std::string> playTest(const scenario::ScenarioDef& def,
                                                 const scenario::TraineeScript* reference,
                                                 const PlayTestOptions& options);

}  // namespace praxis::app
