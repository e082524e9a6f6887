// DesktopAutopilot: each script action becomes a short list of gestures (autopilot_gestures.h)
// that a person at the desktop would make; one function per action kind.
#include "app/desktop_autopilot.h"

#include <algorithm>

#include "app/autopilot_gestures.h"
#include "app/desktop_tick_input.h"
#include "scenario/action_targets.h"
#include "scenario/scripted_trainee.h"

namespace praxis::app {
namespace {

using interaction::HandSide;
using scenario::Action;
using scenario::ActionKind;
using Context = DesktopAutopilot::Context;
using Plan = std::vector<DesktopAutopilot::Gesture>;
namespace g = gestures;

const char* sideName(HandSide side) {
  return side == HandSide::Left ? "left" : "right";
}

// What the hand on `side` holds, as the person sees it ("" when empty).
std::string heldBy(const Context& c, HandSide side) {
  const scene::EntityId id = c.world.held(side);
  return id == scene::kNoEntity ? std::string() : c.scene().at(id).id;
}

std::optional<HandSide> holderOf(const Context& c, const std::string& id, HandSide preferred) {
  if (heldBy(c, preferred) == id) return preferred;
  for (HandSide s : {HandSide::Left, HandSide::Right}) {
    if (heldBy(c, s) == id) return s;
  }
  return std::nullopt;
}

g::Gesture activityIs(HandSide side, HandActivity activity, std::string what) {
  return g::waitUntil(
      [side, activity](const Context& c) { return c.controls.activity(side) == activity; },
      std::move(what));
}

// Walk up to `id`, look at `where` on it, and check the cursor is on it.
void approach(Plan& plan, HandSide side, const std::string& id, const g::Where& where) {
  plan.push_back(g::selectHand(side));
  plan.push_back(g::walkNear(where, id));
  plan.push_back(g::lookAt(where));
  plan.push_back(g::waitPointing(id));
}

core::Result<Plan> planGrab(const Action& a, const Context& c) {
  const HandSide side = scenario::sideOf(a.hand);
  if (c.scene().findEntity(a.object) == nullptr)
    return core::fail("unknown object '", a.object, "'");
  if (!heldBy(c, side).empty()) {
    return core::fail("the ", sideName(side), " hand already holds '", heldBy(c, side), "'");
  }
  Plan plan;
  const std::string id = a.object;
  approach(plan, side, id,
           [id](const Context& ctx) { return scenario::gripPointOf(ctx.scene(), id); });
  plan.push_back(g::click(MouseButton::Left));
  plan.push_back(activityIs(side, HandActivity::Holding, "taking '" + id + "'"));
  return plan;
}

core::Result<Plan> planRelease(const Action& a, const Context&) {
  const HandSide side = scenario::sideOf(a.hand);
  return Plan{g::selectHand(side), g::lookAwayFromSockets(), g::click(MouseButton::Left),
              activityIs(side, HandActivity::Resting, "letting go")};
}

core::Result<Plan> planSnap(const Action& a, const Context& c) {
  const auto side = holderOf(c, a.object, scenario::sideOf(a.hand));
  if (!side) return core::fail("snap: no hand holds '", a.object, "'");
  const scene::Entity* socket = c.scene().findEntity(a.target);
  if (socket == nullptr || !socket->socket)
    return core::fail("snap: '", a.target, "' is not a socket");
  const std::string target = a.target;
  const std::string object = a.object;
  const g::Where snapAt = [target](const Context& ctx) -> std::optional<core::Vec3> {
    const scene::Entity* s = ctx.scene().findEntity(target);
    if (s == nullptr) return std::nullopt;
    return (s->worldPose * s->socket->snapPose).position;
  };
  Plan plan{g::selectHand(*side), g::walkNear(snapAt, target), g::lookAt(snapAt)};
  plan.push_back(g::waitUntil(
      [target](const Context& ctx) {
        const auto& ghost = ctx.controls.snapPreview();
        return ghost && ctx.scene().at(ghost->socket).id == target;
      },
      "the ghost of '" + object + "' in '" + target + "'"));
  plan.push_back(g::click(MouseButton::Left));
  plan.push_back(g::waitUntil(
      [target, object, h = *side](const Context& ctx) {
        const scene::Entity* s = ctx.scene().findEntity(target);
        return ctx.controls.activity(h) == HandActivity::Resting &&
               s->socket->occupant != scene::kNoEntity &&
               ctx.scene().at(s->socket->occupant).id == object;
      },
      "'" + object + "' snapping into '" + target + "'"));
  return plan;
}

core::Result<Plan> planPressOrSet(const Action& a, const Context& c) {
  const HandSide side = scenario::sideOf(a.hand);
  const scene::Entity* e = c.scene().findEntity(a.object);
  if (e == nullptr) return core::fail("unknown object '", a.object, "'");
  if (!heldBy(c, side).empty()) {
    return core::fail("the ", sideName(side), " hand holds '", heldBy(c, side),
                      "'; use the other hand");
  }
  Plan plan;
  approach(plan, side, a.object, g::positionOf(a.object));
  if (a.kind == ActionKind::Press) {
    plan.push_back(g::click(MouseButton::Left));
    plan.push_back(activityIs(side, HandActivity::Resting, "the press on '" + a.object + "'"));
    return plan;
  }
  if (e->toggle) {
    const auto wanted = scenario::switchTarget(*e, a);
    if (!wanted) return std::unexpected(wanted.error());
    plan.push_back(g::pressUntil(a.object, e->toggle->states[*wanted]));
    return plan;
  }
  if (!e->lever) return core::fail("set: '", a.object, "' is neither a switch nor a lever");
  const auto value = scenario::leverTarget(*e, a);
  if (!value) return std::unexpected(value.error());
  plan.push_back(g::send(MouseDown{MouseButton::Left}));
  plan.push_back(activityIs(side, HandActivity::Dragging, "taking hold of '" + a.object + "'"));
  plan.push_back(g::dragTo(a.object, *value));
  plan.push_back(g::send(MouseUp{MouseButton::Left}));
  // A lever that needed no drag stays held after the button comes up: click once more.
  plan.push_back([side](Context& ctx) -> core::Result<bool> {
    if (ctx.controls.activity(side) != HandActivity::Dragging) return true;
    ctx.send(MouseDown{MouseButton::Left});
    ctx.send(MouseUp{MouseButton::Left});
    return false;
  });
  plan.push_back(activityIs(side, HandActivity::Resting, "letting go of '" + a.object + "'"));
  return plan;
}

core::Result<Plan> planTouchOrUse(const Action& a, const Context& c) {
  if (c.scene().findEntity(a.target) == nullptr)
    return core::fail("unknown object '", a.target, "'");
  const double dwell = a.seconds > 0.0 ? a.seconds : 0.3;
  Plan plan;
  if (a.object.empty()) {  // the bare hand: hold the left button on the spot
    const HandSide side = scenario::sideOf(a.hand);
    approach(plan, side, a.target, g::positionOf(a.target));
    plan.push_back(g::send(MouseDown{MouseButton::Left}));
    plan.push_back(activityIs(side, HandActivity::Touching, "touching '" + a.target + "'"));
    plan.push_back(g::holdFor(dwell));
    plan.push_back(g::send(MouseUp{MouseButton::Left}));
    plan.push_back(activityIs(side, HandActivity::Resting, "pulling back from '" + a.target + "'"));
    return plan;
  }
  const auto side = holderOf(c, a.object, scenario::sideOf(a.hand));
  if (!side) return core::fail("no hand holds the tool '", a.object, "'; grab it first");
  const scene::Entity* tool = c.scene().findEntity(a.object);
  if (!tool->tool) return core::fail("'", a.object, "' is not a tool");
  if (tool->tool->range > 0.0F) {  // aimed from where the trainee stands
    plan.push_back(g::selectHand(*side));
    plan.push_back(g::lookAt(g::positionOf(a.target)));
    plan.push_back(g::waitPointing(a.target));
    plan.push_back(g::send(MouseDown{MouseButton::Right}));
    plan.push_back(g::holdFor(dwell));
    plan.push_back(g::send(MouseUp{MouseButton::Right}));
    return plan;
  }
  approach(plan, *side, a.target, g::positionOf(a.target));
  plan.push_back(g::send(MouseDown{MouseButton::Right}));
  plan.push_back(
      activityIs(*side, HandActivity::UsingTool, "'" + a.object + "' touching '" + a.target + "'"));
  plan.push_back(g::holdFor(dwell));
  plan.push_back(g::send(MouseUp{MouseButton::Right}));
  plan.push_back(activityIs(*side, HandActivity::Holding, "pulling '" + a.object + "' back"));
  return plan;
}

core::Result<Plan> planLookOrWalk(const Action& a, const Context& c) {
  if (!a.target.empty() && c.scene().findEntity(a.target) == nullptr) {
    return core::fail("unknown object '", a.target, "'");
  }
  switch (a.kind) {
    case ActionKind::LookAt: return Plan{g::lookAt(g::positionOf(a.target))};
    case ActionKind::WalkTo:
      if (!a.target.empty()) return Plan{g::walkNear(g::positionOf(a.target), a.target)};
      return Plan{g::walkTo(a.point.value_or(core::Vec3(0.0F)))};
    default:
      // move: a held object is already carried away from where it was; an empty hand can
      // only be sent to something by clicking it, so the person looks there.
      if (!a.target.empty()) return Plan{g::lookAt(g::positionOf(a.target))};
      if (a.point)
        return Plan{g::lookAt([p = *a.point](const Context&) { return std::optional(p); })};
      return Plan{};
  }
}

core::Result<Plan> planSay(const Action& a, const Context& c) {
  const auto& phrases = c.world.phrases();
  const auto phrase = std::find(phrases.begin(), phrases.end(), a.state);
  if (phrase == phrases.end()) return core::fail("say: unknown phrase '", a.state, "'");
  const auto index = static_cast<int>(phrase - phrases.begin());  // < 9: the loader's limit
  Plan plan;
  if (!a.target.empty()) {  // face the person spoken to, as the headless trainee turns to them
    if (c.scene().findEntity(a.target) == nullptr)
      return core::fail("say: unknown person '", a.target, "'");
    plan.push_back(g::lookAt(g::positionOf(a.target)));
  }
  plan.push_back(g::say(index));
  return plan;
}

core::Result<Plan> planAction(const Action& a, const Context& c) {
  switch (a.kind) {
    case ActionKind::Grab: return planGrab(a, c);
    case ActionKind::Release: return planRelease(a, c);
    case ActionKind::Snap: return planSnap(a, c);
    case ActionKind::Press:
    case ActionKind::Set: return planPressOrSet(a, c);
    case ActionKind::Touch:
    case ActionKind::Use: return planTouchOrUse(a, c);
    case ActionKind::Wait:
      if (!a.object.empty()) return Plan{g::holdUntil(a.object, a.state, a.seconds)};
      return Plan{g::holdFor(a.seconds)};
    case ActionKind::Move:
    case ActionKind::LookAt:
    case ActionKind::WalkTo: return planLookOrWalk(a, c);
    case ActionKind::Posture: return Plan{g::posture(a.state == "crouching")};
    case ActionKind::Say: return planSay(a, c);
  }
  return core::fail("the desktop autopilot cannot play '" +
                    std::string(scenario::toString(a.kind)) + "'");
}

}  // namespace

DesktopAutopilot::DesktopAutopilot(const scenario::TraineeScript& script, AutopilotOptions options)
    : script_(script), options_(options) {}

DesktopAutopilot::~DesktopAutopilot() = default;

void DesktopAutopilot::drive(DesktopControls& controls, const interaction::World& world) {
  Context context{controls, world, options_, gestureTicks_};
  while (!done_ && gestures_.empty()) {
    if (action_ >= script_.actions.size()) {
      done_ = true;
      return;
    }
    const Action& action = script_.actions[action_++];
    if (action.kind == ActionKind::Posture) stayLow_ = action.state == "crouching";
    auto plan = planAction(action, context);
    if (!plan) {
      error_ = core::Error{action.span.where() + ": " + plan.error().message};
      done_ = true;
      return;
    }
    for (auto& gesture : *plan) gestures_.push_back(std::move(gesture));
    // Then stand up again and take a breath, as a person does between two tasks.
    gestures_.push_back(gestures::standUp(stayLow_));
    gestures_.push_back(gestures::pause(options_.pauseSeconds));
  }
  if (gestures_.empty()) return;
  const auto finished = gestures_.front()(context);
  if (!finished) {
    error_ =
        core::Error{script_.actions[action_ - 1].span.where() + ": " + finished.error().message};
    gestures_.clear();
    done_ = true;
    return;
  }
  gestureTicks_ = *finished ? 0 : gestureTicks_ + 1;
  if (*finished) gestures_.pop_front();
}

core::Result<RunResult> runDesktopAutopilot(const scenario::ScenarioDef& def,
                                            const scenario::TraineeScript& script,
                                            const RunOptions& options, AutopilotOptions autopilot) {
  RunOptions desktop = options;
  desktop.attempt.session.mode = Mode::Desktop;
  auto attempt = attemptForScript(def, script, desktop);
  if (!attempt) return std::unexpected(attempt.error());
  AutopilotTickInput trainee(def, script, autopilot, options.idleSeconds);
  RunResult result = playTrainee(**attempt, trainee, script.maxSeconds, desktop);
  result.scriptError = trainee.error();
  return result;
}

}  // namespace praxis::app
