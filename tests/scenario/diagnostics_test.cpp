// Diagnostic formatting and ordering, "did you mean" suggestions, and the key table's shape.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "scenario/diagnostics.h"
#include "scenario/keys.h"
#include "scenario/suggest.h"

namespace praxis::scenario {
namespace {

TEST(Diagnostic, FormatsAsFileLineColumnLevelMessage) {
  const Diagnostic error{core::SourceSpan{"a/scenario.yaml", 12, 5, 100, 104}, Diagnostic::Error, "boom"};
  EXPECT_EQ(error.format(), "a/scenario.yaml:12:5: error: boom");
  const Diagnostic warning{core::SourceSpan{"b.yaml", 1, 1, 0, 0}, Diagnostic::Warning, "hmm"};
  EXPECT_EQ(warning.format(), "b.yaml:1:1: warning: hmm");
}

TEST(Diagnostic, WithoutPositionNamesOnlyTheFile) {
  EXPECT_EQ((Diagnostic{core::SourceSpan{"x.yaml"}, Diagnostic::Error, "empty"}.format()), "x.yaml: error: empty");
  EXPECT_EQ((Diagnostic{core::SourceSpan{}, Diagnostic::Warning, "odd"}.format()), "warning: odd");
}

TEST(Diagnostics, CountsAndSortsByFileLineColumnKeepingOrderOfTies) {
  Diagnostics d;
  d.error({"b.yaml", 3, 1, 0, 0}, "b3");
  d.warning({"a.yaml", 10, 2, 0, 0}, "a10");
  d.error({"a.yaml", 2, 7, 0, 0}, "a2-first");
  d.error({"a.yaml", 2, 7, 0, 0}, "a2-second");
  d.error({"a.yaml", 2, 3, 0, 0}, "a2-col3");
  EXPECT_EQ(d.errorCount(), 4U);
  EXPECT_EQ(d.warningCount(), 1U);
  EXPECT_TRUE(d.hasErrors());
  d.sort();
  std::vector<std::string> order;
  for (const auto& x : d.all()) order.push_back(x.message);
  EXPECT_EQ(order, (std::vector<std::string>{"a2-col3", "a2-first", "a2-second", "a10", "b3"}));
  EXPECT_EQ(d.format().substr(0, 29), "a.yaml:2:3: error: a2-col3\na.");
}

TEST(Suggest, EditDistanceIsLevenshteinIgnoringAsciiCase) {
  EXPECT_EQ(editDistance("kitten", "sitting"), 3U);
  EXPECT_EQ(editDistance("", "abc"), 3U);
  EXPECT_EQ(editDistance("Colour", "colour"), 0U);
  EXPECT_EQ(editDistance("colr", "colour"), 2U);
}

TEST(Suggest, OffersTheClosestCloseCandidateOnly) {
  const std::vector<std::string_view> keys{"colour", "collider", "shape", "size"};
  EXPECT_EQ(closestMatch("colr", keys), "colour");
  EXPECT_EQ(closestMatch("colider", keys), "collider");
  EXPECT_EQ(closestMatch("weight", keys), "");
  EXPECT_EQ(closestMatch("xy", std::vector<std::string>{"ab"}), "");
  EXPECT_EQ(didYouMean("shap", keys), "; did you mean 'shape'?");
  EXPECT_EQ(didYouMean("zzzzzz", keys), "");
}

TEST(Suggest, PrefersACandidateThatStartsWithTheWordOnTies) {
  EXPECT_EQ(closestMatch("of", std::vector<std::string>{"on", "off"}), "off");
}

TEST(KeyTable, NodesAreUniqueAndRequiredKeysAreAccepted) {
  std::set<std::string_view> nodes;
  for (const auto& entry : nodeKeyTable()) {
    EXPECT_TRUE(nodes.insert(entry.node).second) << "node listed twice: " << entry.node;
    const std::set<std::string_view> keys(entry.keys.begin(), entry.keys.end());
    EXPECT_EQ(keys.size(), entry.keys.size()) << entry.node << " lists a key twice";
    for (const auto& r : entry.required) EXPECT_TRUE(keys.contains(r)) << entry.node << "." << r;
    EXPECT_TRUE(entry.schema == "scenario" || entry.schema == "trainee-test") << entry.node;
  }
  EXPECT_EQ(keysOf("step").required, (std::vector<std::string_view>{"id", "instruction", "done_when"}));
}

}  // namespace
}  // namespace praxis::scenario
