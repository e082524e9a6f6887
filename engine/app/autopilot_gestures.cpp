#include "app/autopilot_gestures.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "app/desktop_scene.h"

namespace praxis::app {

core::Tick DesktopAutopilot::Context::paced(double seconds) const {
  return std::max<core::Tick>(1, core::secondsToTicks(seconds / std::max(options.speed, 1e-3)));
}

bool DesktopAutopilot::Context::givenUp(double seconds) const {
  return ticks >= core::secondsToTicks(seconds < 0.0 ? options.giveUpSeconds : seconds);
}

namespace gestures {
namespace {

using interaction::HandSide;

float yawOf(const core::Vec3& d) {
  return glm::degrees(std::atan2(-d.x, -d.z));
}
float pitchOf(const core::Vec3& unit) {
  return glm::degrees(std::asin(std::clamp(unit.y, -1.0F, 1.0F)));
}
core::Vec3 horizontal(core::Vec3 v) {
  return {v.x, 0.0F, v.z};
}

// Degrees the mouse turns the view this tick at the autopilot's pace.
float turnStep(const Context& c) {
  return c.options.turnDegreesPerSecond * static_cast<float>(c.options.speed * core::kTickSeconds);
}

// Sends the mouse motion that turns the view by up to one tick's step towards the errors.
void turnBy(const Context& c, float yawError, float pitchError) {
  const float step = turnStep(c);
  const float sensitivity = c.controls.tuning().lookDegreesPerPixel;
  const float yaw = std::clamp(yawError, -step, step);
  const float pitch = std::clamp(pitchError, -step, step);
  c.send(MouseMove{0.0, 0.0, -yaw / sensitivity, -pitch / sensitivity});
}

float yawErrorTowards(const Context& c, const core::Vec3& point) {
  const core::Pose head = c.controls.head();
  return std::remainder(yawOf(point - head.position) - yawOf(head.forward()), 360.0F);
}

void tap(const Context& c, Key key) {
  c.send(KeyDown{key});
  c.send(KeyUp{key});
}

}  // namespace

Where positionOf(const std::string& id) {
  return [id](const Context& c) { return c.scene().worldPosition(id); };
}

Gesture selectHand(HandSide side) {
  return [side](Context& c) -> core::Result<bool> {
    if (c.controls.activeHand() != side) tap(c, side == HandSide::Left ? Key::Digit1 : Key::Digit2);
    return true;
  };
}

Gesture pause(double seconds) {
  return [seconds](Context& c) -> core::Result<bool> { return c.ticks + 1 >= c.paced(seconds); };
}

Gesture holdFor(double seconds) {
  return [seconds](Context& c) -> core::Result<bool> {
    return c.ticks + 1 >= std::max<core::Tick>(1, core::secondsToTicks(seconds));
  };
}

Gesture holdUntil(const std::string& id, const std::string& state, double seconds) {
  return [id, state, seconds](Context& c) -> core::Result<bool> {
    const scene::Entity* e = c.scene().findEntity(id);
    if (e != nullptr && e->stateName() == state) return true;
    return c.ticks + 1 >= std::max<core::Tick>(1, core::secondsToTicks(seconds));
  };
}

Gesture send(InputEvent event) {
  return [event](Context& c) -> core::Result<bool> {
    c.send(event);
    return true;
  };
}

Gesture click(MouseButton button) {
  return [button](Context& c) -> core::Result<bool> {
    if (c.ticks == 0) c.send(MouseDown{button});
    if (c.ticks + 1 < c.paced(c.options.clickSeconds)) return false;
    c.send(MouseUp{button});
    return true;
  };
}

Gesture lookAt(Where where) {
  return [where](Context& c) -> core::Result<bool> {
    const auto point = where(c);
    if (!point) return core::fail("the object to look at is not in the scene");
    const core::Pose head = c.controls.head();
    const core::Vec3 d = *point - head.position;
    if (glm::length(d) < 1e-4F) return true;
    const float limit = c.controls.tuning().maxPitchDegrees;
    const float yawError = yawErrorTowards(c, *point);
    const float pitchError =
        std::clamp(pitchOf(glm::normalize(d)), -limit, limit) - pitchOf(head.forward());
    constexpr float kAimed =
        0.05F;  // degrees: well inside the smallest part's size at arm's length
    if (std::abs(yawError) < kAimed && std::abs(pitchError) < kAimed) return true;
    if (c.givenUp()) return core::fail("could not turn the view towards the object");
    turnBy(c, yawError, pitchError);
    return false;
  };
}

Gesture waitPointing(const std::string& id) {
  return [id](Context& c) -> core::Result<bool> {
    const auto wanted = c.scene().find(id);
    if (!wanted) return core::fail("unknown object '", id, "'");
    const auto& pointed = c.controls.pointed();
    if (pointed && isWithin(c.scene(), pointed->entity, *wanted)) return true;
    if (!c.givenUp(0.5)) return false;
    return core::fail("the cursor does not reach '", id, "': ",
                      pointed ? "'" + c.scene().at(pointed->entity).id + "' is in front of it"
                              : "nothing is hit");
  };
}

namespace {

// True when the body can walk in a straight line from `from` to `to`.
bool clearPath(const Context& c, const core::Vec3& from, const core::Vec3& to) {
  const float length = glm::length(to - from);
  for (float d = 0.0F; d < length; d += 0.05F) {
    if (!c.controls.bodyFits(c.scene(), from + (to - from) * (d / length))) return false;
  }
  return c.controls.bodyFits(c.scene(), to);
}

// True when `point` is within reach from feet at `feet` with eyes at `eyeHeight`, whichever
// way the body turns when the head looks at it (the shoulder may end up on the far side).
bool reachableFrom(const Context& c, const core::Vec3& feet, const core::Vec3& point,
                   float eyeHeight) {
  const ControlsTuning& t = c.controls.tuning();
  const core::Vec3 toPoint = point - (feet + core::Vec3(0.0F, eyeHeight - t.shoulderDrop, 0.0F));
  return glm::length(toPoint) + t.shoulderWidth <= t.armReach + t.leanReach - 0.03F;
}

float eyeHeightNow(const Context& c) {
  return c.controls.head().position.y - c.controls.feet().y;
}

// The nearest place to stand, reached in a straight line, from which `point` is within arm's
// reach with eyes at `eyeHeight`: what a person sizes up before walking over.
std::optional<core::Vec3> standPoint(const Context& c, const core::Vec3& point, float eyeHeight) {
  const core::Vec3 feet = c.controls.feet();
  std::optional<core::Vec3> best;
  float bestDistance = 0.0F;
  for (float radius = 0.25F; radius < 0.72F; radius += 0.05F) {
    for (int step = 0; step < 24; ++step) {
      const float angle = glm::radians(15.0F * static_cast<float>(step));
      const core::Vec3 spot{point.x + radius * std::cos(angle), feet.y,
                            point.z + radius * std::sin(angle)};
      if (!reachableFrom(c, spot, point, eyeHeight)) continue;
      const float distance = glm::length(spot - feet);
      if (best && distance >= bestDistance) continue;
      if (!clearPath(c, feet, spot)) continue;
      best = spot;
      bestDistance = distance;
    }
  }
  return best;
}

}  // namespace

Gesture walkNear(Where where, std::string what) {
  struct State {
    std::optional<core::Vec3> standAt;
    bool crouched = false;
    Gesture walk;
  };
  return [where, what, state = std::make_shared<State>()](Context& c) -> core::Result<bool> {
    const auto point = where(c);
    if (!point) return core::fail("'", what, "' is not in the scene");
    if (!state->walk && reachableFrom(c, c.controls.feet(), *point, eyeHeightNow(c))) return true;
    if (!state->walk) {
      // Choose where to stand: upright if that reaches, else crouched for a low spot.
      const ControlsTuning& t = c.controls.tuning();
      state->standAt = standPoint(c, *point, eyeHeightNow(c));
      if (!state->standAt && !c.controls.crouching()) {
        state->standAt = standPoint(c, *point, t.crouchEyeHeight);
        state->crouched = state->standAt.has_value();
      }
      if (!state->standAt)
        return core::fail("there is no place to stand within arm's reach of '", what, "'");
      state->walk = walkTo(*state->standAt);
    }
    const auto walked = state->walk(c);
    if (!walked || !*walked) return walked;
    if (state->crouched && !c.controls.crouching()) tap(c, Key::C);
    return true;
  };
}

Gesture walkTo(core::Vec3 point) {
  struct State {
    bool walking = false;
    int stuck = 0;
    core::Vec3 last{0.0F};
  };
  return [point, state = std::make_shared<State>()](Context& c) -> core::Result<bool> {
    const core::Vec3 eyes = c.controls.head().position;
    const float step = c.controls.tuning().walkSpeed * static_cast<float>(core::kTickSeconds);
    if (glm::length(horizontal(point - eyes)) <= step) {
      if (state->walking) c.send(KeyUp{Key::W});
      return true;
    }
    const bool moved = glm::length(horizontal(eyes - state->last)) > 1e-4F;
    state->stuck = state->walking && !moved ? state->stuck + 1 : 0;
    state->last = eyes;
    if (state->stuck > 8 || c.givenUp(60.0)) {
      c.send(KeyUp{Key::W});
      return core::fail("cannot walk to [", std::to_string(point.x), ", ", std::to_string(point.z),
                        "]: the way is blocked");
    }
    const float yawError = yawErrorTowards(c, point + core::Vec3(0.0F, eyes.y, 0.0F));
    turnBy(c, yawError, 0.0F);
    const bool facing = std::abs(yawError) < 20.0F;
    if (facing && !state->walking) c.send(KeyDown{Key::W});
    if (!facing && state->walking) c.send(KeyUp{Key::W});
    state->walking = facing;
    return false;
  };
}

Gesture standUp(bool stayLow) {
  return [stayLow](Context& c) -> core::Result<bool> {
    if (c.controls.crouching() && !stayLow) tap(c, Key::X);
    return true;
  };
}

Gesture posture(bool low) {
  return [low, sent = false](Context& c) mutable -> core::Result<bool> {
    if (c.controls.crouching() == low) return true;
    if (c.givenUp()) return core::fail(low ? "cannot crouch" : "cannot stand up");
    if (!sent) tap(c, low ? Key::C : Key::X);
    sent = true;
    return false;
  };
}

Gesture say(int index) {
  return [index, chosen = false](Context& c) mutable -> core::Result<bool> {
    if (chosen) return !c.controls.phraseMenuOpen();
    if (c.givenUp()) return core::fail("the phrase menu does not open");
    if (!c.controls.phraseMenuOpen()) {
      if (c.ticks == 0) tap(c, Key::T);
      return false;
    }
    tap(c, static_cast<Key>(static_cast<int>(Key::Digit1) + index));  // the number the menu shows
    chosen = true;
    return false;
  };
}

Gesture lookAwayFromSockets() {
  return [](Context& c) -> core::Result<bool> {
    if (!c.controls.snapPreview()) return true;
    if (c.givenUp()) return core::fail("cannot let go without the object snapping into a socket");
    turnBy(c, 0.0F, -turnStep(c));
    return false;
  };
}

Gesture waitUntil(std::function<bool(const Context&)> done, std::string what) {
  return [done, what](Context& c) -> core::Result<bool> {
    if (done(c)) return true;
    if (c.givenUp()) return core::fail(what, " did not happen");
    return false;
  };
}

Gesture dragTo(const std::string& id, float value) {
  return [id, value](Context& c) -> core::Result<bool> {
    const scene::Entity* e = c.scene().findEntity(id);
    if (e == nullptr || !e->lever) return core::fail("'", id, "' is not a lever or dial");
    const scene::Lever& lever = *e->lever;
    const float range = lever.maximum - lever.minimum;
    const float error = value - lever.value;
    if (std::abs(error) <= 0.005F * std::abs(range)) return true;
    if (c.givenUp()) return core::fail("could not drag '", id, "' to ", std::to_string(value));
    const core::Pose head = c.controls.head();
    const core::Vec3 axis = glm::normalize(e->worldPose.rotate(lever.axis));
    const ControlsTuning& t = c.controls.tuning();
    const float valuePerUnit = range / lever.travel;  // per metre (lever) or degree (dial)
    // A person moves the mouse a few hundred pixels a second, slowing down near the mark.
    const float maxPixels = 400.0F * static_cast<float>(c.options.speed * core::kTickSeconds);
    if (lever.kind == scene::Lever::Kind::Dial) {
      // The controls turn the hand clockwise (as seen) for a drag to the right.
      const bool facing = glm::dot(axis, head.position - e->worldPose.position) > 0.0F;
      const float valuePerPixel = (facing ? -1.0F : 1.0F) * t.dialDegreesPerPixel * valuePerUnit;
      c.send(MouseMove{0.0, 0.0, std::clamp(error / valuePerPixel, -maxPixels, maxPixels), 0.0});
      return false;
    }
    const float ax = glm::dot(axis, head.rotate({1.0F, 0.0F, 0.0F}));
    const float ay = glm::dot(axis, head.rotate({0.0F, 1.0F, 0.0F}));
    const float onScreen = std::hypot(ax, ay);
    if (onScreen < 0.2F) {  // the lever moves towards the eyes: push or pull with the wheel
      const float along = glm::dot(axis, head.forward()) * t.scrollStep * valuePerUnit;
      c.send(Scroll{error / along > 0.0F ? 1.0 : -1.0});
      return false;
    }
    const float pixels =
        std::clamp(error / (valuePerUnit * t.dragMetresPerPixel * onScreen), -maxPixels, maxPixels);
    c.send(MouseMove{0.0, 0.0, pixels * ax / onScreen, -pixels * ay / onScreen});
    return false;
  };
}

Gesture pressUntil(const std::string& id, const std::string& state) {
  struct State {
    int phase = 0;
    core::Tick since = 0;
    std::size_t presses = 0;
  };
  return [id, state, s = std::make_shared<State>()](Context& c) -> core::Result<bool> {
    const scene::Entity* e = c.scene().findEntity(id);
    if (e == nullptr || !e->toggle) return core::fail("'", id, "' is not a switch");
    switch (s->phase) {
      case 0:
        if (e->toggle->state() == state) return true;
        if (s->presses++ >= e->toggle->states.size())
          return core::fail("'", id, "' never showed '", state, "'");
        c.send(MouseDown{MouseButton::Left});
        s->since = c.ticks;
        s->phase = 1;
        return false;
      case 1:
        if (c.ticks - s->since + 1 < c.paced(c.options.clickSeconds)) return false;
        c.send(MouseUp{MouseButton::Left});
        s->phase = 2;
        return false;
      default:
        if (c.controls.activity(c.controls.activeHand()) != HandActivity::Resting) {
          return c.givenUp() ? core::fail("the press on '", id, "' did not finish")
                             : core::Result<bool>(false);
        }
        s->phase = 0;
        return false;
    }
  };
}

}  // namespace gestures
}  // namespace praxis::app
