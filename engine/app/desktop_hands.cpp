// DesktopControls' hands: a click becomes a reach to the pointed spot and then a grab, a press
// or a touch; a held object is carried in front of the eyes, released (into a socket when one
// is previewed), or, if it is a tool, used with the trigger; a lever or dial follows the mouse.
#include <algorithm>
#include <cmath>

#include "app/desktop_controls.h"
#include "app/desktop_scene.h"
#include "interaction/aiming.h"
#include "interaction/world.h"
#include "scene/raycast.h"

namespace praxis::app {

using interaction::HandSide;
using scene::EntityId;
using scene::kNoEntity;

namespace {

// A reach comes in from this far in front of the spot (towards the eyes), as a hand does,
// so that its path does not sweep across neighbouring parts.
constexpr float kApproach = 0.12F;
// Where an empty hand hangs, relative to the feet, and where a held one is carried, relative
// to the eyes: low and to the hand's side, as a forearm carries it, so that even a large
// object (an extinguisher) leaves the view's centre and the cursor free. Aiming a ranged
// tool (the trigger held) brings it up towards the line of sight, as one raises a hose.
constexpr float kHipsFraction = 0.55F;
constexpr float kRestSide = 0.25F;
constexpr float kRestForward = 0.25F;
constexpr float kCarrySide = 0.22F;
constexpr float kCarryDrop = 0.35F;
constexpr float kAimDrop = 0.2F;
constexpr float kArrived = 1e-3F;
constexpr float kCarryClearance = 0.06F;
constexpr float kCarryClosest = 0.15F;
// A hand on its way in keeps this clear of colliders and live parts (sampled every 2 cm);
// where the straight way would brush one, it first draws back halfway to its shoulder and
// comes in from there, in front, as a person reaches past a live busbar.
constexpr float kPathClearance = 0.04F;
constexpr float kPathStep = 0.02F;
// Ticks a closed hand waits for the world to report the grab before giving up.
constexpr core::Tick kGripWait = 3;
// An empty hand drops back, and a held one follows the view, faster than a reach.
constexpr float kReturnSpeed = 2.0F;

/// The hand orientation that holds a tool upright (its local up as near the world's as its
/// direction allows) pointing from `hand` at `aimAt`, as a person holds an extinguisher by
/// its handle; `current` where that is undefined. Aiming from the last tick's pose alone
/// keeps whatever roll the grab gave it, and a tool rolled onto its side lies across the view.
core::Quat uprightAim(const core::Quat& current, const core::Pose& toolInHand,
                      const scene::Tool& tool, const core::Vec3& hand, const core::Vec3& aimAt) {
  const core::Vec3 up(0.0F, 1.0F, 0.0F);
  const core::Vec3 towards = aimAt - hand;
  if (glm::length(towards) < 1e-3F || glm::length(tool.direction) < 1e-6F) return current;
  const core::Vec3 local = glm::normalize(tool.direction);
  const core::Vec3 world = glm::normalize(towards);
  if (std::abs(local.y) > 0.99F || std::abs(world.y) > 0.99F) return current;
  const core::Quat toolWorld = glm::quatLookAt(world, up) * glm::inverse(glm::quatLookAt(local, up));
  return glm::normalize(toolWorld * glm::inverse(toolInHand.orientation));
}

}  // namespace

// ----- events ---------------------------------------------------------------------------------

void DesktopControls::onPrimaryDown(const interaction::World& world) {
  Hand& h = activeHandState();
  using Task = Hand::Task;
  if (h.task == Task::Drag && h.latched) {
    h.grip = 0.0F;  // a clicked lever is let go by the next click
    h.task = Task::Rest;
    return;
  }
  if (h.task == Task::Carry) {
    startRelease(h);
    return;
  }
  if (h.task != Task::Rest || !pointed_) return;
  const scene::Entity& e = world.scene().at(pointed_->entity);
  if (!isInteractable(e)) return;  // walls and floors are not reached for
  if (!pointed_->withinReach) {
    say(ControlMessageKind::StepCloser, pointed_->entity);
    return;
  }
  const Hand::Then then = (e.grabbable || e.lever) ? Hand::Then::Grab
                          : (e.toggle || e.button) ? Hand::Then::Press
                                                   : Hand::Then::Touch;
  startReach(h, pointed_->entity, pointed_->point, then);
  h.primaryHeld = true;
}

void DesktopControls::onPrimaryUp() {
  for (Hand& h : hands_) {
    if (!h.primaryHeld) continue;
    h.primaryHeld = false;
    if (h.task == Hand::Task::Drag) {
      if (h.dragged) {
        h.grip = 0.0F;
        h.task = Hand::Task::Rest;
      } else {
        h.latched = true;
      }
    }
  }
}

void DesktopControls::onSecondaryDown(const interaction::World& world) {
  Hand& h = activeHandState();
  const EntityId held = world.held(active_);
  if (h.task != Hand::Task::Carry || held == kNoEntity || !world.scene().at(held).tool) {
    say(ControlMessageKind::NoTool);
    return;
  }
  h.triggerHeld = true;
  if (world.scene().at(held).tool->range > 0.0F) {
    h.trigger = 1.0F;  // a ranged tool is aimed where the cursor points: squeeze now
    return;
  }
  // A contact tool is brought to the pointed spot, tip first.
  if (!pointed_) return;
  if (!pointed_->withinReach) {
    say(ControlMessageKind::StepCloser, pointed_->entity);
    return;
  }
  h.task = Hand::Task::UseTool;
  h.target = pointed_->entity;
  h.point = pointed_->point;
  h.approached = false;
  h.way = Hand::Way::Unchecked;
}

void DesktopControls::onSecondaryUp() {
  for (Hand& h : hands_) {
    if (!h.triggerHeld) continue;
    h.triggerHeld = false;
    h.trigger = 0.0F;
    if (h.task == Hand::Task::UseTool) h.task = Hand::Task::Carry;
  }
}

void DesktopControls::startReach(Hand& h, EntityId target, const core::Vec3& point,
                                 Hand::Then then) {
  h.task = Hand::Task::Reach;
  h.then = then;
  h.target = target;
  h.point = point;
  h.approached = false;
  h.way = Hand::Way::Unchecked;
}

void DesktopControls::startRelease(Hand& h) {
  if (preview_ && &h == &activeHandState()) {
    h.task = Hand::Task::Place;  // first bring the object onto the socket, then let go
    h.target = preview_->socket;
    h.approached = false;
    h.way = Hand::Way::Unchecked;
    return;
  }
  h.grip = 0.0F;
  h.task = Hand::Task::Rest;
}

// ----- per tick -------------------------------------------------------------------------------

core::Pose DesktopControls::restPose(HandSide side) const {
  const core::Vec3 hips = feet_ + core::Vec3(0.0F, eyeHeight() * kHipsFraction, 0.0F);
  return core::Pose{
      hips + bodyRotation() * core::Vec3(sideSign(side) * kRestSide, 0.0F, -kRestForward),
      bodyRotation()};
}

core::Pose DesktopControls::carryPose(const Hand& h, HandSide side,
                                      const interaction::World& world) const {
  const EntityId held = world.held(side);
  // Standing close to a cabinet, a person holds things nearer rather than into it: the hand
  // keeps clear of colliders and of live parts (touch targets).
  const auto clear = [&](const core::Vec3& p) {
    for (EntityId id = 0; id < world.scene().size(); ++id) {
      const scene::Entity& e = world.scene().at(id);
      if (!(e.collider || e.touchTarget) ||
          (held != kNoEntity && isWithin(world.scene(), id, held)))
        continue;
      if (scene::distanceToSurface(e, p) < kCarryClearance) return false;
    }
    return true;
  };
  const scene::Entity* e = held == kNoEntity ? nullptr : &world.scene().at(held);
  const bool ranged = e != nullptr && e->tool && e->tool->range > 0.0F;
  const float drop = ranged && h.triggerHeld ? kAimDrop : kCarryDrop;
  float distance = h.carryDistance;
  const auto at = [&](float d) {
    return eyes() + bodyRotation() * core::Vec3(sideSign(side) * kCarrySide, -drop, -d);
  };
  while (distance > kCarryClosest && !clear(at(distance))) distance -= 0.05F;
  core::Pose pose{at(std::max(distance, kCarryClosest)),
                  glm::normalize(bodyRotation() * h.userRotation)};
  if (!ranged) return pose;
  // A ranged tool points where the cursor does, as one aims a hose at what one looks at.
  const core::Vec3 aimAt = side == active_ && pointed_
                               ? pointed_->point
                               : eyes() + head().forward() * tuning_.pointRange;
  const core::Pose toolInHand = h.applied.inverse() * e->worldPose;
  pose.orientation = interaction::aimHeldTool(
      core::Pose{pose.position,
                 uprightAim(h.pose.orientation, toolInHand, *e->tool, pose.position, aimAt)},
      toolInHand, *e->tool, aimAt);
  return pose;
}

core::Vec3 DesktopControls::clearWay(Hand& h, HandSide side, const core::Vec3& goal,
                                     const interaction::World& world) const {
  const scene::Scene& scene = world.scene();
  const EntityId held = world.held(side);
  const auto brushes = [&](const core::Vec3& p) {
    for (EntityId id = 0; id < scene.size(); ++id) {
      const scene::Entity& e = scene.at(id);
      if (!(e.collider || e.touchTarget) || (held != kNoEntity && isWithin(scene, id, held)) ||
          (h.target != kNoEntity && isWithin(scene, id, h.target)))
        continue;
      if (scene::distanceToSurface(e, p) < kPathClearance) return true;
    }
    return false;
  };
  // Decided once per way in, so the hand never wavers between the two.
  if (h.way == Hand::Way::Unchecked) {
    h.way = Hand::Way::Clear;
    const int samples = static_cast<int>(glm::length(goal - h.pose.position) / kPathStep);
    for (int i = 1; i <= samples && h.way == Hand::Way::Clear; ++i) {
      const float t = static_cast<float>(i) / static_cast<float>(samples);
      if (brushes(glm::mix(h.pose.position, goal, t))) h.way = Hand::Way::Back;
    }
  }
  if (h.way == Hand::Way::Clear) return goal;
  const core::Vec3 back = glm::mix(shoulder(side), goal, 0.5F);
  if (glm::length(h.pose.position - back) < kArrived) {
    h.way = Hand::Way::Clear;  // drawn back: now in, from in front
    return goal;
  }
  return back;
}

bool DesktopControls::moveHandTowards(Hand& h, const core::Vec3& goal, float speedFactor) const {
  const float step = tuning_.handSpeed * speedFactor * static_cast<float>(core::kTickSeconds);
  const core::Vec3 d = goal - h.pose.position;
  const float distance = glm::length(d);
  if (distance <= step) {
    h.pose.position = goal;
  } else {
    h.pose.position += d * (step / distance);
  }
  return glm::length(goal - h.pose.position) < kArrived;
}

void DesktopControls::updateHand(HandSide side, const interaction::World& world) {
  Hand& h = hand(side);
  h.applied = h.pose;  // what the world last applied: held objects sit relative to it
  // The body carries its hands when it walks and turns.
  const core::Quat turn =
      core::quatFromEulerDegrees({0.0F, bodyYawDegrees_ - lastBodyYawDegrees_, 0.0F});
  h.pose.position = feet_ + turn * (h.pose.position - lastFeet_);
  h.pose.orientation = glm::normalize(turn * h.pose.orientation);

  using Task = Hand::Task;
  switch (h.task) {
    case Task::Rest: {
      h.grip = 0.0F;
      h.trigger = 0.0F;
      const core::Pose rest = restPose(side);
      moveHandTowards(h, rest.position, kReturnSpeed);
      h.pose.orientation = rest.orientation;
      break;
    }
    case Task::Reach:
    case Task::Grip:
    case Task::Press:
    case Task::Touch: updateReach(h, side, world); break;
    case Task::Carry: updateHeld(h, side, world); break;
    case Task::Drag: updateDrag(h, side, world); break;
    case Task::Place: updatePlace(h, side, world); break;
    case Task::UseTool: updateUseTool(h, side, world); break;
  }
}

void DesktopControls::updateReach(Hand& h, HandSide side, const interaction::World& world) {
  using Task = Hand::Task;
  if (!withinReach(side, h.point)) {  // walked away mid-reach
    h.task = Task::Rest;
    return;
  }
  if (h.task == Task::Reach) {
    core::Vec3 towardsEyes = eyes() - h.point;
    towardsEyes =
        glm::length(towardsEyes) > 1e-4F ? glm::normalize(towardsEyes) : core::Vec3(0, 0, 1);
    const bool arrived =
        moveHandTowards(h, h.approached ? h.point : h.point + towardsEyes * kApproach);
    h.pose.orientation = bodyRotation();
    if (!arrived) return;
    if (!h.approached) {
      h.approached = true;
      return;
    }
    arrive(h);
    return;
  }
  if (h.task == Task::Grip) {
    updateGrip(h, side, world);
    return;
  }
  if (h.task == Task::Press) {
    // The finger lets go where it pressed, so a button springs back under it.
    if (--h.ticksLeft <= 0 && !h.primaryHeld) {
      h.trigger = 0.0F;
      h.task = Task::Rest;
    }
    return;
  }
  if (!h.primaryHeld) h.task = Task::Rest;  // a touch lasts while the button is held
}

void DesktopControls::arrive(Hand& h) const {
  switch (h.then) {
    case Hand::Then::Grab:
      h.grip = 1.0F;
      h.task = Hand::Task::Grip;
      h.ticksLeft = kGripWait;
      break;
    case Hand::Then::Press:
      h.trigger = 1.0F;
      h.task = Hand::Task::Press;
      h.ticksLeft = std::max<core::Tick>(1, core::secondsToTicks(tuning_.pressSeconds));
      break;
    case Hand::Then::Touch: h.task = Hand::Task::Touch; break;
  }
}

void DesktopControls::updateGrip(Hand& h, HandSide side, const interaction::World& world) const {
  const EntityId held = world.held(side);
  if (held == kNoEntity) {
    if (--h.ticksLeft <= 0) {  // nothing came into the hand: open it again
      h.grip = 0.0F;
      h.task = Hand::Task::Rest;
    }
    return;
  }
  h.task = world.scene().at(held).lever ? Hand::Task::Drag : Hand::Task::Carry;
  h.target = held;
  h.userRotation = core::Quat(1.0F, 0.0F, 0.0F, 0.0F);
  h.carryDistance = tuning_.carryDistance;
  h.grabOrientation = h.pose.orientation;
  h.dragOffset = core::Vec3(0.0F);
  h.dialTwist = 0.0F;
  h.dragged = false;
  h.latched = !h.primaryHeld;
}

void DesktopControls::updateHeld(Hand& h, HandSide side, const interaction::World& world) {
  if (world.held(side) == kNoEntity) {  // the world let go (another hand took it)
    h.grip = 0.0F;
    h.trigger = 0.0F;
    h.task = Hand::Task::Rest;
    return;
  }
  h.grip = 1.0F;
  const core::Pose carry = carryPose(h, side, world);
  moveHandTowards(h, carry.position, kReturnSpeed);
  h.pose.orientation = carry.orientation;
}

void DesktopControls::updateDrag(Hand& h, HandSide side, const interaction::World& world) {
  const scene::Entity& lever = world.scene().at(h.target);
  if (world.held(side) != h.target) {
    h.grip = 0.0F;
    h.task = Hand::Task::Rest;
    return;
  }
  h.pose.position = h.point + h.dragOffset;
  if (lever.lever->kind == scene::Lever::Kind::Dial) {
    // Dragging to the right turns the dial clockwise as the person sees it.
    core::Vec3 axis = glm::normalize(lever.worldPose.rotate(lever.lever->axis));
    if (glm::dot(axis, eyes() - lever.worldPose.position) < 0.0F) axis = -axis;
    h.pose.orientation =
        glm::normalize(glm::angleAxis(glm::radians(-h.dialTwist), axis) * h.grabOrientation);
  }
}

void DesktopControls::updatePlace(Hand& h, HandSide side, const interaction::World& world) {
  const EntityId held = world.held(side);
  if (held == kNoEntity) {
    h.grip = 0.0F;
    h.task = Hand::Task::Rest;
    return;
  }
  const scene::Entity& socket = world.scene().at(h.target);
  const core::Vec3 snapAt = (socket.worldPose * socket.socket->snapPose).position;
  // The hand goes where the object's origin lands on the snap point, the object with it.
  const core::Vec3 goal = snapAt - (world.scene().at(held).worldPose.position - h.applied.position);
  // Like a reach, come in from in front of the socket rather than across its neighbours.
  core::Vec3 towardsEyes = eyes() - snapAt;
  towardsEyes =
      glm::length(towardsEyes) > 1e-4F ? glm::normalize(towardsEyes) : core::Vec3(0, 0, 1);
  const core::Vec3 approach = goal + towardsEyes * kApproach;
  if (!h.approached) {
    const core::Vec3 next = clearWay(h, side, approach, world);
    if (!moveHandTowards(h, next) || h.way != Hand::Way::Clear) return;
    h.approached = true;
    return;
  }
  if (!moveHandTowards(h, goal)) return;
  if (!h.approached) {
    h.approached = true;
    return;
  }
  h.grip = 0.0F;
  h.task = Hand::Task::Rest;
}

void DesktopControls::updateUseTool(Hand& h, HandSide side, const interaction::World& world) {
  const EntityId held = world.held(side);
  if (held == kNoEntity || !world.scene().at(held).tool || !withinReach(side, h.point)) {
    h.trigger = 0.0F;
    h.task = held == kNoEntity ? Hand::Task::Rest : Hand::Task::Carry;
    return;
  }
  const scene::Entity& tool = world.scene().at(held);
  const core::Vec3 tip = tool.worldPose.apply(tool.tool->tip);
  core::Vec3 towardsEyes = eyes() - h.point;
  towardsEyes =
      glm::length(towardsEyes) > 1e-4F ? glm::normalize(towardsEyes) : core::Vec3(0, 0, 1);
  const core::Vec3 spot = h.approached ? h.point : h.point + towardsEyes * kApproach;
  if (!moveHandTowards(h, spot - (tip - h.applied.position))) return;
  if (!h.approached) {
    h.approached = true;
    return;
  }
  h.trigger = 1.0F;  // the tip is on the spot: squeeze (a tool without a trigger ignores it)
}

void DesktopControls::updatePreview(const interaction::World& world) {
  preview_.reset();
  const EntityId held = world.held(active_);
  if (held == kNoEntity || activeHandState().task == Hand::Task::Drag) return;
  const scene::Scene& scene = world.scene();
  const scene::Entity& object = scene.at(held);
  if (object.lever) return;
  float best = tuning_.snapPreviewRadius;
  for (EntityId id = 0; id < scene.size(); ++id) {
    const scene::Entity& s = scene.at(id);
    if (!s.socket || s.socket->occupant != kNoEntity || !socketAccepts(*s.socket, object.id))
      continue;
    if (isWithin(scene, id, held)) continue;  // a socket on the object itself
    const core::Pose snap = s.worldPose * s.socket->snapPose;
    float d = glm::length(object.worldPose.position - snap.position);
    if (pointed_ && pointed_->withinReach)
      d = std::min(d, glm::length(pointed_->point - snap.position));
    const bool placing =
        activeHandState().task == Hand::Task::Place && activeHandState().target == id;
    if (d <= best || placing) {
      best = placing ? -1.0F : d;
      preview_ = SnapPreview{held, id, snap};
    }
  }
}

}  // namespace praxis::app
