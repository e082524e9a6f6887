// Where Praxis finds its data (schema, shaders, shipped scenarios) and keeps user data.
#pragma once

#include <filesystem>
#include <string>

#include "core/result.h"

namespace praxis::core {

/// The running executable's folder (from /proc/self/exe).
[[nodiscard]] std::filesystem::path executableDir();

/// The Praxis data root: $PRAXIS_DATA_DIR if set, else the source tree this build came
/// from (so a build runs without install), else <exe>/../share/praxis.
[[nodiscard]] std::filesystem::path dataDir();

/// Per-user writable folder for the outbox, caches and recordings:
/// $XDG_DATA_HOME/praxis or ~/.local/share/praxis. Created on demand.
[[nodiscard]] Result<std::filesystem::path> userDataDir();

/// The Praxis version string, e.g. "0.1.0".
[[nodiscard]] std::string version();

/// The whole file as bytes, or an error naming the file and the OS reason.
[[nodiscard]] Result<std::string> readFile(const std::filesystem::path& path);

/// Writes via a temporary file and rename, so a reader never sees half a file.
[[nodiscard]] Result<void> writeFileAtomic(const std::filesystem::path& path,
                                           std::string_view bytes);

/// Whether writeFileAtomic(path, ...) could succeed now: the folder takes a new file and
/// `path` is not a folder. Lets a command refuse a bad output path before the work, not after.
[[nodiscard]] Result<void> checkWritable(const std::filesystem::path& path);

}  // namespace praxis::core
