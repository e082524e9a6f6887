// Small questions the desktop controls (and their autopilot) ask about the scene and the body.
#pragma once

#include <algorithm>
#include <string>

#include "interaction/trainee_input.h"
#include "scene/scene.h"

namespace praxis::app {

/// Something a hand acts on: taken, pressed, turned, touched or used.
[[nodiscard]] inline bool isInteractable(const scene::Entity& e) {
  return e.grabbable || e.lever || e.toggle || e.button || e.touchTarget || e.tool;
}

/// True when `id` is `root` or hangs below it (the pin of a held extinguisher).
[[nodiscard]] inline bool isWithin(const scene::Scene& scene, scene::EntityId id,
                                   scene::EntityId root) {
  for (scene::EntityId at = id; at != scene::kNoEntity; at = scene.at(at).parent) {
    if (at == root) return true;
  }
  return false;
}

/// -1 for the left hand, +1 for the right: which side of the body a hand's offsets go to.
[[nodiscard]] inline float sideSign(interaction::HandSide side) {
  return side == interaction::HandSide::Left ? -1.0F : 1.0F;
}

[[nodiscard]] inline bool socketAccepts(const scene::Socket& socket, const std::string& id) {
  return socket.accepts.empty() ||
         std::find(socket.accepts.begin(), socket.accepts.end(), id) != socket.accepts.end();
}

}  // namespace praxis::app
