#include "assets/model_builder.h"

namespace praxis::assets {
namespace {

int materialFor(Model& model, const PartLook& look) {
  for (std::size_t i = 0; i < model.materials.size(); ++i) {
    const Material& m = model.materials[i];
    if (m.name == look.name && m.baseColour == look.colour && m.metallic == look.metallic &&
        m.roughness == look.roughness && m.emissive == look.emissive) {
      return static_cast<int>(i);
    }
  }
  Material m;
  m.name = look.name;
  m.baseColour = glm::clamp(look.colour, 0.0F, 1.0F);
  m.metallic = look.metallic;
  m.roughness = look.roughness;
  m.emissive = look.emissive;
  m.alphaMode = m.baseColour.a < 1.0F ? AlphaMode::Blend : AlphaMode::Opaque;
  model.materials.push_back(std::move(m));
  return static_cast<int>(model.materials.size() - 1);
}

}  // namespace

int appendPart(Model& model, PrimitiveKind kind, const core::Vec3& size, const core::Pose& pose,
               const PartLook& look, const Tessellation& tessellation) {
  Mesh mesh = makePrimitiveMesh(kind, size, tessellation);
  mesh.material = materialFor(model, look);
  model.meshes.push_back(std::move(mesh));
  model.instances.push_back({static_cast<int>(model.meshes.size() - 1), pose.matrix()});
  return static_cast<int>(model.instances.size() - 1);
}

}  // namespace praxis::assets
