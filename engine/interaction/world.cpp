#include "interaction/world.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace praxis::interaction {
namespace {

using scene::EntityId;
using scene::kNoEntity;

constexpr std::array<HandSide, 2> kSides{HandSide::Left, HandSide::Right};

scene::Entity bodyPart(const char* id, float diameter) {
  scene::Entity e;
  e.id = id;
  e.visual.shape = {scene::ShapeKind::Sphere, core::Vec3(diameter)};
  e.visual.colour = {0.95F, 0.8F, 0.65F, 1.0F};
  return e;
}

}  // namespace

World::World(scene::Scene scene, InteractionTuning tuning)
    : scene_(std::move(scene)), tuning_(tuning) {
  const std::size_t scenarioEntities = scene_.size();
  head_ = scene_.add(bodyPart(kHeadId, 0.2F));
  scene_.at(head_).visual.visible = false;  // the camera is the head
  hands_[0].entity = scene_.add(bodyPart(kLeftHandId, 0.08F));
  hands_[1].entity = scene_.add(bodyPart(kRightHandId, 0.08F));
  scene_.updateWorldPoses();

  for (EntityId id = 0; id < scenarioEntities; ++id) {
    scene::Entity& e = scene_.at(id);
    if (e.grabbable) {
      grabbables_.push_back(id);
      physics_.addDynamic(id, e.visual.shape, e.worldPose, e.grabbable->mass);
    } else if (e.collider) {
      physics_.addStatic(id, e.visual.shape, e.worldPose);
    }
    if (e.socket) sockets_.push_back(id);
    if (e.toggle || e.button) pressables_.push_back(id);
    if (e.lever) levers_.push_back(id);
    if (e.tool) tools_.push_back(id);
    if (e.touchTarget) targets_.push_back(id);
    if (e.zone) zones_.push_back(id);
  }
  // What zones watch: things that move (grabbables, tools) and the trainee's body.
  for (EntityId id : grabbables_) zoneSubjects_.push_back(id);
  for (EntityId id : tools_) {
    if (!scene_.at(id).grabbable) zoneSubjects_.push_back(id);
  }
  zoneSubjects_.push_back(head_);
  zoneSubjects_.push_back(hands_[0].entity);
  zoneSubjects_.push_back(hands_[1].entity);
  std::sort(zoneSubjects_.begin(), zoneSubjects_.end());
  zoneMembers_.resize(zones_.size());

  // Objects that start in a socket (placed at its snap pose) count as snapped.
  for (EntityId s : sockets_) {
    scene::Entity& socketEntity = scene_.at(s);
    const core::Vec3 snapAt = (socketEntity.worldPose * socketEntity.socket->snapPose).position;
    for (EntityId g : grabbables_) {
      if (glm::length(scene_.at(g).worldPose.position - snapAt) < 1e-3F) {
        socketEntity.socket->occupant = g;
        physics_.makeKinematic(g, scene_.at(g).worldPose);
        break;
      }
    }
  }
}

World::~World() = default;

void World::step(core::Tick tick, const TraineeInput& input, std::vector<WorldEvent>& events) {
  scene_.setWorldPose(head_, input.head);
  for (HandSide side : kSides) updateHand(tick, side, input.hand(side), events);
  updateSnapped();
  updateTools(tick, events);
  updateZones(tick, events);
  physics_.step(core::kTickSeconds, scene_);
}

void World::updateHand(core::Tick tick, HandSide side, const HandInput& input,
                       std::vector<WorldEvent>& out) {
  HandState& hand = hands_[static_cast<std::size_t>(side)];
  scene_.setWorldPose(hand.entity, input.pose);
  if (!input.tracked) return;  // a lost hand keeps its state until it is seen again

  const bool wasClosed = hand.closed;
  hand.closed = wasClosed ? input.grip > tuning_.gripOpen : input.grip >= tuning_.gripClose;
  const bool wasTriggered = hand.triggered;
  hand.triggered = wasTriggered ? input.trigger > tuning_.triggerOff
                                : input.trigger >= tuning_.triggerOn;

  if (hand.closed && !wasClosed) grab(tick, side, out);
  if (!hand.closed && wasClosed) release(tick, side, out);
  if (hand.held != kNoEntity) moveHeld(tick, side, out);

  if (hand.triggered && !wasTriggered && hand.held == kNoEntity) press(tick, side, out);
  if (!hand.triggered && wasTriggered) {
    // Momentary buttons spring back when the finger lets go.
    for (EntityId id : pressables_) {
      scene::Entity& e = scene_.at(id);
      if (e.button && e.button->pressed && distanceTo(id, input.pose.position) <= tuning_.grabRadius) {
        e.button->pressed = false;
        out.push_back({tick, EventKind::StateChanged, id, kNoEntity, side, "released"});
      }
    }
  }
  updateHandTouches(tick, side, out);
}

void World::grab(core::Tick tick, HandSide side, std::vector<WorldEvent>& out) {
  HandState& hand = hands_[static_cast<std::size_t>(side)];
  const core::Pose& handPose = scene_.at(hand.entity).worldPose;
  EntityId best = kNoEntity;
  float bestDistance = tuning_.grabRadius;
  const auto consider = [&](EntityId id) {
    if (heldByOtherHand(side, id) || !scene_.at(id).enabled) return;
    const float d = distanceTo(id, handPose.position);
    if (d <= bestDistance) {  // ties keep the lower id: deterministic
      if (best == kNoEntity || d < bestDistance) best = id;
      bestDistance = d;
    }
  };
  for (EntityId id : grabbables_) consider(id);
  for (EntityId id : levers_) consider(id);
  if (best == kNoEntity) return;

  scene::Entity& e = scene_.at(best);
  hand.held = best;
  if (e.lever) {
    hand.holdingLever = true;
    hand.grabHandPose = handPose;
    hand.grabLeverValue = e.lever->value;
    out.push_back({tick, EventKind::Grabbed, best, kNoEntity, side, ""});
    return;
  }
  hand.holdingLever = false;
  if (e.parent != kNoEntity) scene_.detach(best);
  hand.heldOffset = handPose.inverse() * e.worldPose;
  physics_.makeKinematic(best, e.worldPose);
  out.push_back({tick, EventKind::Grabbed, best, kNoEntity, side, ""});
  for (EntityId s : sockets_) {
    scene::Socket& socket = *scene_.at(s).socket;
    if (socket.occupant == best) {
      socket.occupant = kNoEntity;
      out.push_back({tick, EventKind::Unsnapped, best, s, side, ""});
      out.push_back({tick, EventKind::StateChanged, s, kNoEntity, side, "empty"});
    }
  }
}

void World::release(core::Tick tick, HandSide side, std::vector<WorldEvent>& out) {
  HandState& hand = hands_[static_cast<std::size_t>(side)];
  const EntityId id = hand.held;
  if (id == kNoEntity) return;
  hand.held = kNoEntity;
  out.push_back({tick, EventKind::Released, id, kNoEntity, side, ""});
  scene::Entity& e = scene_.at(id);

  if (hand.holdingLever) {
    hand.holdingLever = false;
    // A lever let go near a detent settles into it, as a real detent would pull it.
    scene::Lever& lever = *e.lever;
    const float reach = tuning_.detentSnapFraction * std::abs(lever.maximum - lever.minimum);
    const scene::Detent* nearest = nullptr;
    for (const auto& d : lever.detents) {
      if (std::abs(d.value - lever.value) <= reach &&
          (nearest == nullptr || std::abs(d.value - lever.value) < std::abs(nearest->value - lever.value))) {
        nearest = &d;
      }
    }
    if (nearest != nullptr) setLeverValue(tick, id, nearest->value, out);
    return;
  }

  for (EntityId s : sockets_) {
    scene::Entity& socketEntity = scene_.at(s);
    scene::Socket& socket = *socketEntity.socket;
    if (socket.occupant != kNoEntity) continue;
    if (!socket.accepts.empty() &&
        std::find(socket.accepts.begin(), socket.accepts.end(), e.id) == socket.accepts.end()) {
      continue;
    }
    const core::Pose snapPose = socketEntity.worldPose * socket.snapPose;
    if (glm::length(e.worldPose.position - snapPose.position) > socket.tolerance) continue;
    socket.occupant = id;
    scene_.setWorldPose(id, snapPose);
    physics_.makeKinematic(id, snapPose);
    out.push_back({tick, EventKind::Snapped, id, s, side, ""});
    out.push_back({tick, EventKind::StateChanged, s, kNoEntity, side, "occupied"});
    return;
  }
  // Pushed into the floor while held, it is let go of standing on it (Physics::makeDynamic).
  scene_.setWorldPose(id, physics_.makeDynamic(id, e.worldPose));
}

void World::moveHeld(core::Tick tick, HandSide side, std::vector<WorldEvent>& out) {
  HandState& hand = hands_[static_cast<std::size_t>(side)];
  const core::Pose& handPose = scene_.at(hand.entity).worldPose;
  scene::Entity& e = scene_.at(hand.held);
  if (!hand.holdingLever) {
    const core::Pose pose = handPose * hand.heldOffset;
    scene_.setWorldPose(hand.held, pose);
    physics_.setKinematicPose(hand.held, pose);
    return;
  }
  const scene::Lever& lever = *e.lever;
  const core::Vec3 axis = glm::normalize(e.worldPose.rotate(lever.axis));
  float travelled = 0.0F;
  if (lever.kind == scene::Lever::Kind::Lever) {
    travelled = glm::dot(handPose.position - hand.grabHandPose.position, axis);
  } else {
    // Twist of the hand about the dial's axis since the grab, in degrees.
    const core::Quat delta = handPose.orientation * glm::conjugate(hand.grabHandPose.orientation);
    const core::Vec3 v(delta.x, delta.y, delta.z);
    const float along = glm::dot(v, axis);
    travelled = glm::degrees(2.0F * std::atan2(along, delta.w));
  }
  const float range = lever.maximum - lever.minimum;
  const float value = hand.grabLeverValue + travelled / lever.travel * range;
  setLeverValue(tick, hand.held, std::clamp(value, std::min(lever.minimum, lever.maximum),
                                           std::max(lever.minimum, lever.maximum)), out);
}

void World::setLeverValue(core::Tick tick, EntityId id, float value, std::vector<WorldEvent>& out) {
  scene::Entity& e = scene_.at(id);
  const std::string before = e.stateName();
  e.lever->value = value;
  const std::string after = e.stateName();
  if (after != before) out.push_back({tick, EventKind::StateChanged, id, kNoEntity, HandSide::Right, after});
}

void World::press(core::Tick tick, HandSide side, std::vector<WorldEvent>& out) {
  const core::Vec3 tip = scene_.at(hands_[static_cast<std::size_t>(side)].entity).worldPose.position;
  EntityId best = kNoEntity;
  float bestDistance = tuning_.touchRadius;
  for (EntityId id : pressables_) {
    if (!scene_.at(id).enabled) continue;  // a disabled control does not move
    const float d = distanceTo(id, tip);
    if (d <= bestDistance && (best == kNoEntity || d < bestDistance)) {
      best = id;
      bestDistance = d;
    }
  }
  if (best == kNoEntity) return;
  scene::Entity& e = scene_.at(best);
  if (e.toggle && !e.toggle->states.empty()) {
    e.toggle->current = (e.toggle->current + 1) % e.toggle->states.size();
    out.push_back({tick, EventKind::StateChanged, best, kNoEntity, side, e.toggle->state()});
  } else if (e.button && !e.button->pressed) {
    e.button->pressed = true;
    out.push_back({tick, EventKind::StateChanged, best, kNoEntity, side, "pressed"});
  }
}

void World::updateHandTouches(core::Tick tick, HandSide side, std::vector<WorldEvent>& out) {
  HandState& hand = hands_[static_cast<std::size_t>(side)];
  const core::Vec3 tip = scene_.at(hand.entity).worldPose.position;
  std::vector<EntityId> now;
  for (EntityId id : targets_) {
    if (distanceTo(id, tip) <= tuning_.touchRadius) now.push_back(id);
  }
  for (EntityId id : now) {
    if (!std::binary_search(hand.touching.begin(), hand.touching.end(), id)) {
      out.push_back({tick, EventKind::Touched, id, kNoEntity, side, ""});
    }
  }
  for (EntityId id : hand.touching) {
    if (!std::binary_search(now.begin(), now.end(), id)) {
      out.push_back({tick, EventKind::Untouched, id, kNoEntity, side, ""});
    }
  }
  hand.touching = std::move(now);
}

void World::updateTools(core::Tick tick, std::vector<WorldEvent>& out) {
  std::vector<ToolContact> now;
  for (HandSide side : kSides) {
    const HandState& hand = hands_[static_cast<std::size_t>(side)];
    if (hand.held == kNoEntity || hand.holdingLever) continue;
    const scene::Entity& e = scene_.at(hand.held);
    if (!e.tool) continue;
    if (e.tool->needsTrigger && !hand.triggered) continue;
    const core::Vec3 tip = e.worldPose.apply(e.tool->tip);
    if (e.tool->range > 0.0F) {
      const EntityId aimed = aimedTarget(tip, glm::normalize(e.worldPose.rotate(e.tool->direction)),
                                         e.tool->range);
      if (aimed != kNoEntity) now.push_back({hand.held, aimed});
    } else {
      for (EntityId id : targets_) {
        if (distanceTo(id, tip) <= tuning_.touchRadius) now.push_back({hand.held, id});
      }
    }
  }
  const auto less = [](const ToolContact& a, const ToolContact& b) {
    return a.tool != b.tool ? a.tool < b.tool : a.target < b.target;
  };
  std::sort(now.begin(), now.end(), less);
  for (const ToolContact& c : now) {
    if (!std::binary_search(toolContacts_.begin(), toolContacts_.end(), c, less)) {
      out.push_back({tick, EventKind::Touched, c.target, c.tool, HandSide::Right, ""});
      out.push_back({tick, EventKind::ToolStarted, c.tool, c.target, HandSide::Right, ""});
    }
  }
  for (const ToolContact& c : toolContacts_) {
    if (!std::binary_search(now.begin(), now.end(), c, less)) {
      out.push_back({tick, EventKind::ToolStopped, c.tool, c.target, HandSide::Right, ""});
      out.push_back({tick, EventKind::Untouched, c.target, c.tool, HandSide::Right, ""});
    }
  }
  toolContacts_ = std::move(now);
}

std::vector<std::size_t> World::movedZoneSubjects() {
  constexpr float kUnset = std::numeric_limits<float>::quiet_NaN();  // never equal: all moved
  if (zoneSubjectPos_.size() != zoneSubjects_.size()) {
    zoneSubjectPos_.assign(zoneSubjects_.size(), core::Vec3(kUnset));
    zonePositions_.assign(zones_.size(), core::Vec3(kUnset));
    zoneOrientations_.assign(zones_.size(), core::Quat(kUnset, kUnset, kUnset, kUnset));
  }
  std::vector<std::size_t> moved;
  for (std::size_t i = 0; i < zoneSubjects_.size(); ++i) {
    const core::Vec3& p = scene_.at(zoneSubjects_[i]).worldPose.position;
    if (p != zoneSubjectPos_[i]) {
      moved.push_back(i);
      zoneSubjectPos_[i] = p;
    }
  }
  return moved;
}

void World::updateZones(core::Tick tick, std::vector<WorldEvent>& out) {
  // Only a subject that moved can enter or leave a zone that did not: resting objects cost
  // a position compare per tick, not a test against every zone.
  const std::vector<std::size_t> moved = movedZoneSubjects();
  for (std::size_t z = 0; z < zones_.size(); ++z) {
    const scene::Entity& zone = scene_.at(zones_[z]);
    const bool zoneMoved = zone.worldPose.position != zonePositions_[z] ||
                           zone.worldPose.orientation != zoneOrientations_[z];
    zonePositions_[z] = zone.worldPose.position;
    zoneOrientations_[z] = zone.worldPose.orientation;
    if (!zoneMoved && moved.empty()) continue;
    const core::Pose toLocal = zone.worldPose.inverse();
    const auto inside = [&](EntityId id) {
      const core::Vec3 p = toLocal.apply(scene_.at(id).worldPose.position);
      return glm::all(glm::lessThanEqual(glm::abs(p), zone.zone->halfExtents));
    };
    std::vector<EntityId>& before = zoneMembers_[z];
    std::vector<EntityId> now;
    if (zoneMoved) {
      for (EntityId id : zoneSubjects_) {
        if (inside(id)) now.push_back(id);
      }
    } else {
      now = before;
      for (const std::size_t i : moved) {
        const EntityId id = zoneSubjects_[i];
        const auto at = std::lower_bound(now.begin(), now.end(), id);
        const bool was = at != now.end() && *at == id;
        const bool is = inside(id);
        if (is && !was) now.insert(at, id);
        if (!is && was) now.erase(at);
      }
    }
    for (EntityId id : now) {
      if (!std::binary_search(before.begin(), before.end(), id)) {
        out.push_back({tick, EventKind::ZoneEntered, id, zones_[z], HandSide::Right, ""});
      }
    }
    for (EntityId id : before) {
      if (!std::binary_search(now.begin(), now.end(), id)) {
        out.push_back({tick, EventKind::ZoneLeft, id, zones_[z], HandSide::Right, ""});
      }
    }
    before = std::move(now);
  }
}

void World::updateSnapped() {
  // A socket on something carried (a pin in an extinguisher) takes its occupant along.
  for (EntityId s : sockets_) {
    const scene::Entity& socketEntity = scene_.at(s);
    const EntityId occupant = socketEntity.socket->occupant;
    if (occupant == kNoEntity) continue;
    const core::Pose pose = socketEntity.worldPose * socketEntity.socket->snapPose;
    if (pose == scene_.at(occupant).worldPose) continue;
    scene_.setWorldPose(occupant, pose);
    physics_.setKinematicPose(occupant, pose);
  }
}

float World::distanceTo(EntityId id, const core::Vec3& worldPoint) const {
  const scene::Entity& e = scene_.at(id);
  return e.visual.shape.signedDistance(e.worldPose.inverse().apply(worldPoint));
}

EntityId World::aimedTarget(const core::Vec3& origin, const core::Vec3& direction, float range) const {
  // Sphere tracing against the targets' distance fields: exact enough for aiming, and needs
  // no physics query (targets are often not colliders).
  float travelled = 0.0F;
  for (int i = 0; i < 64 && travelled <= range; ++i) {
    const core::Vec3 p = origin + direction * travelled;
    float nearest = std::numeric_limits<float>::max();
    EntityId nearestId = kNoEntity;
    for (EntityId id : targets_) {
      const float d = distanceTo(id, p);
      if (d < nearest) {
        nearest = d;
        nearestId = id;
      }
    }
    if (nearestId == kNoEntity) return kNoEntity;
    if (nearest <= tuning_.touchRadius) return nearestId;
    travelled += nearest;
  }
  return kNoEntity;
}

bool World::heldByOtherHand(HandSide side, EntityId id) const {
  const HandState& other = hands_[side == HandSide::Left ? 1 : 0];
  return other.held == id;
}

}  // namespace praxis::interaction
