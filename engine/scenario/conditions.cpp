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
  return kind == ConditionKind::Released || kind == ConditionKind::Touched;
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
  if (c.kind == ConditionKind::StepDone) {
    const StepDef* step = def.findStep(c.state);
    if (step == nullptr) return core::fail(c.span.where(), ": unknown step '", c.state, "'");
    node.stepIndex = static_cast<std::size_t>(step - def.steps.data());
  }
  node.subtreeBegin = static_cast<int>(nodes_.size());
  for (const Condition& child : c.children) {
    auto index = compile(child, def, scene);
    if (!index) return index;
    node.children.push_back(*index);
  }
  nodes_.push_back(std::move(node));
  memory_.push_back(0);
  return static_cast<int>(nodes_.size() - 1);
}

void ConditionTree::reset() { std::fill(memory_.begin(), memory_.end(), 0); }

void ConditionTree::observe(std::span<const interaction::WorldEvent> events, bool latch) {
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    if (!isEventKind(nodes_[i].kind)) continue;
    if (!latch) memory_[i] = 0;
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
    if (e.kind != EventKind::Touched || e.subject != n.target) return false;
    const bool byTool = e.other != scene::kNoEntity;
    if (n.tool != scene::kNoEntity) return e.other == n.tool;
    switch (n.by) {
      case ToucherKind::Any: return true;
      case ToucherKind::Hand: return !byTool && handMatches(n.hand, e.hand);
      case ToucherKind::Tool: return byTool;
    }
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
    case ConditionKind::Touched: return memory != 0;
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
          const int child = n.children[static_cast<std::size_t>(memory)];
          const auto& childNode = nodes_[static_cast<std::size_t>(child)];
          std::fill(memory_.begin() + childNode.subtreeBegin, memory_.begin() + child + 1, 0);
        }
      }
      return memory == count;
    }
  }
  return false;
}

}  // namespace praxis::scenario
