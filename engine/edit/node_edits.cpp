// Node-level text edits. Positions come from the loader's spans (scenario/yaml_tree.h); a
// block node owns whole lines, a flow node or a scalar only its own bytes.
#include "edit/node_edits.h"

#include <algorithm>

namespace praxis::edit::detail {
namespace {

std::string spaces(int n) { return std::string(static_cast<std::size_t>(std::max(0, n)), ' '); }

void edit(DocEdit& doc, std::size_t begin, std::size_t end, std::string text) {
  doc.edits.push_back(TextEdit{begin, end, std::move(text)});
}

/// Whether the node's text starts on a later line than `from` (a block map or list below
/// its key), as opposed to on the key's own line.
bool startsBelow(std::string_view text, std::size_t from, const YamlNode& node) {
  if (node.kind == YamlNode::Kind::Null) return false;
  return lineEnd(text, from) < nodeBegin(text, node);
}

/// The old value's quoting, kept by a new scalar.
char quoteOf(const YamlNode& node) { return node.style == '"' || node.style == '\'' ? node.style : 0; }

bool inlineValue(const Value& value) {
  return writesInline(value) ||
         (value.is_string() && afterKeyText(value, 0, Layout{}).starts_with(" \""));  // escaped line breaks
}

/// A value after `key:` (at column `keyCol`, colon ending at `colonEnd`) in a block map.
void replaceAfterColon(DocEdit& doc, std::size_t colonEnd, int keyCol, const YamlNode& old, const Value& value) {
  const std::string_view text = doc.text;
  const bool below = startsBelow(text, colonEnd, old);
  if (inlineValue(value)) {
    const std::string flow = flowText(value, quoteOf(old));
    if (below) {  // `key:  # comment` + block → `key: value  # comment`
      edit(doc, colonEnd, colonEnd, " " + flow);
      edit(doc, lineEnd(text, colonEnd), old.span.end, "");
    } else if (old.kind == YamlNode::Kind::Null) {
      edit(doc, colonEnd, colonEnd, " " + flow);
    } else {
      edit(doc, old.span.begin, old.span.end, flow);
    }
    return;
  }
  if (below && !value.is_string()) {  // keep the author's indentation of the block
    const std::size_t begin = nodeBegin(text, old);
    edit(doc, begin, old.span.end, blockText(value, columnOf(text, begin), doc.layout));
    return;
  }
  edit(doc, colonEnd, old.span.end, afterKeyText(value, keyCol, doc.layout));
}

/// The start of the comment lines written directly above line `start` (no blank line between)
/// and not indented deeper than `col`: they describe the node on that line, so they go or
/// move with it. A deeper comment belongs to the node above; a blank line ends the block.
std::size_t commentsAbove(std::string_view text, std::size_t start, int col) {
  while (start > 0) {
    const std::size_t above = lineStart(text, start - 1);
    const std::size_t hash = text.find_first_not_of(' ', above);
    if (hash >= start || text[hash] != '#' || columnOf(text, hash) > col) break;
    start = above;
  }
  return start;
}

/// Where a block list item's lines begin: its comments above, else the line of its dash.
std::size_t itemStart(std::string_view text, const YamlNode& item) {
  const std::size_t dash = dashOf(text, item.span.begin);
  return commentsAbove(text, lineStart(text, dash), columnOf(text, dash));
}

/// The range a list item's lines take (with its comments above); with `gap`, one blank line
/// beside it as well, so that a list whose items are separated by blank lines stays that way.
std::pair<std::size_t, std::size_t> itemLines(std::string_view text, const YamlNode& list, std::size_t index) {
  const YamlNode& item = list.items[index].value;
  std::size_t a = itemStart(text, item);
  std::size_t b = nextLine(text, item.span.end);
  const bool blankBefore = a > 0 && blankLine(text, lineStart(text, a - 1));
  if (blankLine(text, b) && (blankBefore || index == 0)) {
    b = nextLine(text, b);
  } else if (blankBefore && index + 1 == list.items.size() && index > 0) {
    a = lineStart(text, a - 1);
  }
  return {a, b};
}

/// Whether the list's items are separated by blank lines.
bool separated(std::string_view text, const YamlNode& list) {
  if (list.items.size() < 2) return false;
  const std::size_t after = nextLine(text, list.items[0].value.span.end);
  return blankLine(text, after);
}

int itemColumn(std::string_view text, const YamlNode& list, const Layout& layout, int keyCol) {
  if (list.items.empty()) return keyCol + layout.listStep;
  return columnOf(text, dashOf(text, list.items.front().value.span.begin));
}

/// A flow collection's item or entry with the separator beside it.
void removeFlowItem(DocEdit& doc, const YamlNode& node, std::size_t index) {
  const auto& items = node.items;
  const auto begin = [&](std::size_t i) {
    return items[i].keySpan.known() ? items[i].keySpan.begin : items[i].value.span.begin;
  };
  if (index + 1 < items.size()) {
    edit(doc, begin(index), begin(index + 1), "");
  } else if (index > 0) {
    edit(doc, items[index - 1].value.span.end, items[index].value.span.end, "");
  } else {
    edit(doc, begin(index), items[index].value.span.end, "");
  }
}

/// Puts a list item's lines (`lines`, no final line break) before item `before` of block list
/// `list`, or after its last item, with a blank line beside it when the items have them.
void insertLines(DocEdit& doc, const YamlNode& list, std::size_t before, const std::string& lines) {
  const std::string_view text = doc.text;
  const bool gap = separated(text, list);
  if (before < list.items.size()) {
    const std::size_t at = itemStart(text, list.items[before].value);  // above its comments
    edit(doc, at, at, lines + "\n" + (gap ? "\n" : ""));
  } else {
    const std::size_t at = lineEnd(text, list.items.back().value.span.end);
    edit(doc, at, at, std::string("\n") + (gap ? "\n" : "") + lines);
  }
}

}  // namespace

void replaceValue(DocEdit& doc, const Slot& slot, const Value& value) {
  const std::string_view text = doc.text;
  if (slot.parent == nullptr) {  // the whole document
    edit(doc, nodeBegin(text, doc.root), doc.root.span.end, blockText(value, 0, doc.layout));
    return;
  }
  const YamlNode& parent = *slot.parent;
  const auto& entry = parent.items[slot.index];
  const YamlNode& old = entry.value;
  if (parent.flow) {
    edit(doc, old.span.begin, old.span.end, flowText(value, quoteOf(old)));
  } else if (parent.isMap()) {
    replaceAfterColon(doc, afterColon(text, entry.keySpan.end), entry.keySpan.column - 1, old, value);
  } else {  // a block list item: `- value`
    const std::size_t dash = dashOf(text, old.span.begin);
    const int col = columnOf(text, dash) + 2;
    const std::string body = inlineValue(value) ? flowText(value, quoteOf(old)) : blockText(value, col, doc.layout);
    edit(doc, old.kind == YamlNode::Kind::Null ? dash + 1 : nodeBegin(text, old), old.span.end,
         old.kind == YamlNode::Kind::Null ? " " + body : body);
  }
}

void insertKey(DocEdit& doc, const YamlNode& map, std::string_view key, const Value& value) {
  const std::string_view text = doc.text;
  const std::string keyText = scalarText(Value(std::string(key)), 0, map.flow);
  if (map.flow) {
    std::size_t close = map.span.end > 0 ? map.span.end - 1 : 0;
    while (close > map.span.begin + 1 && text[close - 1] == ' ') --close;
    edit(doc, close, close, (map.items.empty() ? "" : ", ") + keyText + ": " + flowText(value));
    return;
  }
  const int col = map.items.empty() ? 0 : map.items.front().keySpan.column - 1;
  const std::size_t at = map.items.empty() ? text.size() : lineEnd(text, map.items.back().value.span.end);
  edit(doc, at, at, "\n" + spaces(col) + keyText + ":" + afterKeyText(value, col, doc.layout));
}

core::Result<void> removeKey(DocEdit& doc, const YamlNode& map, std::size_t index) {
  const std::string_view text = doc.text;
  if (map.flow) {
    removeFlowItem(doc, map, index);
    return {};
  }
  const auto& entry = map.items[index];
  if (startsLine(text, entry.keySpan.begin)) {
    const std::size_t from = commentsAbove(text, lineStart(text, entry.keySpan.begin), entry.keySpan.column - 1);
    edit(doc, from, nextLine(text, std::max(entry.value.span.end, entry.keySpan.end)), "");
    return {};
  }
  // The first key of a list item (`- id: x`): the next key moves up behind the dash.
  if (index + 1 >= map.items.size()) {
    return core::fail("'", entry.key, "' is the only key of its list item; remove the item instead");
  }
  edit(doc, entry.keySpan.begin, map.items[index + 1].keySpan.begin, "");
  return {};
}

void insertItem(DocEdit& doc, const YamlNode& list, std::size_t position, const Value& value) {
  const std::string_view text = doc.text;
  const auto& items = list.items;
  if (list.flow) {
    if (position < items.size()) {
      const std::size_t at = items[position].value.span.begin;
      edit(doc, at, at, flowText(value) + ", ");
    } else {
      std::size_t close = list.span.end > 0 ? list.span.end - 1 : 0;
      while (close > list.span.begin + 1 && text[close - 1] == ' ') --close;
      edit(doc, close, close, (items.empty() ? "" : ", ") + flowText(value));
    }
    return;
  }
  const int dashCol = itemColumn(text, list, doc.layout, 0);
  const std::string body =
      spaces(dashCol) + "- " + (writesInline(value) ? flowText(value) : blockText(value, dashCol + 2, doc.layout));
  insertLines(doc, list, position, body);
}

void removeItem(DocEdit& doc, const YamlNode& list, std::size_t index) {
  if (list.flow) {
    removeFlowItem(doc, list, index);
    return;
  }
  const auto [a, b] = itemLines(doc.text, list, index);
  edit(doc, a, b, "");
}

void emptyList(DocEdit& doc, const Slot& slot) {
  const auto& entry = slot.parent->items[slot.index];
  const std::size_t colonEnd = afterColon(doc.text, entry.keySpan.end);
  edit(doc, colonEnd, colonEnd, " []");
  const std::string_view text = doc.text;
  const YamlNode& item = entry.value.items.front().value;
  const std::size_t a = itemStart(text, item);
  std::size_t b = nextLine(text, item.span.end);
  if (a > 0 && blankLine(text, lineStart(text, a - 1)) && blankLine(text, b)) b = nextLine(text, b);  // one gap, not two
  edit(doc, a, b, "");
}

core::Result<void> moveItem(DocEdit& doc, const YamlNode& list, std::size_t from, std::size_t to) {
  const std::string_view text = doc.text;
  const auto& items = list.items;
  if (list.flow) return core::fail("the list is written in flow style ([…]); set it as a whole instead");
  to = std::min(to, items.size() - 1);
  if (to == from) return {};
  const YamlNode& item = items[from].value;
  const std::size_t a = itemStart(text, item);  // its comments move with it
  std::string lines(text.substr(a, lineEnd(text, item.span.end) - a));
  const auto [ra, rb] = itemLines(text, list, from);
  edit(doc, ra, rb, "");
  insertLines(doc, list, to < from ? to : to + 1, lines);  // before the item it will precede
  return {};
}

}  // namespace praxis::edit::detail
