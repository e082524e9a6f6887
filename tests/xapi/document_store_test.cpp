// The test LMS's State / Agent Profile / Activity Profile documents hold to xAPI 1.0.3
// §7.3-7.6 (ETag, If-Match / If-None-Match, 409 on a blind profile PUT, POST merge), so the
// cmi5 tests that read LMS.LaunchData and cmi5LearnerPreferences from it test against the
// spec's rules, not against a stub's.
#include "document_store.h"

#include <gtest/gtest.h>

namespace praxis::xapi::test {
namespace {

const std::string kAgent = R"({"account":{"homePage":"https://lms.example.org","name":"u1"}})";
const std::string kAgentReordered =
    R"({"account":{"name":"u1","homePage":"https://lms.example.org"}})";

HttpRequest request(std::string method, const std::string& query, std::string body,
                    std::vector<std::pair<std::string, std::string>> headers) {
  HttpRequest r;
  r.method = std::move(method);
  r.target = "/xAPI/x?" + query;
  r.body = std::move(body);
  r.headers = std::move(headers);
  if (!r.body.empty() && r.header("Content-Type").empty()) {
    r.headers.emplace_back("Content-Type", "application/json");
  }
  return r;
}

std::string state(const std::string& stateId) {
  return "activityId=" + urlEncode("https://au/1") + "&agent=" + urlEncode(kAgent) +
         "&registration=0b9f8a42-6e6b-4b8b-9f1e-2f4a8c1d7e3a" +
         (stateId.empty() ? "" : "&stateId=" + stateId);
}
std::string profile(const std::string& agent, const std::string& profileId) {
  return "agent=" + urlEncode(agent) + (profileId.empty() ? "" : "&profileId=" + profileId);
}
using Headers = std::vector<std::pair<std::string, std::string>>;

// The status of one request to the store.
int code(DocumentStore& store, DocumentResource resource, std::string method,
         const std::string& query, std::string body = {}, Headers headers = {}) {
  return store
      .handle(resource, request(std::move(method), query, std::move(body), std::move(headers)))
      .status;
}

std::string etag(const HttpReply& reply) {
  for (const auto& h : reply.headers) {
    if (h.rfind("ETag: ", 0) == 0) return h.substr(6);
  }
  return {};
}

TEST(DocumentStore, StatePutGetHasAnEtagAndMissingDocumentsAre404) {
  DocumentStore store;
  EXPECT_EQ(code(store, DocumentResource::State, "GET", state("a")), 404);
  EXPECT_EQ(code(store, DocumentResource::State, "PUT", state("a"), R"({"x":1})"), 204);
  const auto got = store.handle(DocumentResource::State, request("GET", state("a"), {}, {}));
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(Json::parse(got.body), Json({{"x", 1}}));
  EXPECT_EQ(etag(got).size(), 18u) << "a quoted ETag";
  code(store, DocumentResource::State, "PUT", state("a"), R"({"x":2})");
  EXPECT_NE(etag(store.handle(DocumentResource::State, request("GET", state("a"), {}, {}))),
            etag(got))
      << "new content, new ETag";
}

TEST(DocumentStore, MissingOrMalformedParametersAre400) {
  DocumentStore store;
  EXPECT_EQ(code(store, DocumentResource::State, "GET", "stateId=a&agent=" + urlEncode(kAgent)),
            400)
      << "no activityId";
  EXPECT_EQ(code(store, DocumentResource::State, "GET", "activityId=x&stateId=a&agent=%7Bnot-json"),
            400);
  EXPECT_EQ(code(store, DocumentResource::AgentProfile, "GET",
                 "profileId=p&agent=" + urlEncode(R"({"name":"no ifi"})")),
            400)
      << "an agent needs exactly one identifier";
  EXPECT_EQ(code(store, DocumentResource::State, "PUT", state(""), "{}"), 400)
      << "writing needs a stateId";
}

TEST(DocumentStore, PostMergesJsonObjectsAndRefusesToMergeAnythingElse) {
  DocumentStore store;
  EXPECT_EQ(code(store, DocumentResource::State, "POST", state("m"), R"({"a":1,"b":1})"), 204)
      << "POST of a new document stores it";
  EXPECT_EQ(code(store, DocumentResource::State, "POST", state("m"), R"({"b":2,"c":3})"), 204);
  EXPECT_EQ(
      Json::parse(store.handle(DocumentResource::State, request("GET", state("m"), {}, {})).body),
      Json({{"a", 1}, {"b", 2}, {"c", 3}}));
  EXPECT_EQ(code(store, DocumentResource::State, "POST", state("m"), "[1]"), 400);
  code(store, DocumentResource::State, "PUT", state("t"), "plain",
       {{"Content-Type", "text/plain"}});
  EXPECT_EQ(code(store, DocumentResource::State, "POST", state("t"), R"({"a":1})"), 400)
      << "the stored document is not JSON";
  EXPECT_EQ(store.handle(DocumentResource::State, request("GET", state("t"), {}, {})).body,
            "plain");
}

TEST(DocumentStore, ProfilePutNeedsAPreconditionOnceTheDocumentExists) {
  DocumentStore store;
  const auto put = [&](Headers headers, const char* body) {
    return code(store, DocumentResource::AgentProfile, "PUT", profile(kAgent, "p"), body,
                std::move(headers));
  };
  EXPECT_EQ(put({}, R"({"v":1})"), 204) << "creating needs no precondition";
  EXPECT_EQ(put({}, R"({"v":2})"), 409) << "overwriting blindly is a conflict";
  EXPECT_EQ(put({{"If-None-Match", "*"}}, R"({"v":2})"), 412) << "it exists";
  EXPECT_EQ(put({{"If-Match", "\"0000000000000000\""}}, R"({"v":2})"), 412) << "stale ETag";
  const auto current = etag(
      store.handle(DocumentResource::AgentProfile, request("GET", profile(kAgent, "p"), {}, {})));
  EXPECT_EQ(put({{"If-Match", current}}, R"({"v":3})"), 204);
  EXPECT_EQ(put({{"If-Match", current}}, R"({"v":4})"), 412) << "that ETag is stale now";
  EXPECT_EQ(Json::parse(store
                            .handle(DocumentResource::AgentProfile,
                                    request("GET", profile(kAgentReordered, "p"), {}, {}))
                            .body)["v"],
            3)
      << "the same agent with its keys in another order";
  EXPECT_EQ(code(store, DocumentResource::AgentProfile, "PUT", profile(kAgent, "q"), "{}",
                 {{"If-Match", "*"}}),
            412)
      << "If-Match * needs a document";
  EXPECT_EQ(code(store, DocumentResource::AgentProfile, "PUT", profile(kAgent, "q"), "{}",
                 {{"If-None-Match", "*"}}),
            204);
}

TEST(DocumentStore, StatePutDoesNotRequireAPreconditionButHonoursOne) {
  DocumentStore store;
  code(store, DocumentResource::State, "PUT", state("s"), "{}");
  EXPECT_EQ(code(store, DocumentResource::State, "PUT", state("s"), R"({"a":1})"), 204);
  EXPECT_EQ(code(store, DocumentResource::State, "PUT", state("s"), "{}", {{"If-None-Match", "*"}}),
            412);
}

TEST(DocumentStore, IdsAreListedAndDeletedAsTheResourceAllows) {
  DocumentStore store;
  for (const char* id : {"a", "b"}) code(store, DocumentResource::State, "PUT", state(id), "{}");
  EXPECT_EQ(
      Json::parse(store.handle(DocumentResource::State, request("GET", state(""), {}, {})).body),
      Json({"a", "b"}));
  EXPECT_EQ(store
                .handle(DocumentResource::State,
                        request("GET", state("") + "&since=2999-01-01T00:00:00Z", {}, {}))
                .body,
            "[]");
  EXPECT_EQ(code(store, DocumentResource::State, "GET", state("") + "&since=yesterday"), 400);
  EXPECT_EQ(code(store, DocumentResource::State, "DELETE", state("")), 204);
  EXPECT_EQ(store.size(), 0u) << "DELETE without stateId clears the scope";

  code(store, DocumentResource::AgentProfile, "PUT", profile(kAgent, "p"), "{}");
  EXPECT_EQ(code(store, DocumentResource::AgentProfile, "DELETE", profile(kAgent, "")), 400)
      << "profiles are deleted one at a time";
  EXPECT_EQ(code(store, DocumentResource::AgentProfile, "DELETE", profile(kAgent, "p"), "",
                 {{"If-Match", "\"stale\""}}),
            412);
  EXPECT_EQ(code(store, DocumentResource::AgentProfile, "DELETE", profile(kAgent, "p")), 204);
  EXPECT_EQ(store.size(), 0u);
}

}  // namespace
}  // namespace praxis::xapi::test
