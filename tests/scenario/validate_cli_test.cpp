// `praxis validate` end to end: the real binary on the fixture packages, its output and its
// exit codes (0 ok or warnings only, 1 errors, 2 usage or missing path).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>

#include "command.h"
#include "fixture_paths.h"

namespace praxis::scenario {
namespace {

/// Runs `praxis validate <args>` from the fixtures folder (so paths print relative to it).
praxis::test::CommandResult validate(const std::string& args, bool withStderr = false) {
  return praxis::test::runCommand("cd '" + testing::fixtures().string() + "' && '" +
                                  praxis::test::praxisExecutable() + "' validate " + args +
                                  (withStderr ? " 2>&1" : " 2>/dev/null"));
}

TEST(ValidateCli, ValidPackagePrintsOkAndExitsZero) {
  const auto r = validate("valid/full-featured");
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.output, "full-featured: ok\n");
}

TEST(ValidateCli, ErrorsArePrintedSortedWithASummaryAndExitOne) {
  const auto r = validate("broken/flow broken/syntax");
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_EQ(r.output,
            "broken/flow/scenario.yaml:14:9: error: step 'orphan' is unreachable: no path from the first step 'start' "
            "leads to it (check the `next` and `goto` of the steps before it)\n"
            "broken/flow/scenario.yaml:28:11: error: steps form a cycle (inspect -> repair -> inspect); every path "
            "must reach the end, so a scenario always terminates\n"
            "broken/syntax/scenario.yaml:8:10: error: YAML syntax error: end of sequence flow not found (this '[' is "
            "never closed)\n"
            "flow: 2 errors, 0 warnings\n"
            "syntax: 1 error, 0 warnings\n");
}

TEST(ValidateCli, WarningsAloneExitZero) {
  const auto r = validate("broken/translations");
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_NE(r.output.find("broken/translations/scenario.yaml:5:8: warning: missing fr-BE translation of title\n"),
            std::string::npos);
  EXPECT_TRUE(r.output.ends_with("translations: 0 errors, 4 warnings\n")) << r.output;
}

TEST(ValidateCli, AFolderOfPackagesValidatesEachInNameOrder) {
  const auto r = validate("broken");
  EXPECT_EQ(r.exitCode, 1);
  const auto summary = r.output.find("assets: 2 errors, 0 warnings\nflow: 2 errors");
  EXPECT_NE(summary, std::string::npos) << r.output;
  EXPECT_TRUE(r.output.ends_with("translations: 0 errors, 4 warnings\n")) << r.output;
  // Sorted by file: assets' diagnostics come before flow's.
  EXPECT_LT(r.output.find("broken/assets/"), r.output.find("broken/flow/"));
}

TEST(ValidateCli, JsonOutputIsMachineReadable) {
  const auto r = validate("--json broken/assets valid/full-featured");
  EXPECT_EQ(r.exitCode, 1);
  const auto doc = nlohmann::json::parse(r.output);
  EXPECT_EQ(doc.at("errors"), 2);
  ASSERT_EQ(doc.at("packages").size(), 2U);
  const auto& assets = doc.at("packages")[0];
  EXPECT_EQ(assets.at("name"), "assets");
  EXPECT_EQ(assets.at("ok"), false);
  const auto& first = assets.at("diagnostics")[0];
  EXPECT_EQ(first.at("file"), "broken/assets/scenario.yaml");
  EXPECT_EQ(first.at("line"), 10);
  EXPECT_EQ(first.at("column"), 12);
  EXPECT_EQ(first.at("level"), "error");
  EXPECT_EQ(first.at("message"), "model: file not found: broken/assets/assets/panel.glb");
  EXPECT_EQ(doc.at("packages")[1].at("ok"), true);
}

TEST(ValidateCli, UsageErrorsAndMissingPathsExitTwo) {
  EXPECT_EQ(validate("").exitCode, 2);
  EXPECT_EQ(validate("--bogus valid").exitCode, 2);
  const auto missing = validate("no/such/dir", true);
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_EQ(missing.output, "praxis validate: no/such/dir: no such directory\n");
  const auto empty = validate("broken/assets/assets", true);
  EXPECT_EQ(empty.exitCode, 2);
  EXPECT_NE(empty.output.find("no scenario packages"), std::string::npos);
}

TEST(ValidateCli, HelpDescribesTheCommand) {
  const auto r = validate("--help");
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_TRUE(r.output.starts_with("usage: praxis validate DIR [DIR...] [--json]\n")) << r.output;
  EXPECT_NE(r.output.find("Exit codes: 0"), std::string::npos);
}

TEST(ValidateCli, AcceptsTheScenarioFileItself) {
  const auto r = validate("valid/full-featured/scenario.yaml");
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.output, "full-featured: ok\n");
}

}  // namespace
}  // namespace praxis::scenario
