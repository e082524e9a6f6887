// Every shipped scenario: its scripted trainees meet their expectations, and runs are
// deterministic (same inputs, same event log hash) across runs and across record/replay.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <limits>
#include <set>

#include "app/headless.h"
#include "app/input_recording.h"
#include "core/paths.h"
#include "interaction/world.h"
#include "scenario/loader.h"
#include "shipped_packages.h"

namespace praxis::app {
namespace {

namespace fs = std::filesystem;

using ShippedScenario = testsupport::ShippedPackageTest;

TEST_P(ShippedScenario, HasAReferenceSolutionThatPassesAndAtLeastThreeFailingTests) {
  auto run = runScript(*package_.scenario, *reference_);
  ASSERT_TRUE(run.has_value()) << run.error().message;
  EXPECT_EQ(run->outcome, scenario::Outcome::Passed);
  int failing = 0;
  std::set<std::string> distinct;  // each failing test shows a different fault or outcome
  for (const auto& t : package_.tests) {
    if (t.expect.outcome == scenario::Outcome::Failed) {
      ++failing;
      std::string key = t.expect.endReason.value_or("");
      for (const auto& f : t.expect.faults.value_or(std::vector<std::string>{})) key += "," + f;
      distinct.insert(key);
    }
  }
  EXPECT_GE(failing, 3);
  EXPECT_EQ(distinct.size(), static_cast<std::size_t>(failing));
}

TEST_P(ShippedScenario, EveryScriptedTraineeMeetsItsExpectations) {
  for (const auto& script : package_.tests) {
    auto run = runScript(*package_.scenario, script);
    ASSERT_TRUE(run.has_value()) << script.file << ": " << run.error().message;
    const auto failures = checkExpectations(script.expect, *run);
    EXPECT_TRUE(failures.empty()) << script.file << ": " << ::testing::PrintToString(failures);
  }
}

TEST_P(ShippedScenario, TwoRunsOfTheSameScriptGiveTheSameEventLogBitForBit) {
  auto a = runScript(*package_.scenario, *reference_);
  auto b = runScript(*package_.scenario, *reference_);
  ASSERT_TRUE(a && b);
  EXPECT_GT(a->worldEventCount, 10U);
  EXPECT_EQ(a->eventLogHash, b->eventLogHash);
  EXPECT_EQ(a->ticks, b->ticks);
}

TEST_P(ShippedScenario, ReplayOfARecordingReproducesTheEventLog) {
  std::vector<interaction::TraineeInput> inputs;
  RunOptions options;
  options.record = &inputs;
  auto recorded = runScript(*package_.scenario, *reference_, options);
  ASSERT_TRUE(recorded.has_value());

  const fs::path file = fs::path(::testing::TempDir()) / (GetParam().filename().string() + ".prxrec");
  Recording rec;
  rec.scenarioFolder = GetParam().string();
  rec.eventLogHash = recorded->eventLogHash;
  rec.inputs = inputs;
  ASSERT_TRUE(writeRecording(file, rec).has_value());
  auto loaded = readRecording(file);
  ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
  ASSERT_EQ(loaded->inputs.size(), inputs.size());
  EXPECT_TRUE(loaded->inputs == inputs);  // floats round-trip exactly

  auto replayed = runInputs(*package_.scenario, loaded->inputs);
  ASSERT_TRUE(replayed.has_value());
  EXPECT_EQ(replayed->eventLogHash, recorded->eventLogHash);
  EXPECT_EQ(replayed->score, recorded->score);
  EXPECT_EQ(replayed->outcome, recorded->outcome);

  // One changed value changes the log: the hash is not blind. Open the hand on the tick it
  // first closes, so the first grab happens one tick later (same events, other ticks).
  auto altered = loaded->inputs;
  const float close = interaction::InteractionTuning{}.gripClose;
  bool changed = false;
  for (std::size_t i = 1; i < altered.size() && !changed; ++i) {
    for (auto& hand : altered[i].hands) {
      const auto side = static_cast<std::size_t>(&hand - altered[i].hands.data());
      if (!changed && hand.grip >= close && altered[i - 1].hands[side].grip < close) {
        hand.grip = 0.0F;
        changed = true;
      }
    }
  }
  ASSERT_TRUE(changed) << "the reference solution closes a hand at some tick";
  ASSERT_EQ(altered.size(), loaded->inputs.size());
  auto partial = runInputs(*package_.scenario, altered);
  ASSERT_TRUE(partial.has_value());
  EXPECT_NE(partial->eventLogHash, recorded->eventLogHash);
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ShippedScenario, ::testing::ValuesIn(testsupport::shippedPackages()),
                         testsupport::packageTestName);

TEST(Recording, TruncatedOrForeignFilesAreClearErrors) {
  const fs::path dir = ::testing::TempDir();
  Recording rec;
  rec.inputs.resize(10);
  ASSERT_TRUE(writeRecording(dir / "ok.prxrec", rec).has_value());
  std::string bytes = *core::readFile(dir / "ok.prxrec");
  ASSERT_TRUE(core::writeFileAtomic(dir / "cut.prxrec", bytes.substr(0, bytes.size() - 7)).has_value());
  auto cut = readRecording(dir / "cut.prxrec");
  ASSERT_FALSE(cut.has_value());
  EXPECT_NE(cut.error().message.find("truncated"), std::string::npos) << cut.error().message;
  ASSERT_TRUE(core::writeFileAtomic(dir / "foreign.prxrec", "hello world, not a recording").has_value());
  auto foreign = readRecording(dir / "foreign.prxrec");
  ASSERT_FALSE(foreign.has_value());
  EXPECT_NE(foreign.error().message.find("not a Praxis input recording"), std::string::npos);
  auto missing = readRecording(dir / "does-not-exist.prxrec");
  ASSERT_FALSE(missing.has_value());
  EXPECT_NE(missing.error().message.find("does-not-exist.prxrec"), std::string::npos);
}

TEST(Recording, APhraseSaidIsRecordedAndAVersionOneRecordingStillReads) {
  const fs::path dir = ::testing::TempDir();
  Recording rec;
  rec.inputs.resize(4);
  rec.inputs[2].say = 3;  // the trainee says phrase 3 on tick 2
  ASSERT_TRUE(writeRecording(dir / "said.prxrec", rec).has_value());
  auto loaded = readRecording(dir / "said.prxrec");
  ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
  ASSERT_EQ(loaded->inputs.size(), 4U);
  EXPECT_EQ(loaded->inputs[2].say, 3);
  EXPECT_EQ(loaded->inputs[1].say, -1);

  // A version-1 recording is the same bytes without the per-tick phrase.
  std::string bytes = *core::readFile(dir / "said.prxrec");
  bytes[7] = '1';
  const std::size_t tick = (7 + 2 * (7 + 3) + 1) * sizeof(float);
  const std::size_t header = bytes.size() - 4 * tick;
  std::string v1 = bytes.substr(0, header);
  for (std::size_t t = 0; t < 4; ++t) v1 += bytes.substr(header + t * tick, tick - sizeof(float));
  ASSERT_TRUE(core::writeFileAtomic(dir / "v1.prxrec", v1).has_value());
  auto old = readRecording(dir / "v1.prxrec");
  ASSERT_TRUE(old.has_value()) << old.error().message;
  ASSERT_EQ(old->inputs.size(), 4U);
  EXPECT_EQ(old->inputs[2].say, -1);

  // A damaged phrase index is an error, not a wrapped number.
  std::string damaged = bytes;
  const float nan = std::numeric_limits<float>::quiet_NaN();
  std::memcpy(damaged.data() + header + 2 * tick + tick - sizeof(float), &nan, sizeof nan);
  ASSERT_TRUE(core::writeFileAtomic(dir / "damaged.prxrec", damaged).has_value());
  auto bad = readRecording(dir / "damaged.prxrec");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message.find("damaged recording"), std::string::npos) << bad.error().message;
}

}  // namespace
}  // namespace praxis::app
