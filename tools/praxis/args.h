// A small, strict argument parser shared by the subcommands: flags, options and positionals,
// with usage errors (exit 2) that say which argument was wrong.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace praxis::cli {

/// Exit codes (STYLE.md): ok, a check failed, usage or environment error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;
/// `praxis run` launched by a cmi5 LMS: the attempt ran, but the LMS has not accepted all of
/// its statements (the lines before say which and why; docs/xapi.md).
inline constexpr int kExitUndelivered = 3;

struct ArgSpec {
  std::set<std::string> flags;    // e.g. "--json" (no value)
  std::set<std::string> options;  // e.g. "--junit" (takes a value: --junit FILE or --junit=FILE)
  std::size_t minPositionals = 0;
  std::size_t maxPositionals = 0;
};

struct Args {
  std::set<std::string> flags;
  std::map<std::string, std::string> options;
  std::vector<std::string> positionals;

  [[nodiscard]] bool has(const std::string& flag) const { return flags.contains(flag); }
  [[nodiscard]] std::optional<std::string> option(const std::string& name) const {
    if (auto it = options.find(name); it != options.end()) return it->second;
    return std::nullopt;
  }
};

/// Option `name` as a whole number in [min, max] (digits only: "-1" and "abc" are errors
/// that name the option); nullopt when the option is absent.
[[nodiscard]] core::Result<std::optional<std::uint64_t>> wholeNumberOption(
    const Args& args, const std::string& name, std::uint64_t min, std::uint64_t max);

/// Option `name` as a finite number in [min, max]; nullopt when absent.
[[nodiscard]] core::Result<std::optional<double>> numberOption(const Args& args,
                                                               const std::string& name,
                                                               double min, double max);

/// Parses `argv` after the subcommand. "--help"/"-h" is always accepted as a flag.
[[nodiscard]] core::Result<Args> parseArgs(const std::vector<std::string>& argv, const ArgSpec& spec);

/// A subcommand's arguments after the preamble every command shares: with --help its help
/// went to stdout, with a bad argument the error and the help went to stderr; either way
/// `args` is empty and `exitCode` is what the command returns.
struct ParsedCommand {
  std::optional<Args> args;
  int exitCode = kExitOk;
};

/// Parses `argv` for `praxis <name>` against `spec`, handling --help and usage errors.
[[nodiscard]] ParsedCommand parseCommand(const std::vector<std::string>& argv, const ArgSpec& spec,
                                         std::string_view name, std::string_view help);

/// Prints "praxis <name>: <message>" on stderr and returns kExitUsage.
int usageError(std::string_view name, std::string_view message);

}  // namespace praxis::cli
