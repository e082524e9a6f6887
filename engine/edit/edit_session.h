// The instructor's editor, headless: a scenario package held as the author's own YAML text,
// commands that rewrite only the bytes they change, undo/redo, the package re-validated after
// every command, and saving. The windowed editor and `praxis edit --apply` both drive this.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "edit/command.h"
#include "scenario/definition.h"
#include "scenario/diagnostics.h"
#include "scenario/trainee_script.h"

namespace praxis::edit {

/// One file whose edited text differs from what was opened (or last saved).
struct FileChange {
  std::string file;    // as diagnostics name it: "scenarios/x/scenario.yaml"
  std::string before;  // the text on disk
  std::string after;   // the edited text
};

/// A unified diff (`diff -u` style, 3 lines of context) of `changes`, file by file.
[[nodiscard]] std::string unifiedDiff(const std::vector<FileChange>& changes);

/// An editing session over one scenario package (scenario.yaml and tests/*.yaml).
///
/// The text is the truth: a command locates its node through the loader's source spans and
/// splices new text in, in the file's own style (indentation, flow or block, quoting), so
/// comments, blank lines and key order survive and an unchanged package saves byte for byte.
/// After each command the package is loaded again from the edited text, and diagnostics()
/// and scenario() describe the new state (the same messages `praxis validate` prints).
/// A command that cannot be applied (unknown target or id, a path that is not there, a
/// value of the wrong shape) returns an error and changes nothing. A command that applies
/// but leaves the scenario invalid (a reference to a missing object) is kept, like a typo in
/// a text editor: diagnostics() say what is wrong; the UI shows them, `--apply` refuses to save.
///
/// Not thread-safe; move-only.
class EditSession {
 public:
  /// Opens `dir`/scenario.yaml and `dir`/tests/*.yaml. Fails when scenario.yaml cannot be
  /// read; a package with validation errors opens (diagnostics() lists them).
  [[nodiscard]] static core::Result<EditSession> open(const std::filesystem::path& dir);
  /// A session over scenario text in memory (tests, benchmarks, fuzzing): no tests/, and
  /// save() writes nothing. `folder` is where model files are looked up (none when empty).
  [[nodiscard]] static EditSession fromText(std::string scenarioText, std::string fileName = "scenario.yaml",
                                            std::filesystem::path folder = {});

  EditSession(EditSession&&) noexcept;
  EditSession& operator=(EditSession&&) noexcept;
  EditSession(const EditSession&) = delete;
  EditSession& operator=(const EditSession&) = delete;
  ~EditSession();

  // --- commands ---------------------------------------------------------------------------
  /// Applies one command as one undo step. With `mergeUndo`, a command with the same op,
  /// target and path as the previous one joins its undo step (a drag of the move handle
  /// issues one `set pos` per frame and undoes as one).
  core::Result<void> apply(const Command& command, bool mergeUndo = false);
  /// Applies all commands as one undo step, or none: the error names the failing command's
  /// index ("command 2: no object 'padlok' (did you mean 'padlock'?)").
  core::Result<void> applyAll(const std::vector<Command>& commands);

  [[nodiscard]] bool canUndo() const;
  [[nodiscard]] bool canRedo() const;
  /// What undo()/redo() would do next ("set objects/padlock pos"), empty when nothing.
  [[nodiscard]] std::string undoLabel() const;
  [[nodiscard]] std::string redoLabel() const;
  bool undo();  // false when there is nothing to undo
  bool redo();

  // --- the current state ------------------------------------------------------------------
  /// The scenario as the edited text reads. Complete when diagnostics() has no errors;
  /// otherwise as far as it could be read (a broken object or step is left out).
  [[nodiscard]] const scenario::ScenarioDef& scenario() const;
  /// The package's tests as far as they read (sorted by file name).
  [[nodiscard]] const std::vector<scenario::TraineeScript>& tests() const;
  /// Every error and warning of the edited package, sorted by file and line: the messages
  /// `praxis validate` would print for it.
  [[nodiscard]] const scenario::Diagnostics& diagnostics() const;
  /// Bumped by every apply, undo and redo: lets a UI cache what it derived from scenario().
  [[nodiscard]] std::size_t revision() const;

  /// Checks that live above this module (`praxis validate` adds model imports and the
  /// instruction panel's text fit from engine/app): run on the scenario after every load when
  /// it has no errors, their messages joining diagnostics(). The current package is checked
  /// again at once.
  using ExtraChecks = std::function<void(const scenario::ScenarioDef&, scenario::Diagnostics&)>;
  void setExtraChecks(ExtraChecks checks);

  // --- files ------------------------------------------------------------------------------
  /// The package folder (empty for fromText) and its files' names as diagnostics print them.
  [[nodiscard]] const std::filesystem::path& folder() const;
  [[nodiscard]] std::vector<std::string> files() const;
  /// The edited text of `file` (one of files()); scenario.yaml's when `file` is empty.
  [[nodiscard]] const std::string& text(std::string_view file = {}) const;
  /// True when some file differs from disk.
  [[nodiscard]] bool dirty() const;
  /// The files that differ from disk, in files() order.
  [[nodiscard]] std::vector<FileChange> changes() const;
  /// Writes every changed file (each through a temporary file and a rename, so a failure
  /// never leaves half a file) and makes the edited text the new "on disk" state.
  core::Result<void> save();

 private:
  struct State;
  explicit EditSession(std::unique_ptr<State> state);
  std::unique_ptr<State> s_;
};

}  // namespace praxis::edit
