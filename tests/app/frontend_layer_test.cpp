// The front-end layer every front end shares: the real-time tick driver (accumulator, at
// most a few ticks per frame, pause), the one event cursor, and app::Attempt forwarding a
// session's events to xAPI and to its listener as they happen.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/attempt.h"
#include "app/event_cursor.h"
#include "app/headless.h"
#include "app/reporter.h"
#include "app/statement_output.h"
#include "app/tick_driver.h"
#include "core/sim_time.h"
#include "scenario/loader.h"
#include "shipped_packages.h"

namespace praxis::app {
namespace {

namespace fs = std::filesystem;
constexpr double kTick = core::kTickSeconds;

// --- TickDriver ----------------------------------------------------------------------

TEST(TickDriver, TurnsRealTimeIntoWholeTicksAndKeepsTheRemainder) {
  TickDriver driver;
  EXPECT_EQ(driver.advance(kTick * 0.5), 0);  // half a tick: nothing due yet
  EXPECT_NEAR(driver.alpha(), 0.5, 1e-9);
  EXPECT_EQ(driver.advance(kTick * 0.5), 1);  // the remainder completes it
  EXPECT_EQ(driver.advance(kTick * 2.25), 2);
  EXPECT_NEAR(driver.alpha(), 0.25, 1e-9);
  EXPECT_EQ(driver.ticks(), 3);
}

TEST(TickDriver, ExactlyOneSecondIsNinetyTicksAt60And144Hz) {
  for (const int hz : {60, 144}) {
    TickDriver driver;
    int ticks = 0;
    for (int frame = 0; frame < hz; ++frame) ticks += driver.advance(1.0 / hz);
    EXPECT_EQ(ticks, core::kTicksPerSecond) << hz << " Hz";
  }
}

TEST(TickDriver, RunsAtMostMaxTicksPerFrameAndDropsTheRest) {
  TickDriver driver({.maxTicksPerFrame = 3, .speed = 1.0});
  EXPECT_EQ(driver.advance(kTick * 10), 3);  // a 10-tick stall runs 3, not a burst of 10
  EXPECT_EQ(driver.droppedTicks(), 7);
  EXPECT_EQ(driver.advance(kTick), 1);  // and does not catch up on the next frame
}

TEST(TickDriver, PauseStopsTicksAndIsNotCaughtUpOnResume) {
  TickDriver driver;
  EXPECT_EQ(driver.advance(kTick * 0.75), 0);
  driver.setPaused(true);
  EXPECT_TRUE(driver.paused());
  EXPECT_EQ(driver.advance(5.0), 0);
  EXPECT_EQ(driver.ticks(), 0);
  driver.setPaused(false);
  EXPECT_EQ(driver.advance(kTick * 0.5), 0);  // the partial tick before the pause is gone
  EXPECT_EQ(driver.advance(kTick * 0.5), 1);
  EXPECT_EQ(driver.droppedTicks(), 0);
}

TEST(TickDriver, SpeedScalesSimulatedTime) {
  TickDriver driver({.maxTicksPerFrame = 8, .speed = 4.0});
  EXPECT_EQ(driver.advance(kTick), 4);
  EXPECT_EQ(driver.advance(-1.0), 0);  // a clock that went backwards adds nothing
}

// --- Attempt and EventCursor on a shipped scenario -------------------------------------

class FrontEndLayer : public ::testing::Test {
 protected:
  void SetUp() override {
    testsupport::loadWithReference(fs::path(PRAXIS_SOURCE_DIR) / "scenarios" / "safe-isolation", package_,
                                   reference_);
  }
  scenario::PackageLoadResult package_;
  const scenario::TraineeScript* reference_ = nullptr;
};

TEST_F(FrontEndLayer, EventCursorHandsOutEachEventOnceInOrder) {
  auto attempt = Attempt::create(*package_.scenario, {});
  ASSERT_TRUE(attempt.has_value()) << attempt.error().message;
  Session& session = (*attempt)->session();
  EventCursor cursor;
  const EventBatch first = cursor.next(session);
  ASSERT_FALSE(first.attempt.empty());  // started and the first step, at tick 0
  EXPECT_EQ(first.attempt.front().kind, scenario::AttemptEventKind::Started);
  EXPECT_TRUE(cursor.next(session).empty());  // nothing new without a step
  session.abort();
  const EventBatch last = cursor.next(session);
  ASSERT_EQ(last.attempt.size(), 1U);
  EXPECT_EQ(last.attempt.front().kind, scenario::AttemptEventKind::Ended);
  EXPECT_EQ(cursor.attemptSeen(), session.attemptEvents().size());
  EXPECT_EQ(cursor.worldSeen(), session.worldEvents().size());
}

TEST_F(FrontEndLayer, AttemptForwardsEveryEventToItsListenerAsItHappens) {
  std::vector<scenario::AttemptEvent> seen;
  std::size_t worldSeen = 0;
  core::Tick lastTick = -1;
  bool inOrder = true;
  RunOptions options;
  options.attempt.onEvents = [&](const Session& s, const EventBatch& batch) {
    for (const auto& e : batch.attempt) {
      inOrder = inOrder && e.tick >= lastTick && e.tick <= s.tick();
      lastTick = e.tick;
      seen.push_back(e);
    }
    worldSeen += batch.world.size();
  };
  auto run = runScript(*package_.scenario, *reference_, options);
  ASSERT_TRUE(run.has_value()) << run.error().message;
  EXPECT_EQ(run->outcome, scenario::Outcome::Passed);
  EXPECT_TRUE(inOrder);
  ASSERT_EQ(seen.size(), run->attemptEvents.size());
  for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i].kind, run->attemptEvents[i].kind);
  EXPECT_EQ(worldSeen, run->worldEventCount);
}

TEST_F(FrontEndLayer, RealTimeAdvanceRunsTheDriversTicksAndStopsWhenPaused) {
  auto attempt = Attempt::create(*package_.scenario, {});
  ASSERT_TRUE(attempt.has_value());
  Attempt& a = **attempt;
  const auto still = [&] { return a.session().lastInput(); };
  EXPECT_EQ(a.advance(kTick * 2, still), 2);
  EXPECT_EQ(a.session().tick(), 2);
  a.clock().setPaused(true);
  EXPECT_EQ(a.advance(1.0, still), 0);
  EXPECT_EQ(a.session().tick(), 2);
}

TEST_F(FrontEndLayer, RestartAbortsTheAttemptAndStartsAFreshSession) {
  std::vector<scenario::AttemptEventKind> kinds;
  AttemptOptions options;
  options.onEvents = [&](const Session&, const EventBatch& batch) {
    for (const auto& e : batch.attempt) kinds.push_back(e.kind);
  };
  auto attempt = Attempt::create(*package_.scenario, options);
  ASSERT_TRUE(attempt.has_value());
  (*attempt)->step((*attempt)->session().lastInput());
  ASSERT_TRUE((*attempt)->restart().has_value());
  EXPECT_EQ((*attempt)->session().tick(), 0);
  EXPECT_FALSE((*attempt)->ended());
  ASSERT_GE(kinds.size(), 4U);
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), scenario::AttemptEventKind::Ended), kinds.end());
  EXPECT_EQ(std::count(kinds.begin(), kinds.end(), scenario::AttemptEventKind::Started), 2);
}

TEST_F(FrontEndLayer, StatementsReachTheOutboxWhileTheAttemptIsStillRunning) {
  const fs::path dir = fs::path(::testing::TempDir()) / "praxis-frontend-layer";
  fs::remove_all(dir);
  fs::create_directories(dir);
  xapi::XapiSettings settings;
  settings.outbox = dir / "outbox.sqlite";
  auto output = StatementOutput::open(settings, core::Log{});
  ASSERT_TRUE(output.has_value()) << output.error().message;
  AttemptOptions options;
  options.session.mode = Mode::Desktop;
  options.output = output->get();
  options.traineeId = "test-trainee";
  auto attempt = Attempt::create(*package_.scenario, options);
  ASSERT_TRUE(attempt.has_value());
  for (int i = 0; i < 10; ++i) (*attempt)->step((*attempt)->session().lastInput());
  ASSERT_FALSE((*attempt)->ended());
  // Before the attempt ends: its "initialized" statement is already out.
  const StatementOutputSummary summary = (*output)->close(std::chrono::milliseconds(0));
  EXPECT_GE(summary.emitted, 1);
  EXPECT_EQ(summary.rejected, 0);
}

TEST_F(FrontEndLayer, TheEndScreensReportIsBuiltFromTheAttemptsOwnStatements) {
  auto attempt = Attempt::create(*package_.scenario, {});
  ASSERT_TRUE(attempt.has_value());
  (void)playScript(**attempt, *reference_, {});
  ASSERT_TRUE((*attempt)->ended());
  ReportContext context;
  context.mode = Mode::Desktop;
  context.language = "en";
  context.registration = "6c62c08f-1b8e-4d6a-9a51-3c8f2f4c9e10";
  auto html = attemptReportHtml(*package_.scenario, (*attempt)->session().attemptEvents(), context);
  ASSERT_TRUE(html.has_value()) << html.error().message;
  EXPECT_NE(html->find("<html"), std::string::npos);
  EXPECT_NE(html->find("Safe isolation"), std::string::npos);
  EXPECT_NE(html->find("desktop"), std::string::npos) << "the report names the mode";
}

}  // namespace
}  // namespace praxis::app
