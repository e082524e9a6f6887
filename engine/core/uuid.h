// Random (version 4) UUIDs from the operating system's random source.
#pragma once

#include <string>

#include "core/result.h"

namespace praxis::core {

/// A new RFC 4122 version-4 UUID in lowercase 8-4-4-4-12 form, from getrandom(2).
/// Fails only if the OS random source fails.
[[nodiscard]] Result<std::string> newUuidV4();

/// True for the canonical 8-4-4-4-12 hex form (any version).
[[nodiscard]] bool isUuid(std::string_view text);

}  // namespace praxis::core
