// praxis-bake: imports models with Assimp and writes them to the baked model cache, so a
// scenario's first run (or a CI machine with a warmed cache) skips Assimp entirely.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assets/model_cache.h"
#include "assets/model_export.h"
#include "assets/procedural_models.h"
#include "core/hash.h"

namespace {

namespace fs = std::filesystem;
using praxis::assets::CachePolicy;
using praxis::assets::ModelOrigin;

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

struct Options {
  fs::path cacheDir;
  CachePolicy policy = CachePolicy::Use;
  praxis::assets::ImportOptions import;
  bool json = false;
  std::vector<fs::path> models;
  std::vector<std::string> generate;  // procedural model names to write as .glb
  fs::path outDir = ".";
};

void printHelp(std::FILE* out) {
  std::fprintf(out,
               "usage: praxis-bake [options] MODEL...\n"
               "       praxis-bake --generate NAME|all [--out DIR]\n\n"
               "Imports glTF 2.0 (.gltf/.glb), OBJ and FBX models with Assimp and writes them to\n"
               "the Praxis model cache, so later loads skip Assimp. Prints what it did per model.\n\n"
               "options:\n"
               "  --cache-dir DIR  cache folder (default: $XDG_DATA_HOME/praxis/cache/models)\n"
               "  --force          import again even when the cached blob is valid\n"
               "  --lenient        missing textures and dropped data are warnings, not errors\n"
               "  --scale S        uniform scale applied at the model root (default 1)\n"
               "  --json           one JSON object per model on stdout\n"
               "  --generate NAME  write the procedural model NAME (or all) as DIR/NAME.glb\n"
               "  --out DIR        folder for --generate (default: the current folder)\n"
               "  --list           list the procedural models\n"
               "  --help           this text\n\n"
               "Exit codes: 0 all baked, 1 a model failed to import, 2 usage or environment error.\n");
}

// Returns an exit code when parsing ends the program (help or a usage error).
std::optional<int> parse(int argc, char** argv, Options& opt) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool hasValue = i + 1 < argc;
    if (arg == "--help" || arg == "-h") {
      printHelp(stdout);
      return kExitOk;
    } else if (arg == "--cache-dir" && hasValue) {
      opt.cacheDir = argv[++i];
    } else if (arg == "--force") {
      opt.policy = CachePolicy::Rebake;
    } else if (arg == "--lenient") {
      opt.import.strict = false;
    } else if (arg == "--json") {
      opt.json = true;
    } else if (arg == "--generate" && hasValue) {
      const std::string name = argv[++i];
      if (name == "all") {
        const auto& all = praxis::assets::proceduralModelNames();
        opt.generate.insert(opt.generate.end(), all.begin(), all.end());
      } else {
        opt.generate.push_back(name);
      }
    } else if (arg == "--out" && hasValue) {
      opt.outDir = argv[++i];
    } else if (arg == "--list") {
      for (const auto& name : praxis::assets::proceduralModelNames()) std::printf("%s\n", name.c_str());
      return kExitOk;
    } else if (arg == "--scale" && hasValue) {
      char* end = nullptr;
      opt.import.scale = std::strtof(argv[++i], &end);
      if (end == argv[i] || *end != '\0' || !(opt.import.scale > 0.0F)) {
        std::fprintf(stderr, "praxis-bake: --scale needs a positive number, got '%s'\n", argv[i]);
        return kExitUsage;
      }
    } else if (arg.starts_with("-")) {
      std::fprintf(stderr, "praxis-bake: unknown or incomplete option '%s'\n\n", argv[i]);
      printHelp(stderr);
      return kExitUsage;
    } else {
      opt.models.emplace_back(argv[i]);
    }
  }
  if (opt.models.empty() && opt.generate.empty()) {
    std::fprintf(stderr, "praxis-bake: no model given\n\n");
    printHelp(stderr);
    return kExitUsage;
  }
  return std::nullopt;
}

std::string jsonEscape(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

void report(const Options& opt, const fs::path& model, const praxis::assets::CachedModel& r,
            double ms) {
  std::size_t vertices = 0;
  std::size_t triangles = 0;
  for (const auto& mesh : r.model.meshes) {
    vertices += mesh.vertices.size();
    triangles += mesh.indices.size() / 3;
  }
  std::error_code ec;
  const auto bytes = fs::file_size(r.cacheFile, ec);
  const char* what = r.origin == ModelOrigin::Cache ? "cached" : "baked";
  if (opt.json) {
    std::printf("{\"model\":\"%s\",\"status\":\"%s\",\"cache_file\":\"%s\",\"key\":\"%s\","
                "\"meshes\":%zu,\"instances\":%zu,\"vertices\":%zu,\"triangles\":%zu,"
                "\"textures\":%zu,\"bytes\":%llu,\"ms\":%.2f,\"rebake_reason\":\"%s\"}\n",
                jsonEscape(model.string()).c_str(), what, jsonEscape(r.cacheFile.string()).c_str(),
                praxis::core::toHex64(r.key).c_str(), r.model.meshes.size(),
                r.model.instances.size(), vertices, triangles, r.model.textures.size(),
                static_cast<unsigned long long>(ec ? 0 : bytes), ms,
                jsonEscape(r.rebakeReason).c_str());
    return;
  }
  std::printf("%s %s -> %s (%zu meshes, %zu instances, %zu vertices, %zu triangles, %zu textures, "
              "%llu bytes, %.1f ms)\n",
              what, model.string().c_str(), r.cacheFile.string().c_str(), r.model.meshes.size(),
              r.model.instances.size(), vertices, triangles, r.model.textures.size(),
              static_cast<unsigned long long>(ec ? 0 : bytes), ms);
  if (!r.rebakeReason.empty()) std::printf("  re-baked because: %s\n", r.rebakeReason.c_str());
  for (const auto& w : r.warnings) std::printf("  warning: %s\n", w.c_str());
}

// Writes each requested procedural model as <outDir>/<name>.glb.
int generate(const Options& opt) {
  std::error_code ec;
  fs::create_directories(opt.outDir, ec);
  int status = kExitOk;
  for (const auto& name : opt.generate) {
    auto model = praxis::assets::makeProceduralModel(name);
    const fs::path file = opt.outDir / (name + ".glb");
    auto written = model ? praxis::assets::exportModelGlb(*model, file)
                         : praxis::core::Result<void>(std::unexpected(model.error()));
    if (!written) {
      std::fprintf(stderr, "praxis-bake: %s\n", written.error().message.c_str());
      status = kExitFailed;
      continue;
    }
    std::printf("generated %s -> %s (%zu parts, %zu materials)\n", name.c_str(),
                file.string().c_str(), model->instances.size(), model->materials.size());
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  if (auto code = parse(argc, argv, opt)) return *code;
  if (!opt.generate.empty()) {
    const int generated = generate(opt);
    if (opt.models.empty() || generated != kExitOk) return generated;
  }
  if (opt.cacheDir.empty()) {
    auto dir = praxis::assets::defaultModelCacheDir();
    if (!dir) {
      std::fprintf(stderr, "praxis-bake: %s\n", dir.error().message.c_str());
      return kExitUsage;
    }
    opt.cacheDir = *dir;
  }
  int status = kExitOk;
  for (const auto& model : opt.models) {
    const auto start = std::chrono::steady_clock::now();
    auto result = praxis::assets::loadModelCached(model, opt.cacheDir, opt.import, opt.policy);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!result) {
      std::fprintf(stderr, "praxis-bake: %s\n", result.error().message.c_str());
      if (opt.json) {
        std::printf("{\"model\":\"%s\",\"status\":\"error\",\"error\":\"%s\"}\n",
                    jsonEscape(model.string()).c_str(), jsonEscape(result.error().message).c_str());
      }
      status = kExitFailed;
      continue;
    }
    report(opt, model, *result, ms);
  }
  return status;
}
