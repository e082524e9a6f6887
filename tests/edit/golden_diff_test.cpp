// Each command kind on the workshop fixture gives exactly the diff in tests/edit/golden/
// (<name>.json holds the commands, <name>.diff the expected `praxis edit --apply` diff):
// only the touched lines change, new nodes follow the file's indentation, comments stay.
// PRAXIS_UPDATE_GOLDEN=1 rewrites the .diff files (review them before committing).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "edit/edit_session.h"
#include "edit_support.h"

namespace praxis::edit {
namespace {

using namespace testing;

std::vector<std::string> goldenNames() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(goldenDir())) {
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

/// The diff with the fixture's folder cut to "workshop/", so goldens do not name this machine.
std::string relativeDiff(const EditSession& session) {
  std::string diff = unifiedDiff(session.changes());
  const std::string root = workshop().parent_path().lexically_normal().generic_string() + "/";
  for (auto at = diff.find(root); at != std::string::npos; at = diff.find(root)) diff.erase(at, root.size());
  return diff;
}

class GoldenDiff : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenDiff, CommandsChangeOnlyTheGoldenLines) {
  auto commands = parseCommands(readText(goldenDir() / (GetParam() + ".json")));
  ASSERT_TRUE(commands) << commands.error().message;
  auto session = EditSession::open(workshop());
  ASSERT_TRUE(session) << session.error().message;
  const std::string before = session->text();
  auto applied = session->applyAll(*commands);
  ASSERT_TRUE(applied) << applied.error().message;
  const std::string diff = relativeDiff(*session);
  const auto golden = goldenDir() / (GetParam() + ".diff");
  if (std::getenv("PRAXIS_UPDATE_GOLDEN") != nullptr) writeText(golden, diff);
  EXPECT_EQ(diff, readText(golden));
  // One undo step takes the whole command file back, byte for byte.
  ASSERT_TRUE(session->undo());
  EXPECT_EQ(session->text(), before);
  EXPECT_FALSE(session->dirty());
}

std::string goldenTestName(const ::testing::TestParamInfo<std::string>& param) {
  std::string name = param.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Workshop, GoldenDiff, ::testing::ValuesIn(goldenNames()), goldenTestName);

}  // namespace
}  // namespace praxis::edit
