#include "document_store.h"

#include "core/hash.h"
#include "xapi/statement.h"
#include "xapi/time_format.h"

namespace praxis::xapi::test {
namespace {

HttpReply fail(int status, const std::string& message) {
  return {status, Json{{"message", message}}.dump(), {"Content-Type: application/json"}};
}

bool isJsonType(std::string_view contentType) {
  return contentType.substr(0, contentType.find(';')) == "application/json";
}

std::string etagOf(const std::string& body) {
  core::Hasher h;
  h.text(body);
  return "\"" + h.hex() + "\"";
}

// The ETags listed in an If-Match / If-None-Match header ("*" or "\"a\", \"b\"").
bool listed(const std::string& header, const std::string& etag) {
  std::size_t start = 0;
  while (start <= header.size()) {
    auto comma = header.find(',', start);
    if (comma == std::string::npos) comma = header.size();
    std::string item = header.substr(start, comma - start);
    while (!item.empty() && item.front() == ' ') item.erase(0, 1);
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (item == "*" || item == etag) return true;
    start = comma + 1;
  }
  return false;
}

// "since" in the stored form (UTC, milliseconds), or "" when it is not a UTC timestamp.
std::string normalisedSince(const std::string& since) {
  if (!isTimestamp(since) || since.back() != 'Z' || since.size() < 20) return {};
  std::string fraction = since.size() > 20 ? since.substr(20, since.size() - 21) : "";
  fraction.resize(3, '0');
  return since.substr(0, 19) + "." + fraction + "Z";
}

}  // namespace

std::optional<DocumentResource> documentResource(std::string_view path) {
  if (path == "activities/state") return DocumentResource::State;
  if (path == "activities/profile") return DocumentResource::ActivityProfile;
  if (path == "agents/profile") return DocumentResource::AgentProfile;
  return std::nullopt;
}

DocumentStore::Scope DocumentStore::scopeOf(DocumentResource resource,
                                            const std::map<std::string, std::string>& q) {
  Scope scope;
  const auto param = [&](const char* name) {
    const auto it = q.find(name);
    return it == q.end() ? std::string() : it->second;
  };
  const bool needsActivity = resource != DocumentResource::AgentProfile;
  const bool needsAgent = resource != DocumentResource::ActivityProfile;
  if (needsActivity && param("activityId").empty()) scope.error = "activityId is required";
  std::string agent;
  if (needsAgent) {
    const Json parsed = Json::parse(param("agent"), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object() || !agentFromJson(parsed)) {
      scope.error = "agent must be an Agent as JSON";
    } else {
      agent = parsed.dump();  // the same agent however its keys were ordered
    }
  }
  const char* idName = resource == DocumentResource::State ? "stateId" : "profileId";
  scope.id = param(idName);
  scope.key = std::to_string(static_cast<int>(resource)) + "|" + param("activityId") + "|" + agent +
              "|" + (resource == DocumentResource::State ? param("registration") : "");
  return scope;
}

HttpReply DocumentStore::handle(DocumentResource resource, const HttpRequest& request) {
  const auto query = queryParameters(request.target);
  const Scope scope = scopeOf(resource, query);
  if (!scope.error.empty()) return fail(400, scope.error);
  if (request.method == "GET") return read(scope, query);
  if (request.method == "DELETE") return erase(resource, scope, request);
  if (request.method == "PUT" || request.method == "POST") return write(resource, scope, request);
  return fail(405, request.method + " is not a method of this resource");
}

std::optional<HttpReply> DocumentStore::preconditionFails(DocumentResource resource,
                                                          const Document* existing,
                                                          const HttpRequest& request, bool isPut) {
  const std::string ifMatch = request.header("If-Match");
  const std::string ifNoneMatch = request.header("If-None-Match");
  if (!ifMatch.empty() && (existing == nullptr || !listed(ifMatch, existing->etag))) {
    return fail(412, "If-Match: the document's ETag is not listed");
  }
  if (!ifNoneMatch.empty() && existing != nullptr && listed(ifNoneMatch, existing->etag)) {
    return fail(412, "If-None-Match: the document exists");
  }
  // xAPI §6.3: a PUT that would overwrite a profile without saying what it expects to find.
  if (isPut && resource != DocumentResource::State && existing != nullptr && ifMatch.empty() &&
      ifNoneMatch.empty()) {
    return fail(409, "the document exists: send If-Match or If-None-Match");
  }
  return std::nullopt;
}

HttpReply DocumentStore::write(DocumentResource resource, const Scope& scope,
                               const HttpRequest& request) {
  if (scope.id.empty()) return fail(400, "a document id is required to write");
  std::lock_guard lock(mutex_);
  const auto key = std::make_pair(scope.key, scope.id);
  const auto it = documents_.find(key);
  Document* existing = it == documents_.end() ? nullptr : &it->second;
  if (auto failed = preconditionFails(resource, existing, request, request.method == "PUT")) {
    return *failed;
  }
  Document doc;
  doc.body = request.body;
  doc.contentType = request.header("Content-Type");
  if (doc.contentType.empty()) doc.contentType = "application/octet-stream";
  if (request.method == "POST" && existing != nullptr) {
    // §7.3 "JSON Procedure with Requests": merge the top-level properties, new ones win.
    const Json old = Json::parse(existing->body, nullptr, false);
    const Json add = Json::parse(request.body, nullptr, false);
    if (!isJsonType(existing->contentType) || !isJsonType(doc.contentType) || !old.is_object() ||
        !add.is_object()) {
      return fail(400, "POST merges JSON objects only; the stored or the sent document is not one");
    }
    Json merged = old;
    for (const auto& [name, value] : add.items()) merged[name] = value;
    doc.body = merged.dump();
    doc.contentType = "application/json";
  }
  doc.etag = etagOf(doc.body);
  doc.updated = std::chrono::system_clock::now();
  documents_[key] = std::move(doc);
  return {204, "", {}};
}

HttpReply DocumentStore::read(const Scope& scope,
                              const std::map<std::string, std::string>& query) const {
  std::lock_guard lock(mutex_);
  if (!scope.id.empty()) {
    const auto it = documents_.find({scope.key, scope.id});
    if (it == documents_.end()) return fail(404, "no such document");
    return {200,
            it->second.body,
            {"Content-Type: " + it->second.contentType, "ETag: " + it->second.etag}};
  }
  std::string since;
  if (const auto s = query.find("since"); s != query.end()) {
    since = normalisedSince(s->second);
    if (since.empty()) return fail(400, "since must be a UTC timestamp");
  }
  Json ids = Json::array();
  for (const auto& [key, doc] : documents_) {
    if (key.first == scope.key && (since.empty() || formatTimestamp(doc.updated) > since)) {
      ids.push_back(key.second);
    }
  }
  return {200, ids.dump(), {"Content-Type: application/json"}};
}

HttpReply DocumentStore::erase(DocumentResource resource, const Scope& scope,
                               const HttpRequest& request) {
  std::lock_guard lock(mutex_);
  if (scope.id.empty()) {
    if (resource != DocumentResource::State) return fail(400, "profileId is required");
    std::erase_if(documents_, [&](const auto& entry) { return entry.first.first == scope.key; });
    return {204, "", {}};
  }
  const auto it = documents_.find({scope.key, scope.id});
  const Document* existing = it == documents_.end() ? nullptr : &it->second;
  if (auto failed = preconditionFails(resource, existing, request, false)) return *failed;
  if (it != documents_.end()) documents_.erase(it);
  return {204, "", {}};
}

std::size_t DocumentStore::size() const {
  std::lock_guard lock(mutex_);
  return documents_.size();
}

}  // namespace praxis::xapi::test
