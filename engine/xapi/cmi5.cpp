#include "xapi/cmi5.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <cmath>

#include "core/paths.h"
#include "core/uuid.h"
#include "xapi/delivery.h"
#include "xapi/json_input.h"
#include "xapi/validator.h"
#include "xapi/vocabulary.h"

namespace praxis::xapi::cmi5 {
namespace {

Activity category(std::string_view id) { return Activity{std::string(id), std::nullopt}; }

}  // namespace

std::string_view toString(LaunchMode mode) {
  switch (mode) {
    case LaunchMode::Normal:
      return "Normal";
    case LaunchMode::Browse:
      return "Browse";
    case LaunchMode::Review:
      return "Review";
  }
  return "?";
}

std::string_view toString(MoveOn moveOn) {
  switch (moveOn) {
    case MoveOn::Passed:
      return "Passed";
    case MoveOn::Completed:
      return "Completed";
    case MoveOn::CompletedAndPassed:
      return "CompletedAndPassed";
    case MoveOn::CompletedOrPassed:
      return "CompletedOrPassed";
    case MoveOn::NotApplicable:
      return "NotApplicable";
  }
  return "?";
}

core::Result<Launch> parseLaunchUrl(std::string_view url) {
  auto params = queryParameters(url);
  Launch launch;
  for (const char* key : {"endpoint", "fetch", "actor", "registration", "activityId"}) {
    if (!params.contains(key) || params[key].empty()) {
      return core::fail("cmi5 launch URL: missing parameter '", key, "'");
    }
  }
  launch.endpoint = params["endpoint"];
  launch.fetch = params["fetch"];
  launch.registration = params["registration"];
  launch.activityId = params["activityId"];
  // Every statement carries the registration, and the launch's outbox is named by it: a
  // non-UUID would make each statement invalid, a "../" one a path outside the data folder.
  if (!core::isUuid(launch.registration)) {
    return core::fail("cmi5 launch URL: 'registration' is not a UUID");
  }
  const auto actor = parseJsonInput(params["actor"]);
  if (!actor) return core::fail("cmi5 launch URL: 'actor': ", actor.error().message);
  auto agent = agentFromJson(*actor);
  if (!agent) return core::fail("cmi5 launch URL: ", agent.error().message);
  launch.actor = *agent;
  launch.actorJson = params["actor"];
  return launch;
}

core::Result<LaunchData> parseLaunchData(const Json& j) {
  if (!j.is_object()) return core::fail("LMS.LaunchData: expected a JSON object");
  LaunchData data;
  if (j.contains("contextTemplate")) {
    if (!j["contextTemplate"].is_object())
      return core::fail("LMS.LaunchData: contextTemplate must be an object");
    data.contextTemplate = j["contextTemplate"];
    // The template's extensions go into every statement: a key that is not an IRI would
    // make all of them invalid, so the launch fails now instead of the attempt going
    // unrecorded.
    const Json& ext = data.contextTemplate.value("extensions", Json::object());
    if (!ext.is_object()) return core::fail("LMS.LaunchData: contextTemplate.extensions must be an object");
    for (const auto& [key, value] : ext.items()) {
      if (!isIri(key)) {
        return core::fail("LMS.LaunchData: contextTemplate.extensions key '", key,
                          "' is not an IRI");
      }
    }
  }
  const std::string mode = j.value("launchMode", "");
  if (mode == "Normal")
    data.launchMode = LaunchMode::Normal;
  else if (mode == "Browse")
    data.launchMode = LaunchMode::Browse;
  else if (mode == "Review")
    data.launchMode = LaunchMode::Review;
  else
    return core::fail("LMS.LaunchData: launchMode '", mode, "' is not Normal, Browse or Review");
  const std::string moveOn = j.value("moveOn", "NotApplicable");
  bool known = false;
  for (auto m : {MoveOn::Passed, MoveOn::Completed, MoveOn::CompletedAndPassed,
                 MoveOn::CompletedOrPassed, MoveOn::NotApplicable}) {
    if (moveOn == toString(m)) {
      data.moveOn = m;
      known = true;
    }
  }
  if (!known) return core::fail("LMS.LaunchData: unknown moveOn '", moveOn, "'");
  if (j.contains("masteryScore")) {
    if (!j["masteryScore"].is_number())
      return core::fail("LMS.LaunchData: masteryScore must be a number");
    const double m = j["masteryScore"].get<double>();
    if (m < 0.0 || m > 1.0) return core::fail("LMS.LaunchData: masteryScore must be within 0..1");
    data.masteryScore = m;
  }
  data.returnUrl = j.value("returnURL", "");
  data.launchParameters = j.value("launchParameters", "");
  return data;
}

core::Result<LearnerPreferences> parseLearnerPreferences(const Json& j) {
  if (!j.is_object()) return core::fail("cmi5LearnerPreferences: expected a JSON object");
  LearnerPreferences out;
  if (j.contains("languagePreference")) {
    if (!j["languagePreference"].is_string())
      return core::fail("cmi5LearnerPreferences: languagePreference must be a string");
    // cmi5 §11.1: a comma-separated list of RFC 5646 tags, most preferred first.
    std::string_view rest = j["languagePreference"].get_ref<const std::string&>();
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      std::string tag(rest.substr(0, comma));
      std::erase(tag, ' ');
      if (!tag.empty()) out.languages.push_back(std::move(tag));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  if (j.contains("audioPreference")) {
    const Json& audio = j["audioPreference"];
    if (!audio.is_string() || (audio != "on" && audio != "off"))
      return core::fail("cmi5LearnerPreferences: audioPreference must be \"on\" or \"off\"");
    out.audio = audio.get<std::string>();
  }
  return out;
}

core::Result<std::string> fetchAuthToken(const std::string& fetchUrl, const LrsConfig& transport) {
  HttpClient http;
  auto response = http.request("POST", fetchUrl, {}, "", transport, false);
  if (!response) return core::fail("cmi5 fetch: ", response.error().message);
  const auto parsed = parseJsonInput(response->body);
  if (response->status != 200 || !parsed || !parsed->is_object()) {
    return core::fail("cmi5 fetch: HTTP ", std::to_string(response->status), " from the LMS",
                      parsed ? "" : " (" + parsed.error().message + ")");
  }
  const Json& j = *parsed;
  if (j.contains("error-code")) {
    return core::fail("cmi5 fetch: LMS error ", j["error-code"].dump(), ": ",
                      j.value("error-text", std::string()));
  }
  if (!j.contains("auth-token") || !j["auth-token"].is_string()) {
    return core::fail("cmi5 fetch: the LMS's answer has no auth-token");
  }
  return j["auth-token"].get<std::string>();
}

Session::Session(Launch launch, LaunchData data, std::string authToken, const LrsConfig& transport)
    : launch_(std::move(launch)), data_(std::move(data)), lrs_(transport) {
  lrs_.endpoint = launch_.endpoint;
  if (!lrs_.endpoint.empty() && lrs_.endpoint.back() != '/') lrs_.endpoint += '/';
  lrs_.username.clear();
  lrs_.password.clear();
  lrs_.authToken = std::move(authToken);
}

core::Result<Session> Session::begin(const Launch& launch, const LrsConfig& transport) {
  auto token = fetchAuthToken(launch.fetch, transport);
  if (!token) return std::unexpected(token.error());
  Session session(launch, LaunchData{}, *token, transport);
  LrsClient client(session.lrs_);
  if (auto read = session.readLaunchData(client); !read) return std::unexpected(read.error());
  if (auto read = session.readLearnerPreferences(client); !read) {
    return std::unexpected(read.error());
  }
  return session;
}

namespace {

// The JSON document of a 200 answer; `what` names it in errors. Parsed with the depth limit:
// an LMS's deeply nested document is an error, not a crash.
core::Result<Json> documentOf(const char* what, const core::Result<HttpResponse>& response) {
  if (!response) return core::fail(what, ": ", response.error().message);
  if (response->status != 200) return core::fail(what, ": ", lrsReason(response->status, response->body));
  auto j = parseJsonInput(response->body);
  if (!j) return core::fail(what, ": ", j.error().message);
  return j;
}

}  // namespace

core::Result<void> Session::readLaunchData(LrsClient& client) {
  // The agent goes out exactly as the LMS wrote it: an LMS compares it byte for byte.
  const std::string query = "stateId=" + urlEncode(cmi5::kLaunchDataStateId) +
                            "&activityId=" + urlEncode(launch_.activityId) +
                            "&agent=" + urlEncode(launch_.actorJson) +
                            "&registration=" + urlEncode(launch_.registration);
  auto document = documentOf("cmi5 LMS.LaunchData", client.getState(query));
  if (!document) return std::unexpected(document.error());
  auto data = parseLaunchData(*document);
  if (!data) return std::unexpected(data.error());
  data_ = std::move(*data);
  return {};
}

core::Result<void> Session::readLearnerPreferences(LrsClient& client) {
  const std::string query = "profileId=" + urlEncode(cmi5::kLearnerPreferencesProfileId) +
                            "&agent=" + urlEncode(launch_.actorJson);
  auto response = client.getAgentProfile(query);
  // 11.0.0.0-3 asks the AU to read the document; a learner may have none (404).
  if (response && response->status == 404) return {};
  auto document = documentOf("cmi5 learner preferences", response);
  if (!document) return std::unexpected(document.error());
  auto preferences = parseLearnerPreferences(*document);
  if (!preferences) return std::unexpected(preferences.error());
  preferences_ = std::move(*preferences);
  return {};
}

std::string Session::sessionId() const {
  const auto& ext = data_.contextTemplate.value("extensions", Json::object());
  const auto it = ext.find(std::string(cmi5::kSessionIdExtension));
  return it != ext.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Statement Session::statement(std::string_view verbId, std::string_view display,
                             WallClock::time_point at, bool cmi5Defined) const {
  Statement s;
  s.actor = launch_.actor;
  s.verb = Verb{std::string(verbId), {{"en-US", std::string(display)}}};
  s.object = Activity{launch_.activityId, std::nullopt};
  s.timestamp = formatTimestamp(at);
  Context c;
  c.registration = launch_.registration;
  // cmi5 §9.6: the contextTemplate's properties go into every statement, unchanged.
  const Json& t = data_.contextTemplate;
  if (t.contains("extensions") && t["extensions"].is_object()) c.extensions = t["extensions"];
  if (t.contains("contextActivities") && t["contextActivities"].is_object()) {
    auto copy = [&](const char* key, std::vector<Activity>& into) {
      if (!t["contextActivities"].contains(key)) return;
      Json list = t["contextActivities"][key];
      if (!list.is_array()) list = Json::array({list});
      for (const auto& a : list) {
        if (a.contains("id") && a["id"].is_string())
          into.push_back(category(a["id"].get<std::string>()));
      }
    };
    copy("parent", c.contextActivities.parent);
    copy("grouping", c.contextActivities.grouping);
    copy("category", c.contextActivities.category);
    copy("other", c.contextActivities.other);
  }
  if (cmi5Defined) c.contextActivities.category.push_back(category(cmi5::kCategory));
  s.context = std::move(c);
  return s;
}

Statement Session::initialized(WallClock::time_point at) const {
  return statement(verbs::kInitialized, "initialized", at, true);
}

std::vector<Statement> Session::finish(const AttemptResult& result,
                                       WallClock::time_point at) const {
  std::vector<Statement> out;
  const std::string duration = formatDuration(result.durationSeconds);
  // cmi5 §10: in Browse and Review modes the AU must not send completed, passed or failed.
  if (data_.launchMode == LaunchMode::Normal) {
    if (result.completed && data_.moveOn != MoveOn::Passed) {
      Statement s =
          statement(verbs::kCompleted, "completed", at + std::chrono::milliseconds(1), true);
      s.context->contextActivities.category.push_back(category(cmi5::kMoveOnCategory));
      StatementResult r;
      r.completion = true;
      r.duration = duration;
      s.result = r;
      out.push_back(std::move(s));
    }
    if (data_.moveOn != MoveOn::Completed && result.scaledScore) {
      const bool passed =
          data_.masteryScore ? *result.scaledScore >= *data_.masteryScore : result.passedByScenario;
      Statement s =
          statement(passed ? verbs::kPassed : verbs::kFailed, passed ? "passed" : "failed",
                    at + std::chrono::milliseconds(2), true);
      s.context->contextActivities.category.push_back(category(cmi5::kMoveOnCategory));
      if (data_.masteryScore) {
        s.context->extensions[std::string(cmi5::kMasteryScoreExtension)] = *data_.masteryScore;
      }
      StatementResult r;
      Score score;
      score.scaled = std::round(*result.scaledScore * 10000.0) / 10000.0;
      if (result.rawScore && result.maxScore) {
        score.raw = *result.rawScore;
        score.min = 0.0;
        score.max = *result.maxScore;
      }
      r.score = score;
      r.success = passed;
      r.duration = duration;
      s.result = r;
      out.push_back(std::move(s));
    }
  }
  Statement terminated =
      statement(verbs::kTerminated, "terminated", at + std::chrono::milliseconds(3), true);
  StatementResult r;
  r.duration = duration;
  terminated.result = r;
  out.push_back(std::move(terminated));
  return out;
}

std::filesystem::path credentialsPath(const std::filesystem::path& outbox) {
  return outbox.string() + ".lms";
}

core::Result<void> keepCredentials(const std::filesystem::path& outbox, const LrsConfig& lrs) {
  const auto path = credentialsPath(outbox);
  const std::string text = Json{{"endpoint", lrs.endpoint}, {"authToken", lrs.authToken}}.dump();
  // Created 0600 from the start (no window in which the token is readable by others);
  // O_NOFOLLOW: a link planted there must not redirect the secret.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return core::fail("cannot keep the LMS session in ", path.string(), ": ", std::strerror(errno));
  const bool ok = ::fchmod(fd, 0600) == 0 &&
                  ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                  ::fsync(fd) == 0;
  const int savedErrno = errno;
  ::close(fd);
  if (!ok) return core::fail("cannot keep the LMS session in ", path.string(), ": ", std::strerror(savedErrno));
  return {};
}

core::Result<std::optional<LrsConfig>> keptCredentials(const std::filesystem::path& outbox,
                                                       const LrsConfig& transport) {
  const auto path = credentialsPath(outbox);
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0) return std::optional<LrsConfig>();
  if (!S_ISREG(info.st_mode) || (info.st_mode & 0077) != 0 || info.st_uid != ::geteuid()) {
    return core::fail(path.string(), ": the LMS session file must be a regular file of yours that "
                      "only you can read (chmod 600)");
  }
  const auto text = core::readFile(path);
  if (!text) return core::fail(text.error().message);
  const Json j = parseJsonInput(*text).value_or(Json());
  if (!j.is_object() || !j.contains("endpoint") || !j["endpoint"].is_string() ||
      !j.contains("authToken") || !j["authToken"].is_string()) {
    return core::fail(path.string(), ": not an LMS session file");
  }
  LrsConfig lrs = transport;
  lrs.endpoint = j["endpoint"].get<std::string>();
  lrs.username.clear();
  lrs.password.clear();
  lrs.authToken = j["authToken"].get<std::string>();
  return std::optional<LrsConfig>(std::move(lrs));
}

void forgetCredentials(const std::filesystem::path& outbox) {
  std::error_code ec;
  std::filesystem::remove(credentialsPath(outbox), ec);
}

}  // namespace praxis::xapi::cmi5
