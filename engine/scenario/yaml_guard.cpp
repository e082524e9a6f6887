#include "scenario/yaml_guard.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace praxis::scenario::detail {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t'; }

// Scanner state carried from line to line.
struct Scan {
  std::vector<int> indents;     // block indentation levels open above the current line
  int flowDepth = 0;            // open [ and {
  std::vector<NestingProblem> openFlow;  // where each open [ or { is
  char quote = 0;               // inside a quoted scalar spanning lines: '"' or '\''
  int blockScalarIndent = -1;   // inside a | or > scalar: the indentation of its parent line
};

class Scanner {
 public:
  Scanner(std::string_view text, int maxDepth) : text_(text), maxDepth_(maxDepth) {}

  /// Scans up to byte `upTo` and returns the innermost flow bracket still open there.
  std::optional<NestingProblem> openFlowAt(std::size_t upTo) {
    text_ = text_.substr(0, std::min(upTo, text_.size()));
    maxDepth_ = std::numeric_limits<int>::max();
    run();
    if (s_.openFlow.empty()) return std::nullopt;
    return s_.openFlow.back();
  }

  std::optional<NestingProblem> run() {
    std::size_t start = 0;
    int line = 1;
    while (start <= text_.size()) {
      std::size_t end = text_.find('\n', start);
      if (end == std::string_view::npos) end = text_.size();
      if (auto problem = scanLine(start, end, line)) return problem;
      start = end + 1;
      ++line;
    }
    return std::nullopt;
  }

 private:
  std::optional<NestingProblem> scanLine(std::size_t begin, std::size_t end, int line) {
    std::size_t i = begin;
    while (i < end && isSpace(text_[i])) ++i;
    const int indent = static_cast<int>(i - begin);
    const bool blank = i == end || text_[i] == '#' || text_[i] == '\r';
    if (s_.blockScalarIndent >= 0) {
      if (blank || indent > s_.blockScalarIndent) return std::nullopt;  // scalar content
      s_.blockScalarIndent = -1;
    }
    if (blank && s_.quote == 0) return std::nullopt;
    if (s_.quote == 0 && s_.flowDepth == 0) {
      while (!s_.indents.empty() && s_.indents.back() > indent) s_.indents.pop_back();
      if (s_.indents.empty() || s_.indents.back() < indent) s_.indents.push_back(indent);
    }
    int inlineLevels = 0;
    bool valueStart = true;  // a collection or a quoted scalar may begin here
    for (; i < end; ++i) {
      const char c = text_[i];
      if (s_.quote != 0) {
        if (s_.quote == '"' && c == '\\') {
          ++i;
        } else if (c == s_.quote) {
          if (s_.quote == '\'' && i + 1 < end && text_[i + 1] == '\'') {
            ++i;
          } else {
            s_.quote = 0;
          }
        }
        continue;
      }
      if (c == '#' && (i == begin || isSpace(text_[i - 1]))) break;  // comment
      const bool indicator = (c == '-' || c == '?' || c == ':') && (i + 1 == end || isSpace(text_[i + 1]));
      if (indicator) {
        if (c != ':' || s_.flowDepth == 0) ++inlineLevels;
        valueStart = true;
      } else if (isSpace(c)) {
        continue;
      } else if (valueStart && (c == '"' || c == '\'')) {
        s_.quote = c;
        valueStart = false;
      } else if ((valueStart || s_.flowDepth > 0) && (c == '[' || c == '{')) {
        ++s_.flowDepth;
        s_.openFlow.push_back(NestingProblem{line, static_cast<int>(i - begin) + 1, i});
        valueStart = true;
      } else if (s_.flowDepth > 0 && (c == ']' || c == '}')) {
        --s_.flowDepth;
        s_.openFlow.pop_back();
      } else if (s_.flowDepth > 0 && c == ',') {
        valueStart = true;
      } else if (valueStart && s_.flowDepth == 0 && (c == '|' || c == '>')) {
        s_.blockScalarIndent = indent;
        break;
      } else {
        valueStart = false;
      }
      const int depth = static_cast<int>(s_.indents.size()) + inlineLevels + s_.flowDepth;
      if (depth > maxDepth_) {
        return NestingProblem{line, static_cast<int>(i - begin) + 1, i};
      }
    }
    return std::nullopt;
  }

  std::string_view text_;
  int maxDepth_;
  Scan s_;
};

}  // namespace

std::optional<NestingProblem> findExcessiveNesting(std::string_view text, int maxDepth) {
  return Scanner(text, maxDepth).run();
}

std::optional<NestingProblem> findSecondDocument(std::string_view text) {
  bool content = false;  // the first document has begun
  bool ended = false;    // a `...` closed it
  std::size_t start = 0;
  int line = 1;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(start, end - start);
    if (l.ends_with('\r')) l.remove_suffix(1);
    // Document markers count only at column 1, where they also end any block scalar.
    const auto marker = [&](std::string_view m) {
      return l.starts_with(m) && (l.size() == 3 || l[3] == ' ' || l[3] == '\t');
    };
    const std::size_t first = l.find_first_not_of(" \t");
    const bool blank = first == std::string_view::npos || l[first] == '#';
    if (marker("---")) {
      if (content || ended) return NestingProblem{line, 1, start};
      content = true;
    } else if (marker("...")) {
      ended = content;
    } else if (!blank && !(l.starts_with('%') && !content)) {
      if (ended) return NestingProblem{line, 1, start};
      content = true;
    }
    start = end + 1;
    ++line;
  }
  return std::nullopt;
}

std::optional<NestingProblem> findOpenFlow(std::string_view text, std::size_t upTo) {
  return Scanner(text, 0).openFlowAt(upTo);
}

std::optional<NestingProblem> findNonUtf8(std::string_view text) {
  int line = 1;
  std::size_t lineStart = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    unsigned minimum = 0;  // the smallest code point this length may encode (no overlongs)
    unsigned code = byte;
    if (byte == 0) return NestingProblem{line, static_cast<int>(i - lineStart) + 1, i};
    if (byte >= 0x80) {
      if ((byte & 0xE0) == 0xC0) {
        length = 2, minimum = 0x80, code = byte & 0x1F;
      } else if ((byte & 0xF0) == 0xE0) {
        length = 3, minimum = 0x800, code = byte & 0x0F;
      } else if ((byte & 0xF8) == 0xF0) {
        length = 4, minimum = 0x10000, code = byte & 0x07;
      } else {
        return NestingProblem{line, static_cast<int>(i - lineStart) + 1, i};
      }
      if (i + length > text.size()) return NestingProblem{line, static_cast<int>(i - lineStart) + 1, i};
      for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0) != 0x80) return NestingProblem{line, static_cast<int>(i - lineStart) + 1, i};
        code = (code << 6) | (next & 0x3F);
      }
      if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        return NestingProblem{line, static_cast<int>(i - lineStart) + 1, i};
      }
    } else if (byte == '\n') {
      ++line;
      lineStart = i + 1;
    }
    i += length;
  }
  return std::nullopt;
}

}  // namespace praxis::scenario::detail
