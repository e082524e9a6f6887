// The reporter: an attempt's events become valid xAPI statements in the documented order,
// and the real LRS accepts every one of them (retrievable by id).
#include "app/reporter.h"

#include <gtest/gtest.h>

#include "core/paths.h"
#include "core/uuid.h"
#include "xapi/emitter.h"
#include "xapi/session_report.h"
#include "xapi/validator.h"
#include "xapi/vocabulary.h"
#include "xapi_test_util.h"

namespace praxis::app {
namespace {

using scenario::AttemptEvent;
using scenario::AttemptEventKind;

scenario::ScenarioDef scenarioDef() {
  scenario::ScenarioDef def;
  def.meta.id = "safe-isolation";
  def.meta.title = {{"nl-BE", "Veilig vrijschakelen"}, {"en", "Safe isolation"}};
  for (const char* id : {"open-breaker", "lock-out"}) {
    scenario::StepDef step;
    step.id = id;
    step.instruction = {{"nl-BE", std::string("Doe: ") + id}, {"en", std::string("Do: ") + id}};
    scenario::HintDef hint;
    hint.text = {{"en", "Look at the red handle"}};
    hint.afterSeconds = 10.0;
    step.hints.push_back(hint);
    def.steps.push_back(step);
  }
  scenario::FaultDef fault;
  fault.id = "touched-live-busbar";
  fault.severity = scenario::Severity::Major;
  fault.message = {{"en", "You touched a live busbar"}};
  def.faults.push_back(fault);
  def.scoring.passScore = 15;
  return def;
}

std::vector<AttemptEvent> events(scenario::Outcome outcome, scenario::EndReason reason) {
  std::vector<AttemptEvent> ev;
  AttemptEvent e;
  e.kind = AttemptEventKind::Started;
  ev.push_back(e);
  e = {};
  e.kind = AttemptEventKind::StepStarted;
  e.stepId = "open-breaker";
  ev.push_back(e);
  e = {};
  e.tick = 900;
  e.kind = AttemptEventKind::HintShown;
  e.stepId = "open-breaker";
  e.hintIndex = 0;
  ev.push_back(e);
  e = {};
  e.tick = 1000;
  e.kind = AttemptEventKind::FaultRaised;
  e.stepId = "open-breaker";
  e.faultId = "touched-live-busbar";
  e.severity = scenario::Severity::Major;
  e.points = 20;
  e.involved = {"left_hand", "busbar-l1"};
  ev.push_back(e);
  e = {};
  e.tick = 1350;
  e.kind = AttemptEventKind::StepCompleted;
  e.stepId = "open-breaker";
  e.points = 10;
  e.stepSeconds = 15.0;
  ev.push_back(e);
  e = {};
  e.tick = 1800;
  e.kind = AttemptEventKind::Ended;
  e.outcome = outcome;
  e.reason = reason;
  e.score = -10;
  e.maxScore = 20;
  ev.push_back(e);
  return ev;
}

ReportContext context() {
  ReportContext c;
  c.registration = *core::newUuidV4();
  c.actor = xapi::makeActor(xapi::ActorPolicy{}, "trainee-1");
  c.mode = Mode::Vr;
  c.language = "nl-BE";
  c.startTime = xapi::WallClock::time_point(std::chrono::seconds(1795435200));
  return c;
}

TEST(Reporter, StatementsFollowTheDocumentedTableAndAreValid) {
  const auto def = scenarioDef();
  const auto ctx = context();
  const auto statements =
      reportAttempt(def, events(scenario::Outcome::Failed, scenario::EndReason::Completed), ctx);
  std::vector<std::string> verbs;
  for (const auto& s : statements) {
    verbs.push_back(s.verb.id);
    auto json = xapi::toJson(s);
    json["id"] = *core::newUuidV4();
    EXPECT_TRUE(xapi::checkStatement(json)) << xapi::checkStatement(json).error().message;
    EXPECT_EQ(s.context->registration, ctx.registration);
    EXPECT_EQ(s.context->language, "nl-BE");
    EXPECT_EQ(s.context->platform.rfind("Praxis ", 0), 0U);
    EXPECT_EQ(s.context->extensions[std::string(xapi::extensions::kMode)], "vr");
  }
  ASSERT_EQ(
      verbs,
      (std::vector<std::string>{
          std::string(xapi::verbs::kInitialized), std::string(xapi::verbs::kExperienced),
          "https://praxis.example.org/xapi/verbs/faulted", std::string(xapi::verbs::kCompleted),
          std::string(xapi::verbs::kFailed), std::string(xapi::verbs::kTerminated)}));
  const auto& fault = statements[2];
  EXPECT_EQ(fault.result->extensions[std::string(xapi::extensions::kSeverity)], "major");
  EXPECT_EQ(fault.result->extensions[std::string(xapi::extensions::kInvolved)],
            xapi::Json({"left_hand", "busbar-l1"}));
  EXPECT_EQ(fault.context->contextActivities.parent[0].id,
            "https://praxis.example.org/xapi/activities/scenarios/safe-isolation");
  EXPECT_EQ(statements[3].result->duration, "PT15S");
  EXPECT_EQ(statements[3].timestamp, "2026-11-23T12:00:15.000Z");
  const auto& end = *statements[4].result;
  EXPECT_EQ(end.score->raw, -10);
  EXPECT_EQ(end.score->min, -10) << "raw stays within min..max";
  EXPECT_DOUBLE_EQ(*end.score->scaled, -0.5);
  EXPECT_EQ(end.duration, "PT20S");
}

// Desktop mode reports like headless: with the same events the statements are the same but
// for the mode extension, which says "desktop".
TEST(Reporter, ADesktopAttemptSendsAHeadlessAttemptsStatementsWithModeDesktop) {
  const auto def = scenarioDef();
  const auto ev = events(scenario::Outcome::Failed, scenario::EndReason::Completed);
  ReportContext desktop = context();
  desktop.mode = Mode::Desktop;
  ReportContext headless = desktop;
  headless.mode = Mode::Headless;
  const auto fromDesktop = reportAttempt(def, ev, desktop);
  const auto fromHeadless = reportAttempt(def, ev, headless);
  ASSERT_EQ(fromDesktop.size(), fromHeadless.size());
  const std::string mode(xapi::extensions::kMode);
  for (std::size_t i = 0; i < fromDesktop.size(); ++i) {
    auto d = xapi::toJson(fromDesktop[i]);
    auto h = xapi::toJson(fromHeadless[i]);
    EXPECT_EQ(d["context"]["extensions"][mode], "desktop");
    EXPECT_EQ(h["context"]["extensions"][mode], "headless");
    d["context"]["extensions"].erase(mode);
    h["context"]["extensions"].erase(mode);
    EXPECT_EQ(d, h) << i;
  }
}

TEST(Reporter, AbortedAttemptIsNotJudged) {
  const auto statements = reportAttempt(
      scenarioDef(), events(scenario::Outcome::Failed, scenario::EndReason::Aborted), context());
  EXPECT_EQ(statements.back().verb.id, xapi::verbs::kTerminated);
  EXPECT_NE(statements[statements.size() - 2].verb.id, xapi::verbs::kFailed);
}

TEST(Reporter, Cmi5ModeSendsOnlyAllowedDetailWithTheContextTemplate) {
  auto ctx = context();
  const std::string sessionId = *core::newUuidV4();
  ctx.cmi5ContextTemplate = xapi::Json{
      {"contextActivities", {{"grouping", {{{"id", "https://lms.example.org/course/7"}}}}}},
      {"extensions", {{std::string(xapi::cmi5::kSessionIdExtension), sessionId}}}};
  const auto ev = events(scenario::Outcome::Failed, scenario::EndReason::Completed);
  const auto statements = reportAttempt(scenarioDef(), ev, ctx);
  std::vector<std::string> verbs;
  for (const auto& s : statements) {
    verbs.push_back(s.verb.id);
    EXPECT_EQ(s.context->extensions[std::string(xapi::cmi5::kSessionIdExtension)], sessionId);
    ASSERT_EQ(s.context->contextActivities.grouping.size(), 1U);
    for (const auto& c : s.context->contextActivities.category) {
      EXPECT_NE(c.id, xapi::cmi5::kCategory) << "detail statements are cmi5 allowed, not defined";
    }
    auto json = xapi::toJson(s);
    json["id"] = *core::newUuidV4();
    EXPECT_TRUE(xapi::checkStatement(json));
  }
  EXPECT_EQ(verbs, (std::vector<std::string>{std::string(xapi::verbs::kExperienced),
                                             std::string(xapi::verbs::kFaulted),
                                             std::string(xapi::verbs::kCompleted)}));
  const auto result = cmi5Result(ev.back());
  EXPECT_TRUE(result.completed);
  EXPECT_EQ(result.scaledScore, 0.0) << "a negative score counts as 0 for cmi5";
  EXPECT_FALSE(result.passedByScenario);
  EXPECT_DOUBLE_EQ(result.durationSeconds, 20.0);
}

TEST(Reporter, TheRealLrsAcceptsEveryStatement) {
  auto lrs = xapi::test::LrsProcess::start();
  ASSERT_TRUE(lrs) << lrs.error().message;
  const auto def = scenarioDef();
  std::vector<std::string> ids;
  {
    xapi::EmitterOptions options{xapi::test::tempPath("reporter.sqlite"),
                                 xapi::test::lrsConfig((*lrs)->endpoint()),
                                 {},
                                 core::Log::silent()};
    auto emitter = xapi::Emitter::start(options);
    ASSERT_TRUE(emitter);
    for (auto outcome : {scenario::Outcome::Passed, scenario::Outcome::Failed}) {
      for (auto& s :
           reportAttempt(def, events(outcome, scenario::EndReason::Completed), context())) {
        auto id = (*emitter)->emit(std::move(s));
        ASSERT_TRUE(id) << id.error().message;
        ids.push_back(*id);
      }
    }
    ASSERT_TRUE((*emitter)->waitDelivered(std::chrono::seconds(20)));
  }
  for (const auto& id : ids)
    EXPECT_EQ(xapi::test::statementStatus((*lrs)->endpoint(), id), 200) << id;
}

TEST(SessionReport, ExportedStatementsBecomeASelfContainedPage) {
  auto ctx = context();
  ctx.language = "en";
  std::string jsonl;
  for (const auto& s : reportAttempt(
           scenarioDef(), events(scenario::Outcome::Failed, scenario::EndReason::Completed), ctx)) {
    auto json = xapi::toJson(s);
    json["id"] = *core::newUuidV4();
    jsonl += json.dump() + "\n";
  }
  auto statements = xapi::parseStatements(jsonl);
  ASSERT_TRUE(statements);
  auto summary = xapi::summariseAttempt(*statements, "");
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->scenario, "Safe isolation");
  EXPECT_EQ(summary->passed, false);
  EXPECT_EQ(summary->passScore, 15);
  EXPECT_DOUBLE_EQ(summary->durationSeconds, 20.0);
  ASSERT_EQ(summary->entries.size(), 3U);
  EXPECT_EQ(summary->entries[0].kind, xapi::ReportEntry::Kind::Step);  // began at 0 s
  EXPECT_DOUBLE_EQ(summary->entries[0].durationSeconds, 15.0);
  EXPECT_EQ(summary->entries[1].kind, xapi::ReportEntry::Kind::Hint);
  EXPECT_EQ(summary->entries[2].kind, xapi::ReportEntry::Kind::Fault);
  EXPECT_EQ(summary->entries[2].detail, "left_hand, busbar-l1");

  const auto file = xapi::test::tempPath("attempt.jsonl");
  ASSERT_TRUE(core::writeFileAtomic(file, jsonl));
  const auto html = xapi::test::tempPath("report.html");
  const std::string cmd = std::string(PRAXIS_BINARY_DIR) + "/tools/praxis/praxis report " +
                          file.string() + " --out " + html.string() + " > /dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const auto page = core::readFile(html);
  ASSERT_TRUE(page);
  for (const char* text : {"Safe isolation", "FAILED", "You touched a live busbar",
                           "Do: open-breaker", "Look at the red handle", "pass: 15"}) {
    EXPECT_NE(page->find(text), std::string::npos) << text;
  }
  for (const char* external : {"<script", "<link", "src=", "url("}) {
    EXPECT_EQ(page->find(external), std::string::npos) << "self-contained: " << external;
  }
}

TEST(SessionReport, BadInputIsNamed) {
  auto bad = xapi::parseStatements("{\"id\":1}\nnot json\n");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("line 2"), std::string::npos);
  auto invalid = xapi::summariseAttempt({xapi::Json{{"context", {{"registration", "a"}}}}}, "");
  ASSERT_FALSE(invalid);
  EXPECT_NE(invalid.error().message.find("statement 1: invalid xAPI statement"), std::string::npos)
      << invalid.error().message;
  std::vector<xapi::Json> two;
  for (int i = 0; i < 2; ++i) {
    for (const auto& st : reportAttempt(
             scenarioDef(), events(scenario::Outcome::Passed, scenario::EndReason::Completed),
             context())) {
      two.push_back(xapi::toJson(st));
    }
  }
  auto summary = xapi::summariseAttempt(two, "");
  ASSERT_FALSE(summary);
  EXPECT_NE(summary.error().message.find("--registration"), std::string::npos);
}

}  // namespace
}  // namespace praxis::app
