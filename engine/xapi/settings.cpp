#include "xapi/settings.h"

#include <cstdlib>

#include "core/paths.h"
#include "xapi/json_input.h"

namespace praxis::xapi {
namespace {

// The LRS settings before merging: each field with the source that set it ("" = unset).
struct LrsParts {
  LrsConfig config;
  std::map<std::string, std::string> sources;
};

core::Result<void> readLrs(const Json& l, const std::filesystem::path& path, LrsParts& lrs) {
  if (!l.is_object()) return core::fail(path.string(), ": lrs must be an object");
  for (auto [key, target] :
       {std::pair{"endpoint", &lrs.config.endpoint}, std::pair{"username", &lrs.config.username},
        std::pair{"password", &lrs.config.password}, std::pair{"caFile", &lrs.config.caFile}}) {
    if (!l.contains(key)) continue;
    if (!l[key].is_string()) return core::fail(path.string(), ": lrs.", key, " must be a string");
    *target = l[key].get<std::string>();
    lrs.sources[std::string("lrs.") + key] = path.string();
  }
  if (l.contains("timeoutMs")) {
    if (!l["timeoutMs"].is_number_integer() || l["timeoutMs"].get<long long>() <= 0) {
      return core::fail(path.string(), ": lrs.timeoutMs must be a positive whole number");
    }
    lrs.config.timeout = std::chrono::milliseconds(l["timeoutMs"].get<long long>());
    lrs.sources["lrs.timeoutMs"] = path.string();
  }
  return {};
}

core::Result<void> readFile(const std::filesystem::path& path, XapiSettings& out, LrsParts& lrs) {
  auto text = core::readFile(path);
  if (!text) return std::unexpected(text.error());
  auto parsed = parseJsonInput(*text);
  if (!parsed) return core::fail(path.string(), ": ", parsed.error().message);
  const Json& j = *parsed;
  if (!j.is_object()) return core::fail(path.string(), ": not a JSON object");
  auto str = [&](const Json& obj, const char* key, std::string& target,
                 const std::string& where) -> core::Result<void> {
    if (!obj.contains(key)) return {};
    if (!obj[key].is_string())
      return core::fail(path.string(), ": ", where, key, " must be a string");
    target = obj[key].get<std::string>();
    out.sources[where + key] = path.string();
    return {};
  };
  if (j.contains("lrs")) {
    if (auto r = readLrs(j["lrs"], path, lrs); !r) return r;
  }
  std::string outbox;
  if (auto r = str(j, "outbox", outbox, ""); !r) return r;
  if (!outbox.empty()) out.outbox = outbox;
  if (auto r = str(j, "activityBase", out.activityBase, ""); !r) return r;
  if (j.contains("actor") && j["actor"].is_object()) {
    const Json& a = j["actor"];
    if (auto r = str(a, "homePage", out.actor.homePage, "actor."); !r) return r;
    out.actor.useMbox = a.value("useMbox", false);
    out.actor.useMboxSha1sum = a.value("useMboxSha1sum", false);
  }
  out.configFile = path;
  return {};
}

bool isHttpUrl(const std::string& url) {
  for (const std::string_view scheme : {"http://", "https://"}) {
    if (url.starts_with(scheme) && url.size() > scheme.size() && url[scheme.size()] != '/') {
      return true;
    }
  }
  return false;
}

// Each LRS field from the strongest source that sets it: the command line, then the
// environment, then the config file. A file's credentials and CA file stay when only the
// endpoint comes from --lrs or PRAXIS_LRS_ENDPOINT.
core::Result<void> mergeLrs(const SettingsSources& sources, LrsParts lrs, XapiSettings& settings) {
  auto env = [&](const char* name) -> std::string {
    const char* v = sources.getenv(name);
    return v ? std::string(v) : std::string();
  };
  auto take = [&](const std::string& value, const char* source, std::string& target,
                  const char* key) {
    if (value.empty()) return;
    target = value;
    lrs.sources[key] = source;
  };
  take(env("PRAXIS_LRS_ENDPOINT"), "PRAXIS_LRS_ENDPOINT", lrs.config.endpoint, "lrs.endpoint");
  take(sources.lrsUrl, "--lrs", lrs.config.endpoint, "lrs.endpoint");
  take(env("PRAXIS_LRS_USERNAME"), "PRAXIS_LRS_USERNAME", lrs.config.username, "lrs.username");
  take(env("PRAXIS_LRS_PASSWORD"), "PRAXIS_LRS_PASSWORD", lrs.config.password, "lrs.password");
  if (lrs.config.endpoint.empty()) return {};  // no LRS: statements stay in the outbox
  if (!isHttpUrl(lrs.config.endpoint)) {
    return core::fail("the LRS endpoint '", redactUrl(lrs.config.endpoint), "' (from ",
                      lrs.sources["lrs.endpoint"], ") is not an http:// or https:// URL");
  }
  if (lrs.config.endpoint.back() != '/') lrs.config.endpoint += '/';
  settings.lrs = lrs.config;
  settings.sources.merge(lrs.sources);
  return {};
}

}  // namespace

core::Result<XapiSettings> loadSettings(const SettingsSources& sources) {
  XapiSettings settings;
  std::filesystem::path file = sources.configFile;
  if (file.empty()) {
    if (const char* env = sources.getenv("PRAXIS_XAPI_CONFIG"); env && *env) file = env;
  }
  const bool explicitFile = !file.empty();
  if (!explicitFile) {
    if (auto dir = core::userDataDir()) file = *dir / "xapi.json";
  }
  LrsParts lrs;
  std::error_code ec;
  if (!file.empty() && (explicitFile || std::filesystem::exists(file, ec))) {
    if (auto r = readFile(file, settings, lrs); !r) return std::unexpected(r.error());
  }
  if (auto r = mergeLrs(sources, std::move(lrs), settings); !r) return std::unexpected(r.error());
  if (!sources.outbox.empty()) {
    settings.outbox = sources.outbox;
    settings.sources["outbox"] = "--outbox";
  }
  if (settings.outbox.empty()) {
    auto dir = core::userDataDir();
    if (!dir) return std::unexpected(dir.error());
    settings.outbox = *dir / "outbox.sqlite";
    settings.sources["outbox"] = "default";
  }
  return settings;
}

}  // namespace praxis::xapi
