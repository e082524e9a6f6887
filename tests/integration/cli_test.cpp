// The praxis command line as users and CI call it: exit codes, output, JUnit, sharding,
// record/replay. Runs the real binary.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "command.h"
#include "core/paths.h"

namespace {

namespace fs = std::filesystem;

praxis::test::CommandResult praxis(const std::string& arguments, const std::string& environment = "") {
  return praxis::test::runPraxis(arguments, environment);
}

std::string scenarios() { return std::string(PRAXIS_SOURCE_DIR) + "/scenarios"; }

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("praxis-cli-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(Cli, HelpListsTheCommandsAndUnknownCommandIsAUsageError) {
  const auto help = praxis("--help");
  EXPECT_EQ(help.exitCode, 0);
  for (const char* command : {"validate", "test", "run", "replay", "bench"}) {
    EXPECT_NE(help.output.find(command), std::string::npos) << command;
  }
  EXPECT_EQ(praxis("frobnicate").exitCode, 2);
  EXPECT_EQ(praxis("test --help").exitCode, 0);
  EXPECT_EQ(praxis("test").exitCode, 2);  // missing DIR
  EXPECT_EQ(praxis("test /no/such/folder").exitCode, 2);
}

TEST(Cli, TestRunsEveryShippedTestAndWritesJUnit) {
  const fs::path junit = scratch("junit") / "report.xml";
  const auto out = praxis("test " + scenarios() + " --junit " + junit.string());
  EXPECT_EQ(out.exitCode, 0) << out.output;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(out.output, m, std::regex("\n(\\d+) passed, 0 failed\n$"))) << out.output;
  const int passed = std::stoi(m[1]);
  EXPECT_GE(passed, 8);
  const std::string xml = *praxis::core::readFile(junit);
  EXPECT_NE(xml.find("<testsuites name=\"praxis test\" tests=\"" + std::to_string(passed) + "\" failures=\"0\""),
            std::string::npos) << xml;
  EXPECT_NE(xml.find("<testsuite name=\"safe-isolation\""), std::string::npos);
}

TEST(Cli, AFailedExpectationFailsTheRunAndSaysWhy) {
  const fs::path dir = scratch("failing") / "safe-isolation";
  fs::copy(scenarios() + "/safe-isolation", dir, fs::copy_options::recursive);
  {
    std::ofstream wrong(dir / "tests" / "zz-wrong.yaml");
    wrong << "name: expects the impossible\nlanguage: en\nactions:\n  - wait: 1\n"
             "expect:\n  outcome: passed\n";
  }
  const auto out = praxis("test " + dir.string());
  EXPECT_EQ(out.exitCode, 1) << out.output;
  EXPECT_NE(out.output.find("FAIL  safe-isolation/zz-wrong"), std::string::npos) << out.output;
  EXPECT_NE(out.output.find("expected outcome passed, got failed"), std::string::npos) << out.output;
  EXPECT_NE(out.output.find(" passed, 1 failed"), std::string::npos);
}

TEST(Cli, ShardsSplitTheSuiteWithoutOverlap) {
  const auto all = praxis("test " + scenarios());
  const auto first = praxis("test " + scenarios(), "GTEST_TOTAL_SHARDS=2 GTEST_SHARD_INDEX=0");
  const auto second = praxis("test " + scenarios(), "GTEST_TOTAL_SHARDS=2 GTEST_SHARD_INDEX=1");
  const std::regex pass("PASS  (\\S+)");
  const auto names = [&](const std::string& text) {
    std::set<std::string> s;
    for (std::sregex_iterator it(text.begin(), text.end(), pass), end; it != end; ++it) s.insert((*it)[1]);
    return s;
  };
  const auto a = names(first.output);
  const auto b = names(second.output);
  EXPECT_FALSE(a.empty());
  EXPECT_FALSE(b.empty());
  std::set<std::string> both = a;
  both.insert(b.begin(), b.end());
  EXPECT_EQ(both.size(), a.size() + b.size());  // disjoint
  EXPECT_EQ(both, names(all.output));             // and complete
  EXPECT_EQ(praxis("test " + scenarios(), "GTEST_TOTAL_SHARDS=2 GTEST_SHARD_INDEX=2").exitCode, 2);
}

TEST(Cli, AutopilotPrintsEachStepAndRecordingReplaysIdentically) {
  const fs::path rec = scratch("record") / "attempt.prxrec";
  const auto run = praxis("run " + scenarios() + "/safe-isolation --headless --autopilot --language en --record " +
                          rec.string());
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.output.find("step 1/8 switch_off: Rule 1"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("step 8/8 cover"), std::string::npos);
  EXPECT_NE(run.output.find("result: PASSED, score 100/100"), std::string::npos);
  const auto replay = praxis("replay " + rec.string());
  EXPECT_EQ(replay.exitCode, 0) << replay.output;
  EXPECT_NE(replay.output.find("matches the recording"), std::string::npos) << replay.output;

  // Damage the file: a clear error and exit 2, never a crash.
  fs::resize_file(rec, fs::file_size(rec) - 3);
  const auto broken = praxis("replay " + rec.string());
  EXPECT_EQ(broken.exitCode, 2);
  EXPECT_NE(broken.output.find("truncated"), std::string::npos) << broken.output;
}

TEST(Cli, RunExplainsWhatItNeeds) {
  // Without a display there is no desktop window to pick: one line that suggests --headless.
  const auto noMode = praxis("run " + scenarios() + "/safe-isolation --autopilot",
                             "env -u DISPLAY -u WAYLAND_DISPLAY");
  EXPECT_EQ(noMode.exitCode, 2);
  EXPECT_NE(noMode.output.find("--headless"), std::string::npos) << noMode.output;
  const auto badMode = praxis("run " + scenarios() + "/safe-isolation --mode 3d --autopilot");
  EXPECT_EQ(badMode.exitCode, 2);
  EXPECT_NE(badMode.output.find("expected vr, ar, desktop or headless"), std::string::npos) << badMode.output;
  const auto badSpeed = praxis("run " + scenarios() + "/safe-isolation --headless --autopilot --speed 0");
  EXPECT_EQ(badSpeed.exitCode, 2);
  EXPECT_NE(badSpeed.output.find("--speed 0"), std::string::npos) << badSpeed.output;
  const auto noDriver = praxis("run " + scenarios() + "/safe-isolation --headless");
  EXPECT_EQ(noDriver.exitCode, 2);
  EXPECT_NE(noDriver.output.find("--autopilot or --script"), std::string::npos);
  const auto failing = praxis("run " + scenarios() + "/fire-extinguisher --headless --script water-extinguisher");
  EXPECT_EQ(failing.exitCode, 1);
  EXPECT_NE(failing.output.find("FAULT (critical) water_on_electrical_fire"), std::string::npos) << failing.output;
}

}  // namespace
