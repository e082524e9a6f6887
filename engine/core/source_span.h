// Where a piece of a text file came from: used for file:line:col errors and span-based edits.
#pragma once

#include <cstddef>
#include <string>

namespace praxis::core {

/// A region of a source file. Lines and columns are 1-based (as editors show them);
/// byte offsets are 0-based, [begin, end). A default span means "no source" (built in code).
struct SourceSpan {
  std::string file;
  int line = 0;
  int column = 0;
  std::size_t begin = 0;
  std::size_t end = 0;

  [[nodiscard]] bool known() const { return line > 0; }
  /// "file:line:col" (or just the file when the position is unknown).
  [[nodiscard]] std::string where() const {
    if (!known()) return file;
    return file + ":" + std::to_string(line) + ":" + std::to_string(column);
  }
};

}  // namespace praxis::core
