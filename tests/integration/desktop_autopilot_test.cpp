// Every shipped scenario's reference solution, played through the desktop controls by the
// desktop autopilot (synthesised mouse and keyboard events), reaches the same result as the
// headless scripted trainee: the runner cannot tell a desktop attempt from any other.
#include "app/desktop_autopilot.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "scenario/loader.h"

namespace praxis::app {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> shippedPackages() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(fs::path(PRAXIS_SOURCE_DIR) / "scenarios")) {
    if (scenario::isScenarioPackage(entry.path())) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class DesktopAutopilotOnShipped : public ::testing::TestWithParam<fs::path> {
 protected:
  void SetUp() override {
    package_ = scenario::loadScenarioPackage(GetParam());
    ASSERT_TRUE(package_.ok()) << package_.diagnostics.format();
    for (const auto& t : package_.tests) {
      if (t.reference) reference_ = &t;
    }
    ASSERT_NE(reference_, nullptr);
  }
  scenario::PackageLoadResult package_;
  const scenario::TraineeScript* reference_ = nullptr;
};

TEST_P(DesktopAutopilotOnShipped, ReferenceSolutionPassesWithTheHeadlessSteps) {
  const auto headless = runScript(*package_.scenario, *reference_);
  ASSERT_TRUE(headless.has_value()) << headless.error().message;
  const auto desktop = runDesktopAutopilot(*package_.scenario, *reference_);
  ASSERT_TRUE(desktop.has_value()) << desktop.error().message;
  EXPECT_FALSE(desktop->scriptError) << desktop->scriptError->message;
  EXPECT_EQ(desktop->outcome, scenario::Outcome::Passed) << toString(desktop->endReason);
  EXPECT_EQ(desktop->stepsCompleted, headless->stepsCompleted);
  EXPECT_EQ(desktop->faults, headless->faults);
  EXPECT_EQ(desktop->score, headless->score);
  EXPECT_TRUE(checkExpectations(reference_->expect, *desktop).empty());
}

TEST_P(DesktopAutopilotOnShipped, FasterAutopilotReachesTheSameStepsSooner) {
  const auto human = runDesktopAutopilot(*package_.scenario, *reference_);
  AutopilotOptions quick;
  quick.speed = 4.0;
  const auto fast = runDesktopAutopilot(*package_.scenario, *reference_, {}, quick);
  ASSERT_TRUE(human.has_value() && fast.has_value());
  EXPECT_EQ(fast->outcome, scenario::Outcome::Passed);
  EXPECT_EQ(fast->stepsCompleted, human->stepsCompleted);
  EXPECT_LT(fast->ticks, human->ticks);
}

TEST_P(DesktopAutopilotOnShipped, SameEventsGiveTheSameEventLogHash) {
  const auto a = runDesktopAutopilot(*package_.scenario, *reference_);
  const auto b = runDesktopAutopilot(*package_.scenario, *reference_);
  ASSERT_TRUE(a.has_value() && b.has_value());
  EXPECT_EQ(a->eventLogHash, b->eventLogHash);
}

INSTANTIATE_TEST_SUITE_P(Shipped, DesktopAutopilotOnShipped, ::testing::ValuesIn(shippedPackages()),
                         [](const ::testing::TestParamInfo<fs::path>& param) {
                           std::string name = param.param.filename().string();
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace praxis::app
