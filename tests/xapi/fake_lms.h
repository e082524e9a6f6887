// A fake LMS for cmi5 tests: a one-time fetch URL that hands out an auth token, the
// LMS.LaunchData state document, and statements passed on to the real LRS only when they
// carry that token.
#pragma once

#include <atomic>
#include <mutex>
#include <string>

#include "xapi/cmi5.h"
#include "xapi/lrs_client.h"
#include "xapi/statement.h"
#include "xapi/vocabulary.h"
#include "xapi_test_util.h"

namespace praxis::xapi::test {

inline constexpr const char* kToken = "bG1zOnNlc3Npb24tc2VjcmV0";  // base64("lms:session-secret")

// The LMS side: a one-time fetch URL, the LMS.LaunchData document, and statements passed on
// to the real LRS only with the token it handed out.
class FakeLms {
 public:
  FakeLms(std::string lrsOrigin, Json launchData)
      : lrsOrigin_(std::move(lrsOrigin)),
        launchData_(std::move(launchData)),
        server_([this](const HttpRequest& r) { return handle(r); }) {}

  std::string launchUrl(const std::string& registration, const std::string& activityId) const {
    const Json actor = {
        {"objectType", "Agent"},
        {"account", {{"homePage", "https://lms.example.org"}, {"name", "learner-7"}}}};
    return "praxis://launch?endpoint=" + urlEncode(server_.url() + "/xAPI/") +
           "&fetch=" + urlEncode(server_.url() + "/fetch?session=1") +
           "&actor=" + urlEncode(actor.dump()) + "&registration=" + registration +
           "&activityId=" + urlEncode(activityId);
  }
  int fetches() const { return fetches_; }
  std::string lastStateQuery() const {
    std::lock_guard lock(mutex_);
    return stateQuery_;
  }

 private:
  HttpReply handle(const HttpRequest& r) {
    if (r.target.rfind("/fetch", 0) == 0) {
      if (r.method != "POST") return {405, "", {}};
      if (fetches_++ > 0) return {200, R"({"error-code":"1","error-text":"already used"})", {}};
      return {200, std::string(R"({"auth-token":")") + kToken + "\"}", {}};
    }
    if (r.header("Authorization") != std::string("Basic ") + kToken) return {401, "{}", {}};
    if (r.target.rfind("/xAPI/activities/state", 0) == 0) {
      std::lock_guard lock(mutex_);
      stateQuery_ = r.target;
      return {200, launchData_.dump(), {"Content-Type: application/json"}};
    }
    HttpRequest upstream = r;
    for (auto& [k, v] : upstream.headers) {
      if (k == "Authorization") v = "Basic dGVzdDp0ZXN0";  // the LRS's own credentials
    }
    return forward(upstream, lrsOrigin_);
  }

  std::string lrsOrigin_;
  Json launchData_;
  std::atomic<int> fetches_{0};
  mutable std::mutex mutex_;
  std::string stateQuery_;
  TestHttpServer server_;
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

}  // namespace praxis::xapi::test
