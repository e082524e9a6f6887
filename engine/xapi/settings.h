// Where xAPI settings come from: command line (--lrs, --outbox), environment
// (PRAXIS_LRS_ENDPOINT, PRAXIS_LRS_USERNAME, PRAXIS_LRS_PASSWORD, PRAXIS_XAPI_CONFIG) and a
// JSON config file, in that order of precedence. Secrets are read, never echoed.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "core/result.h"
#include "xapi/lrs_client.h"
#include "xapi/statement.h"

namespace praxis::xapi {

struct XapiSettings {
  std::optional<LrsConfig> lrs;  // none: statements stay in the outbox
  std::filesystem::path outbox;  // default: userDataDir()/outbox.sqlite
  ActorPolicy actor;
  std::string activityBase = "https://praxis.example.org/xapi/activities/";
  std::filesystem::path configFile;  // the file that was read, if any
  /// Where each setting that is not a default came from, by name ("lrs.endpoint",
  /// "lrs.username", "lrs.caFile", "outbox", ...): "--lrs", "PRAXIS_LRS_ENDPOINT", the config
  /// file's path, or "default". Shown by `praxis xapi status`; never the values of secrets.
  std::map<std::string, std::string> sources;
};

struct SettingsSources {
  std::string lrsUrl;      // --lrs
  std::string outbox;      // --outbox
  std::string configFile;  // --config; else $PRAXIS_XAPI_CONFIG; else
                           // userDataDir()/xapi.json when it exists
  std::function<const char*(const char*)> getenv = [](const char* name) {
    return std::getenv(name);
  };
};

/// Resolves the settings field by field (command line, then environment, then the config
/// file); a malformed config file is an error naming the file and key, an LRS endpoint that
/// is not an http(s) URL an error naming where it came from.
[[nodiscard]] core::Result<XapiSettings> loadSettings(const SettingsSources& sources);

}  // namespace praxis::xapi
