// Integration: `praxis xapi status|export|flush|retry-dead` on a real outbox and the real LRS,
// and the settings precedence (flags > environment > config file).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <map>

#include "command.h"
#include "core/paths.h"
#include "xapi/emitter.h"
#include "xapi/settings.h"
#include "xapi_test_util.h"

namespace praxis::xapi {
namespace {

::praxis::test::CommandResult praxis(const std::string& args) { return ::praxis::test::runPraxis(args); }

TEST(XapiCli, StatusExportFlushAgainstTheRealLrs) {
  auto lrs = test::LrsProcess::start();
  ASSERT_TRUE(lrs) << lrs.error().message;
  const auto outbox = test::tempPath("cli.sqlite");
  const std::string reg = "0b9f8a42-6e6b-4b8b-9f1e-2f4a8c1d7e3a";
  {
    auto emitter = Emitter::start(EmitterOptions{outbox, std::nullopt, {}, core::Log::silent()});
    ASSERT_TRUE(emitter);
    for (int i = 0; i < 7; ++i) ASSERT_TRUE((*emitter)->emit(test::sampleStatement(reg, i)));
    ASSERT_TRUE((*emitter)->waitCommitted(std::chrono::seconds(10)));
  }
  const std::string box = " --outbox " + outbox.string();
  auto status = praxis("xapi status --json" + box);
  ASSERT_EQ(status.exitCode, 0) << status.output;
  const auto json = Json::parse(status.output.substr(status.output.find('{')));
  EXPECT_EQ(json["pending"], 7);
  EXPECT_TRUE(json["lrs"].is_null());

  const auto jsonl = test::tempPath("cli-export.jsonl");
  auto exported = praxis("xapi export --jsonl " + jsonl.string() + box);
  ASSERT_EQ(exported.exitCode, 0) << exported.output;
  std::ifstream in(jsonl);
  int lines = 0;
  for (std::string line; std::getline(in, line); ++lines) {
    EXPECT_TRUE(Json::parse(line).contains("id"));
  }
  EXPECT_EQ(lines, 7);

  EXPECT_EQ(praxis("xapi flush" + box).exitCode, 2) << "no LRS configured is an environment error";
  auto flushed = praxis("xapi flush --lrs " + (*lrs)->endpoint() + box);
  EXPECT_EQ(flushed.exitCode, 0) << flushed.output;
  auto statusWithSecret = praxis("xapi status --lrs " + (*lrs)->endpoint() + box);
  EXPECT_NE(statusWithSecret.output.find("delivered  7"), std::string::npos) << statusWithSecret.output;
  EXPECT_EQ(praxis("xapi bogus" + box).exitCode, 2);
}

TEST(XapiCli, PasswordFromEnvironmentIsNeverPrinted) {
  const auto outbox = test::tempPath("cli-secret.sqlite");
  const std::string cmd =
      "PRAXIS_LRS_ENDPOINT=http://127.0.0.1:" + std::to_string(test::freePort()) +
      "/xAPI/ PRAXIS_LRS_USERNAME=u PRAXIS_LRS_PASSWORD=very-secret-pw " +
      std::string(PRAXIS_BINARY_DIR) + "/tools/praxis/praxis";
  ASSERT_EQ(std::system((cmd + " xapi status --outbox " + outbox.string() + " > " +
                         outbox.string() + ".output 2>&1")
                            .c_str()),
            0);
  const std::string text = core::readFile(outbox.string() + ".output").value_or("");
  EXPECT_NE(text.find("127.0.0.1"), std::string::npos) << text;
  EXPECT_EQ(text.find("very-secret-pw"), std::string::npos) << text;
}

TEST(XapiSettings, FlagsBeatEnvironmentBeatFile) {
  const auto file = test::tempPath("xapi.json");
  std::ofstream(file) << R"({"lrs": {"endpoint": "https://file.example.org/xAPI", "username": "f",
                           "password": "file-pw"}, "outbox": "/tmp/from-file.sqlite",
                           "actor": {"homePage": "https://provider.example.org"}})";
  SettingsSources sources;
  sources.configFile = file.string();
  std::map<std::string, std::string> env;
  sources.getenv = [&](const char* name) -> const char* {
    auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  };
  auto fromFile = loadSettings(sources);
  ASSERT_TRUE(fromFile) << fromFile.error().message;
  EXPECT_EQ(fromFile->lrs->endpoint, "https://file.example.org/xAPI/");
  EXPECT_EQ(fromFile->lrs->password, "file-pw");
  EXPECT_EQ(fromFile->outbox, "/tmp/from-file.sqlite");
  EXPECT_EQ(fromFile->actor.homePage, "https://provider.example.org");

  env["PRAXIS_LRS_ENDPOINT"] = "https://env.example.org/xAPI/";
  env["PRAXIS_LRS_PASSWORD"] = "env-pw";
  auto fromEnv = loadSettings(sources);
  EXPECT_EQ(fromEnv->lrs->endpoint, "https://env.example.org/xAPI/");
  EXPECT_EQ(fromEnv->lrs->password, "env-pw");
  EXPECT_EQ(fromEnv->lrs->username, "f");

  sources.lrsUrl = "https://flag.example.org/xAPI/";
  sources.outbox = "/tmp/flag.sqlite";
  auto fromFlags = loadSettings(sources);
  EXPECT_EQ(fromFlags->lrs->endpoint, "https://flag.example.org/xAPI/");
  EXPECT_EQ(fromFlags->outbox, "/tmp/flag.sqlite");
}

TEST(XapiSettings, MalformedConfigNamesTheFile) {
  const auto file = test::tempPath("bad.json");
  std::ofstream(file) << "{ not json";
  SettingsSources sources;
  sources.configFile = file.string();
  auto r = loadSettings(sources);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find(file.string()), std::string::npos);
}

}  // namespace
}  // namespace praxis::xapi
