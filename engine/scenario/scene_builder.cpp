#include "scenario/scene_builder.h"

namespace praxis::scenario {

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
  scene.updateWorldPoses();
  return scene;
}

}  // namespace praxis::scenario
