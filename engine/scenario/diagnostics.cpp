#include "scenario/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace praxis::scenario {

std::string_view toString(Diagnostic::Level level) {
  return level == Diagnostic::Error ? "error" : "warning";
}

std::string Diagnostic::format() const {
  std::string out = span.where();
  if (!out.empty()) out += ": ";
  out += toString(level);
  out += ": ";
  out += message;
  return out;
}

void Diagnostics::error(const core::SourceSpan& span, std::string message) {
  add(Diagnostic{span, Diagnostic::Error, std::move(message)});
}

void Diagnostics::warning(const core::SourceSpan& span, std::string message) {
  add(Diagnostic{span, Diagnostic::Warning, std::move(message)});
}

void Diagnostics::add(Diagnostic diagnostic) {
  if (diagnostic.level == Diagnostic::Error) ++errors_;
  items_.push_back(std::move(diagnostic));
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.items_) add(d);
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.span.file, a.span.line, a.span.column) <
           std::tie(b.span.file, b.span.line, b.span.column);
  });
}

std::string Diagnostics::format() const {
  std::string out;
  for (const auto& d : items_) {
    out += d.format();
    out += '\n';
  }
  return out;
}

}  // namespace praxis::scenario
