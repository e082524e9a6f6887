// Desktop controls: mouse and keyboard events become one TraineeInput per fixed tick (a head
// and two hands with grip and trigger), so that for the runner a desktop attempt is the same
// as a VR one. No window system and no renderer here: the front end feeds the plain events of
// input_events.h, and reads back what the HUD and the frame builder show (the object under
// the cursor, the snap preview, messages such as "step closer").
//
// The cursor is captured: mouse motion turns the head and the pointer is the screen's centre.
// The table of keys is controlsHelp() (controls_help.h) and the README.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "app/input_events.h"
#include "core/sim_time.h"
#include "interaction/trainee_input.h"
#include "scenario/definition.h"
#include "scene/scene.h"

namespace praxis::interaction {
class World;
}

namespace praxis::app {

/// Human-scale limits of the desktop body, in metres, seconds and degrees.
struct ControlsTuning {
  float walkSpeed = 1.4F;             // an unhurried walk
  float crouchEyeHeight = 1.0F;       // eyes when crouching, for work near the floor
  float kneelEyeHeight = 1.2F;        // eyes when kneeling on one knee (at a casualty's side)
  float bodyRadius = 0.2F;            // how close the body comes to a collider
  float shoulderDrop = 0.2F;          // shoulders below the eyes
  float shoulderWidth = 0.18F;        // and to each side of them
  float armReach = 0.7F;              // from the shoulder to the hand's contact point
  float leanReach = 0.25F;            // the upper body bends this far towards what it reaches
                                      // (across a bench), so the shoulder reaches 0.95 m
  float handSpeed = 1.5F;             // a brisk reach: a click should not keep one waiting
  float lookDegreesPerPixel = 0.12F;  // mouse look
  float maxPitchDegrees = 80.0F;      // looking up or down
  float turnStepDegrees = 15.0F;      // Q/E, R/F with an empty hand: snap turn and tilt
  float carryDistance = 0.45F;        // a held object in front of the eyes; scroll changes it
  float carryMinimum = 0.25F;
  float carryMaximum = 0.7F;
  float scrollStep = 0.05F;
  float rotateStepDegrees = 15.0F;     // Q/E, R/F turn a held object
  float snapPreviewRadius = 0.2F;      // a socket this close to the pointed point or the held
                                       // object previews (and on release takes) the object
  float dragMetresPerPixel = 0.0008F;  // a lever follows the mouse
  float dialDegreesPerPixel = 0.4F;    // a dial turns with horizontal mouse motion
  float keyLeverStep = 0.02F;          // R/F/Q/E move a held lever's hand this far
  float keyDialStepDegrees = 10.0F;    // Q/E turn a held dial this far
  float tabViewDegrees = 55.0F;        // "in view" for Tab: this far off the view's centre
  float tabRange = 6.0F;               // and this close
  float pointRange = 12.0F;            // the pointer ray's length
  double pressSeconds = 0.15;          // a click presses a button at least this long
};

enum class ControlMessageKind {
  StepCloser,    // the clicked object is beyond arm's reach
  NoTool,        // the trigger was used with no tool in the active hand
  NothingInView  // Tab found nothing to cycle through
};

/// A message for the HUD (controls_help.h has its text in each language).
struct ControlMessage {
  ControlMessageKind kind = ControlMessageKind::StepCloser;
  scene::EntityId entity = scene::kNoEntity;  // what it is about, if anything
  core::Tick tick = 0;                        // the controls' tick when it was raised
};

/// The entity under the cursor (the screen's centre), for the HUD's label.
struct PointedObject {
  scene::EntityId entity = scene::kNoEntity;
  core::Vec3 point{0.0F};  // world hit point on its surface
  float distance = 0.0F;   // from the eyes
  bool withinReach = false;
};

/// Where the held object would snap if released now: the frame builder draws a ghost there.
struct SnapPreview {
  scene::EntityId object = scene::kNoEntity;
  scene::EntityId socket = scene::kNoEntity;
  core::Pose pose;  // world
};

/// What a hand is doing, for the HUD and for the autopilot (which watches as a person would).
/// Reaching covers the way there; Pressing, Touching and UsingTool begin on arrival.
enum class HandActivity {
  Resting,
  Reaching,
  Holding,
  Pressing,
  Touching,
  Dragging,
  Placing,
  UsingTool
};

/// The body's posture (C / Ctrl crouch, K kneel, X stands up): only the eye height changes,
/// and a crouch or a kneel both read as the scenario's `posture: crouching` (kneeling).
enum class BodyPosture { Standing, Crouching, Kneeling };

class DesktopControls {
 public:
  /// Stands the body where the scenario starts its trainee; `phrases`: how many phrases the
  /// scenario's menu offers (T opens it, 1..9 choose; none: T does nothing).
  explicit DesktopControls(const scenario::TraineeStart& start, ControlsTuning tuning = {},
                           std::size_t phrases = 0);

  /// Queues one event; it takes effect at the next tick, in arrival order.
  void handle(const InputEvent& event);
  /// Applies the queued events and one tick of walking and hand motion; the input for this
  /// tick. `world` is the one the input will be applied to (for pointing and what is held).
  [[nodiscard]] interaction::TraineeInput tick(const interaction::World& world);

  [[nodiscard]] interaction::HandSide activeHand() const { return active_; }
  [[nodiscard]] HandActivity activity(interaction::HandSide side) const;
  /// Crouching or kneeling: the eyes are low.
  [[nodiscard]] bool crouching() const { return posture_ != BodyPosture::Standing; }
  [[nodiscard]] BodyPosture posture() const { return posture_; }
  /// The phrase menu is open: the number keys choose a phrase, the mouse is the HUD's.
  [[nodiscard]] bool phraseMenuOpen() const { return phraseMenu_; }
  /// The eyes: the camera of the desktop view.
  [[nodiscard]] core::Pose head() const;
  [[nodiscard]] const std::optional<PointedObject>& pointed() const { return pointed_; }
  [[nodiscard]] const std::optional<SnapPreview>& snapPreview() const { return preview_; }
  /// The latest message, kept until the next one (the HUD decides how long to show it).
  [[nodiscard]] const std::optional<ControlMessage>& message() const { return message_; }
  /// Where the feet are (on the floor below the eyes).
  [[nodiscard]] core::Vec3 feet() const { return feet_; }
  /// True when the body could stand with its feet at `feet` without entering a collider.
  [[nodiscard]] bool bodyFits(const scene::Scene& scene, const core::Vec3& feet) const {
    return !blocked(scene, feet);
  }
  /// True when the hand on `side` can reach `point` from its shoulder without walking.
  [[nodiscard]] bool withinReach(interaction::HandSide side, const core::Vec3& point) const;
  [[nodiscard]] core::Tick ticks() const { return ticks_; }
  [[nodiscard]] const ControlsTuning& tuning() const { return tuning_; }

 private:
  struct Hand {
    enum class Task { Rest, Carry, Reach, Grip, Press, Touch, Drag, Place, UseTool };
    enum class Then { Grab, Press, Touch };
    Task task = Task::Rest;
    Then then = Then::Touch;
    scene::EntityId target = scene::kNoEntity;
    core::Vec3 point{0.0F};   // world goal of a reach, or the lever's grab point
    bool approached = false;  // a reach comes in from in front of the point first
    enum class Way { Unchecked, Clear, Back };
    Way way = Way::Unchecked;  // Back: the straight way in brushes something (clearWay)
    core::Pose pose;
    core::Pose applied;  // the pose of the last tick, which the world applied
    float grip = 0.0F;
    float trigger = 0.0F;
    core::Tick ticksLeft = 0;  // minimum press time, grip wait
    bool primaryHeld = false;  // the button that started the task is still down
    bool triggerHeld = false;  // right button / Space
    bool latched = false;      // a lever clicked (not dragged) stays held until a click
    bool dragged = false;
    core::Vec3 dragOffset{0.0F};  // lever: hand displacement since the grab
    float dialTwist = 0.0F;       // dial: degrees about its axis since the grab
    core::Quat grabOrientation{1.0F, 0.0F, 0.0F, 0.0F};
    core::Quat userRotation{1.0F, 0.0F, 0.0F, 0.0F};  // Q/E, R/F on a held object
    float carryDistance = 0.45F;
  };

  // Events (desktop_controls.cpp).
  void apply(const InputEvent& event, const interaction::World& world);
  void onKeyDown(Key key, const interaction::World& world);
  void onKeyUp(Key key);
  void letGoOfEverything();
  void onLook(double dx, double dy);
  void onRotateKey(Key key);
  void onScroll(double dy);
  void onPostureKey(Key key);
  /// A number key while the phrase menu is open: that phrase is said at this tick.
  void onPhraseKey(Key key);
  void choosePhrase(int index);
  void say(ControlMessageKind kind, scene::EntityId entity = scene::kNoEntity);

  // Body: look, walk, crouch, pointing, Tab (desktop_body.cpp).
  /// Walks with the held keys; true when the body moved.
  bool walk(const scene::Scene& scene);
  [[nodiscard]] bool blocked(const scene::Scene& scene, const core::Vec3& feet) const;
  void updatePointed(const interaction::World& world);
  void cycleSelection(const interaction::World& world, bool backwards);
  void lookAt(const core::Vec3& point);
  [[nodiscard]] float eyeHeight() const;
  /// The body's heading: hands, shoulders and carried objects turn with it. The head turns
  /// up to kNeckTwist from it alone (so one can look at what the other hand holds); walking,
  /// or looking farther round, turns the body too.
  [[nodiscard]] core::Quat bodyRotation() const;
  void followHead(bool walked);
  [[nodiscard]] core::Quat viewRotation() const;
  [[nodiscard]] core::Vec3 eyes() const;
  [[nodiscard]] core::Vec3 shoulder(interaction::HandSide side) const;

  // Hands (desktop_hands.cpp).
  void onPrimaryDown(const interaction::World& world);
  void onPrimaryUp();
  void onSecondaryDown(const interaction::World& world);
  void onSecondaryUp();
  void startReach(Hand& hand, scene::EntityId target, const core::Vec3& point, Hand::Then then);
  void startRelease(Hand& hand);
  void updateHand(interaction::HandSide side, const interaction::World& world);
  void updateReach(Hand& hand, interaction::HandSide side, const interaction::World& world);
  /// A reach has arrived: grip, press or touch.
  void arrive(Hand& hand) const;
  void updateGrip(Hand& hand, interaction::HandSide side, const interaction::World& world) const;
  void updateHeld(Hand& hand, interaction::HandSide side, const interaction::World& world);
  void updateDrag(Hand& hand, interaction::HandSide side, const interaction::World& world);
  void updatePlace(Hand& hand, interaction::HandSide side, const interaction::World& world);
  void updateUseTool(Hand& hand, interaction::HandSide side, const interaction::World& world);
  void updatePreview(const interaction::World& world);
  /// The next point on the hand's way to `goal`: `goal`, or first a point drawn back towards
  /// the shoulder when the straight way would brush a collider or a live part.
  [[nodiscard]] core::Vec3 clearWay(Hand& hand, interaction::HandSide side,
                                    const core::Vec3& goal, const interaction::World& world) const;
  /// Moves the hand one tick towards `goal`; true once it is there.
  bool moveHandTowards(Hand& hand, const core::Vec3& goal, float speedFactor = 1.0F) const;
  [[nodiscard]] core::Pose restPose(interaction::HandSide side) const;
  [[nodiscard]] core::Pose carryPose(const Hand& hand, interaction::HandSide side,
                                     const interaction::World& world) const;
  [[nodiscard]] Hand& hand(interaction::HandSide side) {
    return hands_[static_cast<std::size_t>(side)];
  }
  [[nodiscard]] Hand& activeHandState() { return hand(active_); }

  ControlsTuning tuning_;
  std::vector<InputEvent> pending_;
  // The body: feet on the floor, a heading and a head tilt.
  core::Vec3 feet_{0.0F};
  core::Vec3 lastFeet_{0.0F};
  float yawDegrees_ = 0.0F;  // the head's heading
  float bodyYawDegrees_ = 0.0F;
  float lastBodyYawDegrees_ = 0.0F;
  float pitchDegrees_ = 0.0F;
  float standingEyeHeight_ = 1.7F;
  BodyPosture posture_ = BodyPosture::Standing;
  std::size_t phrases_ = 0;
  bool phraseMenu_ = false;
  int saying_ = -1;                             // the phrase chosen since the last tick
  static constexpr std::size_t kKeySlots = 64;  // one per Key, with room to grow
  static_assert(static_cast<std::size_t>(Key::K) < kKeySlots);
  std::array<bool, kKeySlots> keysDown_{};
  interaction::HandSide active_ = interaction::HandSide::Right;
  std::array<Hand, 2> hands_;
  // What the HUD and the frame builder read.
  std::optional<PointedObject> pointed_;
  std::optional<SnapPreview> preview_;
  std::optional<ControlMessage> message_;
  // Tab cycling: the objects in view when cycling began, kept until the view moves otherwise.
  std::vector<scene::EntityId> cycle_;
  std::size_t cycleIndex_ = 0;
  core::Tick ticks_ = 0;
};

}  // namespace praxis::app
