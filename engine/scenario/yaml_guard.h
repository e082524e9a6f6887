// A cheap pre-scan of YAML text that rejects what yaml-cpp handles badly before it ever sees
// it: pathological nesting (its parser recurses once per level), second documents, and text
// that is not UTF-8. Internal to the scenario module.
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

/// The first byte that makes the text something other than UTF-8 without NUL characters
/// (a stray binary byte, a truncated sequence, a UTF-16 file), or nothing. yaml-cpp guesses
/// UTF-16/32 from NUL bytes and then reports positions that are not byte offsets of the
/// text, so such input is refused before it is parsed.
[[nodiscard]] std::optional<NestingProblem> findNonUtf8(std::string_view text);

}  // namespace praxis::scenario::detail
