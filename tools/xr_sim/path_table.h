// PathTable: the XrPath atoms of one instance (OpenXR spec, "Semantic Paths" / "Path Atom Type").
#pragma once

#include <openxr/openxr.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace praxis::xrsim {

/// Interns well-formed path strings into XrPath atoms. Atoms are never freed (the API has no
/// call for it) and stay valid for the instance's lifetime; XR_NULL_PATH is never handed out.
class PathTable {
 public:
  /// The atom for `path`, creating it on first use. XR_ERROR_PATH_FORMAT_INVALID when the
  /// string breaks the spec's well-formed path rules (see isWellFormedPath).
  [[nodiscard]] XrResult intern(std::string_view path, XrPath* out);
  /// Interns a path the runtime itself knows to be well formed (profile tables, tests).
  [[nodiscard]] XrPath internKnown(std::string_view path);
  /// The string of an atom, or nothing for XR_NULL_PATH and values this table never handed out.
  [[nodiscard]] std::optional<std::string_view> lookup(XrPath path) const;
  [[nodiscard]] bool isValid(XrPath path) const { return lookup(path).has_value(); }
  /// The atom of an already interned string, or XR_NULL_PATH.
  [[nodiscard]] XrPath find(std::string_view path) const;

  /// The spec's rules: only a-z 0-9 - _ . /; starts with one '/'; no empty component and no
  /// component made of periods only; no trailing '/'; shorter than XR_MAX_PATH_LENGTH.
  [[nodiscard]] static bool isWellFormedPath(std::string_view path);
  /// One path component (action and action set names): the same characters without '/'.
  [[nodiscard]] static bool isWellFormedComponent(std::string_view name);

 private:
  // Atom kFirstAtom + i is *strings_[i]; the map keys view those heap strings, which never move.
  std::vector<std::unique_ptr<std::string>> strings_;
  std::unordered_map<std::string_view, XrPath> atoms_;
};

}  // namespace praxis::xrsim
