// Golden images of the shipped scenarios at two steps each, through `praxis snapshot`
// (reference solution played to the step, trainee's left eye, validation layer on).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <utility>

#include "command.h"
#include "render_fixture.h"

namespace praxis::render::testing {
namespace {

struct Case {
  const char* scenario;
  const char* step;  // "" = at the start
};

class ScenarioGolden : public ::testing::TestWithParam<Case> {};

TEST_P(ScenarioGolden, MatchesGolden) {
  ensureRuntimeDir();
  const auto [scenario, step] = GetParam();
  const std::string name = std::string(scenario) + "_" + (*step != '\0' ? step : "start");
  const auto out = std::filesystem::path(PRAXIS_BINARY_DIR) / "tests" / "render" / (name + ".png");
  std::string command = std::string("PRAXIS_VK_DEVICE=cpu ") + PRAXIS_BINARY_DIR +
                        "/tools/praxis/praxis snapshot " + PRAXIS_SOURCE_DIR + "/scenarios/" +
                        scenario + " --out " + out.string() + " --size 256x192 --validate";
  if (*step != '\0') command += std::string(" --step ") + step;
  ASSERT_EQ(std::system(command.c_str()), 0) << command;  // non-zero on validation messages
  auto image = readPng(out);
  ASSERT_TRUE(image.has_value()) << image.error().message;
  expectMatchesGolden(*image, "scenario_" + name);
}

INSTANTIATE_TEST_SUITE_P(Shipped, ScenarioGolden,
                         ::testing::Values(Case{"safe-isolation", ""},
                                           Case{"safe-isolation", "verify_absence"},
                                           Case{"fire-extinguisher", ""},
                                           Case{"fire-extinguisher", "aim_base"}),
                         [](const auto& param) {
                           std::string n = std::string(param.param.scenario) + "_" +
                                           (*param.param.step != 0 ? param.param.step : "start");
                           for (auto& c : n) {
                             if (c == '-') c = '_';
                           }
                           return n;
                         });

/// Runs `praxis snapshot ARGS` and returns (exit status, stdout + stderr).
std::pair<int, std::string> snapshot(const std::string& args) {
  ensureRuntimeDir();
  auto run = praxis::test::runPraxis("snapshot " + args);
  return {run.exitCode, run.output};
}

const std::string kSafeIsolation = std::string(PRAXIS_SOURCE_DIR) + "/scenarios/safe-isolation";

TEST(Snapshot, AnUnknownStepIsAUsageErrorListingTheSteps) {
  const auto [status, output] = snapshot(kSafeIsolation + " --out /dev/null --step no_such_step");
  EXPECT_EQ(status, 2);
  EXPECT_NE(output.find("no step 'no_such_step'"), std::string::npos) << output;
  EXPECT_NE(output.find("verify_absence"), std::string::npos) << output;
}

TEST(Snapshot, BadArgumentsAreUsageErrorsThatSayWhy) {
  auto [status, output] = snapshot(kSafeIsolation + " --out /dev/null --size 0x5");
  EXPECT_EQ(status, 2);
  EXPECT_NE(output.find("--size 0x5: expected WxH"), std::string::npos) << output;
  std::tie(status, output) = snapshot(kSafeIsolation + " --out /dev/null --eye middle");
  EXPECT_EQ(status, 2);
  EXPECT_NE(output.find("expected left, right or both"), std::string::npos) << output;
  std::tie(status, output) = snapshot(kSafeIsolation);
  EXPECT_EQ(status, 2);
  EXPECT_NE(output.find("--out FILE.png is required"), std::string::npos) << output;
  std::tie(status, output) = snapshot("/nonexistent --out /dev/null");
  EXPECT_EQ(status, 2);
  EXPECT_NE(output.find("not a scenario package"), std::string::npos) << output;
}

/// A one-object package whose object is `model:` (or, with model empty, the primitive).
std::filesystem::path modelPackage(const std::string& name, const std::string& model,
                                   const std::filesystem::path& modelFile) {
  const auto dir = std::filesystem::path(PRAXIS_BINARY_DIR) / "tests" / "render" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "tests");
  if (!modelFile.empty()) {
    std::filesystem::create_directories(dir / "assets");
    std::filesystem::copy_file(modelFile, dir / model);
  }
  std::ofstream(dir / "scenario.yaml")
      << "praxis: 1\nid: " << name << "\nversion: '1'\ntitle: {en: Model}\nlanguages: [en]\n"
      << "objects:\n  - id: crate\n    shape: box\n    size: [1, 1, 1]\n    pos: [0, 1, 0]\n"
      << "    colour: '#20c020'\n" << (model.empty() ? "" : "    model: " + model + "\n")
      << "steps:\n  - {id: wait, instruction: {en: Wait}, done_when: {elapsed: 1}}\n";
  std::ofstream(dir / "tests" / "reference.yaml")
      << "name: reference\nreference: true\nactions:\n  - wait: 2\nexpect: {outcome: passed}\n";
  return dir;
}

TEST(Snapshot, ObjectsDrawnFromModelFilesUseTheImportedModel) {
  const std::filesystem::path box =
      "/usr/share/assimp/models/glTF2/BoxTextured-glTF-Binary/BoxTextured.glb";
  ASSERT_TRUE(std::filesystem::exists(box)) << "assimp-testmodels is not installed";
  const auto withModel = modelPackage("model-package", "assets/box.glb", box);
  const auto primitive = modelPackage("primitive-package", "", {});
  const auto out = std::filesystem::path(PRAXIS_BINARY_DIR) / "tests" / "render";
  for (const auto& [dir, png] : {std::pair{withModel, out / "model.png"}, std::pair{primitive, out / "primitive.png"}}) {
    const auto [status, output] =
        snapshot(dir.string() + " --overview --validate --size 96x96 --out " + png.string());
    ASSERT_EQ(status, 0) << output;
  }
  const auto model = readPng(out / "model.png");
  const auto plain = readPng(out / "primitive.png");
  ASSERT_TRUE(model && plain);
  // The primitive is flat green; the model's texture is not: the centre pixels must differ.
  const auto* m = model->pixel(48, 48);
  const auto* p = plain->pixel(48, 48);
  EXPECT_GT(p[1], p[0] + 40) << "the primitive fallback is green";
  EXPECT_FALSE(m[1] > m[0] + 40 && m[1] > m[2] + 40) << "the imported, textured box is drawn instead";
}

TEST(Snapshot, AModelThatCannotBeImportedIsAnErrorNamingIt) {
  const auto dir = modelPackage("broken-model-package", "assets/nodes.gltf",
                                "/usr/share/assimp/models/glTF2/RecursiveNodes/RecursiveNodes.gltf");
  const auto [status, output] = snapshot(dir.string() + " --overview --size 32x32 --out /dev/null");
  EXPECT_EQ(status, 2) << output;
  EXPECT_NE(output.find("object 'crate': "), std::string::npos) << output;
  EXPECT_NE(output.find("nodes.gltf"), std::string::npos) << output;
}

TEST(Snapshot, AnUnwritableOutputIsAnErrorNamingTheFile) {
  const auto [status, output] =
      snapshot(kSafeIsolation + " --out /proc/praxis-cannot-write.png --size 32x32");
  EXPECT_EQ(status, 2);
  EXPECT_NE(output.find("/proc/praxis-cannot-write.png"), std::string::npos) << output;
}

}  // namespace
}  // namespace praxis::render::testing
