// PathTable: validation and interning of OpenXR path strings.
#include "path_table.h"

#include <cassert>

namespace praxis::xrsim {
namespace {

bool isPathChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

// Atoms start far above small integers so that a made-up value such as (XrPath)0x1234, which
// conformance tests pass as "invalid path", never names a real atom.
constexpr XrPath kFirstAtom = XrPath{1} << 32;

bool onlyPeriods(std::string_view component) {
  return component.find_first_not_of('.') == std::string_view::npos;
}

}  // namespace

bool PathTable::isWellFormedComponent(std::string_view name) {
  if (name.empty() || onlyPeriods(name)) return false;
  for (char c : name) {
    if (!isPathChar(c)) return false;
  }
  return true;
}

bool PathTable::isWellFormedPath(std::string_view path) {
  // XR_MAX_PATH_LENGTH counts the terminating NUL.
  if (path.size() < 2 || path.size() >= XR_MAX_PATH_LENGTH || path.front() != '/') return false;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (!isWellFormedComponent(path.substr(start, end - start))) return false;
    start = end + 1;
  }
  return true;
}

XrResult PathTable::intern(std::string_view path, XrPath* out) {
  if (!isWellFormedPath(path)) return XR_ERROR_PATH_FORMAT_INVALID;
  *out = internKnown(path);
  return XR_SUCCESS;
}

XrPath PathTable::internKnown(std::string_view path) {
  assert(isWellFormedPath(path));
  if (auto it = atoms_.find(path); it != atoms_.end()) return it->second;
  strings_.push_back(std::make_unique<std::string>(path));
  const XrPath atom = kFirstAtom + strings_.size() - 1;
  atoms_.emplace(*strings_.back(), atom);
  return atom;
}

std::optional<std::string_view> PathTable::lookup(XrPath path) const {
  if (path < kFirstAtom || path - kFirstAtom >= strings_.size()) return std::nullopt;
  return *strings_[path - kFirstAtom];
}

XrPath PathTable::find(std::string_view path) const {
  auto it = atoms_.find(path);
  return it == atoms_.end() ? XR_NULL_PATH : it->second;
}

}  // namespace praxis::xrsim
