// DesktopControls: the event queue, the tick, and the keys. The body (look, walk, crouch,
// pointing, Tab) is in desktop_body.cpp, the hands in desktop_hands.cpp.
#include "app/desktop_controls.h"

#include <algorithm>
#include <cmath>

#include "interaction/world.h"

namespace praxis::app {

using interaction::HandSide;

namespace {

constexpr std::array<HandSide, 2> kSides{HandSide::Left, HandSide::Right};

bool isWalkKey(Key key) {
  switch (key) {
    case Key::W:
    case Key::A:
    case Key::S:
    case Key::D:
    case Key::Up:
    case Key::Down:
    case Key::Left:
    case Key::Right: return true;
    default: return false;
  }
}

}  // namespace

DesktopControls::DesktopControls(const scenario::TraineeStart& start, ControlsTuning tuning,
                                 std::size_t phrases)
    : tuning_(tuning),
      feet_(start.position),
      lastFeet_(start.position),
      yawDegrees_(start.yawDegrees),
      bodyYawDegrees_(start.yawDegrees),
      lastBodyYawDegrees_(start.yawDegrees),
      standingEyeHeight_(start.eyeHeight),
      phrases_(phrases) {
  for (HandSide side : kSides) {
    hand(side).pose = restPose(side);
    hand(side).carryDistance = tuning_.carryDistance;
  }
}

void DesktopControls::handle(const InputEvent& event) {
  pending_.push_back(event);
}

interaction::TraineeInput DesktopControls::tick(const interaction::World& world) {
  lastFeet_ = feet_;
  lastBodyYawDegrees_ = bodyYawDegrees_;
  // Pointing first, so a click acts on what the person saw under the cursor.
  updatePointed(world);
  std::vector<InputEvent> events;
  events.swap(pending_);
  for (const InputEvent& event : events) apply(event, world);
  followHead(walk(world.scene()));
  updatePointed(world);
  for (HandSide side : kSides) updateHand(side, world);
  updatePreview(world);
  ++ticks_;

  interaction::TraineeInput input;
  input.head = head();
  for (HandSide side : kSides) {
    const Hand& h = hand(side);
    input.hand(side) = interaction::HandInput{h.pose, h.grip, h.trigger, true};
  }
  input.say = static_cast<std::int16_t>(saying_);  // said in this one tick
  saying_ = -1;
  return input;
}

void DesktopControls::apply(const InputEvent& event, const interaction::World& world) {
  struct Visitor {
    DesktopControls& self;
    const interaction::World& world;
    void operator()(const KeyDown& e) const { self.onKeyDown(e.key, world); }
    void operator()(const KeyUp& e) const { self.onKeyUp(e.key); }
    // While the phrase menu is open the pointer is the HUD's: it neither looks nor grabs.
    void operator()(const MouseMove& e) const {
      if (!self.phraseMenu_) self.onLook(e.dx, e.dy);
    }
    void operator()(const MouseDown& e) const {
      if (self.phraseMenu_) return;
      if (e.button == MouseButton::Left) self.onPrimaryDown(world);
      if (e.button == MouseButton::Right) self.onSecondaryDown(world);
    }
    void operator()(const MouseUp& e) const {
      if (e.button == MouseButton::Left) self.onPrimaryUp();
      if (e.button == MouseButton::Right) self.onSecondaryUp();
    }
    void operator()(const Scroll& e) const { self.onScroll(e.dy); }
    void operator()(const Focus& e) const {
      if (!e.focused) self.letGoOfEverything();
    }
    void operator()(const Iconify& e) const {
      if (e.iconified) self.letGoOfEverything();
    }
    void operator()(const ContentScale& /*e*/) const {}  // the HUD's business, not the body's
    void operator()(const ChoosePhrase& e) const { self.choosePhrase(e.index); }
  };
  std::visit(Visitor{*this, world}, event);
}

void DesktopControls::letGoOfEverything() {
  // A window that loses focus never hears the key-ups and button-ups that follow: without
  // this the body would walk on and a dragged lever stay held.
  keysDown_.fill(false);
  onPrimaryUp();
  onSecondaryUp();
}

void DesktopControls::onKeyDown(Key key, const interaction::World& world) {
  const auto index = static_cast<std::size_t>(key);
  const bool repeat = keysDown_[index];
  keysDown_[index] = true;
  if (repeat && key != Key::Q && key != Key::E && key != Key::R && key != Key::F) return;
  if (isWalkKey(key)) {
    cycle_.clear();
    return;
  }
  if (phraseMenu_ && key >= Key::Digit0 && key <= Key::Digit9) return onPhraseKey(key);
  switch (key) {
    case Key::C:
    case Key::Ctrl:
    case Key::K:
    case Key::X: onPostureKey(key); break;
    case Key::T: phraseMenu_ = !phraseMenu_ && phrases_ > 0; break;
    case Key::Digit1: active_ = HandSide::Left; break;
    case Key::Digit2: active_ = HandSide::Right; break;
    case Key::Tab: cycleSelection(world, keysDown_[static_cast<std::size_t>(Key::Shift)]); break;
    case Key::Enter: onPrimaryDown(world); break;
    case Key::Space: onSecondaryDown(world); break;
    case Key::Q:
    case Key::E:
    case Key::R:
    case Key::F: onRotateKey(key); break;
    default: break;  // F1, F11, Esc and the rest belong to the front end
  }
}

void DesktopControls::onKeyUp(Key key) {
  keysDown_[static_cast<std::size_t>(key)] = false;
  if (key == Key::Enter) onPrimaryUp();
  if (key == Key::Space) onSecondaryUp();
}

void DesktopControls::onLook(double dx, double dy) {
  Hand& h = activeHandState();
  if (h.task == Hand::Task::Drag) {
    // While a lever or dial is held, the mouse moves it instead of the head.
    h.dragged = h.dragged || dx != 0.0 || dy != 0.0;
    h.dragOffset += (viewRotation() * core::Vec3(1.0F, 0.0F, 0.0F)) * static_cast<float>(dx) *
                        tuning_.dragMetresPerPixel +
                    (viewRotation() * core::Vec3(0.0F, 1.0F, 0.0F)) * static_cast<float>(-dy) *
                        tuning_.dragMetresPerPixel;
    h.dialTwist += static_cast<float>(dx) * tuning_.dialDegreesPerPixel;
    return;
  }
  if (dx == 0.0 && dy == 0.0) return;
  cycle_.clear();
  yawDegrees_ -= static_cast<float>(dx) * tuning_.lookDegreesPerPixel;
  yawDegrees_ = std::remainder(yawDegrees_, 360.0F);
  pitchDegrees_ = std::clamp(pitchDegrees_ - static_cast<float>(dy) * tuning_.lookDegreesPerPixel,
                             -tuning_.maxPitchDegrees, tuning_.maxPitchDegrees);
}

void DesktopControls::onRotateKey(Key key) {
  Hand& h = activeHandState();
  const float sign = (key == Key::E || key == Key::R) ? 1.0F : -1.0F;
  const bool horizontal = key == Key::Q || key == Key::E;
  if (h.task == Hand::Task::Drag) {
    h.dragged = true;
    const core::Vec3 along =
        viewRotation() * (horizontal ? core::Vec3(1, 0, 0) : core::Vec3(0, 1, 0));
    h.dragOffset += along * sign * tuning_.keyLeverStep;
    if (horizontal) h.dialTwist += sign * tuning_.keyDialStepDegrees;
    return;
  }
  if (h.task == Hand::Task::Carry) {
    // Turn the object about the body's vertical axis (Q/E) or its left-right axis (R/F).
    const core::Vec3 axis = horizontal ? core::Vec3(0, 1, 0) : core::Vec3(1, 0, 0);
    const float degrees = (horizontal ? -sign : sign) * tuning_.rotateStepDegrees;
    h.userRotation = glm::normalize(glm::angleAxis(glm::radians(degrees), axis) * h.userRotation);
    return;
  }
  // An empty hand: snap turn (Q/E) and tilt the head (R/F), for people without a mouse.
  cycle_.clear();
  if (horizontal) {
    yawDegrees_ = std::remainder(yawDegrees_ - sign * tuning_.turnStepDegrees, 360.0F);
    bodyYawDegrees_ = std::remainder(bodyYawDegrees_ - sign * tuning_.turnStepDegrees, 360.0F);
  } else {
    pitchDegrees_ = std::clamp(pitchDegrees_ + sign * tuning_.turnStepDegrees,
                               -tuning_.maxPitchDegrees, tuning_.maxPitchDegrees);
  }
}

void DesktopControls::onScroll(double dy) {
  Hand& h = activeHandState();
  const float steps = static_cast<float>(dy);
  if (h.task == Hand::Task::Drag) {
    // Scrolling pushes a held lever away from the eyes or pulls it nearer.
    h.dragged = true;
    h.dragOffset += (viewRotation() * core::Vec3(0, 0, -1)) * steps * tuning_.scrollStep;
    return;
  }
  if (h.task != Hand::Task::Carry) return;
  h.carryDistance = std::clamp(h.carryDistance + steps * tuning_.scrollStep, tuning_.carryMinimum,
                               tuning_.carryMaximum);
}

void DesktopControls::onPostureKey(Key key) {
  const BodyPosture wanted = key == Key::X   ? BodyPosture::Standing
                             : key == Key::K ? BodyPosture::Kneeling
                                             : BodyPosture::Crouching;
  // The same key again stands up: C alone toggles a crouch, as it always did.
  posture_ = wanted == posture_ ? BodyPosture::Standing : wanted;
}

void DesktopControls::onPhraseKey(Key key) {
  // 1..9: a scenario has at most nine phrases (the loader says so); 0 chooses none.
  choosePhrase(static_cast<int>(key) - static_cast<int>(Key::Digit1));
}

void DesktopControls::choosePhrase(int index) {
  if (!phraseMenu_ || index < 0 || static_cast<std::size_t>(index) >= phrases_) return;
  saying_ = index;
  phraseMenu_ = false;
}

void DesktopControls::say(ControlMessageKind kind, scene::EntityId entity) {
  message_ = ControlMessage{kind, entity, ticks_};
}

HandActivity DesktopControls::activity(HandSide side) const {
  using Task = Hand::Task;
  switch (hands_[static_cast<std::size_t>(side)].task) {
    case Task::Rest: return HandActivity::Resting;
    case Task::Carry: return HandActivity::Holding;
    case Task::Reach:
    case Task::Grip: return HandActivity::Reaching;
    case Task::Press: return HandActivity::Pressing;
    case Task::Touch: return HandActivity::Touching;
    case Task::Drag: return HandActivity::Dragging;
    case Task::Place: return HandActivity::Placing;
    case Task::UseTool:
      return hands_[static_cast<std::size_t>(side)].trigger > 0.0F ? HandActivity::UsingTool
                                                                   : HandActivity::Reaching;
  }
  return HandActivity::Resting;
}

}  // namespace praxis::app
