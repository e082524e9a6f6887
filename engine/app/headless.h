// Headless attempts: a scripted trainee (or a recorded input log) drives a Session as fast
// as the CPU allows; the result is checked against the script's expectations.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/attempt.h"
#include "app/session.h"
#include "app/tick_input.h"
#include "scenario/trainee_script.h"

namespace praxis::app {

struct RunOptions {
  /// The session options (a script's own seed and language replace these), the xAPI
  /// output and the event listener.
  AttemptOptions attempt;
  /// Stop as soon as this step becomes active (for snapshots); "" runs to the end.
  std::string stopAtStep;
  /// Called once with the finished session, before it is summarised (e.g. to record coverage).
  std::function<void(const Session&)> onFinished;
  /// When set, every tick's input is appended here (for --record).
  std::vector<interaction::TraineeInput>* record = nullptr;
  /// Seconds the trainee may stand idle after the script's last action before the attempt
  /// counts as abandoned.
  double idleSeconds = 1.0;
};

struct RunResult {
  bool ended = false;
  scenario::Outcome outcome = scenario::Outcome::Failed;
  scenario::EndReason endReason = scenario::EndReason::Aborted;
  int score = 0;
  int maxScore = 0;
  core::Tick ticks = 0;
  std::vector<std::string> stepsCompleted;
  std::vector<std::string> faults;
  std::vector<scenario::AttemptEvent> attemptEvents;
  std::size_t worldEventCount = 0;
  std::uint64_t eventLogHash = 0;
  std::optional<core::Error> scriptError;  // the script could not be played as written
  bool timedOut = false;                   // hit the script's max_seconds

  [[nodiscard]] double simulatedSeconds() const { return core::ticksToSeconds(ticks); }
};

/// Plays a trainee (a scripted trainee, the desktop autopilot) on `attempt` until the attempt
/// ends, the stop step starts, the trainee stands idle (its tick() gives nothing) or
/// `maxSeconds` of simulated time pass. `scriptError` is left for the caller to fill.
[[nodiscard]] RunResult playTrainee(Attempt& attempt, TickInput& trainee, double maxSeconds,
                                    const RunOptions& options);

/// Plays `script` on `attempt` until the attempt ends, the stop step starts, the script
/// stands idle or its max_seconds pass.
[[nodiscard]] RunResult playScript(Attempt& attempt, const scenario::TraineeScript& script,
                                   const RunOptions& options);

/// A fresh attempt of `def` for playing `script`: the script's seed and language.
[[nodiscard]] core::Result<std::unique_ptr<Attempt>> attemptForScript(const scenario::ScenarioDef& def,
                                                                      const scenario::TraineeScript& script,
                                                                      const RunOptions& options);

/// Plays `script` against a fresh attempt of `def`, with the script's seed and language.
[[nodiscard]] core::Result<RunResult> runScript(const scenario::ScenarioDef& def,
                                                const scenario::TraineeScript& script,
                                                const RunOptions& options = {});

/// Replays recorded inputs against a fresh attempt of `def`.
[[nodiscard]] core::Result<RunResult> runInputs(const scenario::ScenarioDef& def,
                                                const std::vector<interaction::TraineeInput>& inputs,
                                                const RunOptions& options = {});

/// Each unmet expectation as a sentence; empty when the run meets them all.
[[nodiscard]] std::vector<std::string> checkExpectations(const scenario::Expectation& expect,
                                                         const RunResult& result);

/// Summarises a finished session into a RunResult.
[[nodiscard]] RunResult summarise(const Session& session);

}  // namespace praxis::app
