// Problems found while loading or validating a scenario package, each printable as the
// one-line `file:line:col: error: message` form that editors and CI logs turn into links.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/source_span.h"

namespace praxis::scenario {

struct Diagnostic {
  core::SourceSpan span;
  enum Level { Error, Warning } level = Error;
  std::string message;

  /// "file:line:col: error: message" ("warning:" for warnings; "file: error: …" when the
  /// position is unknown, "error: …" when the file is too).
  [[nodiscard]] std::string format() const;
};

[[nodiscard]] std::string_view toString(Diagnostic::Level level);

/// Every diagnostic of one load or validation run, in the order they were found.
class Diagnostics {
 public:
  void error(const core::SourceSpan& span, std::string message);
  void warning(const core::SourceSpan& span, std::string message);
  void add(Diagnostic diagnostic);
  void append(const Diagnostics& other);

  [[nodiscard]] bool empty() const { return items_.empty(); }
  [[nodiscard]] std::size_t size() const { return items_.size(); }
  [[nodiscard]] bool hasErrors() const { return errors_ > 0; }
  [[nodiscard]] std::size_t errorCount() const { return errors_; }
  [[nodiscard]] std::size_t warningCount() const { return items_.size() - errors_; }
  [[nodiscard]] const std::vector<Diagnostic>& all() const { return items_; }

  /// Orders by file, line, column; diagnostics at the same place keep the order found.
  void sort();
  /// Every diagnostic's `format()`, one per line (each line ends with '\n').
  [[nodiscard]] std::string format() const;

 private:
  std::vector<Diagnostic> items_;
  std::size_t errors_ = 0;
};

}  // namespace praxis::scenario
