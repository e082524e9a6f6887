// Typed, diagnosing access to a yaml-cpp document: each getter either returns a value or
// reports why it cannot (with the value's file:line:col) and returns nothing, so a reader can
// carry on and report every problem in one run. Internal to the scenario module.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/localized_text.h"
#include "core/math.h"
#include "scenario/definition.h"
#include "scenario/diagnostics.h"
#include "scenario/loader.h"
#include "scene/scene.h"

namespace praxis::scenario::detail {

/// A value in the document and how to name it in messages. Copyable, never assignable:
/// YAML::Node's operator= does not rebind the handle, it rewrites the node it refers to.
struct Field {
  YAML::Node node;
  SourceSpan span;   // the value's (the key's, when the value is empty)
  std::string name;  // the key ("tolerance") or list item ("accepts[2]")

  Field(YAML::Node n, SourceSpan s, std::string fieldName)
      : node(std::move(n)), span(std::move(s)), name(std::move(fieldName)) {}
  Field(const Field&) = default;
  Field(Field&&) = default;
  Field& operator=(const Field&) = delete;
  Field& operator=(Field&&) = delete;
  ~Field() = default;
};

/// A checked map: its known keys in document order (first occurrence of duplicates).
struct MapView {
  SourceSpan span;
  std::vector<Field> fields;
  [[nodiscard]] const Field* find(std::string_view key) const;
};

/// Allowed spellings of an id.
enum class IdStyle {
  Scenario,  // [a-z0-9-]+
  Object,    // [a-z0-9_]+
  Step,      // [a-z0-9_-]+ (steps, faults)
};

class Reader {
 public:
  Reader(Diagnostics& diagnostics, std::string file, std::string_view text, const LoadLimits& limits);

  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] const LoadLimits& limits() const { return limits_; }
  [[nodiscard]] SourceSpan span(const YAML::Node& node) const;
  [[nodiscard]] Field root(const YAML::Node& node, std::string name) const;
  /// True once the node budget or the diagnostics cap is exhausted: stop reading.
  [[nodiscard]] bool stopped() const { return stopped_; }
  /// Errors reported so far: compare before and after reading a node to know if it was clean.
  [[nodiscard]] std::size_t errorCount() const { return reported_; }

  void error(const SourceSpan& span, std::string message);
  void warning(const SourceSpan& span, std::string message);

  /// The file's format version (its `praxis:` key), read first so later keys can ask for it.
  [[nodiscard]] int format() const { return format_; }
  void setFormat(int version) { format_ = version; }
  /// False (and an error naming the key) when `field` needs a newer format than the file
  /// declares: a format-1 file keeps meaning what it meant, whatever this build adds.
  bool requireFormat(const Field& field, int version, std::string_view what);

  /// A map whose keys must be among keysOf(kind): reports unknown keys (with a suggestion),
  /// duplicates, non-name keys and missing required keys. `what` names it in messages.
  /// Records each key's value span in `spans` under `prefix + key`.
  std::optional<MapView> map(const Field& field, std::string_view kind, std::string_view what,
                             FieldSpans* spans = nullptr, std::string_view prefix = {});
  /// A map with exactly one key among keysOf(kind) (a condition, an action): that entry.
  std::optional<Field> single(const Field& field, std::string_view kind, std::string_view what);
  /// A list's items, named "<name>[i]".
  std::optional<std::vector<Field>> list(const Field& field);
  /// A map with free-form keys (lever detents): (key, value) pairs, values named "<name>.<key>".
  std::optional<std::vector<std::pair<std::string, Field>>> entries(const Field& field);

  std::optional<std::string> string(const Field& field);
  std::optional<std::string> id(const Field& field, IdStyle style);
  std::optional<double> number(const Field& field);
  /// A number within [low, high]; says which bound was broken.
  std::optional<double> number(const Field& field, double low, double high);
  std::optional<long long> integer(const Field& field, long long low, long long high);
  std::optional<bool> boolean(const Field& field);
  std::optional<core::Vec3> vec3(const Field& field);
  /// 1…3 numbers (a shape's size); a lone number counts as one.
  std::optional<std::vector<float>> numbers(const Field& field, std::size_t minCount, std::size_t maxCount);
  std::optional<scene::Colour> colour(const Field& field);
  std::optional<LocalizedText> text(const Field& field);
  /// A list of names (object ids, …); records "<prefix><name>[i]" spans when asked.
  std::optional<std::vector<std::string>> names(const Field& field, FieldSpans* spans = nullptr,
                                                std::string_view prefix = {});

  /// One of the `choices` by name; reports the allowed names (and the closest one).
  template <typename E>
  std::optional<E> choice(const Field& field, std::initializer_list<std::pair<std::string_view, E>> choices) {
    const auto name = string(field);
    if (!name) return std::nullopt;
    std::vector<std::string_view> allowed;
    for (const auto& [n, value] : choices) {
      if (n == *name) return value;
      allowed.push_back(n);
    }
    reportBadChoice(field, *name, allowed);
    return std::nullopt;
  }

  /// "a string", "a number", "a list", "an empty value", … for "expected X, got Y".
  [[nodiscard]] static std::string describe(const YAML::Node& node);
  void expected(const Field& field, std::string_view what);

 private:
  bool charge(std::size_t nodes);
  void reportBadChoice(const Field& field, std::string_view value, const std::vector<std::string_view>& allowed);
  [[nodiscard]] std::size_t endOf(const YAML::Node& node, std::size_t begin, int depth) const;
  [[nodiscard]] std::size_t scalarEnd(const YAML::Node& node, std::size_t begin) const;
  [[nodiscard]] std::size_t flowEnd(std::size_t begin) const;
  [[nodiscard]] std::size_t blockScalarEnd(std::size_t begin) const;
  [[nodiscard]] std::size_t foldedPlainEnd(const std::string& scalar, std::size_t begin) const;

  Diagnostics& diagnostics_;
  std::string file_;
  std::string_view text_;
  LoadLimits limits_;
  std::size_t offsetShift_ = 0;  // yaml-cpp counts offsets after a UTF-8 byte-order mark
  std::size_t nodes_ = 0;
  std::size_t reported_ = 0;
  int format_ = 1;
  bool stopped_ = false;
};

}  // namespace praxis::scenario::detail
