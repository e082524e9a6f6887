// Writing YAML in the file's own style: values rendered as plain, quoted, flow or block text,
// the file's indentation steps, and line arithmetic on the text. Internal to the edit module.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "edit/command.h"
#include "scenario/yaml_tree.h"

namespace praxis::edit::detail {

using scenario::YamlNode;

/// How the file indents: measured on its first nested block map and block list.
struct Layout {
  int mapStep = 2;    // a nested block map's keys, right of its key
  int listStep = 2;   // a block list's `-`, right of its key (0: `key:` then `- x` below it)
};
[[nodiscard]] Layout detectLayout(const YamlNode& root);

/// One replacement of bytes [begin, end) of a text.
struct TextEdit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
};
/// `text` with `edits` applied; the edits must not overlap (any order).
[[nodiscard]] std::string applyEdits(std::string_view text, std::vector<TextEdit> edits);

// --- lines -----------------------------------------------------------------------------------
[[nodiscard]] std::size_t lineStart(std::string_view text, std::size_t pos);
/// The position of the line's '\n' (or the end of the text).
[[nodiscard]] std::size_t lineEnd(std::string_view text, std::size_t pos);
/// The start of the next line (the end of the text on the last line).
[[nodiscard]] std::size_t nextLine(std::string_view text, std::size_t pos);
[[nodiscard]] bool blankLine(std::string_view text, std::size_t start);
/// 0-based column of `pos`.
[[nodiscard]] int columnOf(std::string_view text, std::size_t pos);
/// Whether only spaces precede `pos` on its line.
[[nodiscard]] bool startsLine(std::string_view text, std::size_t pos);
/// Just after the `:` that follows the key ending at `keyEnd`.
[[nodiscard]] std::size_t afterColon(std::string_view text, std::size_t keyEnd);
/// The `-` of the block list item whose value begins at `valueBegin`.
[[nodiscard]] std::size_t dashOf(std::string_view text, std::size_t valueBegin);
/// Where a node's own text begins: its span, or for a block list the `-` of its first item.
[[nodiscard]] std::size_t nodeBegin(std::string_view text, const YamlNode& node);

// --- values ----------------------------------------------------------------------------------
/// A scalar: plain when that reads back as the same string, else quoted. `quote` is the style
/// the replaced value had ('"', '\'' or 0), kept when it can hold the value.
[[nodiscard]] std::string scalarText(const Value& value, char quote, bool inFlow);
/// Whether `value` is written on the key's line: a scalar without line breaks, or a list or
/// map of such scalars (and flat lists) whose flow form is short.
[[nodiscard]] bool writesInline(const Value& value);
/// The flow form: `[a, b]`, `{k: v}`, or a scalar.
[[nodiscard]] std::string flowText(const Value& value, char quote = 0);
/// A block map or list at column `col`: the first line without its indentation, no final
/// line break. A map's entries go inline when writesInline() says so.
[[nodiscard]] std::string blockText(const Value& value, int col, const Layout& layout);
/// What follows `key:` for `value` when the key is at column `col`: " inline", or a block
/// scalar / nested block on the following lines.
[[nodiscard]] std::string afterKeyText(const Value& value, int col, const Layout& layout);

}  // namespace praxis::edit::detail
