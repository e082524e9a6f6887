// Integration: a cmi5 launch against a fake LMS (fetch URL and LMS.LaunchData on loopback)
// with the real LRS behind it for statements.
#include "xapi/cmi5.h"

#include <gtest/gtest.h>

#include <mutex>

#include "core/uuid.h"
#include "xapi/delivery.h"
#include "xapi/emitter.h"
#include "xapi/outbox.h"
#include "xapi/vocabulary.h"
#include "fake_lms.h"
#include "xapi_test_util.h"

namespace praxis::xapi {
namespace {

using test::FakeLms;

using namespace std::chrono_literals;

class Cmi5Launch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto started = test::LrsProcess::start();
    if (started)
      lrs_ = std::move(*started);
    else
      error_ = started.error().message;
  }
  static void TearDownTestSuite() { lrs_.reset(); }
  void SetUp() override { ASSERT_TRUE(lrs_) << "real LRS unavailable: " << error_; }

  // Runs a launch to the end and returns the statements the LRS holds, oldest first.
  std::vector<Json> runSession(const std::string& mode, const cmi5::AttemptResult& result) {
    const std::string reg = *core::newUuidV4();
    const std::string sessionId = *core::newUuidV4();
    FakeLms lms(origin(), test::launchDataFor(mode, sessionId));
    auto launch =
        cmi5::parseLaunchUrl(lms.launchUrl(reg, "https://praxis.example.org/au/safe-isolation"));
    EXPECT_TRUE(launch) << launch.error().message;
    if (!launch) return {};
    auto session = cmi5::Session::begin(*launch);
    EXPECT_TRUE(session) << session.error().message;
    if (!session) return {};
    EXPECT_EQ(session->sessionId(), sessionId);
    EXPECT_NE(lms.lastStateQuery().find("stateId=LMS.LaunchData"), std::string::npos);
    EXPECT_FALSE(cmi5::fetchAuthToken(launch->fetch)) << "the fetch URL is single-use";
    {
      EmitterOptions options{
          test::tempPath("cmi5-" + reg + ".sqlite"), session->lrs(), {}, core::Log::silent()};
      auto emitter = Emitter::start(options);
      EXPECT_TRUE(emitter);
      const auto start = WallClock::now();
      EXPECT_TRUE((*emitter)->emit(session->initialized(start)));
      for (auto& s : session->finish(result, start + 5s)) {
        auto id = (*emitter)->emit(s);
        EXPECT_TRUE(id) << id.error().message;
      }
      EXPECT_TRUE((*emitter)->waitDelivered(20s));
    }
    EXPECT_EQ(lms.refusals(), std::vector<std::string>{}) << "the stand-in LMS refused nothing";
    LrsClient client(test::lrsConfig(lrs_->endpoint()));
    auto response = client.getStatements("registration=" + reg + "&ascending=true&limit=100");
    EXPECT_TRUE(response && response->status == 200);
    std::vector<Json> out;
    const Json page = Json::parse(response->body);  // named: the loop must not outlive it
    for (const auto& s : page["statements"]) {
      EXPECT_EQ(s["context"]["extensions"][std::string(cmi5::kSessionIdExtension)], sessionId);
      out.push_back(s);
    }
    return out;
  }

  static std::vector<std::string> verbsOf(const std::vector<Json>& statements) {
    std::vector<std::string> v;
    for (const auto& s : statements) v.push_back(s["verb"]["id"]);
    return v;
  }

  static bool hasCategory(const Json& s, std::string_view id) {
    for (const auto& c : s["context"]["contextActivities"]["category"]) {
      if (c["id"] == id) return true;
    }
    return false;
  }

  // A session begun with the stand-in LMS (token fetched, LaunchData and preferences read).
  struct Begun {
    std::unique_ptr<FakeLms> lms;
    std::string registration;
    std::optional<cmi5::Session> session;
  };
  Begun begin(std::optional<Json> preferences = std::nullopt) {
    Begun b;
    b.registration = *core::newUuidV4();
    b.lms = std::make_unique<FakeLms>(origin(), test::launchDataFor("Normal", *core::newUuidV4()),
                                      std::move(preferences));
    auto launch = cmi5::parseLaunchUrl(b.lms->launchUrl(b.registration, kAu));
    EXPECT_TRUE(launch) << launch.error().message;
    auto session = cmi5::Session::begin(*launch);
    EXPECT_TRUE(session) << session.error().message;
    if (session) b.session = std::move(*session);
    return b;
  }
  static std::string origin() { return "http://127.0.0.1:" + std::to_string(lrs_->port()); }
  // Queues `statements` (given fresh ids) in an outbox of their own, all before any is sent,
  // and delivers them to the session's LMS.
  static core::Result<DeliveryStep> deliver(Begun& b, std::vector<Statement>& statements,
                                            std::unique_ptr<Outbox>& box) {
    box = *Outbox::open(test::tempPath("cmi5-deliver-" + b.registration + ".sqlite"));
    std::vector<OutboxItem> items;
    for (auto& s : statements) {
      s.id = *core::newUuidV4();
      items.push_back({s.id, b.registration, toJson(s).dump()});
    }
    if (auto queued = box->enqueue(items); !queued) return std::unexpected(queued.error());
    LrsClient client(b.session->lrs());
    Deliverer deliverer(*box, client, DeliveryPolicy{}, core::Log::silent());
    return deliverer.flush(std::chrono::steady_clock::now() + 10s);
  }
  static inline const std::string kAu = "https://praxis.example.org/au/safe-isolation";

  static inline std::unique_ptr<test::LrsProcess> lrs_;
  static inline std::string error_;
};

TEST(Cmi5, LaunchUrlIsParsedAndMissingPartsNamed) {
  auto launch = cmi5::parseLaunchUrl(
      "https://au/"
      "?endpoint=https%3A%2F%2Flrs%2FxAPI%2F&fetch=https%3A%2F%2Flms%2Ff&actor=%7B%22account%22%3A%"
      "7B%22homePage%22%3A%22https%3A%2F%2Flms%22%2C%22name%22%3A%22u1%22%7D%7D&registration="
      "0b9f8a42-6e6b-4b8b-9f1e-2f4a8c1d7e3a&activityId=https%3A%2F%2Fau%2F1");
  ASSERT_TRUE(launch) << launch.error().message;
  EXPECT_EQ(launch->endpoint, "https://lrs/xAPI/");
  EXPECT_EQ(launch->actor.account->name, "u1");
  auto missing = cmi5::parseLaunchUrl("https://au/?endpoint=x&fetch=y");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("'actor'"), std::string::npos);
  EXPECT_FALSE(cmi5::parseLaunchData(Json{{"launchMode", "Sideways"}}));
  EXPECT_FALSE(cmi5::parseLaunchData(Json{{"launchMode", "Normal"}, {"masteryScore", 1.5}}));
}

TEST_F(Cmi5Launch, NormalModePassedInTheRequiredOrderWithCmi5Context) {
  const auto statements = runSession("Normal", {true, 0.9, 90.0, 100.0, true, 312.5});
  ASSERT_EQ(statements.size(), 4U);
  EXPECT_EQ(
      verbsOf(statements),
      (std::vector<std::string>{std::string(verbs::kInitialized), std::string(verbs::kCompleted),
                                std::string(verbs::kPassed), std::string(verbs::kTerminated)}));
  for (const auto& s : statements) {
    EXPECT_TRUE(hasCategory(s, cmi5::kCategory)) << s.dump();
    EXPECT_EQ(s["object"]["id"], "https://praxis.example.org/au/safe-isolation");
    EXPECT_EQ(s["actor"]["account"]["name"], "learner-7");
    EXPECT_EQ(s["context"]["contextActivities"]["grouping"][0]["id"],
              "https://lms.example.org/course/7");
  }
  EXPECT_TRUE(hasCategory(statements[2], cmi5::kMoveOnCategory));
  EXPECT_EQ(statements[2]["result"]["success"], true);
  EXPECT_EQ(statements[2]["context"]["extensions"][std::string(cmi5::kMasteryScoreExtension)], 0.8);
  EXPECT_EQ(statements[1]["result"]["duration"], "PT5M12.5S");
  EXPECT_EQ(statements[3]["result"]["duration"], "PT5M12.5S");
}

TEST_F(Cmi5Launch, BelowMasteryScoreIsFailedEvenIfTheScenarioPassed) {
  const auto statements = runSession("Normal", {true, 0.7, 70.0, 100.0, true, 60.0});
  EXPECT_EQ(
      verbsOf(statements),
      (std::vector<std::string>{std::string(verbs::kInitialized), std::string(verbs::kCompleted),
                                std::string(verbs::kFailed), std::string(verbs::kTerminated)}));
}

TEST_F(Cmi5Launch, BrowseAndReviewSendNoCompletionOrJudgement) {
  for (const char* mode : {"Browse", "Review"}) {
    const auto statements = runSession(mode, {true, 0.95, 95.0, 100.0, true, 30.0});
    EXPECT_EQ(verbsOf(statements), (std::vector<std::string>{std::string(verbs::kInitialized),
                                                             std::string(verbs::kTerminated)}))
        << mode;
  }
}

TEST(Cmi5, LearnerPreferencesAreParsedAsCmi5Defines) {
  auto p = cmi5::parseLearnerPreferences(
      Json{{"languagePreference", "fr-BE, nl-BE,en-US"}, {"audioPreference", "off"}});
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->languages, (std::vector<std::string>{"fr-BE", "nl-BE", "en-US"}));
  EXPECT_EQ(p->audio, "off");
  EXPECT_TRUE(cmi5::parseLearnerPreferences(Json::object())) << "both are optional";
  EXPECT_FALSE(cmi5::parseLearnerPreferences(Json{{"audioPreference", "loud"}}));
  EXPECT_FALSE(cmi5::parseLearnerPreferences(Json{{"languagePreference", 7}}));
}

TEST(Cmi5, TheLaunchActorIsKeptAsReceived) {
  const std::string actor = R"({"name":"L","account":{"name":"u1","homePage":"https://lms"}})";
  auto launch = cmi5::parseLaunchUrl("https://au/?endpoint=https%3A%2F%2Flrs%2F&fetch=f&actor=" +
                                     urlEncode(actor) +
                                     "&registration=0d5c2a8e-3b1f-4c6d-9e7a-1f2b3c4d5e6f&activityId=a");
  ASSERT_TRUE(launch) << launch.error().message;
  EXPECT_EQ(launch->actorJson, actor) << "sent as the agent parameter, byte for byte";
  EXPECT_EQ(toJson(launch->actor), Json::parse(actor)) << "no objectType added";
}

TEST_F(Cmi5Launch, LearnerPreferencesAreReadBeforeAnyStatementAndTheActorIsSentAsGiven) {
  auto b = begin(test::learnerPreferences("de-DE,fr-BE", "on"));
  ASSERT_TRUE(b.session);
  EXPECT_EQ(b.session->learnerPreferences().languages, (std::vector<std::string>{"de-DE", "fr-BE"}));
  EXPECT_EQ(b.session->learnerPreferences().audio, "on");
  EXPECT_NE(b.lms->lastStateQuery().find("agent=" + urlEncode(test::kLaunchActor)), std::string::npos)
      << b.lms->lastStateQuery();
  EXPECT_EQ(b.lms->refusals(), std::vector<std::string>{});
}

TEST_F(Cmi5Launch, WithoutLearnerPreferencesTheLaunchStillBegins) {
  auto b = begin(std::nullopt);  // the LMS answers 404: nothing to apply, but it was asked
  ASSERT_TRUE(b.session);
  EXPECT_TRUE(b.session->learnerPreferences().languages.empty());
}

// A session whose statements were all queued before any was sent (a fast headless attempt):
// initialized must still reach the LMS alone and first.
TEST_F(Cmi5Launch, InitializedIsSentAloneAndAcceptedBeforeTheRest) {
  auto b = begin();
  ASSERT_TRUE(b.session);
  std::vector<Statement> statements = {b.session->initialized(WallClock::now())};
  for (auto& s : b.session->finish({true, 0.9, 9.0, 10.0, true, 42.0}, WallClock::now())) {
    statements.push_back(std::move(s));
  }
  std::unique_ptr<Outbox> box;
  auto total = deliver(b, statements, box);
  ASSERT_TRUE(total) << total.error().message;
  EXPECT_EQ(total->delivered, static_cast<std::int64_t>(statements.size())) << total->error;
  EXPECT_EQ(b.lms->refusals(), std::vector<std::string>{});
  EXPECT_EQ(b.lms->statementRequests(), 2) << "initialized alone, then the rest in one batch";
}

TEST_F(Cmi5Launch, ABatchRefusedWith403IsSplitToFindTheStatementAtFault) {
  auto b = begin();
  ASSERT_TRUE(b.session);
  std::vector<Statement> statements = {
      b.session->initialized(WallClock::now()),
      b.session->statement(verbs::kExperienced, "experienced", WallClock::now(), false),
      b.session->statement(verbs::kExperienced, "experienced", WallClock::now(), false),
      b.session->statement(verbs::kExperienced, "experienced", WallClock::now(), false)};
  statements[2].actor = makeActor(ActorPolicy{}, "somebody-else");  // breaks 8.1.3.0-3
  std::unique_ptr<Outbox> box;
  auto total = deliver(b, statements, box);
  ASSERT_TRUE(total) << total.error().message;
  EXPECT_EQ(total->delivered, 3);
  EXPECT_EQ(total->dead, 1);
  std::vector<OutboxRecord> dead;
  ASSERT_TRUE(box->forEach(OutboxState::Dead, "", [&](const auto& r) { dead.push_back(r); }));
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0].id, statements[2].id);
  EXPECT_NE(dead[0].deadReason.find("HTTP 403: 8.1.3.0-3"), std::string::npos) << dead[0].deadReason;
  EXPECT_EQ(b.lms->statementRequests(), 5) << "initialized, the batch, then its three one by one";
}

// The stand-in refuses what ADL's CATAPULT player refuses, quoting the requirement, so the
// tests above would catch an AU that breaks these rules.
TEST_F(Cmi5Launch, TheStandInLmsRefusesWhatTheReferencePlayerRefuses) {
  const std::string reg = *core::newUuidV4();
  const Json launchData = test::launchDataFor("Normal", *core::newUuidV4());
  FakeLms lms(origin(), launchData);
  auto launch = *cmi5::parseLaunchUrl(lms.launchUrl(reg, kAu));
  auto token = cmi5::fetchAuthToken(launch.fetch);
  ASSERT_TRUE(token) << token.error().message;
  // Built by hand so that nothing is read before the first statement.
  cmi5::Session session(launch, *cmi5::parseLaunchData(launchData), *token, LrsConfig{});
  LrsClient client(session.lrs());
  const auto post = [&](const std::vector<Statement>& batch) {
    Json array = Json::array();
    for (auto s : batch) {
      s.id = *core::newUuidV4();
      array.push_back(toJson(s));
    }
    auto r = client.postStatements(array.dump());
    return r ? std::to_string(r->status) + " " + r->body : r.error().message;
  };
  const auto init = session.initialized(WallClock::now());
  const auto other = session.statement(verbs::kExperienced, "experienced", WallClock::now(), false);
  const auto done = session.finish({false, std::nullopt, std::nullopt, std::nullopt, false, 1.0},
                                   WallClock::now());
  EXPECT_NE(post({init}).find("403 {\"message\":\"11.0.0.0-3"), std::string::npos);
  Agent rebuilt = launch.actor;
  rebuilt.asReceived = Json();  // what an AU that re-creates the actor sends
  auto state = client.getState("stateId=LMS.LaunchData&activityId=" + urlEncode(kAu) +
                               "&registration=" + reg + "&agent=" + urlEncode(toJson(rebuilt).dump()));
  ASSERT_TRUE(state);
  EXPECT_EQ(state->status, 403);
  EXPECT_NE(state->body.find("8.1.3.0-3"), std::string::npos) << state->body;
  ASSERT_EQ(client.getAgentProfile("profileId=cmi5LearnerPreferences&agent=" + urlEncode(launch.actorJson))->status,
            404);
  EXPECT_NE(post({init, other}).find("403 {\"message\":\"9.3.0.0-4"), std::string::npos);
  EXPECT_NE(post({other}).find("403 {\"message\":\"9.3.0.0-4"), std::string::npos);
  Statement stranger = other;
  stranger.actor = rebuilt;
  EXPECT_NE(post({stranger}).find("8.1.3.0-3"), std::string::npos);
  EXPECT_EQ(post({init}).substr(0, 3), "200");
  EXPECT_EQ(post({other}).substr(0, 3), "200");
  EXPECT_NE(post({init}).find("403 {\"message\":\"9.3.0.0-2"), std::string::npos);
  auto judged = session.finish({true, 0.9, 9.0, 10.0, true, 5.0}, WallClock::now());
  judged[0].result->duration.clear();  // completed without a duration
  EXPECT_NE(post({judged[0]}).find("403 {\"message\":\"9.5.4.1-1"), std::string::npos);
  judged[1].result->success = false;  // passed that says it failed
  EXPECT_NE(post({judged[1]}).find("403 {\"message\":\"9.5.2.0-1"), std::string::npos);
  EXPECT_EQ(post(done).substr(0, 3), "200");
  EXPECT_NE(post({other}).find("403 {\"message\":\"9.3.0.0-5"), std::string::npos);
  EXPECT_EQ(lms.refusals().size(), 9u);
}

}  // namespace
}  // namespace praxis::xapi
