// Shared set-up for render tests: a renderer on lavapipe with the validation layer on, where
// any layer message fails the test, and golden-image comparison.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "assets/mesh.h"
#include "render/renderer.h"
#include "scene/scene.h"

namespace praxis::render::testing {

/// Sets XDG_RUNTIME_DIR to a private 0700 folder if unset (the loader and WSI want one).
void ensureRuntimeDir();

/// Options every test uses: validation on, lavapipe, a pipeline cache in the build folder.
RendererOptions testOptions(std::vector<std::string>* messages);

class RenderTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  /// Renders `input` into a fresh offscreen target and reads layer `layer` back.
  Image render(const FrameInput& input, std::uint32_t width = 128, std::uint32_t height = 128,
               std::uint32_t layer = 0);

  std::vector<std::string> messages_;  // outlives the renderer that writes to it
  std::unique_ptr<Renderer> renderer_;
};

/// A floor, a red box, a green cylinder, a blue sphere and a yellow capsule.
scene::Scene primitivesScene();
/// The camera the golden images use: in front of and above the origin.
View goldenView(float aspect = 1.0F);
/// A model of one cube with a generated checkerboard base-colour texture.
assets::Model checkerCubeModel();

/// Compares with tests/render/golden/<name>.png: a pixel differs when a channel is more
/// than kChannelTolerance apart; at most kMaxDifferingFraction of pixels may differ.
/// PRAXIS_UPDATE_GOLDEN=1 rewrites the golden instead. On failure writes
/// <build>/tests/render/golden-out/<name>.{actual,diff}.png and prints their paths.
void expectMatchesGolden(const Image& actual, const std::string& name);

inline constexpr int kChannelTolerance = 6;
inline constexpr double kMaxDifferingFraction = 0.005;

}  // namespace praxis::render::testing
