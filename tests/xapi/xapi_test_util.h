// Test support for the xAPI suites: temp files, sample statements, the real LRS process
// (started and stopped by PID) and a loopback HTTP server for fault injection and a fake LMS.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/result.h"
#include "xapi/lrs_client.h"
#include "xapi/statement.h"

namespace praxis::xapi::test {

/// A fresh path under the build's test temp folder (removed first if it exists).
std::filesystem::path tempPath(const std::string& name);

/// A valid statement for attempt `registration`, distinct per `index`.
Statement sampleStatement(const std::string& registration, int index);

/// A config for the test LRS (which accepts any Basic credentials).
LrsConfig lrsConfig(const std::string& endpoint);

/// A TCP port on 127.0.0.1 that was free a moment ago.
int freePort();

/// The real LRS (xapi-statements on Node), installed once under <build>/lrs.
class LrsProcess {
 public:
  /// Installs if needed and starts it on a free port; fails with a clear message.
  static core::Result<std::unique_ptr<LrsProcess>> start();
  ~LrsProcess();
  LrsProcess(const LrsProcess&) = delete;
  LrsProcess& operator=(const LrsProcess&) = delete;
  [[nodiscard]] std::string endpoint() const;  // "http://127.0.0.1:PORT/xAPI/"
  [[nodiscard]] int port() const { return port_; }

 private:
  LrsProcess(pid_t pid, int port) : pid_(pid), port_(port) {}
  pid_t pid_;
  int port_;
};

struct HttpRequest {
  std::string method;
  std::string target;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  [[nodiscard]] std::string header(std::string_view name) const;
};

struct HttpReply {
  int status = 200;
  std::string body;
  std::vector<std::string> headers;  // "Name: value"
};

/// A one-connection-at-a-time HTTP/1.1 server on 127.0.0.1 for tests. Every reply closes
/// its connection. The handler runs on the server's thread.
class TestHttpServer {
 public:
  using Handler = std::function<HttpReply(const HttpRequest&)>;
  explicit TestHttpServer(Handler handler);
  ~TestHttpServer();
  TestHttpServer(const TestHttpServer&) = delete;
  TestHttpServer& operator=(const TestHttpServer&) = delete;
  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  [[nodiscard]] int requests() const { return requests_; }

 private:
  void serve();
  Handler handler_;
  int listenFd_ = -1;
  int port_ = 0;
  std::atomic<int> requests_{0};
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

/// Forwards a request to the LRS at `endpointOrigin` ("http://127.0.0.1:PORT").
HttpReply forward(const HttpRequest& request, const std::string& endpointOrigin);

/// Every statement id the LRS holds for a registration (follows "more" links).
core::Result<std::vector<std::string>> idsForRegistration(const std::string& endpoint,
                                                          const std::string& registration);
/// The LRS's answer status for GET statements?statementId=ID.
long statementStatus(const std::string& endpoint, const std::string& id);

}  // namespace praxis::xapi::test
