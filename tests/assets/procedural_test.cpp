#include "assets/procedural_models.h"

#include <gtest/gtest.h>

#include <glm/gtx/component_wise.hpp>

#include "assets/importer.h"
#include "assets/mesh_ops.h"
#include "assets/model_export.h"
#include "test_models.h"

namespace praxis::assets {
namespace {

struct Box3 {
  glm::vec3 lo{1e9F};
  glm::vec3 hi{-1e9F};
};

Box3 worldBounds(const Model& model) {
  Box3 b;
  for (const auto& inst : model.instances) {
    for (const auto& v : model.meshes[static_cast<std::size_t>(inst.mesh)].vertices) {
      const glm::vec3 p(inst.transform * glm::vec4(v.position, 1.0F));
      b.lo = glm::min(b.lo, p);
      b.hi = glm::max(b.hi, p);
    }
  }
  return b;
}

TEST(ProceduralModels, EachIsValidRestsOnTheFloorAndHasARealisticSize) {
  ASSERT_GE(proceduralModelNames().size(), 5U);
  for (const auto& name : proceduralModelNames()) {
    SCOPED_TRACE(name);
    auto model = makeProceduralModel(name);
    ASSERT_TRUE(model) << model.error().message;
    EXPECT_EQ(model->source, "procedural:" + name);
    EXPECT_GT(model->instances.size(), 3U);
    for (const auto& mesh : model->meshes) EXPECT_TRUE(checkMesh(mesh)) << mesh.name;
    for (const auto& mesh : model->meshes) {
      EXPECT_LT(mesh.material, static_cast<int>(model->materials.size()));
    }
    const Box3 b = worldBounds(*model);
    EXPECT_NEAR(b.lo.y, 0.0F, 0.006F);  // resting on the floor (a hanging tag may dip a little)
    const float longest = glm::compMax(b.hi - b.lo);
    EXPECT_GT(longest, 0.03F);
    EXPECT_LT(longest, 1.0F);
  }
}

TEST(ProceduralModels, UnknownNameListsTheKnownOnes) {
  auto model = makeProceduralModel("toaster");
  ASSERT_FALSE(model);
  EXPECT_NE(model.error().message.find("unknown procedural model 'toaster'"), std::string::npos);
  EXPECT_NE(model.error().message.find("padlock"), std::string::npos);
}

TEST(ProceduralModels, ExportedGlbImportsBackUnchanged) {
  testing::TempDir dir;
  for (const auto& name : proceduralModelNames()) {
    SCOPED_TRACE(name);
    auto model = makeProceduralModel(name);
    ASSERT_TRUE(model);
    const auto file = dir / (name + ".glb");
    auto written = exportModelGlb(*model, file);
    ASSERT_TRUE(written) << written.error().message;
    auto back = importModel(file);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->instances.size(), model->instances.size());
    const Box3 a = worldBounds(*model);
    const Box3 b = worldBounds(*back);
    for (int k = 0; k < 3; ++k) {
      EXPECT_NEAR(a.lo[k], b.lo[k], 1e-4F);
      EXPECT_NEAR(a.hi[k], b.hi[k], 1e-4F);
    }
    // Materials keep their factors (the importer may append Assimp's default material).
    ASSERT_GE(back->materials.size(), model->materials.size());
    for (std::size_t i = 0; i < model->materials.size(); ++i) {
      EXPECT_EQ(back->materials[i].name, model->materials[i].name);
      EXPECT_NEAR(glm::distance(back->materials[i].baseColour, model->materials[i].baseColour), 0.0F, 1e-5F);
      EXPECT_FLOAT_EQ(back->materials[i].metallic, model->materials[i].metallic);
      EXPECT_FLOAT_EQ(back->materials[i].roughness, model->materials[i].roughness);
      EXPECT_EQ(back->materials[i].alphaMode, model->materials[i].alphaMode);
    }
  }
}

TEST(ProceduralModels, ExportRefusesWhatItCannotWrite) {
  testing::TempDir dir;
  Model empty;
  auto result = exportModelGlb(empty, dir / "empty.glb");
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("empty.glb: nothing to export"), std::string::npos);
  auto unwritable = exportModelGlb(*makeProceduralModel("padlock"), dir / "no" / "such" / "dir.glb");
  ASSERT_FALSE(unwritable);
  EXPECT_NE(unwritable.error().message.find("dir.glb"), std::string::npos);
}

}  // namespace
}  // namespace praxis::assets
