// Checks of format 2's devices that respond: behaviours (states, transitions, which states
// can ever be entered), displays, measuring tools and the actions states and steps run.
#include <algorithm>
#include <set>

#include "scenario/suggest.h"
#include "scenario/validator_index.h"

namespace praxis::scenario::detail {
namespace {

std::vector<std::string> stateNames(const BehaviourDef& b) {
  std::vector<std::string> names;
  for (const auto& s : b.states) names.push_back(s.name);
  return names;
}

/// Every action of the scenario with the object it acts on ("" owner resolved).
template <typename Visit>
void forEachAction(const ScenarioDef& def, Visit&& visit) {
  for (const auto& o : def.objects) {
    if (!o.behaviour) continue;
    for (const auto& s : o.behaviour->states) {
      for (const auto& a : s.onEnter) visit(a, a.object.empty() ? o.id : a.object, "object '" + o.id + "' state '" + s.name + "'");
    }
  }
  for (const auto& s : def.steps) {
    for (const auto& a : s.onEnter) visit(a, a.object, "step '" + s.id + "' on_enter");
    for (const auto& a : s.onDone) visit(a, a.object, "step '" + s.id + "' on_done");
  }
}

class ActionChecker {
 public:
  ActionChecker(const Index& ix, const DeviceAction& a, std::string context)
      : ix_(ix), a_(a), context_(std::move(context) + " " + std::string(toString(a.kind))) {}

  void check(const std::string& objectId) {
    const SourceSpan& objectAt = spanOf(a_.fields, "object", a_.span);
    if (objectId.empty()) {  // a step's cue may sound everywhere; every other action needs its object
      if (a_.kind != DeviceActionKind::Cue) ix_.out().error(a_.span, context_ + ": needs 'object' (which object it acts on)");
      return;
    }
    const ObjectDef* o = ix_.requireObject(objectId, objectAt, context_);
    if (o == nullptr) return;
    switch (a_.kind) {
      case DeviceActionKind::Set: return set(*o, objectAt);
      case DeviceActionKind::Display: return display(*o, objectAt);
      case DeviceActionKind::Enable:
      case DeviceActionKind::Disable:
        ix_.check(o->button || o->toggle || o->lever || o->grabbable, *o, objectAt, context_,
                  "is not a button, switch, lever or grabbable object: there is nothing to enable or disable");
        return;
      default: return;
    }
  }

 private:
  void set(const ObjectDef& o, const SourceSpan& objectAt) {
    if (a_.value) {
      ix_.check(!o.lever, o, objectAt, context_, "is a lever or dial: the trainee sets its value, an action cannot");
      return;
    }
    const SourceSpan& at = spanOf(a_.fields, "state", a_.span);
    std::vector<std::string> states;
    if (o.behaviour) {
      states = stateNames(*o.behaviour);
    } else if (o.toggle) {
      states = o.toggle->states;
    } else {
      ix_.check(false, o, objectAt, context_, "has no behaviour and is no switch: it has no state to set");
      return;
    }
    if (std::find(states.begin(), states.end(), a_.state) == states.end()) {
      ix_.out().error(at, context_ + ": '" + o.id + "' has no state '" + a_.state + "' (its states: " + joined(states) +
                              ")" + didYouMean(a_.state, states));
    }
  }
  void display(const ObjectDef& o, const SourceSpan& objectAt) {
    ix_.check(o.display.has_value(), o, objectAt, context_, "has no display (add `display: {size: [w, h]}` to it)");
    if (a_.valueOf.empty()) return;
    const SourceSpan& at = spanOf(a_.fields, "value", a_.span);
    if (const ObjectDef* source = ix_.requireObject(a_.valueOf, at, context_ + " value")) {
      ix_.check(hasValue(ix_.def(), *source), *source, at, context_ + " value", "has no value to show");
    }
    for (const auto& [language, text] : a_.text.all()) {
      if (text.find("{value}") == std::string::npos) {
        ix_.out().warning(spanOf(a_.fields, "text", a_.span),
                          context_ + ": the " + language + " text has no '{value}', so the value is never shown");
      }
    }
  }

  const Index& ix_;
  const DeviceAction& a_;
  std::string context_;
};

void checkTransitions(const Index& ix, const ObjectDef& o, const DeviceStateDef& s, const std::vector<std::string>& names) {
  for (const auto& t : s.transitions) {
    if (t.when) checkCondition(ix, *t.when);
    if (std::find(names.begin(), names.end(), t.next) == names.end()) {
      ix.out().error(spanOf(t.fields, "goto", t.span), "object '" + o.id + "' state '" + s.name + "': unknown state '" +
                                                             t.next + "'" + didYouMean(t.next, names));
    }
  }
}

/// States no transition, `set` action or `initial` leads to are dead weight, or a typo.
void checkReachable(const Index& ix, const ObjectDef& o, const std::string& initial) {
  const BehaviourDef& b = *o.behaviour;
  std::set<std::string> entered{initial};
  forEachAction(ix.def(), [&](const DeviceAction& a, const std::string& object, const std::string&) {
    if (a.kind == DeviceActionKind::Set && !a.value && object == o.id) entered.insert(a.state);
  });
  std::vector<std::string> work(entered.begin(), entered.end());
  while (!work.empty()) {
    const DeviceStateDef* s = b.find(work.back());
    work.pop_back();
    if (s == nullptr) continue;
    for (const auto& t : s->transitions) {
      if (entered.insert(t.next).second) work.push_back(t.next);
    }
  }
  for (const auto& s : b.states) {
    if (!entered.contains(s.name)) {
      ix.out().warning(spanOf(b.fields, "states." + s.name, s.span),
                       "object '" + o.id + "' state '" + s.name + "' is never entered: no transition, 'set' action or 'initial' leads to it");
    }
  }
}

void checkBehaviour(const Index& ix, const ObjectDef& o) {
  const BehaviourDef& b = *o.behaviour;
  const SourceSpan& at = spanOf(o.fields, "behaviour", o.span);
  if (o.toggle || o.button || o.lever || o.socket) {
    ix.out().error(at, "object '" + o.id + "': a behaviour gives the object its state, so it cannot also be a switch, button, "
                       "lever or socket (put the behaviour on the machine, the control on its own object)");
  }
  const auto names = stateNames(b);
  std::set<std::string> seen;
  for (const auto& s : b.states) {
    if (!seen.insert(s.name).second) ix.out().error(s.span, "object '" + o.id + "': duplicate state '" + s.name + "'");
    checkTransitions(ix, o, s, names);
  }
  std::string initial = names.empty() ? std::string() : names.front();
  if (!b.initial.empty()) {
    if (b.find(b.initial) == nullptr) {
      ix.out().error(spanOf(b.fields, "initial", b.span),
                     "object '" + o.id + "' initial: unknown state '" + b.initial + "'" + didYouMean(b.initial, names));
      return;
    }
    initial = b.initial;
  }
  checkReachable(ix, o, initial);
}

}  // namespace

bool hasValue(const ScenarioDef& def, const ObjectDef& o) {
  if (o.lever || o.voltage || o.measures != Measure::None) return true;
  bool set = false;
  forEachAction(def, [&](const DeviceAction& a, const std::string& object, const std::string&) {
    set = set || (a.kind == DeviceActionKind::Set && a.value && object == o.id);
  });
  return set;
}

void checkDevices(const Index& ix) {
  for (const auto& o : ix.def().objects) {
    if (o.behaviour) checkBehaviour(ix, o);
    if (o.measures != Measure::None) {
      ix.check(o.tool.has_value(), o, spanOf(o.fields, "measures", o.span), "measures",
               "is not a tool: it measures what its tip touches, so it needs `tool:`");
    }
  }
  forEachAction(ix.def(), [&](const DeviceAction& a, const std::string& object, const std::string& context) {
    ActionChecker(ix, a, context).check(object);
  });
}

}  // namespace praxis::scenario::detail
