// Integration: attempts played by the real `praxis` CLI reach the real LRS — every scripted
// test of every shipped scenario, an autopilot run, a run while the LRS is down (kept, then
// flushed), and a cmi5 launch through a fake LMS.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "command.h"
#include "core/uuid.h"
#include "fake_lms.h"
#include "app/statement_output.h"
#include "xapi/outbox.h"
#include "xapi/time_format.h"
#include "xapi/vocabulary.h"
#include "xapi_test_util.h"

namespace praxis::app {
namespace {

namespace fs = std::filesystem;
using xapi::Json;

std::string scenarios() { return std::string(PRAXIS_SOURCE_DIR) + "/scenarios"; }

std::size_t shippedTestCount() {
  std::size_t n = 0;
  for (const auto& package : fs::directory_iterator(scenarios())) {
    if (!fs::is_directory(package.path() / "tests")) continue;
    for (const auto& file : fs::directory_iterator(package.path() / "tests")) {
      if (file.path().extension() == ".yaml") ++n;
    }
  }
  return n;
}

struct OutboxContents {
  std::map<std::string, std::vector<Json>> byRegistration;  // in commit order
  std::map<xapi::OutboxState, int> states;
};

OutboxContents readOutbox(const fs::path& path) {
  OutboxContents contents;
  auto box = xapi::Outbox::open(path);
  EXPECT_TRUE(box) << box.error().message;
  if (!box) return contents;
  auto visited = (*box)->forEach(std::nullopt, "", [&](const xapi::OutboxRecord& r) {
    contents.byRegistration[r.registration].push_back(Json::parse(r.body));
    ++contents.states[r.state];
  });
  EXPECT_TRUE(visited);
  return contents;
}

class RunXapi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto started = xapi::test::LrsProcess::start();
    if (started) {
      lrs_ = std::move(*started);
    } else {
      error_ = started.error().message;
    }
  }
  static void TearDownTestSuite() { lrs_.reset(); }
  void SetUp() override { ASSERT_TRUE(lrs_) << "real LRS unavailable: " << error_; }

  static std::unique_ptr<xapi::test::LrsProcess> lrs_;
  static std::string error_;
};
std::unique_ptr<xapi::test::LrsProcess> RunXapi::lrs_;
std::string RunXapi::error_;

TEST_F(RunXapi, EveryShippedScenarioTestReachesTheLrsRetrievableById) {
  const auto outbox = xapi::test::tempPath("all-scenario-tests.sqlite");
  const auto run = test::runPraxis("test '" + scenarios() + "' --lrs " + lrs_->endpoint() +
                                   " --outbox '" + outbox.string() + "'");
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.output.find(" delivered to the LRS\n"), std::string::npos) << run.output;

  const auto contents = readOutbox(outbox);
  EXPECT_EQ(contents.byRegistration.size(), shippedTestCount()) << "one registration per test";
  EXPECT_EQ(contents.states.count(xapi::OutboxState::Pending), 0u) << run.output;
  EXPECT_EQ(contents.states.count(xapi::OutboxState::Dead), 0u) << run.output;
  std::size_t total = 0;
  for (const auto& [registration, statements] : contents.byRegistration) {
    ASSERT_GE(statements.size(), 2u);
    EXPECT_EQ(statements.front()["verb"]["id"], xapi::verbs::kInitialized) << registration;
    EXPECT_EQ(statements.back()["verb"]["id"], xapi::verbs::kTerminated) << registration;
    auto held = xapi::test::idsForRegistration(lrs_->endpoint(), registration);
    ASSERT_TRUE(held) << held.error().message;
    std::set<std::string> sent;
    for (const auto& s : statements) {
      sent.insert(s["id"].get<std::string>());
      EXPECT_EQ(xapi::test::statementStatus(lrs_->endpoint(), s["id"]), 200) << s["id"];
    }
    EXPECT_EQ(std::set<std::string>(held->begin(), held->end()), sent) << registration;
    total += statements.size();
  }
  EXPECT_NE(run.output.find("xAPI: " + std::to_string(total) + " statements, " +
                            std::to_string(total) + " delivered"),
            std::string::npos)
      << run.output;
}

TEST_F(RunXapi, AutopilotRunDeliversAndItsReportCanBeMade) {
  const auto outbox = xapi::test::tempPath("autopilot.sqlite");
  const auto run = test::runPraxis("run '" + scenarios() + "/fire-extinguisher' --headless --autopilot --json --lrs " +
                                   lrs_->endpoint() + " --outbox '" + outbox.string() + "' --trainee t-42");
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto result = Json::parse(run.output.substr(run.output.find('{')));
  const auto& x = result["xapi"];
  EXPECT_GT(x["emitted"].get<int>(), 3);
  EXPECT_EQ(x["delivered"], x["emitted"]);
  EXPECT_EQ(x["pending"], 0);
  const std::string registration = x["registration"];
  EXPECT_TRUE(core::isUuid(registration));

  const auto contents = readOutbox(outbox);
  ASSERT_EQ(contents.byRegistration.count(registration), 1u);
  for (const auto& s : contents.byRegistration.at(registration)) {
    EXPECT_EQ(s["actor"]["account"]["name"], "t-42") << "pseudonymous: the given opaque id";
    EXPECT_FALSE(s["actor"].contains("mbox"));
    EXPECT_EQ(s["context"]["registration"], registration);
  }
  const auto html = xapi::test::tempPath("autopilot-report.html");
  const auto report = test::runPraxis("report --outbox '" + outbox.string() + "' --registration " +
                                      registration + " --out '" + html.string() + "'");
  EXPECT_EQ(report.exitCode, 0) << report.output;
  EXPECT_TRUE(fs::exists(html));
}

TEST_F(RunXapi, ADeadLrsLeavesStatementsInTheOutboxUntilFlush) {
  const auto outbox = xapi::test::tempPath("dead-lrs.sqlite");
  const std::string deadLrs = "http://127.0.0.1:" + std::to_string(xapi::test::freePort()) + "/xAPI/";
  const auto run = test::runPraxis("run '" + scenarios() + "/safe-isolation' --headless --autopilot --lrs " +
                                   deadLrs + " --outbox '" + outbox.string() + "'");
  EXPECT_EQ(run.exitCode, 0) << "the attempt passed; delivery is not its outcome\n" << run.output;
  EXPECT_NE(run.output.find("0 delivered to the LRS"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("waiting in " + outbox.string()), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("last error: "), std::string::npos) << run.output;

  const auto before = readOutbox(outbox);
  ASSERT_EQ(before.byRegistration.size(), 1u);
  const auto& statements = before.byRegistration.begin()->second;
  EXPECT_EQ(before.states.at(xapi::OutboxState::Pending), static_cast<int>(statements.size()));

  const auto flush = test::runPraxis("xapi flush --outbox '" + outbox.string() + "' --lrs " + lrs_->endpoint());
  ASSERT_EQ(flush.exitCode, 0) << flush.output;
  for (const auto& s : statements) EXPECT_EQ(xapi::test::statementStatus(lrs_->endpoint(), s["id"]), 200);
}

TEST_F(RunXapi, Cmi5LaunchSendsTheDefinedStatementsAroundTheDetail) {
  const std::string registration = *core::newUuidV4();
  const std::string sessionId = *core::newUuidV4();
  const std::string au = "https://lms.example.org/au/safe-isolation";
  xapi::test::FakeLms lms("http://127.0.0.1:" + std::to_string(lrs_->port()),
                          xapi::test::launchDataFor("Normal", sessionId));
  const auto outbox = xapi::test::tempPath("cmi5-run.sqlite");
  const auto run = test::runPraxis("run '" + scenarios() + "/safe-isolation' --headless --autopilot --cmi5 '" +
                                   lms.launchUrl(registration, au) + "' --outbox '" + outbox.string() + "'");
  const std::string finished = xapi::formatTimestamp(xapi::WallClock::now());
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_EQ(lms.fetches(), 1);
  EXPECT_EQ(lms.refusals(), std::vector<std::string>{}) << "the stand-in LMS refused nothing";
  EXPECT_FALSE(fs::exists(xapi::cmi5::credentialsPath(outbox))) << "the token is not kept once all is delivered";
  const auto kept = readOutbox(outbox).byRegistration[registration];
  ASSERT_FALSE(kept.empty());
  EXPECT_NE(run.output.find("xAPI: the LMS accepted " + std::to_string(kept.size()) + " of " +
                            std::to_string(kept.size()) + " statements"),
            std::string::npos)
      << run.output;
  for (const auto& s : kept) {
    // Wall-clock time: a headless attempt plays minutes in milliseconds, and simulated
    // timestamps would lie in the LMS's future.
    EXPECT_LE(s["timestamp"].get<std::string>(), finished) << s.dump();
  }
  EXPECT_NE(run.output.find("return to the LMS: https://lms.example.org/course/7"), std::string::npos)
      << run.output;

  xapi::LrsClient client(xapi::test::lrsConfig(lrs_->endpoint()));
  auto response = client.getStatements("registration=" + registration + "&ascending=true&limit=500");
  ASSERT_TRUE(response && response->status == 200);
  const Json page = Json::parse(response->body);
  std::vector<std::string> definedVerbs;
  std::size_t detail = 0;
  for (const auto& s : page["statements"]) {
    EXPECT_EQ(s["actor"]["account"]["name"], "learner-7") << "the LMS's actor";
    EXPECT_EQ(s["context"]["extensions"][std::string(xapi::cmi5::kSessionIdExtension)], sessionId);
    if (s["object"]["id"] == au) {
      definedVerbs.push_back(s["verb"]["id"]);
    } else {
      ++detail;
      EXPECT_FALSE(definedVerbs.empty()) << "detail after initialized";
    }
  }
  EXPECT_EQ(definedVerbs, (std::vector<std::string>{
                              std::string(xapi::verbs::kInitialized), std::string(xapi::verbs::kCompleted),
                              std::string(xapi::verbs::kPassed), std::string(xapi::verbs::kTerminated)}));
  EXPECT_GT(detail, 0u) << "steps completed are sent as cmi5-allowed statements";
}

TEST(LearnerLanguage, TheFirstPreferenceTheScenarioHasElseOneOfTheSameLanguage) {
  const std::vector<std::string> has = {"nl-BE", "fr-BE", "en"};
  EXPECT_EQ(pickLanguage(has, {"de-DE", "FR-be", "nl-BE"}), "fr-BE") << "order and case";
  EXPECT_EQ(pickLanguage(has, {"de-DE", "en-US"}), "en") << "same primary language";
  EXPECT_EQ(pickLanguage(has, {"fr-FR", "nl-BE"}), "nl-BE") << "an exact match wins over a sibling";
  EXPECT_EQ(pickLanguage(has, {"de-DE"}), std::nullopt);
  EXPECT_EQ(pickLanguage(has, {}), std::nullopt);
}

TEST_F(RunXapi, Cmi5LearnerLanguagePreferenceChoosesTheScenarioLanguage) {
  const std::string registration = *core::newUuidV4();
  xapi::test::FakeLms lms("http://127.0.0.1:" + std::to_string(lrs_->port()),
                          xapi::test::launchDataFor("Normal", *core::newUuidV4()),
                          xapi::test::learnerPreferences("de-DE,fr-BE,nl-BE", "off"));
  const auto outbox = xapi::test::tempPath("cmi5-language.sqlite");
  const auto run = test::runPraxis("run '" + scenarios() + "/safe-isolation' --headless --autopilot --cmi5 '" +
                                   lms.launchUrl(registration, "https://lms.example.org/au/si") +
                                   "' --outbox '" + outbox.string() + "'");
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.output.find(", headless, fr-BE\n"), std::string::npos)
      << "the first preferred language the scenario has\n" << run.output;
  const auto statements = readOutbox(outbox).byRegistration[registration];
  ASSERT_FALSE(statements.empty());
  for (const auto& s : statements) {
    if (s["context"].contains("language")) {
      EXPECT_EQ(s["context"]["language"], "fr-BE") << s.dump();
    }
  }
}

TEST_F(RunXapi, Cmi5StatementsTheLmsDidNotTakeAreNamedAndTheFlushHintDelivers) {
  const std::string registration = *core::newUuidV4();
  const std::string deadLrs = "http://127.0.0.1:" + std::to_string(xapi::test::freePort());
  xapi::test::FakeLms lms(deadLrs, xapi::test::launchDataFor("Normal", *core::newUuidV4()));
  const auto outbox = xapi::test::tempPath("cmi5 undelivered.sqlite");  // a space: quoted hint
  const auto run = test::runPraxis("run '" + scenarios() + "/safe-isolation' --headless --autopilot --cmi5 '" +
                                   lms.launchUrl(registration, "https://lms.example.org/au/si") +
                                   "' --outbox '" + outbox.string() + "'");
  EXPECT_EQ(run.exitCode, 3) << "passed, but the LMS does not have it\n" << run.output;
  const auto statements = readOutbox(outbox).byRegistration[registration];
  ASSERT_GT(statements.size(), 3u);
  EXPECT_NE(run.output.find("xAPI: the LMS accepted 0 of " + std::to_string(statements.size())),
            std::string::npos) << run.output;
  EXPECT_NE(run.output.find("xAPI: not delivered: initialized " + statements[0]["id"].get<std::string>() +
                            " (kept): HTTP 502"),
            std::string::npos) << run.output;
  EXPECT_NE(run.output.find("waiting for the LMS"), std::string::npos) << "progress while it waits\n" << run.output;
  EXPECT_EQ(run.output.find(xapi::test::kToken), std::string::npos) << "the token is never printed";
  const auto credentials = xapi::cmi5::credentialsPath(outbox);
  ASSERT_TRUE(fs::exists(credentials));
  EXPECT_EQ(fs::status(credentials).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);

  const std::string hint = "send the kept ones while the LMS session is valid: praxis ";
  const auto at = run.output.find(hint);
  ASSERT_NE(at, std::string::npos) << run.output;
  const auto end = run.output.find('\n', at);
  const std::string command = run.output.substr(at + hint.size(), end - at - hint.size());
  const auto status = test::runPraxis("xapi status --json --outbox '" + outbox.string() + "'");
  ASSERT_EQ(status.exitCode, 0) << status.output;
  EXPECT_EQ(Json::parse(status.output.substr(status.output.find('{')))["lrs"], lms.endpoint())
      << "status names where the kept statements go";
  EXPECT_EQ(status.output.find(xapi::test::kToken), std::string::npos);
  lms.setLrsOrigin("http://127.0.0.1:" + std::to_string(lrs_->port()));
  const auto flush = test::runPraxis(command);
  EXPECT_EQ(flush.exitCode, 0) << command << "\n" << flush.output;
  EXPECT_EQ(flush.output.find(xapi::test::kToken), std::string::npos);
  EXPECT_EQ(lms.refusals(), std::vector<std::string>{});
  for (const auto& s : statements) EXPECT_EQ(xapi::test::statementStatus(lrs_->endpoint(), s["id"]), 200);
  EXPECT_FALSE(fs::exists(credentials)) << "forgotten once everything is delivered";
}

TEST_F(RunXapi, UnusableLaunchesAndContradictionsAreUsageErrors) {
  const std::string pkg = "'" + scenarios() + "/safe-isolation' --headless --autopilot ";
  auto partial = test::runPraxis("run " + pkg + "--cmi5 'praxis://launch?endpoint=http%3A%2F%2F127.0.0.1%2F'");
  EXPECT_EQ(partial.exitCode, 2) << partial.output;
  EXPECT_NE(partial.output.find("--cmi5: "), std::string::npos) << partial.output;

  xapi::test::FakeLms lms("http://127.0.0.1:9", xapi::test::launchDataFor("Normal", *core::newUuidV4()));
  const std::string url = lms.launchUrl(*core::newUuidV4(), "https://lms.example.org/au/x");
  // Its LMS's LRS is down: the attempt runs, the LMS does not have it (exit 3).
  ASSERT_EQ(test::runPraxis("run " + pkg + "--cmi5 '" + url + "'").exitCode, 3);
  const auto reused = test::runPraxis("run " + pkg + "--cmi5 '" + url + "'");
  EXPECT_EQ(reused.exitCode, 2) << "the fetch URL is single-use\n" << reused.output;
  EXPECT_NE(reused.output.find("cmi5 launch: "), std::string::npos) << reused.output;

  const auto contradiction = test::runPraxis("run " + pkg + "--no-xapi --lrs http://127.0.0.1:9/");
  EXPECT_EQ(contradiction.exitCode, 2);
  EXPECT_NE(contradiction.output.find("--no-xapi and --lrs"), std::string::npos) << contradiction.output;
}

}  // namespace
}  // namespace praxis::app
