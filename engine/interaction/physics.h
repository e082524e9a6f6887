// Rigid-body physics for released objects (Bullet), behind a small interface so the rest of
// interaction never sees Bullet types.
#pragma once

#include <memory>
#include <vector>

#include "core/math.h"
#include "scene/scene.h"

namespace praxis::interaction {

/// Bullet's discrete dynamics world, set up for determinism: a fixed step, no sub-stepping,
/// and deterministic overlapping pairs (docs/architecture.md, "Determinism": same binary +
/// same call order → same result).
class Physics {
 public:
  Physics();
  ~Physics();
  /// A new Bullet world with the same bodies in the same order, poses, velocities and
  /// activation. Bullet's contact and pair caches start empty, so a body in motion may move
  /// slightly differently than in the original (resting and held ones do not move at all).
  Physics(const Physics& other);
  Physics& operator=(const Physics&) = delete;

  /// A fixed collider (floor, table, panel body) at the entity's current world pose.
  void addStatic(scene::EntityId id, const scene::Shape& shape, const core::Pose& pose);
  /// A grabbable object. It starts asleep so resting objects cost nothing until touched.
  void addDynamic(scene::EntityId id, const scene::Shape& shape, const core::Pose& pose, float mass);

  /// Held or snapped: the body follows `pose` and pushes others, but gravity ignores it.
  void makeKinematic(scene::EntityId id, const core::Pose& pose);
  /// Released: the body falls and rests on colliders, starting at rest. A body that reaches
  /// below the face of a fixed plane it is over starts lifted onto it (ground is solid);
  /// returns the pose it starts at.
  core::Pose makeDynamic(scene::EntityId id, const core::Pose& pose);
  void setKinematicPose(scene::EntityId id, const core::Pose& pose);

  /// Advances one fixed tick and writes the poses of moving bodies into the scene.
  void step(double seconds, scene::Scene& scene);
  /// True when some dynamic body is awake (the step then has work to do).
  [[nodiscard]] bool anyAwake() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace praxis::interaction
