// Integration: a cmi5 launch against a fake LMS (fetch URL and LMS.LaunchData on loopback)
// with the real LRS behind it for statements.
#include "xapi/cmi5.h"

#include <gtest/gtest.h>

#include <mutex>

#include "core/uuid.h"
#include "xapi/emitter.h"
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
    FakeLms lms("http://127.0.0.1:" + std::to_string(lrs_->port()), test::launchDataFor(mode, sessionId));
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

}  // namespace
}  // namespace praxis::xapi
