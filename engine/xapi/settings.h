// Where xAPI settings come from: command line (--lrs, --outbox), environment
// (PRAXIS_LRS_ENDPOINT, PRAXIS_LRS_USERNAME, PRAXIS_LRS_PASSWORD, PRAXIS_XAPI_CONFIG) and a
// JSON config file, in that order of precedence. Secrets are read, never echoed.
#pragma once

#include <filesystem>
#include <functional>
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

/// Resolves the settings; a malformed config file is an error naming the file and key.
[[nodiscard]] core::Result<XapiSettings> loadSettings(const SettingsSources& sources);

}  // namespace praxis::xapi
