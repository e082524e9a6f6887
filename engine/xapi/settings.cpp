#include "xapi/settings.h"

#include <cstdlib>

#include "core/paths.h"

namespace praxis::xapi {
namespace {

core::Result<void> readFile(const std::filesystem::path& path, XapiSettings& out) {
  auto text = core::readFile(path);
  if (!text) return std::unexpected(text.error());
  const Json j = Json::parse(*text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return core::fail(path.string(), ": not a JSON object");
  }
  auto str = [&](const Json& obj, const char* key, std::string& target,
                 const std::string& where) -> core::Result<void> {
    if (!obj.contains(key)) return {};
    if (!obj[key].is_string())
      return core::fail(path.string(), ": ", where, key, " must be a string");
    target = obj[key].get<std::string>();
    return {};
  };
  if (j.contains("lrs")) {
    const Json& l = j["lrs"];
    if (!l.is_object()) return core::fail(path.string(), ": lrs must be an object");
    LrsConfig config;
    for (auto [key, target] :
         {std::pair{"endpoint", &config.endpoint}, std::pair{"username", &config.username},
          std::pair{"password", &config.password}, std::pair{"caFile", &config.caFile}}) {
      if (auto r = str(l, key, *target, "lrs."); !r) return r;
    }
    if (l.contains("timeoutMs") && l["timeoutMs"].is_number_integer()) {
      config.timeout = std::chrono::milliseconds(l["timeoutMs"].get<long>());
    }
    if (!config.endpoint.empty()) out.lrs = config;
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
  std::error_code ec;
  if (!file.empty() && (explicitFile || std::filesystem::exists(file, ec))) {
    if (auto r = readFile(file, settings); !r) return std::unexpected(r.error());
  }
  auto env = [&](const char* name) -> std::string {
    const char* v = sources.getenv(name);
    return v ? std::string(v) : std::string();
  };
  std::string endpoint = sources.lrsUrl;
  if (endpoint.empty()) endpoint = env("PRAXIS_LRS_ENDPOINT");
  if (!endpoint.empty()) {
    if (!settings.lrs) settings.lrs = LrsConfig{};
    settings.lrs->endpoint = endpoint;
  }
  if (settings.lrs) {
    if (auto u = env("PRAXIS_LRS_USERNAME"); !u.empty()) settings.lrs->username = u;
    if (auto p = env("PRAXIS_LRS_PASSWORD"); !p.empty()) settings.lrs->password = p;
    if (settings.lrs->endpoint.back() != '/') settings.lrs->endpoint += '/';
  }
  if (!sources.outbox.empty()) settings.outbox = sources.outbox;
  if (settings.outbox.empty()) {
    auto dir = core::userDataDir();
    if (!dir) return std::unexpected(dir.error());
    settings.outbox = *dir / "outbox.sqlite";
  }
  return settings;
}

}  // namespace praxis::xapi
