#include "xapi_test_util.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

#include "core/uuid.h"
#include "xapi/lrs_client.h"
#include "xapi/vocabulary.h"

namespace praxis::xapi::test {

std::filesystem::path tempPath(const std::string& name) {
  const auto dir = std::filesystem::path(PRAXIS_BINARY_DIR) / "test-tmp" / "xapi";
  std::filesystem::create_directories(dir);
  const auto path = dir / (std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
  return path;
}

Statement sampleStatement(const std::string& registration, int index) {
  Statement s;
  s.actor = makeActor(ActorPolicy{}, "trainee-" + registration.substr(0, 8));
  s.verb = Verb{std::string(verbs::kExperienced), {{"en", "experienced"}}};
  ActivityDefinition def;
  def.name = {{"en", "Step " + std::to_string(index)}};
  def.type = std::string(activity_types::kInteraction);
  s.object =
      Activity{activityIri("https://praxis.example.org/test", "step", std::to_string(index)), def};
  StatementResult r;
  r.score = Score{0.5, 5.0, 0.0, 10.0};
  r.duration = "PT1.5S";
  s.result = r;
  Context c;
  c.registration = registration;
  c.platform = "Praxis test";
  c.language = "nl-BE";
  s.context = c;
  return s;
}

LrsConfig lrsConfig(const std::string& endpoint) {
  LrsConfig config;
  config.endpoint = endpoint;
  config.username = "test";
  config.password = "test";
  return config;
}

int freePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

core::Result<std::unique_ptr<LrsProcess>> LrsProcess::start() {
  const std::string script = std::string(PRAXIS_SOURCE_DIR) + "/tests/xapi/lrs.sh";
  const std::string dir = std::string(PRAXIS_BINARY_DIR) + "/lrs";
  if (std::system(("'" + script + "' install '" + dir + "'").c_str()) != 0) {
    return core::fail("cannot install the test LRS (npm install xapi-statements@5.0.1 into ", dir,
                      "); see the message above");
  }
  for (int tries = 0; tries < 3; ++tries) {
    const int port = freePort();
    FILE* out =
        ::popen(("'" + script + "' start '" + dir + "' " + std::to_string(port)).c_str(), "r");
    if (!out) return core::fail("cannot run ", script);
    char line[64] = {};
    const bool got = std::fgets(line, sizeof line, out) != nullptr;
    const int rc = ::pclose(out);
    if (got && rc == 0) {
      return std::unique_ptr<LrsProcess>(new LrsProcess(static_cast<pid_t>(std::atol(line)), port));
    }
  }
  return core::fail("the test LRS did not start; see ", dir, "/run-*/stdout.log");
}

LrsProcess::~LrsProcess() {
  if (pid_ > 0) ::kill(pid_, SIGTERM);  // by PID, never by name
}

std::string LrsProcess::endpoint() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/xAPI/";
}

std::string HttpRequest::header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k.size() == name.size() && ::strncasecmp(k.c_str(), name.data(), name.size()) == 0)
      return v;
  }
  return {};
}

TestHttpServer::TestHttpServer(Handler handler) : handler_(std::move(handler)) {
  listenFd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  const int one = 1;
  ::setsockopt(listenFd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(listenFd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(listenFd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  ::listen(listenFd_, 16);
  thread_ = std::thread([this] { serve(); });
}

TestHttpServer::~TestHttpServer() {
  stopping_ = true;
  ::shutdown(listenFd_, SHUT_RDWR);
  thread_.join();
  ::close(listenFd_);
}

namespace {

std::optional<HttpRequest> readRequest(int fd) {
  std::string data;
  char buf[65536];
  std::size_t headerEnd = std::string::npos;
  while ((headerEnd = data.find("\r\n\r\n")) == std::string::npos) {
    const auto n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return std::nullopt;
    data.append(buf, static_cast<std::size_t>(n));
  }
  HttpRequest req;
  std::size_t lineEnd = data.find("\r\n");
  const std::string first = data.substr(0, lineEnd);
  const auto sp1 = first.find(' '), sp2 = first.rfind(' ');
  req.method = first.substr(0, sp1);
  req.target = first.substr(sp1 + 1, sp2 - sp1 - 1);
  std::size_t pos = lineEnd + 2;
  while (pos < headerEnd) {
    lineEnd = data.find("\r\n", pos);
    const std::string line = data.substr(pos, lineEnd - pos);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      auto value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      req.headers.emplace_back(line.substr(0, colon), value);
    }
    pos = lineEnd + 2;
  }
  const auto lengthText = req.header("Content-Length");
  const std::size_t length = lengthText.empty() ? 0 : std::stoul(lengthText);
  req.body = data.substr(headerEnd + 4);
  while (req.body.size() < length) {
    const auto n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return std::nullopt;
    req.body.append(buf, static_cast<std::size_t>(n));
  }
  return req;
}

void writeAll(int fd, const std::string& text) {
  std::size_t sent = 0;
  while (sent < text.size()) {
    const auto n = ::send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

}  // namespace

void TestHttpServer::serve() {
  while (!stopping_) {
    const int fd = ::accept(listenFd_, nullptr, nullptr);
    if (fd < 0) {
      if (stopping_) return;
      continue;
    }
    if (auto req = readRequest(fd)) {
      ++requests_;
      const HttpReply reply = handler_(*req);
      std::string text = "HTTP/1.1 " + std::to_string(reply.status) + " X\r\n";
      for (const auto& h : reply.headers) text += h + "\r\n";
      text += "Content-Length: " + std::to_string(reply.body.size()) + "\r\n";
      text += "Connection: close\r\n\r\n" + reply.body;
      writeAll(fd, text);
    }
    ::close(fd);
  }
}

HttpReply forward(const HttpRequest& request, const std::string& origin) {
  HttpClient client;
  std::vector<std::string> headers;
  for (const auto& [k, v] : request.headers) {
    if (::strcasecmp(k.c_str(), "Authorization") == 0 ||
        ::strcasecmp(k.c_str(), "X-Experience-API-Version") == 0 ||
        ::strcasecmp(k.c_str(), "Content-Type") == 0) {
      headers.push_back(k + ": " + v);
    }
  }
  headers.emplace_back("Expect:");
  auto response = client.request(request.method, origin + request.target, headers, request.body,
                                 LrsConfig{}, false);
  if (!response) return HttpReply{502, response.error().message, {}};
  return HttpReply{
      static_cast<int>(response->status), response->body, {"Content-Type: application/json"}};
}

core::Result<std::vector<std::string>> idsForRegistration(const std::string& endpoint,
                                                          const std::string& registration) {
  LrsClient client(lrsConfig(endpoint));
  std::vector<std::string> ids;
  auto response = client.getStatements("registration=" + registration + "&limit=500");
  while (true) {
    if (!response) return std::unexpected(response.error());
    if (response->status != 200)
      return core::fail("GET statements: HTTP ", std::to_string(response->status));
    const auto page = Json::parse(response->body);
    for (const auto& s : page["statements"]) ids.push_back(s["id"]);
    const std::string more = page.value("more", "");
    if (more.empty()) return ids;
    response = client.getMore(more);
  }
}

long statementStatus(const std::string& endpoint, const std::string& id) {
  LrsClient client(lrsConfig(endpoint));
  auto response = client.getStatements("statementId=" + id);
  return response ? response->status : -1;
}

}  // namespace praxis::xapi::test
