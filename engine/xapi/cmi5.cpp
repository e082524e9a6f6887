#include "xapi/cmi5.h"

#include <cctype>
#include <cmath>
#include <map>

#include "core/uuid.h"
#include "xapi/json_input.h"
#include "xapi/validator.h"
#include "xapi/vocabulary.h"

namespace praxis::xapi::cmi5 {
namespace {

std::string percentDecode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out.push_back(' ');
    } else if (text[i] == '%' && i + 2 < text.size() &&
               std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::map<std::string, std::string> queryParameters(std::string_view url) {
  std::map<std::string, std::string> out;
  const auto q = url.find('?');
  if (q == std::string_view::npos) return out;
  std::string_view rest = url.substr(q + 1);
  if (const auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const auto pair = rest.substr(0, amp);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos) {
      out[percentDecode(pair.substr(0, eq))] = percentDecode(pair.substr(eq + 1));
    }
    if (amp == std::string_view::npos) break;
    rest = rest.substr(amp + 1);
  }
  return out;
}

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
  const std::string query = "stateId=" + urlEncode(cmi5::kLaunchDataStateId) +
                            "&activityId=" + urlEncode(launch.activityId) +
                            "&agent=" + urlEncode(toJson(launch.actor).dump()) +
                            "&registration=" + urlEncode(launch.registration);
  auto response = client.getState(query);
  if (!response) return core::fail("cmi5 LMS.LaunchData: ", response.error().message);
  if (response->status != 200) {
    return core::fail("cmi5 LMS.LaunchData: HTTP ", std::to_string(response->status));
  }
  const auto j = parseJsonInput(response->body);
  if (!j) return core::fail("cmi5 LMS.LaunchData: ", j.error().message);
  auto data = parseLaunchData(*j);
  if (!data) return std::unexpected(data.error());
  session.data_ = std::move(*data);
  return session;
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

}  // namespace praxis::xapi::cmi5
