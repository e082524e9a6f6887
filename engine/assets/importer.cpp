// Assimp import: run Assimp with the post-processing Praxis needs, then check everything it
// returns before converting it (Assimp passes some broken input through unchanged).
#include "assets/importer.h"

#include <assimp/DefaultIOSystem.h>
#include <assimp/Importer.hpp>
#include <assimp/config.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <assimp/version.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <exception>
#include <set>

#include <glm/gtc/matrix_transform.hpp>

#include "assets/assimp_log.h"
#include "assets/import_detail.h"
#include "assets/mesh_ops.h"

namespace praxis::assets {
namespace detail {

void ImportContext::warn(const std::string& message) {
  report->warnings.push_back(message);
  options->log.warning(source.string() + ": " + message);
}

core::Result<void> ImportContext::problem(const std::string& message) {
  if (options->strict) return core::fail(message);
  warn(message);
  return {};
}

}  // namespace detail

namespace {

namespace fs = std::filesystem;

// Node trees deeper than this are treated as corrupt (glTF skeletons stay far below it).
constexpr int kMaxNodeDepth = 256;
constexpr std::size_t kMaxNodes = 1'000'000;

// Remembers every file Assimp opens (glTF buffers, OBJ material libraries) so the baked
// cache can tell when one of them changes.
class RecordingIOSystem final : public Assimp::DefaultIOSystem {
 public:
  explicit RecordingIOSystem(std::set<fs::path>* opened) : opened_(opened) {}
  Assimp::IOStream* Open(const char* file, const char* mode) override {
    Assimp::IOStream* stream = Assimp::DefaultIOSystem::Open(file, mode);
    if (stream != nullptr) {
      std::error_code ec;
      opened_->insert(fs::weakly_canonical(fs::path(file), ec));
    }
    return stream;
  }

 private:
  std::set<fs::path>* opened_;
};

// Assimp reports some data loss only as a log line and carries on; in strict mode these
// lines fail the import, because a model with silently missing triangles is a broken asset.
bool meansDroppedData(const std::string& message) {
  static constexpr const char* kPatterns[] = {
      "out-of-range", "out of range", "were dropped", "Ignoring empty face",
      "Unable to locate material file", "Invalid face index"};
  return std::any_of(std::begin(kPatterns), std::end(kPatterns), [&](const char* p) {
    return message.find(p) != std::string::npos;
  });
}

std::string lowerExtension(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

std::string trimmed(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

bool finite(const aiVector3D& v) {
  return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z);
}

glm::vec3 toGlm(const aiVector3D& v) { return {v.x, v.y, v.z}; }

// aiMatrix4x4 is row-major, glm column-major.
core::Mat4 toGlm(const aiMatrix4x4& m) {
  return glm::transpose(core::Mat4(m.a1, m.a2, m.a3, m.a4, m.b1, m.b2, m.b3, m.b4, m.c1, m.c2,
                                   m.c3, m.c4, m.d1, m.d2, m.d3, m.d4));
}

void copyVertices(const aiMesh& in, Mesh& out) {
  const bool fileTangents = in.mTangents != nullptr && in.mBitangents != nullptr;
  out.vertices.resize(in.mNumVertices);
  for (unsigned v = 0; v < in.mNumVertices; ++v) {
    Vertex& vertex = out.vertices[v];
    vertex.position = toGlm(in.mVertices[v]);
    vertex.normal = in.mNormals != nullptr ? toGlm(in.mNormals[v]) : glm::vec3(0.0F);
    // Exporters often write unnormalised normals; only zero or non-finite ones need repair.
    if (const float len = glm::length(vertex.normal); std::isfinite(len) && len > 1e-12F) {
      vertex.normal /= len;
    }
    if (in.mTextureCoords[0] != nullptr) {
      const aiVector3D& uv = in.mTextureCoords[0][v];
      vertex.uv = {std::isfinite(uv.x) ? uv.x : 0.0F, std::isfinite(uv.y) ? uv.y : 0.0F};
    }
    if (fileTangents) {
      // Bitangents from the file point up the image, so their side gives glTF's w.
      const glm::vec3 t = toGlm(in.mTangents[v]);
      const glm::vec3 b = toGlm(in.mBitangents[v]);
      vertex.tangent = glm::vec4(t, glm::dot(glm::cross(vertex.normal, t), b) < 0.0F ? -1.0F : 1.0F);
    }
  }
}

// Keeps the tangents the file provides (orthogonalised against the final normals) when all
// of them are usable; otherwise the caller derives them from the UVs.
bool useFileTangents(const aiMesh& in, Mesh& out) {
  if (in.mTangents == nullptr || in.mBitangents == nullptr) return false;
  for (auto& v : out.vertices) {
    const glm::vec3 t = glm::vec3(v.tangent) - v.normal * glm::dot(v.normal, glm::vec3(v.tangent));
    const float len = glm::length(t);
    if (!std::isfinite(len) || len < 1e-6F) return false;
    v.tangent = glm::vec4(t / len, v.tangent.w);
  }
  return true;
}

// Converts one Assimp mesh; the caller skips meshes without triangles.
core::Result<Mesh> convertMesh(const aiMesh& in, unsigned index, unsigned materialCount,
                               detail::ImportContext& ctx) {
  Mesh out;
  out.name = in.mName.length > 0 ? in.mName.C_Str() : "mesh " + std::to_string(index);
  const std::string who = "mesh '" + out.name + "'";
  if (in.mNumVertices == 0 || in.mVertices == nullptr || in.mNumFaces == 0 || in.mFaces == nullptr) {
    return core::fail(who, " is empty");
  }
  if (in.mMaterialIndex >= materialCount) {
    return core::fail(who, " uses material ", std::to_string(in.mMaterialIndex), " of ",
                      std::to_string(materialCount));
  }
  out.material = static_cast<int>(in.mMaterialIndex);
  for (unsigned v = 0; v < in.mNumVertices; ++v) {
    if (!finite(in.mVertices[v])) {
      return core::fail(who, " vertex ", std::to_string(v),
                        " has a non-finite position (infinity or NaN)");
    }
  }
  out.indices.reserve(std::size_t{in.mNumFaces} * 3U);
  for (unsigned f = 0; f < in.mNumFaces; ++f) {
    const aiFace& face = in.mFaces[f];
    if (face.mNumIndices != 3 || face.mIndices == nullptr) continue;  // stray point or line
    for (unsigned k = 0; k < 3; ++k) {
      if (face.mIndices[k] >= in.mNumVertices) {
        return core::fail(who, " face ", std::to_string(f), " index ",
                          std::to_string(face.mIndices[k]), " is out of range (",
                          std::to_string(in.mNumVertices), " vertices)");
      }
      out.indices.push_back(face.mIndices[k]);
    }
  }
  if (out.indices.empty()) return core::fail(who, " has no triangles");
  copyVertices(in, out);
  // Bad normals are repairable, so they are a warning even in strict mode.
  if (const int fixed = repairNormals(out); fixed > 0 && in.mNormals != nullptr) {
    ctx.warn(who + " had " + std::to_string(fixed) +
             " zero-length or non-finite normals; recomputed them from the faces");
  }
  if (!useFileTangents(in, out)) computeTangents(out);
  computeBounds(out);
  if (auto ok = checkMesh(out); !ok) return std::unexpected(ok.error());
  return out;
}

core::Result<void> convertMeshes(detail::ImportContext& ctx, std::vector<int>& meshMap) {
  const aiScene& scene = *ctx.scene;
  meshMap.assign(scene.mNumMeshes, -1);
  for (unsigned i = 0; i < scene.mNumMeshes; ++i) {
    const aiMesh* in = scene.mMeshes[i];
    if (in == nullptr) return core::fail("mesh ", std::to_string(i), " is missing");
    // Points and lines were split off by SortByPType; Praxis draws triangles only.
    if ((in->mPrimitiveTypes & aiPrimitiveType_TRIANGLE) == 0) continue;
    auto mesh = convertMesh(*in, i, scene.mNumMaterials, ctx);
    if (!mesh) return std::unexpected(mesh.error());
    meshMap[i] = static_cast<int>(ctx.report->model.meshes.size());
    ctx.report->model.meshes.push_back(std::move(*mesh));
  }
  return {};
}

// Walks the node tree without recursion, with limits, so a corrupt hierarchy cannot
// overflow the stack or loop forever.
core::Result<void> flattenNodes(detail::ImportContext& ctx, const std::vector<int>& meshMap) {
  struct Item {
    const aiNode* node;
    core::Mat4 parent;
    int depth;
  };
  const aiScene& scene = *ctx.scene;
  std::vector<Item> stack{{scene.mRootNode, glm::scale(core::Mat4(1.0F), glm::vec3(ctx.options->scale)), 0}};
  std::size_t visited = 0;
  while (!stack.empty()) {
    const Item item = stack.back();
    stack.pop_back();
    if (item.node == nullptr) return core::fail("the node hierarchy has a missing node");
    if (++visited > kMaxNodes || item.depth > kMaxNodeDepth) {
      return core::fail("the node hierarchy is deeper than ", std::to_string(kMaxNodeDepth),
                        " levels or larger than ", std::to_string(kMaxNodes),
                        " nodes (recursive nodes?)");
    }
    const core::Mat4 world = item.parent * toGlm(item.node->mTransformation);
    for (int c = 0; c < 4; ++c) {
      for (int r = 0; r < 4; ++r) {
        if (!std::isfinite(world[c][r])) {
          return core::fail("node '", item.node->mName.C_Str(), "' has a non-finite transform");
        }
      }
    }
    for (unsigned m = 0; m < item.node->mNumMeshes; ++m) {
      const unsigned meshIndex = item.node->mMeshes[m];
      if (meshIndex >= meshMap.size()) {
        return core::fail("node '", item.node->mName.C_Str(), "' names mesh ",
                          std::to_string(meshIndex), " of ", std::to_string(meshMap.size()));
      }
      if (meshMap[meshIndex] >= 0) ctx.report->model.instances.push_back({meshMap[meshIndex], world});
    }
    for (unsigned c = item.node->mNumChildren; c > 0; --c) {
      stack.push_back({item.node->mChildren[c - 1], world, item.depth + 1});
    }
  }
  return {};
}

unsigned postProcessFlags() {
  // Not FindInvalidData, RemoveRedundantMaterials or SortByPType's removal: they turn broken
  // input into "No meshes remaining" without saying why; Praxis checks and says it itself.
  return aiProcess_Triangulate | aiProcess_GenSmoothNormals | aiProcess_JoinIdenticalVertices |
         aiProcess_SortByPType | aiProcess_ValidateDataStructure | aiProcess_FlipUVs |
         aiProcess_GenUVCoords | aiProcess_TransformUVCoords | aiProcess_ImproveCacheLocality;
}

core::Result<void> checkAssimpLog(detail::ImportContext& ctx,
                                  const detail::AssimpLogCapture& log) {
  for (const auto* list : {&log.errors, &log.warnings}) {
    for (const auto& line : *list) {
      const std::string message = trimmed(line);
      if (meansDroppedData(message)) {
        if (auto ok = ctx.problem("Assimp dropped data: " + message); !ok) return ok;
      }
    }
  }
  return {};
}

core::Result<void> convertScene(detail::ImportContext& ctx) {
  const aiScene& scene = *ctx.scene;
  if (scene.mRootNode == nullptr) return core::fail("has no scene to import");
  if (auto ok = detail::convertMaterials(ctx); !ok) return ok;
  std::vector<int> meshMap;
  if (auto ok = convertMeshes(ctx, meshMap); !ok) return ok;
  if (ctx.report->model.meshes.empty()) {
    return core::fail("contains no triangle meshes to draw (points and lines are not drawn)");
  }
  if (auto ok = flattenNodes(ctx, meshMap); !ok) return ok;
  if (ctx.report->model.instances.empty()) return core::fail("places none of its meshes in its scene");
  return {};
}

}  // namespace

const std::vector<std::string>& supportedModelExtensions() {
  static const std::vector<std::string> kExtensions{".gltf", ".glb", ".obj", ".fbx"};
  return kExtensions;
}

std::string assimpVersion() {
  return "assimp " + std::to_string(aiGetVersionMajor()) + "." +
         std::to_string(aiGetVersionMinor()) + "." + std::to_string(aiGetVersionPatch());
}

core::Result<ImportReport> importModelWithReport(const fs::path& path,
                                                 const ImportOptions& options) {
  const std::string file = path.string();
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    return core::fail(file, ": cannot open: ", fs::exists(path, ec) ? "not a regular file" : "no such file");
  }
  const auto& supported = supportedModelExtensions();
  if (!options.anyAssimpFormat &&
      std::find(supported.begin(), supported.end(), lowerExtension(path)) == supported.end()) {
    return core::fail(file, ": unsupported model format '", path.extension().string(),
                      "' (Praxis imports .gltf, .glb, .obj and .fbx)");
  }
  ImportReport report;
  detail::ImportContext ctx{path, path.parent_path(), nullptr, &options, &report, {}};
  std::set<fs::path> opened;
  detail::AssimpLogCapture log;
  Assimp::Importer importer;
  importer.SetIOHandler(new RecordingIOSystem(&opened));  // the importer owns it
  importer.SetPropertyFloat(AI_CONFIG_PP_GSN_MAX_SMOOTHING_ANGLE, options.smoothingAngleDegrees);
  importer.SetPropertyBool(AI_CONFIG_IMPORT_FBX_PRESERVE_PIVOTS, false);
  importer.SetPropertyBool(AI_CONFIG_FBX_CONVERT_TO_M, true);  // Praxis works in metres
  const aiScene* scene = nullptr;
  try {
    scene = importer.ReadFile(file, postProcessFlags());
  } catch (const std::exception& e) {  // Assimp normally catches its own; belt and braces
    return core::fail(file, ": cannot import: ", e.what());
  }
  if (scene == nullptr) return core::fail(file, ": cannot import: ", trimmed(importer.GetErrorString()));
  ctx.scene = scene;
  if (auto ok = checkAssimpLog(ctx, log); !ok) return core::fail(file, ": ", ok.error().message);
  if (auto ok = convertScene(ctx); !ok) return core::fail(file, ": ", ok.error().message);
  report.model.source = file;
  const fs::path self = fs::weakly_canonical(path, ec);
  for (const auto& dep : opened) {
    if (dep != self) report.dependencies.push_back(dep);
  }
  std::sort(report.dependencies.begin(), report.dependencies.end());
  report.dependencies.erase(std::unique(report.dependencies.begin(), report.dependencies.end()),
                            report.dependencies.end());
  return report;
}

core::Result<Model> importModel(const fs::path& path, const ImportOptions& options) {
  auto report = importModelWithReport(path, options);
  if (!report) return std::unexpected(report.error());
  return std::move(report->model);
}

}  // namespace praxis::assets
