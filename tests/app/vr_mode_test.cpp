// app::VrMode in-process on the simulated OpenXR runtime (tools/xr_sim), for what the CLI's
// output cannot show: a person playing (no script) gets no tick while the runtime has taken
// the focus away, and a lost session is replaced under the same attempt. The core validation
// layer and Vulkan validation are on; any message fails. Its own executable: it sets the
// PRAXIS_XR_SIM_* environment of the process, which the CLI tests must not inherit.
#include <gtest/gtest.h>

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
    dir_ = fs::path(::testing::TempDir()) / ("praxis-vr-mode-" + std::string(
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
  std::unique_ptr<VrMode> open() {
    VrOptions options;
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

}  // namespace
}  // namespace praxis::app
