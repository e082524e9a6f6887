// Render test fixture: validation-checked renderer, test scenes, golden comparison.
#include "render_fixture.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace praxis::render::testing {

void ensureRuntimeDir() {
  if (const char* dir = std::getenv("XDG_RUNTIME_DIR"); dir != nullptr && *dir != '\0') return;
  const auto path = std::filesystem::temp_directory_path() /
                    ("praxis-xdg-" + std::to_string(::getuid()));
  std::filesystem::create_directories(path);
  ::chmod(path.c_str(), 0700);
  ::setenv("XDG_RUNTIME_DIR", path.c_str(), 0);
}

RendererOptions testOptions(std::vector<std::string>* messages) {
  ensureRuntimeDir();
  RendererOptions options;
  options.validation = true;
  options.preference = DevicePreference::Cpu;  // goldens are lavapipe images
  options.onValidationMessage = [messages](std::string_view m) { messages->emplace_back(m); };
  options.pipelineCacheFile =
      std::filesystem::path(PRAXIS_BINARY_DIR) / "tests" / "render" / "pipelines.bin";
  return options;
}

void RenderTest::SetUp() {
  auto renderer = Renderer::create(testOptions(&messages_));
  ASSERT_TRUE(renderer.has_value()) << renderer.error().message;
  renderer_ = std::move(*renderer);
}

void RenderTest::TearDown() {
  // Destroying the device makes the layer report leaked objects, so check after it.
  renderer_.reset();
  for (const auto& message : messages_) ADD_FAILURE() << message;
}

Image RenderTest::render(const FrameInput& input, std::uint32_t width, std::uint32_t height,
                         std::uint32_t layer) {
  auto target = renderer_->createOffscreenTarget(width, height,
                                                 static_cast<std::uint32_t>(input.views.size()));
  EXPECT_TRUE(target.has_value()) << target.error().message;
  if (!target) return {};
  auto stats = renderer_->render(input, **target);
  EXPECT_TRUE(stats.has_value()) << stats.error().message;
  auto image = (*target)->readback(layer);
  EXPECT_TRUE(image.has_value()) << image.error().message;
  return image ? *image : Image{};
}

namespace {

scene::Entity primitive(const std::string& id, scene::ShapeKind kind, core::Vec3 size,
                        core::Vec3 position, scene::Colour colour) {
  scene::Entity e;
  e.id = id;
  e.visual.shape = scene::Shape{kind, size};
  e.visual.colour = colour;
  e.localPose.position = position;
  return e;
}

}  // namespace

scene::Scene primitivesScene() {
  using K = scene::ShapeKind;
  scene::Scene s;
  s.add(primitive("floor", K::Plane, {3.0F, 0.01F, 3.0F}, {0, 0, 0}, {0.55F, 0.55F, 0.5F, 1}));
  auto box = primitive("box", K::Box, {0.4F, 0.4F, 0.4F}, {-0.55F, 0.2F, 0}, {0.8F, 0.1F, 0.1F, 1});
  box.localPose.orientation = core::quatFromEulerDegrees({0, 30, 0});
  s.add(box);
  s.add(primitive("cylinder", K::Cylinder, {0.3F, 0.5F, 0}, {0.0F, 0.25F, -0.3F},
                  {0.1F, 0.7F, 0.2F, 1}));
  s.add(primitive("sphere", K::Sphere, {0.35F, 0, 0}, {0.5F, 0.175F, 0.1F}, {0.1F, 0.25F, 0.8F, 1}));
  s.add(primitive("capsule", K::Capsule, {0.15F, 0.45F, 0}, {0.1F, 0.225F, 0.45F},
                  {0.9F, 0.75F, 0.1F, 1}));
  s.updateWorldPoses();
  return s;
}

View goldenView(float aspect) {
  return makeLookAtView({0.0F, 1.1F, 1.9F}, {0.0F, 0.15F, 0.0F}, 0.8F, aspect);
}

assets::Model checkerCubeModel() {
  assets::Model model;
  model.source = "generated:checker-cube";
  assets::Texture texture;
  texture.name = "checker";
  texture.width = 64;
  texture.height = 64;
  for (std::uint32_t y = 0; y < 64; ++y) {
    for (std::uint32_t x = 0; x < 64; ++x) {
      const bool dark = ((x / 8) + (y / 8)) % 2 == 0;
      texture.pixels.insert(texture.pixels.end(),
                            {static_cast<std::uint8_t>(dark ? 30 : 240),
                             static_cast<std::uint8_t>(dark ? 60 : 200),
                             static_cast<std::uint8_t>(dark ? 160 : 40), 255});
    }
  }
  model.textures.push_back(texture);
  assets::Material material;
  material.name = "checker";
  material.baseColourTexture = 0;
  material.roughness = 0.5F;
  model.materials.push_back(material);
  // Eight corners would do for culling, but the faces need their own normals and uvs.
  assets::Mesh mesh;
  mesh.name = "cube";
  const core::Vec3 normals[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
  for (const auto& n : normals) {
    const core::Vec3 up = std::abs(n.y) > 0.5F ? core::Vec3(0, 0, -1) : core::Vec3(0, 1, 0);
    const core::Vec3 u = glm::cross(up, n);
    const core::Vec3 v = glm::cross(n, u);
    const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
    const float su[4] = {-1, 1, 1, -1};
    const float sv[4] = {-1, -1, 1, 1};
    for (int i = 0; i < 4; ++i) {
      assets::Vertex vertex;
      vertex.position = (n + u * su[i] + v * sv[i]) * 0.2F;
      vertex.normal = n;
      vertex.tangent = glm::vec4(u, 1.0F);
      vertex.uv = glm::vec2(su[i] * 0.5F + 0.5F, 0.5F - sv[i] * 0.5F);
      mesh.vertices.push_back(vertex);
    }
    for (std::uint32_t i : {0U, 1U, 2U, 0U, 2U, 3U}) mesh.indices.push_back(base + i);
  }
  mesh.boundsMin = core::Vec3(-0.2F);
  mesh.boundsMax = core::Vec3(0.2F);
  model.meshes.push_back(mesh);
  model.instances.push_back({0, core::Mat4(1.0F)});
  return model;
}

void expectMatchesGolden(const Image& actual, const std::string& name) {
  const auto golden = std::filesystem::path(PRAXIS_SOURCE_DIR) / "tests" / "render" / "golden" /
                      (name + ".png");
  if (const char* update = std::getenv("PRAXIS_UPDATE_GOLDEN");
      update != nullptr && std::string(update) == "1") {
    auto written = writePng(actual, golden);
    EXPECT_TRUE(written.has_value()) << written.error().message;
    std::cout << "updated golden " << golden << "\n";
    return;
  }
  const auto outDir = std::filesystem::path(PRAXIS_BINARY_DIR) / "tests" / "render" / "golden-out";
  const auto actualPath = outDir / (name + ".actual.png");
  auto expected = readPng(golden);
  if (!expected) {
    (void)writePng(actual, actualPath);
    ADD_FAILURE() << expected.error().message << "\n  actual image: " << actualPath.string()
                  << "\n  create goldens with PRAXIS_UPDATE_GOLDEN=1";
    return;
  }
  const ImageDiff diff = compareImages(*expected, actual, kChannelTolerance);
  if (diff.sizeMatches && diff.differingFraction <= kMaxDifferingFraction) return;
  (void)writePng(actual, actualPath);
  const auto diffPath = outDir / (name + ".diff.png");
  if (diff.sizeMatches) (void)writePng(diff.diff, diffPath);
  ADD_FAILURE() << "image '" << name << "' differs from " << golden.string() << ": "
                << (diff.sizeMatches ? "" : "size differs; ") << diff.differingPixels
                << " pixels (" << diff.differingFraction * 100.0 << " %) over tolerance "
                << kChannelTolerance << ", max channel diff " << diff.maxChannelDiff
                << "\n  actual: " << actualPath.string() << "\n  diff:   " << diffPath.string();
}

}  // namespace praxis::render::testing
