// A cheap pre-scan of YAML text that rejects pathological nesting before yaml-cpp, whose
// parser recurses once per level, ever sees it. Internal to the scenario module.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace praxis::scenario::detail {

struct NestingProblem {
  int line = 0;    // 1-based
  int column = 0;  // 1-based
  std::size_t offset = 0;
};

/// The first place where the text nests deeper than `maxDepth` levels (block indentation,
/// `- `/`? ` indicators and flow brackets together), or nothing. It over-estimates rather than
/// under-estimates: a real scenario nests about ten levels, so the margin is wide.
[[nodiscard]] std::optional<NestingProblem> findExcessiveNesting(std::string_view text, int maxDepth);

}  // namespace praxis::scenario::detail
