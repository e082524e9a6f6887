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

/// The innermost `[` or `{` still open at byte `upTo` (where yaml-cpp gave up on an unclosed
/// flow collection), so the error can point at the bracket that needs closing.
[[nodiscard]] std::optional<NestingProblem> findOpenFlow(std::string_view text, std::size_t upTo);

/// Where a second YAML document starts (a `---` line after content, or content after a `...`
/// line), or nothing. Praxis reads one document per file with YAML::Load; YAML::LoadAll is
/// not used because yaml-cpp 0.7 can loop forever in it on malformed input (found by fuzzing).
[[nodiscard]] std::optional<NestingProblem> findSecondDocument(std::string_view text);

}  // namespace praxis::scenario::detail
