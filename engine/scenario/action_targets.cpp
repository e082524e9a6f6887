#include "scenario/action_targets.h"

#include <algorithm>

namespace praxis::scenario {

std::optional<core::Vec3> gripPointOf(const scene::Scene& scene, const std::string& id) {
  const scene::Entity* e = scene.findEntity(id);
  if (e == nullptr) return std::nullopt;
  if (e->grabbable && !e->grabbable->gripPoints.empty()) {
    return e->worldPose.apply(e->grabbable->gripPoints.front().position);
  }
  return e->worldPose.position;
}

core::Result<std::size_t> switchTarget(const scene::Entity& e, const Action& action) {
  const auto& states = e.toggle->states;
  const auto it = std::find(states.begin(), states.end(), action.state);
  if (it == states.end())
    return core::fail("set: '", action.object, "' has no state '", action.state, "'");
  return static_cast<std::size_t>(it - states.begin());
}

core::Result<float> leverTarget(const scene::Entity& e, const Action& action) {
  if (action.value) return *action.value;
  const auto& detents = e.lever->detents;
  const auto d = std::find_if(detents.begin(), detents.end(),
                              [&](const scene::Detent& x) { return x.name == action.state; });
  if (d == detents.end())
    return core::fail("set: '", action.object, "' has no detent '", action.state, "'");
  return d->value;
}

}  // namespace praxis::scenario
