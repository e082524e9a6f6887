// unifiedDiff: what `praxis edit --apply` prints. Edits touch few lines, so the common head and
// tail are cut first and only the middle is compared line by line (LCS).
#include <algorithm>
#include <cstdint>
#include <string_view>

#include "edit/edit_session.h"

namespace praxis::edit {
namespace {

constexpr std::size_t kContext = 3;
constexpr std::size_t kMaxCells = 4'000'000;  // beyond this the middle is shown as replaced whole

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t nl = text.find('\n', start);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

struct Line {
  char op;  // ' ', '-', '+'
  std::string_view text;
  std::size_t a;  // line index in the old text (of the next old line for '+')
  std::size_t b;
};

/// The edit script of old[lo, hiA) against new[lo, hiB) by longest common subsequence.
void middle(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b, std::size_t lo,
            std::size_t hiA, std::size_t hiB, std::vector<Line>& out) {
  const std::size_t n = hiA - lo;
  const std::size_t m = hiB - lo;
  if (n * m > kMaxCells) {
    for (std::size_t i = 0; i < n; ++i) out.push_back(Line{'-', a[lo + i], lo + i, lo});
    for (std::size_t j = 0; j < m; ++j) out.push_back(Line{'+', b[lo + j], hiA, lo + j});
    return;
  }
  std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
  const auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      at(i, j) = a[lo + i] == b[lo + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[lo + i] == b[lo + j]) {
      out.push_back(Line{' ', a[lo + i], lo + i, lo + j});
      ++i, ++j;
    } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {  // removals first, as diff -u
      out.push_back(Line{'-', a[lo + i], lo + i, lo + j});
      ++i;
    } else {
      out.push_back(Line{'+', b[lo + j], lo + i, lo + j});
      ++j;
    }
  }
}

std::string range(std::size_t start, std::size_t count) {
  // diff -u numbers lines from 1; an empty range names the line before it.
  return std::to_string(count == 0 ? start : start + 1) + (count == 1 ? "" : "," + std::to_string(count));
}

void printHunks(const std::vector<Line>& lines, std::string& out) {
  std::size_t i = 0;
  while (i < lines.size()) {
    std::size_t change = i;
    while (change < lines.size() && lines[change].op == ' ') ++change;
    if (change == lines.size()) break;
    const std::size_t begin = std::max(i, change >= kContext ? change - kContext : 0);
    std::size_t last = change;  // the hunk's last changed line: gaps up to 2 * kContext join
    for (std::size_t k = change + 1; k < lines.size() && k - last <= 2 * kContext; ++k) {
      if (lines[k].op != ' ') last = k;
    }
    const std::size_t end = std::min(lines.size(), last + 1 + kContext);
    std::size_t oldCount = 0;
    std::size_t newCount = 0;
    for (std::size_t k = begin; k < end; ++k) {
      oldCount += lines[k].op != '+' ? 1 : 0;
      newCount += lines[k].op != '-' ? 1 : 0;
    }
    out += "@@ -" + range(lines[begin].a, oldCount) + " +" + range(lines[begin].b, newCount) + " @@\n";
    for (std::size_t k = begin; k < end; ++k) {
      out += lines[k].op;
      out += lines[k].text;
      if (!lines[k].text.ends_with('\n')) out += "\n\\ No newline at end of file\n";
    }
    i = end;
  }
}

}  // namespace

std::string unifiedDiff(const std::vector<FileChange>& changes) {
  std::string out;
  for (const auto& change : changes) {
    const auto a = splitLines(change.before);
    const auto b = splitLines(change.after);
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
    std::vector<Line> lines;
    const std::size_t from = head >= kContext ? head - kContext : 0;
    for (std::size_t k = from; k < head; ++k) lines.push_back(Line{' ', a[k], k, k});
    middle(a, b, head, a.size() - tail, b.size() - tail, lines);
    for (std::size_t k = 0; k < std::min(tail, kContext); ++k) {
      const std::size_t ia = a.size() - tail + k;
      lines.push_back(Line{' ', a[ia], ia, b.size() - tail + k});
    }
    out += "--- a/" + change.file + "\n+++ b/" + change.file + "\n";
    printHunks(lines, out);
  }
  return out;
}

}  // namespace praxis::edit
