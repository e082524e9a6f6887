// Unit tests: hostile input from the network, an LMS or the disk gives an error, never a
// crash or a silently dropped setting (issue 12, "Hostile input and faults").
#include <gtest/gtest.h>

#include <fstream>

#include "xapi/cmi5.h"
#include "xapi/delivery.h"
#include "xapi/json_input.h"
#include "xapi/outbox.h"
#include "xapi/session_report.h"
#include "xapi/settings.h"
#include "xapi_test_util.h"

namespace praxis::xapi {
namespace {

std::string nested(std::size_t depth, const std::string& open = "[", const std::string& close = "]") {
  std::string text;
  for (std::size_t i = 0; i < depth; ++i) text += open;
  for (std::size_t i = 0; i < depth; ++i) text += close;
  return text;
}

TEST(JsonInput, NestingBeyondTheLimitIsAnErrorNotAStackOverflow) {
  const auto deep = parseJsonInput(nested(100000));
  ASSERT_FALSE(deep);
  EXPECT_NE(deep.error().message.find("nested more than 128 levels"), std::string::npos)
      << deep.error().message;
  EXPECT_TRUE(parseJsonInput(nested(kMaxJsonDepth))) << "the limit itself is fine";
  EXPECT_FALSE(parseJsonInput(nested(kMaxJsonDepth + 1)));
}

TEST(JsonInput, BracketsInsideStringsDoNotCountAndBadJsonIsAnError) {
  const auto text = parseJsonInput(R"({"a":")" + std::string(1000, '[') + R"(\"]"})");
  ASSERT_TRUE(text) << text.error().message;
  EXPECT_EQ((*text)["a"].get<std::string>().size(), 1002u);
  const auto bad = parseJsonInput("{\"a\":");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("not JSON"), std::string::npos) << bad.error().message;
}

TEST(JsonInput, AnLrsAnswerNested100000DeepGivesAReasonNotACrash) {
  // Before the fix the warnings were parsed without a limit and dumped recursively: SIGSEGV.
  const std::string body = R"({"message":"bad","warnings":)" + nested(100000) + "}";
  const std::string reason = lrsReason(400, body);
  EXPECT_EQ(reason.rfind("HTTP 400", 0), 0u) << reason.substr(0, 100);
  EXPECT_LE(reason.size(), 2000u);
}

TEST(JsonInput, ReportInputNestedDeepIsAnError) {
  const auto statements = parseStatements(nested(100000));
  ASSERT_FALSE(statements);
  EXPECT_NE(statements.error().message.find("nested"), std::string::npos);
}

SettingsSources sourcesWith(const std::filesystem::path& config,
                            std::map<std::string, std::string> env) {
  SettingsSources s;
  s.configFile = config.string();
  s.outbox = test::tempPath("unused.sqlite").string();
  s.getenv = [env = std::move(env)](const char* name) -> const char* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  };
  return s;
}

std::filesystem::path writeConfig(const std::string& name, const std::string& json) {
  const auto path = test::tempPath(name);
  std::ofstream(path) << json;
  return path;
}

TEST(Settings, FileCredentialsStayWhenTheEndpointComesFromTheEnvironment) {
  // The README's own example: endpoint from PRAXIS_LRS_ENDPOINT, credentials in the file.
  const auto config = writeConfig("creds.json", R"({"lrs":{"username":"u","password":"p",
      "caFile":"/etc/ca.pem","timeoutMs":4321}})");
  auto settings = loadSettings(sourcesWith(config, {{"PRAXIS_LRS_ENDPOINT", "https://lrs.test/x"}}));
  ASSERT_TRUE(settings) << settings.error().message;
  ASSERT_TRUE(settings->lrs);
  EXPECT_EQ(settings->lrs->endpoint, "https://lrs.test/x/");
  EXPECT_EQ(settings->lrs->username, "u");
  EXPECT_EQ(settings->lrs->password, "p");
  EXPECT_EQ(settings->lrs->caFile, "/etc/ca.pem");
  EXPECT_EQ(settings->lrs->timeout.count(), 4321);
  EXPECT_EQ(settings->sources["lrs.endpoint"], "PRAXIS_LRS_ENDPOINT");
  EXPECT_EQ(settings->sources["lrs.username"], config.string());
  EXPECT_EQ(settings->sources["outbox"], "--outbox");

  auto fromFlag = sourcesWith(config, {{"PRAXIS_LRS_ENDPOINT", "https://lrs.test/x"},
                                       {"PRAXIS_LRS_PASSWORD", "env-secret"}});
  fromFlag.lrsUrl = "https://other.test/xAPI/";
  auto flagged = loadSettings(fromFlag);
  ASSERT_TRUE(flagged && flagged->lrs);
  EXPECT_EQ(flagged->lrs->endpoint, "https://other.test/xAPI/");
  EXPECT_EQ(flagged->lrs->username, "u");
  EXPECT_EQ(flagged->lrs->password, "env-secret");
  EXPECT_EQ(flagged->sources["lrs.endpoint"], "--lrs");
  EXPECT_EQ(flagged->sources["lrs.password"], "PRAXIS_LRS_PASSWORD");
}

TEST(Settings, AnEndpointThatIsNotAnHttpUrlIsAnErrorNamingItsSource) {
  auto sources = sourcesWith(writeConfig("empty.json", "{}"), {});
  sources.lrsUrl = "notaurl";
  auto settings = loadSettings(sources);
  ASSERT_FALSE(settings);
  EXPECT_NE(settings.error().message.find("'notaurl' (from --lrs) is not an http"), std::string::npos)
      << settings.error().message;
  auto fromFile = loadSettings(sourcesWith(writeConfig("ftp.json", R"({"lrs":{"endpoint":"ftp://x/"}})"), {}));
  ASSERT_FALSE(fromFile);
  EXPECT_NE(fromFile.error().message.find("ftp.json) is not an http"), std::string::npos)
      << fromFile.error().message;
}

TEST(Outbox, IntegrityCheckFindsADamagedFile) {
  const auto path = test::tempPath("damaged.sqlite");
  {
    auto box = Outbox::open(path);
    ASSERT_TRUE(box);
    std::vector<OutboxItem> items;
    for (int i = 0; i < 300; ++i) {
      items.push_back({"id-" + std::to_string(i), "r", "{\"pad\":\"" + std::string(400, 'x') + "\"}"});
    }
    ASSERT_TRUE((*box)->enqueue(items));
    auto sound = (*box)->integrityProblems();
    ASSERT_TRUE(sound);
    EXPECT_TRUE(sound->empty());
  }
  const auto size = std::filesystem::file_size(path);
  ASSERT_GT(size, 16u * 4096u);
  {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(size / 2));
    const std::string garbage(8192, '\x5a');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  auto box = Outbox::open(path);
  ASSERT_TRUE(box) << "the header is intact, so the file opens";
  auto problems = (*box)->integrityProblems();
  ASSERT_TRUE(problems);
  EXPECT_FALSE(problems->empty()) << "damage in the middle of the file must show";
}

TEST(Outbox, AFileThatIsNotSqliteIsAnErrorAtOpen) {
  const auto path = writeConfig("not-sqlite.sqlite", std::string(8192, 'q'));
  auto box = Outbox::open(path);
  ASSERT_FALSE(box);
  EXPECT_NE(box.error().message.find("not a database"), std::string::npos) << box.error().message;
}

std::string launchUrl(const std::string& registration) {
  return "praxis://launch?endpoint=http%3A%2F%2F127.0.0.1%3A9%2FxAPI%2F"
         "&fetch=http%3A%2F%2F127.0.0.1%3A9%2Ffetch&actor=" +
         urlEncode(R"({"account":{"homePage":"https://lms.test","name":"l"}})") +
         "&registration=" + registration + "&activityId=https%3A%2F%2Flms.test%2Fau";
}

TEST(Cmi5Input, TheRegistrationMustBeAUuid) {
  EXPECT_TRUE(cmi5::parseLaunchUrl(launchUrl("0d5c2a8e-3b1f-4c6d-9e7a-1f2b3c4d5e6f")));
  for (const char* bad : {"..%2F..%2Fescape", "not-a-uuid", "0d5c2a8e-3b1f-4c6d-9e7a-1f2b3c4d5e6fx"}) {
    auto launch = cmi5::parseLaunchUrl(launchUrl(bad));
    ASSERT_FALSE(launch) << bad;
    EXPECT_NE(launch.error().message.find("'registration' is not a UUID"), std::string::npos);
  }
}

TEST(Cmi5Input, AContextTemplateExtensionKeyMustBeAnIri) {
  Json data = {{"launchMode", "Normal"},
               {"contextTemplate", {{"extensions", {{"not an iri", 1}}}}}};
  auto parsed = cmi5::parseLaunchData(data);
  ASSERT_FALSE(parsed);
  EXPECT_NE(parsed.error().message.find("key 'not an iri' is not an IRI"), std::string::npos)
      << parsed.error().message;
  data["contextTemplate"]["extensions"] = {{"https://w3id.org/x", 1}};
  EXPECT_TRUE(cmi5::parseLaunchData(data));
}

}  // namespace
}  // namespace praxis::xapi
