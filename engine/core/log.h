// Logging through an explicit sink that callers pass down; no global logger.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace praxis::core {

enum class LogLevel { Debug, Info, Warning, Error };

[[nodiscard]] std::string_view toString(LogLevel level);

/// A cheap, copyable handle to a log sink. Default-constructed: prints warnings and errors
/// to stderr. Tests pass a capturing sink.
class Log {
 public:
  using Sink = std::function<void(LogLevel, std::string_view)>;

  Log();
  explicit Log(Sink sink, LogLevel minimum = LogLevel::Info)
      : sink_(std::move(sink)), minimum_(minimum) {}

  /// A log that drops everything.
  static Log silent();
  /// A log that writes "level: message" lines to stderr from `minimum` up.
  static Log toStderr(LogLevel minimum);

  void write(LogLevel level, std::string_view message) const {
    if (level >= minimum_ && sink_) sink_(level, message);
  }
  void debug(std::string_view m) const { write(LogLevel::Debug, m); }
  void info(std::string_view m) const { write(LogLevel::Info, m); }
  void warning(std::string_view m) const { write(LogLevel::Warning, m); }
  void error(std::string_view m) const { write(LogLevel::Error, m); }

 private:
  Sink sink_;
  LogLevel minimum_ = LogLevel::Info;
};

}  // namespace praxis::core
