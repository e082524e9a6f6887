// Rename: collect the span of every reference from the loaded model (which knows what each
// scalar means: `to: off` is a state, `to: panel` an object), then rewrite those scalars only.
#include "edit/rename.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <tuple>

#include "edit/yaml_text.h"
#include "scenario/suggest.h"

namespace praxis::edit::detail {
namespace {

using scenario::Condition;
using scenario::ConditionKind;
using scenario::FieldSpans;
using scenario::SourceSpan;

/// The references found so far: (file name, begin, end) of each scalar to rewrite.
struct Refs {
  std::string_view from;
  std::set<std::tuple<std::string, std::size_t, std::size_t>> spans;

  void add(const FieldSpans& fields, const std::string& key) {
    if (const auto it = fields.find(key); it != fields.end() && it->second.known()) {
      spans.emplace(it->second.file, it->second.begin, it->second.end);
    }
  }
  void addAll(const FieldSpans& fields, std::string_view prefix, const std::vector<std::string>& names) {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == from) add(fields, std::string(prefix) + "[" + std::to_string(i) + "]");
    }
  }
};

void objectRefs(const Condition& c, Refs& refs) {
  if (c.kind != ConditionKind::StepDone) {
    if (c.object == refs.from) refs.add(c.fields, "object");
    for (const char* key : {"target", "into", "zone"}) {
      if (c.target == refs.from) refs.add(c.fields, key);
    }
    if (c.tool == refs.from) {
      refs.add(c.fields, "tool");
      refs.add(c.fields, "by");
    }
  }
  for (const auto& child : c.children) objectRefs(child, refs);
}

void stepRefs(const Condition& c, Refs& refs) {
  if (c.kind == ConditionKind::StepDone && c.state == refs.from) refs.add(c.fields, "object");
  for (const auto& child : c.children) stepRefs(child, refs);
}

template <typename Visit>
void eachCondition(const scenario::ScenarioDef& def, Visit&& visit) {
  for (const auto& s : def.steps) {
    visit(s.doneWhen);
    for (const auto& b : s.branches) visit(b.when);
  }
  for (const auto& f : def.faults) {
    visit(f.when);
    if (f.guard) visit(*f.guard);
  }
}

void collectObject(const scenario::PackageDraft& draft, Refs& refs) {
  const auto& def = draft.scenario;
  for (const auto& o : def.objects) {
    if (o.id == refs.from) refs.add(o.fields, "id");
    if (o.parent == refs.from) refs.add(o.fields, "parent");
    if (o.socket) refs.addAll(o.fields, "socket.accepts", o.socket->accepts);
  }
  for (const auto& s : def.steps) refs.addAll(s.fields, "highlight", s.highlight);
  eachCondition(def, [&](const Condition& c) { objectRefs(c, refs); });
  for (const auto& test : draft.tests) {
    for (const auto& a : test.actions) {
      // Keys that hold something else than an object id: a state (`set … to: off`), a hand,
      // numbers. The span's text is compared with the id as well, so a point never matches.
      for (const auto& [key, span] : a.fields) {
        const bool state = a.kind == scenario::ActionKind::Set && key == "to";
        if (!state && key != "hand" && key != "release" && key != "seconds" && key != "value" && key != "offset") {
          refs.spans.emplace(span.file, span.begin, span.end);
        }
      }
    }
  }
}

void collectStep(const scenario::PackageDraft& draft, Refs& refs) {
  for (const auto& s : draft.scenario.steps) {
    if (s.id == refs.from) refs.add(s.fields, "id");
    if (s.next == refs.from) refs.add(s.fields, "next");
    for (const auto& b : s.branches) {
      if (b.next == refs.from) refs.add(b.fields, "goto");
    }
  }
  eachCondition(draft.scenario, [&](const Condition& c) { stepRefs(c, refs); });
  for (const auto& test : draft.tests) {
    if (test.expect.stepsCompleted) refs.addAll(test.expect.fields, "steps", *test.expect.stepsCompleted);
  }
}

void collectFault(const scenario::PackageDraft& draft, Refs& refs) {
  for (const auto& f : draft.scenario.faults) {
    if (f.id == refs.from) refs.add(f.fields, "id");
  }
  for (const auto& test : draft.tests) {
    if (test.expect.faults) refs.addAll(test.expect.fields, "faults", *test.expect.faults);
  }
}

/// The scalar at [begin, end) read back without its quotes (ids need no escapes).
std::string_view unquoted(std::string_view text) {
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') && text.back() == text.front()) {
    return text.substr(1, text.size() - 2);
  }
  return text;
}

core::Result<void> checkIds(const Command& c, const scenario::ScenarioDef& def) {
  std::vector<std::string> ids;
  if (c.kind == "object") {
    for (const auto& o : def.objects) ids.push_back(o.id);
  } else if (c.kind == "step") {
    for (const auto& s : def.steps) ids.push_back(s.id);
  } else if (c.kind == "fault") {
    for (const auto& f : def.faults) ids.push_back(f.id);
  } else {
    return core::fail("unknown kind '", c.kind, "' to rename (object, step, fault)");
  }
  if (std::find(ids.begin(), ids.end(), c.from) == ids.end()) {
    return core::fail("no ", c.kind, " '", c.from, "'", scenario::didYouMean(c.from, ids));
  }
  if (std::find(ids.begin(), ids.end(), c.to) != ids.end()) return core::fail("there already is a ", c.kind, " '", c.to, "'");
  static const std::regex objectId("[a-z0-9_]+");
  static const std::regex stepId("[a-z0-9_-]+");
  if (!std::regex_match(c.to, c.kind == "object" ? objectId : stepId) || (c.kind != "object" && c.to == "end")) {
    return core::fail("'", c.to, "' is not a valid ", c.kind, " id (", c.kind == "object" ? "[a-z0-9_]+" : "[a-z0-9_-]+, not 'end'", ")");
  }
  return {};
}

}  // namespace

core::Result<TextChanges> renameEverywhere(const Command& command, const std::vector<DocFile>& files,
                                           const scenario::PackageDraft& draft) {
  if (draft.diagnostics.hasErrors()) {
    return core::fail("rename needs a package without errors, so that every reference is found; first fix: ",
                      draft.diagnostics.all().front().format());
  }
  if (auto ok = checkIds(command, draft.scenario); !ok) return core::Unexpected(ok.error());
  Refs refs{command.from, {}};
  if (command.kind == "object") collectObject(draft, refs);
  if (command.kind == "step") collectStep(draft, refs);
  if (command.kind == "fault") collectFault(draft, refs);
  std::map<std::size_t, std::vector<TextEdit>> edits;
  for (const auto& [file, begin, end] : refs.spans) {
    const auto it = std::find_if(files.begin(), files.end(), [&name = file](const DocFile& f) { return f.name == name; });
    if (it == files.end() || end > it->text.size() || begin >= end) continue;
    const std::string_view written = std::string_view(it->text).substr(begin, end - begin);
    if (unquoted(written) != command.from) continue;
    const char quote = written.front() == '"' || written.front() == '\'' ? written.front() : 0;
    const std::string text = quote != 0 ? std::string(1, quote) + command.to + quote : command.to;
    edits[static_cast<std::size_t>(it - files.begin())].push_back(TextEdit{begin, end, text});
  }
  TextChanges out;
  for (auto& [index, list] : edits) out.emplace(index, applyEdits(files[index].text, std::move(list)));
  return out;
}

}  // namespace praxis::edit::detail
