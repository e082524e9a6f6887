// The baked model format: a Model plus the files it was made from, as one compact,
// versioned, checksummed binary blob that loads without Assimp or image decoding.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "assets/mesh.h"
#include "core/result.h"

namespace praxis::assets {

/// Bump when the layout below changes; older blobs are then re-baked.
inline constexpr std::uint32_t kModelBlobVersion = 1;

/// A file the model was made from besides the source (a glTF buffer, a texture), relative
/// to the source's folder, with the content hash it had when baked.
struct BlobDependency {
  std::string path;
  std::uint64_t hash = 0;
};

struct ModelBlob {
  std::uint64_t key = 0;  // the cache key the blob was baked under
  std::vector<BlobDependency> dependencies;
  Model model;
};

/// Layout: header (magic "PRAXMODL", version, key, payload size, payload checksum), then the
/// payload (dependencies, textures, materials, meshes, instances). Little-endian.
[[nodiscard]] std::string encodeModelBlob(const ModelBlob& blob);

/// Checks magic, version, sizes, checksum and every index before trusting the data; a
/// truncated or corrupted blob is an error naming `name`, never a crash.
[[nodiscard]] core::Result<ModelBlob> decodeModelBlob(std::string_view bytes,
                                                      const std::string& name);

/// The payload checksum the header carries: a word-wise FNV-1a variant, fast on megabytes; it
/// only has to catch corruption, not be the content key.
[[nodiscard]] std::uint64_t modelBlobChecksum(std::string_view payload);

}  // namespace praxis::assets
