// cmi5 for an assignable unit (AU): read the LMS's launch URL, fetch the auth token, read
// LMS.LaunchData, and build the cmi5 defined statements in the order the spec requires.
#pragma once

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
  Agent actor;
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
  /// Fetches the token and reads LMS.LaunchData. `transport` gives timeouts / CA file.
  [[nodiscard]] static core::Result<Session> begin(const Launch& launch,
                                                   const LrsConfig& transport = {});
  /// For tests and offline use: a session from data already known.
  Session(Launch launch, LaunchData data, std::string authToken, const LrsConfig& transport);

  /// The LRS configuration for this session's statements (endpoint + auth token).
  [[nodiscard]] const LrsConfig& lrs() const { return lrs_; }
  [[nodiscard]] const LaunchData& launchData() const { return data_; }
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
  Launch launch_;
  LaunchData data_;
  LrsConfig lrs_;
};

[[nodiscard]] std::string_view toString(LaunchMode mode);
[[nodiscard]] std::string_view toString(MoveOn moveOn);

}  // namespace praxis::xapi::cmi5
