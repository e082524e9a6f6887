#include "xapi/lrs_client.h"

#include <curl/curl.h>

#include <cctype>
#include <cstdio>
#include <mutex>

#include "xapi/statement.h"
#include "xapi/vocabulary.h"

namespace praxis::xapi {
namespace {

// curl_global_init is not thread-safe before curl 7.84; do it once, before any handle.
void initCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::size_t appendBody(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

// libcurl calls this often during a transfer (and at least once a second while idle);
// a non-zero return aborts the transfer with CURLE_ABORTED_BY_CALLBACK.
int checkCancel(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* cancel = static_cast<const std::atomic<bool>*>(user);
  return cancel != nullptr && cancel->load() ? 1 : 0;
}

struct HeaderList {
  curl_slist* list = nullptr;
  ~HeaderList() { curl_slist_free_all(list); }
  void add(const std::string& line) { list = curl_slist_append(list, line.c_str()); }
};

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

}  // namespace

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

struct HttpClient::Impl {
  CURL* curl = nullptr;
  char errorBuffer[CURL_ERROR_SIZE] = {};
};

std::string redactUrl(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  const auto hostStart = scheme + 3;
  const auto slash = url.find('/', hostStart);
  const auto at = url.rfind('@', slash == std::string_view::npos ? url.size() : slash);
  if (at == std::string_view::npos || at < hostStart) return std::string(url);
  return std::string(url.substr(0, hostStart)) + std::string(url.substr(at + 1));
}

std::string urlEncode(std::string_view value) {
  // Query values and IRI path segments keep the same RFC 3986 unreserved characters.
  return iriSegment(value);
}

HttpClient::HttpClient() : impl_(std::make_unique<Impl>()) {
  initCurlOnce();
  impl_->curl = curl_easy_init();
}

HttpClient::~HttpClient() {
  if (impl_->curl) curl_easy_cleanup(impl_->curl);
}

core::Result<HttpResponse> HttpClient::request(const std::string& method, const std::string& url,
                                               const std::vector<std::string>& headers,
                                               const std::string& body, const LrsConfig& config,
                                               bool auth) {
  CURL* c = impl_->curl;
  if (!c) return core::fail("cannot initialise libcurl");
  curl_easy_reset(c);
  HeaderList list;
  for (const auto& h : headers) list.add(h);
  if (auth && !config.authToken.empty()) list.add("Authorization: Basic " + config.authToken);
  HttpResponse response;
  impl_->errorBuffer[0] = '\0';
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, list.list);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, impl_->errorBuffer);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, appendBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for timeouts
  if (cancel_ != nullptr) {
    if (cancel_->load()) return core::fail(method, " ", redactUrl(url), " cancelled");
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, checkCancel);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, cancel_);
  }
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(config.connectTimeout.count()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(config.timeout.count()));
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, config.verifyTls ? 1L : 0L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, config.verifyTls ? 2L : 0L);
  if (!config.caFile.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, config.caFile.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  if (auth && config.authToken.empty() && !config.username.empty()) {
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(c, CURLOPT_USERNAME, config.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, config.password.c_str());
  }
  if (method == "POST") {
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  } else if (method != "GET") {
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  }
  const CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    // libcurl's messages name the host and the cause, never the credentials; the URL we
    // add is redacted in case a user put "user:pass@" into it.
    const std::string detail =
        impl_->errorBuffer[0] != '\0' ? impl_->errorBuffer : curl_easy_strerror(rc);
    return core::fail(method, " ", redactUrl(url), " failed: ", detail);
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
  curl_off_t retryAfter = 0;
  if (curl_easy_getinfo(c, CURLINFO_RETRY_AFTER, &retryAfter) == CURLE_OK && retryAfter > 0) {
    response.retryAfter = std::chrono::seconds(retryAfter);
  }
  return response;
}

LrsClient::LrsClient(LrsConfig config) : config_(std::move(config)) {
  if (!config_.endpoint.empty() && config_.endpoint.back() != '/') config_.endpoint += '/';
}

std::vector<std::string> LrsClient::headers(bool json) const {
  std::vector<std::string> h = {"X-Experience-API-Version: " + std::string(kXapiVersion)};
  if (json) h.emplace_back("Content-Type: application/json");
  h.emplace_back("Expect:");  // no 100-continue round trip for large batches
  return h;
}

core::Result<HttpResponse> LrsClient::postStatements(const std::string& jsonArray) {
  return http_.request("POST", config_.endpoint + "statements", headers(true), jsonArray, config_,
                       true);
}

core::Result<HttpResponse> LrsClient::getStatements(const std::string& query) {
  return http_.request("GET", config_.endpoint + "statements?" + query, headers(false), "", config_,
                       true);
}

core::Result<HttpResponse> LrsClient::getMore(const std::string& morePath) {
  // "more" is relative to the LRS's host (xAPI 2.1.3): keep scheme://host[:port].
  const auto scheme = config_.endpoint.find("://");
  const auto slash = config_.endpoint.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  const std::string origin = config_.endpoint.substr(0, slash);
  return http_.request("GET", origin + morePath, headers(false), "", config_, true);
}

core::Result<HttpResponse> LrsClient::getState(const std::string& query) {
  return http_.request("GET", config_.endpoint + "activities/state?" + query, headers(false), "",
                       config_, true);
}

core::Result<HttpResponse> LrsClient::getAgentProfile(const std::string& query) {
  return http_.request("GET", config_.endpoint + "agents/profile?" + query, headers(false), "",
                       config_, true);
}

core::Result<HttpResponse> LrsClient::putState(const std::string& query, const std::string& json) {
  return http_.request("PUT", config_.endpoint + "activities/state?" + query, headers(true), json,
                       config_, true);
}

}  // namespace praxis::xapi
