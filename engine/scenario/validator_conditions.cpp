// Condition references and component fit: every object a condition names exists and has the
// component the condition needs (a state to be in, a socket to snap into, a tool to use).
#include <algorithm>

#include "scenario/suggest.h"
#include "scenario/validator.h"
#include "scenario/validator_index.h"

namespace praxis::scenario::detail {
namespace {

bool isBodyPart(std::string_view id) {
  return std::find(std::begin(kReservedObjectIds), std::end(kReservedObjectIds), id) != std::end(kReservedObjectIds);
}

class ConditionCheck {
 public:
  ConditionCheck(const Index& index, const Condition& c)
      : ix_(index), c_(c), context_("condition '" + std::string(toString(c.kind)) + "'") {}

  void run() {
    switch (c_.kind) {
      case ConditionKind::State: return state();
      case ConditionKind::Value: return value();
      case ConditionKind::Grabbed:
      case ConditionKind::Released: return held();
      case ConditionKind::Snapped: return snapped();
      case ConditionKind::Touched: return touched();
      case ConditionKind::Inside: return inside();
      case ConditionKind::ToolOn: return toolOn();
      case ConditionKind::StepDone: {
        ix_.requireStep(c_.state, at("object"), context_, false);
        return;
      }
      case ConditionKind::LookingAt: {
        ix_.requireObject(c_.object, at("object"), context_);
        return;
      }
      case ConditionKind::Elapsed:
      case ConditionKind::All:
      case ConditionKind::Any:
      case ConditionKind::Not:
      case ConditionKind::Sequence: return;
    }
  }

 private:
  [[nodiscard]] const SourceSpan& at(std::string_view key) const { return spanOf(c_.fields, key, c_.span); }
  const ObjectDef* object(std::string_view key, const std::string& id) const {
    return ix_.requireObject(id, at(key), context_);
  }

  void state() {
    const ObjectDef* o = object("object", c_.object);
    if (o == nullptr) return;
    const auto states = statesOf(*o);
    if (states.empty()) {
      ix_.check(false, *o, at("object"), context_,
                "has no states (it is not a switch, button, socket or lever with detents)");
    } else if (std::find(states.begin(), states.end(), c_.state) == states.end()) {
      ix_.out().error(at("is"), context_ + ": '" + o->id + "' has no state '" + c_.state + "' (its states: " +
                                    joined(states) + ")" + didYouMean(c_.state, states));
    }
  }
  void value() {
    if (const ObjectDef* o = object("object", c_.object)) {
      ix_.check(hasValue(ix_.def(), *o), *o, at("object"), context_,
                "has no value (it is not a lever or dial, a target with a voltage, a measuring tool or set by a 'set: {value}' action)");
    }
  }
  void held() {
    if (const ObjectDef* o = object("object", c_.object)) {
      ix_.check(o->grabbable.has_value(), *o, at("object"), context_, "is not grabbable");
    }
  }
  void snapped() {
    const ObjectDef* socket = object("into", c_.target);
    if (socket != nullptr) ix_.check(socket->socket.has_value(), *socket, at("into"), context_, "is not a socket");
    if (c_.object.empty()) return;
    const ObjectDef* o = object("object", c_.object);
    if (o == nullptr || !ix_.check(o->grabbable.has_value(), *o, at("object"), context_, "is not grabbable")) return;
    if (socket != nullptr && socket->socket && !socket->socket->accepts.empty()) {
      const auto& accepts = socket->socket->accepts;
      if (std::find(accepts.begin(), accepts.end(), o->id) == accepts.end()) {
        ix_.out().error(at("object"), context_ + ": socket '" + socket->id + "' does not accept '" + o->id +
                                          "' (it accepts: " + joined(accepts) + ")");
      }
    }
  }
  void touched() {
    if (const ObjectDef* t = object("target", c_.target)) {
      ix_.check(t->touchTarget.has_value(), *t, at("target"), context_, "is not a touch target (add `target: true`)");
    }
    if (!c_.tool.empty()) {
      if (const ObjectDef* tool = object("by", c_.tool)) {
        ix_.check(tool->tool.has_value(), *tool, at("by"), context_, "is not a tool");
      }
    }
  }
  void inside() {
    if (!isBodyPart(c_.object)) object("object", c_.object);
    if (const ObjectDef* z = object("zone", c_.target)) {
      ix_.check(z->zone.has_value(), *z, at("zone"), context_, "is not a zone");
    }
  }
  void toolOn() {
    if (const ObjectDef* tool = object("tool", c_.tool)) {
      ix_.check(tool->tool.has_value(), *tool, at("tool"), context_, "is not a tool");
    }
    if (const ObjectDef* t = object("target", c_.target)) {
      ix_.check(t->touchTarget.has_value(), *t, at("target"), context_, "is not a touch target (add `target: true`)");
    }
  }

  const Index& ix_;
  const Condition& c_;
  std::string context_;
};

}  // namespace

void checkCondition(const Index& index, const Condition& c) {
  ConditionCheck(index, c).run();
  for (const auto& child : c.children) checkCondition(index, child);
}

}  // namespace praxis::scenario::detail
