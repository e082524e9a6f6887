#include "scenario/conditions.h"

#include <cmath>

namespace praxis::scenario {
namespace {

using interaction::EventKind;
using interaction::HandSide;

bool handMatches(Hand wanted, HandSide actual) {
  return wanted == Hand::Either || (wanted == Hand::Left) == (actual == HandSide::Left);
}

bool isEventKind(ConditionKind kind) {
  return kind == ConditionKind::Released || kind == ConditionKind::Touched || kind == ConditionKind::Said;
}

}  // namespace

void WorldFacts::apply(const interaction::WorldEvent& e) {
  switch (e.kind) {
    case EventKind::Grabbed:
      if (e.subject >= holder.size()) holder.resize(e.subject + 1);
      holder[e.subject] = e.hand;
      break;
    case EventKind::Released:
      if (e.subject < holder.size()) holder[e.subject].reset();
      break;
    case EventKind::ZoneEntered: inside.insert({e.subject, e.other}); break;
    case EventKind::ZoneLeft: inside.erase({e.subject, e.other}); break;
    case EventKind::ToolStarted: toolOn.emplace(std::pair{e.subject, e.other}, e.tick); break;
    case EventKind::ToolStopped: toolOn.erase({e.subject, e.other}); break;
    case EventKind::Touched: touching.insert({e.subject, e.other, e.hand}); break;
    case EventKind::Untouched: touching.erase({e.subject, e.other, e.hand}); break;
    default: break;
  }
}

core::Result<int> ConditionTree::addRoot(const Condition& condition, const ScenarioDef& def,
                                         const scene::Scene& scene) {
  return compile(condition, def, scene);
}

core::Result<int> ConditionTree::compile(const Condition& c, const ScenarioDef& def,
                                         const scene::Scene& scene) {
  const auto resolve = [&](const std::string& id, scene::EntityId& out) -> core::Result<void> {
    if (id.empty()) return {};
    const auto found = scene.find(id);
    if (!found) return core::fail(c.span.where(), ": unknown object '", id, "'");
    out = *found;
    return {};
  };
  Node node;
  node.kind = c.kind;
  node.state = c.state;
  node.hand = c.hand;
  node.by = c.by;
  node.minimum = c.minimum;
  node.maximum = c.maximum;
  node.ticks = core::secondsToTicks(c.seconds);
  node.cosDegrees = std::cos(glm::radians(static_cast<float>(c.degrees)));
  node.sinceAttempt = c.sinceAttempt;
  if (auto r = resolve(c.object, node.object); !r) return core::Unexpected<core::Error>(r.error());
  if (auto r = resolve(c.target, node.target); !r) return core::Unexpected<core::Error>(r.error());
  if (auto r = resolve(c.tool, node.tool); !r) return core::Unexpected<core::Error>(r.error());
  if (c.kind == ConditionKind::StepDone || c.kind == ConditionKind::Active) {
    const StepDef* step = def.findStep(c.state);
    if (step == nullptr) return core::fail(c.span.where(), ": unknown step '", c.state, "'");
    node.stepIndex = static_cast<std::size_t>(step - def.steps.data());
  }
  if (auto r = compileFormat2(c, def, node); !r) return core::Unexpected<core::Error>(r.error());
  node.subtreeBegin = static_cast<int>(nodes_.size());
  for (const Condition& child : c.children) {
    auto index = compile(child, def, scene);
    if (!index) return index;
    node.children.push_back(*index);
  }
  if (node.kind == ConditionKind::Count || node.kind == ConditionKind::Rate || node.kind == ConditionKind::Held ||
      node.sinceCondition) {
    for (std::size_t i = static_cast<std::size_t>(node.subtreeBegin); i < nodes_.size(); ++i) nodes_[i].perTick = true;
  }
  nodes_.push_back(std::move(node));
  memory_.push_back(0);
  timing_.emplace_back();
  return static_cast<int>(nodes_.size() - 1);
}

void ConditionTree::reset() {
  std::fill(memory_.begin(), memory_.end(), 0);
  std::fill(timing_.begin(), timing_.end(), Timing{});
}

void ConditionTree::resetSubtree(int index) {
  const auto begin = static_cast<std::size_t>(nodes_[static_cast<std::size_t>(index)].subtreeBegin);
  const auto end = static_cast<std::size_t>(index) + 1;
  std::fill(memory_.begin() + static_cast<long>(begin), memory_.begin() + static_cast<long>(end), 0);
  std::fill(timing_.begin() + static_cast<long>(begin), timing_.begin() + static_cast<long>(end), Timing{});
}

void ConditionTree::hashMemory(core::Hasher& hasher) const {
  for (const int m : memory_) hasher.value(m);
  // Whether a timed condition is under way, and how many occurrences it holds; not when.
  for (const Timing& t : timing_) {
    hasher.value(t.was);
    hasher.value(t.since >= 0);
    hasher.value(t.times.size());
  }
}

void ConditionTree::observe(std::span<const interaction::WorldEvent> events, bool latch) {
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    if (!isEventKind(nodes_[i].kind)) continue;
    if (!latch || nodes_[i].perTick) memory_[i] = 0;
    for (const auto& e : events) {
      if (matches(nodes_[i], e)) memory_[i] = 1;
    }
  }
}

bool ConditionTree::matches(const Node& n, const interaction::WorldEvent& e) const {
  if (n.kind == ConditionKind::Released) {
    return e.kind == EventKind::Released && e.subject == n.object && handMatches(n.hand, e.hand);
  }
  if (n.kind == ConditionKind::Touched) {
    if (e.kind != EventKind::Touched || e.subject != n.target || !handMatches(n.hand, e.hand)) return false;
    const bool byTool = e.other != scene::kNoEntity;
    if (n.tool != scene::kNoEntity) return e.other == n.tool;
    switch (n.by) {
      case ToucherKind::Any: return true;
      case ToucherKind::Hand: return !byTool;
      case ToucherKind::Tool: return byTool;
    }
  }
  if (n.kind == ConditionKind::Said) {
    return e.kind == EventKind::Said && e.state == n.state && (n.object == scene::kNoEntity || e.subject == n.object);
  }
  return false;
}

bool ConditionTree::holds(int root, const EvalContext& context) { return eval(root, context); }

bool ConditionTree::eval(int index, const EvalContext& ctx) {
  const Node& n = nodes_[static_cast<std::size_t>(index)];
  int& memory = memory_[static_cast<std::size_t>(index)];
  switch (n.kind) {
    case ConditionKind::State: return ctx.scene.at(n.object).stateName() == n.state;
    case ConditionKind::Value: {
      const auto& lever = ctx.scene.at(n.object).lever;
      if (lever) return lever->value >= n.minimum && lever->value <= n.maximum;
      if (ctx.values == nullptr || n.object >= ctx.values->size()) return false;
      const float v = (*ctx.values)[n.object];  // NaN (no value) compares false
      return v >= n.minimum && v <= n.maximum;
    }
    case ConditionKind::Grabbed: {
      if (n.object >= ctx.facts.holder.size()) return false;
      const auto& h = ctx.facts.holder[n.object];
      return h && handMatches(n.hand, *h);
    }
    case ConditionKind::Released:
    case ConditionKind::Touched:
    case ConditionKind::Said: return memory != 0;
    case ConditionKind::Snapped: {
      const auto& socket = ctx.scene.at(n.target).socket;
      if (!socket) return false;
      return n.object == scene::kNoEntity ? socket->occupant != scene::kNoEntity
                                          : socket->occupant == n.object;
    }
    case ConditionKind::Inside: return ctx.facts.inside.contains({n.object, n.target});
    case ConditionKind::ToolOn: {
      const auto it = ctx.facts.toolOn.find({n.tool, n.target});
      const bool now = it != ctx.facts.toolOn.end() && ctx.tick - it->second >= n.ticks;
      if (now && ctx.latchAchievements) memory = 1;
      return now || (ctx.latchAchievements && memory != 0);
    }
    case ConditionKind::Elapsed:
      if (n.sinceCondition) return evalElapsedSince(index, ctx);
      return ctx.tick - (n.sinceAttempt ? ctx.attemptStart : ctx.stepStart) >= n.ticks;
    case ConditionKind::StepDone:
      return n.stepIndex < ctx.facts.stepDone.size() && ctx.facts.stepDone[n.stepIndex];
    case ConditionKind::LookingAt: {
      const core::Pose& head = ctx.scene.at(ctx.head).worldPose;
      const core::Vec3 to = ctx.scene.at(n.object).worldPose.position - head.position;
      const float length = glm::length(to);
      return length > 1e-4F && glm::dot(head.forward(), to / length) >= n.cosDegrees;
    }
    case ConditionKind::All: {
      bool all = true;
      for (int child : n.children) all = eval(child, ctx) && all;  // evaluate every child
      return all;
    }
    case ConditionKind::Any: {
      bool any = false;
      for (int child : n.children) any = eval(child, ctx) || any;
      return any;
    }
    case ConditionKind::Not: return n.children.empty() || !eval(n.children.front(), ctx);
    case ConditionKind::Sequence: {
      // Each child must become true after the previous one did: when a child is reached, its
      // event latches start afresh, so a touch before the previous part does not count.
      const int count = static_cast<int>(n.children.size());
      while (memory < count && eval(n.children[static_cast<std::size_t>(memory)], ctx)) {
        ++memory;
        if (memory < count) {
          resetSubtree(n.children[static_cast<std::size_t>(memory)]);
        }
      }
      return memory == count;
    }
    case ConditionKind::Count:
    case ConditionKind::Rate:
    case ConditionKind::Held:
    case ConditionKind::Active:
    case ConditionKind::Touching:
    case ConditionKind::Posture: return evalFormat2(index, ctx);
  }
  return false;
}

}  // namespace praxis::scenario
