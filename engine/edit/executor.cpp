// Commands → text edits: resolve the target and path in scenario.yaml's tree, check the
// command against it, then let node_edits.cpp write the change (rename.cpp for renames).
#include "edit/executor.h"

#include <algorithm>
#include <cctype>

#include "edit/node_edits.h"
#include "edit/rename.h"
#include "scenario/suggest.h"

namespace praxis::edit::detail {
namespace {

struct Seg {
  std::string key;
  std::optional<std::size_t> index;
  [[nodiscard]] std::string show() const { return index ? "[" + std::to_string(*index) + "]" : key; }
};
using Segs = std::vector<Seg>;

core::Result<Segs> parsePath(std::string_view path) {
  Segs out;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '[') {
      const std::size_t close = path.find(']', i);
      const std::string digits(path.substr(i + 1, close == std::string_view::npos ? 0 : close - i - 1));
      if (close == std::string_view::npos || digits.empty() || digits.size() > 9 ||
          !std::all_of(digits.begin(), digits.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        return core::fail("bad path '", path, "': an index is written [0], [1], …");
      }
      out.push_back(Seg{{}, std::stoul(digits)});
      i = close + 1;
      if (i < path.size() && path[i] == '.') ++i;
      continue;
    }
    const std::size_t end = path.find_first_of(".[", i);
    const std::string key(path.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i));
    if (key.empty()) return core::fail("bad path '", path, "': an empty key");
    out.push_back(Seg{key, std::nullopt});
    i = end == std::string_view::npos ? path.size() : end + (path[end] == '.' ? 1 : 0);
  }
  return out;
}

std::vector<std::string> idsOf(const YamlNode* list) {
  std::vector<std::string> ids;
  if (list == nullptr || !list->isSequence()) return ids;
  for (const auto& item : list->items) {
    const YamlNode* id = item.value.find("id");
    ids.push_back(id != nullptr && id->isScalar() ? id->scalar : std::string());
  }
  return ids;
}

std::string singular(std::string_view list) {
  return list == "objects" ? "object" : list == "steps" ? "step" : list == "faults" ? "fault" : std::string(list);
}

/// The index of the item with `id` in root[list], or an error with a suggestion.
core::Result<std::size_t> findId(const YamlNode& root, std::string_view list, std::string_view id) {
  const auto ids = idsOf(root.find(list));
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] == id) return i;
  }
  return core::fail("no ", singular(list), " '", id, "'", scenario::didYouMean(id, ids));
}

/// "objects/<id>", "steps/<id>", "faults/<id>", "steps/<id>/hints/<n>", "scoring",
/// "trainee", "scenario" → segments from the root.
core::Result<Segs> targetSegs(const YamlNode& root, std::string_view target) {
  const auto fail = [&] {
    return core::fail("unknown target '", target,
                      "' (objects/<id>, steps/<id>, faults/<id>, steps/<id>/hints/<n>, scoring, trainee, scenario)");
  };
  if (target == "scenario") return Segs{};
  if (target == "scoring" || target == "trainee") return Segs{Seg{std::string(target), std::nullopt}};
  const std::size_t slash = target.find('/');
  if (slash == std::string_view::npos) return fail();
  const std::string list(target.substr(0, slash));
  if (list != "objects" && list != "steps" && list != "faults") return fail();
  std::string_view rest = target.substr(slash + 1);
  const std::size_t hints = rest.find("/hints/");
  const std::string_view id = rest.substr(0, hints);
  auto index = findId(root, list, id);
  if (!index) return core::Unexpected(index.error());
  Segs segs{Seg{list, std::nullopt}, Seg{{}, *index}};
  if (hints == std::string_view::npos) return segs;
  if (list != "steps") return fail();
  auto hintPath = parsePath("hints[" + std::string(rest.substr(hints + 7)) + "]");
  if (!hintPath) return fail();
  segs.insert(segs.end(), hintPath->begin(), hintPath->end());
  return segs;
}

/// How far `segs` exist in the tree: the slot of each existing node.
struct Walk {
  std::vector<Slot> slots;      // slots[i] holds segs[i]
  const YamlNode* last = nullptr;  // the deepest existing node (the root when none)
};

core::Result<Walk> walk(const YamlNode& root, const Segs& segs) {
  Walk w;
  w.last = &root;
  std::string where = "the document";
  for (const auto& seg : segs) {
    const YamlNode& node = *w.last;
    if (seg.index) {
      if (!node.isSequence()) return core::fail(where, " is not a list");
      if (*seg.index >= node.items.size()) {
        return core::fail(where, " has ", std::to_string(node.items.size()), " items; there is no [", std::to_string(*seg.index), "]");
      }
      w.slots.push_back(Slot{&node, *seg.index});
    } else {
      if (node.kind == YamlNode::Kind::Null) return w;
      if (!node.isMap()) return core::fail(where, " is not a map, so it has no '", seg.key, "'");
      const auto it = std::find_if(node.items.begin(), node.items.end(), [&](const auto& e) { return e.key == seg.key; });
      if (it == node.items.end()) return w;
      w.slots.push_back(Slot{&node, static_cast<std::size_t>(it - node.items.begin())});
    }
    w.last = &w.slots.back().parent->items[w.slots.back().index].value;
    where = "'" + seg.show() + "'";
  }
  return w;
}

/// Sets the node at `segs`, creating missing keys (as nested maps) on the way.
core::Result<void> setAt(DocEdit& doc, const Segs& segs, const Value& value) {
  auto w = walk(doc.root, segs);
  if (!w) return core::Unexpected(w.error());
  if (w->slots.size() == segs.size()) {
    if (segs.empty()) return core::fail("give a path to set inside the target");
    replaceValue(doc, w->slots.back(), value);
    return {};
  }
  Value nested = value;
  for (std::size_t i = segs.size(); i-- > w->slots.size() + 1;) {
    if (segs[i].index) return core::fail("there is no list at '", segs[i - 1].show(), "' to index");
    nested = Value::object({{segs[i].key, nested}});
  }
  const Seg& missing = segs[w->slots.size()];
  if (missing.index) return core::fail("there is no list to index with ", missing.show());
  if (w->last->kind == YamlNode::Kind::Null) {
    if (w->slots.empty()) return core::fail("the document is empty");
    replaceValue(doc, w->slots.back(), Value::object({{missing.key, nested}}));
  } else {
    insertKey(doc, *w->last, missing.key, nested);
  }
  return {};
}

core::Result<Segs> fullPath(const YamlNode& root, const Command& c) {
  auto segs = targetSegs(root, c.target);
  if (!segs) return segs;
  auto path = parsePath(c.path);
  if (!path) return core::Unexpected(path.error());
  segs->insert(segs->end(), path->begin(), path->end());
  return segs;
}

core::Result<void> runSet(DocEdit& doc, const Command& c) {
  auto segs = fullPath(doc.root, c);
  if (!segs) return core::Unexpected(segs.error());
  return setAt(doc, *segs, c.value);
}

core::Result<void> runSetText(DocEdit& doc, const Command& c) {
  auto segs = fullPath(doc.root, c);
  if (!segs) return core::Unexpected(segs.error());
  auto w = walk(doc.root, *segs);
  if (!w) return core::Unexpected(w.error());
  if (w->slots.size() == segs->size() && w->last->isScalar()) {
    return core::fail("'", c.path, "' is a single text, not one per language; set it with {\"op\": \"set\"} "
                      "to a map such as {\"", c.lang, "\": …}");
  }
  segs->push_back(Seg{c.lang, std::nullopt});
  return setAt(doc, *segs, c.value);
}

/// The position an add or move names (index, before/after an id), in [0, size].
core::Result<std::size_t> placement(const YamlNode& root, const Command& c, std::string_view list, std::size_t size) {
  if (c.index) {
    if (*c.index > size) return core::fail("index ", std::to_string(*c.index), " is past the end (", std::to_string(size), " items)");
    return *c.index;
  }
  if (c.before.empty() && c.after.empty()) return size;
  auto at = findId(root, list, c.before.empty() ? c.after : c.before);
  if (!at) return core::Unexpected(at.error());
  return c.before.empty() ? *at + 1 : *at;
}

core::Result<void> addToList(DocEdit& doc, const Segs& listSegs, std::string_view listName, const Command& c) {
  auto w = walk(doc.root, listSegs);
  if (!w) return core::Unexpected(w.error());
  const bool exists = w->slots.size() == listSegs.size() && w->last->isSequence() && !w->last->items.empty();
  auto at = placement(doc.root, c, listName, exists ? w->last->items.size() : 0);
  if (!at) return core::Unexpected(at.error());
  if (!exists) return setAt(doc, listSegs, Value::array({c.value}));
  insertItem(doc, *w->last, *at, c.value);
  return {};
}

core::Result<void> runAdd(DocEdit& doc, const Command& c) {
  if (c.kind == "object" || c.kind == "step" || c.kind == "fault") {
    const std::string list = c.kind + "s";
    if (!c.value.is_object() || !c.value.contains("id") || !c.value["id"].is_string()) {
      return core::fail("a new ", c.kind, " is a map with a string 'id', got ", c.value.dump(-1, ' ', false, Value::error_handler_t::replace));
    }
    const auto id = c.value["id"].get<std::string>();
    if (findId(doc.root, list, id)) return core::fail("there already is a ", c.kind, " '", id, "'");
    return addToList(doc, Segs{Seg{list, std::nullopt}}, list, c);
  }
  if (c.kind == "hint") {
    if (!c.target.starts_with("steps/")) return core::fail("a hint is added to a step: target \"steps/<id>\"");
    auto segs = targetSegs(doc.root, c.target);
    if (!segs) return core::Unexpected(segs.error());
    if (!c.before.empty() || !c.after.empty()) return core::fail("place a hint with 'index'");
    segs->push_back(Seg{"hints", std::nullopt});
    return addToList(doc, *segs, "hints", c);
  }
  if (c.kind == "component") {
    if (!c.target.starts_with("objects/")) return core::fail("a component is added to an object: target \"objects/<id>\"");
    if (c.path.empty() || c.path.find_first_of(".[") != std::string::npos) {
      return core::fail("name the component in 'path': socket, grabbable, switch, button, lever, tool, target, zone");
    }
    auto segs = targetSegs(doc.root, c.target);
    if (!segs) return core::Unexpected(segs.error());
    auto w = walk(doc.root, *segs);
    if (!w) return core::Unexpected(w.error());
    if (w->last->find(c.path) != nullptr) return core::fail(c.target, " already has '", c.path, "'; change it with set");
    insertKey(doc, *w->last, c.path, c.value);
    return {};
  }
  return core::fail("unknown kind '", c.kind, "' to add", scenario::didYouMean(c.kind, std::vector<std::string>{"object", "step", "fault", "hint", "component"}),
                    " (object, step, fault, hint, component)");
}

core::Result<void> runRemove(DocEdit& doc, const Command& c) {
  if (c.target == "scenario" && c.path.empty()) return core::fail("the scenario itself cannot be removed");
  auto segs = fullPath(doc.root, c);
  if (!segs) return core::Unexpected(segs.error());
  auto w = walk(doc.root, *segs);
  if (!w) return core::Unexpected(w.error());
  if (w->slots.size() != segs->size()) return core::fail(c.target, " has no '", c.path, "'");
  const Slot& slot = w->slots.back();
  if (slot.parent->isMap()) return removeKey(doc, *slot.parent, slot.index);
  if (slot.parent->items.size() == 1 && !slot.parent->flow) {  // the last item: leave an empty list
    const std::size_t n = w->slots.size();
    if (n >= 2 && w->slots[n - 2].parent->isMap() && !w->slots[n - 2].parent->flow) {
      emptyList(doc, w->slots[n - 2]);  // `key: []`, the comments about the section kept
      return {};
    }
    const Segs listSegs(segs->begin(), segs->end() - 1);
    return setAt(doc, listSegs, Value::array());
  }
  removeItem(doc, *slot.parent, slot.index);
  return {};
}

core::Result<void> runMove(DocEdit& doc, const Command& c) {
  auto segs = targetSegs(doc.root, c.target);
  if (!segs) return core::Unexpected(segs.error());
  if (segs->size() < 2) return core::fail("move takes a list item: steps/<id>, objects/<id>, faults/<id> or a hint");
  auto w = walk(doc.root, *segs);
  if (!w) return core::Unexpected(w.error());
  const Slot& slot = w->slots.back();
  const std::string list = segs->size() == 2 ? segs->front().key : "hints";
  auto at = placement(doc.root, c, list, slot.parent->items.size());
  if (!at) return core::Unexpected(at.error());
  std::size_t to = *at;
  if (!c.index && to > slot.index) --to;  // before/after count positions with the item still in place
  return moveItem(doc, *slot.parent, slot.index, to);
}

}  // namespace

core::Result<TextChanges> execute(const Command& command, const std::vector<DocFile>& files,
                                  const scenario::PackageDraft& draft) {
  if (command.op == Op::Rename) return renameEverywhere(command, files, draft);
  const DocFile& file = files.front();
  if (!file.tree) {
    auto tree = scenario::parseYamlTree(file.text, file.name);
    return core::fail("scenario.yaml does not parse, so it cannot be edited: ", tree ? std::string() : tree.error().message);
  }
  DocEdit doc{file.text, *file.tree, detectLayout(*file.tree), {}};
  core::Result<void> done;
  switch (command.op) {
    case Op::Set: done = runSet(doc, command); break;
    case Op::SetText: done = runSetText(doc, command); break;
    case Op::Add: done = runAdd(doc, command); break;
    case Op::Remove: done = runRemove(doc, command); break;
    case Op::Move: done = runMove(doc, command); break;
    case Op::Rename: break;
  }
  if (!done) return core::Unexpected(done.error());
  TextChanges out;
  std::string text = applyEdits(file.text, std::move(doc.edits));
  if (text != file.text) out.emplace(0, std::move(text));
  return out;
}

}  // namespace praxis::edit::detail
