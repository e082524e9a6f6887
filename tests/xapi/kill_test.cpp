// Integration: kill -9 a process that emits statements, at random moments, with the LRS up
// and down; restart and flush; the LRS must hold exactly the statements committed before
// the kill — none lost, none duplicated.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "core/uuid.h"
#include "xapi/outbox.h"
#include "xapi_test_util.h"

namespace praxis::xapi {
namespace {

using namespace std::chrono_literals;

pid_t spawn(const std::vector<std::string>& args, const std::string& stdoutFile) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int fd = ::open(stdoutFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 1);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

int waitExit(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

std::set<std::string> completeLines(const std::string& file) {
  std::ifstream in(file);
  std::set<std::string> ids;
  std::string line;
  while (std::getline(in, line)) {
    if (core::isUuid(line)) ids.insert(line);  // a torn last line is not an emitted id
  }
  return ids;
}

TEST(KillTest, LrsHoldsExactlyTheStatementsCommittedBeforeEachKill) {
  auto lrs = test::LrsProcess::start();
  ASSERT_TRUE(lrs) << "real LRS unavailable: " << lrs.error().message;
  const std::string helper = std::string(PRAXIS_BINARY_DIR) + "/tests/xapi/xapi_kill_helper";
  const auto outbox = test::tempPath("kill.sqlite");
  const std::string endpoint = (*lrs)->endpoint();
  const unsigned seed = std::random_device{}();
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> delayMs(5, 400);
  constexpr int kTrials = 24;
  std::int64_t totalCommitted = 0;
  for (int trial = 0; trial < kTrials; ++trial) {
    SCOPED_TRACE("seed " + std::to_string(seed) + ", trial " + std::to_string(trial));
    const bool lrsUp = trial % 2 == 0;
    const std::string reg = *core::newUuidV4();
    const std::string target =
        lrsUp ? endpoint : "http://127.0.0.1:" + std::to_string(test::freePort()) + "/xAPI/";
    const std::string emittedFile = outbox.string() + ".emitted";
    const pid_t pid = spawn({helper, "emit", outbox.string(), target, reg, "2000"}, emittedFile);
    std::this_thread::sleep_for(std::chrono::milliseconds(delayMs(rng)));
    ::kill(pid, SIGKILL);
    ASSERT_EQ(waitExit(pid), -SIGKILL) << "the helper finished before the kill";

    const auto emitted = completeLines(emittedFile);
    std::set<std::string> committed;
    {
      auto box = Outbox::open(outbox);
      ASSERT_TRUE(box) << box.error().message;
      ASSERT_TRUE(
          (*box)->forEach(std::nullopt, reg, [&](const auto& r) { committed.insert(r.id); }));
    }
    // Every committed id was announced by the helper just before it emitted it.
    for (const auto& id : committed) ASSERT_TRUE(emitted.contains(id)) << id;

    // Restart: a new process delivers what is pending, against the running LRS.
    const pid_t restart = spawn({helper, "flush", outbox.string(), endpoint}, "/dev/null");
    ASSERT_EQ(waitExit(restart), 0);
    auto held = test::idsForRegistration(endpoint, reg);
    ASSERT_TRUE(held) << held.error().message;
    EXPECT_EQ(held->size(), committed.size()) << "duplicates or losses";
    EXPECT_EQ(std::set<std::string>(held->begin(), held->end()), committed);
    totalCommitted += static_cast<std::int64_t>(committed.size());
  }
  EXPECT_GT(totalCommitted, 0);
  auto box = Outbox::open(outbox);
  EXPECT_EQ((*box)->counts()->pending, 0);
  EXPECT_EQ((*box)->counts()->dead, 0);
}

}  // namespace
}  // namespace praxis::xapi
