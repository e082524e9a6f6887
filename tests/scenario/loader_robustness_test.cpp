// Hostile and broken input: deep nesting, alias cycles and bombs, huge or empty files, odd
// bytes. Each gives a clear diagnostic (never a crash, a hang or an exception).
#include <gtest/gtest.h>

#include "scenario/loader.h"
#include "scenario/yaml_guard.h"

namespace praxis::scenario {
namespace {

constexpr std::string_view kHeader =
    "praxis: 1\nid: robust\nversion: '1'\ntitle: {en: Robust}\nobjects: []\n";

std::string messages(const Diagnostics& d) { return d.format(); }

LoadResult load(std::string_view text) { return loadScenarioText(text, "in.yaml", {}); }

bool mentions(const Diagnostics& d, std::string_view needle) {
  return d.format().find(needle) != std::string::npos;
}

TEST(Robustness, MinimalScenarioLoads) {
  const auto r = load(std::string(kHeader) + "steps:\n  - {id: a, instruction: {en: A}, done_when: {elapsed: 1}}\n");
  EXPECT_TRUE(r.ok()) << messages(r.diagnostics);
}

TEST(FormatVersion, BothVersionsLoadAndTheFileRemembersWhichItSaid) {
  const std::string steps = "steps:\n  - {id: a, instruction: {en: A}, done_when: {elapsed: 1}}\n";
  const auto one = load(std::string(kHeader) + steps);
  ASSERT_TRUE(one.ok()) << messages(one.diagnostics);
  EXPECT_EQ(one.scenario->meta.format, 1);
  std::string v2(kHeader);
  v2.replace(0, 9, "praxis: 2");
  const auto two = load(v2 + steps);
  ASSERT_TRUE(two.ok()) << messages(two.diagnostics);
  EXPECT_EQ(two.scenario->meta.format, 2);
}

TEST(FormatVersion, AFutureVersionNamesTheVersionsThisBuildReads) {
  std::string v3(kHeader);
  v3.replace(0, 9, "praxis: 3");
  const auto r = load(v3 + "steps:\n  - {id: a, instruction: {en: A}, done_when: {elapsed: 1}}\n");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(mentions(r.diagnostics, "in.yaml:1:9: error: praxis: unsupported format version 3 (this build reads 1 to 2)"))
      << messages(r.diagnostics);
}

TEST(Robustness, DeepFlowNestingIsRejectedBeforeParsing) {
  const std::string deep = "steps: " + std::string(100'000, '[') + std::string(100'000, ']') + "\n";
  const auto r = load(deep);
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 1U) << messages(r.diagnostics);
  EXPECT_EQ(r.diagnostics.all()[0].format(), "in.yaml:1:70: error: the document nests deeper than 64 levels");
}

TEST(Robustness, DeepBlockNestingIsRejected) {
  std::string deep;
  for (int i = 0; i < 80; ++i) deep += std::string(static_cast<std::size_t>(i) * 2, ' ') + "k:\n";
  const auto r = load(deep);
  EXPECT_TRUE(mentions(r.diagnostics, "in.yaml:64:128:")) << messages(r.diagnostics);
  EXPECT_TRUE(mentions(r.diagnostics, "nests deeper than 64 levels"));
}

TEST(Robustness, DeeplyNestedConditionsStopAtTheLimit) {
  std::string cond = "{elapsed: 1}";
  for (int i = 0; i < 70; ++i) cond = "{not: " + cond + "}";
  LoadLimits limits;
  limits.maxDepth = 200;  // let the text through so the condition reader's own limit acts
  const auto r = loadScenarioText(std::string(kHeader) + "steps:\n  - {id: a, instruction: {en: A}, done_when: " +
                                      cond + "}\n",
                                  "in.yaml", {}, LoadLimits{limits.maxBytes, 60, limits.maxNodes, 500});
  EXPECT_TRUE(mentions(r.diagnostics, "nests deeper than 60 levels")) << messages(r.diagnostics);
}

TEST(Robustness, AliasCycleDoesNotRecurseForever) {
  // yaml-cpp resolves *c inside the node &c anchors: a cyclic graph.
  const auto r = load(std::string(kHeader) +
                      "steps:\n  - id: a\n    instruction: {en: A}\n    done_when: &c {all: [*c]}\n");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(mentions(r.diagnostics, "conditions nest deeper than 64 levels")) << messages(r.diagnostics);
}

TEST(Robustness, AliasBombHitsTheNodeBudget) {
  std::string text = std::string(kHeader) + "x0: &l0 {elapsed: 1}\n";
  for (int i = 1; i <= 9; ++i) {
    text += "x" + std::to_string(i) + ": &l" + std::to_string(i) + " {all: [";
    for (int k = 0; k < 10; ++k) text += (k ? ", *l" : "*l") + std::to_string(i - 1);
    text += "]}\n";
  }
  text += "steps:\n  - {id: a, instruction: {en: A}, done_when: *l9}\n";
  const auto r = load(text);  // 10^9 conditions once expanded
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(mentions(r.diagnostics, "nodes (aliases expanded); stopped reading it")) << messages(r.diagnostics);
}

TEST(Robustness, HugeInputIsRefusedWithoutParsing) {
  const std::string huge(5U << 20U, '#');
  const auto r = load(huge);
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_EQ(r.diagnostics.all()[0].format(), "in.yaml: error: file is too large (5242880 bytes; the limit is 4194304)");
}

TEST(Robustness, EmptyOrCommentOnlyFile) {
  EXPECT_EQ(load("").diagnostics.format(), "in.yaml: error: the file is empty\n");
  EXPECT_EQ(load("# nothing here\n\n").diagnostics.format(), "in.yaml: error: the file is empty\n");
}

TEST(Robustness, SecondDocumentIsAnError) {
  const auto r = load(std::string(kHeader) + "steps: []\n---\nid: again\n");
  EXPECT_TRUE(mentions(r.diagnostics, "in.yaml:7:1: error: a file holds one YAML document")) << messages(r.diagnostics);
  const auto ended = load("---\n" + std::string(kHeader) + "...\nid: again\n");
  EXPECT_TRUE(mentions(ended.diagnostics, "in.yaml:8:1: error: a file holds one YAML document"));
  // A leading `---`, directives and a closing `...` are one document.
  EXPECT_FALSE(mentions(load("%YAML 1.2\n---\n" + std::string(kHeader) + "...\n# end\n").diagnostics, "one YAML"));
}

TEST(Robustness, InputThatHangsYamlCppLoadAllTerminates) {
  // Found by fuzz_scenario_loader: YAML::LoadAll loops forever on it (yaml-cpp 0.7).
  const auto r = load(",name: reference\nreference: true\nactioparts - wait:\xbe" "2\n");
  EXPECT_FALSE(r.ok());
}

TEST(Robustness, RootMustBeAMap) {
  EXPECT_EQ(load("- a\n- b\n").diagnostics.format(), "in.yaml:1:1: error: scenario: expected a map, got a list\n");
  EXPECT_EQ(loadTraineeScriptText("just text", "t.yaml").diagnostics.format(),
            "t.yaml:1:1: error: test: expected a map, got a string\n");
}

TEST(Robustness, TabIndentationIsASyntaxErrorWithPosition) {
  const auto r = load("praxis: 1\nobjects:\n\t- id: a\n");
  ASSERT_EQ(r.diagnostics.size(), 1U) << messages(r.diagnostics);
  EXPECT_TRUE(r.diagnostics.all()[0].format().starts_with("in.yaml:3:")) << messages(r.diagnostics);
  EXPECT_TRUE(mentions(r.diagnostics, "YAML syntax error"));
}

TEST(Robustness, ByteOrderMarkKeepsOffsetsRight) {
  const std::string text = "\xEF\xBB\xBF" + std::string(kHeader) +
                           "steps:\n  - {id: a, instruction: {en: A}, done_when: {elapsed: 1}}\n";
  const auto r = load(text);
  ASSERT_TRUE(r.ok()) << messages(r.diagnostics);
  const SourceSpan& id = spanOf(r.scenario->fields, "id", {});
  EXPECT_EQ(text.substr(id.begin, id.end - id.begin), "robust");
  EXPECT_EQ(id.line, 2);
  EXPECT_EQ(id.column, 5);
}

TEST(Robustness, OddBytesAndNumbersGiveDiagnosticsNotCrashes) {
  const std::string nul = std::string(kHeader) + "steps: [{id: \"a\0b\", instruction: {en: A}, done_when: {elapsed: 1}}]\n";
  EXPECT_FALSE(load(std::string_view(nul.data(), nul.size())).ok());
  EXPECT_FALSE(load(std::string(kHeader) + "steps: [{id: \xff\xfe, instruction: {en: A}}]\n").ok());
  const auto r = load(std::string(kHeader) + "minutes: inf\nsteps: [{id: a, instruction: {en: A}, done_when: {elapsed: 1e999}}]\n");
  EXPECT_TRUE(mentions(r.diagnostics, "minutes: expected a finite number, got inf")) << messages(r.diagnostics);
  EXPECT_TRUE(mentions(r.diagnostics, "elapsed: expected a number"));
  const auto keys = load("{[a, b]: 1}\n");
  EXPECT_TRUE(mentions(keys.diagnostics, "keys in the scenario must be plain names, got a list")) << messages(keys.diagnostics);
}

TEST(Robustness, TextThatIsNotUtf8IsNamedWithItsPosition) {
  // NUL bytes made yaml-cpp guess UTF-32 and report positions past the end (found by fuzzing).
  const std::string nul = std::string("\x01\x00", 2) + "1111\n";
  const auto r = load(nul);
  ASSERT_EQ(r.diagnostics.size(), 1U) << messages(r.diagnostics);
  EXPECT_EQ(r.diagnostics.all()[0].format(),
            "in.yaml:1:2: error: the file is not UTF-8 text (byte 0x00 here); save it as UTF-8 in the editor");
  const auto latin1 = load(std::string(kHeader) + "description: {en: \"caf\xe9\"}\n");
  EXPECT_TRUE(latin1.diagnostics.format().starts_with("in.yaml:6:23: error: the file is not UTF-8 text (byte 0xE9"))
      << messages(latin1.diagnostics);
  const auto utf8 = load(std::string(kHeader) + "description: {en: \"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\xa5\"}\n" +
                         "steps:\n  - {id: a, instruction: {en: A}, done_when: {elapsed: 1}}\n");
  EXPECT_TRUE(utf8.ok()) << "UTF-8 text of every sequence length loads\n" << messages(utf8.diagnostics);
}

TEST(NestingGuard, FindsTruncatedOverlongAndSurrogateSequences) {
  EXPECT_FALSE(detail::findNonUtf8("plain ascii\n"));
  EXPECT_EQ(detail::findNonUtf8("ab\xc3")->offset, 2U);           // truncated
  EXPECT_EQ(detail::findNonUtf8("a\xc0\xaf")->offset, 1U);        // overlong '/'
  EXPECT_EQ(detail::findNonUtf8("\n\xed\xa0\x80")->line, 2);     // a UTF-16 surrogate
  EXPECT_EQ(detail::findNonUtf8("\xf4\x90\x80\x80")->offset, 0U);  // past U+10FFFF
}

TEST(Robustness, ReportsEveryProblemButCapsTheFlood) {
  std::string text = std::string(kHeader) + "steps:\n  - id: a\n    instruction: {en: A}\n    done_when: {elapsed: 1}\n";
  for (int i = 0; i < 2000; ++i) text += "    bad" + std::to_string(i) + ": 1\n";
  const auto r = load(text);
  EXPECT_EQ(r.diagnostics.errorCount(), 501U);
  EXPECT_TRUE(mentions(r.diagnostics, "too many problems; stopped reading this file after 500"));
}

TEST(Robustness, MissingFilesAndFoldersAreDiagnostics) {
  const auto r = loadScenario("/nonexistent/praxis/package");
  EXPECT_EQ(r.diagnostics.format(), "/nonexistent/praxis/package/scenario.yaml: error: file not found\n");
  const auto s = loadTraineeScript("/nonexistent/t.yaml");
  EXPECT_EQ(s.diagnostics.format(), "/nonexistent/t.yaml: error: file not found\n");
}

TEST(NestingGuard, IgnoresBracketsInsideStringsCommentsAndBlockScalars) {
  std::string text = "a: \"" + std::string(200, '[') + "\"\n# " + std::string(200, '{') + "\nb: |\n  " +
                     std::string(200, '[') + "\nc: plain [ text\n";
  EXPECT_FALSE(detail::findExcessiveNesting(text, 8));
  EXPECT_TRUE(detail::findExcessiveNesting("a: " + std::string(9, '[') + std::string(9, ']'), 8));
}

TEST(NestingGuard, FindsTheInnermostOpenBracket) {
  const auto open = detail::findOpenFlow("a: [1, {b: 2}, [3\nc: 4\n", 20);
  ASSERT_TRUE(open);
  EXPECT_EQ(open->line, 1);
  EXPECT_EQ(open->column, 16);
}

}  // namespace
}  // namespace praxis::scenario
