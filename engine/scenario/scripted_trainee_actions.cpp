// ScriptedTrainee's planning: how each semantic action becomes hand, head and finger motion.
// One function per action kind; plan() only dispatches.
#include <cmath>

#include "interaction/aiming.h"
#include "scenario/action_targets.h"
#include "scenario/scripted_trainee.h"

namespace praxis::scenario {
namespace {

using interaction::HandSide;

const char* sideName(HandSide side) { return side == HandSide::Left ? "left" : "right"; }

}  // namespace

bool ScriptedTrainee::plan(const Action& a, const scene::Scene& scene) {
  switch (a.kind) {
    case ActionKind::Grab: return planGrab(a, scene);
    case ActionKind::Release:
      grip(sideOf(a.hand), 0.0F);
      holding_[static_cast<std::size_t>(sideOf(a.hand))].clear();
      return true;
    case ActionKind::Move: return planMove(a, scene);
    case ActionKind::Snap: return planSnap(a, scene);
    case ActionKind::Press: return planPress(a, scene);
    case ActionKind::Set: return planSet(a, scene);
    case ActionKind::Touch:
    case ActionKind::Use: return planTouchOrUse(a, scene);
    case ActionKind::Wait:
      if (a.object.empty()) {
        hold(a.seconds);
      } else {
        holdUntil(a.object, a.state, a.seconds);
      }
      return true;
    case ActionKind::LookAt: {
      if (scene.findEntity(a.target) == nullptr) return failWith(a, "unknown object '" + a.target + "'");
      const std::string target = a.target;
      faceTowards([target](const scene::Scene& sc) { return sc.worldPosition(target); });
      return true;
    }
    case ActionKind::WalkTo: return planWalkTo(a, scene);
  }
  return failWith(a, "unsupported action");
}

bool ScriptedTrainee::handBusy(const Action& a, const char* verb) {
  const HandSide side = sideOf(a.hand);
  const std::string& held = holding_[static_cast<std::size_t>(side)];
  if (held.empty()) return false;
  failWith(a, std::string(verb) + ": the " + sideName(side) + " hand holds '" + held + "'");
  return true;
}

std::optional<HandSide> ScriptedTrainee::holderOf(const std::string& id, HandSide preferred) const {
  if (holding_[static_cast<std::size_t>(preferred)] == id) return preferred;
  for (HandSide s : {HandSide::Left, HandSide::Right}) {
    if (holding_[static_cast<std::size_t>(s)] == id) return s;
  }
  return std::nullopt;
}

bool ScriptedTrainee::planGrab(const Action& a, const scene::Scene& scene) {
  const HandSide side = sideOf(a.hand);
  const std::size_t hand = static_cast<std::size_t>(side);
  if (scene.findEntity(a.object) == nullptr) return failWith(a, "unknown object '" + a.object + "'");
  if (!holding_[hand].empty()) {
    return failWith(a, std::string("the ") + sideName(side) + " hand already holds '" + holding_[hand] +
                           "'; release it or use the other hand");
  }
  walkNear(a.object, std::nullopt);
  const std::string id = a.object;
  reach(side, [id](const scene::Scene& sc) { return gripPointOf(sc, id); });
  grip(side, 1.0F);
  holding_[hand] = a.object;
  return true;
}

bool ScriptedTrainee::planMove(const Action& a, const scene::Scene& scene) {
  if (!a.target.empty() && scene.findEntity(a.target) == nullptr) {
    return failWith(a, "unknown object '" + a.target + "'");
  }
  walkNear(a.target, a.target.empty() ? a.point : std::nullopt);
  Segment s;
  s.kind = Segment::Kind::Hand;
  s.side = sideOf(a.hand);
  const std::string target = a.target;
  const std::optional<core::Vec3> point = a.point;
  s.prepare = [target, point](Segment& seg, const scene::Scene& sc) {
    if (target.empty()) {
      seg.position = point.value_or(core::Vec3(0.0F));
      return true;
    }
    const auto p = sc.worldPosition(target);
    if (!p) return false;
    seg.position = *p + point.value_or(core::Vec3(0.0F));
    return true;
  };
  segments_.push_back(std::move(s));
  return true;
}

bool ScriptedTrainee::planSnap(const Action& a, const scene::Scene& scene) {
  const auto holder = holderOf(a.object, sideOf(a.hand));
  if (!holder) return failWith(a, "snap: the trainee does not hold '" + a.object + "'; grab it first");
  const scene::Entity* socket = scene.findEntity(a.target);
  if (socket == nullptr || !socket->socket) return failWith(a, "snap: '" + a.target + "' is not a socket");
  walkNear(a.target, std::nullopt);
  const HandSide h = *holder;
  const std::string object = a.object;
  const std::string target = a.target;
  // Bring the hand to where the object's origin lands on the snap pose.
  Segment s;
  s.kind = Segment::Kind::Hand;
  s.side = h;
  s.prepare = [this, h, object, target](Segment& seg, const scene::Scene& sc) {
    const scene::Entity* o = sc.findEntity(object);
    const scene::Entity* so = sc.findEntity(target);
    if (o == nullptr || so == nullptr) return false;
    const core::Vec3 snapAt = (so->worldPose * so->socket->snapPose).position;
    seg.position = snapAt - (o->worldPose.position - input_.hand(h).pose.position);
    return true;
  };
  segments_.push_back(std::move(s));
  grip(h, 0.0F);
  holding_[static_cast<std::size_t>(h)].clear();
  retract(h);
  return true;
}

bool ScriptedTrainee::planPress(const Action& a, const scene::Scene& scene) {
  const HandSide side = sideOf(a.hand);
  const std::size_t hand = static_cast<std::size_t>(side);
  if (scene.findEntity(a.object) == nullptr) return failWith(a, "unknown object '" + a.object + "'");
  if (!holding_[hand].empty()) {
    return failWith(a, std::string("press: the ") + sideName(side) + " hand holds '" + holding_[hand] +
                           "'; press with the other hand (hand: " +
                           (side == HandSide::Left ? "right" : "left") + ")");
  }
  walkNear(a.object, std::nullopt);
  pressOnce(side, a.object);
  return true;
}

bool ScriptedTrainee::planSet(const Action& a, const scene::Scene& scene) {
  const HandSide side = sideOf(a.hand);
  const scene::Entity* e = scene.findEntity(a.object);
  if (e == nullptr) return failWith(a, "unknown object '" + a.object + "'");
  if (handBusy(a, "set")) return false;
  walkNear(a.object, std::nullopt);
  if (e->toggle) {
    const auto wanted = switchTarget(*e, a);
    if (!wanted) return failWith(a, wanted.error().message);
    const std::size_t count = e->toggle->states.size();
    const std::size_t presses = (*wanted + count - e->toggle->current) % count;
    for (std::size_t i = 0; i < presses; ++i) pressOnce(side, a.object);
    return true;
  }
  if (!e->lever) return failWith(a, "set: '" + a.object + "' is neither a switch nor a lever");
  const auto value = leverTarget(*e, a);
  if (!value) return failWith(a, value.error().message);
  const std::string id = a.object;
  reach(side, [id](const scene::Scene& sc) { return sc.worldPosition(id); });
  grip(side, 1.0F);
  Segment s;
  s.kind = Segment::Kind::Hand;
  s.side = side;
  s.prepare = [this, side, id, target = *value](Segment& seg, const scene::Scene& sc) {
    const scene::Entity* le = sc.findEntity(id);
    if (le == nullptr || !le->lever) return false;
    const scene::Lever& lever = *le->lever;
    const core::Vec3 axis = glm::normalize(le->worldPose.rotate(lever.axis));
    const float amount = (target - lever.value) / (lever.maximum - lever.minimum) * lever.travel;
    const core::Pose& h = input_.hand(side).pose;
    seg.position = h.position;
    if (lever.kind == scene::Lever::Kind::Lever) {
      seg.position = h.position + axis * amount;
    } else {
      seg.orientation = glm::normalize(glm::angleAxis(glm::radians(amount), axis) * h.orientation);
    }
    return true;
  };
  segments_.push_back(std::move(s));
  grip(side, 0.0F);
  retract(side);
  return true;
}

bool ScriptedTrainee::planTouchOrUse(const Action& a, const scene::Scene& scene) {
  const std::string target = a.target;
  if (scene.findEntity(target) == nullptr) return failWith(a, "unknown object '" + target + "'");
  const double dwell = a.seconds > 0.0 ? a.seconds : 0.3;
  if (a.object.empty()) {  // bare hand
    const HandSide side = sideOf(a.hand);
    if (handBusy(a, "touch")) return false;
    walkNear(target, std::nullopt);
    reach(side, [target](const scene::Scene& sc) { return sc.worldPosition(target); });
    hold(dwell);
    retract(side);
    return true;
  }
  const auto holder = holderOf(a.object, sideOf(a.hand));
  if (!holder) return failWith(a, "the trainee does not hold the tool '" + a.object + "'; grab it first");
  const scene::Entity* toolEntity = scene.findEntity(a.object);
  if (toolEntity == nullptr || !toolEntity->tool) return failWith(a, "'" + a.object + "' is not a tool");
  const HandSide h = *holder;
  const std::string tool = a.object;
  const bool ranged = toolEntity->tool->range > 0.0F;
  const bool needsTrigger = toolEntity->tool->needsTrigger;
  faceTowards([target](const scene::Scene& sc) { return sc.worldPosition(target); });
  if (ranged) {
    planAim(h, tool, target);
  } else {
    walkNear(target, std::nullopt);
    reach(h, [this, h, tool, target](const scene::Scene& sc) -> std::optional<core::Vec3> {
      const scene::Entity* t = sc.findEntity(tool);
      const auto p = sc.worldPosition(target);
      if (t == nullptr || !p) return std::nullopt;
      const core::Vec3 tip = t->worldPose.apply(t->tool->tip);
      return *p - (tip - input_.hand(h).pose.position);
    });
  }
  if (needsTrigger) trigger(h, 1.0F);
  hold(dwell);
  if (needsTrigger) trigger(h, 0.0F);
  if (!ranged) retract(h);
  return true;
}

bool ScriptedTrainee::planWalkTo(const Action& a, const scene::Scene& scene) {
  if (!a.target.empty()) {
    if (scene.findEntity(a.target) == nullptr) return failWith(a, "unknown object '" + a.target + "'");
    walkNear(a.target, std::nullopt);
    return true;
  }
  Segment s;
  s.kind = Segment::Kind::Walk;
  const core::Vec3 point = a.point.value_or(feet());
  s.prepare = [this, point](Segment& seg, const scene::Scene&) {
    seg.position = point;
    const core::Vec3 d = point - feet();
    seg.value = glm::length(glm::vec2(d.x, d.z)) > 1e-3F ? glm::degrees(std::atan2(-d.x, -d.z)) : yawDegrees();
    return true;
  };
  segments_.push_back(std::move(s));
  return true;
}

void ScriptedTrainee::planAim(HandSide h, const std::string& tool, const std::string& target) {
  // Turn the hand about its own position until the tool's direction points from its tip at
  // the target.
  Segment s;
  s.kind = Segment::Kind::Hand;
  s.side = h;
  s.prepare = [this, h, tool, target](Segment& seg, const scene::Scene& sc) {
    const scene::Entity* t = sc.findEntity(tool);
    const auto aimAt = sc.worldPosition(target);
    if (t == nullptr || !aimAt || !t->tool) return false;
    const core::Pose hand = input_.hand(h).pose;
    seg.position = hand.position;
    seg.orientation = interaction::aimHeldTool(hand, hand.inverse() * t->worldPose, *t->tool, *aimAt);
    return true;
  };
  segments_.push_back(std::move(s));
}

}  // namespace praxis::scenario
