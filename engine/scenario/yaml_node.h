// A YAML document's structure with the source span of every key and value (the node type of
// scenario/yaml_tree.h, apart so that loader.h can hold one without a cycle).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/source_span.h"

namespace praxis::scenario {

struct YamlNode {
  enum class Kind { Null, Scalar, Sequence, Map };
  struct Entry;

  Kind kind = Kind::Null;
  bool flow = false;  // a [..] or {..} collection
  char style = 0;     // scalars: '"', '\'', '|', '>' or 0 (plain)
  /// The whole value: a quoted scalar with its quotes, a block scalar from its `|` to the end
  /// of its last content line, a collection from its first to its last item's end. A null
  /// value (`key:` with nothing after) is an empty span just after the colon.
  core::SourceSpan span;
  std::string scalar;        // a scalar's value (after unquoting and folding)
  std::vector<Entry> items;  // map entries or sequence items, in document order

  [[nodiscard]] bool isMap() const { return kind == Kind::Map; }
  [[nodiscard]] bool isSequence() const { return kind == Kind::Sequence; }
  [[nodiscard]] bool isScalar() const { return kind == Kind::Scalar; }
  /// The value of map key `key`, or nullptr.
  [[nodiscard]] const YamlNode* find(std::string_view key) const;
  /// The entry of map key `key`, or nullptr.
  [[nodiscard]] const Entry* entry(std::string_view key) const;
};

struct YamlNode::Entry {
  std::string key;          // empty for sequence items
  core::SourceSpan keySpan; // the key as written (quotes included); unknown for sequence items
  YamlNode value;
};

}  // namespace praxis::scenario
