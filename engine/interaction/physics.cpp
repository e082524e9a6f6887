#include "interaction/physics.h"

#include <btBulletDynamicsCommon.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <unordered_map>

namespace praxis::interaction {
namespace {

btVector3 toBt(const core::Vec3& v) { return {v.x, v.y, v.z}; }
btQuaternion toBt(const core::Quat& q) { return {q.x, q.y, q.z, q.w}; }
btTransform toBt(const core::Pose& p) { return btTransform(toBt(p.orientation), toBt(p.position)); }
core::Pose fromBt(const btTransform& t) {
  const btVector3& o = t.getOrigin();
  const btQuaternion q = t.getRotation();
  return {{static_cast<float>(o.x()), static_cast<float>(o.y()), static_cast<float>(o.z())},
          core::Quat(static_cast<float>(q.w()), static_cast<float>(q.x()),
                     static_cast<float>(q.y()), static_cast<float>(q.z()))};
}

// A fixed plane is the top of solid ground, not a 1 cm sheet: a released object falls about
// 5 cm a tick from bench height, and one discrete step would carry it through a sheet that
// thin (it then falls for ever, out of every hand's reach). The slab hangs below the surface.
constexpr float kGroundDepth = 0.25F;
// Bullet's rolling (and spinning) friction coefficient of every body; see Impl::add.
constexpr float kRollingFriction = 0.02F;

/// The ground under a fixed plane: a slab whose top face is the plane's top face.
class Ground : public btCompoundShape {
 public:
  explicit Ground(const core::Vec3& half)
      : btCompoundShape(false, 1), slab_(btVector3(half.x, kGroundDepth * 0.5F, half.z)) {
    addChildShape(btTransform(btQuaternion::getIdentity(), btVector3(0, half.y - kGroundDepth * 0.5F, 0)),
                  &slab_);
  }
  Ground(const Ground&) = delete;
  Ground& operator=(const Ground&) = delete;
  ~Ground() override = default;

 private:
  btBoxShape slab_;  // the compound refers to it and does not own it
};

std::unique_ptr<btCollisionShape> makeShape(const scene::Shape& shape, bool fixed) {
  const core::Vec3 h = shape.halfExtents();
  if (fixed && shape.kind == scene::ShapeKind::Plane) return std::make_unique<Ground>(h);
  switch (shape.kind) {
    case scene::ShapeKind::Box:
    case scene::ShapeKind::Plane: return std::make_unique<btBoxShape>(toBt(h));
    case scene::ShapeKind::Sphere: return std::make_unique<btSphereShape>(h.x);
    case scene::ShapeKind::Cylinder: return std::make_unique<btCylinderShape>(toBt(h));
    case scene::ShapeKind::Capsule: {
      const float radius = h.x;
      return std::make_unique<btCapsuleShape>(radius, std::max(shape.size.y - 2.0F * radius, 0.0F));
    }
  }
  return std::make_unique<btBoxShape>(toBt(h));
}

struct Body {
  scene::Shape source;  // what the shape was made from (to rebuild it in a copy)
  bool ground = false;  // a fixed plane: solid ground below its top face (Ground)
  // Declaration order is destruction order: the body refers to shape and motion state.
  std::unique_ptr<btCollisionShape> shape;
  std::unique_ptr<btDefaultMotionState> motion;
  std::unique_ptr<btRigidBody> body;
  float mass = 0.0F;
};

}  // namespace

// Bullet's default pools (4096 manifolds and collision algorithms) are allocated and zeroed
// with every world: most of the cost of creating a session. A scenario's few dozen bodies
// need a fraction; past the pool Bullet allocates on demand, so nothing is lost.
btDefaultCollisionConstructionInfo smallPools() {
  btDefaultCollisionConstructionInfo info;
  info.m_defaultMaxPersistentManifoldPoolSize = 128;
  info.m_defaultMaxCollisionAlgorithmPoolSize = 128;
  return info;
}

struct Physics::Impl {
  // Bullet objects refer to those declared before them; members are destroyed in reverse.
  btDefaultCollisionConfiguration config{smallPools()};
  btCollisionDispatcher dispatcher{&config};
  btDbvtBroadphase broadphase;
  btSequentialImpulseConstraintSolver solver;
  btDiscreteDynamicsWorld world{&dispatcher, &broadphase, &solver, &config};
  std::unordered_map<scene::EntityId, Body> bodies;
  std::vector<scene::EntityId> dynamicIds;  // in insertion order, for deterministic sync
  std::vector<scene::EntityId> order;       // every body, in insertion order
  std::vector<scene::EntityId> grounds;     // the fixed planes, in insertion order
  // The dynamic bodies that were awake after the last step (or were just released), in
  // dynamicIds order. Idle ticks look only at these, so resting objects cost nothing.
  std::vector<scene::EntityId> awake;

  Impl() {
    world.setGravity(btVector3(0, -9.81F, 0));
    world.getDispatchInfo().m_deterministicOverlappingPairs = true;
    // Only active bodies' bounding boxes are recomputed each step: static colliders and
    // sleeping bodies do not move, so their boxes stay valid (Bullet's default redoes all).
    world.setForceUpdateAllAabbs(false);
  }
  ~Impl() {
    for (auto& [id, b] : bodies) world.removeRigidBody(b.body.get());
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  Body& add(scene::EntityId id, const scene::Shape& shape, const core::Pose& pose, float mass) {
    Body b;
    b.source = shape;
    b.shape = makeShape(shape, mass <= 0.0F);
    b.ground = mass <= 0.0F && shape.kind == scene::ShapeKind::Plane;
    if (b.ground) grounds.push_back(id);
    b.mass = mass;
    b.motion = std::make_unique<btDefaultMotionState>(toBt(pose));
    btVector3 inertia(0, 0, 0);
    if (mass > 0.0F) b.shape->calculateLocalInertia(mass, inertia);
    btRigidBody::btRigidBodyConstructionInfo info(mass, b.motion.get(), b.shape.get(), inertia);
    info.m_friction = 0.8F;
    info.m_restitution = 0.05F;
    // Without rolling resistance a cylinder that tips over (an extinguisher let go of) rolls
    // on for ever, even gaining speed from contact jitter, and no hand ever catches it. Real
    // objects lose a little to the floor as they roll: enough here to stop it in a few
    // centimetres, too little to keep it from tipping over.
    info.m_rollingFriction = kRollingFriction;
    info.m_spinningFriction = kRollingFriction;
    b.body = std::make_unique<btRigidBody>(info);
    world.addRigidBody(b.body.get());
    order.push_back(id);
    return bodies.emplace(id, std::move(b)).first->second;
  }
  void markAwake(scene::EntityId id) {
    if (std::find(awake.begin(), awake.end(), id) != awake.end()) return;
    awake.clear();  // rebuilt in dynamicIds order, so the sync order stays deterministic
    for (const scene::EntityId d : dynamicIds) {
      const btRigidBody& body = *bodies.at(d).body;
      if (d == id || (body.isActive() && !body.isKinematicObject())) awake.push_back(d);
    }
  }
  btVector3 liftOutOfGround(const btCollisionShape& shape, const btTransform& at) const;
  Body& at(scene::EntityId id) {
    auto it = bodies.find(id);
    assert(it != bodies.end() && "entity has no physics body");
    return it->second;
  }
};

// A held object is kinematic and passes through fixed colliders: a trainee can push the
// bottom of an extinguisher below the floor (a VR hand at knee height, or an aim that swings
// it about a hand near the floor). Let go of there, Bullet separates it along the shortest
// way out of the ground slab, which for an object reaching through the slab is down: it fell
// for ever, out of every hand's reach (a dead end `praxis explore` found). Ground is solid
// below its face, so the object is put back on top of it instead.
btVector3 Physics::Impl::liftOutOfGround(const btCollisionShape& shape, const btTransform& at) const {
  assert(shape.isConvex() && "grabbable shapes are convex");
  const auto& convex = static_cast<const btConvexShape&>(shape);
  btVector3 lift(0, 0, 0);
  for (const scene::EntityId id : grounds) {
    const Body& g = bodies.at(id);
    const btTransform& ground = g.body->getWorldTransform();
    const core::Vec3 half = g.source.halfExtents();
    const btVector3 up = ground.getBasis() * btVector3(0, 1, 0);
    // Only over the ground's face: beside it, an object may fall past its edge.
    const btVector3 centre = ground.invXform(at.getOrigin() + lift);
    if (std::abs(centre.x()) > half.x || std::abs(centre.z()) > half.z) continue;
    const btVector3 lowest = (at * convex.localGetSupportingVertex(at.getBasis().transpose() * -up)) + lift;
    const float depth = up.dot(ground * btVector3(0, half.y, 0) - lowest);
    if (depth > 0.0F) lift += up * depth;
  }
  return lift;
}

Physics::Physics() : impl_(std::make_unique<Impl>()) {}
Physics::~Physics() = default;

Physics::Physics(const Physics& other) : impl_(std::make_unique<Impl>()) {
  for (const scene::EntityId id : other.impl_->order) {
    const Body& from = other.impl_->bodies.at(id);
    const btRigidBody& a = *from.body;
    Body& to = impl_->add(id, from.source, fromBt(a.getWorldTransform()), from.mass);
    btRigidBody& b = *to.body;
    b.setCollisionFlags(a.getCollisionFlags());
    b.setWorldTransform(a.getWorldTransform());
    to.motion->setWorldTransform(a.getWorldTransform());
    b.setLinearVelocity(a.getLinearVelocity());
    b.setAngularVelocity(a.getAngularVelocity());
    b.forceActivationState(a.getActivationState());
    b.setDeactivationTime(a.getDeactivationTime());
  }
  impl_->dynamicIds = other.impl_->dynamicIds;
}

void Physics::addStatic(scene::EntityId id, const scene::Shape& shape, const core::Pose& pose) {
  impl_->add(id, shape, pose, 0.0F);
}

void Physics::addDynamic(scene::EntityId id, const scene::Shape& shape, const core::Pose& pose,
                         float mass) {
  Body& b = impl_->add(id, shape, pose, mass);
  b.body->setActivationState(ISLAND_SLEEPING);
  impl_->dynamicIds.push_back(id);
}

void Physics::makeKinematic(scene::EntityId id, const core::Pose& pose) {
  Body& b = impl_->at(id);
  b.body->setCollisionFlags(b.body->getCollisionFlags() | btCollisionObject::CF_KINEMATIC_OBJECT);
  b.body->setActivationState(DISABLE_DEACTIVATION);
  b.body->setLinearVelocity(btVector3(0, 0, 0));
  b.body->setAngularVelocity(btVector3(0, 0, 0));
  setKinematicPose(id, pose);
}

core::Pose Physics::makeDynamic(scene::EntityId id, const core::Pose& pose) {
  Body& b = impl_->at(id);
  b.body->setCollisionFlags(b.body->getCollisionFlags() & ~btCollisionObject::CF_KINEMATIC_OBJECT);
  core::Pose start = pose;
  const btVector3 lift = impl_->liftOutOfGround(*b.shape, toBt(pose));
  start.position += core::Vec3(lift.x(), lift.y(), lift.z());
  const btTransform at = toBt(start);
  b.body->setWorldTransform(at);
  b.motion->setWorldTransform(at);
  b.body->setLinearVelocity(btVector3(0, 0, 0));
  b.body->setAngularVelocity(btVector3(0, 0, 0));
  b.body->forceActivationState(ACTIVE_TAG);
  b.body->activate(true);
  impl_->markAwake(id);
  return start;
}

void Physics::setKinematicPose(scene::EntityId id, const core::Pose& pose) {
  Body& b = impl_->at(id);
  b.motion->setWorldTransform(toBt(pose));
  b.body->setWorldTransform(toBt(pose));
}

bool Physics::anyAwake() const {
  // A sleeping body only wakes when an awake one touches it, so the awake list is complete.
  for (const scene::EntityId id : impl_->awake) {
    const Body& b = impl_->bodies.at(id);
    if (b.body->isActive() && !b.body->isKinematicObject()) return true;
  }
  return false;
}

void Physics::step(double seconds, scene::Scene& scene) {
  // Nothing awake means nothing can move: skip Bullet entirely. Kinematic bodies are pushed
  // each tick by setKinematicPose and need no step of their own to stay in place.
  if (!anyAwake()) {
    impl_->awake.clear();
    return;
  }
  impl_->world.stepSimulation(static_cast<btScalar>(seconds), 0);
  // While something moves, look at every dynamic body: a collision may have woken one. Those
  // awake before the step get their final pose too (they may have just fallen asleep).
  std::vector<scene::EntityId> now;
  for (const scene::EntityId id : impl_->dynamicIds) {
    const Body& b = impl_->bodies.at(id);
    if (b.body->isKinematicObject()) continue;
    const bool wasAwake = std::find(impl_->awake.begin(), impl_->awake.end(), id) != impl_->awake.end();
    if (!b.body->isActive() && !wasAwake) continue;
    scene.setWorldPose(id, fromBt(b.body->getWorldTransform()));
    if (b.body->isActive()) now.push_back(id);
  }
  impl_->awake = std::move(now);
}

}  // namespace praxis::interaction
