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

/// Each test edits a copy of a shipped scenario opened as a document.
class EditorDocumentFields : public ::testing::Test {
 protected:
  EditorDocument* open(const char* name) {
    dir_ = copyOf(name);
    before_ = linesOf(dir_ / "scenario.yaml");
    auto opened = EditorDocument::open(dir_);
    EXPECT_TRUE(opened.has_value()) << opened.error().message;
    if (opened) doc_ = std::move(*opened);
    return doc_.get();
  }
  /// Saves, then the lines that differ from those before (the edits keep the file's length).
  std::vector<std::string> saveAndDiff() const {
    EXPECT_TRUE(doc_->save());
    const auto after = linesOf(dir_ / "scenario.yaml");
    EXPECT_EQ(before_.size(), after.size());
    std::vector<std::string> changed;
    for (std::size_t i = 0; i < std::min(before_.size(), after.size()); ++i) {
      if (before_[i] != after[i]) changed.push_back(after[i]);
    }
    return changed;
  }

 private:
  fs::path dir_;
  std::vector<std::string> before_;
  std::unique_ptr<EditorDocument> doc_;
};

TEST_F(EditorDocumentFields, SocketToleranceAndMassAreSetOneUndoStepEach) {
  auto* doc = open("safe-isolation");
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

TEST_F(EditorDocumentFields, ABadToleranceShowsInTheLiveValidationAndUndoClearsIt) {
  auto* doc = open("safe-isolation");
  ASSERT_NE(doc, nullptr);
  ASSERT_TRUE(doc->apply(set("objects/lock_point", "socket.tolerance", -1)));
  ASSERT_TRUE(doc->diagnostics().hasErrors());
  bool named = false;
  for (const auto& d : doc->diagnostics().all()) named = named || d.message.find("tolerance") != std::string::npos;
  EXPECT_TRUE(named) << "no message names the tolerance";
  doc->undo();
  EXPECT_FALSE(doc->diagnostics().hasErrors());
}

TEST_F(EditorDocumentFields, PenaltiesSaveByChangingOnlyTheirLine) {
  auto* doc = open("safe-isolation");
  ASSERT_NE(doc, nullptr);
  ASSERT_TRUE(doc->apply(set("scoring", "penalties.minor", 3)));
  ASSERT_TRUE(doc->apply(set("scoring", "penalties.major", 25)));
  EXPECT_EQ(doc->def().scoring.minorPenalty, 3);
  EXPECT_EQ(doc->def().scoring.majorPenalty, 25);
  EXPECT_EQ(saveAndDiff(), std::vector<std::string>{"  penalties: {minor: 3, major: 25}"});
}

TEST_F(EditorDocumentFields, ADialsRangeIsCheckedLiveAndSavesOnItsOwnLines) {
  auto* doc = open("pillar-drill");
  ASSERT_NE(doc, nullptr);
  ASSERT_TRUE(doc->apply(set("objects/speed_dial", "lever.max", 1800)));
  EXPECT_FLOAT_EQ(doc->def().findObject("speed_dial")->lever->maximum, 1800.0F);
  EXPECT_TRUE(doc->diagnostics().hasErrors());  // its r2000 detent is now out of range
  doc->undo();
  ASSERT_TRUE(doc->apply(set("objects/speed_dial", "lever.min", 200)));
  ASSERT_TRUE(doc->apply(set("objects/speed_dial", "lever.initial", 1000)));
  EXPECT_FLOAT_EQ(doc->def().findObject("speed_dial")->lever->minimum, 200.0F);
  EXPECT_FALSE(doc->diagnostics().hasErrors());
  EXPECT_EQ(saveAndDiff(), (std::vector<std::string>{"      min: 200", "      initial: 1000"}));
}

TEST_F(EditorDocumentFields, AFaultsOwnPenaltyAndAHintsDelayAreEditable) {
  auto* doc = open("pillar-drill");
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
