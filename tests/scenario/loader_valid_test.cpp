// The full-featured fixture package loads without a diagnostic, into exactly the model its
// YAML says, with spans that point at the text they came from.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <limits>
#include <sstream>

#include "fixture_paths.h"
#include "scenario/loader.h"

namespace praxis::scenario {
namespace {

using testing::fixtures;

class FullFeatured : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    package_ = new PackageLoadResult(loadScenarioPackage(fixtures() / "valid" / "full-featured"));
    std::ifstream in(fixtures() / "valid" / "full-featured" / "scenario.yaml", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    text_ = new std::string(s.str());
  }
  static void TearDownTestSuite() {
    delete package_;
    delete text_;
  }
  static const ScenarioDef& def() { return *package_->scenario; }
  static const ObjectDef& object(std::string_view id) {
    const ObjectDef* o = def().findObject(id);
    EXPECT_NE(o, nullptr) << id;
    return *o;
  }
  static const StepDef& step(std::string_view id) {
    const StepDef* s = def().findStep(id);
    EXPECT_NE(s, nullptr) << id;
    return *s;
  }
  static std::string textAt(const SourceSpan& span) { return text_->substr(span.begin, span.end - span.begin); }

  static PackageLoadResult* package_;
  static std::string* text_;
};

PackageLoadResult* FullFeatured::package_ = nullptr;
std::string* FullFeatured::text_ = nullptr;

constexpr float kEps = 1e-4F;

TEST_F(FullFeatured, LoadsWithoutAnyDiagnostic) {
  EXPECT_TRUE(package_->diagnostics.empty()) << package_->diagnostics.format();
  ASSERT_TRUE(package_->ok());
  EXPECT_EQ(package_->tests.size(), 2U);
}

TEST_F(FullFeatured, ReadsMetadataAndTraineeStart) {
  EXPECT_EQ(def().meta.id, "full-featured");
  EXPECT_EQ(def().meta.version, "1.2.0");
  EXPECT_EQ(def().meta.title.in("fr-BE"), "Tout en un");
  EXPECT_EQ(def().meta.description.in("en"), "An exercise that uses every feature.");
  EXPECT_DOUBLE_EQ(def().meta.estimatedMinutes, 6.5);
  EXPECT_EQ(def().meta.languages, (std::vector<std::string>{"nl-BE", "fr-BE", "en"}));
  EXPECT_FLOAT_EQ(def().trainee.eyeHeight, 1.65F);
  EXPECT_FLOAT_EQ(def().trainee.position.z, 1.5F);
  EXPECT_EQ(def().objects.size(), 15U);
  EXPECT_EQ(def().steps.size(), 8U);
  EXPECT_EQ(def().maxScore(), 80);
}

TEST_F(FullFeatured, ReadsShapesSizesPosesAndColours) {
  const auto& floor = object("floor");
  EXPECT_EQ(floor.visual.shape.kind, scene::ShapeKind::Plane);
  EXPECT_EQ(floor.visual.shape.size, core::Vec3(6.0F, 0.0F, 6.0F));
  EXPECT_TRUE(floor.collider);
  EXPECT_NEAR(floor.visual.colour.r, 0.2158605F, kEps);  // sRGB 0x80 in linear light
  EXPECT_NEAR(object("table").visual.colour.g, 0.1004815F, kEps);  // sRGB 0.35
  const auto& panel = object("panel");
  EXPECT_EQ(panel.visual.model, "assets/panel.obj");
  EXPECT_FLOAT_EQ(panel.visual.colour.a, 1.0F);
  ASSERT_EQ(panel.visual.parts.size(), 2U);
  EXPECT_EQ(panel.visual.parts[1].shape.kind, scene::ShapeKind::Cylinder);
  EXPECT_EQ(panel.visual.parts[1].shape.size, core::Vec3(0.02F, 0.1F, 0.02F));
  EXPECT_EQ(panel.pose.position, core::Vec3(0.0F, 1.3F, -1.0F));
  const core::Vec3 forward = panel.pose.forward();  // rot: [0, 180, 0] turns -Z into +Z
  EXPECT_NEAR(forward.z, 1.0F, kEps);
  EXPECT_EQ(object("padlock").visual.shape.size, core::Vec3(0.05F, 0.07F, 0.02F));
  EXPECT_EQ(object("lock_point").visual.shape.size, core::Vec3(0.03F));
  EXPECT_EQ(object("breaker").parent, "panel");
}

TEST_F(FullFeatured, ReadsEveryComponent) {
  const auto& breaker = object("breaker");
  ASSERT_TRUE(breaker.toggle);
  EXPECT_EQ(breaker.toggle->states, (std::vector<std::string>{"on", "off"}));
  EXPECT_EQ(breaker.toggle->state(), "on");
  EXPECT_TRUE(object("start_button").button && object("start_button").touchTarget);
  const auto& handle = *object("handle").lever;
  EXPECT_EQ(handle.kind, scene::Lever::Kind::Lever);
  ASSERT_EQ(handle.detents.size(), 2U);
  EXPECT_EQ(handle.detents[1].name, "open");
  EXPECT_FLOAT_EQ(handle.detents[1].value, 1.0F);
  EXPECT_FLOAT_EQ(handle.travel, 0.15F);
  const auto& dial = *object("dial").lever;
  EXPECT_EQ(dial.kind, scene::Lever::Kind::Dial);
  EXPECT_FLOAT_EQ(dial.value, 0.1F);
  EXPECT_EQ(dial.axis, core::Vec3(0.0F, 0.0F, 1.0F));
  const auto& padlock = *object("padlock").grabbable;
  EXPECT_FLOAT_EQ(padlock.mass, 0.2F);
  ASSERT_EQ(padlock.gripPoints.size(), 1U);
  EXPECT_FLOAT_EQ(padlock.gripPoints[0].position.y, -0.02F);
  const auto& socket = *object("lock_point").socket;
  EXPECT_EQ(socket.accepts, (std::vector<std::string>{"padlock"}));
  EXPECT_FLOAT_EQ(socket.snapPose.position.y, -0.06F);
  EXPECT_FLOAT_EQ(socket.tolerance, 0.05F);
  EXPECT_FALSE(object("lock_point").visual.visible);
  const auto& extinguisher = *object("extinguisher").tool;
  EXPECT_FLOAT_EQ(extinguisher.range, 3.0F);
  EXPECT_TRUE(extinguisher.needsTrigger);
  EXPECT_EQ(extinguisher.direction, core::Vec3(0.0F, 0.0F, -1.0F));
  EXPECT_FALSE(object("tester").tool->needsTrigger);
  EXPECT_TRUE(object("tester").grabbable);
  EXPECT_TRUE(object("fire_base").touchTarget);
  const auto& zone = object("work_zone");
  ASSERT_TRUE(zone.zone);
  EXPECT_EQ(zone.zone->halfExtents, core::Vec3(0.75F, 1.25F, 0.75F));
  EXPECT_FALSE(zone.visual.visible);  // zones are hidden unless asked
  EXPECT_TRUE(object("danger_tag").visual.visible);
}

TEST_F(FullFeatured, ReadsStepsHintsBranchesAndNext) {
  const auto& approach = step("approach");
  EXPECT_EQ(approach.points, 5);
  ASSERT_EQ(approach.hints.size(), 1U);
  EXPECT_EQ(approach.hints[0].afterSeconds, 20.0);
  EXPECT_FALSE(approach.hints[0].afterMistakes);
  EXPECT_EQ(step("read_tag").highlight, (std::vector<std::string>{"danger_tag"}));
  EXPECT_EQ(step("read_tag").points, 0);
  EXPECT_EQ(step("switch_off").hints[0].afterMistakes, 1);
  EXPECT_EQ(step("switch_off").points, 10);
  const auto& verify = step("verify");
  ASSERT_EQ(verify.branches.size(), 2U);
  EXPECT_EQ(verify.branches[0].next, "extinguish");
  EXPECT_EQ(verify.branches[0].when.kind, ConditionKind::Value);
  EXPECT_FLOAT_EQ(verify.branches[0].when.minimum, 0.4F);
  EXPECT_FLOAT_EQ(verify.branches[0].when.maximum, 0.6F);
  EXPECT_EQ(verify.branches[1].when.kind, ConditionKind::Not);
  EXPECT_EQ(verify.next, "set_handle");
  EXPECT_EQ(step("extinguish").next, "");
  EXPECT_EQ(step("wrap_up").next, "end");
}

TEST_F(FullFeatured, ReadsEveryConditionKindLongAndShortForms) {
  const auto& approach = step("approach").doneWhen;
  EXPECT_EQ(approach.kind, ConditionKind::Inside);
  EXPECT_EQ(approach.object, "head");
  EXPECT_EQ(approach.target, "work_zone");
  const auto& lock = step("lock_out").doneWhen;
  ASSERT_EQ(lock.kind, ConditionKind::All);
  ASSERT_EQ(lock.children.size(), 3U);
  EXPECT_EQ(lock.children[0].kind, ConditionKind::Snapped);
  EXPECT_EQ(lock.children[0].target, "lock_point");
  EXPECT_EQ(lock.children[1].kind, ConditionKind::Released);
  EXPECT_EQ(lock.children[1].object, "padlock");
  EXPECT_EQ(lock.children[2].state, "occupied");
  const auto& verify = step("verify").doneWhen;
  ASSERT_EQ(verify.kind, ConditionKind::Sequence);
  EXPECT_EQ(verify.children[0].hand, Hand::Right);
  EXPECT_EQ(verify.children[1].by, ToucherKind::Tool);
  EXPECT_EQ(verify.children[1].tool, "tester");
  EXPECT_EQ(verify.children[2].kind, ConditionKind::ToolOn);
  EXPECT_DOUBLE_EQ(verify.children[2].seconds, 1.0);
  const auto& handle = step("set_handle").doneWhen;
  EXPECT_EQ(handle.kind, ConditionKind::Any);
  EXPECT_FLOAT_EQ(handle.children[1].minimum, 0.9F);
  EXPECT_EQ(handle.children[1].maximum, std::numeric_limits<float>::max());  // no max: open-ended
  const auto& wrap = step("wrap_up").doneWhen;
  ASSERT_EQ(wrap.children.size(), 5U);
  EXPECT_EQ(wrap.children[0].kind, ConditionKind::StepDone);
  EXPECT_EQ(wrap.children[0].state, "verify");
  const auto& any = wrap.children[1];
  EXPECT_DOUBLE_EQ(any.children[0].seconds, 3.0);
  EXPECT_FALSE(any.children[1].sinceAttempt);
  EXPECT_EQ(any.children[2].kind, ConditionKind::LookingAt);
  EXPECT_EQ(any.children[2].object, "panel");
  EXPECT_DOUBLE_EQ(any.children[2].degrees, 15.0);
  EXPECT_EQ(wrap.children[2].children[0].hand, Hand::Either);
  EXPECT_EQ(wrap.children[3].by, ToucherKind::Hand);
  EXPECT_DOUBLE_EQ(step("read_tag").doneWhen.degrees, 20.0);
}

TEST_F(FullFeatured, ReadsFaultsAndScoring) {
  ASSERT_EQ(def().faults.size(), 4U);
  const auto& live = def().faults[0];
  EXPECT_EQ(live.severity, Severity::Critical);
  ASSERT_TRUE(live.guard);
  EXPECT_EQ(live.guard->state, "on");
  EXPECT_EQ(live.message.in("nl-BE"), "Levensgevaarlijk!");
  EXPECT_TRUE(def().faults[1].repeat);
  EXPECT_EQ(def().faults[1].severity, Severity::Minor);
  EXPECT_EQ(def().faults[2].penalty, 10);
  EXPECT_TRUE(def().faults[2].when.sinceAttempt);
  EXPECT_EQ(def().faults[3].severity, Severity::Major);  // the default
  EXPECT_FALSE(def().faults[3].penalty);
  EXPECT_EQ(def().scoring.passScore, 50);
  EXPECT_EQ(def().scoring.timeLimitSeconds, 600.0);
  EXPECT_EQ(def().scoring.minorPenalty, 2);
  EXPECT_EQ(def().scoring.majorPenalty, 15);
}

TEST_F(FullFeatured, ReadsTestsSortedByFileWithEveryActionKind) {
  const auto& ref = package_->tests[0];
  EXPECT_TRUE(ref.file.ends_with("tests/reference.yaml")) << ref.file;
  EXPECT_TRUE(package_->tests[1].file.ends_with("tests/touch-live.yaml"));
  EXPECT_TRUE(ref.reference);
  EXPECT_EQ(ref.language, "en");
  EXPECT_EQ(ref.seed, 7U);
  EXPECT_DOUBLE_EQ(ref.maxSeconds, 300.0);
  ASSERT_EQ(ref.actions.size(), 24U);
  std::set<ActionKind> kinds;
  for (const auto& a : ref.actions) kinds.insert(a.kind);
  EXPECT_EQ(kinds.size(), 11U);
  EXPECT_EQ(ref.actions[0].point, core::Vec3(0.0F, 0.0F, 0.6F));
  EXPECT_EQ(ref.actions[1].target, "danger_tag");
  EXPECT_EQ(ref.actions[4].target, "lock_point");
  EXPECT_EQ(ref.actions[5].hand, Hand::Right);
  EXPECT_EQ(ref.actions[10].state, "open");
  EXPECT_EQ(ref.actions[11].value, 0.2F);
  EXPECT_EQ(ref.actions[11].hand, Hand::Left);
  EXPECT_EQ(ref.actions[12].target, "extinguisher");
  EXPECT_FALSE(ref.actions[12].point);
  EXPECT_EQ(ref.actions[14].target, "fire_base");
  EXPECT_DOUBLE_EQ(ref.actions[15].seconds, 2.5);
  EXPECT_EQ(ref.actions[18].target, "start_button");
  EXPECT_EQ(ref.actions[18].point, core::Vec3(0.0F, 0.0F, 0.05F));
  EXPECT_DOUBLE_EQ(ref.actions[23].seconds, 2.0);
  EXPECT_EQ(ref.expect.outcome, Outcome::Passed);
  EXPECT_EQ(ref.expect.scoreMin, 80);
  EXPECT_EQ(ref.expect.scoreMax, 100);
  EXPECT_EQ(ref.expect.faults, std::vector<std::string>{});
  EXPECT_EQ(ref.expect.stepsCompleted->size(), 8U);
  EXPECT_EQ(ref.expect.endReason, "completed");
  const auto& live = package_->tests[1];
  EXPECT_FALSE(live.reference);
  EXPECT_EQ(live.expect.scoreMin, 0);
  EXPECT_EQ(live.expect.scoreMax, 0);
  EXPECT_EQ(live.expect.endReason, "critical_fault");
}

TEST_F(FullFeatured, SpansPointAtTheTextTheyCameFrom) {
  const auto& floor = object("floor");
  const std::size_t floorAt = text_->find("- id: floor") + 2;
  EXPECT_EQ(floor.span.begin, floorAt);
  EXPECT_EQ(floor.span.line, 1 + static_cast<int>(std::count(text_->begin(), text_->begin() + static_cast<long>(floorAt), '\n')));
  EXPECT_EQ(floor.span.column, 5);
  EXPECT_TRUE(floor.span.file.ends_with("full-featured/scenario.yaml")) << floor.span.file;
  EXPECT_EQ(textAt(spanOf(floor.fields, "id", {})), "floor");
  EXPECT_EQ(textAt(spanOf(floor.fields, "colour", {})), "\"#808080\"");
  EXPECT_EQ(textAt(spanOf(floor.fields, "size", {})), "[6, 6]");
  EXPECT_EQ(textAt(floor.span).substr(0, 9), "id: floor");
  EXPECT_TRUE(textAt(floor.span).ends_with("collider: true")) << textAt(floor.span);
  EXPECT_EQ(textAt(spanOf(def().fields, "trainee", {})), "{position: [0, 0, 1.5], facing: 0, eye_height: 1.65}");
  EXPECT_EQ(textAt(spanOf(object("lock_point").fields, "socket.accepts[0]", {})), "padlock");
  EXPECT_EQ(textAt(spanOf(step("switch_off").fields, "highlight[0]", {})), "breaker");
  const auto& snapped = step("lock_out").doneWhen.children[0];
  EXPECT_EQ(textAt(snapped.span), "snapped: {object: padlock, into: lock_point}");
  EXPECT_EQ(textAt(spanOf(snapped.fields, "into", {})), "lock_point");
  EXPECT_EQ(textAt(spanOf(step("lock_out").doneWhen.children[1].fields, "object", {})), "padlock");
  EXPECT_EQ(textAt(spanOf(step("switch_off").doneWhen.fields, "is", {})), "\"off\"");
}

}  // namespace
}  // namespace praxis::scenario
