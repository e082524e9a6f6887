#include "assets/model_export.h"

#include <assimp/Exporter.hpp>
#include <assimp/GltfMaterial.h>
#include <assimp/material.h>
#include <assimp/scene.h>

#include <memory>

namespace praxis::assets {
namespace {

// Vertices are written in model space: Assimp 5.2's glTF exporter drops node matrices that
// IsIdentity() within 0.01, which loses centimetre offsets of small parts.
aiMesh* toAssimp(const Mesh& in, const core::Mat4& transform) {
  const glm::mat3 linear(transform);
  const glm::mat3 normalMatrix = glm::transpose(glm::inverse(linear));
  auto* out = new aiMesh();
  out->mName = aiString(in.name);
  out->mPrimitiveTypes = aiPrimitiveType_TRIANGLE;
  out->mMaterialIndex = static_cast<unsigned>(in.material);
  const auto count = static_cast<unsigned>(in.vertices.size());
  out->mNumVertices = count;
  out->mVertices = new aiVector3D[count];
  out->mNormals = new aiVector3D[count];
  out->mTangents = new aiVector3D[count];
  out->mBitangents = new aiVector3D[count];
  out->mTextureCoords[0] = new aiVector3D[count];
  out->mNumUVComponents[0] = 2;
  for (unsigned i = 0; i < count; ++i) {
    const Vertex& v = in.vertices[i];
    const glm::vec3 p(transform * glm::vec4(v.position, 1.0F));
    const glm::vec3 n = glm::normalize(normalMatrix * v.normal);
    const glm::vec3 t = glm::normalize(linear * glm::vec3(v.tangent));
    const glm::vec3 b = glm::cross(n, t) * v.tangent.w;
    out->mVertices[i] = {p.x, p.y, p.z};
    out->mNormals[i] = {n.x, n.y, n.z};
    out->mTangents[i] = {t.x, t.y, t.z};
    out->mBitangents[i] = {b.x, b.y, b.z};
    // Assimp keeps UVs with a bottom-left origin; its glTF exporter flips them back.
    out->mTextureCoords[0][i] = {v.uv.x, 1.0F - v.uv.y, 0.0F};
  }
  out->mNumFaces = static_cast<unsigned>(in.indices.size() / 3);
  out->mFaces = new aiFace[out->mNumFaces];
  for (unsigned f = 0; f < out->mNumFaces; ++f) {
    out->mFaces[f].mNumIndices = 3;
    out->mFaces[f].mIndices = new unsigned[3]{in.indices[f * 3], in.indices[f * 3 + 1],
                                              in.indices[f * 3 + 2]};
  }
  return out;
}

aiMaterial* toAssimp(const Material& in) {
  auto* out = new aiMaterial();
  const aiString name(in.name);
  out->AddProperty(&name, AI_MATKEY_NAME);
  const aiColor4D base(in.baseColour.r, in.baseColour.g, in.baseColour.b, in.baseColour.a);
  out->AddProperty(&base, 1, AI_MATKEY_BASE_COLOR);
  out->AddProperty(&base, 1, AI_MATKEY_COLOR_DIFFUSE);
  out->AddProperty(&in.metallic, 1, AI_MATKEY_METALLIC_FACTOR);
  out->AddProperty(&in.roughness, 1, AI_MATKEY_ROUGHNESS_FACTOR);
  const aiColor4D emissive(in.emissive.r, in.emissive.g, in.emissive.b, 1.0F);
  out->AddProperty(&emissive, 1, AI_MATKEY_COLOR_EMISSIVE);
  const int twoSided = in.doubleSided ? 1 : 0;
  out->AddProperty(&twoSided, 1, AI_MATKEY_TWOSIDED);
  const aiString mode(in.alphaMode == AlphaMode::Blend  ? "BLEND"
                      : in.alphaMode == AlphaMode::Mask ? "MASK"
                                                        : "OPAQUE");
  out->AddProperty(&mode, AI_MATKEY_GLTF_ALPHAMODE);
  out->AddProperty(&in.alphaCutoff, 1, AI_MATKEY_GLTF_ALPHACUTOFF);
  return out;
}

}  // namespace

core::Result<void> exportModelGlb(const Model& model, const std::filesystem::path& path) {
  if (!model.textures.empty()) {
    return core::fail(path.string(), ": exporting textures is not supported");
  }
  if (model.instances.empty() || model.materials.empty()) {
    return core::fail(path.string(), ": nothing to export (no meshes or no materials)");
  }
  for (const auto& inst : model.instances) {
    if (inst.mesh < 0 || inst.mesh >= static_cast<int>(model.meshes.size())) {
      return core::fail(path.string(), ": an instance names a missing mesh");
    }
    const int material = model.meshes[static_cast<std::size_t>(inst.mesh)].material;
    if (material < 0 || material >= static_cast<int>(model.materials.size())) {
      return core::fail(path.string(), ": a mesh names a missing material");
    }
  }
  // aiScene's destructor frees everything hung below it.
  auto scene = std::make_unique<aiScene>();
  scene->mNumMeshes = static_cast<unsigned>(model.instances.size());
  scene->mMeshes = new aiMesh*[scene->mNumMeshes];
  for (unsigned i = 0; i < scene->mNumMeshes; ++i) {
    const MeshInstance& inst = model.instances[i];
    scene->mMeshes[i] = toAssimp(model.meshes[static_cast<std::size_t>(inst.mesh)], inst.transform);
  }
  scene->mNumMaterials = static_cast<unsigned>(model.materials.size());
  scene->mMaterials = new aiMaterial*[scene->mNumMaterials];
  for (unsigned i = 0; i < scene->mNumMaterials; ++i) {
    scene->mMaterials[i] = toAssimp(model.materials[i]);
  }
  scene->mRootNode = new aiNode("root");
  auto* root = scene->mRootNode;
  root->mNumChildren = static_cast<unsigned>(model.instances.size());
  root->mChildren = new aiNode*[root->mNumChildren];
  for (unsigned i = 0; i < root->mNumChildren; ++i) {
    const MeshInstance& inst = model.instances[i];
    auto* node = new aiNode(model.meshes[static_cast<std::size_t>(inst.mesh)].name + " " +
                            std::to_string(i));
    node->mParent = root;
    node->mNumMeshes = 1;
    node->mMeshes = new unsigned[1]{i};
    root->mChildren[i] = node;
  }
  Assimp::Exporter exporter;
  if (exporter.Export(scene.get(), "glb2", path.string()) != aiReturn_SUCCESS) {
    return core::fail(path.string(), ": cannot export: ", exporter.GetErrorString());
  }
  return {};
}

}  // namespace praxis::assets
