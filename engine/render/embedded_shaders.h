// SPIR-V compiled from shaders/ at build time and linked into the binary (shaders.cmake).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace praxis::render {

/// The SPIR-V words of shaders/<fileName> (e.g. "mesh.vert"), empty if there is none.
[[nodiscard]] std::span<const std::uint32_t> embeddedSpirv(std::string_view fileName);

}  // namespace praxis::render
