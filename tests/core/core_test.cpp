#include <gtest/gtest.h>

#include <set>

#include "core/hash.h"
#include "core/localized_text.h"
#include "core/markup.h"
#include "core/math.h"
#include "core/rng.h"
#include "core/sim_time.h"
#include "core/uuid.h"

namespace praxis::core {
namespace {

TEST(Uuid, IsVersion4WithRfc4122VariantAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    auto id = newUuidV4();
    ASSERT_TRUE(id.has_value());
    ASSERT_TRUE(isUuid(*id)) << *id;
    EXPECT_EQ((*id)[14], '4');
    EXPECT_NE(std::string("89ab").find((*id)[19]), std::string::npos) << *id;
    seen.insert(*id);
  }
  EXPECT_EQ(seen.size(), 1000U);
}

TEST(Uuid, RejectsMalformed) {
  EXPECT_FALSE(isUuid("not-a-uuid"));
  EXPECT_FALSE(isUuid("123e4567-e89b-12d3-a456-42661417400g"));
  EXPECT_FALSE(isUuid("123e4567e89b-12d3-a456-4266141740000"));
  EXPECT_TRUE(isUuid("123e4567-e89b-12d3-a456-426614174000"));
}

TEST(Hash, Fnv1aMatchesKnownVector) {
  // FNV-1a 64 of "a" is af63dc4c8601ec8c (published test vector).
  EXPECT_EQ(toHex64(hashBytes("a")), "af63dc4c8601ec8c");
  EXPECT_NE(hashBytes("ab"), hashBytes("ba"));
}

TEST(Rng, SameSeedSameSequenceDifferentSeedDifferent) {
  Rng a(42), b(42), c(43);
  for (int i = 0; i < 100; ++i) {
    const auto va = a.next();
    EXPECT_EQ(va, b.next());
    EXPECT_NE(va, c.next());
  }
  Rng u(7);
  for (int i = 0; i < 1000; ++i) {
    const double x = u.uniform();
    EXPECT_GE(x, 0.0);
    EXPECT_LT(x, 1.0);
  }
}

TEST(SimTime, SecondsToTicksRoundsUp) {
  EXPECT_EQ(secondsToTicks(1.0), kTicksPerSecond);
  EXPECT_EQ(secondsToTicks(0.001), 1);
  EXPECT_EQ(secondsToTicks(0.0), 0);
  EXPECT_DOUBLE_EQ(ticksToSeconds(45), 0.5);
}

TEST(LocalizedText, FallsBackFromRegionToBaseToEnglish) {
  LocalizedText t{{"nl-BE", "Schakel uit"}, {"en", "Switch off"}, {"fr-BE", "Coupez"}};
  EXPECT_EQ(t.in("nl-BE"), "Schakel uit");
  EXPECT_EQ(t.in("nl-NL"), "Schakel uit");
  EXPECT_EQ(t.in("fr-FR"), "Coupez");
  EXPECT_EQ(t.in("de-DE"), "Switch off");
  LocalizedText only{{"fr-BE", "Coupez"}};
  EXPECT_EQ(only.in("de"), "Coupez");
  EXPECT_EQ(LocalizedText{}.in("en"), "");
}

TEST(Pose, ComposeThenInverseIsIdentity) {
  const Pose a{{1.0F, 2.0F, 3.0F}, quatFromEulerDegrees({0.0F, 90.0F, 0.0F})};
  const Pose b{{0.5F, 0.0F, -1.0F}, quatFromEulerDegrees({30.0F, 0.0F, 10.0F})};
  const Pose ab = a * b;
  const Pose back = a.inverse() * ab;
  EXPECT_NEAR(glm::length(back.position - b.position), 0.0F, 1e-5F);
  EXPECT_NEAR(std::abs(glm::dot(back.orientation, b.orientation)), 1.0F, 1e-5F);
  // Yaw 90° turns -Z forward into -X.
  EXPECT_NEAR(glm::length(a.forward() - Vec3(-1.0F, 0.0F, 0.0F)), 0.0F, 1e-5F);
}

}  // namespace
}  // namespace praxis::core

// One escaping function serves the HTML report, the coverage page and JUnit XML: a trainee's
// name or an author's text must never become markup, and XML-forbidden bytes never reach a file.
TEST(Markup, SpecialCharactersBecomeEntitiesAndForbiddenControlsAreDropped) {
  EXPECT_EQ(praxis::core::escapeMarkup(R"(<b a="1" b='2'>&</b>)"),
            "&lt;b a=&quot;1&quot; b=&#39;2&#39;&gt;&amp;&lt;/b&gt;");
  EXPECT_EQ(praxis::core::escapeMarkup(std::string("a\x01" "b\tc\nd\x1f", 8)), "ab\tc\nd");
  EXPECT_EQ(praxis::core::escapeMarkup("Règle 5 — « jeu de barres »"), "Règle 5 — « jeu de barres »");
}
