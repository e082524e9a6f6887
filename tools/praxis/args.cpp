#include "args.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace praxis::cli {

core::Result<std::optional<std::uint64_t>> wholeNumberOption(const Args& args,
                                                             const std::string& name,
                                                             std::uint64_t min, std::uint64_t max) {
  const auto text = args.option(name);
  if (!text) return std::nullopt;
  std::uint64_t value = 0;
  const char* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (text->empty() || ec != std::errc() || ptr != end || value < min || value > max) {
    return core::fail(name, " '", *text, "': expected a whole number from ", std::to_string(min),
                      " to ", std::to_string(max));
  }
  return value;
}

core::Result<std::optional<double>> numberOption(const Args& args, const std::string& name,
                                                 double min, double max) {
  const auto text = args.option(name);
  if (!text) return std::nullopt;
  double value = 0;
  const char* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (text->empty() || ec != std::errc() || ptr != end || !std::isfinite(value) || value < min ||
      value > max) {
    char range[64];
    std::snprintf(range, sizeof range, "%g to %g", min, max);
    return core::fail(name, " '", *text, "': expected a number from ", range);
  }
  return value;
}

core::Result<Args> parseArgs(const std::vector<std::string>& argv, const ArgSpec& spec) {
  Args out;
  bool onlyPositionals = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (onlyPositionals || a.size() < 2 || a[0] != '-') {
      out.positionals.push_back(a);
      continue;
    }
    if (a == "--") {
      onlyPositionals = true;
      continue;
    }
    if (a == "--help" || a == "-h") {
      out.flags.insert("--help");
      return out;  // help wins over anything else on the line
    }
    const auto eq = a.find('=');
    const std::string name = a.substr(0, eq);
    if (spec.flags.contains(name) && eq == std::string::npos) {
      out.flags.insert(name);
    } else if (spec.options.contains(name)) {
      if (eq != std::string::npos) {
        out.options[name] = a.substr(eq + 1);
      } else if (i + 1 < argv.size()) {
        out.options[name] = argv[++i];
      } else {
        return core::fail("option ", name, " needs a value");
      }
    } else {
      return core::fail("unknown option ", name);
    }
  }
  if (out.positionals.size() < spec.minPositionals) {
    return core::fail("missing argument (expected at least ", std::to_string(spec.minPositionals), ")");
  }
  if (out.positionals.size() > spec.maxPositionals) {
    return core::fail("unexpected argument '", out.positionals[spec.maxPositionals], "'");
  }
  return out;
}

ParsedCommand parseCommand(const std::vector<std::string>& argv, const ArgSpec& spec,
                           std::string_view name, std::string_view help) {
  auto args = parseArgs(argv, spec);
  if (!args) {
    std::fprintf(stderr, "praxis %.*s: %s\n\n%.*s", static_cast<int>(name.size()), name.data(),
                 args.error().message.c_str(), static_cast<int>(help.size()), help.data());
    return {std::nullopt, kExitUsage};
  }
  if (args->has("--help")) {
    std::fwrite(help.data(), 1, help.size(), stdout);
    return {std::nullopt, kExitOk};
  }
  return {std::move(*args), kExitOk};
}

int usageError(std::string_view name, std::string_view message) {
  std::fprintf(stderr, "praxis %.*s: %.*s\n", static_cast<int>(name.size()), name.data(),
               static_cast<int>(message.size()), message.data());
  return kExitUsage;
}

}  // namespace praxis::cli
