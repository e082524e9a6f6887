// The HTML session report speaks the attempt's language: its own headings and labels as well
// as the content, and it names the objects of a fault by their label, not their id.
#include <gtest/gtest.h>

#include "app/reporter.h"
#include "core/uuid.h"
#include "xapi/session_report.h"

namespace praxis::app {
namespace {

using scenario::AttemptEvent;
using scenario::AttemptEventKind;

scenario::ScenarioDef fireScenario() {
  scenario::ScenarioDef def;
  def.meta.id = "fire";
  def.meta.title = {{"fr-BE", "Extincteur"}, {"en", "Extinguisher"}};
  for (auto [id, fr, en] : {std::tuple{"co2_ext", "extincteur CO2", "CO2 extinguisher"},
                            std::tuple{"flames", "flammes", "flames"}}) {
    scenario::ObjectDef o;
    o.id = id;
    o.label = {{"fr-BE", fr}, {"en", en}};
    def.objects.push_back(o);
  }
  scenario::StepDef step;
  step.id = "aim";
  step.instruction = {{"fr-BE", "Visez la base"}, {"en", "Aim at the base"}};
  def.steps.push_back(step);
  scenario::FaultDef fault;
  fault.id = "too_close";
  fault.severity = scenario::Severity::Major;
  fault.message = {{"fr-BE", "Trop près"}, {"en", "Too close"}};
  def.faults.push_back(fault);
  def.scoring.passScore = 50;
  return def;
}

std::vector<AttemptEvent> attempt() {
  std::vector<AttemptEvent> ev(4);
  ev[0].kind = AttemptEventKind::Started;
  ev[1].kind = AttemptEventKind::StepStarted;
  ev[1].stepId = "aim";
  ev[2].kind = AttemptEventKind::FaultRaised;
  ev[2].tick = 90;
  ev[2].stepId = "aim";
  ev[2].faultId = "too_close";
  ev[2].severity = scenario::Severity::Major;
  ev[2].points = 10;
  ev[2].involved = {"co2_ext", "flames"};
  ev[3].kind = AttemptEventKind::Ended;
  ev[3].tick = 900;
  ev[3].outcome = scenario::Outcome::Failed;
  ev[3].reason = scenario::EndReason::Completed;
  ev[3].score = 0;
  ev[3].maxScore = 100;
  return ev;
}

std::string pageIn(const std::string& language, xapi::AttemptSummary* summary = nullptr) {
  ReportContext ctx;
  ctx.registration = *core::newUuidV4();
  ctx.actor = xapi::makeActor(xapi::ActorPolicy{}, "t-1");
  ctx.mode = Mode::Headless;
  ctx.language = language;
  std::vector<xapi::Json> statements;
  for (const auto& s : reportAttempt(fireScenario(), attempt(), ctx)) {
    auto json = xapi::toJson(s);
    json["id"] = *core::newUuidV4();
    statements.push_back(json);
  }
  auto sum = xapi::summariseAttempt(statements, "");
  EXPECT_TRUE(sum) << sum.error().message;
  if (!sum) return {};
  if (summary != nullptr) *summary = *sum;
  return xapi::renderReportHtml(*sum);
}

TEST(ReportLanguage, HeadingsAndLabelsFollowTheAttemptsLanguage) {
  const std::string fr = pageIn("fr-BE");
  for (const char* text : {"ÉCHOUÉ", "Chronologie", "Faute (major): Trop près", "apprenant",
                           "concerne: extincteur CO2, flammes", "Rapport de session Praxis"}) {
    EXPECT_NE(fr.find(text), std::string::npos) << text << "\n" << fr;
  }
  for (const char* english : {"FAILED", "Timeline", "trainee", "involved", "Fault ("}) {
    EXPECT_EQ(fr.find(english), std::string::npos) << "English heading in a French report: " << english;
  }
  const std::string en = pageIn("en");
  EXPECT_NE(en.find("involved: CO2 extinguisher, flames"), std::string::npos) << en;
  EXPECT_NE(en.find("Timeline"), std::string::npos);
  const std::string nl = pageIn("nl-BE");
  EXPECT_NE(nl.find("NIET GESLAAGD"), std::string::npos);
  EXPECT_NE(nl.find("Tijdlijn"), std::string::npos);
}

TEST(ReportLanguage, FaultsNameObjectsByLabelNotId) {
  xapi::AttemptSummary sum;
  (void)pageIn("fr-BE", &sum);
  ASSERT_EQ(sum.entries.size(), 1u);
  EXPECT_EQ(sum.entries[0].detail, "extincteur CO2, flammes");
}

}  // namespace
}  // namespace praxis::app
