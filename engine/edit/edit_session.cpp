// EditSession: the package's texts, the undo history as minimal splices, and a fresh load of
// the package after every change.
#include "edit/edit_session.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <system_error>

#include "edit/executor.h"

namespace praxis::edit {
namespace {

namespace fs = std::filesystem;
using detail::DocFile;

/// One file's change as the smallest splice: bytes [offset, offset + before.size()) became
/// `after`. Keeps the undo history small however large the file.
struct Splice {
  std::size_t file = 0;
  std::size_t offset = 0;
  std::string before;
  std::string after;
};

struct UndoEntry {
  std::string label;
  Op op = Op::Set;
  std::string target;
  std::string path;
  std::vector<Splice> splices;  // in application order
};

Splice spliceBetween(std::size_t file, const std::string& a, const std::string& b) {
  std::size_t prefix = 0;
  const std::size_t shorter = std::min(a.size(), b.size());
  while (prefix < shorter && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < shorter - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) ++suffix;
  return Splice{file, prefix, a.substr(prefix, a.size() - prefix - suffix), b.substr(prefix, b.size() - prefix - suffix)};
}

std::string displayName(const fs::path& path) { return path.lexically_normal().generic_string(); }

core::Result<std::string> readText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::fail(displayName(path), ": cannot open");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

core::Result<void> writeAtomically(const fs::path& path, const std::string& text) {
  const fs::path temp = path.string() + ".praxis-edit.tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) {
      std::error_code ec;
      fs::remove(temp, ec);
      return core::fail(displayName(path), ": cannot write");
    }
  }
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) {
    fs::remove(temp, ec);
    return core::fail(displayName(path), ": cannot replace: ", ec.message());
  }
  return {};
}

}  // namespace

struct EditSession::State {
  fs::path folder;
  std::vector<DocFile> files;  // scenario.yaml first, then tests/*.yaml by name
  scenario::PackageDraft draft;
  std::vector<UndoEntry> undo;
  std::vector<UndoEntry> redo;
  std::size_t revision = 0;
  bool onDisk = false;
  ExtraChecks extraChecks;

  void reload() {
    scenario::PackageTexts texts{folder, files[0].name, files[0].text, {}};
    for (std::size_t i = 1; i < files.size(); ++i) texts.tests.emplace_back(files[i].name, files[i].text);
    draft = scenario::readScenarioPackageTexts(texts);
    // The editor's tree comes from the same parse as the scenario: one yaml-cpp pass per edit.
    files[0].tree = std::move(draft.scenarioTree);
    draft.scenarioTree.reset();
    if (extraChecks && !draft.diagnostics.hasErrors()) {
      extraChecks(draft.scenario, draft.diagnostics);
      draft.diagnostics.sort();
    }
  }
  void applySplices(const std::vector<Splice>& splices, bool forward) {
    auto run = [&](const Splice& s) {
      std::string& text = files[s.file].text;
      const std::string& from = forward ? s.before : s.after;
      const std::string& to = forward ? s.after : s.before;
      text.replace(s.offset, from.size(), to);
    };
    if (forward) {
      std::for_each(splices.begin(), splices.end(), run);
    } else {
      std::for_each(splices.rbegin(), splices.rend(), run);
    }
    reload();
    ++revision;
  }
  core::Result<UndoEntry> run(const Command& command) {
    auto changes = detail::execute(command, files, draft);
    if (!changes) return core::Unexpected(changes.error());
    UndoEntry entry{command.describe(), command.op, command.target, command.path, {}};
    if (changes->empty()) return entry;
    for (auto& [index, text] : *changes) {
      // A command writes YAML the loader reads; if it ever did not, refuse rather than keep it.
      if (index > 0) {
        if (auto tree = scenario::parseYamlTree(text, files[index].name); !tree) return unreadable(index, tree.error());
      }
      entry.splices.push_back(spliceBetween(index, files[index].text, text));
    }
    applySplices(entry.splices, true);
    if (!files[0].tree) {
      applySplices(entry.splices, false);
      return unreadable(0, core::Error{"it does not parse"});
    }
    return entry;
  }
  core::Unexpected<core::Error> unreadable(std::size_t index, const core::Error& why) const {
    return core::fail("the edit would leave ", files[index].name, " unreadable (", why.message, "); nothing changed");
  }
};

EditSession::EditSession(std::unique_ptr<State> state) : s_(std::move(state)) {}
EditSession::EditSession(EditSession&&) noexcept = default;
EditSession& EditSession::operator=(EditSession&&) noexcept = default;
EditSession::~EditSession() = default;

core::Result<EditSession> EditSession::open(const fs::path& dir) {
  auto state = std::make_unique<State>();
  state->folder = dir;
  state->onDisk = true;
  const fs::path scenarioFile = dir / "scenario.yaml";
  auto text = readText(scenarioFile);
  if (!text) return core::Unexpected(text.error());
  state->files.push_back(DocFile{displayName(scenarioFile), *text, *text, std::nullopt});
  std::vector<fs::path> tests;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir / "tests", ec)) {
    const auto ext = entry.path().extension();
    if (entry.is_regular_file(ec) && (ext == ".yaml" || ext == ".yml")) tests.push_back(entry.path());
  }
  std::sort(tests.begin(), tests.end(), [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  for (const auto& t : tests) {
    auto testText = readText(t);
    if (!testText) return core::Unexpected(testText.error());
    state->files.push_back(DocFile{displayName(t), *testText, *testText, std::nullopt});
  }
  state->reload();
  return EditSession(std::move(state));
}

EditSession EditSession::fromText(std::string scenarioText, std::string fileName, fs::path folder) {
  auto state = std::make_unique<State>();
  state->folder = std::move(folder);
  state->files.push_back(DocFile{std::move(fileName), scenarioText, scenarioText, std::nullopt});
  state->reload();
  return EditSession(std::move(state));
}

core::Result<void> EditSession::apply(const Command& command, bool mergeUndo) {
  auto entry = s_->run(command);
  if (!entry) return core::Unexpected(entry.error());
  if (entry->splices.empty()) return {};
  s_->redo.clear();
  if (mergeUndo && !s_->undo.empty()) {
    UndoEntry& last = s_->undo.back();
    if (last.op == entry->op && last.target == entry->target && last.path == entry->path) {
      last.splices.insert(last.splices.end(), entry->splices.begin(), entry->splices.end());
      return {};
    }
  }
  s_->undo.push_back(std::move(*entry));
  return {};
}

core::Result<void> EditSession::applyAll(const std::vector<Command>& commands) {
  UndoEntry all{"", Op::Set, {}, {}, {}};
  for (std::size_t i = 0; i < commands.size(); ++i) {
    auto entry = s_->run(commands[i]);
    if (!entry) {
      if (!all.splices.empty()) s_->applySplices(all.splices, false);
      return core::fail("command ", std::to_string(i), " (", commands[i].describe(), "): ", entry.error().message);
    }
    all.splices.insert(all.splices.end(), entry->splices.begin(), entry->splices.end());
    all.label = commands.size() == 1 ? entry->label : std::to_string(commands.size()) + " edits";
  }
  if (all.splices.empty()) return {};
  s_->redo.clear();
  s_->undo.push_back(std::move(all));
  return {};
}

bool EditSession::canUndo() const { return !s_->undo.empty(); }
bool EditSession::canRedo() const { return !s_->redo.empty(); }
std::string EditSession::undoLabel() const { return s_->undo.empty() ? std::string() : s_->undo.back().label; }
std::string EditSession::redoLabel() const { return s_->redo.empty() ? std::string() : s_->redo.back().label; }

bool EditSession::undo() {
  if (s_->undo.empty()) return false;
  UndoEntry entry = std::move(s_->undo.back());
  s_->undo.pop_back();
  s_->applySplices(entry.splices, false);
  s_->redo.push_back(std::move(entry));
  return true;
}

bool EditSession::redo() {
  if (s_->redo.empty()) return false;
  UndoEntry entry = std::move(s_->redo.back());
  s_->redo.pop_back();
  s_->applySplices(entry.splices, true);
  s_->undo.push_back(std::move(entry));
  return true;
}

const scenario::ScenarioDef& EditSession::scenario() const { return s_->draft.scenario; }
const std::vector<scenario::TraineeScript>& EditSession::tests() const { return s_->draft.tests; }
const scenario::Diagnostics& EditSession::diagnostics() const { return s_->draft.diagnostics; }
std::size_t EditSession::revision() const { return s_->revision; }

void EditSession::setExtraChecks(ExtraChecks checks) {
  s_->extraChecks = std::move(checks);
  s_->reload();
}

const fs::path& EditSession::folder() const { return s_->folder; }

std::vector<std::string> EditSession::files() const {
  std::vector<std::string> out;
  for (const auto& f : s_->files) out.push_back(f.name);
  return out;
}

const std::string& EditSession::text(std::string_view file) const {
  for (const auto& f : s_->files) {
    if (f.name == file) return f.text;
  }
  return s_->files.front().text;
}

bool EditSession::dirty() const {
  return std::any_of(s_->files.begin(), s_->files.end(), [](const DocFile& f) { return f.text != f.saved; });
}

std::vector<FileChange> EditSession::changes() const {
  std::vector<FileChange> out;
  for (const auto& f : s_->files) {
    if (f.text != f.saved) out.push_back(FileChange{f.name, f.saved, f.text});
  }
  return out;
}

core::Result<void> EditSession::save() {
  for (auto& f : s_->files) {
    if (f.text == f.saved) continue;
    if (s_->onDisk) {
      if (auto ok = writeAtomically(f.name, f.text); !ok) return ok;
    }
    f.saved = f.text;
  }
  return {};
}

}  // namespace praxis::edit
