// Structure half of the Reader: spans, maps, lists, budgets (values are in yaml_values.cpp).
#include "scenario/yaml_reader.h"

#include <algorithm>
#include <map>

#include "scenario/keys.h"
#include "scenario/suggest.h"

namespace praxis::scenario::detail {

const Field* MapView::find(std::string_view key) const {
  for (const auto& f : fields) {
    if (f.name == key) return &f;
  }
  return nullptr;
}

Reader::Reader(Diagnostics& diagnostics, std::string file, std::string_view text, const LoadLimits& limits)
    : diagnostics_(diagnostics), file_(std::move(file)), text_(text), limits_(limits) {
  if (text_.starts_with("\xEF\xBB\xBF")) offsetShift_ = 3;
}

void Reader::error(const SourceSpan& span, std::string message) {
  if (stopped_) return;
  if (++reported_ > limits_.maxDiagnostics) {
    diagnostics_.error(span, "too many problems; stopped reading this file after " +
                                 std::to_string(limits_.maxDiagnostics));
    stopped_ = true;
    return;
  }
  diagnostics_.error(span, std::move(message));
}

void Reader::warning(const SourceSpan& span, std::string message) {
  if (!stopped_) diagnostics_.warning(span, std::move(message));
}

bool Reader::requireFormat(const Field& field, int version, std::string_view what) {
  if (format_ >= version) return true;
  error(field.span, std::string(what) + " needs `praxis: " + std::to_string(version) + "` (this file says praxis: " +
                        std::to_string(format_) + ")");
  return false;
}

bool Reader::charge(std::size_t nodes) {
  if (stopped_) return false;
  nodes_ += nodes;
  if (nodes_ > limits_.maxNodes) {
    diagnostics_.error(SourceSpan{file_}, "the document has more than " + std::to_string(limits_.maxNodes) +
                                              " nodes (aliases expanded); stopped reading it");
    stopped_ = true;
    return false;
  }
  return true;
}

// --- spans --------------------------------------------------------------------------------

SourceSpan Reader::span(const YAML::Node& node) const {
  SourceSpan s{file_};
  if (!node.IsDefined()) return s;
  const YAML::Mark mark = node.Mark();
  if (mark.is_null() || mark.line < 0 || mark.column < 0 || mark.pos < 0) return s;
  s.line = mark.line + 1;
  s.column = mark.column + 1;
  s.begin = std::min(static_cast<std::size_t>(mark.pos) + offsetShift_, text_.size());
  s.end = std::max(s.begin, std::min(endOf(node, s.begin, 0), text_.size()));
  return s;
}

Field Reader::root(const YAML::Node& node, std::string name) const {
  return Field{node, span(node), std::move(name)};
}

std::size_t Reader::scalarEnd(const YAML::Node& node, std::size_t begin) const {
  if (begin >= text_.size()) return begin;
  const char first = text_[begin];
  if (first == '"' || first == '\'') {
    for (std::size_t i = begin + 1; i < text_.size(); ++i) {
      if (first == '"' && text_[i] == '\\') {
        ++i;
      } else if (text_[i] == first) {
        if (first == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
          ++i;
        } else {
          return i + 1;
        }
      }
    }
    return text_.size();
  }
  if (first == '|' || first == '>') return blockScalarEnd(begin);
  const std::string& scalar = node.Scalar();
  if (text_.substr(begin, scalar.size()) == scalar) return begin + scalar.size();
  return foldedPlainEnd(scalar, begin);
}

std::size_t Reader::blockScalarEnd(std::size_t begin) const {
  // The content is every following line indented at least as far as its first non-blank
  // line (YAML 1.2, 8.1.1.1), blank lines included; the span ends with the last non-blank one.
  std::size_t lineEnd = text_.find('\n', begin);
  if (lineEnd == std::string_view::npos) return text_.size();
  const auto headerLineStart = text_.rfind('\n', begin);
  const std::size_t headerStart = headerLineStart == std::string_view::npos ? 0 : headerLineStart + 1;
  const std::size_t parentIndent = text_.find_first_not_of(' ', headerStart) - headerStart;
  std::size_t end = lineEnd;
  std::size_t contentIndent = 0;
  for (std::size_t start = lineEnd + 1; start < text_.size();) {
    std::size_t eol = text_.find('\n', start);
    if (eol == std::string_view::npos) eol = text_.size();
    const std::size_t first = text_.find_first_not_of(' ', start);
    const bool blank = first >= eol || text_.substr(first, eol - first).find_first_not_of(" \t\r") == std::string_view::npos;
    if (!blank) {
      const std::size_t indent = first - start;
      if (contentIndent == 0) contentIndent = indent;
      if (indent < contentIndent || indent <= parentIndent) break;
      end = eol;
      if (end > start && text_[end - 1] == '\r') --end;
    }
    start = eol + 1;
  }
  return end;
}

std::size_t Reader::foldedPlainEnd(const std::string& scalar, std::size_t begin) const {
  // A plain scalar over several lines: the value is its words joined by single spaces (blank
  // lines become line breaks), so walk the text word by word until the value is used up.
  std::size_t i = begin;
  std::size_t j = 0;
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (j < scalar.size() && i < text_.size()) {
    if (space(scalar[j])) {
      while (j < scalar.size() && space(scalar[j])) ++j;
      while (i < text_.size() && space(text_[i])) ++i;
    } else if (text_[i] == scalar[j]) {
      ++i, ++j;
    } else {
      break;
    }
  }
  if (j == scalar.size()) return i;
  const std::size_t eol = text_.find('\n', begin);  // not plain after all: its first line
  return eol == std::string_view::npos ? text_.size() : eol;
}

std::size_t Reader::flowEnd(std::size_t begin) const {
  int depth = 0;
  char quote = 0;
  for (std::size_t i = begin; i < text_.size(); ++i) {
    const char c = text_[i];
    if (quote != 0) {
      if (quote == '"' && c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      if (--depth == 0) return i + 1;
    }
  }
  return text_.size();
}

std::size_t Reader::endOf(const YAML::Node& node, std::size_t begin, int depth) const {
  // Aliases can make the node graph cyclic; a span never needs more than the nesting limit.
  if (depth > limits_.maxDepth) return begin;
  switch (node.Type()) {
    case YAML::NodeType::Scalar: return scalarEnd(node, begin);
    case YAML::NodeType::Sequence:
    case YAML::NodeType::Map: {
      if (node.Style() == YAML::EmitterStyle::Flow) return flowEnd(begin);
      if (node.size() == 0) return begin;
      // Never assign a YAML::Node: its operator= rebinds the node it refers to, editing the
      // document. Construct a fresh one from the last iterator instead.
      auto lastIt = node.begin();
      for (auto it = node.begin(); it != node.end(); ++it) lastIt = it;
      const YAML::Node last = node.IsMap() ? (lastIt->second.IsNull() ? lastIt->first : lastIt->second) : *lastIt;
      const YAML::Mark m = last.Mark();
      if (m.is_null() || m.pos < 0) return begin;
      const std::size_t lastBegin = static_cast<std::size_t>(m.pos) + offsetShift_;
      return std::max(begin, endOf(last, lastBegin, depth + 1));
    }
    default: return begin;
  }
}

// --- structure ----------------------------------------------------------------------------

void Reader::expected(const Field& field, std::string_view what) {
  error(field.span, field.name + ": expected " + std::string(what) + ", got " + describe(field.node));
}

std::optional<MapView> Reader::map(const Field& field, std::string_view kind, std::string_view what,
                                   FieldSpans* spans, std::string_view prefix) {
  if (stopped_) return std::nullopt;
  if (!field.node.IsMap()) {
    expected(field, "a map");
    return std::nullopt;
  }
  if (!charge(field.node.size() + 1)) return std::nullopt;
  const NodeKeys& keys = keysOf(kind);
  MapView view{field.span, {}};
  std::map<std::string, int, std::less<>> seen;  // key → line of its first occurrence
  for (auto it = field.node.begin(); it != field.node.end(); ++it) {
    const SourceSpan keySpan = span(it->first);
    if (!it->first.IsScalar()) {
      error(keySpan, "keys in " + std::string(what) + " must be plain names, got " + describe(it->first));
      continue;
    }
    const std::string key = it->first.Scalar();
    if (std::find(keys.keys.begin(), keys.keys.end(), key) == keys.keys.end()) {
      error(keySpan, "unknown key '" + key + "' in " + std::string(what) + didYouMean(key, keys.keys));
      continue;
    }
    if (auto [pos, fresh] = seen.emplace(key, keySpan.line); !fresh) {
      error(keySpan, "duplicate key '" + key + "' (first at line " + std::to_string(pos->second) + ")");
      continue;
    }
    SourceSpan valueSpan = it->second.IsNull() ? keySpan : span(it->second);
    if (spans != nullptr) (*spans)[std::string(prefix) + key] = valueSpan;
    view.fields.push_back(Field{it->second, std::move(valueSpan), key});
  }
  for (const auto& required : keys.required) {
    if (!seen.contains(required)) {
      error(field.span, "missing required key '" + std::string(required) + "' in " + std::string(what));
    }
  }
  return view;
}

std::optional<Field> Reader::single(const Field& field, std::string_view kind, std::string_view what) {
  if (stopped_) return std::nullopt;
  const NodeKeys& keys = keysOf(kind);
  if (!field.node.IsMap() || field.node.size() == 0) {
    error(field.span, field.name + ": expected " + std::string(what) + " (a map with one key: " +
                          std::string(keys.keys.front()) + ", " + std::string(keys.keys[1]) + ", …), got " +
                          describe(field.node));
    return std::nullopt;
  }
  if (!charge(field.node.size() + 1)) return std::nullopt;
  if (field.node.size() > 1) {
    std::string names;
    for (auto it = field.node.begin(); it != field.node.end(); ++it) {
      names += (names.empty() ? "'" : ", '") + it->first.Scalar() + "'";
    }
    error(field.span, "a " + std::string(what) + " has exactly one key (its kind), found " + names +
                          (kind == "condition" ? "; combine several with all: […]" : "; write one per list item"));
    return std::nullopt;
  }
  const auto it = field.node.begin();
  const SourceSpan keySpan = span(it->first);
  const std::string name = it->first.IsScalar() ? it->first.Scalar() : std::string();
  if (std::find(keys.keys.begin(), keys.keys.end(), name) == keys.keys.end()) {
    error(keySpan, "unknown " + std::string(what) + " '" + name + "'" + didYouMean(name, keys.keys));
    return std::nullopt;
  }
  return Field{it->second, it->second.IsNull() ? keySpan : span(it->second), name};
}

std::optional<std::vector<Field>> Reader::list(const Field& field) {
  if (stopped_) return std::nullopt;
  if (!field.node.IsSequence()) {
    expected(field, "a list");
    return std::nullopt;
  }
  if (!charge(field.node.size() + 1)) return std::nullopt;
  std::vector<Field> items;
  items.reserve(field.node.size());
  std::size_t i = 0;
  for (auto it = field.node.begin(); it != field.node.end(); ++it, ++i) {
    SourceSpan s = it->IsNull() ? field.span : span(*it);
    items.push_back(Field{*it, std::move(s), field.name + "[" + std::to_string(i) + "]"});
  }
  return items;
}

std::optional<std::vector<std::pair<std::string, Field>>> Reader::entries(const Field& field) {
  if (stopped_) return std::nullopt;
  if (!field.node.IsMap()) {
    expected(field, "a map");
    return std::nullopt;
  }
  if (!charge(field.node.size() + 1)) return std::nullopt;
  std::vector<std::pair<std::string, Field>> out;
  for (auto it = field.node.begin(); it != field.node.end(); ++it) {
    const SourceSpan keySpan = span(it->first);
    if (!it->first.IsScalar()) {
      error(keySpan, field.name + ": keys must be plain names, got " + describe(it->first));
      continue;
    }
    const std::string key = it->first.Scalar();
    const bool duplicate = std::any_of(out.begin(), out.end(), [&](const auto& e) { return e.first == key; });
    if (duplicate) {
      error(keySpan, "duplicate key '" + key + "' in " + field.name);
      continue;
    }
    out.emplace_back(key, Field{it->second, it->second.IsNull() ? keySpan : span(it->second), field.name + "." + key});
  }
  return out;
}

}  // namespace praxis::scenario::detail
