#include "assets/importer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include "assets/mesh_ops.h"
#include "test_models.h"

namespace praxis::assets {
namespace {

using testing::kModels;
using testing::TempDir;
using testing::writeText;
namespace fs = std::filesystem;

std::size_t vertexCount(const Model& m) {
  std::size_t n = 0;
  for (const auto& mesh : m.meshes) n += mesh.vertices.size();
  return n;
}

void expectSane(const Model& model) {
  ASSERT_FALSE(model.meshes.empty());
  ASSERT_FALSE(model.instances.empty());
  for (const auto& mesh : model.meshes) {
    EXPECT_TRUE(checkMesh(mesh)) << checkMesh(mesh).error().message;
    EXPECT_GE(mesh.material, 0);
    EXPECT_LT(mesh.material, static_cast<int>(model.materials.size()));
    EXPECT_TRUE(glm::all(glm::lessThanEqual(mesh.boundsMin, mesh.boundsMax))) << mesh.name;
  }
  for (const auto& inst : model.instances) {
    EXPECT_GE(inst.mesh, 0);
    EXPECT_LT(inst.mesh, static_cast<int>(model.meshes.size()));
  }
  for (const auto& mat : model.materials) {
    for (int t : {mat.baseColourTexture, mat.normalTexture, mat.metallicRoughnessTexture,
                  mat.occlusionTexture, mat.emissiveTexture}) {
      EXPECT_GE(t, kNoTexture);
      EXPECT_LT(t, static_cast<int>(model.textures.size()));
    }
  }
  for (const auto& tex : model.textures) {
    EXPECT_EQ(tex.pixels.size(), std::size_t{tex.width} * tex.height * 4U) << tex.name;
  }
}

TEST(Importer, BoxTexturedWithExternalBufferAndTexture) {
  PRAXIS_REQUIRE_TEST_MODELS();
  const auto path = kModels / "glTF2/BoxTextured-glTF/BoxTextured.gltf";
  auto report = importModelWithReport(path);
  ASSERT_TRUE(report) << report.error().message;
  const Model& model = report->model;
  expectSane(model);
  EXPECT_EQ(model.source, path.string());
  ASSERT_EQ(model.meshes.size(), 1U);
  EXPECT_EQ(model.meshes[0].vertices.size(), 24U);
  EXPECT_EQ(model.meshes[0].indices.size(), 36U);
  EXPECT_NEAR(model.meshes[0].boundsMin.x, -0.5F, 1e-5F);
  EXPECT_NEAR(model.meshes[0].boundsMax.y, 0.5F, 1e-5F);
  ASSERT_EQ(model.textures.size(), 1U);
  EXPECT_EQ(model.textures[0].width, 211U);
  EXPECT_EQ(model.textures[0].height, 211U);
  EXPECT_TRUE(model.textures[0].srgb);  // base colour
  const Material& mat = model.materials[static_cast<std::size_t>(model.meshes[0].material)];
  EXPECT_EQ(mat.baseColourTexture, 0);
  EXPECT_EQ(mat.alphaMode, AlphaMode::Opaque);
  EXPECT_FLOAT_EQ(mat.metallic, 0.0F);
  std::vector<std::string> deps;
  for (const auto& d : report->dependencies) deps.push_back(d.filename().string());
  EXPECT_EQ(deps, (std::vector<std::string>{"BoxTextured0.bin", "CesiumLogoFlat.png"}));
}

TEST(Importer, EmbeddedAndBinaryTexturesDecodeToTheSamePixels) {
  PRAXIS_REQUIRE_TEST_MODELS();
  auto external = importModel(kModels / "glTF2/BoxTextured-glTF/BoxTextured.gltf");
  auto glb = importModel(kModels / "glTF2/BoxTextured-glTF-Binary/BoxTextured.glb");
  auto embedded = importModel(kModels / "glTF2/BoxTextured-glTF-Embedded/BoxTextured.gltf");
  ASSERT_TRUE(external && glb && embedded);
  ASSERT_EQ(glb->textures.size(), 1U);
  ASSERT_EQ(embedded->textures.size(), 1U);
  EXPECT_EQ(glb->textures[0].pixels, external->textures[0].pixels);
  EXPECT_EQ(embedded->textures[0].pixels, external->textures[0].pixels);
  EXPECT_TRUE(glb->textures[0].srgb);
}

TEST(Importer, TwoCylinderEngineHasAllItsParts) {
  PRAXIS_REQUIRE_TEST_MODELS();
  auto model = importModel(kModels / "glTF2/2CylinderEngine-glTF-Binary/2CylinderEngine.glb");
  ASSERT_TRUE(model) << model.error().message;
  expectSane(*model);
  EXPECT_EQ(model->meshes.size(), 34U);
  EXPECT_GE(model->instances.size(), 34U);
  EXPECT_EQ(vertexCount(*model), 55843U);
  // The engine is about 0.8 m long once its node transforms are applied (source in mm).
  glm::vec3 lo(1e9F);
  glm::vec3 hi(-1e9F);
  for (const auto& inst : model->instances) {
    const Mesh& mesh = model->meshes[static_cast<std::size_t>(inst.mesh)];
    for (const auto& v : mesh.vertices) {
      const glm::vec3 p = glm::vec3(inst.transform * glm::vec4(v.position, 1.0F));
      lo = glm::min(lo, p);
      hi = glm::max(hi, p);
    }
  }
  const glm::vec3 extent = hi - lo;
  EXPECT_GT(glm::length(extent), 1.0F);
  EXPECT_LT(glm::length(extent), 10000.0F);
}

TEST(Importer, PackedMetallicRoughnessIsLinearAndBaseColourIsSrgb) {
  PRAXIS_REQUIRE_TEST_MODELS();
  // boxTexcoords uses one image as base colour and as metallic-roughness (on UV set 1).
  auto report = importModelWithReport(kModels / "glTF2/BoxTexcoords-glTF/boxTexcoords.gltf",
                                      ImportOptions{.strict = false});
  ASSERT_TRUE(report) << report.error().message;
  const Model& model = report->model;
  const auto it = std::find_if(model.materials.begin(), model.materials.end(),
                               [](const Material& m) { return m.baseColourTexture != kNoTexture; });
  ASSERT_NE(it, model.materials.end());
  ASSERT_NE(it->metallicRoughnessTexture, kNoTexture);
  EXPECT_NE(it->metallicRoughnessTexture, it->baseColourTexture);
  EXPECT_TRUE(model.textures[static_cast<std::size_t>(it->baseColourTexture)].srgb);
  EXPECT_FALSE(model.textures[static_cast<std::size_t>(it->metallicRoughnessTexture)].srgb);
  // UV set 1 is not supported: strict mode says so, naming the file.
  auto strict = importModel(kModels / "glTF2/BoxTexcoords-glTF/boxTexcoords.gltf");
  ASSERT_FALSE(strict);
  EXPECT_NE(strict.error().message.find("boxTexcoords.gltf"), std::string::npos);
  EXPECT_NE(strict.error().message.find("UV set 1"), std::string::npos);
}

TEST(Importer, NormalMapsAreLinearAndEmissiveIsSrgb) {
  PRAXIS_REQUIRE_TEST_MODELS();
  auto model = importModel(kModels / "glTF2/ClearCoat-glTF/ClearCoatTest.gltf");
  ASSERT_TRUE(model) << model.error().message;
  expectSane(*model);
  int normals = 0;
  int emissive = 0;
  for (const auto& m : model->materials) {
    if (m.normalTexture != kNoTexture) {
      ++normals;
      EXPECT_FALSE(model->textures[static_cast<std::size_t>(m.normalTexture)].srgb);
    }
    if (m.emissiveTexture != kNoTexture) {
      ++emissive;
      EXPECT_TRUE(model->textures[static_cast<std::size_t>(m.emissiveTexture)].srgb);
    }
  }
  EXPECT_GT(normals, 0);
  EXPECT_GT(emissive, 0);
}

TEST(Importer, GltfSampleAndGeneratorModelsImport) {
  PRAXIS_REQUIRE_TEST_MODELS();
  for (const char* rel : {"glTF2/glTF-Sample-Models/AnimatedMorphCube-glTF/AnimatedMorphCube.gltf",
                          "glTF2/glTF-Asset-Generator/Mesh_PrimitiveMode/Mesh_PrimitiveMode_04.gltf",
                          "glTF2/textureTransform/TextureTransformTest.gltf",
                          "glTF2/draco/2CylinderEngine.gltf"}) {
    SCOPED_TRACE(rel);
    auto model = importModel(kModels / rel);
    ASSERT_TRUE(model) << model.error().message;
    expectSane(*model);
  }
}

TEST(Importer, ObjAndFbxImport) {
  PRAXIS_REQUIRE_TEST_MODELS();
  auto spider = importModel(kModels / "OBJ/spider.obj");
  ASSERT_TRUE(spider) << spider.error().message;
  expectSane(*spider);
  EXPECT_EQ(spider->textures.size(), 5U);  // .\name.jpg paths from the .mtl resolve
  auto box = importModel(kModels / "FBX/box.fbx");
  ASSERT_TRUE(box) << box.error().message;
  expectSane(*box);
  auto objBox = importModel(kModels / "OBJ/box.obj");
  ASSERT_TRUE(objBox) << objBox.error().message;
  expectSane(*objBox);
  // A cube with hard edges keeps face normals (the smoothing angle is below 90 degrees).
  EXPECT_EQ(vertexCount(*objBox), 24U);
}

TEST(Importer, MissingTexturesFailInStrictModeAndWarnOtherwise) {
  PRAXIS_REQUIRE_TEST_MODELS();
  // spider.fbx names textures by absolute Windows paths that do not exist beside it.
  const auto path = kModels / "FBX/spider.fbx";
  auto strict = importModel(path);
  ASSERT_FALSE(strict);
  EXPECT_NE(strict.error().message.find("spider.fbx"), std::string::npos) << strict.error().message;
  EXPECT_NE(strict.error().message.find("not found"), std::string::npos) << strict.error().message;
  auto lenient = importModelWithReport(path, ImportOptions{.strict = false});
  ASSERT_TRUE(lenient) << lenient.error().message;
  expectSane(lenient->model);
  EXPECT_FALSE(lenient->warnings.empty());
}

struct BrokenCase {
  const char* file;
  const char* reason;  // a fragment the message must contain besides the file name
};

TEST(Importer, BrokenGltfFilesGiveClearErrors) {
  PRAXIS_REQUIRE_TEST_MODELS();
  const BrokenCase cases[] = {
      {"glTF2/IndexOutOfRange/IndexOutOfRange.gltf", "out-of-range"},
      {"glTF2/IndexOutOfRange/AllIndicesOutOfRange.gltf", "no faces"},
      {"glTF2/MissingBin/BoxTextured.gltf", "BoxTextured0.bin"},
      {"glTF2/RecursiveNodes/RecursiveNodes.gltf", "recursive"},
      {"glTF2/SchemaFailures/sceneWrongType.gltf", "\"scene\""},
      {"glTF2/BoxWithInfinites-glTF-Binary/BoxWithInfinites.glb", "non-finite"},
      {"glTF2/wrongTypes/badArray.gltf", "not of type \"array\""},
      {"glTF2/wrongTypes/badExtension.gltf", "not of type \"object\""},
      {"glTF2/wrongTypes/badNumber.gltf", "not of type \"number\""},
      {"glTF2/wrongTypes/badObject.gltf", "not of type \"object\""},
      {"glTF2/wrongTypes/badString.gltf", "not of type \"string\""},
      {"glTF2/wrongTypes/badUint.gltf", "not of type \"uint\""},
      {"glTF2/IncorrectVertexArrays/Cube.gltf", "dropped"},
      {"glTF2/TestNoRootNode/NoScene.gltf", "No scene"},
      {"glTF2/TestNoRootNode/SceneWithoutNodes.gltf", "no triangle meshes"},
      {"glTF2/glTF-Asset-Generator/Mesh_PrimitiveMode/Mesh_PrimitiveMode_00.gltf", "points"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    const auto path = kModels / c.file;
    ASSERT_TRUE(fs::exists(path));
    auto model = importModel(path);
    ASSERT_FALSE(model) << "imported a broken model";
    EXPECT_NE(model.error().message.find(path.string()), std::string::npos) << model.error().message;
    EXPECT_NE(model.error().message.find(c.reason), std::string::npos) << model.error().message;
  }
}

TEST(Importer, EveryFileInInvalidFolderFailsCleanly) {
  PRAXIS_REQUIRE_TEST_MODELS();
  int count = 0;
  for (const auto& entry : fs::directory_iterator(kModels / "invalid")) {
    SCOPED_TRACE(entry.path().string());
    // Assimp's OFF reader allocates about 16 GB for this one (Assimp 5.2.5); it is checked
    // below through the default path, which never hands .off files to Assimp.
    if (entry.path().filename() == "OutOfMemory.off") continue;
    ++count;
    // Exercise Assimp's other parsers too: these files target them.
    auto model = importModel(entry.path(), ImportOptions{.anyAssimpFormat = true});
    ASSERT_FALSE(model) << "imported " << entry.path();
    EXPECT_NE(model.error().message.find(entry.path().string()), std::string::npos)
        << model.error().message;
  }
  EXPECT_GE(count, 14);
  auto oom = importModel(kModels / "invalid/OutOfMemory.off");
  ASSERT_FALSE(oom);
  EXPECT_NE(oom.error().message.find("OutOfMemory.off: unsupported model format"), std::string::npos);
  auto malformed2 = importModel(kModels / "invalid/malformed2.obj");
  ASSERT_FALSE(malformed2);
  EXPECT_NE(malformed2.error().message.find("empty face"), std::string::npos);
  auto threeDs = importModel(kModels / "invalid/empty.3ds");
  ASSERT_FALSE(threeDs);
  EXPECT_NE(threeDs.error().message.find("unsupported model format '.3ds'"), std::string::npos);
}

TEST(Importer, BadNormalsAreRecomputedWithAWarning) {
  PRAXIS_REQUIRE_TEST_MODELS();
  auto report = importModelWithReport(kModels / "glTF2/BoxBadNormals-glTF-Binary/BoxBadNormals.glb");
  ASSERT_TRUE(report) << report.error().message;
  expectSane(report->model);
  ASSERT_FALSE(report->warnings.empty());
  EXPECT_NE(report->warnings[0].find("zero-length or non-finite normals"), std::string::npos);
}

TEST(Importer, MissingFileNamesTheFile) {
  auto model = importModel("/nonexistent/dir/thing.glb");
  ASSERT_FALSE(model);
  EXPECT_EQ(model.error().message, "/nonexistent/dir/thing.glb: cannot open: no such file");
}

TEST(Importer, ObjUvsAreFlippedToTopLeftOriginAndWindingIsKept) {
  TempDir dir;
  // A unit quad facing +Z, counter-clockwise, with OBJ's bottom-left UV origin.
  writeText(dir / "quad.obj",
            "v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nvt 0 0\nvt 1 0\nvt 1 1\nvt 0 1\n"
            "vn 0 0 1\nf 1/1/1 2/2/1 3/3/1 4/4/1\n");
  auto model = importModel(dir / "quad.obj");
  ASSERT_TRUE(model) << model.error().message;
  ASSERT_EQ(model->meshes.size(), 1U);
  const Mesh& mesh = model->meshes[0];
  for (const auto& v : mesh.vertices) {
    // The image's first row is at the top: bottom-left corner (0,0,0) has v = 1.
    EXPECT_NEAR(v.uv.x, v.position.x, 1e-6F);
    EXPECT_NEAR(v.uv.y, 1.0F - v.position.y, 1e-6F);
    // Tangent along +u (+X) and bitangent cross(n, t) * w up the image (+Y): w = +1.
    EXPECT_NEAR(v.tangent.x, 1.0F, 1e-5F);
    EXPECT_EQ(v.tangent.w, 1.0F);
  }
  for (std::size_t i = 0; i < mesh.indices.size(); i += 3) {
    const auto& a = mesh.vertices[mesh.indices[i]].position;
    const auto& b = mesh.vertices[mesh.indices[i + 1]].position;
    const auto& c = mesh.vertices[mesh.indices[i + 2]].position;
    EXPECT_GT(glm::cross(b - a, c - a).z, 0.0F);  // still counter-clockwise seen from +Z
  }
}

TEST(Importer, MirroredUvsGiveNegativeHandedness) {
  TempDir dir;
  writeText(dir / "mirror.obj",
            "v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nvt 1 0\nvt 0 0\nvt 0 1\nvt 1 1\n"
            "vn 0 0 1\nf 1/1/1 2/2/1 3/3/1 4/4/1\n");
  auto model = importModel(dir / "mirror.obj");
  ASSERT_TRUE(model) << model.error().message;
  for (const auto& v : model->meshes[0].vertices) {
    EXPECT_NEAR(v.tangent.x, -1.0F, 1e-5F);
    EXPECT_EQ(v.tangent.w, -1.0F);
  }
}

TEST(Importer, ScaleOptionScalesTheRoot) {
  PRAXIS_REQUIRE_TEST_MODELS();
  auto model = importModel(kModels / "glTF2/BoxTextured-glTF-Binary/BoxTextured.glb",
                           ImportOptions{.scale = 0.01F});
  ASSERT_TRUE(model);
  const glm::vec4 corner = model->instances[0].transform * glm::vec4(model->meshes[0].boundsMax, 1.0F);
  EXPECT_NEAR(glm::length(glm::vec3(corner)), 0.01F * std::sqrt(0.75F), 1e-6F);
}

TEST(Importer, ConcurrentImportsKeepTheirOwnAssimpMessages) {
  PRAXIS_REQUIRE_TEST_MODELS();
  // One thread imports a model whose Assimp warnings make it fail; the other a clean model,
  // which must never pick up the first one's messages.
  std::atomic<int> wrongly{0};
  std::thread bad([&] {
    for (int i = 0; i < 20; ++i) {
      if (importModel(kModels / "glTF2/IndexOutOfRange/IndexOutOfRange.gltf")) ++wrongly;
    }
  });
  std::thread good([&] {
    for (int i = 0; i < 20; ++i) {
      if (!importModel(kModels / "glTF2/BoxTextured-glTF-Binary/BoxTextured.glb")) ++wrongly;
    }
  });
  bad.join();
  good.join();
  EXPECT_EQ(wrongly.load(), 0);
}

}  // namespace
}  // namespace praxis::assets
