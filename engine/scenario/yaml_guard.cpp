#include "scenario/yaml_guard.h"

#include <vector>

namespace praxis::scenario::detail {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t'; }

// Scanner state carried from line to line.
struct Scan {
  std::vector<int> indents;     // block indentation levels open above the current line
  int flowDepth = 0;            // open [ and {
  char quote = 0;               // inside a quoted scalar spanning lines: '"' or '\''
  int blockScalarIndent = -1;   // inside a | or > scalar: the indentation of its parent line
};

class Scanner {
 public:
  Scanner(std::string_view text, int maxDepth) : text_(text), maxDepth_(maxDepth) {}

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
        valueStart = true;
      } else if (s_.flowDepth > 0 && (c == ']' || c == '}')) {
        --s_.flowDepth;
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

}  // namespace praxis::scenario::detail
