// Test helper for the kill test: emits statements through the real Emitter (outbox + sender)
// and prints each id just before emitting it, so the test can kill -9 it at any moment.
//   xapi_kill_helper emit OUTBOX ENDPOINT|none REGISTRATION COUNT
//   xapi_kill_helper flush OUTBOX ENDPOINT      (a restart: deliver what is pending, exit)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "core/uuid.h"
#include "xapi/emitter.h"
#include "xapi_test_util.h"

using namespace praxis::xapi;

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: xapi_kill_helper emit|flush OUTBOX ENDPOINT [REG COUNT]\n");
    return 2;
  }
  const std::string mode = argv[1];
  EmitterOptions options;
  options.outbox = argv[2];
  if (std::string(argv[3]) != "none") options.lrs = test::lrsConfig(argv[3]);
  options.delivery.batchSize = 50;
  options.delivery.initialBackoff = std::chrono::milliseconds(20);
  options.delivery.maxBackoff = std::chrono::milliseconds(200);
  auto emitter = Emitter::start(options);
  if (!emitter) {
    std::fprintf(stderr, "%s\n", emitter.error().message.c_str());
    return 2;
  }
  if (mode == "flush") return (*emitter)->waitDelivered(std::chrono::seconds(60)) ? 0 : 1;
  const std::string registration = argc > 4 ? argv[4] : "";
  const int count = argc > 5 ? std::atoi(argv[5]) : 1000;
  for (int i = 0; i < count; ++i) {
    // Announce the id before emitting: the writer may commit it before emit() returns, so
    // printing afterwards could miss a committed id when the kill lands in between.
    auto statement = test::sampleStatement(registration, i);
    statement.id = *praxis::core::newUuidV4();
    std::printf("%s\n", statement.id.c_str());
    std::fflush(stdout);
    auto id = (*emitter)->emit(std::move(statement));
    if (!id) {
      std::fprintf(stderr, "%s\n", id.error().message.c_str());
      return 1;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(300));
  }
  if (options.lrs) (void)(*emitter)->waitDelivered(std::chrono::seconds(30));
  return 0;
}
