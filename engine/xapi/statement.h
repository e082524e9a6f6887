// The xAPI 1.0.3 statement model Praxis emits, and its JSON form (nlohmann-json).
// Only the parts Praxis sends are modelled; extensions are free JSON keyed by IRIs.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace praxis::xapi {

using Json = nlohmann::json;
/// A language map: BCP 47 tag → text.
using LanguageMap = std::map<std::string, std::string>;

struct Account {
  std::string homePage;  // IRL of the system that issued the account
  std::string name;      // opaque id within it
};

/// An Agent with exactly one inverse functional identifier (the validator checks "exactly one").
struct Agent {
  std::string name;                // optional display name
  std::optional<Account> account;  // Praxis's default: pseudonymous
  std::string mbox;                // "mailto:…", only when configured
  std::string mboxSha1sum;         // 40 hex digits, only when configured
  /// The agent exactly as an LMS gave it (a cmi5 launch): toJson returns it unchanged, so
  /// nothing is added ("objectType") or dropped (cmi5 8.1.3.0-3, 11.0.0.0-1). Null otherwise.
  Json asReceived = Json();
};

struct Verb {
  std::string id;
  LanguageMap display;
};

struct ActivityDefinition {
  LanguageMap name;
  LanguageMap description;
  std::string type;
  Json extensions = Json::object();
};

struct Activity {
  std::string id;
  std::optional<ActivityDefinition> definition;
};

struct Score {
  std::optional<double> scaled;
  std::optional<double> raw;
  std::optional<double> min;
  std::optional<double> max;
};

struct StatementResult {
  std::optional<Score> score;
  std::optional<bool> success;
  std::optional<bool> completion;
  std::string duration;  // ISO 8601, e.g. "PT1M2.5S"; "" for none
  std::string response;
  Json extensions = Json::object();
};

struct ContextActivities {
  std::vector<Activity> parent;
  std::vector<Activity> grouping;
  std::vector<Activity> category;
  std::vector<Activity> other;
};

struct Context {
  std::string registration;  // UUID of the attempt; "" for none
  ContextActivities contextActivities;
  std::string platform;
  std::string language;  // BCP 47
  Json extensions = Json::object();
};

struct Statement {
  std::string id;  // UUID v4; the emitter fills it when empty
  Agent actor;
  Verb verb;
  Activity object;
  std::optional<StatementResult> result;
  std::optional<Context> context;
  std::string timestamp;  // RFC 3339 UTC with ms; the emitter fills it when empty
};

[[nodiscard]] Json toJson(const Agent& agent);
[[nodiscard]] Json toJson(const Activity& activity);
[[nodiscard]] Json toJson(const Statement& statement);

/// Reads an Agent as found in a cmi5 launch URL or a statement; fails naming what is wrong.
/// The result keeps `json` as asReceived.
[[nodiscard]] core::Result<Agent> agentFromJson(const Json& json);

/// How Praxis identifies trainees. Pseudonymous by default: an account with the provider's
/// homePage and an opaque id; mbox/mbox_sha1sum only when a provider configures them.
struct ActorPolicy {
  std::string homePage = "https://praxis.example.org";
  bool useMbox = false;
  bool useMboxSha1sum = false;
};

/// The actor for a trainee known by an opaque `accountName`, or by `email` when the policy
/// allows it (mbox or its SHA-1, per the policy).
[[nodiscard]] Agent makeActor(const ActorPolicy& policy, const std::string& accountName,
                              const std::string& email = {});

/// SHA-1 of "mailto:<email>" as 40 lowercase hex digits (xAPI mbox_sha1sum).
[[nodiscard]] std::string mboxSha1sum(std::string_view email);

/// One path segment of an IRI, percent-encoded ("safe isolation" → "safe%20isolation").
[[nodiscard]] std::string iriSegment(std::string_view segment);

/// Activity ids under a configurable IRI base: activityIri("https://x.org/act/", "a", "b")
/// is "https://x.org/act/a/b". Each segment is percent-encoded.
[[nodiscard]] std::string activityIri(std::string_view base, std::string_view first,
                                      std::string_view second = {}, std::string_view third = {});

}  // namespace praxis::xapi
