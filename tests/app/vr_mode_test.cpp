// app::VrMode in-process on the simulated OpenXR runtime (tools/xr_sim), for what the CLI's
// output cannot show: a person playing (no script) gets no tick while the runtime has taken
// the focus away, a lost session is replaced under the same attempt, and the thumbstick's snap
// turn and teleport come through the runtime's action system. The core validation
// layer and Vulkan validation are on; any message fails. Its own executable: it sets the
// PRAXIS_XR_SIM_* environment of the process, which the CLI tests must not inherit.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/vr_mode.h"
#include "scenario/loader.h"

namespace praxis::app {
namespace {

namespace fs = std::filesystem;

class VrModeOnSim : public ::testing::Test {
 protected:
  void SetUp() override {
    // The process id: two runs of the suite at once never share a folder.
    dir_ = fs::path(::testing::TempDir()) / ("praxis-vr-mode-" + std::to_string(::getpid()) + "-" + std::string(
                                                 ::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    ::setenv("XR_RUNTIME_JSON", PRAXIS_XR_SIM_MANIFEST, 1);
    ::setenv("XR_ENABLE_API_LAYERS", "XR_APILAYER_LUNARG_core_validation", 1);
    ::setenv("PRAXIS_XR_SIM_PACE", "free", 1);
    ::setenv("PRAXIS_XR_SIM_VIEW_SIZE", "64x48", 1);
    ::setenv("PRAXIS_XR_SIM_INPUT", (dir_ / "stream.jsonl").c_str(), 1);
    ::setenv("XDG_DATA_HOME", dir_.c_str(), 1);
    ::setenv("XDG_CACHE_HOME", (dir_ / "cache").c_str(), 1);
    if (std::getenv("XDG_RUNTIME_DIR") == nullptr) ::setenv("XDG_RUNTIME_DIR", "/tmp", 1);
    auto loaded = scenario::loadScenario(fs::path(PRAXIS_SOURCE_DIR) / "scenarios" / "safe-isolation");
    ASSERT_TRUE(loaded.ok()) << loaded.diagnostics.format();
    def_ = std::move(*loaded.scenario);
  }

  /// The device stream written upfront: the head and controllers stay still, `lines` add
  /// runtime events at their frames.
  void writeStream(const std::vector<std::string>& lines) {
    std::ofstream out(dir_ / "stream.jsonl");
    for (const auto& line : lines) out << line << "\n";
  }

  /// VrMode for a person (no script), validation on, nothing drawn but the frame loop whole.
  std::unique_ptr<VrMode> open(const xr::ComfortOptions& comfort = {}) {
    VrOptions options;
    options.comfort = comfort;
    options.packageDir = fs::path(PRAXIS_SOURCE_DIR) / "scenarios" / "safe-isolation";
    options.validation = true;
    options.onValidationMessage = [this](std::string_view m) { messages_.emplace_back(m); };
    options.draw = false;
    auto mode = VrMode::open(def_, std::move(options), {});
    EXPECT_TRUE(mode.has_value()) << (mode ? "" : mode.error().message);
    return mode ? std::move(*mode) : nullptr;
  }

  void TearDown() override {
    for (const char* name : {"PRAXIS_XR_SIM_INPUT", "PRAXIS_XR_SIM_FRAMES"}) ::unsetenv(name);
    EXPECT_TRUE(messages_.empty()) << messages_.front();
    std::error_code ignored;
    if (!HasFailure()) fs::remove_all(dir_, ignored);  // kept for a look when the test failed
  }

  fs::path dir_;
  scenario::ScenarioDef def_;
  std::vector<std::string> messages_;
};

/// Frames 30..89 without focus (the runtime's menu is up): 60 frames at 90 Hz in which no tick
/// may run; before and after, one tick per frame (the tick rate is the display rate here).
TEST_F(VrModeOnSim, NoTickRunsWhileTheRuntimeHasTheFocus) {
  writeStream({R"({"frame": 30, "event": "focus_loss"})", R"({"frame": 90, "event": "focus_gain"})"});
  ::setenv("PRAXIS_XR_SIM_FRAMES", "150", 1);
  auto mode = open();
  ASSERT_NE(mode, nullptr);
  ASSERT_TRUE(mode->run().has_value());
  const VrMode::Stats& stats = mode->stats();
  EXPECT_GE(stats.unfocusedFrames, 55) << "the focus came back at frame 90";
  EXPECT_LE(stats.unfocusedFrames, 70);
  const std::int64_t focused = stats.frames - stats.unfocusedFrames;
  EXPECT_NEAR(static_cast<double>(stats.ticks), static_cast<double>(focused), 3.0)
      << stats.frames << " frames, " << stats.unfocusedFrames << " without focus";
  EXPECT_EQ(static_cast<std::int64_t>(mode->attempt().session().tick()), stats.ticks);
}

/// A session lost at frame 40 is destroyed and created again on the same instance; the
/// attempt is the same object and its ticks go on from where they were.
TEST_F(VrModeOnSim, ALostSessionIsReplacedUnderTheSameAttempt) {
  writeStream({R"({"frame": 40, "event": "session_loss"})"});
  ::setenv("PRAXIS_XR_SIM_FRAMES", "120", 1);
  auto mode = open();
  ASSERT_NE(mode, nullptr);
  const Attempt* attempt = &mode->attempt();
  ASSERT_TRUE(mode->run().has_value());
  EXPECT_EQ(mode->session().state().recreations(), 1);
  EXPECT_EQ(&mode->attempt(), attempt);
  EXPECT_GT(mode->stats().ticks, 60) << "ticks ran in both sessions";
  EXPECT_EQ(static_cast<std::int64_t>(mode->attempt().session().tick()), mode->stats().ticks);
}

/// Heading in degrees of a pose's forward (-Z) direction about +Y.
float headingDegrees(const core::Quat& q) {
  const core::Vec3 f = q * core::Vec3(0.0F, 0.0F, -1.0F);
  return glm::degrees(std::atan2(-f.x, -f.z));
}

/// Locomotion through the runtime's action system: the right thumbstick pushed sideways (the
/// stream's line at frame 20) turns the trainee 30 degrees once; pushed forward from frame 40
/// it aims a teleport arc, let go at frame 60 it jumps to where the arc meets the floor.
TEST_F(VrModeOnSim, TheThumbstickSnapTurnsAndTeleportsThroughTheRuntime) {
  writeStream({R"({"frame": 20, "right": {"thumbstick": [1, 0]}})", R"({"frame": 24})",
               R"({"frame": 40, "right": {"thumbstick": [0, 1]}})", R"({"frame": 60})"});
  ::setenv("PRAXIS_XR_SIM_FRAMES", "30", 1);
  auto mode = open();
  ASSERT_NE(mode, nullptr);
  const core::Pose start = mode->attempt().session().initialInput().head;
  ASSERT_TRUE(mode->run().has_value());
  const core::Pose turned = mode->attempt().session().lastInput().head;
  EXPECT_NEAR(std::remainder(headingDegrees(turned.orientation) - headingDegrees(start.orientation), 360.0F),
              -30.0F, 0.5F)
      << "one snap turn to the right, however long the stick is held";
  EXPECT_NEAR(glm::distance(glm::vec2(turned.position.x, turned.position.z), glm::vec2(start.position.x, start.position.z)),
              0.0F, 0.01F)
      << "turned about the head";

  mode.reset();  // one instance at a time
  ::setenv("PRAXIS_XR_SIM_FRAMES", "80", 1);
  writeStream({R"({"frame": 20, "right": {"thumbstick": [1, 0]}})", R"({"frame": 24})",
               R"({"frame": 40, "right": {"thumbstick": [0, 1]}})", R"({"frame": 60})"});
  mode = open();
  ASSERT_NE(mode, nullptr);
  ASSERT_TRUE(mode->run().has_value());
  const core::Pose jumped = mode->attempt().session().lastInput().head;
  core::Vec3 step = jumped.position - turned.position;
  step.y = 0.0F;
  EXPECT_GT(glm::length(step), 1.0F) << "the arc lands metres ahead";
  EXPECT_LT(glm::length(step), xr::kTeleportReach);
  // Along the aimed direction: the controller points down -Z, turned 30 degrees to the right.
  const core::Vec3 aimed = turned.orientation * core::Vec3(0.0F, 0.0F, -1.0F);
  EXPECT_GT(glm::dot(glm::normalize(step), glm::normalize(core::Vec3(aimed.x, 0.0F, aimed.z))), 0.95F);
}

/// Seated and one-handed play, from what the runtime reports: a seated trainee's eyes (1.2 m
/// above the stage floor) are raised to a standing trainee's height in the world (by 0.45 m),
/// and with one hand doing everything the other controller, tracked and squeezed, is reported
/// untracked and open so it never grabs by accident.
TEST_F(VrModeOnSim, SeatedAndOneHandedPlayFromWhatTheRuntimeReports) {
  writeStream({R"({"frame": 0, "head": {"position": [0, 1.2, 0]}, "left": {"squeeze": 1}})"});
  ::setenv("PRAXIS_XR_SIM_FRAMES", "20", 1);
  xr::ComfortOptions comfort;
  comfort.seated = true;
  comfort.oneHanded = true;
  auto mode = open(comfort);
  ASSERT_NE(mode, nullptr);
  ASSERT_TRUE(mode->run().has_value());
  const interaction::TraineeInput& in = mode->attempt().session().lastInput();
  EXPECT_NEAR(in.head.position.y, 1.2F + comfort.seatedRaise, 1e-4F);
  EXPECT_FALSE(in.hand(interaction::HandSide::Left).tracked) << "the other hand is ignored";
  EXPECT_EQ(in.hand(interaction::HandSide::Left).grip, 0.0F);
  EXPECT_TRUE(in.hand(interaction::HandSide::Right).tracked);
}

/// The menu button, through the runtime's action system (Touch: the left controller's menu
/// button), hides the instruction panel; the next press shows it again. Held down, it toggles
/// once.
TEST_F(VrModeOnSim, TheMenuButtonHidesAndShowsTheInstructionPanel) {
  const std::string press = R"(, "left": {"menu": true}})";
  writeStream({R"({"frame": 10)" + press, R"({"frame": 16})"});
  ::setenv("PRAXIS_XR_SIM_FRAMES", "24", 1);
  auto mode = open();
  ASSERT_NE(mode, nullptr);
  EXPECT_TRUE(mode->instructionPanelShown());
  ASSERT_TRUE(mode->run().has_value());
  EXPECT_FALSE(mode->instructionPanelShown()) << "one press, held for 6 frames: hidden";
  mode.reset();
  writeStream({R"({"frame": 10)" + press, R"({"frame": 16})", R"({"frame": 20)" + press, R"({"frame": 22})"});
  mode = open();
  ASSERT_NE(mode, nullptr);
  ASSERT_TRUE(mode->run().has_value());
  EXPECT_TRUE(mode->instructionPanelShown()) << "pressed again: shown";
}

}  // namespace
}  // namespace praxis::app
