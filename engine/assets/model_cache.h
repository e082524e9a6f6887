// The baked model cache: the first load imports with Assimp and writes a blob keyed by the
// content hash; later loads read the blob and skip Assimp and image decoding.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "assets/importer.h"
#include "assets/mesh.h"
#include "core/result.h"

namespace praxis::assets {

enum class ModelOrigin {
  Imported,  // Assimp ran (cold cache, changed source or dependency, broken cache file)
  Cache,     // read from the baked blob; Assimp did not run
};

enum class CachePolicy {
  Use,     // read the blob when it is valid, bake otherwise
  Rebake,  // always import and overwrite the blob (praxis-bake --force)
};

struct CachedModel {
  Model model;
  ModelOrigin origin = ModelOrigin::Imported;
  std::filesystem::path cacheFile;  // <cacheDir>/<key>.pxmodel
  std::uint64_t key = 0;
  /// Why an existing blob was not used ("" when it was, or when there was none).
  std::string rebakeReason;
  /// Import warnings, and a failure to write the blob (the model still loads).
  std::vector<std::string> warnings;
};

/// <userDataDir>/cache/models, created on demand.
[[nodiscard]] core::Result<std::filesystem::path> defaultModelCacheDir();

/// The cache key: FNV-1a over the source bytes, the blob format and importer versions, the
/// Assimp version and the options that change the output. Files the source references are
/// not known before importing; the blob records their hashes and a load re-checks them.
[[nodiscard]] std::uint64_t modelCacheKey(std::string_view sourceBytes, const ImportOptions& options);

/// Loads `source` through the cache in `cacheDir`. A missing, stale, truncated or corrupted
/// blob is re-baked; a cache folder that cannot be written costs speed, not the model.
/// Errors are the importer's (a broken or missing source).
[[nodiscard]] core::Result<CachedModel> loadModelCached(const std::filesystem::path& source,
                                                        const std::filesystem::path& cacheDir,
                                                        const ImportOptions& options = {},
                                                        CachePolicy policy = CachePolicy::Use);

}  // namespace praxis::assets
