#include "args.h"

namespace praxis::cli {

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

}  // namespace praxis::cli
