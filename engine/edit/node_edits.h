// The text edits behind every command, one per kind of change to a YAML node: replace a value,
// add or remove a map key, add, remove or move a list item. Each leaves every byte outside
// the node alone and writes new text in the file's style. Internal to the edit module.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "edit/yaml_text.h"

namespace praxis::edit::detail {

/// One document being edited: its text, tree and layout, and the edits collected so far.
struct DocEdit {
  std::string_view text;
  const YamlNode& root;
  Layout layout;
  std::vector<TextEdit> edits;
};

/// Where a node sits in its parent, which decides how it is rewritten.
struct Slot {
  const YamlNode* parent = nullptr;  // the map or list holding it (nullptr: the root)
  std::size_t index = 0;             // its entry or item index in parent->items
};

/// Replaces the value in `slot` by `value`.
void replaceValue(DocEdit& doc, const Slot& slot, const Value& value);
/// Adds `key: value` at the end of map `map` (block or flow).
void insertKey(DocEdit& doc, const YamlNode& map, std::string_view key, const Value& value);
/// Removes entry `index` of map `map`; fails for the only key of a list item.
core::Result<void> removeKey(DocEdit& doc, const YamlNode& map, std::size_t index);
/// Inserts `value` into list `list` so that it becomes item `position` (0…size).
void insertItem(DocEdit& doc, const YamlNode& list, std::size_t position, const Value& value);
/// Removes item `index` of list `list`.
void removeItem(DocEdit& doc, const YamlNode& list, std::size_t index);
/// Removes the only item of the block list held by map entry `slot`, leaving `key: []`; the
/// comment lines not directly above the item stay.
void emptyList(DocEdit& doc, const Slot& slot);
/// Moves item `from` of block list `list` so that it becomes item `to`.
core::Result<void> moveItem(DocEdit& doc, const YamlNode& list, std::size_t from, std::size_t to);

}  // namespace praxis::edit::detail
