// What the scenario runner reports about an attempt: a log of attempt events (for the
// xAPI reporter and the session report) and the feedback to show now (for any UI).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/localized_text.h"
#include "core/sim_time.h"
#include "scenario/definition.h"
#include "scenario/trainee_script.h"

namespace praxis::scenario {

enum class AttemptEventKind { Started, StepStarted, StepCompleted, FaultRaised, HintShown, Ended, Said };
enum class EndReason { Completed, CriticalFault, TimeLimit, Aborted };

[[nodiscard]] std::string_view toString(AttemptEventKind kind);
[[nodiscard]] std::string_view toString(EndReason reason);

struct AttemptEvent {
  core::Tick tick = 0;
  AttemptEventKind kind = AttemptEventKind::Started;
  std::string stepId;                // the step concerned (faults: the step active then)
  std::string faultId;               // FaultRaised
  Severity severity = Severity::Minor;
  int points = 0;                    // StepCompleted: awarded; FaultRaised: penalty
  double stepSeconds = 0.0;          // StepCompleted: time spent on the step
  std::vector<std::string> involved; // FaultRaised: objects held/touched at that moment
  /// FaultRaised: each behaviour's state then (format 2), "object=state" in object order:
  /// "touched the chuck" means something else while the drill runs down.
  std::vector<std::string> deviceStates;
  int hintIndex = -1;                // HintShown
  int branch = -1;                   // StepCompleted: index of the branch taken; -1 the default next
  std::string phrase;                // Said: the phrase id (stepId: the step active then)
  std::string person;                // Said: whom the trainee faced ("" for nobody in particular)
  // Ended:
  Outcome outcome = Outcome::Failed;
  EndReason reason = EndReason::Completed;
  int score = 0;
  int maxScore = 0;
};

/// What a front end shows right now; plain data, no UI code.
struct Feedback {
  std::string stepId;                       // "" once ended
  const LocalizedText* instruction = nullptr;
  std::vector<std::string> highlight;
  const LocalizedText* hint = nullptr;      // the latest hint shown for this step
  const LocalizedText* faultMessage = nullptr;
  core::Tick faultTick = -1;                // when the latest fault was raised (for a flash)
  int score = 0;
  int maxScore = 0;
  bool ended = false;
};

}  // namespace praxis::scenario
