// `praxis edit DIR --apply EDITS.json [--dry-run]` as users run it: the diff it prints, what
// it saves, bad command files that change nothing, and a renamed shipped scenario whose
// scripted tests still pass under `praxis test`.
#include <gtest/gtest.h>

#include <filesystem>

#include "command.h"
#include "edit_support.h"

namespace praxis::edit {
namespace {

using namespace testing;
namespace fs = std::filesystem;

fs::path writeEdits(const fs::path& dir, const std::string& json) {
  const fs::path file = dir.parent_path() / (dir.filename().string() + "-edits.json");
  writeText(file, json);
  return file;
}

std::string q(const fs::path& p) { return "'" + p.generic_string() + "'"; }

TEST(EditCli, ApplyPrintsTheDiffAndSavesOnlyThoseLines) {
  const fs::path dir = scratchCopy(workshop());
  const auto edits = writeEdits(dir, R"([{"op": "set", "target": "objects/padlock", "path": "pos", "value": [0.5, 0.9, 0]}])");
  const auto result = test::runPraxis("edit " + q(dir) + " --apply " + q(edits));
  ASSERT_EQ(result.exitCode, 0) << result.output;
  EXPECT_NE(result.output.find("-    pos: [0.3, 0.95, 0]   # on the bench\n+    pos: [0.5, 0.9, 0]   # on the bench\n"),
            std::string::npos) << result.output;
  std::string expected = readText(workshop() / "scenario.yaml");
  expected.replace(expected.find("[0.3, 0.95, 0]"), 14, "[0.5, 0.9, 0]");
  EXPECT_EQ(readText(dir / "scenario.yaml"), expected);
}

TEST(EditCli, DryRunSavesNothing) {
  const fs::path dir = scratchCopy(workshop());
  const auto edits = writeEdits(dir, R"([{"op": "remove", "target": "objects/bench"}])");
  const auto result = test::runPraxis("edit " + q(dir) + " --apply " + q(edits) + " --dry-run");
  ASSERT_EQ(result.exitCode, 0) << result.output;
  EXPECT_NE(result.output.find("-  - id: bench"), std::string::npos) << result.output;
  EXPECT_EQ(readText(dir / "scenario.yaml"), readText(workshop() / "scenario.yaml"));
}

struct BadEdits {
  const char* json;
  int exitCode;
  const char* message;
};

class EditCliBad : public ::testing::TestWithParam<BadEdits> {};

TEST_P(EditCliBad, ChangesNothingAndSaysWhy) {
  const fs::path dir = scratchCopy(workshop());
  const auto edits = writeEdits(dir, GetParam().json);
  const auto result = test::runPraxis("edit " + q(dir) + " --apply " + q(edits));
  EXPECT_EQ(result.exitCode, GetParam().exitCode) << result.output;
  EXPECT_NE(result.output.find(GetParam().message), std::string::npos) << result.output;
  EXPECT_EQ(readText(dir / "scenario.yaml"), readText(workshop() / "scenario.yaml"));
  EXPECT_EQ(readText(dir / "tests" / "reference.yaml"), readText(workshop() / "tests" / "reference.yaml"));
}

INSTANTIATE_TEST_SUITE_P(
    Files, EditCliBad,
    ::testing::Values(
        BadEdits{"[{\"op\": \"set\", \"target\": \"objects/padlock\"", 2, "not valid JSON"},
        BadEdits{R"([{"op": "set", "target": "objects/padlock", "path": "pos", "value": 1}, {"op": "sett"}])", 2,
                 "command 1: unknown op 'sett'; did you mean 'set'?"},
        BadEdits{R"([{"op": "set", "target": "objects/padlock", "path": "pos", "value": [1, 1, 1]},
                    {"op": "rename", "kind": "object", "from": "padlok", "to": "x"}])",
                 1, "command 1 (rename object padlok → x): no object 'padlok'; did you mean 'padlock'?"},
        BadEdits{R"([{"op": "remove", "target": "objects/padlock"}])", 1, "nothing saved"}));

TEST(EditCli, RenamedShippedScenarioValidatesAndItsTestsPass) {
  const fs::path dir = scratchCopy(sourceDir() / "scenarios" / "safe-isolation");
  const auto edits = writeEdits(dir, R"([
    {"op": "rename", "kind": "object", "from": "padlock", "to": "hangslot"},
    {"op": "rename", "kind": "object", "from": "tester", "to": "voltage_tester"},
    {"op": "rename", "kind": "step", "from": "lock_out", "to": "secure"},
    {"op": "rename", "kind": "fault", "from": "touched_live_conductor", "to": "touched_live"}])");
  const auto applied = test::runPraxis("edit " + q(dir) + " --apply " + q(edits));
  ASSERT_EQ(applied.exitCode, 0) << applied.output;
  EXPECT_EQ(readText(dir / "scenario.yaml").find("padlock:"), std::string::npos);
  const auto validated = test::runPraxis("validate " + q(dir));
  EXPECT_EQ(validated.exitCode, 0) << validated.output;
  const auto tested = test::runPraxis("test " + q(dir));
  EXPECT_EQ(tested.exitCode, 0) << tested.output;
}

TEST(EditCli, HelpAndUsage) {
  const auto help = test::runPraxis("edit --help");
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_NE(help.output.find("--apply FILE"), std::string::npos);
  EXPECT_EQ(test::runPraxis("edit " + q(workshop()) + " --dry-run").exitCode, 2);
  EXPECT_EQ(test::runPraxis("edit /nonexistent --apply x.json").exitCode, 2);
}

}  // namespace
}  // namespace praxis::edit
