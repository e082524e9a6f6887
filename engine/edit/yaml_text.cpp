// Rendering values in the file's style and the line arithmetic the commands share.
#include "edit/yaml_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <cstdlib>

namespace praxis::edit::detail {
namespace {

constexpr std::size_t kInlineWidth = 100;  // longer flow lists/maps go to block form

bool probeLayout(const YamlNode& node, Layout& layout, bool& mapFound, bool& listFound, int depth) {
  if (depth > 8 || !node.isMap() || node.flow) return mapFound && listFound;
  for (const auto& e : node.items) {
    const int keyCol = e.keySpan.column - 1;
    const YamlNode& v = e.value;
    if (v.flow || !v.span.known() || v.span.line == e.keySpan.line) continue;
    if (v.isMap() && !mapFound && !v.items.empty()) {
      layout.mapStep = std::max(1, v.items.front().keySpan.column - 1 - keyCol);
      mapFound = true;
    }
    if (v.isSequence() && !listFound && !v.items.empty()) {
      const int itemCol = v.items.front().value.span.column - 1;
      layout.listStep = std::max(0, itemCol - 2 - keyCol);
      listFound = true;
    }
    if (mapFound && listFound) return true;
    if (probeLayout(v, layout, mapFound, listFound, depth + 1)) return true;
    if (v.isSequence()) {
      for (const auto& item : v.items) {
        if (probeLayout(item.value, layout, mapFound, listFound, depth + 1)) return true;
      }
    }
  }
  return mapFound && listFound;
}

bool isScalarValue(const Value& v) { return !v.is_array() && !v.is_object(); }

bool flatList(const Value& v) {
  return v.is_array() && std::all_of(v.begin(), v.end(), [](const Value& x) { return isScalarValue(x) || flatList(x); });
}

bool multiLine(const Value& v) { return v.is_string() && v.get_ref<const std::string&>().find('\n') != std::string::npos; }

bool looksLikeNumber(std::string_view s) {
  const char c = s.front();
  if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) return false;
  if (s.starts_with("0x") || s.starts_with("0o") || s.starts_with(".inf") || s.starts_with(".nan")) return true;
  const std::string copy(s);
  char* end = nullptr;
  std::strtod(copy.c_str(), &end);
  return end == copy.c_str() + copy.size();
}

bool plainSafe(std::string_view s, bool inFlow) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
  constexpr std::string_view kIndicators = "-?:,[]{}#&*!|>'\"%@`";
  if (kIndicators.find(s.front()) != std::string_view::npos) return false;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) return false;
  if (inFlow && s.find_first_of(",[]{}") != std::string_view::npos) return false;
  for (const char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
  }
  constexpr std::array<std::string_view, 9> kReserved{"null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False"};
  if (std::find(kReserved.begin(), kReserved.end(), s) != kReserved.end() || s == "FALSE") return false;
  return !looksLikeNumber(s);
}

std::string doubleQuoted(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          char hex[8];
          std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += hex;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string singleQuoted(std::string_view s) {
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string numberText(const Value& v) {
  if (!v.is_number_float()) return v.dump();
  std::array<char, 64> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v.get<double>());
  return ec == std::errc() ? std::string(buffer.data(), end) : v.dump();
}

std::string spaces(int n) { return std::string(static_cast<std::size_t>(std::max(0, n)), ' '); }

/// `|` block scalar for a text with line breaks, content at column `col`.
std::string blockScalar(const std::string& s, int col) {
  std::string out = s.ends_with('\n') ? "|" : "|-";
  std::size_t start = 0;
  const std::string body = s.ends_with('\n') ? s.substr(0, s.size() - 1) : s;
  while (start <= body.size()) {
    std::size_t eol = body.find('\n', start);
    if (eol == std::string::npos) eol = body.size();
    const std::string_view line(body.data() + start, eol - start);
    out += "\n" + (line.empty() ? std::string() : spaces(col) + std::string(line));
    start = eol + 1;
  }
  return out;
}

/// Whether a block scalar can hold `s` so that it reads back the same: no leading spaces on the
/// first line (that would need an indentation indicator), no trailing spaces, no tabs or
/// control characters, and at most one final line break.
bool blockScalarSafe(const std::string& s) {
  if (s.empty() || s.front() == ' ' || s.ends_with("\n\n")) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7F) return false;
    if (c == '\n' && i > 0 && s[i - 1] == ' ') return false;
  }
  return s.back() != ' ';
}

}  // namespace

Layout detectLayout(const YamlNode& root) {
  Layout layout;
  bool mapFound = false;
  bool listFound = false;
  probeLayout(root, layout, mapFound, listFound, 0);
  return layout;
}

std::string applyEdits(std::string_view text, std::vector<TextEdit> edits) {
  std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.begin < b.begin; });
  std::string out;
  out.reserve(text.size() + 256);
  std::size_t at = 0;
  for (const auto& e : edits) {
    out.append(text.substr(at, e.begin - at));
    out += e.text;
    at = e.end;
  }
  out.append(text.substr(at));
  return out;
}

std::size_t lineStart(std::string_view text, std::size_t pos) {
  if (pos == 0) return 0;
  const auto nl = text.rfind('\n', pos - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

std::size_t lineEnd(std::string_view text, std::size_t pos) {
  const auto nl = text.find('\n', pos);
  return nl == std::string_view::npos ? text.size() : nl;
}

std::size_t nextLine(std::string_view text, std::size_t pos) {
  const std::size_t end = lineEnd(text, pos);
  return end == text.size() ? end : end + 1;
}

bool blankLine(std::string_view text, std::size_t start) {
  const std::size_t end = lineEnd(text, start);
  if (start >= text.size()) return false;
  return text.substr(start, end - start).find_first_not_of(" \t\r") == std::string_view::npos;
}

int columnOf(std::string_view text, std::size_t pos) { return static_cast<int>(pos - lineStart(text, pos)); }

bool startsLine(std::string_view text, std::size_t pos) {
  const std::size_t start = lineStart(text, pos);
  return text.substr(start, pos - start).find_first_not_of(' ') == std::string_view::npos;
}

std::size_t afterColon(std::string_view text, std::size_t keyEnd) {
  std::size_t at = keyEnd;
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
  return at < text.size() && text[at] == ':' ? at + 1 : keyEnd;
}

std::size_t dashOf(std::string_view text, std::size_t valueBegin) {
  std::size_t at = std::min(valueBegin, text.size());
  while (at > 0 && text[at - 1] != '-') {
    const char c = text[at - 1];
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return valueBegin;  // no dash: a flow item
    --at;
  }
  return at > 0 ? at - 1 : valueBegin;
}

std::size_t nodeBegin(std::string_view text, const YamlNode& node) {
  if (node.isSequence() && !node.flow && !node.items.empty()) return dashOf(text, node.items.front().value.span.begin);
  return node.span.begin;
}

std::string scalarText(const Value& value, char quote, bool inFlow) {
  if (value.is_null()) return "null";
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number()) return numberText(value);
  if (!value.is_string()) return flowText(value);
  const auto& s = value.get_ref<const std::string&>();
  if (quote == '"') return doubleQuoted(s);
  if (quote == '\'' && s.find_first_of("\n\r\t") == std::string::npos) return singleQuoted(s);
  return plainSafe(s, inFlow) ? s : doubleQuoted(s);
}

std::string flowText(const Value& value, char quote) {
  if (value.is_array()) {
    std::string out = "[";
    for (std::size_t i = 0; i < value.size(); ++i) out += (i ? ", " : "") + flowText(value[i], quote);
    return out + "]";
  }
  if (value.is_object()) {
    std::string out = "{";
    bool first = true;
    for (const auto& [k, v] : value.items()) {
      out += (first ? "" : ", ") + scalarText(Value(k), 0, true) + ": " + flowText(v, quote);
      first = false;
    }
    return out + "}";
  }
  return scalarText(value, quote, true);
}

bool writesInline(const Value& value) {
  if (multiLine(value)) return false;
  if (isScalarValue(value)) return true;
  if (value.empty()) return true;
  if (value.is_array() && !flatList(value)) return false;
  if (value.is_object()) {
    for (const auto& [k, v] : value.items()) {
      if (!(isScalarValue(v) || flatList(v)) || multiLine(v)) return false;
    }
  }
  return flowText(value).size() <= kInlineWidth;
}

std::string afterKeyText(const Value& value, int col, const Layout& layout) {
  if (multiLine(value) && blockScalarSafe(value.get_ref<const std::string&>())) {
    return " " + blockScalar(value.get_ref<const std::string&>(), col + layout.mapStep);
  }
  if (writesInline(value) || multiLine(value)) return " " + flowText(value);
  const int childCol = col + (value.is_object() ? layout.mapStep : layout.listStep);
  return "\n" + spaces(childCol) + blockText(value, childCol, layout);
}

std::string blockText(const Value& value, int col, const Layout& layout) {
  std::string out;
  const std::string indent = "\n" + spaces(col);
  if (value.is_object() && !value.empty()) {
    bool first = true;
    for (const auto& [k, v] : value.items()) {
      out += (first ? "" : indent) + scalarText(Value(k), 0, false) + ":" + afterKeyText(v, col, layout);
      first = false;
    }
    return out;
  }
  if (value.is_array() && !value.empty()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      const Value& item = value[i];
      const std::string body = writesInline(item) ? flowText(item) : blockText(item, col + 2, layout);
      out += (i ? indent : "") + "- " + body;
    }
    return out;
  }
  return flowText(value);
}

}  // namespace praxis::edit::detail
