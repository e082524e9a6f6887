// Scene poses: setting an entity's world pose moves its whole subtree and nothing else, by
// walking only that subtree (a tick's cost must not grow with the size of the scene).
#include <gtest/gtest.h>

#include "scene/scene.h"

namespace praxis::scene {
namespace {

Entity at(const std::string& id, EntityId parent, core::Vec3 local) {
  Entity e;
  e.id = id;
  e.parent = parent;
  e.localPose.position = local;
  return e;
}

TEST(ScenePoses, MovingAnEntityMovesItsSubtreeOnly) {
  Scene scene;
  const EntityId cart = scene.add(at("cart", kNoEntity, {1, 0, 0}));
  const EntityId other = scene.add(at("other", kNoEntity, {5, 0, 0}));
  const EntityId box = scene.add(at("box", cart, {0, 1, 0}));
  const EntityId lid = scene.add(at("lid", box, {0, 0.5F, 0}));
  const EntityId loose = scene.add(at("loose", cart, {0, 0, 2}));
  scene.updateWorldPoses();
  scene.detach(loose);

  core::Pose moved;
  moved.position = {10, 0, 0};
  scene.setWorldPose(cart, moved);
  EXPECT_EQ(scene.at(box).worldPose.position, core::Vec3(10, 1, 0));
  EXPECT_EQ(scene.at(lid).worldPose.position, core::Vec3(10, 1.5F, 0)) << "grandchildren follow";
  EXPECT_EQ(scene.at(loose).worldPose.position, core::Vec3(1, 0, 2)) << "a detached child stays";
  EXPECT_EQ(scene.at(other).worldPose.position, core::Vec3(5, 0, 0));

  moved.position = {0, 3, 0};
  scene.setWorldPose(box, moved);
  EXPECT_EQ(scene.at(lid).worldPose.position, core::Vec3(0, 3.5F, 0));
  EXPECT_EQ(scene.at(cart).worldPose.position, core::Vec3(10, 0, 0)) << "the parent stays";
}

}  // namespace
}  // namespace praxis::scene
