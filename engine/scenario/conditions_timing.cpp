// Format-2 conditions of ConditionTree: occurrences over time (count, rate), duration (held,
// elapsed since a condition), and live states the runner reads from its facts (active,
// touching, posture). An "occurrence" is the judged condition becoming true: an event
// condition below count/rate/held/since is true only in the tick its event happens.
#include <algorithm>

#include "scenario/conditions.h"

namespace praxis::scenario {
namespace {

using interaction::HandSide;

bool handMatches(Hand wanted, HandSide actual) {
  return wanted == Hand::Either || (wanted == Hand::Left) == (actual == HandSide::Left);
}

}  // namespace

core::Result<void> ConditionTree::compileFormat2(const Condition& c, const ScenarioDef& def, Node& node) {
  node.atLeast = c.atLeast;
  node.atMost = c.atMost;
  node.lastEvents = c.lastEvents;
  node.tolerance = c.tolerance;
  node.sinceCondition = c.sinceCondition && !c.children.empty();
  if (c.kind == ConditionKind::Posture) {
    // The eyes' height (world y) at or below which the trainee is crouching.
    node.minimum = def.trainee.position.y + def.trainee.eyeHeight * interaction::kLowPostureFraction;
  }
  if (c.kind == ConditionKind::Said && !c.object.empty()) {
    const auto it = std::find_if(def.people.begin(), def.people.end(), [&](const PersonDef& p) { return p.id == c.object; });
    if (it == def.people.end()) return core::fail(c.span.where(), ": unknown person '", c.object, "'");
  }
  if (c.kind == ConditionKind::Said &&
      std::none_of(def.phrases.begin(), def.phrases.end(), [&](const PhraseDef& p) { return p.id == c.state; })) {
    return core::fail(c.span.where(), ": unknown phrase '", c.state, "'");
  }
  return {};
}

bool ConditionTree::evalFormat2(int index, const EvalContext& ctx) {
  const Node& n = nodes_[static_cast<std::size_t>(index)];
  switch (n.kind) {
    case ConditionKind::Count: return evalCount(index, ctx);
    case ConditionKind::Rate: return evalRate(index, ctx);
    case ConditionKind::Held: return evalHeld(index, ctx);
    case ConditionKind::Active: return ctx.currentStep == n.stepIndex;
    case ConditionKind::Touching: return touchingNow(n, ctx.facts);
    case ConditionKind::Posture: {
      const bool low = ctx.head != scene::kNoEntity && ctx.scene.at(ctx.head).worldPose.position.y <= n.minimum;
      return (n.state == "crouching") == low;
    }
    default: return false;
  }
}

bool ConditionTree::evalCount(int index, const EvalContext& ctx) {
  const Node& n = nodes_[static_cast<std::size_t>(index)];
  Timing& t = timing_[static_cast<std::size_t>(index)];
  int& memory = memory_[static_cast<std::size_t>(index)];
  const bool now = !n.children.empty() && eval(n.children.front(), ctx);
  const bool rising = now && !t.was;
  t.was = now;
  int count = 0;
  if (n.ticks > 0) {  // a window: remember when, forget what fell out of it
    if (rising) t.times.push_back(ctx.tick);
    while (!t.times.empty() && ctx.tick - t.times.front() >= n.ticks) t.times.pop_front();
    count = static_cast<int>(t.times.size());
  } else {
    // Without a window only the count matters; a latched step (below) keeps memory >= 1.
    if (rising) t.times.push_back(0);
    count = static_cast<int>(t.times.size());
    if (t.times.size() > static_cast<std::size_t>(std::max(n.atLeast, n.atMost.value_or(0)) + 1)) t.times.pop_front();
  }
  const bool ok = count >= n.atLeast && (!n.atMost || count <= *n.atMost);
  // "At least N" reached in a step stays reached, like tool_on; an upper bound stays live.
  if (ok && ctx.latchAchievements && !n.atMost) memory = 1;
  return ok || (ctx.latchAchievements && !n.atMost && memory != 0);
}

bool ConditionTree::evalRate(int index, const EvalContext& ctx) {
  const Node& n = nodes_[static_cast<std::size_t>(index)];
  Timing& t = timing_[static_cast<std::size_t>(index)];
  const bool now = !n.children.empty() && eval(n.children.front(), ctx);
  if (now && !t.was) t.times.push_back(ctx.tick);
  t.was = now;
  while (t.times.size() > static_cast<std::size_t>(n.lastEvents)) t.times.pop_front();
  if (t.times.size() < static_cast<std::size_t>(n.lastEvents)) return false;
  const double ticksPerMinute = 60.0 * core::kTicksPerSecond;
  // A pause longer than the slowest allowed interval means the rhythm has stopped.
  if (static_cast<double>(ctx.tick - t.times.back()) > ticksPerMinute / n.minimum) return false;
  int misses = 0;
  for (std::size_t k = 1; k < t.times.size(); ++k) {
    const double perMinute = ticksPerMinute / static_cast<double>(std::max<core::Tick>(1, t.times[k] - t.times[k - 1]));
    if (perMinute < n.minimum || perMinute > n.maximum) ++misses;
  }
  return misses <= n.tolerance;
}

bool ConditionTree::evalHeld(int index, const EvalContext& ctx) {
  const Node& n = nodes_[static_cast<std::size_t>(index)];
  Timing& t = timing_[static_cast<std::size_t>(index)];
  int& memory = memory_[static_cast<std::size_t>(index)];
  const bool now = !n.children.empty() && eval(n.children.front(), ctx);
  if (!now) {
    t.since = -1;
  } else if (t.since < 0) {
    t.since = ctx.tick;
  }
  const bool ok = now && ctx.tick - t.since >= n.ticks;
  if (ok && ctx.latchAchievements) memory = 1;  // held long enough once: that part is done
  return ok || (ctx.latchAchievements && memory != 0);
}

bool ConditionTree::evalElapsedSince(int index, const EvalContext& ctx) {
  const Node& n = nodes_[static_cast<std::size_t>(index)];
  Timing& t = timing_[static_cast<std::size_t>(index)];
  const Node& since = nodes_[static_cast<std::size_t>(n.children.front())];
  if (since.kind == ConditionKind::StepDone) {
    // The runner knows when each step was completed, even before this condition was watched.
    if (since.stepIndex >= ctx.facts.stepDoneAt.size()) return false;
    const core::Tick at = ctx.facts.stepDoneAt[since.stepIndex];
    return at >= 0 && ctx.tick - at >= n.ticks;
  }
  const bool now = eval(n.children.front(), ctx);
  if (now && !t.was) t.since = ctx.tick;  // the latest time it became true
  t.was = now;
  return t.since >= 0 && ctx.tick - t.since >= n.ticks;
}

bool ConditionTree::touchingNow(const Node& n, const WorldFacts& facts) const {
  const auto first = facts.touching.lower_bound({n.target, 0, HandSide::Left});
  for (auto it = first; it != facts.touching.end() && std::get<0>(*it) == n.target; ++it) {
    const auto& [target, tool, hand] = *it;
    if (!handMatches(n.hand, hand)) continue;
    const bool byTool = tool != scene::kNoEntity;
    if (n.tool != scene::kNoEntity) {
      if (tool == n.tool) return true;
      continue;
    }
    if (n.by == ToucherKind::Any || (n.by == ToucherKind::Hand) != byTool) return true;
  }
  return false;
}

}  // namespace praxis::scenario
