// VR (and AR) mode: one attempt on an OpenXR headset. The runtime creates the Vulkan device
// (render's creation hook), the session's frame loop paces everything, the controllers' actions
// become the per-tick TraineeInput (xr/comfort.h: teleport, snap turn, seated, handedness), and
// each frame is the frame builder's view of the session for both eyes, with the instruction
// panel following the gaze lazily. The simulation ticks only while the session is focused; a
// lost session is created again and the attempt goes on.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "app/attempt.h"
#include "app/tick_input.h"
#include "core/result.h"
#include "xr/comfort.h"
#include "xr/phrase_menu.h"
#include "xr/session.h"

namespace praxis::app {

struct VrOptions {
  /// The session, its xAPI output and event listener; the mode is set to Vr (or Ar).
  AttemptOptions attempt;
  std::filesystem::path packageDir;
  /// AR glasses or a handheld: see-through blend modes, transparent clear, mode `ar`.
  bool augmented = false;
  xr::SessionOptions session;
  xr::ComfortOptions comfort;
  /// Vulkan validation and the OpenXR debug messenger (the core validation layer's messages
  /// when it is enabled with XR_ENABLE_API_LAYERS); every message goes to onValidationMessage.
  bool validation = false;
  std::function<void(std::string_view)> onValidationMessage;
  /// With a scripted trainee (--autopilot): called every frame before xrWaitFrame (when the
  /// simulated runtime reads its stream), with the index of that xrWaitFrame call and the next
  /// tick's input (null when none is due: the session is not focused). The
  /// CLI writes it into the simulated runtime's device stream, so it comes back through the
  /// runtime's action system as the controllers' state, and the tick runs on what came back.
  /// Unset: the script's input drives the tick directly (a demo on a real headset).
  std::function<void(std::uint64_t frame, const interaction::TraineeInput* input)> deviceInput;
  /// When set, every tick's input is appended here (--record).
  std::vector<interaction::TraineeInput>* record = nullptr;
  /// false: the frame loop runs without drawing (the frame-loop benchmark).
  bool draw = true;
  /// Seconds after the attempt ended before the session is asked to exit.
  double endLingerSeconds = 0.5;
};

/// The phrase menu's world-space panel for `session`'s trainee, with phrase `choice` marked.
[[nodiscard]] render::Panel phrasePanel(const Session& session, int choice);

class VrMode {
 public:
  /// Makes the scripted tick input (autopilot); empty: a person plays with the controllers.
  using InputFactory = std::function<std::unique_ptr<TickInput>(const Session&)>;

  /// Starts OpenXR, the renderer on the runtime's device, the session and the attempt. An
  /// absent runtime or headset is an error with one line (the CLI falls back to desktop).
  [[nodiscard]] static core::Result<std::unique_ptr<VrMode>> open(const scenario::ScenarioDef& def,
                                                                  VrOptions options,
                                                                  const InputFactory& scripted);
  ~VrMode();
  VrMode(const VrMode&) = delete;
  VrMode& operator=(const VrMode&) = delete;

  /// Frames until the session exits (the attempt ended, the runtime closed it, the instance
  /// was lost). An attempt unfinished then is reported as aborted: its statements are complete.
  [[nodiscard]] core::Result<void> run();
  /// One frame; false once the loop is over.
  [[nodiscard]] core::Result<bool> frame();

  [[nodiscard]] Attempt& attempt() { return *attempt_; }
  [[nodiscard]] const xr::Session& session() const { return *session_; }
  /// The menu button (either controller) hides the instruction panel and shows it again: a
  /// trainee who knows the step can clear the view.
  [[nodiscard]] bool instructionPanelShown() const { return panelShown_; }

  struct Stats {
    std::int64_t frames = 0;       // frames begun
    std::int64_t drawn = 0;        // frames with a projection layer
    std::int64_t ticks = 0;
    std::int64_t unfocusedFrames = 0;
    /// The frame loop's own time over all frames: OpenXR calls (events, wait/begin/end frame,
    /// action sync, poses) and the mapping to TraineeInput; not the ticks, not drawing.
    double loopMs = 0.0;
  };
  [[nodiscard]] const Stats& stats() const { return stats_; }
  /// The phrase menu (format 2), for the frame and for tests.
  [[nodiscard]] const xr::PhraseMenu& phraseMenu() const { return phrases_; }

 private:
  VrMode(const scenario::ScenarioDef& def, VrOptions options);
  [[nodiscard]] core::Result<void> start(const InputFactory& scripted);
  void runTicks(const interaction::TraineeInput& input, bool focused, double frameSeconds);
  [[nodiscard]] render::FrameInput buildVrFrame(const xr::LocatedViews& views, double frameSeconds);
  void onEvents(const Session& session, const EventBatch& batch);
  [[nodiscard]] core::Result<bool> recover(const core::Error& error);

  const scenario::ScenarioDef& def_;
  VrOptions options_;
  // Destroyed bottom-up: the session before the renderer, the renderer before the instance.
  std::unique_ptr<xr::Instance> instance_;
  std::unique_ptr<render::Renderer> renderer_;
  std::unique_ptr<xr::Session> session_;
  std::unique_ptr<Attempt> attempt_;
  std::unique_ptr<TickInput> input_;
  xr::Locomotion locomotion_;
  xr::LazyFollow panelAnchor_;
  xr::PhraseMenu phrases_;  // format 2: B / Y opens it, the stick chooses, A / X says
  std::vector<xr::HapticPulse> haptics_;
  /// The script's input for the next tick, written to the device stream, until a focused
  /// frame runs the tick.
  std::optional<interaction::TraineeInput> pendingScripted_;
  double secondsSinceStart_ = 0.0;
  double endedFor_ = 0.0;
  bool exitRequested_ = false;
  bool panelShown_ = true;
  bool menuHeld_ = false;  // the menu button was down last frame: one toggle per press
  Stats stats_;
};

}  // namespace praxis::app
