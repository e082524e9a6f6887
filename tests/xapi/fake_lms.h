// A stand-in cmi5 LMS for tests: a one-time fetch URL that hands out an auth token, the
// State and Agent Profile documents from a real xAPI document store (document_store.h), and
// statements passed on to the real LRS only with that token. It enforces the AU rules the way
// ADL's CATAPULT player does in its LRS proxy, answering 403 with the requirement id:
//   11.0.0.0-3  the learner preferences are read before any statement,
//   8.1.3.0-3 / 11.0.0.0-1  the launch actor, exactly as given, in every request,
//   9.3.0.0-4  `initialized` is the first statement accepted (so a batch that holds it with
//              later statements is refused whole),
//   9.3.0.0-5  nothing after `terminated`,
//   9.6.1.0-1, 9.7.0.0-2, 10.2.1.0-6  the launch's registration, UTC timestamps, the context
//              template's extensions (session id) in every statement,
//   8.1.5.0-6, 9.5.x, 9.6.2.2-1, 9.6.3.2-2, 10.2.2.0-2  the defined statements' object, result
//              properties by verb, moveOn category, mastery score, launch mode.
#pragma once

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "document_store.h"
#include "xapi/cmi5.h"
#include "xapi/lrs_client.h"
#include "xapi/statement.h"
#include "xapi/vocabulary.h"
#include "xapi_test_util.h"

namespace praxis::xapi::test {

inline constexpr const char* kToken = "bG1zOnNlc3Npb24tc2VjcmV0";  // base64("lms:session-secret")

/// The launch actor as the LMS writes it: no objectType, keys not in sorted order, so an AU
/// that rebuilds or re-serialises it sends something else.
inline constexpr const char* kLaunchActor =
    R"({"name":"Learner Seven","account":{"name":"learner-7","homePage":"https://lms.example.org"}})";

class FakeLms {
 public:
  /// `preferences`: the cmi5LearnerPreferences document, none when nullopt (then 404).
  FakeLms(std::string lrsOrigin, Json launchData, std::optional<Json> preferences = std::nullopt)
      : lrsOrigin_(std::move(lrsOrigin)),
        launchData_(std::move(launchData)),
        preferences_(std::move(preferences)),
        server_([this](const HttpRequest& r) { return handle(r); }) {}

  /// The launch URL for one registration; stores LMS.LaunchData (and the preferences) for it.
  std::string launchUrl(const std::string& registration, const std::string& activityId) {
    {
      std::lock_guard lock(mutex_);
      registration_ = registration;
      activityId_ = activityId;
    }
    seed(DocumentResource::State,
         "stateId=" + std::string(cmi5::kLaunchDataStateId) + "&activityId=" + urlEncode(activityId) +
             "&registration=" + urlEncode(registration),
         launchData_);
    if (preferences_) {
      seed(DocumentResource::AgentProfile,
           "profileId=" + std::string(cmi5::kLearnerPreferencesProfileId), *preferences_);
    }
    return "praxis://launch?endpoint=" + urlEncode(server_.url() + "/xAPI/") +
           "&fetch=" + urlEncode(server_.url() + "/fetch?session=1") + "&actor=" +
           urlEncode(kLaunchActor) + "&registration=" + registration +
           "&activityId=" + urlEncode(activityId);
  }
  std::string endpoint() const { return server_.url() + "/xAPI/"; }
  /// Where statements go from now on (the LMS's own LRS coming back, say).
  void setLrsOrigin(std::string origin) {
    std::lock_guard lock(mutex_);
    lrsOrigin_ = std::move(origin);
  }
  int fetches() const { return fetches_; }
  std::string lastStateQuery() const {
    std::lock_guard lock(mutex_);
    return stateQuery_;
  }
  /// Every 403 it answered, with the requirement id first.
  std::vector<std::string> refusals() const {
    std::lock_guard lock(mutex_);
    return refusals_;
  }
  /// Statement requests (POST/PUT) it received, accepted or not.
  int statementRequests() const { return statementRequests_; }

 private:
  void seed(DocumentResource resource, const std::string& query, const Json& document) {
    HttpRequest put;
    put.method = "PUT";
    put.target = "/xAPI/x?" + query + "&agent=" + urlEncode(kLaunchActor);
    put.headers = {{"Content-Type", "application/json"}, {"If-Match", "*"}};
    put.body = document.dump();
    if (documents_.handle(resource, put).status == 412) {  // not there yet: create it
      put.headers = {{"Content-Type", "application/json"}};
      documents_.handle(resource, put);
    }
  }

  HttpReply refuse(const std::string& requirement, const std::string& text) {
    std::lock_guard lock(mutex_);
    refusals_.push_back(requirement + " " + text);
    return {403, Json{{"message", requirement + ": " + text}}.dump(), {"Content-Type: application/json"}};
  }

  HttpReply handle(const HttpRequest& r) {
    if (r.target.rfind("/fetch", 0) == 0) {
      if (r.method != "POST") return {405, "", {}};
      if (fetches_++ > 0) return {200, R"({"error-code":"1","error-text":"already used"})", {}};
      return {200, std::string(R"({"auth-token":")") + kToken + "\"}", {}};
    }
    if (r.header("Authorization") != std::string("Basic ") + kToken) return {401, "{}", {}};
    const std::string path = r.target.substr(0, r.target.find('?'));
    constexpr std::string_view kBase = "/xAPI/";
    const auto resource = path.rfind(kBase, 0) == 0 ? documentResource(path.substr(kBase.size()))
                                                    : std::nullopt;
    if (resource) return document(*resource, r);
    if (path == "/xAPI/statements" && (r.method == "POST" || r.method == "PUT")) return statements(r);
    return upstream(r);
  }

  HttpReply document(DocumentResource resource, const HttpRequest& r) {
    const auto query = queryParameters(r.target);
    const auto agent = query.find("agent");
    if (agent != query.end() && agent->second != kLaunchActor) {
      return refuse("8.1.3.0-3", "the agent is not the launch actor exactly as given");
    }
    if (resource == DocumentResource::AgentProfile && r.method == "GET" &&
        query.contains("profileId") &&
        query.at("profileId") == cmi5::kLearnerPreferencesProfileId) {
      preferencesRead_ = true;
    }
    if (resource == DocumentResource::State) {
      std::lock_guard lock(mutex_);
      stateQuery_ = r.target;
    }
    return documents_.handle(resource, r);
  }

  HttpReply statements(const HttpRequest& r) {
    ++statementRequests_;
    const Json body = Json::parse(r.body, nullptr, false);
    const Json batch = body.is_array() ? body : Json::array({body});
    if (!preferencesRead_) {
      return refuse("11.0.0.0-3", "the AU did not retrieve the learner preferences on startup");
    }
    std::string registration, au;
    {
      std::lock_guard lock(mutex_);
      registration = registration_;
      au = activityId_;
    }
    bool hasInitialized = false;
    for (const auto& s : batch) {
      if (auto broken = brokenRule(s, registration)) return refuse(broken->first, broken->second);
      if (auto broken = brokenDefinedRule(s, au)) return refuse(broken->first, broken->second);
      const std::string verb = s["verb"].value("id", "");
      if (!initialized_ && verb != verbs::kInitialized) {
        return refuse("9.3.0.0-4", "initialized must be the first statement accepted");
      }
      if (terminated_) return refuse("9.3.0.0-5", "a statement after terminated");
      if (initialized_ && verb == verbs::kInitialized) {
        return refuse("9.3.0.0-2", "already initialized");
      }
      hasInitialized = hasInitialized || verb == verbs::kInitialized;
    }
    HttpReply reply = upstream(r);
    if (reply.status == 200 || reply.status == 204) {
      initialized_ = initialized_ || hasInitialized;
      for (const auto& s : batch) {
        terminated_ = terminated_ || s["verb"].value("id", "") == verbs::kTerminated;
      }
    }
    return reply;
  }

  // The per-statement rules the player checks before its session rules (requirement, why).
  std::optional<std::pair<std::string, std::string>> brokenRule(const Json& s,
                                                                const std::string& registration) const {
    if (!s.is_object() || !s.contains("verb") || !s["verb"].is_object()) {
      return std::pair{"4.1.0.0-1", "not a statement"};
    }
    if (s.value("actor", Json()) != Json::parse(kLaunchActor)) {
      return std::pair{"8.1.3.0-3", "the statement's actor is not the launch actor"};
    }
    const std::string timestamp = s.value("timestamp", "");
    if (timestamp.empty() || timestamp.back() != 'Z') {
      return std::pair{"9.7.0.0-2", "the timestamp is not in UTC"};
    }
    const Json context = s.value("context", Json::object());
    if (context.value("registration", "") != registration) {
      return std::pair{"9.6.1.0-1", "the registration is not the launch's"};
    }
    const Json extensions = context.value("extensions", Json::object());
    for (const auto& [key, value] : launchData_["contextTemplate"]["extensions"].items()) {
      if (!extensions.contains(key) || extensions[key] != value) {
        return std::pair{"10.2.1.0-6", "the context does not hold the template's " + key};
      }
    }
    return std::nullopt;
  }

  // The rules for cmi5 defined statements (those in the cmi5 category), as the player checks
  // them: object, launch mode, result properties by verb, moveOn category, mastery score.
  std::optional<std::pair<std::string, std::string>> brokenDefinedRule(const Json& s,
                                                                       const std::string& au) const {
    using Rule = std::optional<std::pair<std::string, std::string>>;
    const Json context = s.value("context", Json::object());
    const Json categories = context.value("contextActivities", Json::object()).value("category", Json::array());
    const auto inCategory = [&](std::string_view id) {
      return std::any_of(categories.begin(), categories.end(),
                         [&](const Json& c) { return c.is_object() && c.value("id", "") == id; });
    };
    if (!inCategory(cmi5::kCategory)) return std::nullopt;
    if (s["object"].value("id", "") != au) return Rule({"8.1.5.0-6", "the object is not the AU"});
    const std::string verb = s["verb"].value("id", "");
    const bool judged = verb == verbs::kPassed || verb == verbs::kFailed;
    const bool moveOnVerb = judged || verb == verbs::kCompleted;
    if (moveOnVerb && launchData_.value("launchMode", "") != "Normal") {
      return Rule({"10.2.2.0-2", "completed, passed or failed outside Normal mode"});
    }
    const Json result = s.value("result", Json::object());
    if (result.contains("completion") != (verb == verbs::kCompleted) ||
        (verb == verbs::kCompleted && result["completion"] != true)) {
      return Rule({"9.5.3.0-1", "completion belongs to completed, and is true there"});
    }
    if (result.contains("success") != judged ||
        (judged && result["success"] != (verb == verbs::kPassed))) {
      return Rule({"9.5.2.0-1", "success belongs to passed (true) and failed (false)"});
    }
    if ((result.contains("completion") || result.contains("success")) &&
        !inCategory(cmi5::kMoveOnCategory)) {
      return Rule({"9.6.2.2-1", "a moveOn statement without the moveon category"});
    }
    if (result.contains("score") && !judged) return Rule({"9.5.1.0-2", "a score outside passed/failed"});
    if (result.contains("score") && launchData_.contains("masteryScore") &&
        context.value("extensions", Json::object()).value(std::string(cmi5::kMasteryScoreExtension), Json()) !=
            launchData_["masteryScore"]) {
      return Rule({"9.6.3.2-2", "the masteryscore extension is not the launch's"});
    }
    if ((moveOnVerb || verb == verbs::kTerminated) && !result.contains("duration")) {
      return Rule({"9.5.4.1-1", "no duration"});
    }
    return std::nullopt;
  }

  HttpReply upstream(const HttpRequest& r) {
    HttpRequest copy = r;
    for (auto& [k, v] : copy.headers) {
      if (k == "Authorization") v = "Basic dGVzdDp0ZXN0";  // the LRS's own credentials
    }
    std::string origin;
    {
      std::lock_guard lock(mutex_);
      origin = lrsOrigin_;
    }
    return forward(copy, origin);
  }

  std::string lrsOrigin_;
  Json launchData_;
  std::optional<Json> preferences_;
  DocumentStore documents_;
  std::atomic<int> fetches_{0};
  std::atomic<int> statementRequests_{0};
  // Written on the server's thread only; read there too.
  bool preferencesRead_ = false;
  bool initialized_ = false;
  bool terminated_ = false;
  mutable std::mutex mutex_;
  std::string stateQuery_;
  std::string registration_;
  std::string activityId_;
  std::vector<std::string> refusals_;
  TestHttpServer server_;  // last: its thread stops before the state above goes away
};

/// An LMS.LaunchData document: the given launch mode and session id, mastery score 0.8,
/// moveOn CompletedAndPassed, and the course as grouping and return URL.
inline Json launchDataFor(const std::string& mode, const std::string& sessionId) {
  return {{"contextTemplate",
           {{"contextActivities", {{"grouping", {{{"id", "https://lms.example.org/course/7"}}}}}},
            {"extensions", {{std::string(cmi5::kSessionIdExtension), sessionId}}}}},
          {"launchMode", mode},
          {"masteryScore", 0.8},
          {"moveOn", "CompletedAndPassed"},
          {"returnURL", "https://lms.example.org/course/7"}};
}

/// A cmi5LearnerPreferences document (cmi5 §11).
inline Json learnerPreferences(const std::string& languages, const std::string& audio) {
  return {{"languagePreference", languages}, {"audioPreference", audio}};
}

}  // namespace praxis::xapi::test
