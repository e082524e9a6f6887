// The editor window under a real X server (Xvfb) and lavapipe with the validation layer on
// (any message fails): it opens every shipped scenario; scripted input through the same
// handler GLFW's callbacks use selects an object by clicking it, moves it with the handle,
// edits a text, undoes, and saves (the file changes only on the moved object's line); real X
// events (xdotool) pick and switch the handles; a play-test from a step leaves the edit state
// untouched; the scripted tests run from the editor; golden screenshots of the main panels;
// without a display `praxis edit` says so in one line. Runs under xvfb-run; without a
// display it FAILS, it never skips.
#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "../render/render_fixture.h"
#include "app/desktop_mode.h"
#include "app/editor.h"
#include "command.h"
#include "render/image.h"
#include "scenario/loader.h"

namespace praxis::app {
namespace {

namespace fs = std::filesystem;
constexpr double kFrame = 1.0 / 60.0;

fs::path scenarioDir(const char* name) { return fs::path(PRAXIS_SOURCE_DIR) / "scenarios" / name; }

std::string readFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

/// A copy of a shipped package to edit (the tree's own stays as it is).
fs::path copyOf(const char* name) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("praxis-editor-" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir.parent_path());
  fs::copy(scenarioDir(name), dir, fs::copy_options::recursive);
  return dir;
}

class Editor : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto available = desktopAvailable();
    ASSERT_TRUE(available.has_value()) << available.error().message << " (run this suite under xvfb-run -a)";
  }
  void TearDown() override {
    for (const auto& m : messages_) ADD_FAILURE() << "validation: " << m;
  }

  std::unique_ptr<EditorMode> open(const fs::path& dir, EditorOptions options = {}) {
    options.packageDir = dir;
    options.validation = true;
    options.onValidationMessage = [this](std::string_view m) { messages_.emplace_back(m); };
    auto editor = EditorMode::open(std::move(options));
    EXPECT_TRUE(editor.has_value()) << editor.error().message;
    return editor ? std::move(*editor) : nullptr;
  }

  static void frames(EditorMode& e, int n = 1) {
    for (int i = 0; i < n; ++i) ASSERT_TRUE(e.frame(kFrame).has_value());
  }
  static void moveTo(EditorMode& e, glm::vec2 p) {
    e.handle(MouseMove{p.x, p.y, 0.0, 0.0});
    frames(e);
  }
  static void click(EditorMode& e, glm::vec2 p) {
    moveTo(e, p);
    e.handle(MouseDown{MouseButton::Left});
    frames(e);
    e.handle(MouseUp{MouseButton::Left});
    frames(e);
  }
  static void press(EditorMode& e, Key key, bool ctrl = false) {
    if (ctrl) e.handle(KeyDown{Key::Ctrl});
    e.handle(KeyDown{key});
    frames(e);
    e.handle(KeyUp{key});
    if (ctrl) e.handle(KeyUp{Key::Ctrl});
    frames(e);
  }
  /// The camera half a metre in front of and above an object, looking at it: it sits at the
  /// window's centre, in the viewport between the panels.
  static void lookAtObject(EditorMode& e, const std::string& id) {
    const auto* o = e.document().def().findObject(id);
    ASSERT_NE(o, nullptr);
    const core::Vec3 at = o->pose.position;  // the shipped objects used here have no parent
    e.camera().lookAt(at + core::Vec3(0.0F, 0.25F, 0.45F), at);
  }

  std::vector<std::string> messages_;
};

TEST_F(Editor, OpensEveryShippedScenarioAndDrawsItsPanels) {
  for (const auto& dir : scenario::findScenarioPackages(fs::path(PRAXIS_SOURCE_DIR) / "scenarios")) {
    SCOPED_TRACE(dir.string());
    auto editor = open(dir);
    ASSERT_NE(editor, nullptr);
    frames(*editor, 3);
    EXPECT_EQ(editor->framesDrawn(), 3);
    EXPECT_FALSE(editor->document().dirty());
    EXPECT_FALSE(editor->document().diagnostics().hasErrors());
  }
}

TEST_F(Editor, ClickSelectsMoveHandleMovesTextEditsUndoAndSaveChangesOnlyThatLine) {
  const fs::path dir = copyOf("safe-isolation");
  const std::string before = readFile(dir / "scenario.yaml");
  auto editor = open(dir);
  ASSERT_NE(editor, nullptr);
  EditorMode& e = *editor;
  lookAtObject(e, "padlock");
  frames(e);
  const auto centre = e.toScreen(e.document().def().findObject("padlock")->pose.position);
  ASSERT_TRUE(centre.has_value());
  click(e, *centre + glm::vec2(0.0F, 4.0F));  // on the padlock's body, off the handle's dot
  ASSERT_EQ(e.selectedObject(), "padlock");

  // Drag the X arrow 80 px to the right (10 cm at that distance): one coordinate changes,
  // snapped to the 5 cm grid.
  const auto target = e.selectedTarget();
  ASSERT_TRUE(target.has_value());
  const core::Vec3 world = target->world().position;
  const float length = 0.16F * glm::length(world - e.camera().position);
  const auto grip = e.toScreen(world + core::Vec3(length * 0.6F, 0.0F, 0.0F));
  ASSERT_TRUE(grip.has_value());
  moveTo(e, *grip);
  e.handle(MouseDown{MouseButton::Left});
  frames(e);
  for (int step = 1; step <= 4; ++step) moveTo(e, *grip + glm::vec2(20.0F * static_cast<float>(step), 0.0F));
  e.handle(MouseUp{MouseButton::Left});
  frames(e);
  const auto* padlock = e.document().def().findObject("padlock");
  EXPECT_FLOAT_EQ(padlock->pose.position.x, 0.65F);
  EXPECT_FLOAT_EQ(padlock->pose.position.y, 0.925F);
  EXPECT_FLOAT_EQ(padlock->pose.position.z, 0.0F);

  // Type a new English label into the inspector's field, then undo it.
  const auto field = e.widgetRect("objects/padlock/label/en");
  ASSERT_TRUE(field.has_value());
  click(e, glm::vec2((*field)[0] + (*field)[2], (*field)[1] + (*field)[3]) * 0.5F);
  press(e, Key::A, true);  // select all
  for (char32_t ch : std::u32string(U"Own padlock")) e.handleText(ch);
  frames(e);
  press(e, Key::Enter);
  EXPECT_EQ(e.document().def().findObject("padlock")->label.in("en"), "Own padlock");
  press(e, Key::Z, true);
  EXPECT_EQ(e.document().def().findObject("padlock")->label.in("en"), "Personal padlock");
  EXPECT_FLOAT_EQ(e.document().def().findObject("padlock")->pose.position.x, 0.65F);

  press(e, Key::S, true);
  EXPECT_NE(e.status().find("Saved"), std::string::npos) << e.status();
  const auto old = lines(before);
  const auto now = lines(readFile(dir / "scenario.yaml"));
  ASSERT_EQ(old.size(), now.size());
  for (std::size_t i = 0; i < old.size(); ++i) {
    if (old[i] == now[i]) continue;
    EXPECT_EQ(old[i], "    pos: [0.55, 0.925, 0.0]") << "line " << i + 1 << " changed: " << now[i];
    EXPECT_NE(now[i].find("0.65"), std::string::npos) << now[i];
  }
  EXPECT_TRUE(before != readFile(dir / "scenario.yaml")) << "nothing was saved";
}

TEST_F(Editor, RealXEventsPickAnObjectAndSwitchTheHandles) {
  EditorOptions options;
  options.title = "praxis-editor-xdotool-" + std::to_string(::getpid());
  auto editor = open(scenarioDir("safe-isolation"), options);
  ASSERT_NE(editor, nullptr);
  EditorMode& e = *editor;
  lookAtObject(e, "padlock");
  frames(e, 2);
  const auto centre = e.toScreen(e.document().def().findObject("padlock")->pose.position);
  ASSERT_TRUE(centre.has_value());
  const std::string find = "xdotool search --sync --name '" + options.title + "' | head -1";
  const auto sent = test::runCommand("xdotool mousemove --window $(" + find + ") " +
                                     std::to_string(static_cast<int>(centre->x)) + " " +
                                     std::to_string(static_cast<int>(centre->y) + 4) +
                                     " && xdotool click 1 && sleep 0.2 && xdotool key r 2>&1");
  ASSERT_EQ(sent.exitCode, 0) << "xdotool (package xdotool) is needed: " << sent.output;
  for (int i = 0; i < 200 && (e.selectedObject() != "padlock" || e.handles().mode != HandleMode::Rotate); ++i) {
    frames(e);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(e.selectedObject(), "padlock");
  EXPECT_EQ(e.handles().mode, HandleMode::Rotate);
}

TEST_F(Editor, PlayTestFromAStepStartsThereAndLeavesTheEditStateUntouched) {
  std::string reachedStep;
  core::Tick reachedTick = 0;
  EditorOptions options;
  options.drivePlayTest = [&](DesktopMode& mode) -> core::Result<void> {
    for (int i = 0; i < 3; ++i) {
      if (auto f = mode.frame(kFrame); !f) return f;
    }
    reachedStep = mode.attempt().session().feedback().stepId;
    reachedTick = mode.attempt().session().tick();
    return {};
  };
  auto editor = open(scenarioDir("safe-isolation"), options);
  ASSERT_NE(editor, nullptr);
  EditorMode& e = *editor;
  frames(e);
  const auto revision = e.document().revision();
  e.selectStep("verify_absence");
  press(e, Key::F5);
  EXPECT_EQ(reachedStep, "verify_absence") << e.status();
  EXPECT_GT(reachedTick, 0);
  EXPECT_NE(e.status().find("verify_absence"), std::string::npos) << e.status();
  EXPECT_EQ(e.document().revision(), revision);
  EXPECT_FALSE(e.document().dirty());
  frames(e, 2);  // the editor goes on drawing after the play-test window closed
}

TEST_F(Editor, TheScriptedTestsRunFromTheTestsTab) {
  auto editor = open(scenarioDir("safe-isolation"));
  ASSERT_NE(editor, nullptr);
  EditorMode& e = *editor;
  e.setTab(EditorTab::Tests);
  frames(e, 2);
  const auto button = e.widgetRect("tests/run");
  ASSERT_TRUE(button.has_value());
  click(e, glm::vec2((*button)[0] + (*button)[2], (*button)[1] + (*button)[3]) * 0.5F);
  ASSERT_EQ(e.testResults().size(), e.document().tests().size());
  for (const auto& r : e.testResults()) EXPECT_TRUE(r.passed) << r.name << ": " << (r.problems.empty() ? "" : r.problems.front());
}

// Golden screenshots of the main panels (1280x720). Tolerance: render_fixture.h (a channel
// may differ by 6, 0.5 % of the pixels may differ).
render::Image screenshot(EditorMode& e, const char* name) {
  const fs::path png = fs::path(::testing::TempDir()) / (std::string(name) + "-" + std::to_string(::getpid()) + ".png");
  EXPECT_TRUE(e.writeScreenshot(png).has_value());
  auto image = render::readPng(png);
  EXPECT_TRUE(image.has_value());
  return image ? *image : render::Image{};
}

TEST_F(Editor, GoldenObjectSelectedWithItsInspector) {
  auto editor = open(scenarioDir("safe-isolation"));
  ASSERT_NE(editor, nullptr);
  EditorMode& e = *editor;
  e.selectObject("breaker_q1");
  frames(e, 3);
  render::testing::expectMatchesGolden(screenshot(e, "editor_object"), "editor_object");
}

TEST_F(Editor, GoldenStepWithItsConditionAndTheTranslationTable) {
  auto editor = open(scenarioDir("safe-isolation"));
  ASSERT_NE(editor, nullptr);
  EditorMode& e = *editor;
  e.selectStep("lock_out");
  e.setTab(EditorTab::Translations);
  frames(e, 3);
  render::testing::expectMatchesGolden(screenshot(e, "editor_step"), "editor_step_translations");
}

TEST_F(Editor, GoldenValidationPanelListsTheProblemsOfAnEdit) {
  auto editor = open(scenarioDir("safe-isolation"));
  ASSERT_NE(editor, nullptr);
  EditorMode& e = *editor;
  // An edit (not saved) that leaves a problem: a parent that does not exist. The panel lists
  // it with its line:col in scenario.yaml, the tab and the status line count it.
  ASSERT_TRUE(e.document()
                  .apply({{"op", "set"}, {"target", "objects/breaker_q1"}, {"path", "parent"},
                          {"value", "no_such_panel"}})
                  .has_value());
  ASSERT_TRUE(e.document().diagnostics().hasErrors());
  e.setTab(EditorTab::Validation);
  frames(e, 3);
  render::testing::expectMatchesGolden(screenshot(e, "editor_validation"), "editor_validation");
}

TEST(EditorCli, WithoutADisplayEditSaysSoInOneLine) {
  auto run = test::runPraxis("edit '" + scenarioDir("safe-isolation").string() + "'",
                             "env -u DISPLAY -u WAYLAND_DISPLAY");
  EXPECT_EQ(run.exitCode, 2) << run.output;
  EXPECT_NE(run.output.find("display"), std::string::npos) << run.output;
  EXPECT_EQ(std::count(run.output.begin(), run.output.end(), '\n'), 1) << run.output;
}

TEST(EditorCli, EditWritesAScreenshotAfterNFrames) {
  const fs::path png = fs::path(::testing::TempDir()) / ("praxis-edit-" + std::to_string(::getpid()) + ".png");
  fs::remove(png);
  auto run = test::runPraxis("edit '" + scenarioDir("fire-extinguisher").string() +
                             "' --validate --exit-after-frames 3 --screenshot '" + png.string() + "'");
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_TRUE(fs::exists(png) && fs::file_size(png) > 1000) << run.output;
}

TEST(EditorCli, ANewScenarioFromTheTemplateOpensValidatesAndItsReferencePasses) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("praxis-new-" + std::to_string(::getpid())) / "my-course";
  fs::remove_all(dir.parent_path());
  auto edit = test::runPraxis("edit '" + dir.string() + "' --new --exit-after-frames 2");
  EXPECT_EQ(edit.exitCode, 0) << edit.output;
  auto validate = test::runPraxis("validate '" + dir.string() + "'");
  EXPECT_EQ(validate.exitCode, 0) << validate.output;
  EXPECT_EQ(validate.output.find("warning"), std::string::npos) << validate.output;
  auto tests = test::runPraxis("test '" + dir.string() + "'");
  EXPECT_EQ(tests.exitCode, 0) << tests.output;
  auto again = test::runPraxis("edit '" + dir.string() + "' --new --exit-after-frames 1");
  EXPECT_EQ(again.exitCode, 2) << "an existing scenario is never overwritten: " << again.output;
}

}  // namespace
}  // namespace praxis::app
