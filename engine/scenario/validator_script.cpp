// Scripted trainees against their scenario: the objects each action names exist and can do
// what the action asks; expected faults and steps exist; one reference test per package.
#include <algorithm>

#include "scenario/suggest.h"
#include "scenario/validator.h"
#include "scenario/validator_index.h"

namespace praxis::scenario {
namespace {

using detail::Index;

class ActionCheck {
 public:
  ActionCheck(const Index& ix, const Action& a)
      : ix_(ix), a_(a), context_("action '" + std::string(toString(a.kind)) + "'") {}

  void run() {
    switch (a_.kind) {
      case ActionKind::Grab:
        need(a_.object, "object", &ObjectDef::grabbable, "is not grabbable");
        return;
      case ActionKind::Snap: return snap();
      case ActionKind::Press: return press();
      case ActionKind::Set: return set();
      case ActionKind::Touch:
        need(a_.target, "target", &ObjectDef::touchTarget, "is not a touch target (add `target: true`)");
        if (!a_.object.empty()) need(a_.object, "with", &ObjectDef::tool, "is not a tool");
        return;
      case ActionKind::Use:
        need(a_.object, "tool", &ObjectDef::tool, "is not a tool");
        object(a_.target, "on");
        return;
      case ActionKind::Move: return objectIfNamed("to");
      case ActionKind::LookAt: return objectIfNamed("target");
      case ActionKind::WalkTo: return objectIfNamed("to");
      case ActionKind::Wait: return waitUntil();
      case ActionKind::Release: return;
    }
  }

 private:
  [[nodiscard]] const SourceSpan& at(std::string_view key) const { return spanOf(a_.fields, key, a_.span); }
  const ObjectDef* object(const std::string& id, std::string_view key) const {
    return ix_.requireObject(id, at(key), context_);
  }
  template <typename Component>
  const ObjectDef* need(const std::string& id, std::string_view key, Component ObjectDef::*component,
                        std::string_view problem) const {
    const ObjectDef* o = object(id, key);
    if (o == nullptr || !ix_.check((o->*component).has_value(), *o, at(key), context_, problem)) return nullptr;
    return o;
  }
  void waitUntil() const {
    if (a_.object.empty()) return;
    const ObjectDef* o = object(a_.object, "object");
    if (o == nullptr) return;
    const auto states = detail::statesOf(*o);
    if (std::find(states.begin(), states.end(), a_.state) == states.end()) {
      ix_.out().error(at("is"), context_ + " until: '" + o->id + "' has no state '" + a_.state + "' (its states: " +
                                    detail::joined(states) + ")" + didYouMean(a_.state, states));
    }
  }
  void objectIfNamed(std::string_view key) const {
    if (!a_.target.empty()) object(a_.target, key);
  }
  void snap() const {
    const ObjectDef* o = need(a_.object, "object", &ObjectDef::grabbable, "is not grabbable");
    const ObjectDef* socket = need(a_.target, "into", &ObjectDef::socket, "is not a socket");
    if (o == nullptr || socket == nullptr || socket->socket->accepts.empty()) return;
    const auto& accepts = socket->socket->accepts;
    if (std::find(accepts.begin(), accepts.end(), o->id) == accepts.end()) {
      ix_.out().error(at("object"), context_ + ": socket '" + socket->id + "' does not accept '" + o->id + "'");
    }
  }
  void press() const {
    if (const ObjectDef* o = object(a_.object, "object")) {
      ix_.check(o->button || o->toggle, *o, at("object"), context_, "is not a button or a switch");
    }
  }
  void set() const {
    const ObjectDef* o = object(a_.object, "object");
    if (o == nullptr) return;
    if (a_.value) {
      if (!ix_.check(o->lever.has_value(), *o, at("object"), context_, "is not a lever or dial")) return;
      if (*a_.value < o->lever->minimum || *a_.value > o->lever->maximum) {
        ix_.out().error(at("value"), context_ + ": value lies outside '" + o->id + "''s range");
      }
      return;
    }
    if (!ix_.check(o->toggle || o->lever, *o, at("object"), context_, "is not a switch, lever or dial")) return;
    std::vector<std::string> states;
    if (o->toggle) states = o->toggle->states;
    if (o->lever) {
      for (const auto& d : o->lever->detents) states.push_back(d.name);
    }
    if (std::find(states.begin(), states.end(), a_.state) == states.end()) {
      ix_.out().error(at("to"), context_ + ": '" + o->id + "' has no state '" + a_.state + "' (its states: " +
                                    detail::joined(states) + ")" + didYouMean(a_.state, states));
    }
  }

  const Index& ix_;
  const Action& a_;
  std::string context_;
};

void checkExpectation(const Index& ix, const Expectation& e) {
  if (e.faults) {
    for (std::size_t i = 0; i < e.faults->size(); ++i) {
      ix.requireFault((*e.faults)[i], spanOf(e.fields, "faults[" + std::to_string(i) + "]", e.span), "expect.faults");
    }
  }
  if (e.stepsCompleted) {
    for (std::size_t i = 0; i < e.stepsCompleted->size(); ++i) {
      ix.requireStep((*e.stepsCompleted)[i], spanOf(e.fields, "steps[" + std::to_string(i) + "]", e.span),
                     "expect.steps", false);
    }
  }
  const int max = ix.def().maxScore();
  if (e.scoreMin && *e.scoreMin > max) {
    ix.out().error(spanOf(e.fields, "score", e.span), "expect.score: the scenario gives " + std::to_string(max) +
                                                          " points at most");
  }
}

}  // namespace

void validateScript(const ScenarioDef& def, const TraineeScript& script, Diagnostics& out) {
  const Index ix(def, out);
  for (const auto& action : script.actions) ActionCheck(ix, action).run();
  checkExpectation(ix, script.expect);
  const auto& languages = def.meta.languages;
  if (!languages.empty() && std::find(languages.begin(), languages.end(), script.language) == languages.end()) {
    out.warning(spanOf(script.fields, "language", script.span),
                "language: the scenario does not provide '" + script.language + "' (it has: " +
                    detail::joined(languages) + ")");
  }
}

void validateTests(const std::vector<TraineeScript>& tests, const SourceSpan& packageSpan, Diagnostics& out) {
  const TraineeScript* reference = nullptr;
  for (const auto& t : tests) {
    if (!t.reference) continue;
    if (reference == nullptr) {
      reference = &t;
      continue;
    }
    out.error(spanOf(t.fields, "reference", t.span),
              "reference: only one test may be the reference solution; " + reference->file + " already is");
  }
  if (reference == nullptr) {
    out.error(packageSpan, "the package has no reference test: mark one tests/*.yaml with `reference: true`");
  }
}

}  // namespace praxis::scenario
