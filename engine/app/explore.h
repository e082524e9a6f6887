// praxis explore: a breadth-first search over what a scripted trainee can do in a scenario,
// pruned by the world's discrete state, that finds steps that can never be completed,
// faults that can never be raised, branches never taken and dead ends, each with the
// shortest action sequence that shows it. docs/explore.md explains the abstraction.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/source_span.h"
#include "scenario/definition.h"
#include "scenario/trainee_script.h"

namespace praxis::app {

struct ExploreProgress {
  std::size_t states = 0;    // distinct discrete states found
  std::size_t runs = 0;      // action sequences played
  int depth = 0;             // depth (in actions) of the state being expanded
  std::size_t frontier = 0;  // states waiting to be expanded
  double seconds = 0.0;      // wall time so far
  double cpuSeconds = 0.0;   // processor time so far
};

struct ExploreOptions {
  std::size_t maxStates = 100000;
  double seconds = 120.0;    // wall-clock budget
  int maxDepth = 64;         // states this deep are not expanded
  /// Called about once a second while the search runs.
  std::function<void(const ExploreProgress&)> onProgress;
};

enum class FindingKind { StepNeverCompleted, FaultNeverRaised, BranchNeverTaken, DeadEnd };
[[nodiscard]] std::string_view toString(FindingKind kind);

struct Finding {
  FindingKind kind = FindingKind::DeadEnd;
  std::string id;            // the step, fault or branch ("step#0", "step#default"); dead end: its active step
  std::string message;       // one sentence for people
  core::SourceSpan span;     // where the item is defined (dead ends: the active step)
  /// The shortest sequence that shows it: to the dead end, or to where the step that can
  /// never be completed becomes active. Empty with `hasSequence` false when none exists.
  std::vector<scenario::Action> actions;
  bool hasSequence = false;
  std::vector<std::string> stepsCompleted;  // what that sequence does, for the test's expect:
  std::vector<std::string> faults;
  std::string endReason;                    // "aborted", "critical_fault", …
};

struct ExploreResult {
  std::size_t states = 0;
  std::size_t runs = 0;
  int depth = 0;              // the deepest level reached
  int completionDepth = -1;   // actions in the shortest sequence that completes the attempt
  double seconds = 0.0;
  double cpuSeconds = 0.0;    // processor time of this process (on a busy machine, < seconds)
  bool complete = false;      // every reachable state was expanded
  std::string cutBy;          // when not complete: "--max-states", "--seconds" or "--max-depth"
  std::vector<Finding> findings;
  /// Items not reached before the search was cut: not proven unreachable, so not findings.
  std::vector<std::string> notReached;
};

/// Explores `def` from its start. Fails only when a session cannot be created.
[[nodiscard]] core::Result<ExploreResult> explore(const scenario::ScenarioDef& def,
                                                  const ExploreOptions& options = {});

/// A ready-to-run test (tests/*.yaml) that replays a finding's sequence and expects what it
/// does, with a comment saying what was found and how to replay it.
[[nodiscard]] std::string findingTestYaml(const Finding& finding, const scenario::ScenarioDef& def,
                                          const std::string& name);

}  // namespace praxis::app
