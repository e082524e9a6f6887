// Format preservation: every shipped scenario and every test fixture package opens and saves
// byte for byte; rewriting a value with itself changes nothing; the loader's tree gives keys
// and block scalars their whole spans.
#include <gtest/gtest.h>

#include <filesystem>

#include "edit/edit_session.h"
#include "edit_support.h"
#include "scenario/loader.h"
#include "scenario/yaml_tree.h"

namespace praxis::edit {
namespace {

using namespace testing;
namespace fs = std::filesystem;

/// scenarios/* and every package under tests/**/fixtures (broken ones too: saving must not
/// touch what it did not edit, whatever the file holds).
std::vector<fs::path> allPackages() {
  std::vector<fs::path> out = scenario::findScenarioPackages(sourceDir() / "scenarios");
  for (const auto& entry : fs::recursive_directory_iterator(sourceDir() / "tests")) {
    const auto path = entry.path().generic_string();
    if (entry.is_directory() && path.find("/fixtures/") != std::string::npos && scenario::isScenarioPackage(entry.path())) {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string testName(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name = info.param.lexically_relative(sourceDir()).generic_string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

class RoundTrip : public ::testing::TestWithParam<fs::path> {};

TEST_P(RoundTrip, UnchangedPackageSavesByteForByte) {
  const fs::path dir = scratchCopy(GetParam());
  auto session = EditSession::open(dir);
  ASSERT_TRUE(session) << session.error().message;
  EXPECT_FALSE(session->dirty());
  EXPECT_TRUE(session->changes().empty());
  ASSERT_TRUE(session->save());
  for (const auto& file : session->files()) {
    const auto relative = fs::path(file).lexically_relative(dir);
    EXPECT_EQ(readText(file), readText(GetParam() / relative)) << file;
  }
}

TEST_P(RoundTrip, SettingEveryIdToItselfChangesNothing) {
  auto session = EditSession::open(GetParam());
  ASSERT_TRUE(session) << session.error().message;
  if (session->diagnostics().hasErrors()) return;  // broken fixtures: saving unchanged is the point
  const std::string before = session->text();
  for (const auto& o : session->scenario().objects) {
    ASSERT_TRUE(session->apply(Command::set("objects/" + o.id, "id", o.id))) << o.id;
  }
  for (const auto& s : session->scenario().steps) {
    ASSERT_TRUE(session->apply(Command::set("steps/" + s.id, "id", s.id))) << s.id;
  }
  EXPECT_EQ(session->text(), before);
  EXPECT_FALSE(session->canUndo());  // nothing changed, so nothing to undo
}

TEST_P(RoundTrip, LoadSaveLoadGivesAnEqualScenario) {
  auto session = EditSession::open(GetParam());
  ASSERT_TRUE(session) << session.error().message;
  const auto direct = scenario::loadScenarioPackage(GetParam());
  EXPECT_EQ(session->diagnostics().format(), direct.diagnostics.format());
  if (!direct.ok()) return;
  const auto& a = *direct.scenario;
  const auto& b = session->scenario();
  ASSERT_EQ(a.objects.size(), b.objects.size());
  for (std::size_t i = 0; i < a.objects.size(); ++i) {
    EXPECT_EQ(a.objects[i].id, b.objects[i].id);
    EXPECT_EQ(a.objects[i].pose.position, b.objects[i].pose.position);
  }
  ASSERT_EQ(a.steps.size(), b.steps.size());
  for (std::size_t i = 0; i < a.steps.size(); ++i) EXPECT_EQ(a.steps[i].id, b.steps[i].id);
  EXPECT_EQ(a.faults.size(), b.faults.size());
  EXPECT_EQ(session->tests().size(), direct.tests.size());
}

INSTANTIATE_TEST_SUITE_P(Packages, RoundTrip, ::testing::ValuesIn(allPackages()), testName);

TEST(YamlTree, KeysAndBlockScalarsHaveTheirWholeSpans) {
  const std::string text =
      "title: {en: \"A\"}   # flow\n"
      "description: |\n"
      "  first line\n"
      "\n"
      "  second line\n"
      "plain: a long\n"
      "  folded value\n"
      "next: 1\n";
  auto tree = scenario::parseYamlTree(text, "t.yaml");
  ASSERT_TRUE(tree) << tree.error().message;
  const auto* description = tree->entry("description");
  ASSERT_NE(description, nullptr);
  EXPECT_EQ(text.substr(description->keySpan.begin, description->keySpan.end - description->keySpan.begin), "description");
  const auto& d = description->value.span;
  EXPECT_EQ(text.substr(d.begin, d.end - d.begin), "|\n  first line\n\n  second line");
  EXPECT_EQ(description->value.style, '|');
  const auto& p = tree->find("plain")->span;
  EXPECT_EQ(text.substr(p.begin, p.end - p.begin), "a long\n  folded value");
  const auto& t = tree->find("title")->span;
  EXPECT_EQ(text.substr(t.begin, t.end - t.begin), "{en: \"A\"}");
}

}  // namespace
}  // namespace praxis::edit
