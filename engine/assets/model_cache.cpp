#include "assets/model_cache.h"

#include "assets/model_blob.h"
#include "core/hash.h"
#include "core/paths.h"

namespace praxis::assets {
namespace {

namespace fs = std::filesystem;

// The blob is valid only if every file it was made from still has the same content.
core::Result<void> checkDependencies(const ModelBlob& blob, const fs::path& baseDir) {
  for (const auto& dep : blob.dependencies) {
    auto bytes = core::readFile(baseDir / dep.path);
    if (!bytes) return core::fail("dependency ", dep.path, " cannot be read");
    if (core::hashBytes(*bytes) != dep.hash) return core::fail("dependency ", dep.path, " changed");
  }
  return {};
}

core::Result<ModelBlob> readBlob(const fs::path& file, std::uint64_t key, const fs::path& baseDir) {
  auto bytes = core::readFile(file);
  if (!bytes) return std::unexpected(bytes.error());
  auto blob = decodeModelBlob(*bytes, file.string());
  if (!blob) return blob;
  if (blob->key != key) return core::fail(file.string(), ": baked under another key");
  if (auto ok = checkDependencies(*blob, baseDir); !ok) return std::unexpected(ok.error());
  return blob;
}

std::vector<BlobDependency> hashDependencies(const std::vector<fs::path>& deps,
                                             const fs::path& baseDir) {
  std::error_code ec;
  const fs::path base = fs::weakly_canonical(baseDir, ec);
  std::vector<BlobDependency> out;
  for (const auto& dep : deps) {
    auto bytes = core::readFile(dep);
    if (!bytes) continue;  // vanished since the import: the next load re-bakes
    out.push_back({dep.lexically_relative(base).generic_string(), core::hashBytes(*bytes)});
  }
  return out;
}

}  // namespace

core::Result<fs::path> defaultModelCacheDir() {
  auto base = core::userDataDir();
  if (!base) return std::unexpected(base.error());
  const fs::path dir = *base / "cache" / "models";
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return core::fail("cannot create ", dir.string(), ": ", ec.message());
  return dir;
}

std::uint64_t modelCacheKey(std::string_view sourceBytes, const ImportOptions& options) {
  core::Hasher h;
  h.text("praxis-model");
  h.value(kModelBlobVersion);
  h.value(kImporterVersion);
  h.text(assimpVersion());
  h.value(options.scale);
  h.value(options.strict);
  h.value(options.anyAssimpFormat);
  h.value(options.smoothingAngleDegrees);
  h.text(sourceBytes);
  return h.digest();
}

core::Result<CachedModel> loadModelCached(const fs::path& source, const fs::path& cacheDir,
                                          const ImportOptions& options, CachePolicy policy) {
  auto sourceBytes = core::readFile(source);
  if (!sourceBytes) return std::unexpected(sourceBytes.error());
  CachedModel result;
  result.key = modelCacheKey(*sourceBytes, options);
  result.cacheFile = cacheDir / (core::toHex64(result.key) + ".pxmodel");
  const fs::path baseDir = source.parent_path();
  std::error_code ec;
  if (policy == CachePolicy::Use && fs::exists(result.cacheFile, ec)) {
    auto blob = readBlob(result.cacheFile, result.key, baseDir);
    if (blob) {
      result.model = std::move(blob->model);
      result.model.source = source.string();
      result.origin = ModelOrigin::Cache;
      return result;
    }
    result.rebakeReason = blob.error().message;
  }
  auto report = importModelWithReport(source, options);
  if (!report) return std::unexpected(report.error());
  ModelBlob blob{result.key, hashDependencies(report->dependencies, baseDir), std::move(report->model)};
  result.warnings = std::move(report->warnings);
  fs::create_directories(cacheDir, ec);
  if (auto ok = core::writeFileAtomic(result.cacheFile, encodeModelBlob(blob)); !ok) {
    result.warnings.push_back("model cache not written: " + ok.error().message);
    options.log.warning(source.string() + ": model cache not written: " + ok.error().message);
  }
  result.model = std::move(blob.model);
  result.origin = ModelOrigin::Imported;
  return result;
}

}  // namespace praxis::assets
