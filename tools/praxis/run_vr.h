// praxis run --mode vr|ar: the options of the VR front end and its play, for cmd_run.cpp.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "app/headless.h"
#include "args.h"
#include "core/result.h"
#include "scenario/trainee_script.h"

namespace praxis::cli {

/// The attempt options of a front end that plays `played` (its seed and language) with
/// `run`'s output and listener.
[[nodiscard]] app::AttemptOptions attemptFor(const app::RunOptions& run,
                                             const scenario::TraineeScript& played);

/// The options only VR/AR takes (flags, then options with a value).
inline const std::vector<std::string> kVrFlags{"--seated", "--left-handed", "--one-handed"};
inline const std::vector<std::string> kVrOptions{"--blend", "--snap-turn", "--text-size", "--swapchains"};

/// Their help lines.
[[nodiscard]] std::string vrHelp();

/// "" when the VR options are well-formed, else what is wrong with them.
[[nodiscard]] std::string vrOptionsProblem(const Args& args);

/// Whether an OpenXR runtime with a headset is here: its name, or why not (one line).
[[nodiscard]] core::Result<std::string> headsetHere(bool augmented = false);

/// Plays one attempt on the headset: a person with the controllers, or (--autopilot, --script)
/// the script, whose input goes through the simulated runtime's device stream when
/// PRAXIS_XR_SIM_INPUT names one.
[[nodiscard]] core::Result<app::RunResult> playVr(const Args& args, const std::filesystem::path& dir,
                                                  const scenario::ScenarioDef& def,
                                                  const scenario::TraineeScript& played,
                                                  const app::RunOptions& run, bool augmented,
                                                  std::size_t& messages);

}  // namespace praxis::cli
