// A small HTTP client over libcurl for the LRS (statements, state) and the cmi5 fetch URL.
// Credentials go in request headers only; they never appear in an error message or a log.
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace praxis::xapi {

/// Where and how to reach the LRS. `endpoint` ends with '/' (".../xAPI/").
struct LrsConfig {
  std::string endpoint;
  std::string username;
  std::string password;
  /// cmi5: the token from the fetch URL, sent as "Authorization: Basic <token>" instead of
  /// username/password.
  std::string authToken;
  std::string caFile;     // extra CA bundle for HTTPS verification; "" uses the system's
  bool verifyTls = true;  // never turned off outside tests of the option itself
  std::chrono::milliseconds connectTimeout{5000};
  std::chrono::milliseconds timeout{15000};
};

struct HttpResponse {
  long status = 0;
  std::string body;
  std::optional<std::chrono::seconds> retryAfter;  // from a Retry-After header
};

/// The endpoint with any "user:password@" removed, safe to print.
[[nodiscard]] std::string redactUrl(std::string_view url);

/// One libcurl easy handle (connection reuse). Not thread-safe: one client per thread.
class HttpClient {
 public:
  HttpClient();
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  /// Once `*cancel` is true, a request in flight stops within about a second (an error). Lets
  /// the emitter shut down without waiting for a hanging LRS. The flag must outlive this.
  void setCancelFlag(const std::atomic<bool>* cancel) { cancel_ = cancel; }

  /// A network failure (refused, timeout, TLS) is an error; any HTTP status is a response.
  /// `headers` are "Name: value" lines; `auth` applies the config's credentials.
  [[nodiscard]] core::Result<HttpResponse> request(const std::string& method,
                                                   const std::string& url,
                                                   const std::vector<std::string>& headers,
                                                   const std::string& body, const LrsConfig& config,
                                                   bool auth);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  const std::atomic<bool>* cancel_ = nullptr;
};

/// The statements and state resources of one LRS.
class LrsClient {
 public:
  explicit LrsClient(LrsConfig config);

  [[nodiscard]] const LrsConfig& config() const { return config_; }
  void setCancelFlag(const std::atomic<bool>* cancel) { http_.setCancelFlag(cancel); }

  /// POST statements (a JSON array text) to statements.
  [[nodiscard]] core::Result<HttpResponse> postStatements(const std::string& jsonArray);
  /// GET statements?<query> (e.g. "statementId=…" or "registration=…&limit=100").
  [[nodiscard]] core::Result<HttpResponse> getStatements(const std::string& query);
  /// GET a path relative to the LRS's host, as a "more" link gives it.
  [[nodiscard]] core::Result<HttpResponse> getMore(const std::string& morePath);
  /// GET activities/state?<query>.
  [[nodiscard]] core::Result<HttpResponse> getState(const std::string& query);
  /// GET agents/profile?<query> (cmi5: the learner preferences).
  [[nodiscard]] core::Result<HttpResponse> getAgentProfile(const std::string& query);
  /// PUT activities/state?<query>.
  [[nodiscard]] core::Result<HttpResponse> putState(const std::string& query,
                                                    const std::string& json);

 private:
  [[nodiscard]] std::vector<std::string> headers(bool json) const;
  LrsConfig config_;
  HttpClient http_;
};

/// The decoded query parameters of a URL or request target ("…?a=1&b=%7B%7D#frag").
[[nodiscard]] std::map<std::string, std::string> queryParameters(std::string_view url);

/// Percent-encodes a query parameter value.
[[nodiscard]] std::string urlEncode(std::string_view value);

}  // namespace praxis::xapi
