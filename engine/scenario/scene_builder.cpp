#include "scenario/scene_builder.h"

namespace praxis::scenario {
namespace {

/// A person is drawn as a body and a head; the entity sits at chest height, so looking at it
/// and speaking to it aim where a person's attention is.
scene::Entity personEntity(const PersonDef& p) {
  constexpr float kChest = 1.0F;
  scene::Entity e;
  e.id = p.id;
  e.localPose = {p.pose.position + core::Vec3(0.0F, kChest, 0.0F), p.pose.orientation};
  e.visual.shape = {scene::ShapeKind::Capsule, {0.4F, 1.1F, 0.4F}};
  e.visual.colour = p.colour;
  scene::Part head;
  head.shape = {scene::ShapeKind::Sphere, core::Vec3(0.24F)};
  head.pose.position = {0.0F, 0.72F, 0.0F};
  head.colour = {0.87F, 0.72F, 0.6F, 1.0F};
  e.visual.parts.push_back(head);
  return e;
}

}  // namespace

scene::Scene buildScene(const ScenarioDef& def) {
  scene::Scene scene;
  for (const ObjectDef& o : def.objects) {
    scene::Entity e;
    e.id = o.id;
    if (!o.parent.empty()) e.parent = scene.find(o.parent).value_or(scene::kNoEntity);
    e.localPose = o.pose;
    e.visual = o.visual;
    e.collider = o.collider;
    e.grabbable = o.grabbable;
    e.socket = o.socket;
    e.toggle = o.toggle;
    e.button = o.button;
    e.lever = o.lever;
    e.tool = o.tool;
    e.touchTarget = o.touchTarget;
    e.zone = o.zone;
    if (o.display) e.display = scene::Display{o.display->pose, o.display->width, o.display->height, ""};
    // The initial state's name is there from the first tick; its on_enter actions follow.
    if (o.behaviour && !o.behaviour->states.empty()) {
      e.deviceState = o.behaviour->initial.empty() ? o.behaviour->states.front().name : o.behaviour->initial;
    }
    scene.add(std::move(e));
  }
  for (const PersonDef& p : def.people) scene.add(personEntity(p));
  scene.updateWorldPoses();
  return scene;
}

}  // namespace praxis::scenario
