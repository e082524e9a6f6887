// praxis test --coverage, praxis coverage merge and praxis explore as users and CI call them.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "command.h"
#include "core/paths.h"

namespace {

namespace fs = std::filesystem;

praxis::test::CommandResult praxis(const std::string& arguments, const std::string& environment = "") {
  return praxis::test::runPraxis(arguments, environment);
}

std::string scenarios() { return std::string(PRAXIS_SOURCE_DIR) + "/scenarios"; }
std::string planted() { return std::string(PRAXIS_SOURCE_DIR) + "/tests/app/fixtures/explore-planted"; }

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("praxis-coverage-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// The total row's "covered/total percent" cell of a kind's column (0 steps … 6 total).
std::string totalCell(const std::string& output, int column) {
  std::smatch m;
  const std::regex row("\ntotal((?:\\s+\\d+/\\d+\\s+(?:\\d+%|-)){7})\n");
  if (!std::regex_search(output, m, row)) return "";
  const std::string cells = m[1];
  const std::regex cell("(\\d+/\\d+)\\s+(\\d+%|-)");
  int i = 0;
  for (std::sregex_iterator it(cells.begin(), cells.end(), cell), end; it != end; ++it, ++i) {
    if (i == column) return (*it)[1].str() + " " + (*it)[2].str();
  }
  return "";
}

TEST(CoverageCli, TheShippedSuitesCoverEveryStepAndFault) {
  const auto out = praxis("test " + scenarios() + " --coverage");
  EXPECT_EQ(out.exitCode, 0) << out.output;
  const std::string steps = totalCell(out.output, 0);
  const std::string faults = totalCell(out.output, 2);
  EXPECT_TRUE(steps.ends_with(" 100%")) << out.output;
  EXPECT_TRUE(faults.ends_with(" 100%")) << out.output;
}

TEST(CoverageCli, MinCoverageGatesTheRun) {
  const auto low = praxis("test " + planted() + " --min-coverage 90");
  EXPECT_EQ(low.exitCode, 1) << low.output;
  EXPECT_NE(low.output.find("is below --min-coverage 90%"), std::string::npos) << low.output;
  EXPECT_NE(low.output.find("1 passed, 0 failed"), std::string::npos);  // the tests themselves pass
  EXPECT_EQ(praxis("test " + planted() + " --min-coverage 40").exitCode, 0);
  EXPECT_EQ(praxis("test " + planted() + " --min-coverage lots").exitCode, 2);
  EXPECT_EQ(praxis("test " + planted() + " --min-coverage 101").exitCode, 2);
}

TEST(CoverageCli, ShardFilesMergeIntoTheUnshardedCoverage) {
  const fs::path dir = scratch("shards");
  const auto whole = praxis("test " + scenarios() + " --coverage-json " + (dir / "whole.json").string());
  ASSERT_EQ(whole.exitCode, 0) << whole.output;
  for (int shard = 0; shard < 3; ++shard) {
    const auto out = praxis("test " + scenarios() + " --coverage-json " + (dir / ("shard" + std::to_string(shard) + ".json")).string(),
                            "GTEST_TOTAL_SHARDS=3 GTEST_SHARD_INDEX=" + std::to_string(shard));
    ASSERT_EQ(out.exitCode, 0) << out.output;
  }
  const auto shardOnly = praxis("coverage merge " + (dir / "shard0.json").string());
  const auto merged = praxis("coverage merge " + (dir / "shard0.json").string() + " " + (dir / "shard1.json").string() +
                             " " + (dir / "shard2.json").string() + " --coverage-json " + (dir / "merged.json").string() +
                             " --coverage-html " + (dir / "merged.html").string());
  ASSERT_EQ(merged.exitCode, 0) << merged.output;
  EXPECT_EQ(totalCell(merged.output, 6), totalCell(whole.output + praxis("coverage merge " + (dir / "whole.json").string()).output, 6));
  EXPECT_NE(totalCell(shardOnly.output, 6), totalCell(merged.output, 6)) << "one shard alone covers less";
  const std::string html = *praxis::core::readFile(dir / "merged.html");
  EXPECT_NE(html.find("scenarios/safe-isolation/scenario.yaml:"), std::string::npos) << "uncovered items name file:line";
  EXPECT_EQ(praxis("coverage merge " + (dir / "merged.html").string()).exitCode, 2);
  EXPECT_EQ(praxis("coverage frobnicate " + (dir / "shard0.json").string()).exitCode, 2);
}

TEST(CoverageCli, ExploreFindsThePlantedProblemsAndWritesTestsThatReplay) {
  const fs::path dir = scratch("explore");
  const auto out = praxis("explore " + planted() + " --write-tests " + dir.string());
  EXPECT_EQ(out.exitCode, 1) << out.output;
  EXPECT_NE(out.output.find("search complete"), std::string::npos) << out.output;
  EXPECT_NE(out.output.find("PROBLEM step 'calibrate' can never be completed"), std::string::npos) << out.output;
  EXPECT_NE(out.output.find("PROBLEM fault 'lamp_flicker' can never be raised"), std::string::npos) << out.output;
  EXPECT_NE(out.output.find("PROBLEM dead end at step 'insert'"), std::string::npos) << out.output;
  const fs::path test = dir / "explore-explore-planted-dead-end-insert.yaml";
  ASSERT_TRUE(fs::exists(test)) << out.output;
  const auto replay = praxis("run " + planted() + " --headless --no-xapi --script " + test.string());
  EXPECT_EQ(replay.exitCode, 1) << replay.output;  // the attempt fails: it is stuck
  EXPECT_NE(replay.output.find("step 2/4 insert"), std::string::npos) << replay.output;
  EXPECT_NE(replay.output.find("ended: aborted"), std::string::npos) << replay.output;
}

TEST(CoverageCli, ExploreSaysWhenTheBudgetCutTheSearch) {
  const auto out = praxis("explore " + scenarios() + "/safe-isolation --max-states 40");
  EXPECT_EQ(out.exitCode, 0) << out.output;
  EXPECT_NE(out.output.find("search cut by --max-states"), std::string::npos) << out.output;
  EXPECT_NE(out.output.find("not reached within the budget: step"), std::string::npos) << out.output;
  EXPECT_NE(out.output.find("depth"), std::string::npos);
  EXPECT_EQ(praxis("explore " + planted() + " --seconds -1").exitCode, 2);
  EXPECT_EQ(praxis("explore").exitCode, 2);
}

}  // namespace
