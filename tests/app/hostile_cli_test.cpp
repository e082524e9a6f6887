// Integration: the real `praxis` CLI under hostile input and faults (issue 12): an outbox
// that cannot be opened or written, an LRS or LMS that answers with deep JSON, LMS strings
// that would become paths, bad options and values. Each ends in a clear error and the right
// exit code: never a crash, never an attempt reported as recorded when it is not.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>

#include "command.h"
#include "core/paths.h"
#include "core/uuid.h"
#include "fake_lms.h"
#include "xapi/outbox.h"
#include "xapi_test_util.h"

namespace praxis::app {
namespace {

namespace fs = std::filesystem;
using xapi::Json;

std::string scenarios() { return std::string(PRAXIS_SOURCE_DIR) + "/scenarios"; }
std::string autopilot() { return "run '" + scenarios() + "/fire-extinguisher' --headless --autopilot "; }

// A fresh folder under the build's test temp folder.
fs::path scratch(const std::string& name) {
  const fs::path dir = xapi::test::tempPath("hostile-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

// A signal ends the shell's child with 128+n or popen reports -1: either way not 0/1/2.
void expectCleanExit(const test::CommandResult& r, int code) {
  EXPECT_EQ(r.exitCode, code) << r.output;
  EXPECT_EQ(r.output.find("Segmentation"), std::string::npos) << r.output;
}

TEST(HostileOutbox, AnOutboxThatCannotBeOpenedIsAClearErrorNotACrash) {
  const fs::path dir = scratch("unopenable");
  const fs::path file = dir / "a-file";
  std::ofstream(file) << "x";
  std::ofstream(dir / "not-sqlite.sqlite") << std::string(8192, 'q');
  fs::create_directories(dir / "a-folder.sqlite");
  for (const fs::path& outbox : {dir / "a-folder.sqlite", file / "below-a-file.sqlite",
                                 dir / "not-sqlite.sqlite"}) {
    // Before the fix both commands died with SIGSEGV (the error path closed a null emitter).
    const auto run = test::runPraxis(autopilot() + "--trainee t --outbox " + quoted(outbox));
    expectCleanExit(run, 2);
    EXPECT_NE(run.output.find("outbox"), std::string::npos) << run.output;
    EXPECT_EQ(run.output.find("result:"), std::string::npos) << "stops before the attempt";
    const auto test = test::runPraxis("test '" + scenarios() + "/fire-extinguisher' --outbox " + quoted(outbox));
    expectCleanExit(test, 2);
  }
}

TEST(HostileOutbox, AReadOnlyOutboxIsRefusedBeforeTheAttempt) {
  const fs::path dir = scratch("read-only");
  const fs::path outbox = dir / "outbox.sqlite";
  ASSERT_TRUE(xapi::Outbox::open(outbox));
  fs::permissions(dir, fs::perms::all);
  fs::permissions(outbox, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  // Root writes any file whatever its mode: run as nobody, so the file really is read-only.
  const std::string user = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  const auto run = test::runCommand("HOME=" + quoted(dir) + " " + user + "'" + test::praxisExecutable() +
                                    "' " + autopilot() + "--trainee t --outbox " + quoted(outbox) + " 2>&1");
  expectCleanExit(run, 2);
  EXPECT_NE(run.output.find("read-only"), std::string::npos) << run.output;
  EXPECT_EQ(run.output.find("statements kept"), std::string::npos) << run.output;
}

TEST(HostileOutbox, StatementsBeyondAFileSizeLimitAreReportedAndFailTheRun) {
  // A file-size limit lets the outbox open and then refuses its commits: runs used to say
  // "statements kept", exit 0, and keep a quarter of them.
  const fs::path dir = scratch("fsize");
  const fs::path outbox = dir / "outbox.sqlite";
  ASSERT_TRUE(xapi::Outbox::open(outbox));  // schema in place: opening needs no growth
  // 64 blocks (32 KiB) is what SQLite's shared-memory file needs to open at all; the
  // shipped suite's ~90 statements need more than that in the write-ahead log.
  const auto run = test::runCommand("ulimit -f 64; HOME=" + quoted(dir) + " '" + test::praxisExecutable() +
                                    "' test '" + scenarios() + "' --outbox " + quoted(outbox) + " 2>&1");
  expectCleanExit(run, 2);
  EXPECT_NE(run.output.find("statements could NOT be stored in " + outbox.string()), std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find(" 0 failed"), std::string::npos) << "the tests passed; their record did not";
}

TEST(HostileOutbox, ADamagedOutboxLosesNoStatementSilently) {
  // Every page but the schema overwritten: the file opens, every commit then fails.
  const fs::path dir = scratch("damaged");
  const fs::path outbox = dir / "outbox.sqlite";
  {
    auto box = xapi::Outbox::open(outbox);
    ASSERT_TRUE(box);
    std::vector<xapi::OutboxItem> items;
    for (int i = 0; i < 50; ++i) items.push_back({"id" + std::to_string(i), "r", std::string(400, 'x')});
    ASSERT_TRUE((*box)->enqueue(items));
  }
  const auto size = fs::file_size(outbox);
  {
    std::fstream f(outbox, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096);
    const std::string garbage(size - 4096, '\x5a');
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  const auto run = test::runPraxis(autopilot() + "--trainee t --json --outbox " + quoted(outbox));
  expectCleanExit(run, 2);
  EXPECT_NE(run.output.find("could NOT be stored"), std::string::npos) << run.output;
  const auto json = Json::parse(run.output.substr(run.output.rfind("\n{") + 1));
  EXPECT_GT(json["xapi"]["emitted"].get<int>(), 0) << run.output;
  EXPECT_EQ(json["xapi"]["not_stored"], json["xapi"]["emitted"]) << run.output;
  EXPECT_EQ(json["outcome"], "passed") << "the attempt itself passed; its record did not";
  const auto status = test::runPraxis("xapi status --outbox " + quoted(outbox));
  expectCleanExit(status, 1);
  EXPECT_NE(status.output.find("DAMAGED"), std::string::npos) << status.output;
}

TEST(HostileOutbox, StatusRunsTheIntegrityCheckAndShowsWhereSettingsCameFrom) {
  const fs::path dir = scratch("status");
  const fs::path outbox = dir / "outbox.sqlite";
  const fs::path config = dir / "xapi.json";
  std::ofstream(config) << R"({"lrs":{"username":"u","password":"secret-pw","timeoutMs":5000}})";
  {
    auto box = xapi::Outbox::open(outbox);
    ASSERT_TRUE(box);
    std::vector<xapi::OutboxItem> items;
    for (int i = 0; i < 300; ++i) items.push_back({"id" + std::to_string(i), "r", std::string(400, 'x')});
    ASSERT_TRUE((*box)->enqueue(items));
  }
  const std::string args = "xapi status --config " + quoted(config) + " --outbox " + quoted(outbox);
  const auto sound = test::runPraxis(args, "PRAXIS_LRS_ENDPOINT=http://127.0.0.1:9/xAPI/");
  expectCleanExit(sound, 0);
  EXPECT_NE(sound.output.find("lrs.endpoint from PRAXIS_LRS_ENDPOINT"), std::string::npos) << sound.output;
  EXPECT_NE(sound.output.find("lrs.username from " + config.string()), std::string::npos) << sound.output;
  EXPECT_NE(sound.output.find("lrs.timeoutMs from " + config.string()), std::string::npos) << sound.output;
  EXPECT_NE(sound.output.find("integrity  ok"), std::string::npos) << sound.output;
  EXPECT_EQ(sound.output.find("secret-pw"), std::string::npos) << "secrets are never printed";

  const auto size = fs::file_size(outbox);
  {
    std::fstream f(outbox, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 2));
    const std::string garbage(8192, '\x5a');
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  const auto damaged = test::runPraxis(args);
  expectCleanExit(damaged, 1);
  EXPECT_NE(damaged.output.find("DAMAGED"), std::string::npos) << damaged.output;
}

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(HostileNetwork, AnLrsAnswerNestedDeepDoesNotCrashRunOrFlush) {
  xapi::test::TestHttpServer lrs([](const xapi::test::HttpRequest&) {
    return xapi::test::HttpReply{400, R"({"message":"no","warnings":)" + nested(100000) + "}", {}};
  });
  const fs::path outbox = scratch("deep-lrs") / "outbox.sqlite";
  const std::string target = " --lrs " + lrs.url() + "/xAPI/ --outbox " + quoted(outbox);
  const auto run = test::runPraxis(autopilot() + "--trainee t" + target);
  expectCleanExit(run, 0);  // the attempt passed and every statement is stored (dead, not lost)
  EXPECT_NE(run.output.find("refused by the LRS"), std::string::npos) << run.output;
  ASSERT_EQ(test::runPraxis("xapi retry-dead --outbox " + quoted(outbox)).exitCode, 0);
  const auto flush = test::runPraxis("xapi flush --timeout 20" + target);
  expectCleanExit(flush, 1);
  EXPECT_NE(flush.output.find("dead"), std::string::npos) << flush.output;
}

TEST(HostileNetwork, ConcurrentRunsSharingAnOutboxSendEachStatementOnce) {
  std::mutex mutex;
  std::map<std::string, int> sent;  // statement id -> times posted
  xapi::test::TestHttpServer lrs([&](const xapi::test::HttpRequest& r) {
    if (r.method == "POST") {
      std::lock_guard lock(mutex);
      for (const auto& s : Json::parse(r.body)) ++sent[s["id"].get<std::string>()];
    }
    return xapi::test::HttpReply{200, "[]", {"Content-Type: application/json"}};
  });
  const fs::path outbox = scratch("concurrent") / "outbox.sqlite";
  ASSERT_TRUE(xapi::Outbox::open(outbox));
  const std::string one = "'" + test::praxisExecutable() + "' " + autopilot() + "--trainee t --lrs " +
                          lrs.url() + "/xAPI/ --outbox " + quoted(outbox) + " >/dev/null 2>&1 &";
  std::string five;
  for (int i = 0; i < 5; ++i) five += one + " ";
  ASSERT_EQ(test::runCommand(five + "wait").exitCode, 0);
  auto box = xapi::Outbox::open(outbox);
  ASSERT_TRUE(box);
  auto counts = (*box)->counts();
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->pending, 0);
  EXPECT_EQ(static_cast<std::size_t>(counts->delivered), sent.size());
  int resent = 0;
  for (const auto& [id, times] : sent) resent += times > 1 ? 1 : 0;
  EXPECT_EQ(resent, 0) << "of " << sent.size() << " statements, sent more than once";
}

TEST(HostileNetwork, ReportOfADeeplyNestedFileIsAnError) {
  const fs::path file = scratch("deep-report") / "statements.json";
  std::ofstream(file) << nested(100000);
  const auto report = test::runPraxis("report " + quoted(file) + " --out " + quoted(file.parent_path() / "r.html"));
  expectCleanExit(report, 2);
  EXPECT_NE(report.output.find("nested more than"), std::string::npos) << report.output;
}

TEST(HostileLms, DeepLaunchDataAndNonIriTemplateKeysFailTheLaunchBeforeTheAttempt) {
  const std::string reg = *core::newUuidV4();
  // Raw text: a JSON value nested this deep would overflow the test's own stack when dumped.
  xapi::test::TestHttpServer deep([](const xapi::test::HttpRequest& r) {
    if (r.target.rfind("/fetch", 0) == 0) return xapi::test::HttpReply{200, R"({"auth-token":"dG9rZW4="})", {}};
    return xapi::test::HttpReply{200, R"({"launchMode":"Normal","x":)" + nested(100000) + "}", {}};
  });
  const std::string deepUrl = "praxis://launch?endpoint=" + xapi::urlEncode(deep.url() + "/xAPI/") +
                              "&fetch=" + xapi::urlEncode(deep.url() + "/fetch") + "&actor=" +
                              xapi::urlEncode(R"({"account":{"homePage":"https://lms.test","name":"l"}})") +
                              "&registration=" + reg + "&activityId=https%3A%2F%2Flms.test%2Fau";
  const auto deepRun = test::runPraxis(autopilot() + "--outbox " + quoted(scratch("lms") / "o.sqlite") +
                                       " --cmi5 '" + deepUrl + "'");
  expectCleanExit(deepRun, 2);
  EXPECT_NE(deepRun.output.find("nested more than"), std::string::npos) << deepRun.output;

  auto data = xapi::test::launchDataFor("Normal", *core::newUuidV4());
  data["contextTemplate"]["extensions"]["not an iri"] = 1;
  xapi::test::FakeLms badKey("http://127.0.0.1:9", data);
  const auto keyRun = test::runPraxis(autopilot() + "--outbox " + quoted(scratch("lms2") / "o.sqlite") +
                                      " --cmi5 '" + badKey.launchUrl(reg, "https://lms.test/au") + "'");
  expectCleanExit(keyRun, 2);
  EXPECT_NE(keyRun.output.find("is not an IRI"), std::string::npos) << keyRun.output;
  EXPECT_EQ(keyRun.output.find("result:"), std::string::npos) << keyRun.output;
}

TEST(HostileLms, NoLmsStringBecomesAPath) {
  const fs::path home = scratch("traversal");
  const std::string env = "XDG_DATA_HOME=" + quoted(home / "data");
  // The session id comes from the LMS: "../../" in it once created a file outside the folder.
  xapi::test::FakeLms lms("http://127.0.0.1:9", xapi::test::launchDataFor("Normal", "../../../escaped"));
  const auto run = test::runPraxis(autopilot() + "--cmi5 '" + lms.launchUrl(*core::newUuidV4(), "https://lms.test/au") + "'", env);
  expectCleanExit(run, 3);  // the stand-in LMS has no LRS behind it: nothing accepted, exit 3
  for (const auto& entry : fs::recursive_directory_iterator(home)) {
    EXPECT_EQ(entry.path().string().find("escaped"), std::string::npos) << entry.path();
    if (entry.path().extension() == ".sqlite") {
      EXPECT_EQ(entry.path().parent_path(), home / "data" / "praxis" / "cmi5") << entry.path();
    }
  }
  EXPECT_FALSE(fs::exists(home / "escaped.sqlite"));
  // A registration that is not a UUID ("../x" crashed) is refused before anything happens.
  xapi::test::FakeLms lms2("http://127.0.0.1:9", xapi::test::launchDataFor("Normal", "s"));
  const auto bad = test::runPraxis(autopilot() + "--cmi5 '" + lms2.launchUrl("..%2F..%2Fx", "https://lms.test/au") + "'", env);
  expectCleanExit(bad, 2);
  EXPECT_NE(bad.output.find("'registration' is not a UUID"), std::string::npos) << bad.output;
}

TEST(HostileOptions, BadValuesAreUsageErrorsBeforeTheAttempt) {
  const fs::path dir = scratch("options");
  const std::string outbox = " --outbox " + quoted(dir / "o.sqlite") + " --trainee t";
  struct Case {
    std::string args;
    std::string says;
  };
  const Case cases[] = {
      {autopilot() + "--seed abc" + outbox, "--seed 'abc'"},
      {autopilot() + "--seed -1" + outbox, "--seed '-1'"},
      {autopilot() + "--language 'not a tag'" + outbox, "is not a BCP 47 language tag"},
      {autopilot() + "--lrs notaurl" + outbox, "'notaurl' (from --lrs) is not an http"},
      {autopilot() + "--record " + quoted(dir / "no" / "such" / "folder.prxrec") + outbox, "--record"},
      {"bench '" + scenarios() + "/fire-extinguisher' --repeat -1", "--repeat '-1'"},
      {"xapi flush --timeout abc --lrs http://127.0.0.1:9/" + outbox.substr(0, outbox.find(" --trainee")),
       "--timeout 'abc'"},
  };
  for (const auto& c : cases) {
    const auto r = test::runPraxis(c.args);
    expectCleanExit(r, 2);
    EXPECT_NE(r.output.find(c.says), std::string::npos) << c.args << "\n" << r.output;
    EXPECT_EQ(r.output.find("result:"), std::string::npos) << "no attempt was played: " << c.args;
  }
}

fs::path copyPackage(const std::string& name) {
  const fs::path dir = scratch(name) / "fire-extinguisher";
  fs::copy(scenarios() + "/fire-extinguisher", dir, fs::copy_options::recursive);
  return dir;
}

void replaceIn(const fs::path& file, const std::string& from, const std::string& to) {
  auto read = core::readFile(file);
  ASSERT_TRUE(read) << read.error().message;
  std::string text = *read;
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  std::ofstream(file, std::ios::trunc) << text;
}

TEST(HostileScenario, HugeDurationsAndBadLanguageTagsAreErrorsAtTheirLine) {
  const fs::path pkg = copyPackage("durations");
  replaceIn(pkg / "scenario.yaml", "time_limit: 300", "time_limit: 1e23");
  replaceIn(pkg / "scenario.yaml", "- after: 20", "- after: 1e30");
  replaceIn(pkg / "tests" / "reference.yaml", "max_seconds: 200", "max_seconds: 1e30");
  replaceIn(pkg / "tests" / "forgets-pin.yaml", "language: ", "language: 'no tag!' #");
  const auto r = test::runPraxis("validate " + quoted(pkg));
  expectCleanExit(r, 1);
  // The error sits at the value: the line that says it, column 15 (after "  time_limit: ").
  const std::string yaml = *core::readFile(pkg / "scenario.yaml");
  const auto line = 1 + std::count(yaml.begin(), yaml.begin() + static_cast<long>(yaml.find("time_limit: 1e23")), '\n');
  EXPECT_NE(r.output.find("scenario.yaml:" + std::to_string(line) +
                          ":15: error: time_limit: must be between 0.001 and 10000000, got 1e23"),
            std::string::npos) << r.output;
  EXPECT_NE(r.output.find("after: must be between 0 and 10000000, got 1e30"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("reference.yaml:7:14: error: max_seconds: must be between"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("forgets-pin.yaml"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("'no tag!' is not a BCP 47 language tag"), std::string::npos) << r.output;
}

fs::path copyFixture(const std::string& name) {
  const fs::path dir = scratch(name) / "full-featured";
  fs::copy(std::string(PRAXIS_SOURCE_DIR) + "/tests/scenario/fixtures/valid/full-featured", dir,
           fs::copy_options::recursive);
  return dir;
}

TEST(HostileScenario, ModelsMustImportAndStayInsideThePackage) {
  const fs::path sound = copyFixture("models-sound");
  expectCleanExit(test::runPraxis("validate " + quoted(sound)), 0);

  const fs::path corrupt = copyFixture("models-corrupt");
  std::ofstream(corrupt / "assets" / "panel.obj", std::ios::trunc) << "v 1 2\nf 1 2 9\n\x01\x02garbage";
  const auto corruptRun = test::runPraxis("validate " + quoted(corrupt));
  expectCleanExit(corruptRun, 1);
  EXPECT_NE(corruptRun.output.find("scenario.yaml:34:12: error: model: 'assets/panel.obj' does not import"),
            std::string::npos) << corruptRun.output;

  const fs::path text = copyFixture("models-text");
  std::ofstream(text / "assets" / "notes.txt") << "not a model";
  replaceIn(text / "scenario.yaml", "model: assets/panel.obj", "model: assets/notes.txt");
  const auto textRun = test::runPraxis("validate " + quoted(text));
  expectCleanExit(textRun, 1);
  EXPECT_NE(textRun.output.find("scenario.yaml:34:12: error: model: 'assets/notes.txt' does not import"),
            std::string::npos) << textRun.output;

  // A link inside assets/ to a file outside: the path as written is inside, the file is not.
  const fs::path linked = copyFixture("models-link");
  const fs::path outside = linked.parent_path() / "outside.obj";
  fs::rename(linked / "assets" / "panel.obj", outside);
  fs::create_symlink(outside, linked / "assets" / "panel.obj");
  const auto linkRun = test::runPraxis("validate " + quoted(linked));
  expectCleanExit(linkRun, 1);
  EXPECT_NE(linkRun.output.find("scenario.yaml:34:12: error: model: 'assets/panel.obj' leads outside the "
                                "scenario package"),
            std::string::npos) << linkRun.output;
}

TEST(HostileScenario, ABrokenPackageExitsOneInEveryCommand) {
  const fs::path pkg = copyPackage("broken");
  replaceIn(pkg / "scenario.yaml", "time_limit: 300", "time_limit: -1");
  for (const std::string& command : {"validate " + quoted(pkg), "test " + quoted(pkg),
                                     "run " + quoted(pkg) + " --headless --autopilot --no-xapi",
                                     "snapshot " + quoted(pkg) + " --out " + quoted(pkg / "x.png")}) {
    const auto r = test::runPraxis(command);
    expectCleanExit(r, 1);
    EXPECT_NE(r.output.find("time_limit"), std::string::npos) << command << "\n" << r.output;
  }
}

TEST(HostileOutput, TheReportHintQuotesAnOutboxPathWithSpaces) {
  const fs::path outbox = scratch("spaces") / "my outbox" / "o.sqlite";
  const auto run = test::runPraxis(autopilot() + "--trainee t --outbox " + quoted(outbox));
  expectCleanExit(run, 0);
  const std::string hint = "report: praxis report --outbox '" + outbox.string() + "' --registration ";
  EXPECT_NE(run.output.find(hint), std::string::npos) << run.output;
}

}  // namespace
}  // namespace praxis::app
