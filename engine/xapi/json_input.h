// The one way JSON from outside enters Praxis (an LRS's or LMS's answer, a config file, an
// exported statements file): parsed with a nesting limit. A document nested 100,000 deep is
// legal JSON, but walking it (dump, compare, destroy) recurses once per level and overflows
// the stack, so a hostile server or file could crash every run. Nothing Praxis reads nests
// anywhere near the limit.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/result.h"
#include "xapi/statement.h"

namespace praxis::xapi {

/// Deeper than any statement, LaunchData or config file (a statement nests about 8 levels,
/// extensions add what their author chose); far below what overflows a thread's stack.
inline constexpr std::size_t kMaxJsonDepth = 128;

/// Parses `text` as one JSON document. Fails with the reason ("not JSON: ...", "nested more
/// than 128 levels deep at byte N") instead of throwing or recursing without bound.
[[nodiscard]] core::Result<Json> parseJsonInput(std::string_view text,
                                                std::size_t maxDepth = kMaxJsonDepth);

}  // namespace praxis::xapi
