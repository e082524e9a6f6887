// cmi5 for an assignable unit (AU): read the LMS's launch URL, fetch the auth token, read
// LMS.LaunchData, and build the cmi5 defined statements in the order the spec requires.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "xapi/lrs_client.h"
#include "xapi/statement.h"
#include "xapi/time_format.h"

namespace praxis::xapi::cmi5 {

/// The launch parameters the LMS puts on the AU's URL (cmi5 §8.1).
struct Launch {
  std::string endpoint;  // the LRS endpoint for this session
  std::string fetch;     // one-time URL that returns the auth token
  Agent actor;            // its asReceived is the launch's actor JSON
  std::string actorJson;  // the actor parameter exactly as received: the `agent` of requests
  std::string registration;
  std::string activityId;  // the AU's id: the object of every cmi5 defined statement
};

/// Parses "…?endpoint=…&fetch=…&actor=…&registration=…&activityId=…" (percent-encoded).
[[nodiscard]] core::Result<Launch> parseLaunchUrl(std::string_view url);

enum class LaunchMode { Normal, Browse, Review };
enum class MoveOn { Passed, Completed, CompletedAndPassed, CompletedOrPassed, NotApplicable };

/// The LMS.LaunchData state document (cmi5 §10).
struct LaunchData {
  Json contextTemplate = Json::object();
  LaunchMode launchMode = LaunchMode::Normal;
  std::optional<double> masteryScore;  // scaled, 0..1
  MoveOn moveOn = MoveOn::NotApplicable;
  std::string returnUrl;
  std::string launchParameters;
};
[[nodiscard]] core::Result<LaunchData> parseLaunchData(const Json& json);

/// The cmi5LearnerPreferences Agent Profile document (cmi5 §11). Empty when the LMS has none.
struct LearnerPreferences {
  std::vector<std::string> languages;  // languagePreference, in the learner's order
  std::string audio;                   // audioPreference: "on", "off" or "" (no preference)
};
[[nodiscard]] core::Result<LearnerPreferences> parseLearnerPreferences(const Json& json);

/// POSTs to the fetch URL and returns the "auth-token" (cmi5 §8.2). The URL is single-use.
[[nodiscard]] core::Result<std::string> fetchAuthToken(const std::string& fetchUrl,
                                                       const LrsConfig& transport = {});

/// How the attempt ended, in the terms cmi5 needs.
struct AttemptResult {
  bool completed = false;             // the trainee reached the end of the scenario
  std::optional<double> scaledScore;  // 0..1
  std::optional<double> rawScore;
  std::optional<double> maxScore;
  bool passedByScenario = false;  // used when the LMS gave no masteryScore
  double durationSeconds = 0.0;
};

/// One AU session: credentials, launch data, session id, and the statements.
class Session {
 public:
  /// Fetches the token, reads LMS.LaunchData and the learner preferences (11.0.0.0-3: before
  /// any statement). `transport` gives timeouts / CA file.
  [[nodiscard]] static core::Result<Session> begin(const Launch& launch,
                                                   const LrsConfig& transport = {});
  /// For tests and offline use: a session from data already known.
  Session(Launch launch, LaunchData data, std::string authToken, const LrsConfig& transport);

  /// The LRS configuration for this session's statements (endpoint + auth token).
  [[nodiscard]] const LrsConfig& lrs() const { return lrs_; }
  [[nodiscard]] const LaunchData& launchData() const { return data_; }
  [[nodiscard]] const LearnerPreferences& learnerPreferences() const { return preferences_; }
  [[nodiscard]] const Launch& launch() const { return launch_; }
  [[nodiscard]] std::string sessionId() const;

  /// The first statement of the session.
  [[nodiscard]] Statement initialized(WallClock::time_point at) const;
  /// The closing statements, in order: completed and/or passed|failed as launchMode, moveOn
  /// and masteryScore allow, then terminated. Browse/Review: terminated only.
  [[nodiscard]] std::vector<Statement> finish(const AttemptResult& result,
                                              WallClock::time_point at) const;

  /// A statement carrying this session's context (template, registration, cmi5 category),
  /// for "cmi5 allowed" statements too (pass cmi5Defined = false).
  [[nodiscard]] Statement statement(std::string_view verbId, std::string_view display,
                                    WallClock::time_point at, bool cmi5Defined) const;

 private:
  [[nodiscard]] core::Result<void> readLaunchData(LrsClient& client);
  [[nodiscard]] core::Result<void> readLearnerPreferences(LrsClient& client);

  Launch launch_;
  LaunchData data_;
  LearnerPreferences preferences_;
  LrsConfig lrs_;
};

/// The LMS session's endpoint and auth token, kept beside a cmi5 session's outbox so that
/// `praxis xapi flush` can still send what the session left undelivered (while the LMS
/// accepts the token). The file is created readable and writable by its owner only (0600)
/// and refused if anyone else can read it. Named "<outbox>.lms".
[[nodiscard]] std::filesystem::path credentialsPath(const std::filesystem::path& outbox);
[[nodiscard]] core::Result<void> keepCredentials(const std::filesystem::path& outbox,
                                                 const LrsConfig& lrs);
/// The LRS configuration kept for `outbox` (transport settings from `transport`), nullopt
/// when none is kept.
[[nodiscard]] core::Result<std::optional<LrsConfig>> keptCredentials(
    const std::filesystem::path& outbox, const LrsConfig& transport = {});
/// Removes the kept credentials (nothing left to send).
void forgetCredentials(const std::filesystem::path& outbox);

[[nodiscard]] std::string_view toString(LaunchMode mode);
[[nodiscard]] std::string_view toString(MoveOn moveOn);

}  // namespace praxis::xapi::cmi5
