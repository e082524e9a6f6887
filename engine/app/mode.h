// The front ends a Session can be driven from. The mode travels as this enum everywhere
// (session options, xAPI context, the CLI's --mode); it becomes text only at the edges.
#pragma once

#include <optional>
#include <string_view>

namespace praxis::app {

/// Vr: a headset, opaque. Ar: AR glasses or a handheld, the scenario over the real world.
enum class Mode { Headless, Desktop, Vr, Ar };

/// "headless", "desktop", "vr" or "ar": the value of the xAPI mode extension and of --mode.
[[nodiscard]] std::string_view toString(Mode mode);
/// The inverse of toString; nullopt for any other text.
[[nodiscard]] std::optional<Mode> parseMode(std::string_view text);

}  // namespace praxis::app
