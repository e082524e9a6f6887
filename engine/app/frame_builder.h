// What to draw for a session's state: the scene, the step's highlights, the fault flash,
// the instruction panel and the trainee's eyes. Every front end with pixels (snapshot,
// desktop, VR) builds its render::FrameInput here, so they all show the same thing.
#pragma once

#include <optional>
#include <string>

#include "app/session.h"
#include "render/frame_input.h"

namespace praxis::app {

class DesktopControls;

/// Which views: one eye, both (stereo or side by side), or one camera between the eyes
/// (a desktop window).
enum class Eyes { Left, Right, Both, Centre };

struct FrameOptions {
  float aspect = 16.0F / 9.0F;  // width / height of one view
  Eyes eyes = Eyes::Left;       // one view per eye (Both: two, for stereo or side by side)
  /// A camera that frames the whole scene instead of the trainee's eyes.
  bool overview = false;
  /// Turn the head towards what the step highlights. Scripted trainees move hands, not
  /// heads, so a snapshot looks where a person would; a person's own head is left alone.
  bool lookAtHighlight = false;
  /// The panel's language; "" uses the session's.
  std::string language;
  /// The world-space instruction panel (VR, snapshot); a desktop window with the HUD, which
  /// shows the instruction itself, leaves it off.
  bool instructionPanel = true;
  /// Where the instruction panel is placed from (VR: a lazily following anchor, so the panel
  /// does not stick to the face); unset: the head.
  std::optional<core::Pose> panelAnchor;
  /// Instruction panel size factor (VR text size): bigger panel, bigger text.
  float panelScale = 1.0F;
  /// Seconds since the front end started; drives the highlight pulse (0: a fixed image).
  double timeSeconds = 0.0;
  /// Draw the trainee's tracked hands (desktop, VR; a snapshot looks at the scene alone).
  bool hands = false;
  /// The desktop controls, if any (hands drawn, their active one distinct, and their snap
  /// preview as a ghost of the held object where it would snap).
  const DesktopControls* controls = nullptr;
};

/// The frame for the session's state after its last tick. The frame points into the
/// session's scene: build it again after the session steps.
[[nodiscard]] render::FrameInput buildFrame(const Session& session, const FrameOptions& options);

/// Adds the trainee's tracked hands in `input` to `frame` (in place of `world`'s own hand
/// spheres, which it hides); with desktop `controls`, their active hand is marked and their
/// snap preview becomes a ghost of the held object.
void addTraineeVisuals(const interaction::World& world, const interaction::TraineeInput& input,
                       const DesktopControls* controls, render::FrameInput& frame);

/// The fault vignette's strength 0..1 at `tick`: a fault raised in the last second flashes,
/// fading out.
[[nodiscard]] float faultFlash(const scenario::Feedback& feedback, core::Tick tick);

}  // namespace praxis::app
