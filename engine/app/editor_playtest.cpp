#include "app/editor_playtest.h"

#include "app/desktop_mode.h"
#include "app/desktop_tick_input.h"

namespace praxis::app {

core::Result<std::string> playTest(const scenario::ScenarioDef& def,
                                   const scenario::TraineeScript* reference,
                                   const PlayTestOptions& options) {
  const scenario::ScenarioDef copy = def;  // the desktop mode keeps a reference to it
  if (!options.fromStep.empty() && copy.findStep(options.fromStep) == nullptr) {
    return core::fail("play-test: no step '", options.fromStep, "'");
  }
  if (!options.fromStep.empty() && reference == nullptr) {
    return core::fail("play-test from a step needs the package's reference test");
  }
  DesktopOptions desktop;
  desktop.packageDir = options.packageDir;
  desktop.attempt.session.language = options.language;
  if (reference != nullptr) desktop.attempt.session.seed = reference->seed;
  desktop.validation = options.validation;
  desktop.onValidationMessage = options.onValidationMessage;
  desktop.captureCursor = !options.drive;
  desktop.title = "Praxis play-test: " + copy.meta.title.in(options.language);
  auto mode = DesktopMode::open(copy, std::move(desktop), [&copy](const Session&) {
    return std::make_unique<DesktopTickInput>(copy);
  });
  if (!mode) return std::unexpected(mode.error());
  Attempt& attempt = (*mode)->attempt();
  if (!options.fromStep.empty()) {
    // The reference's own inputs, tick by tick, until the step is the active one.
    ScriptedTickInput script(*reference, attempt.session());
    while (!attempt.ended() && attempt.session().feedback().stepId != options.fromStep) {
      auto input = script.tick(attempt.session());
      if (!input) break;
      attempt.step(*input);
    }
    if (attempt.session().feedback().stepId != options.fromStep) {
      return core::fail("play-test: the reference solution never reaches step '", options.fromStep, "'");
    }
  }
  const std::string reached = attempt.session().feedback().stepId;
  if (options.drive) {
    if (auto driven = options.drive(**mode); !driven) return std::unexpected(driven.error());
  } else if (auto ran = (*mode)->run(); !ran) {
    return std::unexpected(ran.error());
  }
  return options.fromStep.empty() ? std::string() : reached;
}

}  // namespace praxis::app
