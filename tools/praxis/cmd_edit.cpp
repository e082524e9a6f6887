// praxis edit: scripted edits of a scenario package (--apply EDITS.json), saved the way the
// editor saves (only the touched lines change), with a unified diff of what changed. Without
// --apply the editor window opens (cmd_edit_window.cpp).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "args.h"
#include "commands.h"
#include "edit/edit_session.h"
#if PRAXIS_HAS_APP
#include "app/instruction_panel.h"
#include "app/scene_models.h"
#endif

namespace praxis::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kHelp =
    "usage: praxis edit DIR --apply EDITS.json [--dry-run]\n"
    "       praxis edit DIR\n\n"
    "With --apply, applies the commands in EDITS.json (a JSON list such as\n"
    "  [{\"op\": \"set\", \"target\": \"objects/padlock\", \"path\": \"pos\", \"value\": [0.5, 0.9, 0]},\n"
    "   {\"op\": \"rename\", \"kind\": \"object\", \"from\": \"padlock\", \"to\": \"hangslot\"}]\n"
    "ops: set, set_text, add, remove, move, rename; docs/editing.md describes them) to the\n"
    "scenario package DIR, validates the result as `praxis validate` does, saves it and prints\n"
    "a unified diff of every file that changed. Only the lines an edit touches change:\n"
    "comments, blank lines, key order and quoting stay as written.\n\n"
    "Nothing is saved when a command cannot be applied (the error names the command's index\n"
    "and, for an unknown id, the closest one) or when the result has validation errors.\n\n"
    "options:\n"
    "  --apply FILE  the commands to apply\n"
    "  --dry-run     print the diff (and any validation problems), save nothing\n"
    "  --help        show this text\n\n";

constexpr const char* kExitCodes =
    "\nExit codes: 0 applied (or nothing to change), 1 a command does not apply or the result\n"
    "does not validate (nothing saved), 2 usage error, unreadable or malformed EDITS.json.\n";

std::optional<std::string> readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

void addValidateChecks([[maybe_unused]] edit::EditSession& session) {
#if PRAXIS_HAS_APP
  // The same checks `praxis validate` adds on top of the loader's.
  session.setExtraChecks([](const scenario::ScenarioDef& def, scenario::Diagnostics& out) {
    app::checkModelsImport(def, out);
    if (auto checked = app::checkPanelText(def, out); !checked) {
      out.error(scenario::SourceSpan{def.file}, checked.error().message);
    }
  });
#endif
}

int applyEdits(const fs::path& dir, const std::string& editsFile, bool dryRun) {
  const auto json = readFile(editsFile);
  if (!json) return usageError("edit", editsFile + ": cannot read");
  auto commands = edit::parseCommands(*json);
  if (!commands) return usageError("edit", editsFile + ": " + commands.error().message);
  auto session = edit::EditSession::open(dir);
  if (!session) return usageError("edit", session.error().message);
  addValidateChecks(*session);
  if (auto applied = session->applyAll(*commands); !applied) {
    std::fprintf(stderr, "praxis edit: %s: %s\nnothing changed\n", editsFile.c_str(), applied.error().message.c_str());
    return kExitFailed;
  }
  std::fputs(edit::unifiedDiff(session->changes()).c_str(), stdout);
  const auto& diagnostics = session->diagnostics();
  std::fputs(diagnostics.format().c_str(), stderr);
  if (diagnostics.hasErrors()) {
    std::fprintf(stderr, "praxis edit: the edited package has %zu error(s); nothing saved\n", diagnostics.errorCount());
    return kExitFailed;
  }
  if (dryRun || !session->dirty()) {
    std::fprintf(stderr, "praxis edit: %s\n", session->dirty() ? "dry run, nothing saved" : "nothing to change");
    return kExitOk;
  }
  const std::size_t files = session->changes().size();
  if (auto saved = session->save(); !saved) {
    std::fprintf(stderr, "praxis edit: %s\n", saved.error().message.c_str());
    return kExitUsage;
  }
  std::fprintf(stderr, "praxis edit: saved %zu file(s)\n", files);
  return kExitOk;
}

}  // namespace

int runEdit(const CommandArgs& args) {
  const bool scripted = std::any_of(args.begin(), args.end(), [](const std::string& a) {
    return a == "--apply" || a.starts_with("--apply=") || a == "--dry-run";
  });
  const std::string help = std::string(kHelp) + kEditWindowHelp + kExitCodes;
  const bool wantsHelp = std::any_of(args.begin(), args.end(), [](const std::string& a) { return a == "--help" || a == "-h"; });
  if (!scripted && !wantsHelp) return runEditWindow(args);
  auto parsed = parseCommand(args, {{"--dry-run"}, {"--apply"}, 1, 1}, "edit", help);
  if (!parsed.args) return parsed.exitCode;
  const auto edits = parsed.args->option("--apply");
  if (!edits) return usageError("edit", "--dry-run needs --apply EDITS.json");
  const fs::path dir = parsed.args->positionals.front();
  std::error_code ec;
  if (!fs::is_regular_file(dir / "scenario.yaml", ec)) {
    return usageError("edit", dir.generic_string() + ": not a scenario package (no scenario.yaml)");
  }
  return applyEdits(dir, *edits, parsed.args->has("--dry-run"));
}

}  // namespace praxis::cli
