// The front ends a Session can be driven from. The mode travels as this enum everywhere
// (session options, xAPI context, the CLI's --mode); it becomes text only at the edges.
#pragma once

#include <optional>
#include <string_view>

namespace praxis::app {

enum class Mode { Headless, Desktop, Vr };

/// "headless", "desktop" or "vr": the value of the xAPI mode extension and of --mode.
[[nodiscard]] std::string_view toString(Mode mode);
/// The inverse of toString; nullopt for any other text.
[[nodiscard]] std::optional<Mode> parseMode(std::string_view text);

}  // namespace praxis::app
