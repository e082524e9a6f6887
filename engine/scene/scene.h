// The scene: entities with a pose, a look, and the components that make them interactive.
// Plain data; the interaction module changes it, the renderer reads it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/math.h"
#include "scene/shape.h"

namespace praxis::scene {

using EntityId = std::uint32_t;
inline constexpr EntityId kNoEntity = 0xFFFFFFFFU;

using Colour = glm::vec4;  // linear RGBA

/// A visual-only primitive in the entity's frame, for recognisable objects made of parts
/// (a panel's door, a tester's probes, an extinguisher's hose).
struct Part {
  Shape shape;
  core::Pose pose;
  Colour colour{0.8F, 0.8F, 0.8F, 1.0F};
};

/// How an entity looks: a primitive (also its collider) or an imported model, plus parts.
struct Visual {
  Shape shape;
  Colour colour{0.8F, 0.8F, 0.8F, 1.0F};
  std::string model;  // asset path relative to the scenario folder; empty: draw `shape`
  std::vector<Part> parts;
  bool visible = true;
};

struct Grabbable {
  float mass = 1.0F;                    // kg, used when released into physics
  std::vector<core::Pose> gripPoints;   // local; empty: grab anywhere, keep the hand offset
};

/// A snap zone: releases an accepted object near `snapPose` and it snaps there.
struct Socket {
  std::vector<std::string> accepts;     // entity ids; empty accepts any grabbable
  core::Pose snapPose;                  // local to the socket's entity
  float tolerance = 0.05F;              // metres between object origin and snap position
  EntityId occupant = kNoEntity;
};

/// A switch with named states (a breaker: off/on), advanced by a press.
struct Switch {
  std::vector<std::string> states;
  std::size_t current = 0;
  [[nodiscard]] const std::string& state() const { return states.at(current); }
};

/// A momentary push button.
struct Button {
  bool pressed = false;
};

struct Detent {
  std::string name;
  float value = 0.0F;
};

/// A lever (moves along a local axis) or a dial (turns about a local axis), grabbed and moved.
struct Lever {
  enum class Kind { Lever, Dial } kind = Kind::Lever;
  float minimum = 0.0F;
  float maximum = 1.0F;
  float value = 0.0F;
  core::Vec3 axis{0.0F, 1.0F, 0.0F};    // local
  float travel = 0.2F;                  // metres (lever) or degrees (dial) for the full range
  std::vector<Detent> detents;
  /// The detent within snapping distance of `value`, if any.
  [[nodiscard]] const Detent* detentAt(float v) const;
};

/// A tool with a working tip. Contact tools (range 0) act where the tip touches; ranged tools
/// (an extinguisher) act on what the tip points at, within `range`.
struct Tool {
  core::Vec3 tip{0.0F};                              // local
  core::Vec3 direction{0.0F, 0.0F, -1.0F};           // local, ranged tools
  float range = 0.0F;
  bool needsTrigger = false;  // acts only while the trigger is squeezed
};

/// Something a hand or a tool tip can touch (a conductor, a fire base).
struct TouchTarget {};

/// A box-shaped volume that reports entities (and the trainee's head) entering and leaving.
struct Zone {
  core::Vec3 halfExtents{0.5F};
};

/// A face that shows text (a device's screen), in the entity's frame, facing its +Z.
struct Display {
  core::Pose pose;
  float width = 0.2F;
  float height = 0.06F;
  std::string text;  // in the trainee's language, set by the scenario's `display` actions
};

struct Entity {
  std::string id;
  EntityId parent = kNoEntity;
  core::Pose localPose;   // relative to parent, or world when there is none
  core::Pose worldPose;   // kept up to date by Scene::updateWorldPoses()
  Visual visual;
  bool collider = false;  // static collider (floor, table, panel body)
  std::optional<Grabbable> grabbable;
  std::optional<Socket> socket;
  std::optional<Switch> toggle;
  std::optional<Button> button;
  std::optional<Lever> lever;
  std::optional<Tool> tool;
  std::optional<TouchTarget> touchTarget;
  std::optional<Zone> zone;
  std::optional<Display> display;
  std::string deviceState;  // a behaviour's state (scenario format 2); "" for none
  bool enabled = true;      // a disabled button, switch or lever cannot be operated

  /// The current discrete state name ("on", "pressed", a lever detent), or "" when none.
  [[nodiscard]] std::string stateName() const;
};

/// All entities of one world. Ids are indices and stay valid for the scene's lifetime.
class Scene {
 public:
  EntityId add(Entity entity);
  [[nodiscard]] std::size_t size() const { return entities_.size(); }
  [[nodiscard]] Entity& at(EntityId id) { return entities_.at(id); }
  [[nodiscard]] const Entity& at(EntityId id) const { return entities_.at(id); }
  [[nodiscard]] const std::vector<Entity>& entities() const { return entities_; }
  [[nodiscard]] std::optional<EntityId> find(const std::string& id) const;
  /// The entity with this id, or null.
  [[nodiscard]] const Entity* findEntity(const std::string& id) const;
  /// Where the entity with this id is in the world, if there is one.
  [[nodiscard]] std::optional<core::Vec3> worldPosition(const std::string& id) const;

  /// Recomputes every world pose from local poses, parents before children.
  void updateWorldPoses();
  /// Sets an entity's world pose (by adjusting its local pose) and updates its children.
  void setWorldPose(EntityId id, const core::Pose& world);
  /// Detaches an entity from its parent, keeping its world pose.
  void detach(EntityId id);

 private:
  void updateSubtree(EntityId id);

  std::vector<Entity> entities_;
  std::vector<std::vector<EntityId>> children_;  // per entity, its direct children
  std::unordered_map<std::string, EntityId> byName_;
};

}  // namespace praxis::scene
