#include "app/frame_builder.h"

#include <algorithm>

#include "app/desktop_controls.h"
#include "app/instruction_panel.h"
#include "interaction/world.h"
#include "render/renderer.h"

namespace praxis::app {
namespace {

constexpr float kHalfIpd = 0.032F;  // metres; an average adult's interpupillary distance / 2
constexpr float kFovY = 1.2F;       // radians, close to a headset's vertical field of view

core::Pose lookAtHighlighted(const scene::Scene& scene, const render::FrameInput& frame,
                             core::Pose head) {
  if (frame.highlighted.empty()) return head;
  core::Vec3 centre(0.0F);
  for (auto id : frame.highlighted) centre += scene.at(id).worldPose.position;
  centre /= static_cast<float>(frame.highlighted.size());
  if (glm::length(centre - head.position) > 0.05F) {
    head.orientation = glm::quatLookAt(glm::normalize(centre - head.position), {0, 1, 0});
  }
  return head;
}

/// Seconds the active step has run at `tick` (turns a long instruction's pages).
double secondsOnStep(const Session& session, core::Tick tick) {
  const auto& events = session.attemptEvents();
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    if (it->kind == scenario::AttemptEventKind::StepStarted) return core::ticksToSeconds(tick - it->tick);
  }
  return 0.0;
}

// What device displays show (scenario format 2): a panel of the display's size on the
// object's display face, in the panel text, so a screen reads the same on desktop and in VR.
void addDeviceDisplays(const scene::Scene& scene, render::FrameInput& frame) {
  constexpr std::uint32_t kDisplayPixelsPerMetre = 1300;  // 26 px text: about 2 cm high
  for (const scene::Entity& e : scene.entities()) {
    if (!e.display || e.display->text.empty() || !e.visual.visible) continue;
    render::Panel panel;
    panel.title = e.display->text;
    panel.pose = e.worldPose * e.display->pose;
    panel.pose.position += panel.pose.orientation * core::Vec3(0.0F, 0.0F, 0.001F);  // over the face
    panel.sizeMetres = {e.display->width, e.display->height};
    panel.pixelsPerMetre = kDisplayPixelsPerMetre;
    frame.panels.push_back(std::move(panel));
  }
}

}  // namespace

void addTraineeVisuals(const interaction::World& world, const interaction::TraineeInput& input,
                       const DesktopControls* controls, render::FrameInput& frame) {
  for (std::size_t i = 0; i < input.hands.size(); ++i) {
    const auto side = static_cast<interaction::HandSide>(i);
    frame.hidden.push_back(world.handEntity(side));
    if (!input.hands[i].tracked) continue;
    frame.hands.push_back(render::HandMarker{
        .pose = input.hands[i].pose,
        .active = controls != nullptr && controls->activeHand() == side});
  }
  if (controls != nullptr && controls->snapPreview()) {
    const SnapPreview& preview = *controls->snapPreview();
    frame.ghosts.push_back(render::Ghost{.entity = preview.object, .pose = preview.pose});
  }
}

float faultFlash(const scenario::Feedback& feedback, core::Tick tick) {
  if (feedback.faultTick < 0) return 0.0F;
  const double since = core::ticksToSeconds(tick - feedback.faultTick);
  return since < 1.0 ? static_cast<float>(1.0 - since) : 0.0F;
}

render::FrameInput buildFrame(const Session& session, const FrameOptions& options) {
  const scene::Scene& scene = session.scene();
  const scenario::Feedback feedback = session.feedback();
  // The state shown is the one after the last tick run, whose events carry tick() - 1.
  const core::Tick shown = std::max<core::Tick>(session.tick() - 1, 0);
  render::FrameInput frame;
  frame.scene = &scene;
  frame.timeSeconds = options.timeSeconds;
  for (const auto& id : feedback.highlight) {
    if (auto entity = scene.find(id)) frame.highlighted.push_back(*entity);
  }
  frame.faultFlash = faultFlash(feedback, shown);
  if (options.hands || options.controls != nullptr) {
    addTraineeVisuals(session.world(), session.lastInput(), options.controls, frame);
  }
  const std::size_t viewCount = options.eyes == Eyes::Both ? 2 : 1;
  if (options.overview) {
    frame.views.assign(viewCount, render::defaultView(scene, options.aspect));
    return frame;
  }
  core::Pose head = session.lastInput().head;
  if (options.lookAtHighlight) head = lookAtHighlighted(scene, frame, head);
  const std::string& language =
      options.language.empty() ? session.options().language : options.language;
  addDeviceDisplays(scene, frame);
  if (options.instructionPanel) {
    // Beside where the trainee looks, titled "3 · Title", paged, never over a highlight.
    if (auto panel = instructionPanel(session.definition(), feedback, scene,
                                      options.panelAnchor.value_or(head), language,
                                      secondsOnStep(session, shown))) {
      // Same texture, same layout, shown larger: the text grows with the panel.
      panel->sizeMetres *= options.panelScale;
      panel->pixelsPerMetre = static_cast<std::uint32_t>(
          static_cast<float>(panel->pixelsPerMetre) / std::max(options.panelScale, 0.1F));
      frame.panels.push_back(std::move(*panel));
    }
  }
  if (options.eyes == Eyes::Centre) {
    frame.views.push_back(render::makePerspectiveView(head, kFovY, options.aspect));
    return frame;
  }
  for (const float side : {-1.0F, 1.0F}) {
    if ((options.eyes == Eyes::Left && side > 0.0F) || (options.eyes == Eyes::Right && side < 0.0F)) {
      continue;
    }
    const core::Pose pose{head.apply({side * kHalfIpd, 0.0F, 0.0F}), head.orientation};
    frame.views.push_back(render::makePerspectiveView(pose, kFovY, options.aspect));
  }
  return frame;
}

}  // namespace praxis::app
