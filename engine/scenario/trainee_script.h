// A scripted trainee (a scenario's tests/*.yaml): semantic actions plus expectations.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/math.h"
#include "core/source_span.h"
#include "scenario/definition.h"

namespace praxis::scenario {

enum class ActionKind {
  Grab,     // reach `object` and close the hand on it
  Release,  // open the hand where it is
  Move,     // move the hand to `point` or to `target`'s position (+ `point` as offset)
  Snap,     // carry the held `object` into socket `target` and let go
  Press,    // poke `object` (button, or switch: advances one state)
  Set,      // switch `object` to `state`, or lever/dial to `value` / detent `state`
  Touch,    // touch `target` with the hand, or with the held tool `object`
  Use,      // aim/hold the held tool `object` on `target` for `seconds` (trigger if needed)
  Wait,     // do nothing for `seconds`, or until `object` is in `state` (at most `seconds`)
  LookAt,   // turn the head towards `target`
  WalkTo,   // walk to `point` or next to `target`
};

[[nodiscard]] std::string_view toString(ActionKind kind);

struct Action {
  ActionKind kind = ActionKind::Wait;
  SourceSpan span;
  Hand hand = Hand::Right;
  std::string object;
  std::string target;
  std::string state;
  std::optional<core::Vec3> point;
  std::optional<float> value;
  double seconds = 0.0;
  FieldSpans fields;  // by YAML key ("object", "into", "to", …); the short form records its key
};

enum class Outcome { Passed, Failed };
[[nodiscard]] std::string_view toString(Outcome outcome);

struct Expectation {
  SourceSpan span;
  std::optional<Outcome> outcome;
  std::optional<int> scoreMin;
  std::optional<int> scoreMax;
  std::optional<std::vector<std::string>> faults;          // exactly this set, in any order
  std::optional<std::vector<std::string>> stepsCompleted;  // exactly these, in this order
  std::optional<std::string> endReason;                    // "completed", "critical_fault", "time_limit"
  FieldSpans fields;                                       // includes "faults[i]", "steps[i]"
};

struct TraineeScript {
  std::string file;
  std::string name;
  SourceSpan span;
  bool reference = false;   // the scenario's reference solution
  std::string language = "nl-BE";
  std::uint64_t seed = 1;
  double maxSeconds = 900;  // give up (and fail the test) after this much simulated time
  std::vector<Action> actions;
  Expectation expect;
  FieldSpans fields;
};

}  // namespace praxis::scenario
