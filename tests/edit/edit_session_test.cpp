// The editor model's behaviour beyond the golden diffs: undo/redo, live validation, errors
// that change nothing, comments beside edited lines, renames across the package's tests.
#include <gtest/gtest.h>

#include "edit/edit_session.h"
#include "edit_support.h"
#include "scenario/loader.h"

namespace praxis::edit {
namespace {

using namespace testing;
namespace fs = std::filesystem;

EditSession openWorkshop() {
  auto session = EditSession::open(workshop());
  EXPECT_TRUE(session) << session.error().message;
  EXPECT_FALSE(session->diagnostics().hasErrors()) << session->diagnostics().format();
  return std::move(*session);
}

TEST(EditSession, SetChangesTheScenarioAndUndoRedoRestoreTheText) {
  EditSession session = openWorkshop();
  const std::string original = session.text();
  ASSERT_TRUE(session.apply(Command::set("objects/padlock", "pos", Value::array({0.5, 0.9, 0}))));
  EXPECT_EQ(session.scenario().findObject("padlock")->pose.position, core::Vec3(0.5F, 0.9F, 0.0F));
  EXPECT_TRUE(session.dirty());
  EXPECT_EQ(session.undoLabel(), "set objects/padlock pos");
  const std::string edited = session.text();
  ASSERT_TRUE(session.undo());
  EXPECT_EQ(session.text(), original);
  EXPECT_EQ(session.scenario().findObject("padlock")->pose.position, core::Vec3(0.3F, 0.95F, 0.0F));
  EXPECT_FALSE(session.canUndo());
  ASSERT_TRUE(session.redo());
  EXPECT_EQ(session.text(), edited);
  EXPECT_FALSE(session.canRedo());
}

TEST(EditSession, MergedDragUndoesAsOneStep) {
  EditSession session = openWorkshop();
  const std::string original = session.text();
  for (int i = 1; i <= 5; ++i) {
    ASSERT_TRUE(session.apply(Command::set("objects/padlock", "pos", Value::array({0.1 * i, 0.95, 0})), true));
  }
  ASSERT_TRUE(session.undo());
  EXPECT_EQ(session.text(), original);
  EXPECT_FALSE(session.canUndo());
}

TEST(EditSession, DiagnosticsFollowEveryCommandLikeValidate) {
  EditSession session = openWorkshop();
  const std::size_t revision = session.revision();
  ASSERT_TRUE(session.apply(Command::set("steps/start", "done_when.state.object", "start_buton")));
  EXPECT_GT(session.revision(), revision);
  ASSERT_TRUE(session.diagnostics().hasErrors());
  EXPECT_NE(session.diagnostics().format().find("start_buton"), std::string::npos) << session.diagnostics().format();
  // The same messages `praxis validate` prints for the saved result.
  const fs::path dir = scratchCopy(workshop());
  auto copy = EditSession::open(dir);
  ASSERT_TRUE(copy);
  ASSERT_TRUE(copy->apply(Command::set("steps/start", "done_when.state.object", "start_buton")));
  ASSERT_TRUE(copy->save());
  EXPECT_EQ(copy->diagnostics().format(), scenario::loadScenarioPackage(dir).diagnostics.format());
  ASSERT_TRUE(session.undo());
  EXPECT_FALSE(session.diagnostics().hasErrors());
}

TEST(EditSession, FailedCommandsChangeNothing) {
  EditSession session = openWorkshop();
  const std::string original = session.text();
  auto bad = session.apply(Command::set("objects/padlok", "pos", Value::array({0, 0, 0})));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "no object 'padlok'; did you mean 'padlock'?");
  // All or nothing: the first command applied, the second failed, so neither stays.
  auto all = session.applyAll({Command::set("objects/padlock", "pos", Value::array({1, 1, 1})),
                               Command::remove("steps/lock_out/hints/3")});
  ASSERT_FALSE(all);
  EXPECT_EQ(all.error().message.rfind("command 1 (remove steps/lock_out/hints/3): ", 0), 0U) << all.error().message;
  EXPECT_EQ(session.text(), original);
  EXPECT_FALSE(session.canUndo());
  EXPECT_FALSE(session.apply(Command::rename("object", "padlock", "hasp")));  // taken
  EXPECT_FALSE(session.apply(Command::rename("object", "padlock", "Bad Id")));
  EXPECT_FALSE(session.apply(Command::setText("objects/floor", "shape", "en", "x")));  // not a text
  EXPECT_EQ(session.text(), original);
}

TEST(EditSession, CommentsBesideEditedLinesSurvive) {
  EditSession session = openWorkshop();
  ASSERT_TRUE(session.apply(Command::set("objects/padlock", "pos", Value::array({0.5, 0.9, 0}))));
  ASSERT_TRUE(session.apply(Command::set("objects/bench", "id", "workbench")));
  ASSERT_TRUE(session.apply(Command::set("faults/started_unlocked", "id", "started_early")));
  const std::string& text = session.text();
  EXPECT_NE(text.find("    pos: [0.5, 0.9, 0]   # on the bench\n"), std::string::npos);
  EXPECT_NE(text.find("  - id: workbench          # the work bench\n"), std::string::npos);
  EXPECT_NE(text.find("  - id: started_early   # pressing start before locking out\n"), std::string::npos);
  EXPECT_NE(text.find("  # the floor everything stands on\n"), std::string::npos);
}

TEST(EditSession, RenameReachesTheTestsAndTheResultValidates) {
  EditSession session = openWorkshop();
  ASSERT_TRUE(session.applyAll({Command::rename("object", "padlock", "hangslot"),
                                Command::rename("step", "lock_out", "isolate")}));
  EXPECT_FALSE(session.diagnostics().hasErrors()) << session.diagnostics().format();
  ASSERT_EQ(session.changes().size(), 2U);  // scenario.yaml and tests/reference.yaml
  const std::string& test = session.text(session.files()[1]);
  EXPECT_NE(test.find("  - grab: hangslot\n"), std::string::npos) << test;
  EXPECT_NE(test.find("  steps: [isolate, start]\n"), std::string::npos) << test;
  // Every id is renamed; texts that mention a padlock are not ids.
  EXPECT_EQ(session.text().find("id: padlock"), std::string::npos);
  EXPECT_EQ(session.text().find("object: padlock"), std::string::npos);
  EXPECT_NE(session.text().find("The padlock is on the bench."), std::string::npos);
}

TEST(EditSession, RenameRefusesAPackageWithErrors) {
  EditSession session = openWorkshop();
  ASSERT_TRUE(session.apply(Command::set("steps/start", "points", "many")));
  auto renamed = session.apply(Command::rename("object", "padlock", "hangslot"));
  ASSERT_FALSE(renamed);
  EXPECT_NE(renamed.error().message.find("first fix"), std::string::npos);
}

TEST(EditSession, ExtraChecksJoinTheDiagnostics) {
  EditSession session = openWorkshop();
  session.setExtraChecks([](const scenario::ScenarioDef& def, scenario::Diagnostics& out) {
    out.warning(scenario::SourceSpan{def.file}, "checked " + std::to_string(def.objects.size()) + " objects");
  });
  EXPECT_NE(session.diagnostics().format().find("checked 5 objects"), std::string::npos);
  ASSERT_TRUE(session.apply(Command::remove("objects/bench")));
  EXPECT_NE(session.diagnostics().format().find("checked 4 objects"), std::string::npos);
}

TEST(EditSession, FromTextEditsWithoutFiles) {
  EditSession session = EditSession::fromText(readText(workshop() / "scenario.yaml"));
  ASSERT_TRUE(session.apply(Command::moveStep("start", 0)));
  EXPECT_EQ(session.scenario().steps.front().id, "start");
  ASSERT_TRUE(session.save());  // nothing to write to: the text becomes the saved state
  EXPECT_FALSE(session.dirty());
}

TEST(Commands, ParseErrorsNameTheCommandAndTheField) {
  EXPECT_EQ(parseCommands("[{\"op\": \"sett\"}]").error().message,
            "command 0: unknown op 'sett'; did you mean 'set'? (one of set, set_text, add, remove, move, rename)");
  EXPECT_EQ(parseCommands("[{\"op\": \"set\", \"target\": \"objects/a\", \"path\": \"pos\"}]").error().message,
            "command 0: 'set' needs 'value'");
  EXPECT_EQ(parseCommands("[{\"op\": \"rename\", \"kind\": \"object\", \"from\": \"a\", \"to\": \"b\", \"too\": 1}]")
                .error().message,
            "command 0: 'rename' has no field 'too'; did you mean 'to'?");
  EXPECT_FALSE(parseCommands("{\"op\": \"set\"}"));
  EXPECT_FALSE(parseCommands("[1, 2"));
  const Command c = Command::setText("steps/s", "instruction", "en", "Hi");
  auto back = parseCommand(c.toJson());
  ASSERT_TRUE(back);
  EXPECT_EQ(back->toJson(), c.toJson());
}

}  // namespace
}  // namespace praxis::edit
