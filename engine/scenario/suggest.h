// "Did you mean …?" for unknown keys, kinds and ids: the closest candidate by edit distance.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace praxis::scenario {

/// Levenshtein distance (insertions, deletions, substitutions), ASCII case-insensitive.
[[nodiscard]] std::size_t editDistance(std::string_view a, std::string_view b);

/// Whether `candidate` is close enough to `word` to be offered as a correction.
[[nodiscard]] bool closeEnough(std::string_view word, std::string_view candidate, std::size_t distance);

/// The candidate closest to `word` (first one on ties) when it is close enough, else "".
template <typename Range>
[[nodiscard]] std::string closestMatch(std::string_view word, const Range& candidates) {
  std::string best;
  std::size_t bestScore = static_cast<std::size_t>(-1);
  for (const auto& c : candidates) {
    const std::string_view candidate(c);
    const std::size_t d = editDistance(word, candidate);
    // On equal distance a candidate that starts with the word wins: "of" → "off", not "on".
    const std::size_t score = 2 * d + (candidate.starts_with(word) ? 0 : 1);
    if (score < bestScore && closeEnough(word, candidate, d)) {
      best = std::string(candidate);
      bestScore = score;
    }
  }
  return best;
}

/// "; did you mean 'x'?" when a close candidate exists, else "" (appended to a message).
template <typename Range>
[[nodiscard]] std::string didYouMean(std::string_view word, const Range& candidates) {
  const std::string best = closestMatch(word, candidates);
  return best.empty() ? std::string() : "; did you mean '" + best + "'?";
}

}  // namespace praxis::scenario
