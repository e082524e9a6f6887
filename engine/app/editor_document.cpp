// The editor's document. Until engine/edit (the format-preserving command model) is merged,
// commands change an in-memory copy of the definition with snapshot undo; saving needs
// engine/edit.
#include "app/editor_document.h"

#include <utility>

#include "scenario/loader.h"
#include "scenario/validator.h"

namespace praxis::app {
namespace {

struct State {
  scenario::ScenarioDef def;
};

core::Result<core::Vec3> vec3Of(const nlohmann::json& v) {
  if (!v.is_array() || v.size() != 3) return core::fail("value: expected [x, y, z]");
  core::Vec3 out;
  for (int i = 0; i < 3; ++i) {
    if (!v[static_cast<std::size_t>(i)].is_number()) return core::fail("value: expected numbers");
    out[i] = v[static_cast<std::size_t>(i)].get<float>();
  }
  return out;
}

core::LocalizedText* textOf(scenario::ScenarioDef& def, const std::string& target,
                            const std::string& path) {
  const auto slash = target.find('/');
  if (slash == std::string::npos) return nullptr;
  const std::string kind = target.substr(0, slash);
  const std::string id = target.substr(slash + 1);
  if (kind == "objects") {
    for (auto& o : def.objects) {
      if (o.id == id && path == "label") return &o.label;
    }
  } else if (kind == "steps") {
    for (auto& s : def.steps) {
      if (s.id != id) continue;
      if (path == "instruction") return &s.instruction;
      if (path == "title") return &s.title;
    }
  } else if (kind == "faults") {
    for (auto& f : def.faults) {
      if (f.id == id && path == "message") return &f.message;
    }
  }
  return nullptr;
}

core::Result<void> applyTo(scenario::ScenarioDef& def, const nlohmann::json& c) {
  if (!c.is_object() || !c.contains("op")) return core::fail("a command needs \"op\"");
  const std::string op = c.value("op", "");
  const std::string target = c.value("target", "");
  const std::string path = c.value("path", "");
  if (op == "set_text") {
    auto* text = textOf(def, target, path);
    if (text == nullptr) return core::fail(target, " has no text '", path, "'");
    if (!c.contains("value") || !c["value"].is_string()) return core::fail("value: expected text");
    text->set(c.value("lang", "en"), c["value"].get<std::string>());
    return {};
  }
  if (op == "set" && target.starts_with("objects/")) {
    for (auto& o : def.objects) {
      if (o.id != target.substr(8)) continue;
      auto v = vec3Of(c.value("value", nlohmann::json()));
      if (!v) return std::unexpected(v.error());
      if (path == "pos") {
        o.pose.position = *v;
      } else if (path == "rot") {
        o.pose.orientation = core::quatFromEulerDegrees(*v);
      } else {
        return core::fail("objects: unknown field '", path, "'");
      }
      return {};
    }
    return core::fail("no object '", target.substr(8), "'");
  }
  return core::fail("command '", op, "' needs engine/edit");
}

}  // namespace

struct EditorDocument::Impl {
  std::filesystem::path folder;
  std::vector<scenario::TraineeScript> tests;
  scenario::ScenarioDef def;
  scenario::Diagnostics diagnostics;
  std::vector<scenario::ScenarioDef> undo;
  std::vector<scenario::ScenarioDef> redo;
  std::uint64_t revision = 0;
  std::uint64_t savedRevision = 0;

  void revalidate() {
    diagnostics = {};
    scenario::validateScenario(def, diagnostics);
    for (const auto& t : tests) scenario::validateScript(def, t, diagnostics);
    diagnostics.sort();
    ++revision;
  }
};

EditorDocument::EditorDocument(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EditorDocument::~EditorDocument() = default;

core::Result<std::unique_ptr<EditorDocument>> EditorDocument::open(const std::filesystem::path& dir) {
  auto package = scenario::loadScenarioPackage(dir);
  if (!package.ok()) return core::fail(package.diagnostics.format());
  auto impl = std::make_unique<Impl>();
  impl->folder = dir;
  impl->def = std::move(*package.scenario);
  impl->tests = std::move(package.tests);
  impl->diagnostics = std::move(package.diagnostics);
  return std::unique_ptr<EditorDocument>(new EditorDocument(std::move(impl)));
}

core::Result<void> EditorDocument::apply(const nlohmann::json& command) {
  return applyGroup({command});
}

core::Result<void> EditorDocument::applyGroup(const std::vector<nlohmann::json>& commands) {
  scenario::ScenarioDef next = impl_->def;
  for (const auto& c : commands) {
    if (auto done = applyTo(next, c); !done) return done;
  }
  impl_->undo.push_back(std::exchange(impl_->def, std::move(next)));
  impl_->redo.clear();
  impl_->revalidate();
  return {};
}

bool EditorDocument::canUndo() const { return !impl_->undo.empty(); }
bool EditorDocument::canRedo() const { return !impl_->redo.empty(); }

void EditorDocument::undo() {
  if (impl_->undo.empty()) return;
  impl_->redo.push_back(std::exchange(impl_->def, std::move(impl_->undo.back())));
  impl_->undo.pop_back();
  impl_->revalidate();
}

void EditorDocument::redo() {
  if (impl_->redo.empty()) return;
  impl_->undo.push_back(std::exchange(impl_->def, std::move(impl_->redo.back())));
  impl_->redo.pop_back();
  impl_->revalidate();
}

core::Result<void> EditorDocument::save() {
  return core::fail("saving needs engine/edit (the format-preserving writer)");
}

bool EditorDocument::dirty() const { return !impl_->undo.empty(); }
const scenario::ScenarioDef& EditorDocument::def() const { return impl_->def; }
const std::vector<scenario::TraineeScript>& EditorDocument::tests() const { return impl_->tests; }
const scenario::Diagnostics& EditorDocument::diagnostics() const { return impl_->diagnostics; }
const std::filesystem::path& EditorDocument::folder() const { return impl_->folder; }
std::uint64_t EditorDocument::revision() const { return impl_->revision; }

}  // namespace praxis::app
