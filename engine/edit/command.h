// The editor's commands: one edit of a scenario package each, as the UI issues them and as
// `praxis edit DIR --apply EDITS.json` reads them (docs/editing.md describes every op).
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace praxis::edit {

/// A value a command writes: null, boolean, number, string, list or map. Ordered, so a map
/// is written in the order it was built (`id` first, as instructors write it).
using Value = nlohmann::ordered_json;

enum class Op {
  Set,      // set `path` of `target` to `value` (adds the key when missing)
  SetText,  // set language `lang` of the text at `path` of `target` to the string `value`
  Add,      // add a `kind` node (object, step, fault, hint, component) built from `value`
  Remove,   // remove `target` (an object, step, fault, hint), or its key `path` (a component)
  Move,     // move step `target` to `index`, or `before`/`after` another step
  Rename,   // rename id `from` to `to` (kind object, step, fault) everywhere it is referenced
};

[[nodiscard]] std::string_view toString(Op op);

/// One command. Which fields count depends on `op` (the factories below show each form):
///
/// target  "objects/<id>", "steps/<id>", "faults/<id>", "steps/<id>/hints/<n>" (0-based),
///         "scoring", "trainee" or "scenario" (the top level: title, languages, …)
/// path    a key path inside the target: "pos", "socket.accepts[1]", "penalties.minor",
///         "done_when.state.is"
/// kind    Add: "object", "step", "fault", "hint" (into steps/<id>) or "component" (into
///         objects/<id>, its key in `path`: "socket", "grabbable", …); Rename: "object",
///         "step" or "fault"
/// index / before / after   where an Add or Move puts the node (default: at the end);
///         before/after name a sibling by id
struct Command {
  Op op = Op::Set;
  std::string target;
  std::string path;
  std::string lang;
  std::string kind;
  std::string from;
  std::string to;
  std::string before;
  std::string after;
  std::optional<std::size_t> index;
  Value value;

  static Command set(std::string target, std::string path, Value value);
  static Command setText(std::string target, std::string path, std::string lang, std::string text);
  /// kind "object"/"step"/"fault": `target` unused; "hint": target "steps/<id>";
  /// "component": target "objects/<id>", `component` its key ("socket").
  static Command add(std::string kind, Value value, std::string target = {}, std::string component = {});
  static Command remove(std::string target, std::string path = {});
  static Command moveStep(std::string step, std::size_t index);
  static Command rename(std::string kind, std::string from, std::string to);

  /// The command as the JSON object `--apply` reads (round-trips through parseCommand).
  [[nodiscard]] Value toJson() const;
  /// One line for an undo menu and logs: "set objects/padlock pos".
  [[nodiscard]] std::string describe() const;
};

/// One command from its JSON object; the error says which field is missing or wrong.
[[nodiscard]] core::Result<Command> parseCommand(const Value& json);
/// A JSON list of commands (an EDITS.json file's text). Errors name the command's index:
/// "command 3: unknown op 'sett' (did you mean 'set'?)".
[[nodiscard]] core::Result<std::vector<Command>> parseCommands(std::string_view jsonText);

}  // namespace praxis::edit
