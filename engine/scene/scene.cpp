#include "scene/scene.h"

#include <cassert>
#include <cmath>

namespace praxis::scene {

const Detent* Lever::detentAt(float v) const {
  // Within 2 % of the range counts as "at" a detent; detents hold the lever there.
  const float snap = 0.02F * std::abs(maximum - minimum);
  for (const auto& d : detents) {
    if (std::abs(d.value - v) <= snap) return &d;
  }
  return nullptr;
}

std::string Entity::stateName() const {
  if (!deviceState.empty()) return deviceState;
  if (toggle && !toggle->states.empty()) return toggle->state();
  if (button) return button->pressed ? "pressed" : "released";
  if (lever) {
    if (const Detent* d = lever->detentAt(lever->value)) return d->name;
  }
  if (socket) return socket->occupant == kNoEntity ? "empty" : "occupied";
  return "";
}

EntityId Scene::add(Entity entity) {
  const auto id = static_cast<EntityId>(entities_.size());
  assert(!byName_.contains(entity.id) && "entity ids are unique (the validator checks this)");
  assert((entity.parent == kNoEntity || entity.parent < id) && "parents are added first");
  byName_.emplace(entity.id, id);
  children_.emplace_back();
  if (entity.parent != kNoEntity) children_[entity.parent].push_back(id);
  entities_.push_back(std::move(entity));
  return id;
}

std::optional<EntityId> Scene::find(const std::string& id) const {
  if (auto it = byName_.find(id); it != byName_.end()) return it->second;
  return std::nullopt;
}

const Entity* Scene::findEntity(const std::string& id) const {
  const auto found = find(id);
  return found ? &entities_[*found] : nullptr;
}

std::optional<core::Vec3> Scene::worldPosition(const std::string& id) const {
  const Entity* e = findEntity(id);
  if (e == nullptr) return std::nullopt;
  return e->worldPose.position;
}

void Scene::updateWorldPoses() {
  // Parents always have smaller ids (see add), so one forward pass is enough.
  for (auto& e : entities_) {
    e.worldPose = e.parent == kNoEntity ? e.localPose : entities_[e.parent].worldPose * e.localPose;
  }
}

void Scene::setWorldPose(EntityId id, const core::Pose& world) {
  Entity& e = entities_.at(id);
  e.localPose = e.parent == kNoEntity ? world : entities_[e.parent].worldPose.inverse() * world;
  updateSubtree(id);
}

void Scene::detach(EntityId id) {
  Entity& e = entities_.at(id);
  if (e.parent != kNoEntity) std::erase(children_[e.parent], id);
  e.localPose = e.worldPose;
  e.parent = kNoEntity;
}

void Scene::updateSubtree(EntityId id) {
  Entity& root = entities_[id];
  root.worldPose =
      root.parent == kNoEntity ? root.localPose : entities_[root.parent].worldPose * root.localPose;
  // Only the subtree: a moving hand or a falling object costs its own children, not a walk
  // over the whole scene (which made each tick's cost grow with the scene's size).
  std::vector<EntityId> stack(children_[id].begin(), children_[id].end());
  while (!stack.empty()) {
    const EntityId child = stack.back();
    stack.pop_back();
    Entity& e = entities_[child];
    e.worldPose = entities_[e.parent].worldPose * e.localPose;
    stack.insert(stack.end(), children_[child].begin(), children_[child].end());
  }
}

}  // namespace praxis::scene
