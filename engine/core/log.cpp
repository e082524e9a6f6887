#include "core/log.h"

#include <cstdio>

namespace praxis::core {

std::string_view toString(LogLevel level) {
  switch (level) {
    case LogLevel::Debug: return "debug";
    case LogLevel::Info: return "info";
    case LogLevel::Warning: return "warning";
    case LogLevel::Error: return "error";
  }
  return "?";
}

Log::Log() : Log(toStderr(LogLevel::Warning)) {}

Log Log::silent() { return Log(Sink{}, LogLevel::Error); }

Log Log::toStderr(LogLevel minimum) {
  return Log(
      [](LogLevel level, std::string_view message) {
        std::fprintf(stderr, "praxis: %.*s: %.*s\n", static_cast<int>(toString(level).size()),
                     toString(level).data(), static_cast<int>(message.size()), message.data());
      },
      minimum);
}

}  // namespace praxis::core
