// The explorer's action vocabulary and state abstraction (docs/explore.md).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/explore_detail.h"
#include "interaction/world.h"

namespace praxis::app::detail {
namespace {

using interaction::HandSide;
using scenario::Action;
using scenario::ActionKind;
using scenario::Condition;
using scenario::ConditionKind;

constexpr double kSettleSeconds = 0.5;  // after a release, let the object come to rest
constexpr double kToolMargin = 0.3;     // hold a tool this much longer than any condition asks
constexpr float kMovedMetres = 0.1F;    // a free object this far from its start was moved

// Where the scenario puts an object (its parents' start poses composed).
core::Vec3 startPosition(const Session& session, const std::vector<scenario::ObjectDef>& defs, scene::EntityId id) {
  core::Pose pose = defs[id].pose;
  for (std::string parent = defs[id].parent; !parent.empty();) {
    const auto found = session.scene().find(parent);
    if (!found || *found >= defs.size()) break;
    pose = defs[*found].pose * pose;
    parent = defs[*found].parent;
  }
  return pose.position;
}

void visit(const Condition& c, Vocabulary& v) {
  if (c.kind == ConditionKind::ToolOn) v.toolSeconds = std::max(v.toolSeconds, c.seconds + kToolMargin);
  if (c.kind == ConditionKind::LookingAt && std::find(v.lookTargets.begin(), v.lookTargets.end(), c.object) ==
                                                v.lookTargets.end()) {
    v.lookTargets.push_back(c.object);
  }
  if ((c.kind == ConditionKind::Elapsed || c.kind == ConditionKind::Held) &&
      std::find(v.waits.begin(), v.waits.end(), c.seconds) == v.waits.end()) {
    v.waits.push_back(c.seconds);
  }
  const auto note = [](std::vector<std::string>& list, const std::string& id) {
    if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
  };
  if (c.kind == ConditionKind::Touched && c.tool.empty() && c.by != scenario::ToucherKind::Tool) {
    note(v.handTargets, c.target);
  }
  if ((c.kind == ConditionKind::Touched && c.by != scenario::ToucherKind::Hand) || c.kind == ConditionKind::ToolOn) {
    note(v.toolTargets, c.target);
  }
  const bool handEvent = c.kind == ConditionKind::Grabbed || c.kind == ConditionKind::Released ||
                         c.kind == ConditionKind::Touched;
  if (handEvent && c.hand != scenario::Hand::Either) v.handsMatter = true;
  if (c.kind == ConditionKind::Posture) v.posture = true;
  if (c.kind == ConditionKind::Said && std::find(v.sayings.begin(), v.sayings.end(),
                                                 std::pair{c.state, c.object}) == v.sayings.end()) {
    v.sayings.emplace_back(c.state, c.object);
  }
  for (const Condition& child : c.children) visit(child, v);
}

Action action(ActionKind kind, std::string object, std::string target = {}) {
  Action a;
  a.kind = kind;
  a.object = std::move(object);
  a.target = std::move(target);
  return a;
}

bool contains(const std::vector<std::string>& list, const std::string& id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

// The eyes at or below the crouching height (interaction/trainee_input.h), as `posture:` reads
// them.
bool lowPosture(const Session& session) {
  const scenario::TraineeStart& start = session.definition().trainee;
  return session.lastInput().head.position.y - start.position.y <=
         start.eyeHeight * interaction::kLowPostureFraction + 1e-3F;
}

scenario::Hand handOf(HandSide side) { return side == HandSide::Left ? scenario::Hand::Left : scenario::Hand::Right; }

// Moves of a hand that holds an object: let go, snap it, use it as a tool.
void heldMoves(const Session& session, HandSide side, const Vocabulary& v, std::vector<Move>& out) {
  const scene::Scene& scene = session.scene();
  const std::size_t objects = session.definition().objects.size();
  const scene::EntityId held = session.world().held(side);
  if (held == scene::kNoEntity || scene.at(held).lever) return;
  const scene::Entity& e = scene.at(held);
  Action release = action(ActionKind::Release, "");
  release.hand = handOf(side);
  Action settle = action(ActionKind::Wait, "");
  settle.seconds = kSettleSeconds;
  out.push_back({release, settle});
  for (scene::EntityId s = 0; s < objects; ++s) {
    const auto& socket = scene.at(s).socket;
    if (!socket || socket->occupant != scene::kNoEntity) continue;
    if (!socket->accepts.empty() &&
        std::find(socket->accepts.begin(), socket->accepts.end(), e.id) == socket->accepts.end()) {
      continue;
    }
    out.push_back({action(ActionKind::Snap, e.id, scene.at(s).id)});
  }
  if (!e.tool) return;
  for (scene::EntityId t = 0; t < objects; ++t) {
    if (!scene.at(t).touchTarget || !contains(v.toolTargets, scene.at(t).id)) continue;
    Action use = action(e.tool->range > 0.0F ? ActionKind::Use : ActionKind::Touch, e.id, scene.at(t).id);
    use.seconds = v.toolSeconds;
    out.push_back({use});
  }
}

// Moves of a free hand on the objects themselves: switches, buttons, levers, targets.
void handMoves(const Session& session, HandSide side, const Vocabulary& v, std::vector<Move>& out) {
  const scene::Scene& scene = session.scene();
  const std::size_t objects = session.definition().objects.size();
  const auto add = [&](Action a) {
    a.hand = handOf(side);
    out.push_back({std::move(a)});
  };
  for (scene::EntityId id = 0; id < objects; ++id) {
    const scene::Entity& e = scene.at(id);
    if (e.toggle) {
      for (const auto& state : e.toggle->states) {
        if (state == e.toggle->state()) continue;
        Action set = action(ActionKind::Set, e.id);
        set.state = state;
        add(set);
      }
    }
    if (e.button) add(action(ActionKind::Press, e.id));
    if (e.lever) {
      for (const auto& detent : e.lever->detents) {
        if (detent.name == e.stateName()) continue;
        Action set = action(ActionKind::Set, e.id);
        set.state = detent.name;
        add(set);
      }
    }
    if (e.touchTarget && contains(v.handTargets, e.id)) add(action(ActionKind::Touch, "", e.id));
  }
}

}  // namespace

Vocabulary vocabularyOf(const scenario::ScenarioDef& def) {
  Vocabulary v;
  for (const auto& step : def.steps) {
    visit(step.doneWhen, v);
    for (const auto& branch : step.branches) visit(branch.when, v);
  }
  for (const auto& fault : def.faults) {
    visit(fault.when, v);
    if (fault.guard) visit(*fault.guard, v);
  }
  // Devices that respond: their conditions name what to try, their timers how long to wait
  // (a run-down only ends for a trainee who waits it out).
  for (const auto& object : def.objects) {
    if (!object.behaviour) continue;
    for (const auto& state : object.behaviour->states) {
      for (const auto& t : state.transitions) {
        if (t.when) visit(*t.when, v);
        const double wait = t.afterSeconds.value_or(0.0) + kSettleSeconds;
        if (t.afterSeconds && std::find(v.waits.begin(), v.waits.end(), wait) == v.waits.end()) v.waits.push_back(wait);
      }
    }
  }
  return v;
}

std::vector<Move> candidateMoves(const Session& session, const Vocabulary& v) {
  const scene::Scene& scene = session.scene();
  const auto& world = session.world();
  const std::size_t objects = session.definition().objects.size();
  std::vector<Move> out;
  // A grab or a press uses the right hand when it is free, else the left: which hand does
  // it is not part of the state unless a condition names a hand (docs/explore.md).
  std::optional<HandSide> free;
  if (world.held(HandSide::Right) == scene::kNoEntity) {
    free = HandSide::Right;
  } else if (world.held(HandSide::Left) == scene::kNoEntity) {
    free = HandSide::Left;
  }
  for (scene::EntityId id = 0; id < objects && free; ++id) {
    if (!scene.at(id).grabbable || id == world.held(HandSide::Left) || id == world.held(HandSide::Right)) continue;
    Action grab = action(ActionKind::Grab, scene.at(id).id);
    grab.hand = handOf(*free);
    out.push_back({grab});
  }
  for (HandSide side : {HandSide::Right, HandSide::Left}) heldMoves(session, side, v, out);
  if (free) handMoves(session, *free, v, out);
  for (scene::EntityId id = 0; id < objects; ++id) {
    if (scene.at(id).zone) out.push_back({action(ActionKind::WalkTo, "", scene.at(id).id)});
  }
  for (const auto& target : v.lookTargets) out.push_back({action(ActionKind::LookAt, "", target)});
  if (v.posture) {
    Action posture = action(ActionKind::Posture, "");
    posture.state = lowPosture(session) ? "standing" : "crouching";
    out.push_back({posture});
  }
  for (const auto& [phrase, person] : v.sayings) {
    Action say = action(ActionKind::Say, "", person);
    say.state = phrase;
    out.push_back({say});
  }
  for (const double seconds : v.waits) {
    Action wait = action(ActionKind::Wait, "");
    wait.seconds = seconds;
    out.push_back({wait});
  }
  return out;
}

std::uint64_t discreteState(const Session& session, bool handsMatter, bool posture) {
  core::Hasher h;
  session.hashAttemptState(h);
  if (posture) h.value(lowPosture(session));
  const auto& world = session.world();
  const scene::Scene& scene = session.scene();
  const std::size_t objects = session.definition().objects.size();
  const scene::EntityId left = world.held(HandSide::Left);
  const scene::EntityId right = world.held(HandSide::Right);
  h.value(handsMatter ? left : std::min(left, right));
  h.value(handsMatter ? right : std::max(left, right));
  std::vector<bool> seated(objects, false);
  for (scene::EntityId id = 0; id < objects; ++id) {
    const scene::Entity& e = scene.at(id);
    if (e.socket) {
      h.value(e.socket->occupant);
      if (e.socket->occupant < objects) seated[e.socket->occupant] = true;
    }
    if (e.toggle) h.value(e.toggle->current);
    if (e.button) h.value(e.button->pressed);
    if (e.lever) h.text(e.stateName());
  }
  // A free object either rests where the scenario put it or was put down elsewhere; where
  // exactly is not part of the state (docs/explore.md: the price of this abstraction).
  const auto& defs = session.definition().objects;
  for (scene::EntityId id = 0; id < objects; ++id) {
    if (!scene.at(id).grabbable || id == left || id == right || seated[id]) continue;
    h.value(glm::length(scene.at(id).worldPose.position - startPosition(session, defs, id)) < kMovedMetres);
  }
  return h.digest();
}

bool moveTookEffect(const Session& session, const Move& move) {
  if (move.empty()) return true;
  const Action& a = move.front();
  const scene::Scene& scene = session.scene();
  const auto& world = session.world();
  const auto entity = scene.find(a.kind == ActionKind::Snap ? a.target : a.object);
  switch (a.kind) {
    case ActionKind::Grab:
      return entity && (world.held(HandSide::Left) == *entity || world.held(HandSide::Right) == *entity);
    case ActionKind::Release:
      return world.held(a.hand == scenario::Hand::Left ? HandSide::Left : HandSide::Right) == scene::kNoEntity;
    case ActionKind::Snap: return entity && scene.at(*entity).socket->occupant == scene.find(a.object);
    case ActionKind::Set: return entity && scene.at(*entity).stateName() == a.state;
    default: return true;
  }
}

std::string actionYaml(const Action& a) {
  const std::string hand = a.hand == scenario::Hand::Left ? "left" : "right";
  const std::string handKey = a.hand == scenario::Hand::Left ? ", hand: left" : "";
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%g", a.seconds);
  switch (a.kind) {
    case ActionKind::Grab: return handKey.empty() ? "grab: " + a.object : "grab: {object: " + a.object + handKey + "}";
    case ActionKind::Release: return "release: " + hand;
    case ActionKind::Snap: return "snap: {object: " + a.object + ", into: " + a.target + "}";
    case ActionKind::Press: return "press: {object: " + a.object + handKey + "}";
    case ActionKind::Set: return "set: {object: " + a.object + ", to: " + a.state + handKey + "}";
    case ActionKind::Touch:
      if (a.object.empty()) return "touch: {target: " + a.target + handKey + "}";
      return "touch: {target: " + a.target + ", with: " + a.object + ", seconds: " + seconds + "}";
    case ActionKind::Use: return "use: {tool: " + a.object + ", on: " + a.target + ", seconds: " + seconds + "}";
    case ActionKind::Wait: return std::string("wait: ") + seconds;
    case ActionKind::LookAt: return "look_at: " + a.target;
    case ActionKind::WalkTo: return "walk_to: " + a.target;
    case ActionKind::Move: return "move: {to: " + a.target + handKey + "}";
    case ActionKind::Posture: return "posture: " + a.state;
    case ActionKind::Say: return a.target.empty() ? "say: " + a.state : "say: {phrase: " + a.state + ", to: " + a.target + "}";
  }
  return "wait: 0";
}

}  // namespace praxis::app::detail
