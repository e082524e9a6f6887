// Unit tests: statement JSON, the xAPI validator, time formats, actors.
#include "xapi/statement.h"

#include <gtest/gtest.h>

#include "core/uuid.h"
#include "xapi/time_format.h"
#include "xapi/validator.h"
#include "xapi/vocabulary.h"

namespace praxis::xapi {
namespace {

Statement sample() {
  Statement s;
  s.id = "6f1c2a4e-8b3d-4f5a-9c7e-1d2b3a4c5d6e";
  s.actor = makeActor(ActorPolicy{}, "trainee-42");
  s.verb = Verb{std::string(verbs::kCompleted), {{"en", "completed"}}};
  ActivityDefinition def;
  def.name = {{"nl-BE", "Veilig vrijschakelen"}, {"en", "Safe isolation"}};
  def.type = std::string(activity_types::kSimulation);
  s.object = Activity{"https://praxis.example.org/scenarios/safe-isolation", def};
  StatementResult r;
  r.score = Score{0.8, 80.0, 0.0, 100.0};
  r.success = true;
  r.duration = "PT1M2.5S";
  s.result = r;
  Context c;
  c.registration = "0b9f8a42-6e6b-4b8b-9f1e-2f4a8c1d7e3a";
  c.platform = "Praxis 0.1.0";
  c.language = "nl-BE";
  s.context = c;
  s.timestamp = "2026-11-23T12:00:00.123Z";
  return s;
}

std::string problemsText(const Json& j) {
  std::string out;
  for (const auto& p : validateStatement(j)) out += p + "\n";
  return out;
}

TEST(Statement, SampleSerialisesToValidXapi) {
  const Json j = toJson(sample());
  EXPECT_EQ(problemsText(j), "");
  EXPECT_EQ(j["actor"]["account"]["name"], "trainee-42");
  EXPECT_FALSE(j["actor"].contains("mbox")) << "pseudonymous by default";
  EXPECT_EQ(j["result"]["score"]["scaled"], 0.8);
  EXPECT_EQ(j["context"]["language"], "nl-BE");
}

TEST(Validator, RejectsScoreOutsideRanges) {
  Json j = toJson(sample());
  j["result"]["score"]["scaled"] = 1.5;
  j["result"]["score"]["raw"] = 120;
  const auto text = problemsText(j);
  EXPECT_NE(text.find("result.score.scaled"), std::string::npos) << text;
  EXPECT_NE(text.find("result.score.raw: is above max"), std::string::npos) << text;
}

TEST(Validator, RejectsMissingRequiredFieldsAndBadIris) {
  Json j = toJson(sample());
  j.erase("verb");
  j["object"]["id"] = "not an iri";
  const auto text = problemsText(j);
  EXPECT_NE(text.find("verb: is required"), std::string::npos) << text;
  EXPECT_NE(text.find("object.id: expected an absolute IRI"), std::string::npos) << text;
}

TEST(Validator, RejectsBadLanguageTagDurationTimestampAndUnknownKeys) {
  Json j = toJson(sample());
  j["context"]["language"] = "nl_BE";
  j["result"]["duration"] = "1 minute";
  j["timestamp"] = "2026-11-23 12:00";
  j["colour"] = "red";
  j["result"]["extensions"] = {{"severity", "major"}};
  const auto text = problemsText(j);
  for (const char* path : {"context.language", "result.duration", "timestamp", "statement.colour",
                           "result.extensions.severity"}) {
    EXPECT_NE(text.find(path), std::string::npos) << path << " in\n" << text;
  }
}

TEST(Validator, ActorNeedsExactlyOneIdentifier) {
  Json j = toJson(sample());
  j["actor"]["mbox"] = "mailto:a@example.org";
  EXPECT_NE(problemsText(j).find("exactly one"), std::string::npos);
  j["actor"].erase("account");
  EXPECT_EQ(problemsText(j), "");
  j["actor"]["mbox"] = "a@example.org";
  EXPECT_NE(problemsText(j).find("actor.mbox"), std::string::npos);
}

TEST(Validator, RegistrationAndIdMustBeUuids) {
  Json j = toJson(sample());
  j["id"] = "42";
  j["context"]["registration"] = "abc";
  const auto text = problemsText(j);
  EXPECT_NE(text.find("id: expected a UUID"), std::string::npos) << text;
  EXPECT_NE(text.find("context.registration"), std::string::npos) << text;
  EXPECT_FALSE(checkStatement(j).has_value());
}

TEST(Validator, IriAndLanguageTagForms) {
  EXPECT_TRUE(isIri("https://example.org/a/b?c=d"));
  EXPECT_TRUE(isIri("urn:uuid:1234"));
  EXPECT_FALSE(isIri("example.org/a"));
  EXPECT_FALSE(isIri("https://example.org/a b"));
  EXPECT_TRUE(isLanguageTag("nl-BE"));
  EXPECT_TRUE(isLanguageTag("zh-Hant-TW"));
  EXPECT_TRUE(isLanguageTag("en"));
  EXPECT_FALSE(isLanguageTag("e"));
  EXPECT_FALSE(isLanguageTag("nl-"));
  EXPECT_FALSE(isLanguageTag("nl_BE"));
}

TEST(TimeFormat, TimestampIsUtcWithMilliseconds) {
  const auto t = WallClock::time_point(std::chrono::milliseconds(1795435200123LL));
  EXPECT_EQ(formatTimestamp(t), "2026-11-23T12:00:00.123Z");
  EXPECT_TRUE(isTimestamp(formatTimestamp(WallClock::now())));
  EXPECT_TRUE(isTimestamp("2026-11-23T08:00:00+01:00"));
  EXPECT_FALSE(isTimestamp("2026-13-23T08:00:00Z"));
  EXPECT_FALSE(isTimestamp("2026-11-23T08:00:00"));
}

TEST(TimeFormat, DurationsRoundTrip) {
  EXPECT_EQ(formatDuration(0), "PT0S");
  EXPECT_EQ(formatDuration(62.5), "PT1M2.5S");
  EXPECT_EQ(formatDuration(3723.25), "PT1H2M3.25S");
  EXPECT_EQ(formatDuration(120), "PT2M");
  EXPECT_DOUBLE_EQ(*parseDuration("PT1H2M3.25S"), 3723.25);
  EXPECT_DOUBLE_EQ(*parseDuration("P1DT1S"), 86401.0);
  EXPECT_FALSE(parseDuration("PT"));
  EXPECT_FALSE(parseDuration("P1S"));
  EXPECT_FALSE(parseDuration("PT1.5M2S")) << "a fraction only on the smallest unit";
  EXPECT_FALSE(parseDuration("1H"));
}

TEST(Actor, MboxOnlyWhenConfigured) {
  ActorPolicy policy;
  EXPECT_TRUE(makeActor(policy, "x", "a@example.org").account.has_value());
  policy.useMboxSha1sum = true;
  const auto hashed = makeActor(policy, "x", "a@example.org");
  EXPECT_EQ(hashed.mboxSha1sum.size(), 40U);
  policy.useMbox = true;
  EXPECT_EQ(makeActor(policy, "x", "a@example.org").mbox, "mailto:a@example.org");
}

TEST(Actor, Sha1MatchesKnownVector) {
  // Independent value: echo -n 'mailto:test@example.com' | sha1sum
  EXPECT_EQ(mboxSha1sum("test@example.com"), "53d04bc579b8b4d082ca4a530642845e2c0bfe74");
}

TEST(ActivityIri, SegmentsAreEncodedUnderTheBase) {
  EXPECT_EQ(activityIri("https://x.org/act", "safe isolation", "step-1"),
            "https://x.org/act/safe%20isolation/step-1");
  EXPECT_EQ(activityIri("https://x.org/act/", "a"), "https://x.org/act/a");
}

}  // namespace
}  // namespace praxis::xapi
