#include "scenario/suggest.h"

#include <algorithm>
#include <vector>

namespace praxis::scenario {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Beyond this length a word is not a typo of a key or id; cap the quadratic work.
constexpr std::size_t kMaxCompared = 64;

}  // namespace

std::size_t editDistance(std::string_view a, std::string_view b) {
  a = a.substr(0, kMaxCompared);
  b = b.substr(0, kMaxCompared);
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

bool closeEnough(std::string_view word, std::string_view candidate, std::size_t distance) {
  if (candidate.empty() || word == candidate) return false;
  // Two edits for words longer than that (colr → colour), else a third of the length.
  const std::size_t len = std::min(word.size(), candidate.size());
  return (distance <= 2 && distance < len) || distance * 3 <= len;
}

}  // namespace praxis::scenario
