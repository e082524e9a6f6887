#include "scenario/keys.h"

#include <cassert>
#include <cstdlib>

namespace praxis::scenario {
namespace {

std::vector<NodeKeys> makeTable() {
  const std::string_view s = "scenario";
  const std::string_view t = "trainee-test";
  return {
      {"scenario", s,
       {"praxis", "id", "version", "title", "description", "minutes", "languages", "trainee",
        "objects", "steps", "faults", "scoring"},
       {"praxis", "id", "version", "title", "objects", "steps"}},
      {"trainee", s, {"position", "facing", "eye_height"}, {}},
      {"object", s,
       {"id", "label", "parent", "pos", "rot", "shape", "size", "model", "colour", "parts",
        "collider", "visible", "grabbable", "socket", "switch", "button", "lever", "tool", "target",
        "zone", "behaviour", "display", "measures"},
       {"id"}},
      {"part", s, {"shape", "size", "pos", "rot", "colour"}, {"shape"}},
      {"grabbable", s, {"mass", "grip"}, {}},
      {"socket", s, {"accepts", "snap", "tolerance"}, {}},
      {"snap", s, {"pos", "rot"}, {}},
      {"switch", s, {"states", "initial"}, {"states"}},
      {"lever", s, {"kind", "min", "max", "initial", "axis", "travel", "detents"}, {}},
      {"tool", s, {"tip", "direction", "range", "trigger"}, {}},
      {"zone", s, {"size"}, {"size"}},
      {"step", s,
       {"id", "title", "instruction", "highlight", "done_when", "points", "hints", "branches", "next",
        "on_enter", "on_done"},
       {"id", "instruction", "done_when"}},
      {"hint", s, {"text", "after", "after_mistakes"}, {"text"}},
      {"branch", s, {"if", "goto"}, {"if", "goto"}},
      {"fault", s, {"id", "when", "while", "severity", "penalty", "message", "repeat"}, {"id", "when"}},
      {"scoring", s, {"pass", "time_limit", "penalties"}, {}},
      {"penalties", s, {"minor", "major"}, {}},
      // Format 2: devices that respond.
      {"target", s, {"voltage"}, {}},
      {"behaviour", s, {"initial", "states"}, {"states"}},
      {"device_state", s, {"on_enter", "transitions"}, {}},
      {"transition", s, {"after", "if", "goto"}, {"goto"}},
      {"display", s, {"pos", "rot", "size"}, {}},
      {"device_action", s, {"set", "show", "hide", "display", "enable", "disable", "cue"}, {}},
      {"device_action_set", s, {"object", "state", "value"}, {}},
      {"device_action_display", s, {"object", "text", "value", "decimals"}, {}},
      {"device_action_cue", s, {"object", "sound", "say"}, {}},
      {"condition", s,
       {"state", "value", "grabbed", "released", "snapped", "touched", "inside", "tool_on",
        "elapsed", "step_done", "looking_at", "all", "any", "not", "sequence"},
       {}},
      {"condition_state", s, {"object", "is"}, {"object", "is"}},
      {"condition_value", s, {"object", "min", "max"}, {"object"}},
      {"condition_grabbed", s, {"object", "hand"}, {"object"}},
      {"condition_released", s, {"object", "hand"}, {"object"}},
      {"condition_snapped", s, {"object", "into"}, {"into"}},
      {"condition_touched", s, {"target", "by"}, {"target"}},
      {"condition_inside", s, {"object", "zone"}, {"object", "zone"}},
      {"condition_tool_on", s, {"tool", "target", "seconds"}, {"tool", "target"}},
      {"condition_elapsed", s, {"seconds", "since"}, {"seconds"}},
      {"condition_looking_at", s, {"object", "within"}, {"object"}},

      {"test", t, {"name", "reference", "language", "seed", "max_seconds", "actions", "expect"},
       {"name", "actions"}},
      {"action", t,
       {"grab", "release", "move", "snap", "press", "set", "touch", "use", "wait", "look_at",
        "walk_to"},
       {}},
      {"action_grab", t, {"object", "hand"}, {"object"}},
      {"action_release", t, {"hand"}, {"hand"}},
      {"action_move", t, {"to", "offset", "hand"}, {"to"}},
      {"action_snap", t, {"object", "into", "hand"}, {"object", "into"}},
      {"action_press", t, {"object", "hand"}, {"object"}},
      {"action_set", t, {"object", "to", "value", "hand"}, {"object"}},
      {"action_touch", t, {"target", "with", "seconds", "hand"}, {"target"}},
      {"action_use", t, {"tool", "on", "seconds", "hand"}, {"tool", "on"}},
      {"action_wait", t, {"seconds", "until"}, {}},
      {"wait_until", t, {"object", "is"}, {"object", "is"}},
      {"action_look_at", t, {"target"}, {"target"}},
      {"action_walk_to", t, {"to"}, {"to"}},
      {"expect", t, {"outcome", "score", "faults", "steps", "end"}, {}},
      {"score_range", t, {"min", "max"}, {}},
  };
}

}  // namespace

const std::vector<NodeKeys>& nodeKeyTable() {
  // Built once and never changed: constant data, not mutable global state.
  static const std::vector<NodeKeys> kTable = makeTable();
  return kTable;
}

const NodeKeys& keysOf(std::string_view node) {
  for (const auto& entry : nodeKeyTable()) {
    if (entry.node == node) return entry;
  }
  assert(false && "unknown node kind");
  std::abort();
}

}  // namespace praxis::scenario
