// Scenario coverage: items with their source lines, what an attempt covers, shard merging
// and the JSON that carries it between machines.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "app/coverage.h"
#include "app/headless.h"
#include "scenario/loader.h"

namespace praxis::app {
namespace {

namespace fs = std::filesystem;

scenario::PackageLoadResult planted() {
  auto package = scenario::loadScenarioPackage(fs::path(PRAXIS_SOURCE_DIR) / "tests/app/fixtures/explore-planted");
  EXPECT_TRUE(package.ok()) << package.diagnostics.format();
  return package;
}

const CoverageItem& item(const ScenarioCoverage& c, CoverageKind kind, const std::string& id) {
  const auto it = std::find_if(c.items.begin(), c.items.end(),
                               [&](const CoverageItem& i) { return i.kind == kind && i.id == id; });
  EXPECT_NE(it, c.items.end()) << id;
  return *it;
}

ScenarioCoverage covered(const scenario::PackageLoadResult& package, const scenario::TraineeScript& script) {
  ScenarioCoverage c = coverageItems(*package.scenario);
  RunOptions options;
  options.onFinished = [&](const Session& s) { recordAttempt(c, s); };
  EXPECT_TRUE(runScript(*package.scenario, script, options));
  return c;
}

TEST(Coverage, EveryItemKnowsTheLineThatDefinesIt) {
  const auto package = planted();
  const ScenarioCoverage c = coverageItems(*package.scenario);
  EXPECT_EQ(c.scenario, "explore-planted");
  EXPECT_EQ(item(c, CoverageKind::Step, "calibrate").span.line, 81);
  EXPECT_EQ(item(c, CoverageKind::Fault, "lamp_flicker").span.line, 90);
  EXPECT_EQ(item(c, CoverageKind::Branch, "take_key#0").span.line, 65);
  EXPECT_EQ(item(c, CoverageKind::Branch, "take_key#default").label, "branch take_key -> insert (otherwise)");
  EXPECT_EQ(item(c, CoverageKind::Interaction, "key:grab").label, "interaction grab key");
  EXPECT_EQ(item(c, CoverageKind::Interaction, "slot:snap").span.file, package.scenario->file);
  // 4 steps, 4 branches (2 explicit, 2 otherwise), 1 fault, 4 objects with 4 interactions.
  EXPECT_EQ(totals(c).total, 17);
}

TEST(Coverage, AnAttemptCoversWhatItsEventsShow) {
  const auto package = planted();
  const ScenarioCoverage c = covered(package, package.tests.front());
  EXPECT_EQ(item(c, CoverageKind::Step, "take_key").hits, 1);
  EXPECT_EQ(item(c, CoverageKind::Step, "insert").hits, 1);
  EXPECT_EQ(item(c, CoverageKind::Step, "detour").hits, 0);
  EXPECT_EQ(item(c, CoverageKind::Branch, "take_key#default").hits, 1);
  EXPECT_EQ(item(c, CoverageKind::Branch, "take_key#0").hits, 0);
  EXPECT_EQ(item(c, CoverageKind::Interaction, "key:grab").hits, 1);
  EXPECT_EQ(item(c, CoverageKind::Interaction, "slot:snap").hits, 1);
  EXPECT_EQ(item(c, CoverageKind::Object, "lamp").hits, 0);
  EXPECT_EQ(c.attempts, 1);
  EXPECT_EQ(totals(c, CoverageKind::Step).covered, 2);
  const std::string table = coverageTable(CoverageReport{.scenarios = {c}});
  EXPECT_NE(table.find("uncovered step calibrate (" + package.scenario->file + ":81)"), std::string::npos) << table;
}

TEST(Coverage, ShardsMergeIntoWhatOneRunWouldHaveCovered) {
  const auto package = planted();
  scenario::TraineeScript detour = package.tests.front();
  detour.actions.insert(detour.actions.begin(), scenario::Action{});
  detour.actions.front().kind = scenario::ActionKind::Set;
  detour.actions.front().object = "mode";
  detour.actions.front().state = "detour";
  const ScenarioCoverage first = covered(package, package.tests.front());
  const ScenarioCoverage second = covered(package, detour);

  CoverageReport merged;
  for (const auto* shard : {&first, &second}) {
    auto parsed = parseCoverageJson(coverageJson(CoverageReport{.scenarios = {*shard}}), "shard.json");
    ASSERT_TRUE(parsed) << parsed.error().message;
    merged.merge(parsed->scenarios.front());
  }
  ASSERT_EQ(merged.scenarios.size(), 1U);
  const ScenarioCoverage& m = merged.scenarios.front();
  EXPECT_EQ(m.attempts, 2);
  EXPECT_EQ(item(m, CoverageKind::Step, "take_key").hits, 2);
  EXPECT_EQ(item(m, CoverageKind::Step, "detour").hits, 1);  // only the second shard
  EXPECT_EQ(item(m, CoverageKind::Branch, "take_key#0").hits, 1);
  EXPECT_EQ(item(m, CoverageKind::Step, "calibrate").span.line, 81);  // spans survive JSON
  EXPECT_GT(merged.totals().covered, std::max(totals(first).covered, totals(second).covered));
}

TEST(Coverage, AFileThatIsNotCoverageIsAnErrorNamingIt) {
  EXPECT_FALSE(parseCoverageJson("{", "a.json"));
  const auto wrong = parseCoverageJson(R"({"format": "something-else"})", "b.json");
  ASSERT_FALSE(wrong);
  EXPECT_NE(wrong.error().message.find("b.json"), std::string::npos);
  const auto missing = parseCoverageJson(R"({"format": "praxis-coverage/1", "scenarios": [{"id": "x"}]})", "c.json");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("c.json"), std::string::npos);
}

}  // namespace
}  // namespace praxis::app
