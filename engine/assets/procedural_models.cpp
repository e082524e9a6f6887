#include "assets/procedural_models.h"

#include <glm/gtc/constants.hpp>

#include "assets/model_builder.h"

namespace praxis::assets {
namespace {

using core::Pose;
using core::Vec3;
using K = PrimitiveKind;

const PartLook kSteel{{0.72F, 0.73F, 0.75F, 1.0F}, 1.0F, 0.35F, {}, "steel"};
const PartLook kBrass{{0.85F, 0.65F, 0.3F, 1.0F}, 1.0F, 0.4F, {}, "brass"};
const PartLook kPanelGrey{{0.62F, 0.64F, 0.66F, 1.0F}, 0.0F, 0.7F, {}, "panel grey"};
const PartLook kBlack{{0.05F, 0.05F, 0.05F, 1.0F}, 0.0F, 0.6F, {}, "black plastic"};
const PartLook kSafetyRed{{0.75F, 0.05F, 0.04F, 1.0F}, 0.0F, 0.45F, {}, "safety red"};
const PartLook kYellow{{0.95F, 0.75F, 0.05F, 1.0F}, 0.0F, 0.5F, {}, "safety yellow"};
const PartLook kWhite{{0.92F, 0.92F, 0.9F, 1.0F}, 0.0F, 0.8F, {}, "white card"};

Pose at(float x, float y, float z) { return Pose{Vec3(x, y, z), {}}; }
Pose rotated(float x, float y, float z, const Vec3& eulerDegrees) {
  return Pose{Vec3(x, y, z), core::quatFromEulerDegrees(eulerDegrees)};
}

// Body 40 x 35 x 18 mm on y = 0, steel shackle above, a white tag hanging at the side.
Model padlock() {
  Model m;
  appendPart(m, K::Box, {0.040F, 0.035F, 0.018F}, at(0, 0.0175F, 0), kSafetyRed);
  appendPart(m, K::Cylinder, {0.006F, 0.020F, 0}, at(-0.012F, 0.045F, 0), kSteel);
  appendPart(m, K::Cylinder, {0.006F, 0.020F, 0}, at(0.012F, 0.045F, 0), kSteel);
  appendPart(m, K::Capsule, {0.006F, 0.030F, 0}, rotated(0, 0.055F, 0, {0, 0, 90}), kSteel);
  appendPart(m, K::Cylinder, {0.008F, 0.001F, 0}, rotated(0, 0.012F, 0.0095F, {90, 0, 0}), kBrass);
  appendPart(m, K::Box, {0.045F, 0.075F, 0.001F}, rotated(0.035F, 0.043F, 0, {0, 0, -10}), kWhite);
  return m;
}

// A wall enclosure with a row of six breakers; the fourth has a red lockable handle.
Model breakerPanel() {
  Model m;
  appendPart(m, K::Box, {0.40F, 0.50F, 0.12F}, at(0, 0.25F, 0), kPanelGrey);
  appendPart(m, K::Box, {0.34F, 0.10F, 0.01F}, at(0, 0.30F, 0.065F), kBlack);
  for (int i = 0; i < 6; ++i) {
    const float x = -0.125F + 0.05F * static_cast<float>(i);
    appendPart(m, K::Box, {0.04F, 0.08F, 0.02F}, at(x, 0.30F, 0.075F), kWhite);
    appendPart(m, K::Box, {0.012F, 0.025F, 0.015F}, at(x, 0.31F, 0.09F), i == 3 ? kSafetyRed : kBlack);
  }
  appendPart(m, K::Box, {0.30F, 0.05F, 0.005F}, at(0, 0.42F, 0.0625F), kWhite);  // label strip
  return m;
}

// Two yellow probe handles with steel tips, joined by a black cable; a display on probe one.
Model voltageTester() {
  Model m;
  for (const float x : {-0.04F, 0.04F}) {
    appendPart(m, K::Capsule, {0.025F, 0.16F, 0}, at(x, 0.08F, 0), kYellow);
    appendPart(m, K::Cylinder, {0.004F, 0.03F, 0}, at(x, 0.175F, 0), kSteel);
  }
  appendPart(m, K::Box, {0.018F, 0.04F, 0.004F}, at(-0.04F, 0.10F, 0.012F), kBlack);
  appendPart(m, K::Capsule, {0.006F, 0.09F, 0}, rotated(0, 0.005F, 0, {0, 0, 90}), kBlack);
  return m;
}

// A 6 kg extinguisher: red cylinder, valve head, carrying handle, safety pin with ring, hose.
Model extinguisher() {
  Model m;
  appendPart(m, K::Cylinder, {0.16F, 0.40F, 0}, at(0, 0.20F, 0), kSafetyRed);
  appendPart(m, K::Sphere, {0.16F, 0, 0}, at(0, 0.40F, 0), kSafetyRed, {24, 12});
  appendPart(m, K::Cylinder, {0.04F, 0.06F, 0}, at(0, 0.49F, 0), kBrass);
  appendPart(m, K::Box, {0.14F, 0.012F, 0.03F}, rotated(0.03F, 0.54F, 0, {0, 0, 8}), kBlack);
  appendPart(m, K::Box, {0.12F, 0.012F, 0.03F}, at(0.02F, 0.52F, 0), kBlack);
  appendPart(m, K::Cylinder, {0.004F, 0.05F, 0}, rotated(0, 0.525F, 0.02F, {90, 0, 0}), kSteel);
  appendPart(m, K::Cylinder, {0.025F, 0.003F, 0}, rotated(0, 0.525F, 0.05F, {90, 0, 0}), kYellow);
  // Hose: out of the valve head, then down the side to the nozzle.
  appendPart(m, K::Capsule, {0.018F, 0.10F, 0}, rotated(-0.055F, 0.47F, 0, {0, 0, 90}), kBlack);
  appendPart(m, K::Capsule, {0.018F, 0.29F, 0}, at(-0.10F, 0.335F, 0), kBlack);
  appendPart(m, K::Cylinder, {0.025F, 0.05F, 0}, at(-0.10F, 0.18F, 0), kBlack);
  appendPart(m, K::Box, {0.06F, 0.10F, 0.002F}, at(0, 0.22F, 0.081F), kWhite);  // label
  return m;
}

// A steel tray with glowing "flames" (emissive spheres) for extinguisher training.
Model fireTray() {
  Model m;
  appendPart(m, K::Box, {0.60F, 0.02F, 0.40F}, at(0, 0.01F, 0), kSteel);
  appendPart(m, K::Box, {0.60F, 0.08F, 0.01F}, at(0, 0.04F, 0.195F), kSteel);
  appendPart(m, K::Box, {0.60F, 0.08F, 0.01F}, at(0, 0.04F, -0.195F), kSteel);
  appendPart(m, K::Box, {0.01F, 0.08F, 0.40F}, at(0.295F, 0.04F, 0), kSteel);
  appendPart(m, K::Box, {0.01F, 0.08F, 0.40F}, at(-0.295F, 0.04F, 0), kSteel);
  const PartLook flame{{1.0F, 0.45F, 0.05F, 0.85F}, 0.0F, 1.0F, {1.0F, 0.35F, 0.05F}, "flame"};
  appendPart(m, K::Sphere, {0.22F, 0, 0}, at(0, 0.13F, 0), flame);
  appendPart(m, K::Sphere, {0.14F, 0, 0}, at(0.12F, 0.10F, 0.05F), flame);
  appendPart(m, K::Capsule, {0.12F, 0.34F, 0}, at(-0.08F, 0.19F, -0.03F), flame);
  return m;
}

struct Entry {
  const char* name;
  Model (*make)();
};
constexpr Entry kEntries[] = {{"breaker-panel", breakerPanel},
                              {"padlock", padlock},
                              {"voltage-tester", voltageTester},
                              {"extinguisher", extinguisher},
                              {"fire-tray", fireTray}};

}  // namespace

const std::vector<std::string>& proceduralModelNames() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (const auto& e : kEntries) names.emplace_back(e.name);
    return names;
  }();
  return kNames;
}

core::Result<Model> makeProceduralModel(std::string_view name) {
  for (const auto& e : kEntries) {
    if (name == e.name) {
      Model m = e.make();
      m.source = "procedural:" + std::string(name);
      return m;
    }
  }
  std::string known;
  for (const auto& n : proceduralModelNames()) known += (known.empty() ? "" : ", ") + n;
  return core::fail("unknown procedural model '", std::string(name), "' (known: ", known, ")");
}

}  // namespace praxis::assets
