#include "assets/model_cache.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <random>

#include "assets/model_blob.h"
#include "assets/mesh_ops.h"
#include "assets/primitives.h"
#include "core/paths.h"
#include "test_models.h"

namespace praxis::assets {
namespace {

using testing::kModels;
using testing::TempDir;
namespace fs = std::filesystem;

// Field-by-field equality; floats compared bit for bit (the blob must not round anything).
void expectSameModel(const Model& a, const Model& b) {
  ASSERT_EQ(a.meshes.size(), b.meshes.size());
  for (std::size_t i = 0; i < a.meshes.size(); ++i) {
    const Mesh& x = a.meshes[i];
    const Mesh& y = b.meshes[i];
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.material, y.material);
    EXPECT_EQ(x.boundsMin, y.boundsMin);
    EXPECT_EQ(x.boundsMax, y.boundsMax);
    EXPECT_EQ(x.indices, y.indices);
    ASSERT_EQ(x.vertices.size(), y.vertices.size());
    EXPECT_EQ(std::memcmp(x.vertices.data(), y.vertices.data(), x.vertices.size() * sizeof(Vertex)), 0);
  }
  ASSERT_EQ(a.materials.size(), b.materials.size());
  for (std::size_t i = 0; i < a.materials.size(); ++i) {
    const Material& x = a.materials[i];
    const Material& y = b.materials[i];
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.baseColour, y.baseColour);
    EXPECT_EQ(x.metallic, y.metallic);
    EXPECT_EQ(x.roughness, y.roughness);
    EXPECT_EQ(x.emissive, y.emissive);
    EXPECT_EQ(x.alphaMode, y.alphaMode);
    EXPECT_EQ(x.alphaCutoff, y.alphaCutoff);
    EXPECT_EQ(x.doubleSided, y.doubleSided);
    EXPECT_EQ(x.baseColourTexture, y.baseColourTexture);
    EXPECT_EQ(x.normalTexture, y.normalTexture);
    EXPECT_EQ(x.metallicRoughnessTexture, y.metallicRoughnessTexture);
    EXPECT_EQ(x.occlusionTexture, y.occlusionTexture);
    EXPECT_EQ(x.emissiveTexture, y.emissiveTexture);
  }
  ASSERT_EQ(a.textures.size(), b.textures.size());
  for (std::size_t i = 0; i < a.textures.size(); ++i) {
    EXPECT_EQ(a.textures[i].name, b.textures[i].name);
    EXPECT_EQ(a.textures[i].width, b.textures[i].width);
    EXPECT_EQ(a.textures[i].height, b.textures[i].height);
    EXPECT_EQ(a.textures[i].srgb, b.textures[i].srgb);
    EXPECT_EQ(a.textures[i].pixels, b.textures[i].pixels);
  }
  ASSERT_EQ(a.instances.size(), b.instances.size());
  for (std::size_t i = 0; i < a.instances.size(); ++i) {
    EXPECT_EQ(a.instances[i].mesh, b.instances[i].mesh);
    EXPECT_EQ(a.instances[i].transform, b.instances[i].transform);
  }
}

// A private copy of BoxTextured-glTF (gltf + bin + png) that tests may edit.
fs::path copyBoxTextured(const TempDir& dir) {
  const fs::path target = dir / "model";
  fs::copy(kModels / "glTF2/BoxTextured-glTF", target, fs::copy_options::recursive);
  return target / "BoxTextured.gltf";
}

void writeBytes(const fs::path& path, const std::string& bytes) {
  ASSERT_TRUE(core::writeFileAtomic(path, bytes));
}

TEST(ModelCache, SecondLoadSkipsAssimpAndGivesIdenticalData) {
  PRAXIS_REQUIRE_TEST_MODELS();
  TempDir cache;
  for (const char* rel : {"glTF2/2CylinderEngine-glTF-Binary/2CylinderEngine.glb",
                          "glTF2/BoxTextured-glTF/BoxTextured.gltf", "OBJ/spider.obj"}) {
    SCOPED_TRACE(rel);
    const fs::path source = kModels / rel;
    auto first = loadModelCached(source, cache.path());
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->origin, ModelOrigin::Imported);
    EXPECT_TRUE(fs::is_regular_file(first->cacheFile));
    EXPECT_EQ(first->cacheFile.parent_path(), cache.path());
    auto second = loadModelCached(source, cache.path());
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_EQ(second->origin, ModelOrigin::Cache);
    EXPECT_EQ(second->key, first->key);
    EXPECT_EQ(second->model.source, source.string());
    expectSameModel(first->model, second->model);
    auto direct = importModel(source);
    ASSERT_TRUE(direct);
    expectSameModel(*direct, second->model);
  }
}

TEST(ModelCache, CorruptedOrTruncatedBlobIsRebaked) {
  PRAXIS_REQUIRE_TEST_MODELS();
  TempDir cache;
  const fs::path source = kModels / "glTF2/BoxTextured-glTF-Binary/BoxTextured.glb";
  auto baked = loadModelCached(source, cache.path());
  ASSERT_TRUE(baked);
  const std::string good = *core::readFile(baked->cacheFile);
  std::string flipped = good;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x40);
  const struct {
    std::string bytes;
    const char* reason;
  } cases[] = {{flipped, "checksum"},
               {good.substr(0, good.size() / 2), "truncated"},
               {good.substr(0, 20), "bad magic"},
               {"", "bad magic"},
               {std::string(good.size(), '\0'), "bad magic"}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.reason);
    writeBytes(baked->cacheFile, c.bytes);
    auto again = loadModelCached(source, cache.path());
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->origin, ModelOrigin::Imported);
    EXPECT_NE(again->rebakeReason.find(c.reason), std::string::npos) << again->rebakeReason;
    EXPECT_NE(again->rebakeReason.find(baked->cacheFile.string()), std::string::npos);
    expectSameModel(baked->model, again->model);
    // The re-bake repaired the file.
    auto healed = loadModelCached(source, cache.path());
    ASSERT_TRUE(healed);
    EXPECT_EQ(healed->origin, ModelOrigin::Cache);
  }
}

TEST(ModelCache, EveryTruncationOfABlobIsRejected) {
  ModelBlob blob;
  blob.key = 42;
  blob.dependencies = {{"a.bin", 7}};
  blob.model = makePrimitiveModel(PrimitiveKind::Sphere, glm::vec3(1.0F), glm::vec4(1.0F), {6, 4});
  blob.model.textures.push_back({"t", 2, 1, true, std::vector<std::uint8_t>(8, 200)});
  blob.model.materials[0].baseColourTexture = 0;
  const std::string bytes = encodeModelBlob(blob);
  auto whole = decodeModelBlob(bytes, "blob");
  ASSERT_TRUE(whole) << whole.error().message;
  expectSameModel(whole->model, blob.model);
  EXPECT_EQ(whole->dependencies[0].path, "a.bin");
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    EXPECT_FALSE(decodeModelBlob(std::string_view(bytes).substr(0, n), "blob")) << n;
  }
}


TEST(ModelCache, RandomDamageBehindAValidChecksumNeverCrashes) {
  ModelBlob blob;
  blob.model = makePrimitiveModel(PrimitiveKind::Capsule, glm::vec3(1.0F), glm::vec4(1.0F), {5, 4});
  blob.model.textures.push_back({"t", 2, 2, false, std::vector<std::uint8_t>(16, 9)});
  blob.model.materials[0].normalTexture = 0;
  const std::string good = encodeModelBlob(blob);
  constexpr std::size_t kHeader = 40;  // magic 8, version 4, flags 4, key 8, size 8, checksum 8
  ASSERT_EQ(modelBlobChecksum(std::string_view(good).substr(kHeader)),
            [&] { std::uint64_t v; std::memcpy(&v, good.data() + 32, 8); return v; }());
  std::mt19937 rng(1234);
  int rejected = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string bytes = good;
    const int flips = 1 + static_cast<int>(rng() % 4);
    for (int f = 0; f < flips; ++f) {
      const std::size_t at = kHeader + rng() % (bytes.size() - kHeader);
      bytes[at] = static_cast<char>(rng());
    }
    const std::uint64_t sum = modelBlobChecksum(std::string_view(bytes).substr(kHeader));
    std::memcpy(bytes.data() + 32, &sum, 8);
    auto decoded = decodeModelBlob(bytes, "fuzz");
    if (!decoded) {
      ++rejected;
      continue;
    }
    // Whatever survives must still be safe to hand to the renderer.
    for (const auto& mesh : decoded->model.meshes) EXPECT_TRUE(checkMesh(mesh));
  }
  EXPECT_GT(rejected, 100);
}

TEST(ModelCache, BlobWithBadReferencesIsRejectedEvenWithAValidChecksum) {
  ModelBlob blob;
  blob.model = makePrimitiveModel(PrimitiveKind::Box, glm::vec3(1.0F), glm::vec4(1.0F));
  blob.model.instances[0].mesh = 3;
  auto bad = decodeModelBlob(encodeModelBlob(blob), "x.pxmodel");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("missing mesh"), std::string::npos);
  blob.model.instances[0].mesh = 0;
  blob.model.meshes[0].indices[5] = 1000;
  bad = decodeModelBlob(encodeModelBlob(blob), "x.pxmodel");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("out of range"), std::string::npos);
}

TEST(ModelCache, ChangedSourceGivesANewKey) {
  PRAXIS_REQUIRE_TEST_MODELS();
  TempDir dir;
  TempDir cache;
  const fs::path source = copyBoxTextured(dir);
  auto first = loadModelCached(source, cache.path());
  ASSERT_TRUE(first);
  std::string text = *core::readFile(source);
  const auto at = text.find("\"Texture\"");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 9, "\"Renamed\"");
  writeBytes(source, text);
  auto second = loadModelCached(source, cache.path());
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_NE(second->key, first->key);
  EXPECT_NE(second->cacheFile, first->cacheFile);
  EXPECT_EQ(second->origin, ModelOrigin::Imported);
  EXPECT_EQ(second->model.materials[0].name, "Renamed");
  EXPECT_NE(modelCacheKey("abc", {}), modelCacheKey("abc", ImportOptions{.scale = 2.0F}));
}

TEST(ModelCache, ChangedTextureOrBufferIsRebaked) {
  PRAXIS_REQUIRE_TEST_MODELS();
  TempDir dir;
  TempDir cache;
  const fs::path source = copyBoxTextured(dir);
  ASSERT_TRUE(loadModelCached(source, cache.path()));
  // Another valid PNG under the same name.
  fs::copy_file(kModels / "glTF2/textureTransform/UV.png", source.parent_path() / "CesiumLogoFlat.png",
                fs::copy_options::overwrite_existing);
  auto second = loadModelCached(source, cache.path());
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->origin, ModelOrigin::Imported);
  EXPECT_NE(second->rebakeReason.find("CesiumLogoFlat.png changed"), std::string::npos)
      << second->rebakeReason;
  EXPECT_NE(second->model.textures[0].width, 211U);
  // A deleted buffer: the cache must not hide that the model is now broken.
  fs::remove(source.parent_path() / "BoxTextured0.bin");
  auto third = loadModelCached(source, cache.path());
  ASSERT_FALSE(third);
  EXPECT_NE(third.error().message.find("BoxTextured0.bin"), std::string::npos) << third.error().message;
}

TEST(ModelCache, UnwritableCacheStillLoadsTheModel) {
  PRAXIS_REQUIRE_TEST_MODELS();
  TempDir dir;
  const fs::path notADir = dir / "file";
  testing::writeText(notADir, "x");
  auto model = loadModelCached(kModels / "glTF2/BoxTextured-glTF-Binary/BoxTextured.glb", notADir);
  ASSERT_TRUE(model) << model.error().message;
  EXPECT_EQ(model->origin, ModelOrigin::Imported);
  ASSERT_FALSE(model->warnings.empty());
  EXPECT_NE(model->warnings.back().find("model cache not written"), std::string::npos);
}

TEST(ModelCache, BrokenSourceIsAnErrorNamingIt) {
  PRAXIS_REQUIRE_TEST_MODELS();
  TempDir cache;
  const fs::path source = kModels / "glTF2/RecursiveNodes/RecursiveNodes.gltf";
  auto model = loadModelCached(source, cache.path());
  ASSERT_FALSE(model);
  EXPECT_NE(model.error().message.find(source.string()), std::string::npos);
  EXPECT_TRUE(fs::is_empty(cache.path()));
  auto missing = loadModelCached(cache / "nope.glb", cache.path());
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("nope.glb"), std::string::npos);
}

TEST(ModelCache, RebakePolicyAlwaysImports) {
  PRAXIS_REQUIRE_TEST_MODELS();
  TempDir cache;
  const fs::path source = kModels / "glTF2/BoxTextured-glTF-Binary/BoxTextured.glb";
  ASSERT_TRUE(loadModelCached(source, cache.path()));
  auto again = loadModelCached(source, cache.path(), {}, CachePolicy::Rebake);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->origin, ModelOrigin::Imported);
}

TEST(ModelCache, DefaultFolderIsUnderUserData) {
  TempDir home;
  ::setenv("XDG_DATA_HOME", home.path().c_str(), 1);
  auto dir = defaultModelCacheDir();
  ::unsetenv("XDG_DATA_HOME");
  ASSERT_TRUE(dir) << dir.error().message;
  EXPECT_EQ(*dir, home.path() / "praxis" / "cache" / "models");
  EXPECT_TRUE(fs::is_directory(*dir));
}

}  // namespace
}  // namespace praxis::assets
