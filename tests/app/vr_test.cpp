// VR mode end to end on the simulated OpenXR runtime (tools/xr_sim), loaded by the real loader
// through XR_RUNTIME_JSON, with the OpenXR core validation layer and Vulkan validation on (any
// message fails: --validate makes praxis exit 1): every shipped scenario's reference solution,
// its input carried through the runtime's device stream and action system, passes with the
// same events as headless; a script that kneels and speaks does too, and a person kneels and
// says a phrase from the phrase menu with the controllers; eye images match goldens; AR is
// transparent; faults end cleanly.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "render/image.h"
#include "xapi/vocabulary.h"
#include "../render/render_fixture.h"
#include "shipped_packages.h"
#include "command.h"

namespace praxis::app {
namespace {

namespace fs = std::filesystem;

/// This process's scratch folder: the process id in its name keeps two runs of the suite (other
/// checkouts, a CI machine's parallel jobs) out of each other's way. Removed at exit when every
/// test passed; kept, with the streams and captures, when one failed.
struct ScratchRoot {
  fs::path path = fs::path(::testing::TempDir()) / ("praxis-vr-" + std::to_string(::getpid()));
  ScratchRoot() = default;
  ScratchRoot(const ScratchRoot&) = delete;
  ScratchRoot& operator=(const ScratchRoot&) = delete;
  ~ScratchRoot() {
    std::error_code ignored;
    if (::testing::UnitTest::GetInstance()->Passed()) fs::remove_all(path, ignored);
  }
};

/// A fresh folder for one test's stream, captures and data.
fs::path freshDir(const std::string& name) {
  static const ScratchRoot root;  // destroyed after the tests ran, before gtest's UnitTest
  const fs::path dir = root.path / name;
  fs::remove_all(dir);
  fs::create_directories(dir / "capture");
  return dir;
}

/// The environment of every run: the simulated runtime with core validation, frames as fast
/// as the CPU allows, small eyes (the goldens' size), the stream and data in `dir`.
std::string simEnvironment(const fs::path& dir, const std::string& extra = "") {
  return "XR_RUNTIME_JSON='" PRAXIS_XR_SIM_MANIFEST "' XR_ENABLE_API_LAYERS=XR_APILAYER_LUNARG_core_validation "
         "PRAXIS_XR_SIM_PACE=free PRAXIS_XR_SIM_VIEW_SIZE=96x80 PRAXIS_VK_DEVICE=cpu "
         "PRAXIS_XR_SIM_INPUT='" + (dir / "stream.jsonl").string() + "' XDG_DATA_HOME='" + dir.string() +
         "' XDG_CACHE_HOME='" + (dir / "cache").string() + "' " + extra;
}

std::string field(const std::string& json, const std::string& key) {
  std::smatch m;
  const std::regex re("\"" + key + "\":\"?([^,\"}]*)");
  return std::regex_search(json, m, re) ? m[1].str() : std::string();
}

/// The JSON result of `praxis run --json`: its last line that is an object.
std::string jsonLine(const std::string& output) {
  const auto start = output.rfind("\n{");
  const auto from = start == std::string::npos ? (output.starts_with("{") ? 0 : std::string::npos) : start + 1;
  return from == std::string::npos ? std::string() : output.substr(from, output.find('\n', from) - from);
}

class VrShipped : public ::testing::TestWithParam<fs::path> {};

TEST_P(VrShipped, TheReferencePassesThroughTheRuntimeWithTheHeadlessEvents) {
  const fs::path dir = freshDir("ref-" + GetParam().filename().string());
  auto headless = test::runPraxis("run '" + GetParam().string() + "' --headless --autopilot --json --no-xapi",
                                  "XDG_DATA_HOME='" + dir.string() + "'");
  ASSERT_EQ(headless.exitCode, 0) << headless.output;
  const fs::path haptics = dir / "haptics.jsonl";
  auto vr = test::runPraxis("run '" + GetParam().string() + "' --mode vr --autopilot --json --no-xapi --validate",
                            simEnvironment(dir, "PRAXIS_XR_SIM_HAPTICS='" + haptics.string() + "'"));
  ASSERT_EQ(vr.exitCode, 0) << vr.output;
  const std::string h = jsonLine(headless.output);
  const std::string v = jsonLine(vr.output);
  EXPECT_EQ(field(v, "outcome"), "passed") << v;
  EXPECT_EQ(field(v, "score"), field(h, "score"));
  EXPECT_EQ(field(v, "event_log_hash"), field(h, "event_log_hash")) << "headless " << h << "\nvr " << v;
  // Every reference solution grabs something: the grabbing hand's controller buzzed.
  std::ifstream felt(haptics);
  std::string line;
  int pulses = 0;
  while (std::getline(felt, line)) pulses += line.find("/output/haptic") != std::string::npos ? 1 : 0;
  EXPECT_GT(pulses, 0) << haptics;
}

INSTANTIATE_TEST_SUITE_P(Shipped, VrShipped, ::testing::ValuesIn(testsupport::shippedPackages()),
                         testsupport::packageTestName);

// Format 2 through the runtime: the script kneels (its head comes down through the device
// stream, so the posture is read from the tracked eyes) and says a phrase to the person it
// faces (speech is no controller channel: the script's phrase reaches the tick as it is).
TEST(Vr, AScriptThatKneelsAndSpeaksPassesThroughTheRuntimeAsHeadless) {
  const fs::path package = fs::path(PRAXIS_SOURCE_DIR) / "tests" / "app" / "fixtures" / "desktop-speech";
  const fs::path dir = freshDir("speech");
  auto headless = test::runPraxis("run '" + package.string() + "' --headless --autopilot --json --no-xapi",
                                  "XDG_DATA_HOME='" + dir.string() + "'");
  ASSERT_EQ(headless.exitCode, 0) << headless.output;
  auto vr = test::runPraxis("run '" + package.string() + "' --mode vr --autopilot --json --no-xapi --validate",
                            simEnvironment(dir));
  ASSERT_EQ(vr.exitCode, 0) << vr.output;
  const std::string h = jsonLine(headless.output);
  const std::string v = jsonLine(vr.output);
  EXPECT_EQ(field(h, "outcome"), "passed") << h;
  EXPECT_EQ(field(v, "outcome"), "passed") << v;
  EXPECT_EQ(field(v, "event_log_hash"), field(h, "event_log_hash")) << "headless " << h << "\nvr " << v;
}

// A person with the controllers (no script), every input from the runtime's device stream:
// kneels (the tracked head comes down), opens the phrase menu with B, moves the choice down
// with the stick, says "Stand clear!" to the colleague faced with A, and stands up again.
TEST(Vr, APersonKneelsAndSaysAPhraseFromTheMenuWithTheControllers) {
  const fs::path package = fs::path(PRAXIS_SOURCE_DIR) / "tests" / "app" / "fixtures" / "desktop-speech";
  const fs::path dir = freshDir("speech-person");
  {
    std::ofstream stream(dir / "stream.jsonl");
    const auto line = [&](int frame, float headY, const std::string& right) {
      stream << R"({"frame": )" << frame << R"(, "head": {"position": [0, )" << headY
             << R"(, 0], "orientation": [0, 0, 0, 1]}, "right": {)" << right << "}}\n";
    };
    line(0, 1.6F, "");
    line(30, 1.0F, "");                            // kneels
    line(60, 1.0F, R"("secondary": true)");        // B: the phrase menu
    line(63, 1.0F, "");
    line(70, 1.0F, R"("thumbstick": [0, -1])");    // down: the second phrase
    line(74, 1.0F, "");
    line(80, 1.0F, R"("primary": true)");          // A: says it
    line(83, 1.0F, "");
    line(110, 1.6F, "");                           // stands up
  }
  auto vr = test::runPraxis("run '" + package.string() + "' --mode vr --json --no-xapi --validate",
                            simEnvironment(dir, "PRAXIS_XR_SIM_FRAMES=900"));
  const std::string v = jsonLine(vr.output);
  EXPECT_EQ(field(v, "outcome"), "passed") << vr.output;
  EXPECT_EQ(vr.exitCode, 0) << vr.output;
}

fs::path safeIsolation() { return fs::path(PRAXIS_SOURCE_DIR) / "scenarios" / "safe-isolation"; }
fs::path fireExtinguisher() { return fs::path(PRAXIS_SOURCE_DIR) / "scenarios" / "fire-extinguisher"; }

/// The eye images the runtime captured of frame `frame`.
render::Image eye(const fs::path& dir, int frame, int eyeIndex) {
  char name[64];
  std::snprintf(name, sizeof name, "frame-%05d-eye-%d.png", frame, eyeIndex);
  auto image = render::readPng(dir / "capture" / name);
  EXPECT_TRUE(image.has_value()) << (dir / "capture" / name) << ": " << (image ? "" : image.error().message);
  return image ? *image : render::Image{};
}

/// Plays 32 frames of safe-isolation's reference with `options` (swapchain layout) and compares
/// both eyes of frame 30, as the runtime received them, with the goldens
/// (tests/render/golden/vr_safe_isolation_eye_{0,1}.png; tolerance of render tests: a channel
/// more than 6 apart makes a pixel differ, at most 0.5 % may differ).
void expectEyesMatchTheGoldens(const std::string& name, const std::string& options) {
  const fs::path dir = freshDir(name);
  (void)test::runPraxis("run '" + safeIsolation().string() + "' --mode vr " + options +
                            " --autopilot --no-xapi --validate",
                        simEnvironment(dir, "PRAXIS_XR_SIM_FRAMES=32 PRAXIS_XR_SIM_CAPTURE='" +
                                                (dir / "capture").string() + "'"));
  for (int e = 0; e < 2; ++e) {
    const render::Image image = eye(dir, 30, e);
    ASSERT_FALSE(image.rgba.empty());
    render::testing::expectMatchesGolden(image, "vr_safe_isolation_eye_" + std::to_string(e));
  }
}

TEST(Vr, EyeImagesMatchTheGoldens) { expectEyesMatchTheGoldens("goldens", ""); }

/// A runtime that gets one swapchain per eye (and depth) sees the same eyes as with one array
/// swapchain drawn with multiview: the same goldens.
TEST(Vr, OneSwapchainPerEyeDrawsTheSameEyes) { expectEyesMatchTheGoldens("per-view", "--swapchains per-view"); }

TEST(Vr, ArClearsToTransparentSoTheRealWorldShows) {
  const fs::path dir = freshDir("ar");
  auto run = test::runPraxis("run '" + fireExtinguisher().string() + "' --mode ar --autopilot --no-xapi --validate",
                             simEnvironment(dir, "PRAXIS_XR_SIM_BLEND=alpha_blend PRAXIS_XR_SIM_FRAMES=20 "
                                                 "PRAXIS_XR_SIM_CAPTURE='" + (dir / "capture").string() + "'"));
  EXPECT_NE(run.output.find(", ar, "), std::string::npos) << "the attempt is played in mode ar: " << run.output;
  const render::Image left = eye(dir, 10, 0);
  ASSERT_FALSE(left.rgba.empty());
  std::size_t transparent = 0;
  for (std::size_t i = 3; i < left.rgba.size(); i += 4) transparent += left.rgba[i] == 0 ? 1 : 0;
  EXPECT_GT(transparent, left.rgba.size() / 4 / 10) << "the background is see-through";
  EXPECT_LT(transparent, left.rgba.size() / 4) << "the scene's objects are drawn";
}

TEST(Vr, RunPicksVrWhenAnOpenXrRuntimeWithAHeadsetIsThere) {
  const fs::path dir = freshDir("pick");
  auto run = test::runPraxis("run '" + safeIsolation().string() + "' --autopilot --no-xapi",
                             simEnvironment(dir, "PRAXIS_XR_SIM_FRAMES=10"));
  EXPECT_NE(run.output.find("VR: "), std::string::npos) << run.output;
  EXPECT_NE(run.output.find(", vr, "), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("ended: aborted"), std::string::npos)
      << "the runtime ended the session after 10 frames: " << run.output;
}

/// The statements of an outbox, in the order they were stored (`praxis xapi export`).
std::vector<nlohmann::json> statementsOf(const fs::path& outbox) {
  const auto exported = test::runPraxis("xapi export --outbox '" + outbox.string() + "'");
  EXPECT_EQ(exported.exitCode, 0) << exported.output;
  std::vector<nlohmann::json> out;
  std::istringstream lines(exported.output);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("{")) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

/// The attempt's statements are complete (initialized first, terminated last) and every one
/// says the mode it was played in.
void expectCompleteStatementsInMode(const fs::path& outbox, const std::string& mode) {
  const auto all = statementsOf(outbox);
  ASSERT_GE(all.size(), 2U) << outbox;
  const std::string key(xapi::extensions::kMode);
  for (const auto& s : all) {
    EXPECT_EQ(s["context"]["extensions"].value(key, std::string()), mode) << s.dump();
  }
  EXPECT_EQ(all.front()["verb"]["id"], std::string(xapi::verbs::kInitialized)) << all.front().dump();
  EXPECT_EQ(all.back()["verb"]["id"], std::string(xapi::verbs::kTerminated)) << all.back().dump();
}

/// `praxis run --json` of the reference headless: the events VR must reproduce.
nlohmann::json headlessReference(const fs::path& package, const fs::path& dir) {
  auto run = test::runPraxis("run '" + package.string() + "' --headless --autopilot --json --no-xapi",
                             "XDG_DATA_HOME='" + dir.string() + "'");
  EXPECT_EQ(run.exitCode, 0) << run.output;
  const std::string line = jsonLine(run.output);
  return line.empty() ? nlohmann::json::object() : nlohmann::json::parse(line);
}

/// Runs the reference in VR with stream events, statements into `dir`/outbox.sqlite; returns
/// the exit code and the JSON result.
std::pair<int, nlohmann::json> runWithEvents(const fs::path& dir, const std::string& events) {
  auto run = test::runPraxis("run '" + safeIsolation().string() + "' --mode vr --autopilot --json --validate "
                             "--outbox '" + (dir / "outbox.sqlite").string() + "'",
                             simEnvironment(dir, "PRAXIS_XR_SIM_EVENTS=" + events));
  const std::string line = jsonLine(run.output);
  EXPECT_FALSE(line.empty()) << run.output;
  return {run.exitCode, line.empty() ? nlohmann::json::object() : nlohmann::json::parse(line)};
}

/// Focus away from frame 60 to 400: no tick runs meanwhile, so the attempt is the headless
/// one, event for event, however long the runtime kept the focus.
TEST(VrFaults, FocusLostAndRegainedPausesTheSimulationAndTheAttemptPasses) {
  const fs::path dir = freshDir("focus");
  const auto headless = headlessReference(safeIsolation(), dir);
  auto [code, v] = runWithEvents(dir, "60:focus_loss,400:focus_gain");
  EXPECT_EQ(code, 0) << v.dump();
  EXPECT_EQ(v.value("outcome", ""), "passed") << v.dump();
  EXPECT_EQ(v.value("event_log_hash", ""), headless.value("event_log_hash", "-")) << v.dump();
  EXPECT_EQ(v.value("simulated_seconds", 0.0), headless.value("simulated_seconds", -1.0));
  expectCompleteStatementsInMode(dir / "outbox.sqlite", "vr");
}

/// Lost at frame 120: a new session on the same instance, the same attempt going on, the
/// headless events.
TEST(VrFaults, ALostSessionIsRecreatedAndTheAttemptGoesOn) {
  const fs::path dir = freshDir("session-loss");
  const auto headless = headlessReference(safeIsolation(), dir);
  auto [code, v] = runWithEvents(dir, "120:session_loss");
  EXPECT_EQ(code, 0) << v.dump();
  EXPECT_EQ(v.value("outcome", ""), "passed") << v.dump();
  EXPECT_EQ(v.value("event_log_hash", ""), headless.value("event_log_hash", "-")) << v.dump();
  expectCompleteStatementsInMode(dir / "outbox.sqlite", "vr");
}

TEST(VrFaults, ALostInstanceEndsTheAttemptCleanlyAsAborted) {
  const fs::path dir = freshDir("instance-loss");
  auto [code, v] = runWithEvents(dir, "120:instance_loss");
  EXPECT_EQ(code, 1) << v.dump();
  EXPECT_EQ(v.value("end", ""), "aborted") << v.dump();
  EXPECT_EQ(v.value("outcome", ""), "failed") << v.dump();
  expectCompleteStatementsInMode(dir / "outbox.sqlite", "vr");
}

/// The simulated controllers take each suggested interaction profile in turn
/// (PRAXIS_XR_SIM_PROFILE): the reference (a grab, a tool used with the trigger) passes with each
/// full controller. Touch and Index read the squeeze as a value: the headless events exactly;
/// Vive and the Windows MR controller click it (at 0.5, not the hand's 0.6), so a grab may
/// come a tick earlier. (The Khronos simple controller has one button, bound to grab: a
/// reference that uses a tool cannot pass on it.)
struct ProfileCase {
  const char* name;
  const char* path;
  bool headlessEvents;
};

class VrProfiles : public ::testing::TestWithParam<ProfileCase> {};

TEST_P(VrProfiles, TheReferencePassesWithEachFullController) {
  const fs::path dir = freshDir(std::string("profile-") + GetParam().name);
  const auto headless = headlessReference(fireExtinguisher(), dir);
  auto run = test::runPraxis("run '" + fireExtinguisher().string() + "' --mode vr --autopilot --json --no-xapi --validate",
                             simEnvironment(dir, std::string("PRAXIS_XR_SIM_PROFILE=") + GetParam().path));
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto v = nlohmann::json::parse(jsonLine(run.output));
  EXPECT_EQ(v.value("outcome", ""), "passed") << v.dump();
  EXPECT_EQ(v.value("score", -1), headless.value("score", -2));
  if (GetParam().headlessEvents) {
    EXPECT_EQ(v.value("event_log_hash", ""), headless.value("event_log_hash", "-")) << v.dump();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Controllers, VrProfiles,
    ::testing::Values(ProfileCase{"touch", "/interaction_profiles/oculus/touch_controller", true},
                      ProfileCase{"index", "/interaction_profiles/valve/index_controller", true},
                      ProfileCase{"vive", "/interaction_profiles/htc/vive_controller", false},
                      ProfileCase{"wmr", "/interaction_profiles/microsoft/motion_controller", false}),
    [](const ::testing::TestParamInfo<ProfileCase>& param) { return std::string(param.param.name); });

/// A runtime without XR_KHR_vulkan_enable2 (PRAXIS_XR_SIM_WITHHOLD): Praxis falls back to
/// XR_KHR_vulkan_enable, creating the Vulkan instance and device itself with the runtime's
/// extension lists, and the reference passes with the headless events. Without either, `--mode
/// vr` is one line saying so.
TEST(VrVulkanEnable, WithoutEnable2TheReferencePassesThroughEnable1) {
  const fs::path dir = freshDir("enable1");
  const auto headless = headlessReference(fireExtinguisher(), dir);
  auto run = test::runPraxis("run '" + fireExtinguisher().string() + "' --mode vr --autopilot --json --no-xapi --validate",
                             simEnvironment(dir, "PRAXIS_XR_SIM_WITHHOLD=XR_KHR_vulkan_enable2"));
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto v = nlohmann::json::parse(jsonLine(run.output));
  EXPECT_EQ(v.value("event_log_hash", ""), headless.value("event_log_hash", "-")) << v.dump();
  auto neither = test::runPraxis(
      "run '" + fireExtinguisher().string() + "' --mode vr --autopilot --no-xapi",
      simEnvironment(dir, "PRAXIS_XR_SIM_WITHHOLD=XR_KHR_vulkan_enable2,XR_KHR_vulkan_enable"));
  EXPECT_EQ(neither.exitCode, 2) << neither.output;
  EXPECT_NE(neither.output.find("offers neither XR_KHR_vulkan_enable2 nor XR_KHR_vulkan_enable"), std::string::npos)
      << neither.output;
  EXPECT_EQ(std::count(neither.output.begin(), neither.output.end(), '\n'), 1) << neither.output;
}

/// --blend forces a blend mode; one the runtime does not offer is an error naming what it does.
TEST(VrOptions, AForcedBlendModeTheRuntimeLacksIsAnErrorNamingWhatItOffers) {
  const fs::path dir = freshDir("blend-missing");
  auto run = test::runPraxis("run '" + fireExtinguisher().string() + "' --mode vr --blend additive --autopilot --no-xapi",
                             simEnvironment(dir, "PRAXIS_XR_SIM_BLEND=opaque"));
  EXPECT_EQ(run.exitCode, 2) << run.output;
  EXPECT_NE(run.output.find("blend mode additive is not offered by the OpenXR runtime (it offers opaque)"),
            std::string::npos)
      << run.output;
}

/// Comfort options out of range are usage errors, before any runtime is started.
TEST(VrOptions, ComfortOptionsOutOfRangeAreUsageErrors) {
  for (const auto& [option, message] :
       {std::pair{"--snap-turn 500", "--snap-turn 500: expected degrees from 0 to 180"},
        std::pair{"--text-size 2", "--text-size 2: expected 1, 1.25 or 1.5"},
        std::pair{"--swapchains two", "--swapchains two: expected array or per-view"},
        std::pair{"--blend clear", "--blend clear: expected opaque, additive or alpha_blend"}}) {
    auto run = test::runPraxis("run '" + fireExtinguisher().string() + "' --mode vr " + option + " --no-xapi",
                               "XR_RUNTIME_JSON=/nonexistent/runtime.json");
    EXPECT_EQ(run.exitCode, 2) << option << ": " << run.output;
    EXPECT_NE(run.output.find(message), std::string::npos) << run.output;
  }
}

/// The haptic outputs the runtime applied (PRAXIS_XR_SIM_HAPTICS), one JSON object a line.
std::vector<nlohmann::json> hapticsOf(const fs::path& file) {
  std::vector<nlohmann::json> out;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
  return out;
}

/// Grab, snap into the lock point, grab the padlock off again (a critical fault): the grabbing
/// hand's controller buzzes lightly on each grab, firmly on the snap, and both buzz long and
/// strong on the fault (xr/haptics.h).
TEST(VrHaptics, AGrabASnapAndAFaultAreEachFelt) {
  const fs::path dir = freshDir("haptics");
  const fs::path file = dir / "haptics.jsonl";
  auto run = test::runPraxis("run '" + safeIsolation().string() + "' --mode vr --script removes-lock --json --no-xapi "
                             "--validate",
                             simEnvironment(dir, "PRAXIS_XR_SIM_HAPTICS='" + file.string() + "'"));
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_EQ(field(jsonLine(run.output), "end"), "critical_fault") << run.output;
  int grabs = 0;
  int snaps = 0;
  std::set<std::string> faultHands;
  for (const auto& h : hapticsOf(file)) {
    const double amplitude = h.value("amplitude", 0.0);
    const auto duration = h.value("duration_ns", std::int64_t{0});
    if (std::abs(amplitude - 0.35) < 1e-3 && duration == 30'000'000) ++grabs;
    if (std::abs(amplitude - 0.7) < 1e-3 && duration == 60'000'000) ++snaps;
    if (std::abs(amplitude - 1.0) < 1e-3 && duration == 400'000'000) faultHands.insert(h.value("source", ""));
  }
  EXPECT_EQ(grabs, 3) << "padlock, tag, padlock again";
  EXPECT_EQ(snaps, 2) << "padlock and tag";
  EXPECT_EQ(faultHands, (std::set<std::string>{"/user/hand/left/output/haptic", "/user/hand/right/output/haptic"}));
}

/// The controllers put down: hand tracking (XR_EXT_hand_tracking) sees the bare hands, and the
/// reference's grabs are pinches of thumb and index, never a squeeze (switches are pressed and
/// tools used by pinching thumb and middle finger). Every object is picked up that way, and the
/// attempt is the headless one, event for event.
class VrHands : public ::testing::TestWithParam<fs::path> {};

TEST_P(VrHands, BareHandsPinchToGrabAndTheReferencePasses) {
  const fs::path dir = freshDir("bare-hands-" + GetParam().filename().string());
  const auto headless = headlessReference(GetParam(), dir);
  auto run = test::runPraxis("run '" + GetParam().string() + "' --mode vr --autopilot --json --no-xapi --validate",
                             simEnvironment(dir, "PRAXIS_XR_SIM_HANDS=bare"));
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto v = nlohmann::json::parse(jsonLine(run.output));
  EXPECT_EQ(v.value("outcome", ""), "passed") << v.dump();
  EXPECT_EQ(v.value("score", -1), headless.value("score", -2));
  EXPECT_EQ(v.value("event_log_hash", ""), headless.value("event_log_hash", "-")) << v.dump();
  // What the runtime was told: after the first tick no hand holds a controller, and hands do pinch.
  std::ifstream stream(dir / "stream.jsonl");
  int lines = 0;
  int pinching = 0;
  for (std::string line; std::getline(stream, line); ++lines) {
    const auto state = nlohmann::json::parse(line);
    for (const char* hand : {"left", "right"}) {
      EXPECT_FALSE(state[hand].value("controller", true)) << line;
      pinching += state[hand].value("squeeze", 0.0) >= 0.6 ? 1 : 0;
    }
  }
  EXPECT_GT(lines, 100);
  EXPECT_GT(pinching, 0);
}

INSTANTIATE_TEST_SUITE_P(Shipped, VrHands, ::testing::ValuesIn(testsupport::shippedPackages()),
                         testsupport::packageTestName);

/// A phone or tablet: the runtime has no headset, only a handheld display with one
/// (PRIMARY_MONO) view. `--mode ar` plays on it: one eye image, transparent wherever no object
/// is drawn (alpha blend shows the camera image there; additive adds nothing), and every
/// statement says `ar`.
class VrHandheld : public ::testing::TestWithParam<std::string> {};

TEST_P(VrHandheld, MonoArRunsWithATransparentBackgroundAndSaysAr) {
  const fs::path dir = freshDir("handheld-" + GetParam());
  auto run = test::runPraxis("run '" + fireExtinguisher().string() + "' --mode ar --autopilot --validate "
                             "--outbox '" + (dir / "outbox.sqlite").string() + "'",
                             simEnvironment(dir, "PRAXIS_XR_SIM_FORM_FACTOR=handheld PRAXIS_XR_SIM_BLEND=" +
                                                     GetParam() + " PRAXIS_XR_SIM_FRAMES=20 PRAXIS_XR_SIM_CAPTURE='" +
                                                     (dir / "capture").string() + "'"));
  EXPECT_NE(run.output.find("ended: aborted"), std::string::npos)
      << "the runtime ended the session after 20 frames: " << run.output;
  EXPECT_TRUE(fs::exists(dir / "capture" / "frame-00010-eye-0.png")) << run.output;
  EXPECT_FALSE(fs::exists(dir / "capture" / "frame-00010-eye-1.png")) << "one view: mono";
  const render::Image image = eye(dir, 10, 0);
  ASSERT_FALSE(image.rgba.empty());
  std::size_t clear = 0;
  for (std::size_t i = 0; i < image.rgba.size(); i += 4) {
    const bool black = image.rgba[i] == 0 && image.rgba[i + 1] == 0 && image.rgba[i + 2] == 0;
    clear += black && image.rgba[i + 3] == 0 ? 1 : 0;
  }
  EXPECT_GT(clear, image.rgba.size() / 4 / 10) << "the background is see-through";
  EXPECT_LT(clear, image.rgba.size() / 4) << "the scene's objects are drawn";
  expectCompleteStatementsInMode(dir / "outbox.sqlite", "ar");
}

INSTANTIATE_TEST_SUITE_P(Blend, VrHandheld, ::testing::Values("alpha_blend", "additive"));

}  // namespace
}  // namespace praxis::app
