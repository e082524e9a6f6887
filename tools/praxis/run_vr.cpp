// praxis run --mode vr|ar: comfort and blend options, the headset probe, and the device-stream
// writer that carries the autopilot's input through the simulated runtime (tools/xr_sim): the
// engine never includes tools/, so the CLI hands app::VrMode a hook.
#include "run_vr.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>

#include "app/tick_input.h"
#include "app/vr_mode.h"
#include "xr/choices.h"
#include "xr/instance.h"

#ifdef PRAXIS_HAVE_XR_SIM_STREAM
#include "sim_input_stream.h"
#endif

namespace praxis::cli {
namespace {

bool parseNumber(const std::string& text, double min, double max, double& out) {
  char* end = nullptr;
  out = std::strtod(text.c_str(), &end);
  return !text.empty() && *end == '\0' && out >= min && out <= max;
}

#ifdef PRAXIS_HAVE_XR_SIM_STREAM
xrsim::StreamPose streamPose(const core::Pose& p) {
  return {{p.position.x, p.position.y, p.position.z},
          {p.orientation.x, p.orientation.y, p.orientation.z, p.orientation.w}};
}

/// `bare`: the scripted trainee's hands hold no controller; hand tracking sees them, and the
/// script's grip becomes the pinch of thumb and index (the pose is the pinch point).
xrsim::HandState streamHand(const interaction::HandInput& h, bool bare) {
  xrsim::HandState out;
  out.grip = streamPose(h.pose);
  out.squeeze = h.grip;
  out.trigger = h.trigger;
  out.tracked = h.tracked;
  out.controller = !bare;
  return out;
}

/// PRAXIS_XR_SIM_HANDS=controllers (default) or bare: what the autopilot's hands hold.
core::Result<bool> bareHands() {
  const char* text = std::getenv("PRAXIS_XR_SIM_HANDS");
  const std::string hands = text != nullptr ? text : "controllers";
  if (hands != "controllers" && hands != "bare") {
    return core::fail("PRAXIS_XR_SIM_HANDS: '", hands, "' is not controllers or bare");
  }
  return hands == "bare";
}

/// PRAXIS_XR_SIM_EVENTS="FRAME:EVENT,..." (focus_loss, focus_gain, session_loss,
/// instance_loss): runtime events the stream raises at those frames, for fault tests.
core::Result<std::map<std::uint64_t, xrsim::StreamEvent>> scheduledEvents() {
  std::map<std::uint64_t, xrsim::StreamEvent> out;
  const char* text = std::getenv("PRAXIS_XR_SIM_EVENTS");
  if (text == nullptr) return out;
  std::istringstream in(text);
  for (std::string item; std::getline(in, item, ',');) {
    const auto colon = item.find(':');
    bool known = false;
    for (auto e : {xrsim::StreamEvent::FocusLoss, xrsim::StreamEvent::FocusGain,
                   xrsim::StreamEvent::SessionLoss, xrsim::StreamEvent::InstanceLoss}) {
      if (colon != std::string::npos && item.substr(colon + 1) == xrsim::toString(e)) {
        out[std::strtoull(item.substr(0, colon).c_str(), nullptr, 10)] = e;
        known = true;
      }
    }
    if (!known) return core::fail("PRAXIS_XR_SIM_EVENTS: '", item, "' is not FRAME:focus_loss|focus_gain|session_loss|instance_loss");
  }
  return out;
}

/// The autopilot's ticks as device-stream lines (world poses written as stage poses: the VR
/// mode pins its rig to the world while a script plays), with the scheduled events.
core::Result<std::function<void(std::uint64_t, const interaction::TraineeInput*)>> streamWriter() {
  const char* file = std::getenv("PRAXIS_XR_SIM_INPUT");
  if (file == nullptr || *file == '\0') return std::function<void(std::uint64_t, const interaction::TraineeInput*)>{};
  auto events = scheduledEvents();
  if (!events) return std::unexpected(events.error());
  auto bare = bareHands();
  if (!bare) return std::unexpected(bare.error());
  auto writer = std::make_shared<xrsim::InputStreamWriter>();
  if (auto error = writer->open(file); !error.empty()) return core::fail("PRAXIS_XR_SIM_INPUT ", file, ": ", error);
  auto last = std::make_shared<xrsim::DeviceState>(xrsim::defaultDeviceState());
  return [writer, last, bare = *bare, pending = std::move(*events)](std::uint64_t frame,
                                                                      const interaction::TraineeInput* input) mutable {
    last->event = xrsim::StreamEvent::None;
    const auto due = pending.begin();
    const bool event = due != pending.end() && due->first <= frame;
    if (input == nullptr && !event) return;  // the runtime keeps the last state
    last->frame = frame;
    if (input != nullptr) {
      last->head = streamPose(input->head);
      last->left = streamHand(input->hand(interaction::HandSide::Left), bare);
      last->right = streamHand(input->hand(interaction::HandSide::Right), bare);
    }
    if (event) {
      last->event = due->second;
      pending.erase(due);
    }
    if (auto error = writer->write(*last); !error.empty()) std::fprintf(stderr, "praxis run: %s\n", error.c_str());
  };
}
#else
core::Result<std::function<void(std::uint64_t, const interaction::TraineeInput*)>> streamWriter() {
  return std::function<void(std::uint64_t, const interaction::TraineeInput*)>{};
}
#endif

/// The OpenXR loader prints its own error lines on stderr when no runtime is installed; Praxis
/// says it in one line itself. XR_LOADER_DEBUG set by the user is kept.
void quietLoader() { ::setenv("XR_LOADER_DEBUG", "none", 0); }

}  // namespace

app::AttemptOptions attemptFor(const app::RunOptions& run, const scenario::TraineeScript& played) {
  app::AttemptOptions out = run.attempt;
  out.session.seed = played.seed;
  out.session.language = played.language;
  return out;
}

std::string vrHelp() {
  return "VR and AR mode (an OpenXR runtime with a headset; ar: AR glasses or a handheld):\n"
         "  --blend MODE      opaque, additive or alpha_blend (default: what the runtime offers,\n"
         "                    opaque for vr, see-through for ar)\n"
         "  --snap-turn DEG   degrees per snap turn of a thumbstick (default 30; 0 turns it off)\n"
         "  --seated          seated play: eyes raised to a standing trainee's height\n"
         "  --left-handed     the left stick teleports\n"
         "  --one-handed      one controller does everything; the other is ignored\n"
         "  --text-size N     instruction panel size 1, 1.25 or 1.5\n"
         "  --swapchains KIND array (multiview) or per-view (default: array for equal views)\n"
         "  Controls: squeeze grabs, trigger uses a tool, the thumbstick turns (sideways) and\n"
         "  teleports (push forward to aim the arc, let go to jump), menu hides or shows the\n"
         "  instruction panel. Tracked hands without controllers pinch thumb and index to\n"
         "  grab, thumb and middle finger to press or use.\n";
}

std::string vrOptionsProblem(const Args& args) {
  double v = 0.0;
  if (auto blend = args.option("--blend"); blend && !xr::parseBlendMode(*blend)) {
    return "--blend " + *blend + ": expected opaque, additive or alpha_blend";
  }
  if (auto snap = args.option("--snap-turn"); snap && !parseNumber(*snap, 0.0, 180.0, v)) {
    return "--snap-turn " + *snap + ": expected degrees from 0 to 180";
  }
  if (auto size = args.option("--text-size"); size && *size != "1" && *size != "1.25" && *size != "1.5") {
    return "--text-size " + *size + ": expected 1, 1.25 or 1.5";
  }
  if (auto kind = args.option("--swapchains"); kind && *kind != "array" && *kind != "per-view") {
    return "--swapchains " + *kind + ": expected array or per-view";
  }
  return {};
}

core::Result<std::string> headsetHere(bool augmented) {
  quietLoader();
  return xr::probeHeadset(augmented);
}

core::Result<app::RunResult> playVr(const Args& args, const std::filesystem::path& dir,
                                    const scenario::ScenarioDef& def,
                                    const scenario::TraineeScript& played, const app::RunOptions& run,
                                    bool augmented, std::size_t& messages) {
  quietLoader();
  app::VrOptions options;
  options.attempt = attemptFor(run, played);
  options.packageDir = dir;
  options.record = run.record;
  options.augmented = augmented;
  if (auto blend = args.option("--blend")) options.session.blend = xr::parseBlendMode(*blend);
  if (auto kind = args.option("--swapchains")) {
    options.session.layout = *kind == "array" ? xr::SwapchainLayout::Array : xr::SwapchainLayout::PerView;
  }
  if (auto snap = args.option("--snap-turn")) options.comfort.snapTurnDegrees = std::strtof(snap->c_str(), nullptr);
  if (auto size = args.option("--text-size")) options.comfort.textScale = std::strtof(size->c_str(), nullptr);
  options.comfort.seated = args.has("--seated");
  options.comfort.leftHanded = args.has("--left-handed");
  options.comfort.oneHanded = args.has("--one-handed");
  options.validation = args.has("--validate");
  options.onValidationMessage = [&messages](std::string_view m) {
    ++messages;
    std::fprintf(stderr, "%.*s\n", static_cast<int>(m.size()), m.data());
  };
  const bool scripted = args.has("--autopilot") || args.option("--script");
  if (scripted) {
    auto writer = streamWriter();
    if (!writer) return std::unexpected(writer.error());
    options.deviceInput = *writer;
  }
  app::ScriptedTickInput* script = nullptr;
  app::VrMode::InputFactory factory;
  if (scripted) {
    factory = [&](const app::Session& session) {
      auto input = std::make_unique<app::ScriptedTickInput>(played, session, run.idleSeconds);
      script = input.get();
      return std::unique_ptr<app::TickInput>(std::move(input));
    };
  }
  auto mode = app::VrMode::open(def, std::move(options), factory);
  if (!mode) return std::unexpected(mode.error());
  if (auto ran = (*mode)->run(); !ran) return std::unexpected(ran.error());
  app::RunResult result = app::summarise((*mode)->attempt().session());
  if (script != nullptr) result.scriptError = script->error();
  return result;
}

}  // namespace praxis::cli
