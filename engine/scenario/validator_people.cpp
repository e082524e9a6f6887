// Format-2 checks: what count, rate, held, active, touching and said name exists and fits,
// and people and phrases have unique ids that no object already uses.
#include <algorithm>
#include <set>

#include "scenario/suggest.h"
#include "scenario/validator.h"
#include "scenario/validator_index.h"

namespace praxis::scenario::detail {
namespace {

bool isEvent(ConditionKind kind) {
  return kind == ConditionKind::Released || kind == ConditionKind::Touched || kind == ConditionKind::Said;
}

template <typename T>
std::vector<std::string> idsOf(const std::vector<T>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(item.id);
  return out;
}

void checkSaid(const Index& ix, const Condition& c, const std::string& context) {
  const auto phrases = idsOf(ix.def().phrases);
  if (std::find(phrases.begin(), phrases.end(), c.state) == phrases.end()) {
    ix.out().error(spanOf(c.fields, "phrase", c.span),
                   context + ": unknown phrase '" + c.state + "'" +
                       (phrases.empty() ? std::string(" (the scenario has no `phrases:`)") : didYouMean(c.state, phrases)));
  }
  if (c.object.empty()) return;
  const auto people = idsOf(ix.def().people);
  if (std::find(people.begin(), people.end(), c.object) == people.end()) {
    ix.out().error(spanOf(c.fields, "to", c.span),
                   context + ": unknown person '" + c.object + "'" +
                       (people.empty() ? std::string(" (the scenario has no `people:`)") : didYouMean(c.object, people)));
  }
}

void checkTouching(const Index& ix, const Condition& c, const std::string& context) {
  const SourceSpan& at = spanOf(c.fields, "target", c.span);
  if (const ObjectDef* t = ix.requireObject(c.target, at, context)) {
    ix.check(t->touchTarget.has_value(), *t, at, context, "is not a touch target (add `target: true`)");
  }
  if (c.tool.empty()) return;
  const SourceSpan& by = spanOf(c.fields, "by", c.span);
  if (const ObjectDef* tool = ix.requireObject(c.tool, by, context)) ix.check(tool->tool.has_value(), *tool, by, context, "is not a tool");
}

}  // namespace

void checkFormat2Condition(const Index& ix, const Condition& c) {
  const std::string context = "condition '" + std::string(toString(c.kind)) + "'";
  switch (c.kind) {
    case ConditionKind::Held:
      // An event condition is true only in the tick its event happens: it is never held.
      if (!c.children.empty() && isEvent(c.children.front().kind)) {
        ix.out().error(c.children.front().span,
                       context + ": '" + std::string(toString(c.children.front().kind)) +
                           "' is an event, true for one tick only, so it is never held; use a state such as "
                           "'touching', 'grabbed' or 'inside'");
      }
      return;
    case ConditionKind::Active: ix.requireStep(c.state, spanOf(c.fields, "step", c.span), context, false); return;
    case ConditionKind::Touching: return checkTouching(ix, c, context);
    case ConditionKind::Said: return checkSaid(ix, c, context);
    default: return;
  }
}

void checkPeopleAndPhrases(const Index& ix) {
  const ScenarioDef& def = ix.def();
  std::set<std::string, std::less<>> seen;
  for (const auto& o : def.objects) seen.insert(o.id);
  for (const auto& p : def.people) {
    const SourceSpan& at = spanOf(p.fields, "id", p.span);
    const bool reserved = std::find(std::begin(kReservedObjectIds), std::end(kReservedObjectIds), p.id) !=
                          std::end(kReservedObjectIds);
    if (reserved || !seen.insert(p.id).second) {
      ix.out().error(at, "person id '" + p.id + "' is already used by " +
                             (reserved ? std::string("the trainee's body") : std::string("an object or person")) +
                             "; people and objects share one set of ids");
    }
  }
  std::set<std::string, std::less<>> phrases;
  for (const auto& p : def.phrases) {
    if (!phrases.insert(p.id).second) {
      ix.out().error(spanOf(p.fields, "id", p.span), "duplicate phrase id '" + p.id + "'");
    }
  }
}

}  // namespace praxis::scenario::detail
