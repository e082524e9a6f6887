// The inspector's fields through the editor document, without a window: each component field
// and scoring penalty the inspector shows is set by its key path (the command the field
// issues), one undo step per edit, validated live, and saved by changing only its own line.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "app/editor_document.h"

namespace praxis::app {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

fs::path copyOf(const char* name) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("praxis-editdoc-" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir.parent_path());
  fs::copy(fs::path(PRAXIS_SOURCE_DIR) / "scenarios" / name, dir, fs::copy_options::recursive);
  return dir;
}

std::vector<std::string> linesOf(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

Json set(const std::string& target, const std::string& path, Json value) {
  return {{"op", "set"}, {"target", target}, {"path", path}, {"value", std::move(value)}};
}

std::unique_ptr<EditorDocument> openCopy(const fs::path& dir) {
  auto doc = EditorDocument::open(dir);
  EXPECT_TRUE(doc.has_value()) << doc.error().message;
  return doc ? std::move(*doc) : nullptr;
}

/// The lines that differ between two versions of a file of the same length.
std::vector<std::string> changedLines(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  EXPECT_EQ(before.size(), after.size());
  std::vector<std::string> changed;
  for (std::size_t i = 0; i < std::min(before.size(), after.size()); ++i) {
    if (before[i] != after[i]) changed.push_back(after[i]);
  }
  return changed;
}

TEST(EditorDocumentFields, SocketToleranceAndMassAreSetOneUndoStepEach) {
  auto doc = openCopy(copyOf("safe-isolation"));
  ASSERT_NE(doc, nullptr);
  ASSERT_TRUE(doc->apply(set("objects/lock_point", "socket.tolerance", 0.04)));
  ASSERT_TRUE(doc->apply(set("objects/padlock", "grabbable.mass", 0.25)));
  EXPECT_FLOAT_EQ(doc->def().findObject("lock_point")->socket->tolerance, 0.04F);
  EXPECT_FLOAT_EQ(doc->def().findObject("padlock")->grabbable->mass, 0.25F);
  EXPECT_FALSE(doc->diagnostics().hasErrors());
  doc->undo();  // only the mass goes back
  EXPECT_FLOAT_EQ(doc->def().findObject("padlock")->grabbable->mass, 0.15F);
  EXPECT_FLOAT_EQ(doc->def().findObject("lock_point")->socket->tolerance, 0.04F);
  doc->undo();
  EXPECT_FLOAT_EQ(doc->def().findObject("lock_point")->socket->tolerance, 0.06F);
  EXPECT_FALSE(doc->canUndo());
  EXPECT_FALSE(doc->dirty());
}

TEST(EditorDocumentFields, ABadToleranceShowsInTheLiveValidationAndUndoClearsIt) {
  auto doc = openCopy(copyOf("safe-isolation"));
  ASSERT_NE(doc, nullptr);
  ASSERT_TRUE(doc->apply(set("objects/lock_point", "socket.tolerance", -1)));
  ASSERT_TRUE(doc->diagnostics().hasErrors());
  bool named = false;
  for (const auto& d : doc->diagnostics().all()) named = named || d.message.find("tolerance") != std::string::npos;
  EXPECT_TRUE(named) << "no message names the tolerance";
  doc->undo();
  EXPECT_FALSE(doc->diagnostics().hasErrors());
}

TEST(EditorDocumentFields, PenaltiesSaveByChangingOnlyTheirLine) {
  const fs::path dir = copyOf("safe-isolation");
  const auto before = linesOf(dir / "scenario.yaml");
  auto doc = openCopy(dir);
  ASSERT_NE(doc, nullptr);
  ASSERT_TRUE(doc->apply(set("scoring", "penalties.minor", 3)));
  ASSERT_TRUE(doc->apply(set("scoring", "penalties.major", 25)));
  EXPECT_EQ(doc->def().scoring.minorPenalty, 3);
  EXPECT_EQ(doc->def().scoring.majorPenalty, 25);
  ASSERT_TRUE(doc->save());
  EXPECT_EQ(changedLines(before, linesOf(dir / "scenario.yaml")),
            std::vector<std::string>{"  penalties: {minor: 3, major: 25}"});
}

TEST(EditorDocumentFields, ADialsRangeIsCheckedLiveAndSavesOnItsOwnLines) {
  const fs::path dir = copyOf("pillar-drill");
  const auto before = linesOf(dir / "scenario.yaml");
  auto doc = openCopy(dir);
  ASSERT_NE(doc, nullptr);
  ASSERT_TRUE(doc->apply(set("objects/speed_dial", "lever.max", 1800)));
  EXPECT_FLOAT_EQ(doc->def().findObject("speed_dial")->lever->maximum, 1800.0F);
  EXPECT_TRUE(doc->diagnostics().hasErrors());  // its r2000 detent is now out of range
  doc->undo();
  ASSERT_TRUE(doc->apply(set("objects/speed_dial", "lever.min", 200)));
  ASSERT_TRUE(doc->apply(set("objects/speed_dial", "lever.initial", 1000)));
  EXPECT_FLOAT_EQ(doc->def().findObject("speed_dial")->lever->minimum, 200.0F);
  EXPECT_FALSE(doc->diagnostics().hasErrors());
  ASSERT_TRUE(doc->save());
  EXPECT_EQ(changedLines(before, linesOf(dir / "scenario.yaml")),
            (std::vector<std::string>{"      min: 200", "      initial: 1000"}));
}

TEST(EditorDocumentFields, AFaultsOwnPenaltyAndAHintsDelayAreEditable) {
  auto doc = openCopy(copyOf("pillar-drill"));
  ASSERT_NE(doc, nullptr);
  ASSERT_FALSE(doc->def().faults.front().penalty.has_value());  // the scoring's minor penalty until set
  ASSERT_TRUE(doc->apply(set("faults/powered_before_checks", "penalty", 7)));
  EXPECT_EQ(doc->def().faults.front().penalty, 7);
  ASSERT_TRUE(doc->apply(set("faults/powered_before_checks", "repeat", true)));
  EXPECT_TRUE(doc->def().faults.front().repeat);
  ASSERT_TRUE(doc->apply(set("steps/close_guard/hints/0", "after", 45)));
  EXPECT_EQ(doc->def().findStep("close_guard")->hints.front().afterSeconds, 45.0);
  for (int i = 0; i < 3; ++i) doc->undo();
  EXPECT_FALSE(doc->def().faults.front().penalty.has_value());
  EXPECT_EQ(doc->def().findStep("close_guard")->hints.front().afterSeconds, 20.0);
  EXPECT_FALSE(doc->dirty());
}

}  // namespace
}  // namespace praxis::app
