#include "app/vr_mode.h"

#include <chrono>
#include <thread>

#include "app/frame_builder.h"
#include "app/hud_strings.h"
#include "app/scene_models.h"
#include "interaction/world.h"
#include "render/renderer.h"
#include "xr/vulkan_binding.h"

namespace praxis::app {
namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

/// The phrase menu as a panel half a metre in front of the eyes and a little below them,
/// titled with the person faced, one numbered phrase a line, the choice marked.
render::Panel phrasePanel(const Session& session, int choice) {
  const std::string& language = session.options().language;
  const core::Pose head = session.lastInput().head;
  const scene::EntityId person = session.world().addressee(head);
  const scenario::ScenarioDef& def = session.definition();
  std::string title = hudText(HudText::Say, language);
  for (const auto& p : def.people) {
    if (person != scene::kNoEntity && session.scene().at(person).id == p.id) {
      title = hudText(HudText::SayTo, language, {p.label.in(language)});
    }
  }
  std::string body;
  for (std::size_t i = 0; i < def.phrases.size(); ++i) {
    body += (static_cast<int>(i) == choice ? "> " : "   ") + std::to_string(i + 1) + "  " +
            def.phrases[i].text.in(language) + "\n";
  }
  const core::Quat facing = xr::yawOnly(head.orientation);
  render::Panel panel;
  panel.title = std::move(title);
  panel.body = std::move(body);
  panel.pose = core::Pose{head.position + facing * core::Vec3(0.0F, -0.15F, -0.5F), facing};
  panel.sizeMetres = glm::vec2(0.36F, 0.05F + 0.035F * static_cast<float>(def.phrases.size()));
  panel.pixelsPerMetre = 1000;
  return panel;
}

VrMode::VrMode(const scenario::ScenarioDef& def, VrOptions options)
    : def_(def), options_(std::move(options)), locomotion_(options_.comfort, true) {}

VrMode::~VrMode() {
  session_.reset();  // before the renderer whose device its swapchains live on
  if (renderer_) renderer_->waitIdle();
}

core::Result<std::unique_ptr<VrMode>> VrMode::open(const scenario::ScenarioDef& def, VrOptions options,
                                                   const InputFactory& scripted) {
  std::unique_ptr<VrMode> mode(new VrMode(def, std::move(options)));
  if (auto ok = mode->start(scripted); !ok) return std::unexpected(ok.error());
  return mode;
}

core::Result<void> VrMode::start(const InputFactory& scripted) {
  auto& o = options_;
  o.attempt.session.mode = o.augmented ? Mode::Ar : Mode::Vr;
  o.session.augmented = o.augmented;
  auto instance = xr::Instance::create({.augmented = o.augmented,
                                        .onMessage = o.validation ? o.onValidationMessage : nullptr,
                                        .vulkanEnable = std::nullopt});
  if (!instance) return std::unexpected(instance.error());
  instance_ = std::move(*instance);
  auto creator = xr::makeVulkanCreator(*instance_);
  if (!creator) return std::unexpected(creator.error());
  render::RendererOptions ro;
  ro.creator = *creator;
  ro.validation = o.validation;
  ro.onValidationMessage = o.onValidationMessage;
  ro.msaaSamples = render::kMsaaAuto;
  auto renderer = render::Renderer::create(std::move(ro));
  if (!renderer) return std::unexpected(renderer.error());
  renderer_ = std::move(*renderer);
  auto session = xr::Session::create(*instance_, *renderer_, o.session);
  if (!session) return std::unexpected(session.error());
  session_ = std::move(*session);
  // Haptics follow the attempt's events; the caller's listener still sees every batch.
  auto listener = o.attempt.onEvents;
  o.attempt.onEvents = [this, listener](const Session& s, const EventBatch& batch) {
    onEvents(s, batch);
    if (listener) listener(s, batch);
  };
  auto attempt = Attempt::create(def_, o.attempt);
  if (!attempt) return std::unexpected(attempt.error());
  attempt_ = std::move(*attempt);
  if (auto models = addSceneModels(*renderer_, attempt_->session().scene(), o.packageDir); !models) {
    return models;
  }
  locomotion_ = xr::Locomotion(o.comfort, session_->stageSpace());
  if (scripted) {
    input_ = scripted(attempt_->session());
    // The script's poses are world poses written as stage poses: they must come back unchanged.
    locomotion_.pin();
  }
  return {};
}

void VrMode::onEvents(const Session& /*session*/, const EventBatch& batch) {
  const auto pulses = xr::hapticsFor(batch.world);
  haptics_.insert(haptics_.end(), pulses.begin(), pulses.end());
  for (const auto& e : batch.attempt) {
    if (e.kind != scenario::AttemptEventKind::FaultRaised) continue;
    const auto fault = xr::faultHaptics();
    haptics_.insert(haptics_.end(), fault.begin(), fault.end());
  }
}

void VrMode::runTicks(const interaction::TraineeInput& input, bool focused, double frameSeconds) {
  Attempt& a = *attempt_;
  const auto take = [&](const interaction::TraineeInput& in) {
    if (options_.record != nullptr) options_.record->push_back(in);
    ++stats_.ticks;
    return in;
  };
  if (input_) {
    // Scripted: one tick per focused frame. Through a device stream the input is the one that
    // came back through the runtime's actions; without one (a real headset) the script's own.
    if (focused && pendingScripted_ && !a.ended()) {
      interaction::TraineeInput in = options_.deviceInput ? input : *pendingScripted_;
      // Speech is no controller channel: the script's phrase goes straight to the tick.
      if (pendingScripted_->say >= 0) in.say = pendingScripted_->say;
      a.step(take(in));
      pendingScripted_.reset();
    }
    return;
  }
  (void)a.advance(frameSeconds, [&] { return take(input); });
}

render::FrameInput VrMode::buildVrFrame(const xr::LocatedViews& views, double frameSeconds) {
  const Session& s = attempt_->session();
  FrameOptions fo;
  fo.eyes = Eyes::Both;
  fo.hands = true;
  fo.timeSeconds = secondsSinceStart_;
  fo.panelAnchor = panelAnchor_.update(s.lastInput().head, frameSeconds);
  fo.panelScale = options_.comfort.textScale;
  fo.instructionPanel = panelShown_;
  render::FrameInput frame = buildFrame(s, fo);
  frame.views.clear();
  for (std::size_t v = 0; v < views.poses.size(); ++v) {
    const core::Pose eye = locomotion_.rig() * views.poses[v];
    const XrFovf& f = views.fovs[v];
    frame.views.push_back(render::makeFovView(eye, f.angleLeft, f.angleRight, f.angleUp, f.angleDown));
  }
  frame.clearColour = xr::clearColourFor(session_->blendMode(), frame.clearColour);
  if (session_->blendMode() != XR_ENVIRONMENT_BLEND_MODE_OPAQUE) {
    // See-through: the real floor is there, so the scenario's floor planes are not drawn
    // (they still hold objects up); everything else stands over the real world.
    const auto& entities = s.scene().entities();
    for (std::size_t i = 0; i < entities.size(); ++i) {
      if (entities[i].visual.shape.kind == scene::ShapeKind::Plane) {
        frame.hidden.push_back(static_cast<scene::EntityId>(i));
      }
    }
  }
  if (phrases_.open()) frame.panels.push_back(phrasePanel(s, phrases_.choice()));
  if (const auto& arc = locomotion_.aiming()) {
    // The teleport arc as a dotted line of small markers, the landing as a large one.
    for (std::size_t i = 0; i < arc->points.size(); i += 3) {
      frame.hands.push_back(render::HandMarker{.pose = core::Pose{arc->points[i], {}}, .active = false});
    }
    if (arc->landing) frame.hands.push_back(render::HandMarker{.pose = core::Pose{*arc->landing, {}}, .active = true});
  }
  return frame;
}

core::Result<bool> VrMode::frame() {
  auto start = Clock::now();
  auto action = session_->pollEvents();
  if (!action) return std::unexpected(action.error());
  if (*action == xr::SessionAction::Exit) return false;
  const xr::SessionStateMachine& state = session_->state();
  if (!state.running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // waiting for READY
    return true;
  }
  // The script's input for the next tick goes into the device stream before xrWaitFrame,
  // which is when the runtime reads the stream. A tick that cannot run (focus lost at this
  // wait) keeps its input for the next focused frame, so script and session stay in step.
  if (input_ && state.focused() && !pendingScripted_ && !attempt_->ended()) {
    pendingScripted_ = input_->tick(attempt_->session());
    if (!pendingScripted_) attempt_->abort();  // the script stood idle: the trainee walked away
  }
  if (options_.deviceInput) {
    options_.deviceInput(session_->framesWaited(), pendingScripted_ ? &*pendingScripted_ : nullptr);
  }
  auto timing = session_->beginFrame();
  if (!timing) return std::unexpected(timing.error());
  if (!*timing) return true;  // the session is being lost: the next poll recreates it
  ++stats_.frames;
  const double frameSeconds = static_cast<double>((*timing)->predictedPeriod) * 1e-9;
  secondsSinceStart_ += frameSeconds;
  const XrTime time = (*timing)->predictedDisplayTime;
  auto device = session_->sync(time);
  if (!device) return recover(device.error());
  auto views = session_->locateViews(time);
  if (!views) return recover(views.error());
  if (!device->focused) ++stats_.unfocusedFrames;
  attempt_->clock().setPaused(!device->focused);  // no ticks while the runtime's menu is up
  if (!locomotion_.placed() && device->headTracked) {
    locomotion_.recentre(device->head, attempt_->session().initialInput().head);
  }
  phrases_.update(*device, locomotion_.dominant(), def_.phrases.size());
  const xr::DeviceState steering = phrases_.steering(*device, locomotion_.dominant());
  locomotion_.update(steering, 0.0F);
  const bool menu = device->hands[0].menu || device->hands[1].menu;
  if (menu && !menuHeld_) panelShown_ = !panelShown_;
  menuHeld_ = menu;
  auto input = xr::toTraineeInput(steering, locomotion_, attempt_->session().lastInput());
  input.say = static_cast<std::int16_t>(phrases_.take());
  const auto ticksStart = Clock::now();
  runTicks(input, device->focused, frameSeconds);
  const double tickMs = msSince(ticksStart);  // simulation, not frame-loop overhead
  session_->vibrate(haptics_);
  haptics_.clear();
  stats_.loopMs += msSince(start) - tickMs;
  const bool draw = options_.draw && state.visible();
  render::FrameInput drawn;
  if (draw) drawn = buildVrFrame(*views, frameSeconds);
  start = Clock::now();
  auto ended = session_->endFrame(**timing, *views, draw ? &drawn : nullptr);
  if (!ended) return recover(ended.error());
  if (!ended->skipped) ++stats_.drawn;
  if (!draw) stats_.loopMs += msSince(start);
  if (attempt_->ended()) endedFor_ += frameSeconds;
  if (attempt_->ended() && endedFor_ >= options_.endLingerSeconds && !exitRequested_) {
    session_->requestExit();
    exitRequested_ = true;
  }
  return true;
}

core::Result<bool> VrMode::recover(const core::Error& error) {
  // A call in a session being lost fails (XR_ERROR_SESSION_LOST); the loss event is queued:
  // polling recreates the session and the frame is skipped. Anything else is a real failure.
  const int before = session_->state().recreations();
  auto action = session_->pollEvents();
  if (!action) return std::unexpected(action.error());
  if (*action == xr::SessionAction::Exit) return false;
  if (session_->state().recreations() > before) return true;
  return std::unexpected(error);
}

core::Result<void> VrMode::run() {
  for (;;) {
    auto more = frame();
    if (!more) {
      // A call that failed because the instance is going: end cleanly, as the event says.
      (void)session_->pollEvents();
      if (session_->state().instanceLost()) break;
      attempt_->abort();
      return std::unexpected(more.error());
    }
    if (!*more) break;
  }
  attempt_->abort();  // the session ended before the attempt did: reported as aborted
  renderer_->waitIdle();
  return {};
}

}  // namespace praxis::app
