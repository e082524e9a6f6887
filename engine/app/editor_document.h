// The scenario package the editor has open: its definition, its scripted tests and the
// live validation, changed only through edit commands (the JSON format of
// `praxis edit --apply`, docs/editor.md), each undoable. The editor's UI never touches the
// definition or the file itself: every gesture becomes one command here.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "scenario/definition.h"
#include "scenario/diagnostics.h"
#include "scenario/trainee_script.h"

namespace praxis::app {

class EditorDocument {
 public:
  /// Opens `dir` (a scenario package) through engine/edit's EditSession. A package with
  /// validation errors opens (diagnostics() lists them); one whose scenario.yaml cannot be
  /// read fails.
  [[nodiscard]] static core::Result<std::unique_ptr<EditorDocument>> open(
      const std::filesystem::path& dir);
  ~EditorDocument();
  EditorDocument(const EditorDocument&) = delete;
  EditorDocument& operator=(const EditorDocument&) = delete;

  /// One command (edit/command.h; docs/editing.md), e.g. {"op": "set", "target":
  /// "objects/padlock", "path": "pos", "value": [0.5, 0.9, 0]}. A bad command changes
  /// nothing and says why.
  [[nodiscard]] core::Result<void> apply(const nlohmann::json& command);
  /// Several commands as one undo step (a drag is many moves but one edit).
  [[nodiscard]] core::Result<void> applyGroup(const std::vector<nlohmann::json>& commands);
  [[nodiscard]] bool canUndo() const;
  [[nodiscard]] bool canRedo() const;
  void undo();
  void redo();
  /// Writes scenario.yaml: only the lines the edits touched change.
  [[nodiscard]] core::Result<void> save();
  [[nodiscard]] bool dirty() const;

  [[nodiscard]] const scenario::ScenarioDef& def() const;
  [[nodiscard]] const std::vector<scenario::TraineeScript>& tests() const;
  /// The same messages `praxis validate` prints for the package in its current state.
  [[nodiscard]] const scenario::Diagnostics& diagnostics() const;
  [[nodiscard]] const std::filesystem::path& folder() const;
  /// Grows by one on every change (apply, undo, redo): the editor rebuilds its view then.
  [[nodiscard]] std::uint64_t revision() const;

  struct Impl;

 private:
  explicit EditorDocument(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace praxis::app
