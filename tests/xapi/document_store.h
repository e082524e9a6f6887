// The xAPI 1.0.3 document resources a cmi5 LMS serves besides statements — State (§7.4),
// Activity Profile (§7.5) and Agent Profile (§7.6) — in memory, for the test LMS. The real LRS
// of the tests (Learning Locker's xapi-statements) has only the statements resource. The
// rules are the spec's: ETags on every document, If-Match / If-None-Match (412), a PUT on
// a profile that exists without either header is a conflict (409), POST merges JSON objects
// (400 when either side is not one), ids listed with `since`, DELETE one or (State) all.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "xapi_test_util.h"

namespace praxis::xapi::test {

enum class DocumentResource { State, ActivityProfile, AgentProfile };

/// "activities/state", "activities/profile" or "agents/profile" (the path after the endpoint).
std::optional<DocumentResource> documentResource(std::string_view path);

class DocumentStore {
 public:
  /// Answers one request to `resource` as an LRS must.
  HttpReply handle(DocumentResource resource, const HttpRequest& request);
  /// Number of documents held.
  [[nodiscard]] std::size_t size() const;

 private:
  struct Document {
    std::string body;
    std::string contentType;
    std::string etag;  // quoted
    std::chrono::system_clock::time_point updated;
  };
  struct Scope {
    std::string key;    // the resource's identifying parameters minus the document id
    std::string id;     // stateId / profileId, "" for a list or (State) delete-all
    std::string error;  // a missing or malformed parameter: 400
  };
  static Scope scopeOf(DocumentResource resource, const std::map<std::string, std::string>& q);
  HttpReply write(DocumentResource resource, const Scope& scope, const HttpRequest& request);
  HttpReply read(const Scope& scope, const std::map<std::string, std::string>& query) const;
  HttpReply erase(DocumentResource resource, const Scope& scope, const HttpRequest& request);
  static std::optional<HttpReply> preconditionFails(DocumentResource resource,
                                                    const Document* existing,
                                                    const HttpRequest& request, bool isPut);

  mutable std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, Document> documents_;  // (scope key, id)
};

}  // namespace praxis::xapi::test
