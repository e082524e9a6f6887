// Inside praxis explore: the action vocabulary a state offers, the discrete state it is
// pruned by, and the YAML form of an action. Separate from the search so each can be tested.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "app/session.h"
#include "scenario/trainee_script.h"

namespace praxis::app::detail {

/// What the scenario's conditions ask of time and gaze, so the explorer offers matching actions.
struct Vocabulary {
  double toolSeconds = 0.3;              // a tool is held on a target this long (longest tool_on + margin)
  std::vector<std::string> lookTargets;  // objects of looking_at conditions
  std::vector<double> waits;             // seconds of elapsed conditions
  bool handsMatter = false;              // some condition names a hand
  // Targets some condition notices a touch of: by a bare hand, by a tool. A touch no
  // condition notices changes nothing, so it is not offered.
  std::vector<std::string> handTargets;
  std::vector<std::string> toolTargets;
  // Format 2: some condition reads the posture (then crouching and standing are tried and are
  // part of the state); the phrases some condition listens for, with the person ("" anyone).
  bool posture = false;
  std::vector<std::pair<std::string, std::string>> sayings;
};

[[nodiscard]] Vocabulary vocabularyOf(const scenario::ScenarioDef& def);

/// One explorer move: one scripted action, or a release followed by a short settle.
using Move = std::vector<scenario::Action>;

/// Every move the scripted trainee can make in the session's current state, in a fixed order.
[[nodiscard]] std::vector<Move> candidateMoves(const Session& session, const Vocabulary& vocabulary);

/// The session's discrete state: the attempt's (Runner::hashState), what the hands hold
/// (which hand only when `handsMatter`), socket occupants, switch/button/lever states, and
/// where free objects rest (coarse cells).
[[nodiscard]] std::uint64_t discreteState(const Session& session, bool handsMatter,
                                          bool posture = false);

/// Whether the move did what it is for (a grab holds, a snap seats, a set reaches its
/// state). A move that did not leaves the trainee believing something false; it is dropped.
[[nodiscard]] bool moveTookEffect(const Session& session, const Move& move);

/// The action as one line of a test file ("grab: {object: key, hand: left}").
[[nodiscard]] std::string actionYaml(const scenario::Action& action);

}  // namespace praxis::app::detail
