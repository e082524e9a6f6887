// The editor's document: engine/edit's EditSession (the author's YAML text is the truth,
// commands splice it in place, undo/redo, live validation, format-preserving save) with the
// editor's own checks added (the same ones `praxis validate` runs from engine/app).
#include "app/editor_document.h"

#include <utility>

#include "app/instruction_panel.h"
#include "app/scene_models.h"
#include "edit/edit_session.h"

namespace praxis::app {

struct EditorDocument::Impl {
  explicit Impl(edit::EditSession s) : session(std::move(s)) {}
  edit::EditSession session;
  std::uint64_t revision = 0;
};

EditorDocument::EditorDocument(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EditorDocument::~EditorDocument() = default;

core::Result<std::unique_ptr<EditorDocument>> EditorDocument::open(const std::filesystem::path& dir) {
  auto session = edit::EditSession::open(dir);
  if (!session) return std::unexpected(session.error());
  // What `praxis validate` adds from engine/app: models that do not import, texts that do
  // not fit the instruction panel. (The font is read once per check: cheap next to a load.)
  session->setExtraChecks([](const scenario::ScenarioDef& def, scenario::Diagnostics& out) {
    checkModelsImport(def, out);
    (void)checkPanelText(def, out);  // fails only without the font, which the editor has
  });
  return std::unique_ptr<EditorDocument>(new EditorDocument(std::make_unique<Impl>(std::move(*session))));
}

namespace {

core::Result<edit::Command> commandOf(const nlohmann::json& json) {
  return edit::parseCommand(edit::Value::parse(json.dump()));
}

}  // namespace

core::Result<void> EditorDocument::apply(const nlohmann::json& command) {
  auto parsed = commandOf(command);
  if (!parsed) return std::unexpected(parsed.error());
  if (auto done = impl_->session.apply(*parsed); !done) return done;
  ++impl_->revision;
  return {};
}

core::Result<void> EditorDocument::applyGroup(const std::vector<nlohmann::json>& commands) {
  std::vector<edit::Command> parsed;
  for (const auto& c : commands) {
    auto one = commandOf(c);
    if (!one) return std::unexpected(one.error());
    parsed.push_back(std::move(*one));
  }
  if (auto done = impl_->session.applyAll(parsed); !done) return done;
  ++impl_->revision;
  return {};
}

bool EditorDocument::canUndo() const { return impl_->session.canUndo(); }
bool EditorDocument::canRedo() const { return impl_->session.canRedo(); }

void EditorDocument::undo() {
  if (impl_->session.undo()) ++impl_->revision;
}

void EditorDocument::redo() {
  if (impl_->session.redo()) ++impl_->revision;
}

core::Result<void> EditorDocument::save() { return impl_->session.save(); }
bool EditorDocument::dirty() const { return impl_->session.dirty(); }
const scenario::ScenarioDef& EditorDocument::def() const { return impl_->session.scenario(); }
const std::vector<scenario::TraineeScript>& EditorDocument::tests() const { return impl_->session.tests(); }
const scenario::Diagnostics& EditorDocument::diagnostics() const { return impl_->session.diagnostics(); }
const std::filesystem::path& EditorDocument::folder() const { return impl_->session.folder(); }
std::uint64_t EditorDocument::revision() const { return impl_->revision; }

}  // namespace praxis::app
