// Desktop controls: plain mouse and keyboard events drive a real interaction World through
// the TraineeInput the controls produce, as a person at a laptop would.
#include "app/desktop_controls.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "app/controls_help.h"
#include "app/frame_builder.h"
#include "interaction/world.h"
#include "scene/raycast.h"
#include "test_entities.h"

namespace praxis::app {
namespace {

using interaction::EventKind;
using interaction::HandSide;
using scene::Entity;
using scene::EntityId;
using scene::Shape;
using scene::ShapeKind;

using testsupport::box;

Entity floorPlane() {
  Entity e = box("floor", {0, 0, 0}, {20, 0, 20});
  e.visual.shape.kind = ShapeKind::Plane;
  e.collider = true;
  return e;
}

Entity grabbable(const char* id, core::Vec3 pos) {
  Entity e = box(id, pos, {0.06F, 0.06F, 0.06F});
  e.grabbable = scene::Grabbable{0.2F, {}};
  return e;
}

// A World with the given entities and DesktopControls standing at the origin facing -Z.
class Rig {
 public:
  explicit Rig(std::vector<Entity> entities, std::size_t phrases = 0)
      : world_(build(std::move(entities))), controls_(start(), {}, phrases) {}

  static scenario::TraineeStart start() {
    return scenario::TraineeStart{{0.0F, 0.0F, 0.0F}, 0.0F, 1.7F};
  }

  void send(const InputEvent& e) { controls_.handle(e); }
  void click(MouseButton button = MouseButton::Left) {
    send(MouseDown{button});
    step();
    send(MouseUp{button});
  }
  void tap(Key key) {
    send(KeyDown{key});
    send(KeyUp{key});
  }
  void step(int ticks = 1) {
    for (int i = 0; i < ticks; ++i) {
      lastInput_ = controls_.tick(world_);
      world_.step(tick_++, lastInput_, events_);
    }
  }
  [[nodiscard]] const interaction::TraineeInput& lastInput() const { return lastInput_; }
  void seconds(double s) { step(static_cast<int>(core::secondsToTicks(s))); }
  /// Turns the view with the mouse until it points at `target` (exact: a person's aim).
  void lookAt(const core::Vec3& target) {
    const core::Pose head = controls_.head();
    const core::Vec3 to = glm::normalize(target - head.position);
    const core::Vec3 f = head.forward();
    const float yaw = std::remainder(
        glm::degrees(std::atan2(-to.x, -to.z)) - glm::degrees(std::atan2(-f.x, -f.z)), 360.0F);
    const float pitch = glm::degrees(std::asin(to.y)) - glm::degrees(std::asin(f.y));
    const float k = controls_.tuning().lookDegreesPerPixel;
    send(MouseMove{0, 0, -yaw / k, -pitch / k});
    step();
  }
  [[nodiscard]] EntityId id(const char* name) const { return *world_.scene().find(name); }
  [[nodiscard]] bool happened(EventKind kind, const char* subject,
                              const std::string& detail = "") const {
    return std::any_of(events_.begin(), events_.end(), [&](const interaction::WorldEvent& e) {
      return e.kind == kind && e.subject == id(subject) && (detail.empty() || e.state == detail);
    });
  }
  interaction::World& world() { return world_; }
  void forgetEvents() { events_.clear(); }
  [[nodiscard]] const std::vector<interaction::WorldEvent>& events() const { return events_; }
  DesktopControls& controls() { return controls_; }

 private:
  static scene::Scene build(std::vector<Entity> entities) {
    scene::Scene s;
    for (auto& e : entities) s.add(std::move(e));
    s.updateWorldPoses();
    return s;
  }
  interaction::World world_;
  DesktopControls controls_;
  std::vector<interaction::WorldEvent> events_;
  core::Tick tick_ = 0;
  interaction::TraineeInput lastInput_;
};

TEST(DesktopControls, WalksAtWalkingSpeedInTheFacedDirection) {
  Rig rig({floorPlane()});
  rig.send(KeyDown{Key::W});
  rig.seconds(1.0);
  const core::Vec3 eyes = rig.controls().head().position;
  EXPECT_NEAR(eyes.z, -1.4F, 0.02F);
  EXPECT_NEAR(eyes.x, 0.0F, 1e-4F);
  EXPECT_NEAR(eyes.y, 1.7F, 1e-4F);
}

TEST(DesktopControls, AWallStopsTheBodyAndItSlidesAlongIt) {
  Entity wall = box("wall", {0, 1.5F, -1.0F}, {6, 3, 0.1F});
  wall.collider = true;
  Rig rig({floorPlane(), wall});
  rig.send(KeyDown{Key::W});
  rig.send(KeyDown{Key::D});  // forward and to the right: into the wall at an angle
  rig.seconds(2.0);
  const core::Vec3 eyes = rig.controls().head().position;
  const float wallFace = -0.95F;
  EXPECT_GE(eyes.z, wallFace + rig.controls().tuning().bodyRadius - 1e-3F)
      << "walked into the wall";
  EXPECT_LT(eyes.z, wallFace + rig.controls().tuning().bodyRadius + 0.02F)
      << "stopped short of the wall";
  EXPECT_GT(eyes.x, 1.5F) << "did not slide along the wall";
}

TEST(DesktopControls, CrouchLowersTheEyesAndStandsUpAgain) {
  Rig rig({floorPlane()});
  rig.tap(Key::C);
  rig.step();
  EXPECT_TRUE(rig.controls().crouching());
  EXPECT_NEAR(rig.controls().head().position.y, rig.controls().tuning().crouchEyeHeight, 1e-5F);
  rig.tap(Key::Ctrl);
  rig.step();
  EXPECT_NEAR(rig.controls().head().position.y, 1.7F, 1e-5F);
}

TEST(DesktopControls, PostureKeysKneelCrouchAndStandUp) {
  Rig rig({floorPlane()});
  const ControlsTuning& t = rig.controls().tuning();
  const auto eyes = [&] { return rig.controls().head().position.y; };
  rig.tap(Key::K);
  rig.step();
  EXPECT_EQ(rig.controls().posture(), BodyPosture::Kneeling);
  EXPECT_NEAR(eyes(), std::min(t.kneelEyeHeight, 1.7F * interaction::kLowPostureFraction), 1e-5F);
  // Low enough for the scenario's `posture: crouching` (kneeling), whatever the height.
  EXPECT_LE(rig.lastInput().head.position.y, 1.7F * interaction::kLowPostureFraction);
  rig.tap(Key::C);  // from kneeling straight down to a crouch
  rig.step();
  EXPECT_EQ(rig.controls().posture(), BodyPosture::Crouching);
  EXPECT_NEAR(eyes(), t.crouchEyeHeight, 1e-5F);
  rig.tap(Key::X);
  rig.step();
  EXPECT_EQ(rig.controls().posture(), BodyPosture::Standing);
  EXPECT_NEAR(eyes(), 1.7F, 1e-5F);
  rig.tap(Key::K);
  rig.tap(Key::K);  // the same key again stands up
  rig.step();
  EXPECT_FALSE(rig.controls().crouching());
}

TEST(DesktopControls, ThePhraseMenuSaysTheChosenPhraseForOneTick) {
  Rig rig({floorPlane()}, 3);
  rig.world().setSpeech({"stand_clear", "call_112", "bring_aed"}, {});
  rig.tap(Key::T);
  rig.step();
  ASSERT_TRUE(rig.controls().phraseMenuOpen());
  EXPECT_EQ(rig.lastInput().say, -1);
  rig.tap(Key::Digit1);  // the first phrase, not the left hand while the menu is open
  rig.step();
  EXPECT_EQ(rig.lastInput().say, 0);
  EXPECT_FALSE(rig.controls().phraseMenuOpen());
  EXPECT_EQ(rig.controls().activeHand(), HandSide::Right);
  EXPECT_TRUE(std::any_of(rig.events().begin(), rig.events().end(), [](const auto& e) {
    return e.kind == EventKind::Said && e.state == "stand_clear";
  }));
  rig.step();
  EXPECT_EQ(rig.lastInput().say, -1) << "a phrase is said once";
  rig.tap(Key::Digit1);  // menu closed: the number keys choose the hand again
  rig.step();
  EXPECT_EQ(rig.controls().activeHand(), HandSide::Left);
}

TEST(DesktopControls, ThePhraseMenuTakesAClickAndHoldsTheViewStill) {
  Rig rig({floorPlane()}, 3);
  rig.send(ChoosePhrase{2});  // closed: a stray choice says nothing
  rig.step();
  EXPECT_EQ(rig.lastInput().say, -1);
  rig.tap(Key::T);
  rig.step();
  const core::Vec3 forward = rig.controls().head().forward();
  rig.send(MouseMove{0, 0, 300, 0});       // moving the pointer to the menu does not look away
  rig.send(MouseDown{MouseButton::Left});  // nor grab
  rig.send(ChoosePhrase{2});
  rig.step();
  rig.send(MouseUp{MouseButton::Left});
  EXPECT_EQ(rig.lastInput().say, 2);
  EXPECT_NEAR(glm::dot(forward, rig.controls().head().forward()), 1.0F, 1e-6F);
  EXPECT_EQ(rig.controls().activity(HandSide::Right), HandActivity::Resting);
}

TEST(DesktopControls, WithoutPhrasesTTalksToNobody) {
  Rig rig({floorPlane()});
  rig.tap(Key::T);
  rig.step();
  EXPECT_FALSE(rig.controls().phraseMenuOpen());
  rig.tap(Key::Digit1);
  rig.step();
  EXPECT_EQ(rig.lastInput().say, -1);
  EXPECT_EQ(rig.controls().activeHand(), HandSide::Left);
}

TEST(DesktopControls, MouseLookTurnsAndThePitchIsClamped) {
  Rig rig({floorPlane()});
  const float k = rig.controls().tuning().lookDegreesPerPixel;
  rig.send(MouseMove{0, 0, 90.0 / k, 0});  // 90 degrees to the right
  rig.step();
  const core::Vec3 f = rig.controls().head().forward();
  EXPECT_NEAR(f.x, 1.0F, 1e-4F);
  rig.send(MouseMove{0, 0, 0, -1000.0 / k});  // far past straight up
  rig.step();
  EXPECT_NEAR(glm::degrees(std::asin(rig.controls().head().forward().y)),
              rig.controls().tuning().maxPitchDegrees, 1e-3F);
}

TEST(DesktopControls, ClickingBeyondArmsReachAsksToStepCloser) {
  Rig rig({floorPlane(), grabbable("padlock", {0, 1.7F, -1.2F})});
  rig.step();
  ASSERT_TRUE(rig.controls().pointed());
  EXPECT_EQ(rig.controls().pointed()->entity, rig.id("padlock"));
  EXPECT_FALSE(rig.controls().pointed()->withinReach);
  rig.click();
  rig.seconds(0.5);
  ASSERT_TRUE(rig.controls().message());
  EXPECT_EQ(rig.controls().message()->kind, ControlMessageKind::StepCloser);
  EXPECT_EQ(rig.controls().message()->entity, rig.id("padlock"));
  EXPECT_EQ(rig.controls().activity(HandSide::Right), HandActivity::Resting);
  EXPECT_FALSE(rig.happened(EventKind::Grabbed, "padlock"));
  EXPECT_EQ(controlMessageText(ControlMessageKind::StepCloser, "nl-BE"),
            "Te ver om te grijpen: kom dichterbij.");
}

TEST(DesktopControls, AClickReachesAndGrabsAndAnotherClickLetsGo) {
  Rig rig({floorPlane(), grabbable("padlock", {0, 1.7F, -0.5F})});
  rig.click();
  rig.seconds(1.5);
  EXPECT_TRUE(rig.happened(EventKind::Grabbed, "padlock"));
  EXPECT_EQ(rig.world().held(HandSide::Right), rig.id("padlock"));
  EXPECT_EQ(rig.controls().activity(HandSide::Right), HandActivity::Holding);
  // Carried in front of the eyes, below and to the right of the cursor.
  const core::Vec3 carried = rig.world().scene().at(rig.id("padlock")).worldPose.position;
  EXPECT_GT(carried.x, 0.05F);
  EXPECT_LT(carried.y, 1.7F);
  rig.click();
  rig.step(3);
  EXPECT_TRUE(rig.happened(EventKind::Released, "padlock"));
  EXPECT_EQ(rig.world().held(HandSide::Right), scene::kNoEntity);
}

TEST(DesktopControls, ScrollHoldsTheObjectFartherOrNearerAndKeysTurnIt) {
  Rig rig({floorPlane(), grabbable("padlock", {0, 1.7F, -0.5F})});
  rig.click();
  rig.seconds(1.5);
  const auto pose = [&] { return rig.world().scene().at(rig.id("padlock")).worldPose; };
  const float before = glm::length(pose().position - rig.controls().head().position);
  rig.send(Scroll{2.0});
  rig.seconds(0.5);
  const float after = glm::length(pose().position - rig.controls().head().position);
  EXPECT_GT(after - before, 0.07F);
  rig.send(Scroll{-2.0});  // towards the user: nearer again
  rig.seconds(0.5);
  const float nearer = glm::length(pose().position - rig.controls().head().position);
  EXPECT_GT(after - nearer, 0.07F);
  const core::Quat turnedFrom = pose().orientation;
  rig.tap(Key::E);
  rig.step(2);
  const float degrees =
      glm::degrees(glm::angle(glm::normalize(pose().orientation * glm::conjugate(turnedFrom))));
  EXPECT_NEAR(std::min(degrees, 360.0F - degrees), rig.controls().tuning().rotateStepDegrees, 0.5F);
}

TEST(DesktopControls, ACarriedObjectIsHeldLowAndToTheHandsSideLeavingTheViewFree) {
  Rig rig({floorPlane(), grabbable("padlock", {0, 1.7F, -0.5F})});
  rig.click();
  rig.seconds(1.5);
  ASSERT_EQ(rig.world().held(HandSide::Right), rig.id("padlock"));
  const core::Pose eyes = rig.controls().head();
  const core::Vec3 carried = rig.world().scene().at(rig.id("padlock")).worldPose.position;
  const core::Vec3 inView = glm::inverse(eyes.orientation) * (carried - eyes.position);
  EXPECT_LT(inView.y, -0.3F) << "not carried low, as an arm does";
  EXPECT_GT(inView.x, 0.18F) << "not on the right hand's side";
  EXPECT_LT(inView.z, -0.2F) << "not in front";
  // Far enough off the line of sight that an object a forearm long does not cover the centre.
  const float offCentre = glm::degrees(std::acos(glm::dot(glm::normalize(inView), {0, 0, -1})));
  EXPECT_GT(offCentre, 38.0F);
}

TEST(DesktopControls, TheOtherHandIsChosenWithAKey) {
  Rig rig({floorPlane(), grabbable("padlock", {0, 1.7F, -0.5F})});
  rig.tap(Key::Digit1);
  rig.click();
  rig.seconds(1.5);
  EXPECT_EQ(rig.controls().activeHand(), HandSide::Left);
  EXPECT_EQ(rig.world().held(HandSide::Left), rig.id("padlock"));
  EXPECT_EQ(rig.world().held(HandSide::Right), scene::kNoEntity);
}

TEST(DesktopControls, ReleasingNearASocketShowsTheGhostAndSnaps) {
  Entity socket = box("lock_point", {-0.15F, 1.5F, -0.5F}, {0.02F, 0.02F, 0.02F});
  socket.socket = scene::Socket{{"padlock"}, {}, 0.05F, scene::kNoEntity};
  Entity other = box("other_point", {0.6F, 1.5F, -0.5F}, {0.02F, 0.02F, 0.02F});
  other.socket = scene::Socket{{"tag"}, {}, 0.05F, scene::kNoEntity};
  Rig rig({floorPlane(), grabbable("padlock", {0.1F, 1.7F, -0.45F}), socket, other});
  rig.lookAt({0.1F, 1.7F, -0.45F});
  rig.click();
  rig.seconds(1.5);
  ASSERT_EQ(rig.world().held(HandSide::Right), rig.id("padlock"));
  EXPECT_FALSE(rig.controls().snapPreview());
  rig.lookAt({-0.15F, 1.5F, -0.5F});
  rig.step();
  ASSERT_TRUE(rig.controls().snapPreview());
  EXPECT_EQ(rig.controls().snapPreview()->object, rig.id("padlock"));
  EXPECT_EQ(rig.controls().snapPreview()->socket, rig.id("lock_point"));
  EXPECT_NEAR(
      glm::length(rig.controls().snapPreview()->pose.position - core::Vec3(-0.15F, 1.5F, -0.5F)),
      0.0F, 1e-5F);
  // The desktop frame draws it as a ghost, and both hands, the active (right) one marked.
  render::FrameInput frame;
  addTraineeVisuals(rig.world(), rig.lastInput(), &rig.controls(), frame);
  ASSERT_EQ(frame.ghosts.size(), 1U);
  EXPECT_EQ(frame.ghosts[0].entity, rig.id("padlock"));
  EXPECT_EQ(frame.ghosts[0].pose.position, rig.controls().snapPreview()->pose.position);
  ASSERT_EQ(frame.hands.size(), 2U);
  EXPECT_FALSE(frame.hands[0].active);
  EXPECT_TRUE(frame.hands[1].active);
  EXPECT_EQ(frame.hands[1].pose.position, rig.lastInput().hand(HandSide::Right).pose.position);
  // In place of the world's own hand spheres, not on top of them.
  EXPECT_EQ(frame.hidden, (std::vector<EntityId>{rig.world().handEntity(HandSide::Left),
                                                 rig.world().handEntity(HandSide::Right)}));
  rig.click();
  rig.seconds(1.5);
  EXPECT_TRUE(rig.happened(EventKind::Snapped, "padlock"));
  EXPECT_EQ(rig.world().scene().at(rig.id("lock_point")).socket->occupant, rig.id("padlock"));
  EXPECT_FALSE(rig.controls().snapPreview());
}

TEST(DesktopControls, PlacingDrawsTheHandBackRatherThanBrushAcrossALivePart) {
  Entity socket = box("lock_point", {0.0F, 1.55F, -0.5F}, {0.02F, 0.02F, 0.02F});
  socket.socket = scene::Socket{{"padlock"}, {}, 0.05F, scene::kNoEntity};
  // Live, across the straight way from the low carry to the socket.
  Entity busbar = box("busbar", {0.11F, 1.47F, -0.45F}, {0.1F, 0.02F, 0.04F});
  busbar.touchTarget = scene::TouchTarget{};
  Rig rig({floorPlane(), grabbable("padlock", {0.1F, 1.7F, -0.45F}), socket, busbar});
  rig.lookAt({0.1F, 1.7F, -0.45F});
  rig.click();
  rig.seconds(1.5);
  ASSERT_EQ(rig.world().held(HandSide::Right), rig.id("padlock"));
  rig.lookAt({0.0F, 1.55F, -0.5F});
  ASSERT_TRUE(rig.controls().snapPreview());
  rig.forgetEvents();
  rig.click();
  float closest = 1.0F;
  for (int i = 0; i < core::secondsToTicks(1.5) && !rig.happened(EventKind::Snapped, "padlock"); ++i) {
    rig.step();
    const core::Vec3 hand = rig.lastInput().hand(HandSide::Right).pose.position;
    const Entity& bar = rig.world().scene().at(rig.id("busbar"));
    closest = std::min(closest, scene::distanceToSurface(bar, hand));
  }
  EXPECT_TRUE(rig.happened(EventKind::Snapped, "padlock"));
  EXPECT_FALSE(rig.happened(EventKind::Touched, "busbar"));
  EXPECT_GT(closest, 0.03F);
}

TEST(DesktopControls, AClickPressesAButtonWhichSpringsBack) {
  Entity button = box("start", {0, 1.7F, -0.5F}, {0.04F, 0.04F, 0.02F});
  button.button = scene::Button{};
  Rig rig({floorPlane(), button});
  rig.click();
  rig.seconds(1.5);
  EXPECT_TRUE(rig.happened(EventKind::StateChanged, "start", "pressed"));
  EXPECT_TRUE(rig.happened(EventKind::StateChanged, "start", "released"));
  EXPECT_EQ(rig.controls().activity(HandSide::Right), HandActivity::Resting);
}

TEST(DesktopControls, ADialIsDraggedWithTheMouseWhileTheViewStaysPut) {
  Entity dial = box("thermostat", {0, 1.7F, -0.5F}, {0.06F, 0.06F, 0.03F});
  dial.lever = scene::Lever{scene::Lever::Kind::Dial, 0.0F, 10.0F, 5.0F, {0, 0, 1}, 270.0F, {}};
  Rig rig({floorPlane(), dial});
  rig.send(MouseDown{MouseButton::Left});
  rig.seconds(1.5);
  ASSERT_EQ(rig.controls().activity(HandSide::Right), HandActivity::Dragging);
  const core::Quat view = rig.controls().head().orientation;
  rig.send(MouseMove{0, 0, 100, 0});  // 40 degrees to the right: clockwise as seen
  rig.step(2);
  const float expected =
      5.0F - 100.0F * rig.controls().tuning().dialDegreesPerPixel / 270.0F * 10.0F;
  EXPECT_NEAR(rig.world().scene().at(rig.id("thermostat")).lever->value, expected, 0.01F);
  EXPECT_EQ(rig.controls().head().orientation, view);
  rig.send(MouseUp{MouseButton::Left});
  rig.step(2);
  EXPECT_TRUE(rig.happened(EventKind::Released, "thermostat"));
  EXPECT_EQ(rig.controls().activity(HandSide::Right), HandActivity::Resting);
}

TEST(DesktopControls, LosingFocusStopsWalkingAndLetsGoOfADraggedDial) {
  Entity dial = box("thermostat", {0, 1.7F, -0.5F}, {0.06F, 0.06F, 0.03F});
  dial.lever = scene::Lever{scene::Lever::Kind::Dial, 0.0F, 10.0F, 5.0F, {0, 0, 1}, 270.0F, {}};
  Rig rig({floorPlane(), dial});
  rig.send(MouseDown{MouseButton::Left});
  rig.seconds(1.5);
  rig.send(MouseMove{0, 0, 20, 0});
  rig.send(KeyDown{Key::S});
  rig.step();
  ASSERT_EQ(rig.controls().activity(HandSide::Right), HandActivity::Dragging);
  rig.send(Focus{false});  // the key-up and button-up go to another window
  rig.step(2);
  EXPECT_EQ(rig.controls().activity(HandSide::Right), HandActivity::Resting);
  const core::Vec3 stopped = rig.controls().head().position;
  rig.seconds(0.5);
  EXPECT_EQ(rig.controls().head().position, stopped);
}

TEST(DesktopControls, ALeverClickedWithoutDraggingStaysHeldForTheKeys) {
  Entity lever = box("handle", {0, 1.7F, -0.5F}, {0.03F, 0.1F, 0.03F});
  lever.lever = scene::Lever{scene::Lever::Kind::Lever, 0.0F, 1.0F, 0.0F, {0, 1, 0}, 0.2F, {}};
  Rig rig({floorPlane(), lever});
  rig.send(KeyDown{Key::Enter});
  rig.send(KeyUp{Key::Enter});
  rig.seconds(1.5);
  ASSERT_EQ(rig.controls().activity(HandSide::Right), HandActivity::Dragging);
  for (int i = 0; i < 5; ++i) rig.tap(Key::R);  // five steps up
  rig.step(2);
  EXPECT_NEAR(rig.world().scene().at(rig.id("handle")).lever->value,
              5 * rig.controls().tuning().keyLeverStep / 0.2F, 0.01F);
  rig.tap(Key::Enter);
  rig.step(2);
  EXPECT_EQ(rig.controls().activity(HandSide::Right), HandActivity::Resting);
}

TEST(DesktopControls, ARangedToolIsAimedAtTheCursorAndUsedWithTheRightButton) {
  Entity hose = grabbable("extinguisher", {0, 1.7F, -0.5F});
  hose.tool = scene::Tool{{0, 0, -0.05F}, {0, 0, -1}, 5.0F, true};
  Entity fire = box("fire", {1.0F, 0.2F, -3.0F}, {0.4F, 0.4F, 0.4F});
  fire.touchTarget = scene::TouchTarget{};
  Rig rig({floorPlane(), hose, fire});
  rig.click();
  rig.seconds(1.5);
  ASSERT_EQ(rig.world().held(HandSide::Right), rig.id("extinguisher"));
  rig.lookAt({-1.0F, 0.1F, -0.5F});  // down to the left first: aiming there and back must
  rig.seconds(0.5);                  // not leave the tool rolled onto its side
  rig.lookAt({1.0F, 0.2F, -3.0F});
  rig.seconds(0.5);
  EXPECT_FALSE(rig.happened(EventKind::ToolStarted, "extinguisher")) << "used before the trigger";
  // Aimed, it stays upright (a person holds an extinguisher by its handle), not on its side.
  const core::Pose held = rig.world().scene().at(rig.id("extinguisher")).worldPose;
  EXPECT_GT(held.rotate({0, 1, 0}).y, 0.9F);
  const core::Vec3 nozzle = held.rotate({0, 0, -1});
  EXPECT_GT(glm::dot(nozzle, glm::normalize(core::Vec3(1.0F, 0.2F, -3.0F) - held.position)), 0.98F);
  rig.send(MouseDown{MouseButton::Right});
  rig.step(3);
  EXPECT_TRUE(rig.happened(EventKind::ToolStarted, "extinguisher"));
  rig.send(MouseUp{MouseButton::Right});
  rig.step(2);
  EXPECT_TRUE(rig.happened(EventKind::ToolStopped, "extinguisher"));
}

TEST(DesktopControls, TheTriggerWithoutAToolSaysSo) {
  Rig rig({floorPlane()});
  rig.send(KeyDown{Key::Space});
  rig.step();
  ASSERT_TRUE(rig.controls().message());
  EXPECT_EQ(rig.controls().message()->kind, ControlMessageKind::NoTool);
}

TEST(DesktopControls, TabCyclesThroughTheObjectsInViewLeftToRightAndEnterActs) {
  Entity behind = grabbable("behind", {0, 1.2F, 1.0F});
  Rig rig({floorPlane(), grabbable("right", {0.2F, 1.3F, -0.5F}),
           grabbable("left", {-0.2F, 1.3F, -0.5F}), grabbable("middle", {0.0F, 1.3F, -0.5F}),
           behind});
  std::vector<std::string> seen;
  for (int i = 0; i < 4; ++i) {
    rig.tap(Key::Tab);
    rig.step();
    ASSERT_TRUE(rig.controls().pointed());
    seen.push_back(rig.world().scene().at(rig.controls().pointed()->entity).id);
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"left", "middle", "right", "left"}));
  rig.send(KeyDown{Key::Shift});
  rig.tap(Key::Tab);
  rig.send(KeyUp{Key::Shift});
  rig.step();
  EXPECT_EQ(rig.controls().pointed()->entity, rig.id("right"));
  rig.tap(Key::Enter);
  rig.seconds(1.5);
  EXPECT_EQ(rig.world().held(HandSide::Right), rig.id("right"));
}

TEST(DesktopControls, HelpExplainsEveryControlInEachLanguage) {
  for (const char* language : {"nl-BE", "fr-BE", "en"}) {
    const auto rows = controlsHelp(language);
    ASSERT_EQ(rows.size(), controlsHelp("en").size()) << language;
    for (const auto& row : rows) {
      EXPECT_FALSE(row.keys.empty()) << language;
      EXPECT_FALSE(row.action.empty()) << language;
    }
  }
  EXPECT_EQ(controlsHelp("fr-BE")[1].action, "marcher");
  EXPECT_EQ(controlsHelp("de").data(), controlsHelp("en").data());
}

TEST(DesktopControls, HelpNamesTheKeysAsTheKeyboardLayoutPrintsThem) {
  // A Belgian AZERTY layout, as glfwGetKeyName names the keys at the US letters' places.
  const std::map<char, std::string> azerty{{'W', "z"}, {'A', "q"}, {'Q', "a"}};
  const KeyLabels labels = keyLabels([&](char letter) {
    const auto it = azerty.find(letter);
    return it != azerty.end() ? it->second : std::string(1, static_cast<char>(letter + 32));
  });
  EXPECT_EQ(labels.names.size(), 3U) << "keys named alike on both layouts are left out";
  EXPECT_EQ(relabelKeys(controlsHelp("en")[1].keys, labels), "Z Q S D / arrow keys");
  EXPECT_EQ(relabelKeys(controlsHelp("fr-BE")[6].keys, labels), "A / E, R / F");
  for (const char* unchanged : {"C / Ctrl", "Tab / Maj+Tab", "F1", "F11", "Échap", "Esc"}) {
    EXPECT_EQ(relabelKeys(unchanged, labels), unchanged);
  }
  // Headless there is no layout: the US names.
  const KeyLabels none = keyLabels([](char) { return std::string(); });
  EXPECT_TRUE(none.names.empty());
  EXPECT_EQ(relabelKeys(controlsHelp("nl-BE")[1].keys, none), "W A S D / pijltjestoetsen");
}

}  // namespace
}  // namespace praxis::app
