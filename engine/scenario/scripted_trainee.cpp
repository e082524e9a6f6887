#include "scenario/scripted_trainee.h"

#include <algorithm>
#include <cmath>

namespace praxis::scenario {
namespace {

using interaction::HandSide;
using Where = std::function<std::optional<core::Vec3>(const scene::Scene&)>;

core::Vec3 horizontal(core::Vec3 v) { return {v.x, 0.0F, v.z}; }

bool stateIs(const scene::Scene& scene, const std::string& id, const std::string& state) {
  const scene::Entity* e = scene.findEntity(id);
  return e != nullptr && e->stateName() == state;
}

float yawTowards(const core::Vec3& from, const core::Vec3& to) {
  const core::Vec3 d = horizontal(to - from);
  if (glm::length(d) < 1e-4F) return 0.0F;
  return glm::degrees(std::atan2(-d.x, -d.z));
}

core::Quat yawQuat(float degrees) { return core::quatFromEulerDegrees({0.0F, degrees, 0.0F}); }

core::Tick ticksFor(double seconds) { return std::max<core::Tick>(1, core::secondsToTicks(seconds)); }

}  // namespace

HandSide sideOf(Hand hand) { return hand == Hand::Left ? HandSide::Left : HandSide::Right; }

ScriptedTrainee::ScriptedTrainee(const TraineeScript& script, interaction::TraineeInput start,
                                 TraineeMotion motion)
    : script_(script), motion_(motion), input_(start) {
  // Whatever the start pose, the feet are on the floor below the head.
  eyeHeight_ = std::max(start.head.position.y, 0.5F);
}

core::Vec3 ScriptedTrainee::feet() const {
  return input_.head.position - core::Vec3(0.0F, eyeHeight_, 0.0F);
}

float ScriptedTrainee::yawDegrees() const {
  const core::Vec3 f = input_.head.forward();
  return glm::degrees(std::atan2(-f.x, -f.z));
}

interaction::TraineeInput ScriptedTrainee::next(const scene::Scene& scene) {
  while (segments_.empty() && !done_) {
    if (action_ >= script_.actions.size()) {
      done_ = true;
      break;
    }
    const Action& action = script_.actions[action_++];
    if (!plan(action, scene)) done_ = true;
  }
  if (!segments_.empty()) {
    Segment& s = segments_.front();
    if (!s.started) {
      if (s.prepare && !s.prepare(s, scene)) {
        error_ = core::Error{script_.actions[action_ - 1].span.where() +
                             ": the trainee cannot play this action here (object missing)"};
        segments_.clear();
        done_ = true;
        return input_;
      }
      start(s);
    }
    advance(s);
    const bool reached = !s.untilObject.empty() && stateIs(scene, s.untilObject, s.untilState);
    if (s.elapsed >= s.total || reached) segments_.pop_front();
  }
  return input_;
}

void ScriptedTrainee::start(Segment& s) {
  s.started = true;
  using Kind = Segment::Kind;
  auto& hand = input_.hand(s.side);
  switch (s.kind) {
    case Kind::Hand: {
      s.fromPosition = hand.pose.position;
      s.fromOrientation = hand.pose.orientation;
      const float distance = glm::length(s.position - s.fromPosition);
      float angle = 0.0F;
      if (s.orientation) {
        angle = glm::degrees(glm::angle(glm::normalize(*s.orientation * glm::conjugate(s.fromOrientation))));
        if (angle > 180.0F) angle = 360.0F - angle;
      }
      s.total = std::max(ticksFor(distance / motion_.handSpeed), ticksFor(angle / motion_.turnSpeed));
      break;
    }
    case Kind::Walk: {
      s.fromPosition = feet();
      s.fromValue = yawDegrees();
      float turn = std::fmod(std::abs(s.value - s.fromValue), 360.0F);
      turn = std::min(turn, 360.0F - turn);
      const float distance = glm::length(horizontal(s.position - s.fromPosition));
      s.total = std::max(ticksFor(distance / motion_.walkSpeed), ticksFor(turn / motion_.turnSpeed));
      break;
    }
    case Kind::Head: {
      s.fromOrientation = input_.head.orientation;
      float angle = glm::degrees(glm::angle(glm::normalize(*s.orientation * glm::conjugate(s.fromOrientation))));
      if (angle > 180.0F) angle = 360.0F - angle;
      s.total = ticksFor(angle / motion_.turnSpeed);
      break;
    }
    case Kind::Grip:
      s.fromValue = hand.grip;
      s.total = ticksFor(s.seconds);
      break;
    case Kind::Trigger:
      s.fromValue = hand.trigger;
      s.total = ticksFor(s.seconds);
      break;
    case Kind::Hold: s.total = ticksFor(s.seconds); break;
  }
}

void ScriptedTrainee::advance(Segment& s) {
  ++s.elapsed;
  const float t = static_cast<float>(s.elapsed) / static_cast<float>(s.total);
  using Kind = Segment::Kind;
  auto& hand = input_.hand(s.side);
  switch (s.kind) {
    case Kind::Hand:
      hand.pose.position = glm::mix(s.fromPosition, s.position, t);
      if (s.orientation) hand.pose.orientation = glm::slerp(s.fromOrientation, *s.orientation, t);
      break;
    case Kind::Walk: {
      // Carry the head and both hands (and so whatever they hold) with the body.
      float dyaw = s.value - s.fromValue;
      dyaw = std::remainder(dyaw, 360.0F);
      const core::Vec3 oldFeet = feet();
      const float oldYaw = yawDegrees();
      const core::Vec3 newFeet = glm::mix(s.fromPosition, horizontal(s.position) +
                                                              core::Vec3(0.0F, s.fromPosition.y, 0.0F), t);
      const float newYaw = s.fromValue + dyaw * t;
      const core::Quat turn = yawQuat(newYaw - oldYaw);
      input_.head.position = newFeet + core::Vec3(0.0F, eyeHeight_, 0.0F);
      input_.head.orientation = yawQuat(newYaw);
      for (auto& h : input_.hands) {
        h.pose.position = newFeet + turn * (h.pose.position - oldFeet);
        h.pose.orientation = glm::normalize(turn * h.pose.orientation);
      }
      break;
    }
    case Kind::Head: input_.head.orientation = glm::slerp(s.fromOrientation, *s.orientation, t); break;
    case Kind::Grip: hand.grip = glm::mix(s.fromValue, s.value, t); break;
    case Kind::Trigger: hand.trigger = glm::mix(s.fromValue, s.value, t); break;
    case Kind::Hold: break;
  }
}

// ----- planning helpers ---------------------------------------------------------------------

void ScriptedTrainee::walkNear(const std::string& object, const std::optional<core::Vec3>& point) {
  Segment s;
  s.kind = Segment::Kind::Walk;
  s.prepare = [this, object, point](Segment& seg, const scene::Scene& scene) {
    std::optional<core::Vec3> target = point;
    if (!object.empty()) target = scene.worldPosition(object);
    if (!target) return false;
    const core::Vec3 body = feet();
    const core::Vec3 away = horizontal(body - *target);
    seg.position = body;
    seg.value = yawDegrees();
    if (glm::length(away) <= motion_.reach) return true;  // within reach: stay
    seg.position = horizontal(*target) + glm::normalize(away) * motion_.standOff;
    seg.value = yawTowards(seg.position, *target);
    return true;
  };
  segments_.push_back(std::move(s));
}

void ScriptedTrainee::reach(HandSide side, Where where) {
  // Come in from in front of the target (towards the eyes), as a hand does, so the path
  // does not sweep across neighbouring parts.
  Segment approach;
  approach.kind = Segment::Kind::Hand;
  approach.side = side;
  approach.prepare = [this, where](Segment& seg, const scene::Scene& scene) {
    const auto target = where(scene);
    if (!target) return false;
    core::Vec3 towardsEyes = input_.head.position - *target;
    towardsEyes = glm::length(towardsEyes) > 1e-4F ? glm::normalize(towardsEyes) : core::Vec3(0, 0, 1);
    seg.position = *target + towardsEyes * motion_.approach;
    return true;
  };
  segments_.push_back(std::move(approach));
  Segment in;
  in.kind = Segment::Kind::Hand;
  in.side = side;
  in.prepare = [where](Segment& seg, const scene::Scene& scene) {
    const auto target = where(scene);
    if (!target) return false;
    seg.position = *target;
    return true;
  };
  segments_.push_back(std::move(in));
}

void ScriptedTrainee::retract(HandSide side) {
  Segment s;
  s.kind = Segment::Kind::Hand;
  s.side = side;
  s.prepare = [this, side](Segment& seg, const scene::Scene&) {
    const core::Vec3 from = input_.hand(side).pose.position;
    core::Vec3 back = input_.head.position - from;
    back = glm::length(back) > 1e-4F ? glm::normalize(back) : core::Vec3(0, 0, 1);
    seg.position = from + back * motion_.approach;
    return true;
  };
  segments_.push_back(std::move(s));
}

void ScriptedTrainee::grip(HandSide side, float value) {
  Segment s;
  s.kind = Segment::Kind::Grip;
  s.side = side;
  s.value = value;
  s.seconds = motion_.gripSeconds;
  segments_.push_back(std::move(s));
}

void ScriptedTrainee::trigger(HandSide side, float value) {
  Segment s;
  s.kind = Segment::Kind::Trigger;
  s.side = side;
  s.value = value;
  s.seconds = motion_.pressSeconds;
  segments_.push_back(std::move(s));
}

void ScriptedTrainee::holdUntil(const std::string& object, const std::string& state, double seconds) {
  Segment s;
  s.kind = Segment::Kind::Hold;
  s.seconds = seconds;
  s.untilObject = object;
  s.untilState = state;
  segments_.push_back(std::move(s));
}

void ScriptedTrainee::hold(double seconds) {
  Segment s;
  s.kind = Segment::Kind::Hold;
  s.seconds = seconds;
  segments_.push_back(std::move(s));
}

void ScriptedTrainee::faceTowards(Where where) {
  Segment s;
  s.kind = Segment::Kind::Head;
  s.prepare = [this, where](Segment& seg, const scene::Scene& scene) {
    const auto target = where(scene);
    if (!target) return false;
    const core::Vec3 to = glm::normalize(*target - input_.head.position);
    seg.orientation = core::rotationBetween(core::Vec3(0.0F, 0.0F, -1.0F), to);
    // Keep the head upright: rebuild from yaw and pitch rather than the shortest arc.
    const float yaw = glm::degrees(std::atan2(-to.x, -to.z));
    const float pitch = glm::degrees(std::asin(std::clamp(to.y, -1.0F, 1.0F)));
    seg.orientation = yawQuat(yaw) * core::quatFromEulerDegrees({pitch, 0.0F, 0.0F});
    return true;
  };
  segments_.push_back(std::move(s));
}

void ScriptedTrainee::pressOnce(HandSide side, const std::string& object) {
  reach(side, [object](const scene::Scene& scene) { return scene.worldPosition(object); });
  trigger(side, 1.0F);
  hold(0.05);
  trigger(side, 0.0F);
  retract(side);
}

bool ScriptedTrainee::failWith(const Action& action, std::string message) {
  error_ = core::Error{action.span.where() + ": " + message};
  return false;
}

}  // namespace praxis::scenario
