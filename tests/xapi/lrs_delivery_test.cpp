// Integration: delivery to the real LRS (xapi-statements on loopback), with faults injected
// by a loopback proxy between Praxis and the LRS.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <deque>
#include <mutex>
#include <set>
#include <thread>

#include "command.h"
#include "core/uuid.h"
#include "xapi/delivery.h"
#include "xapi/emitter.h"
#include "xapi/outbox.h"
#include "xapi_test_util.h"

namespace praxis::xapi {
namespace {

using namespace std::chrono_literals;

class LrsDelivery : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto started = test::LrsProcess::start();
    if (!started) {
      startError_ = started.error().message;
      return;
    }
    lrs_ = std::move(*started);
  }
  static void TearDownTestSuite() { lrs_.reset(); }
  void SetUp() override { ASSERT_TRUE(lrs_) << "real LRS unavailable: " << startError_; }

  static std::string registration() { return *core::newUuidV4(); }
  static std::string origin() { return "http://127.0.0.1:" + std::to_string(lrs_->port()); }

  static DeliveryPolicy fastPolicy(std::size_t batch = 100) {
    DeliveryPolicy p;
    p.batchSize = batch;
    p.initialBackoff = 10ms;
    p.maxBackoff = 200ms;
    return p;
  }

  // Enqueues `n` valid statements for `reg` straight into the outbox; returns their ids.
  static std::vector<std::string> enqueue(Outbox& box, const std::string& reg, int n) {
    std::vector<OutboxItem> items;
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) {
      auto s = test::sampleStatement(reg, i);
      s.id = *core::newUuidV4();
      s.timestamp = "2026-11-23T12:00:00.000Z";
      items.push_back({s.id, reg, toJson(s).dump()});
      ids.push_back(s.id);
    }
    EXPECT_TRUE(box.enqueue(items));
    return ids;
  }

  static inline std::unique_ptr<test::LrsProcess> lrs_;
  static inline std::string startError_;
};

TEST_F(LrsDelivery, EmitterDeliversEveryStatementRetrievableById) {
  const auto reg = registration();
  const auto path = test::tempPath("deliver.sqlite");
  std::set<std::string> ids;
  {
    EmitterOptions options{path, test::lrsConfig(lrs_->endpoint()), fastPolicy(),
                           core::Log::silent()};
    auto emitter = Emitter::start(options);
    ASSERT_TRUE(emitter) << emitter.error().message;
    for (int i = 0; i < 250; ++i) {
      auto id = (*emitter)->emit(test::sampleStatement(reg, i));
      ASSERT_TRUE(id) << id.error().message;
      ids.insert(*id);
    }
    ASSERT_TRUE((*emitter)->waitDelivered(30s));
  }
  auto box = Outbox::open(path);
  EXPECT_EQ((*box)->counts()->delivered, 250);
  EXPECT_EQ((*box)->counts()->pending, 0);
  for (const auto& id : ids) EXPECT_EQ(test::statementStatus(lrs_->endpoint(), id), 200) << id;
  auto held = test::idsForRegistration(lrs_->endpoint(), reg);
  ASSERT_TRUE(held) << held.error().message;
  EXPECT_EQ(std::set<std::string>(held->begin(), held->end()), ids);
  EXPECT_EQ(held->size(), ids.size()) << "no duplicates";
}

TEST_F(LrsDelivery, ConnectionRefusedRetriesThenDelivers) {
  auto box = *Outbox::open(test::tempPath("refused.sqlite"));
  const auto reg = registration();
  const auto ids = enqueue(*box, reg, 5);
  auto config = test::lrsConfig("http://127.0.0.1:" + std::to_string(test::freePort()) + "/xAPI/");
  config.password = "hunter2-secret";
  LrsClient down(config);
  Deliverer failing(*box, down, fastPolicy(), core::Log::silent());
  auto step = failing.deliverOnce();
  ASSERT_TRUE(step);
  EXPECT_EQ(step->kind, DeliveryStep::Kind::RetryLater);
  EXPECT_EQ(step->error.find("hunter2-secret"), std::string::npos) << step->error;
  EXPECT_NE(step->error.find("127.0.0.1"), std::string::npos) << step->error;
  EXPECT_EQ(box->counts()->pending, 5);

  LrsClient up(test::lrsConfig(lrs_->endpoint()));
  Deliverer working(*box, up, fastPolicy(), core::Log::silent());
  ASSERT_TRUE(working.flush(std::chrono::steady_clock::now() + 10s));
  EXPECT_EQ(box->counts()->delivered, 5);
  for (const auto& id : ids) EXPECT_EQ(test::statementStatus(lrs_->endpoint(), id), 200);
}

TEST_F(LrsDelivery, PasswordInUrlOrConfigNeverInErrors) {
  auto config = test::lrsConfig(
      "http://praxis:url-secret-pw@127.0.0.1:" + std::to_string(test::freePort()) + "/xAPI/");
  config.password = "config-secret-pw";
  LrsClient client(config);
  auto r = client.postStatements("[]");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message.find("url-secret-pw"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().message.find("config-secret-pw"), std::string::npos) << r.error().message;
}

TEST_F(LrsDelivery, AnHttpsEndpointThatSpeaksPlainHttpFailsInsteadOfFallingBack) {
  auto config = test::lrsConfig("https://127.0.0.1:" + std::to_string(lrs_->port()) + "/xAPI/");
  config.timeout = 3000ms;
  auto plain = LrsClient(config).postStatements("[]");
  ASSERT_FALSE(plain);
  EXPECT_NE(plain.error().message.find("https://127.0.0.1"), std::string::npos)
      << plain.error().message;
}

// A real TLS endpoint in front of the real LRS: a private CA and a server certificate for
// 127.0.0.1 made here with openssl, served by Node's https module (Node runs the LRS too).
class TlsFront {
 public:
  explicit TlsFront(int upstreamPort) : dir_(test::tempPath("tls")) {
    std::filesystem::create_directories(dir_);
    const std::string d = "'" + dir_.string() + "'";
    const std::string ec = " -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes ";
    const auto made = praxis::test::runCommand(
        "cd " + d + " && printf 'subjectAltName=IP:127.0.0.1\\n' > san.ext && "
        "openssl req -x509" + ec + "-keyout ca.key -out ca.pem -days 2 -subj /CN=praxis-test-ca && "
        "openssl req" + ec + "-keyout server.key -out server.csr -subj /CN=127.0.0.1 && "
        "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 "
        "-extfile san.ext -out server.pem 2>&1");
    if (made.exitCode != 0) {
      error_ = "openssl could not make the test certificates: " + made.output;
      return;
    }
    port_ = test::freePort();
    const std::string proxy =
        "const [k,c,p,u]=process.argv.slice(1),fs=require('fs'),http=require('http');"
        "require('https').createServer({key:fs.readFileSync(k),cert:fs.readFileSync(c)},(q,s)=>{"
        "const f=http.request({host:'127.0.0.1',port:u,path:q.url,method:q.method,headers:q.headers},"
        "r=>{s.writeHead(r.statusCode,r.headers);r.pipe(s);});q.pipe(f);}).listen(p,'127.0.0.1');";
    const auto started = praxis::test::runCommand("node -e \"" + proxy + "\" " + d + "/server.key " + d +
                                          "/server.pem " + std::to_string(port_) + " " +
                                          std::to_string(upstreamPort) + " >/dev/null 2>&1 & echo $!");
    pid_ = std::atoi(started.output.c_str());
    if (started.exitCode != 0 || pid_ <= 0) {
      error_ = "cannot start node (a test dependency): " + started.output;
      return;
    }
    for (int i = 0; i < 100 && !listening(); ++i) std::this_thread::sleep_for(100ms);
    if (!listening()) error_ = "the TLS endpoint did not start listening (is node installed?)";
  }
  ~TlsFront() {
    if (pid_ > 0) ::kill(pid_, SIGTERM);
  }
  TlsFront(const TlsFront&) = delete;
  TlsFront& operator=(const TlsFront&) = delete;
  [[nodiscard]] const std::string& error() const { return error_; }
  [[nodiscard]] std::string endpoint() const {
    return "https://127.0.0.1:" + std::to_string(port_) + "/xAPI/";
  }
  [[nodiscard]] std::string caFile() const { return (dir_ / "ca.pem").string(); }

 private:
  [[nodiscard]] bool listening() const {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port_));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
  }
  std::filesystem::path dir_;
  int port_ = 0;
  pid_t pid_ = 0;
  std::string error_;
};

TEST_F(LrsDelivery, HttpsDeliversWithTheRightCaAndIsRefusedWithoutIt) {
  TlsFront tls(lrs_->port());
  ASSERT_TRUE(tls.error().empty()) << tls.error();
  Statement statement = test::sampleStatement(registration(), 0);
  statement.id = *core::newUuidV4();
  const std::string body = "[" + toJson(statement).dump() + "]";
  auto config = test::lrsConfig(tls.endpoint());
  config.timeout = 5000ms;

  // The system's CAs do not know the test CA: the handshake fails with a clear error.
  auto refused = LrsClient(config).postStatements(body);
  ASSERT_FALSE(refused) << "status " << refused->status;
  EXPECT_NE(refused.error().message.find("certificate"), std::string::npos) << refused.error().message;
  EXPECT_EQ(test::statementStatus(lrs_->endpoint(), statement.id), 404) << "nothing went through";

  config.caFile = "/nonexistent/provider-ca.pem";
  auto missing = LrsClient(config).postStatements(body);
  ASSERT_FALSE(missing);
  EXPECT_FALSE(missing.error().message.empty());

  config.caFile = tls.caFile();
  auto delivered = LrsClient(config).postStatements(body);
  ASSERT_TRUE(delivered) << delivered.error().message;
  EXPECT_EQ(delivered->status, 200) << delivered->body;
  EXPECT_EQ(test::statementStatus(lrs_->endpoint(), statement.id), 200) << "the LRS holds it";
}

// A proxy that answers with scripted faults first, then forwards to the real LRS.
class FaultProxy {
 public:
  explicit FaultProxy(std::string origin)
      : origin_(std::move(origin)),
        server_([this](const test::HttpRequest& r) { return handle(r); }) {}
  void script(std::deque<test::HttpReply> faults) {
    std::lock_guard lock(mutex_);
    faults_ = std::move(faults);
  }
  void hangFor(std::chrono::milliseconds d, int times) {
    std::lock_guard lock(mutex_);
    hang_ = d;
    hangs_ = times;
  }
  [[nodiscard]] std::string endpoint() const { return server_.url() + "/xAPI/"; }
  [[nodiscard]] int forwarded() const { return forwarded_; }

 private:
  test::HttpReply handle(const test::HttpRequest& r) {
    std::chrono::milliseconds hang{0};
    {
      std::lock_guard lock(mutex_);
      if (hangs_ > 0) {
        --hangs_;
        hang = hang_;
      } else if (!faults_.empty()) {
        auto reply = faults_.front();
        faults_.pop_front();
        return reply;
      }
    }
    if (hang.count() > 0) {
      std::this_thread::sleep_for(hang);
      return test::HttpReply{503, "{}", {}};
    }
    ++forwarded_;
    return test::forward(r, origin_);
  }
  std::string origin_;
  std::mutex mutex_;
  std::deque<test::HttpReply> faults_;
  std::chrono::milliseconds hang_{0};
  int hangs_ = 0;
  std::atomic<int> forwarded_{0};
  test::TestHttpServer server_;  // last: its thread stops before the state above goes
};

TEST_F(LrsDelivery, ServerErrorsAndTooManyRequestsAreRetriedInOrder) {
  FaultProxy proxy(origin());
  proxy.script({{500, "{\"message\":\"boom\"}", {}}, {503, "", {}}, {429, "", {"Retry-After: 1"}}});
  auto box = *Outbox::open(test::tempPath("5xx.sqlite"));
  const auto reg = registration();
  const auto ids = enqueue(*box, reg, 30);
  LrsClient client(test::lrsConfig(proxy.endpoint()));
  Deliverer deliverer(*box, client, fastPolicy(10), core::Log::silent());
  std::vector<DeliveryStep> steps;
  for (int i = 0; i < 3; ++i) steps.push_back(*deliverer.deliverOnce());
  for (const auto& s : steps) EXPECT_EQ(s.kind, DeliveryStep::Kind::RetryLater);
  EXPECT_NE(steps[0].error.find("HTTP 500: boom"), std::string::npos) << steps[0].error;
  EXPECT_NE(steps[1].error.find("HTTP 503"), std::string::npos);
  EXPECT_GE(steps[2].wait, 1000ms) << "Retry-After: 1 is honoured";
  ASSERT_TRUE(deliverer.flush(std::chrono::steady_clock::now() + 20s));
  EXPECT_EQ(box->counts()->delivered, 30);
  auto held = test::idsForRegistration(lrs_->endpoint(), reg);
  ASSERT_TRUE(held);
  EXPECT_EQ(std::set<std::string>(held->begin(), held->end()),
            std::set<std::string>(ids.begin(), ids.end()));
  // Order: statements were delivered oldest first.
  std::vector<std::string> order;
  ASSERT_TRUE(
      box->forEach(OutboxState::Delivered, reg, [&](const auto& r) { order.push_back(r.id); }));
  EXPECT_EQ(order, ids);
}

TEST_F(LrsDelivery, HangPastTheTimeoutIsRetried) {
  FaultProxy proxy(origin());
  proxy.hangFor(1500ms, 1);
  auto box = *Outbox::open(test::tempPath("hang.sqlite"));
  const auto reg = registration();
  const auto ids = enqueue(*box, reg, 3);
  auto config = test::lrsConfig(proxy.endpoint());
  config.timeout = 300ms;
  LrsClient client(config);
  Deliverer deliverer(*box, client, fastPolicy(), core::Log::silent());
  const auto first = *deliverer.deliverOnce();
  EXPECT_EQ(first.kind, DeliveryStep::Kind::RetryLater);
  EXPECT_NE(first.error.find("imed out"), std::string::npos) << first.error;
  ASSERT_TRUE(deliverer.flush(std::chrono::steady_clock::now() + 20s));
  EXPECT_EQ(box->counts()->delivered, 3);
  for (const auto& id : ids) EXPECT_EQ(test::statementStatus(lrs_->endpoint(), id), 200);
}

TEST_F(LrsDelivery, BadRequestAndConflictBecomeDeadLettersWithTheLrsReason) {
  auto box = *Outbox::open(test::tempPath("dead.sqlite"));
  const auto reg = registration();
  auto ids = enqueue(*box, reg, 1);
  // A statement that slipped past validation (as an older Praxis might have queued it).
  Json bad = toJson(test::sampleStatement(reg, 99));
  const std::string badId = *core::newUuidV4();
  bad["id"] = badId;
  bad["result"]["score"]["scaled"] = 7;
  // A statement whose id the LRS already holds with other content.
  Json original = toJson(test::sampleStatement(reg, 100));
  const std::string conflictId = *core::newUuidV4();
  original["id"] = conflictId;
  LrsClient direct(test::lrsConfig(lrs_->endpoint()));
  ASSERT_EQ(direct.postStatements("[" + original.dump() + "]")->status, 200);
  Json changed = original;
  changed["verb"]["id"] = "http://adlnet.gov/expapi/verbs/failed";
  std::vector<OutboxItem> items = {{badId, reg, bad.dump()}, {conflictId, reg, changed.dump()}};
  ASSERT_TRUE(box->enqueue(items));
  const auto after = enqueue(*box, reg, 2);
  ids.insert(ids.end(), after.begin(), after.end());

  LrsClient client(test::lrsConfig(lrs_->endpoint()));
  Deliverer deliverer(*box, client, fastPolicy(), core::Log::silent());
  auto total = deliverer.flush(std::chrono::steady_clock::now() + 20s);
  ASSERT_TRUE(total);
  EXPECT_EQ(total->delivered, 3);
  EXPECT_EQ(total->dead, 2);
  std::vector<OutboxRecord> dead;
  ASSERT_TRUE(box->forEach(OutboxState::Dead, reg, [&](const auto& r) { dead.push_back(r); }));
  ASSERT_EQ(dead.size(), 2U);
  EXPECT_EQ(dead[0].id, badId);
  EXPECT_FALSE(dead[0].conflict);
  EXPECT_NE(dead[0].deadReason.find("HTTP 400"), std::string::npos) << dead[0].deadReason;
  EXPECT_NE(dead[0].deadReason.find("scaled"), std::string::npos) << dead[0].deadReason;
  EXPECT_EQ(dead[1].id, conflictId);
  EXPECT_TRUE(dead[1].conflict);
  EXPECT_NE(dead[1].deadReason.find("HTTP 409"), std::string::npos) << dead[1].deadReason;
  for (const auto& id : ids) EXPECT_EQ(test::statementStatus(lrs_->endpoint(), id), 200);
}

TEST_F(LrsDelivery, ProxyInjected400And409AreDeadLettersWithReason) {
  FaultProxy proxy(origin());
  proxy.script({{400, "{\"message\":\"Invalid statement\",\"warnings\":[\"bad path\"]}", {}},
                {409, "{\"message\":\"is conflicting\"}", {}}});
  auto box = *Outbox::open(test::tempPath("proxy-dead.sqlite"));
  const auto reg = registration();
  const auto ids = enqueue(*box, reg, 3);
  LrsClient client(test::lrsConfig(proxy.endpoint()));
  Deliverer deliverer(*box, client, fastPolicy(1), core::Log::silent());
  ASSERT_TRUE(deliverer.flush(std::chrono::steady_clock::now() + 10s));
  std::vector<OutboxRecord> dead;
  ASSERT_TRUE(box->forEach(OutboxState::Dead, reg, [&](const auto& r) { dead.push_back(r); }));
  ASSERT_EQ(dead.size(), 2U);
  EXPECT_NE(dead[0].deadReason.find("bad path"), std::string::npos) << dead[0].deadReason;
  EXPECT_TRUE(dead[1].conflict);
  EXPECT_EQ(test::statementStatus(lrs_->endpoint(), ids[2]), 200);
  // retry-dead puts them back; the LRS now takes them.
  EXPECT_EQ(*box->retryDead(), 2);
  ASSERT_TRUE(deliverer.flush(std::chrono::steady_clock::now() + 10s));
  EXPECT_EQ(box->counts()->delivered, 3);
}

TEST_F(LrsDelivery, AHangingLrsBlocksNeitherEmissionNorShutdown) {
  FaultProxy proxy(origin());
  proxy.hangFor(4000ms, 100);
  const auto path = test::tempPath("hang-emitter.sqlite");
  auto config = test::lrsConfig(proxy.endpoint());
  config.timeout = 20000ms;
  auto emitter = Emitter::start(EmitterOptions{path, config, fastPolicy(), core::Log::silent()});
  ASSERT_TRUE(emitter);
  const auto reg = registration();
  for (int i = 0; i < 50; ++i) ASSERT_TRUE((*emitter)->emit(test::sampleStatement(reg, i)));
  ASSERT_TRUE((*emitter)->waitCommitted(10s)) << "the writer does not wait for the sender";
  std::this_thread::sleep_for(200ms);  // let the sender's request reach the hanging proxy
  const auto before = std::chrono::steady_clock::now();
  emitter->reset();
  EXPECT_LT(std::chrono::steady_clock::now() - before, 3s)
      << "shutdown cancels the request instead of waiting for the 20 s timeout";
  auto box = Outbox::open(path);
  EXPECT_EQ((*box)->counts()->pending, 50) << "nothing lost: delivered on the next run";
}

TEST_F(LrsDelivery, PayloadTooLargeSplitsTheBatch) {
  FaultProxy proxy(origin());
  proxy.script({{413, "{\"message\":\"request entity too large\"}", {}}});
  auto box = *Outbox::open(test::tempPath("413.sqlite"));
  const auto reg = registration();
  const auto ids = enqueue(*box, reg, 4);
  LrsClient client(test::lrsConfig(proxy.endpoint()));
  Deliverer deliverer(*box, client, fastPolicy(), core::Log::silent());
  auto total = deliverer.flush(std::chrono::steady_clock::now() + 10s);
  ASSERT_TRUE(total);
  EXPECT_EQ(total->delivered, 4);
  EXPECT_EQ(total->dead, 0);
  EXPECT_EQ(proxy.forwarded(), 4) << "re-sent one by one";
  for (const auto& id : ids) EXPECT_EQ(test::statementStatus(lrs_->endpoint(), id), 200);
}

}  // namespace
}  // namespace praxis::xapi
