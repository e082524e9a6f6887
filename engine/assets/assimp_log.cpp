#include "assets/assimp_log.h"

#include <assimp/DefaultLogger.hpp>
#include <assimp/Logger.hpp>

#include <mutex>

namespace praxis::assets::detail {
namespace {

thread_local AssimpLogCapture* tCurrent = nullptr;

// Forwards to whichever capture is active on the calling thread; Assimp imports run on the
// thread that called ReadFile, so messages never cross between concurrent imports.
class ForwardingLogger final : public Assimp::Logger {
 public:
  ForwardingLogger() : Assimp::Logger(Assimp::Logger::NORMAL) {}
  bool attachStream(Assimp::LogStream* stream, unsigned int) override {
    delete stream;  // Assimp hands over ownership; Praxis only uses the capture.
    return false;
  }
  bool detachStream(Assimp::LogStream*, unsigned int) override { return false; }

 private:
  void OnVerboseDebug(const char*) override {}
  void OnDebug(const char*) override {}
  void OnInfo(const char*) override {}
  void OnWarn(const char* message) override {
    if (tCurrent != nullptr) tCurrent->add(false, message);
  }
  void OnError(const char* message) override {
    if (tCurrent != nullptr) tCurrent->add(true, message);
  }
};

void installOnce() {
  static std::once_flag once;
  // Assimp owns the logger from here on (DefaultLogger::set takes it).
  std::call_once(once, [] { Assimp::DefaultLogger::set(new ForwardingLogger()); });
}

}  // namespace

AssimpLogCapture::AssimpLogCapture() : previous_(tCurrent) {
  installOnce();
  tCurrent = this;
}

AssimpLogCapture::~AssimpLogCapture() { tCurrent = previous_; }

void AssimpLogCapture::add(bool isError, const char* message) {
  (isError ? errors : warnings).emplace_back(message != nullptr ? message : "");
}

}  // namespace praxis::assets::detail
