// Scene entities for unit tests that build small worlds by hand.
#pragma once

#include "scene/scene.h"

namespace praxis::testsupport {

/// A box entity `size` big, its origin at `pos` (world, or local to a parent set later).
inline scene::Entity box(const char* id, core::Vec3 pos, core::Vec3 size) {
  scene::Entity e;
  e.id = id;
  e.localPose.position = pos;
  e.visual.shape = scene::Shape{scene::ShapeKind::Box, size};
  return e;
}

}  // namespace praxis::testsupport
