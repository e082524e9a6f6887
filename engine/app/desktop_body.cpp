// DesktopControls' body: where the eyes are and look, walking blocked by colliders, what the
// cursor points at, and Tab cycling for people who do not use a mouse.
#include <algorithm>
#include <cmath>

#include "app/desktop_controls.h"
#include "app/desktop_scene.h"
#include "interaction/world.h"
#include "scene/raycast.h"

namespace praxis::app {

using interaction::HandSide;

namespace {

// The body is tested against colliders from knee height up, so the floor never blocks it.
constexpr float kKneeHeight = 0.3F;
constexpr float kBodySampleStep = 0.25F;
// How far the head turns before the body turns with it.
constexpr float kNeckTwist = 45.0F;

}  // namespace

float DesktopControls::eyeHeight() const {
  switch (posture_) {
    case BodyPosture::Standing: return standingEyeHeight_;
    case BodyPosture::Crouching: return std::min(tuning_.crouchEyeHeight, standingEyeHeight_);
    case BodyPosture::Kneeling:
      // Low enough to read as kneeling for any standing height (interaction/trainee_input.h).
      return std::min(tuning_.kneelEyeHeight,
                      standingEyeHeight_ * interaction::kLowPostureFraction);
  }
  return standingEyeHeight_;
}

core::Quat DesktopControls::bodyRotation() const {
  return core::quatFromEulerDegrees({0.0F, bodyYawDegrees_, 0.0F});
}

core::Quat DesktopControls::viewRotation() const {
  return glm::normalize(core::quatFromEulerDegrees({0.0F, yawDegrees_, 0.0F}) *
                        core::quatFromEulerDegrees({pitchDegrees_, 0.0F, 0.0F}));
}

void DesktopControls::followHead(bool walked) {
  const float twist = std::remainder(yawDegrees_ - bodyYawDegrees_, 360.0F);
  if (walked) {
    bodyYawDegrees_ = yawDegrees_;  // one walks where one looks
  } else if (std::abs(twist) > kNeckTwist) {
    bodyYawDegrees_ = std::remainder(yawDegrees_ - std::copysign(kNeckTwist, twist), 360.0F);
  }
}

core::Vec3 DesktopControls::eyes() const {
  return feet_ + core::Vec3(0.0F, eyeHeight(), 0.0F);
}

core::Pose DesktopControls::head() const {
  return core::Pose{eyes(), viewRotation()};
}

core::Vec3 DesktopControls::shoulder(HandSide side) const {
  return eyes() + core::Vec3(0.0F, -tuning_.shoulderDrop, 0.0F) +
         bodyRotation() * core::Vec3(sideSign(side) * tuning_.shoulderWidth, 0.0F, 0.0F);
}

bool DesktopControls::withinReach(HandSide side, const core::Vec3& point) const {
  return glm::length(point - shoulder(side)) <= tuning_.armReach + tuning_.leanReach;
}

bool DesktopControls::blocked(const scene::Scene& scene, const core::Vec3& feet) const {
  const float top = eyeHeight();
  for (const scene::Entity& e : scene.entities()) {
    if (!e.collider) continue;
    for (float h = kKneeHeight; h < top + kBodySampleStep; h += kBodySampleStep) {
      const core::Vec3 p = feet + core::Vec3(0.0F, std::min(h, top), 0.0F);
      if (scene::distanceToSurface(e, p) < tuning_.bodyRadius) return true;
    }
  }
  return false;
}

bool DesktopControls::walk(const scene::Scene& scene) {
  const auto down = [this](Key a, Key b) {
    return keysDown_[static_cast<std::size_t>(a)] || keysDown_[static_cast<std::size_t>(b)];
  };
  const float forward =
      (down(Key::W, Key::Up) ? 1.0F : 0.0F) - (down(Key::S, Key::Down) ? 1.0F : 0.0F);
  const float right =
      (down(Key::D, Key::Right) ? 1.0F : 0.0F) - (down(Key::A, Key::Left) ? 1.0F : 0.0F);
  if (forward == 0.0F && right == 0.0F) return false;
  const core::Vec3 local = glm::normalize(core::Vec3(right, 0.0F, -forward));
  const core::Vec3 move = core::quatFromEulerDegrees({0.0F, yawDegrees_, 0.0F}) * local *
                          (tuning_.walkSpeed * static_cast<float>(core::kTickSeconds));
  // A body already stuck in something may move anywhere, so it can always get out.
  const bool stuck = blocked(scene, feet_);
  // Against a wall, keep the part of the step along it: the body slides instead of stopping.
  for (const core::Vec3& step :
       {move, core::Vec3(move.x, 0.0F, 0.0F), core::Vec3(0.0F, 0.0F, move.z)}) {
    if (glm::length(step) < 1e-6F) continue;
    if (stuck || !blocked(scene, feet_ + step)) {
      feet_ += step;
      return true;
    }
  }
  return false;
}

void DesktopControls::updatePointed(const interaction::World& world) {
  const scene::Scene& scene = world.scene();
  const scene::EntityId held = world.held(active_);
  const auto visibleThing = [&](scene::EntityId id) {
    const scene::Entity& e = scene.at(id);
    if (!e.visual.visible || e.zone) return false;
    if (id == world.headEntity() || id == world.handEntity(HandSide::Left) ||
        id == world.handEntity(HandSide::Right)) {
      return false;
    }
    // What the active hand holds is in front of the eyes: look past it.
    return held == scene::kNoEntity || !isWithin(scene, id, held);
  };
  const core::Pose view = head();
  const auto hit =
      scene::raycast(scene, view.position, view.forward(), tuning_.pointRange, visibleThing);
  if (!hit) {
    pointed_.reset();
    return;
  }
  pointed_ =
      PointedObject{hit->entity, hit->point, hit->distance, withinReach(active_, hit->point)};
}

void DesktopControls::lookAt(const core::Vec3& point) {
  const core::Vec3 d = point - eyes();
  if (glm::length(d) < 1e-4F) return;
  const core::Vec3 to = glm::normalize(d);
  yawDegrees_ = glm::degrees(std::atan2(-to.x, -to.z));
  pitchDegrees_ = std::clamp(glm::degrees(std::asin(std::clamp(to.y, -1.0F, 1.0F))),
                             -tuning_.maxPitchDegrees, tuning_.maxPitchDegrees);
}

void DesktopControls::cycleSelection(const interaction::World& world, bool backwards) {
  const scene::Scene& scene = world.scene();
  if (cycle_.empty()) {
    // What is in view now, left to right as the person sees it.
    const core::Pose view = head();
    const core::Pose toView = view.inverse();
    std::vector<std::pair<float, scene::EntityId>> inView;
    const scene::EntityId heldLeft = world.held(HandSide::Left);
    const scene::EntityId heldRight = world.held(HandSide::Right);
    for (scene::EntityId id = 0; id < scene.size(); ++id) {
      const scene::Entity& e = scene.at(id);
      if (!isInteractable(e) && !e.socket) continue;
      if (id == heldLeft || id == heldRight) continue;
      if (!e.visual.visible && !e.socket) continue;
      const core::Vec3 local = toView.apply(e.worldPose.position);
      const float distance = glm::length(local);
      if (distance > tuning_.tabRange || distance < 1e-3F) continue;
      if (glm::degrees(std::acos(std::clamp(-local.z / distance, -1.0F, 1.0F))) >
          tuning_.tabViewDegrees)
        continue;
      inView.emplace_back(std::atan2(local.x, -local.z), id);
    }
    std::sort(inView.begin(), inView.end());
    for (const auto& [angle, id] : inView) cycle_.push_back(id);
    if (cycle_.empty()) {
      say(ControlMessageKind::NothingInView);
      return;
    }
    const auto here =
        pointed_ ? std::find(cycle_.begin(), cycle_.end(), pointed_->entity) : cycle_.end();
    cycleIndex_ = here == cycle_.end() ? (backwards ? 0 : cycle_.size() - 1)
                                       : static_cast<std::size_t>(here - cycle_.begin());
  }
  cycleIndex_ = backwards ? (cycleIndex_ + cycle_.size() - 1) % cycle_.size()
                          : (cycleIndex_ + 1) % cycle_.size();
  lookAt(scene.at(cycle_[cycleIndex_]).worldPose.position);
  updatePointed(world);
}

}  // namespace praxis::app
