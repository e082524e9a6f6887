// The simulation's way to emit statements: emit() validates and queues in memory (never
// touching disk or network); a writer thread commits queued statements to the outbox in
// batched transactions and a sender thread delivers them to the LRS. See docs/xapi.md for
// what "emitted" and "committed" mean and what a kill can lose.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/log.h"
#include "core/result.h"
#include "xapi/delivery.h"
#include "xapi/lrs_client.h"
#include "xapi/outbox.h"
#include "xapi/statement.h"

namespace praxis::xapi {

struct EmitterOptions {
  std::filesystem::path outbox;
  std::optional<LrsConfig> lrs;  // none: statements stay in the outbox (export them later)
  DeliveryPolicy delivery;
  core::Log log = core::Log::silent();
};

struct EmitterStats {
  std::int64_t emitted = 0;    // accepted by emit()
  std::int64_t committed = 0;  // on disk
  std::int64_t commitErrors = 0;
  std::string lastCommitError;  // why the latest commit failed ("" when none did)
};

class Emitter {
 public:
  /// Opens the outbox and starts the writer (and, with an LRS, the sender) thread. Pending
  /// statements from an earlier run are delivered first.
  [[nodiscard]] static core::Result<std::unique_ptr<Emitter>> start(EmitterOptions options);
  /// Commits everything emitted, then stops both threads (undelivered statements stay in
  /// the outbox for the next run or `praxis xapi flush`).
  ~Emitter();
  Emitter(const Emitter&) = delete;
  Emitter& operator=(const Emitter&) = delete;

  /// Fills an empty id (UUID v4) and timestamp, validates, and queues the statement.
  /// Returns its id. Cheap and non-blocking apart from a short mutex.
  [[nodiscard]] core::Result<std::string> emit(Statement statement);
  /// The same for a statement already in JSON form (it must carry an id).
  [[nodiscard]] core::Result<std::string> emitJson(const Json& statement);

  /// Waits until every statement emitted so far is on disk; false on timeout.
  [[nodiscard]] bool waitCommitted(std::chrono::milliseconds timeout);
  /// Waits until the outbox holds nothing pending (needs an LRS); false on timeout.
  [[nodiscard]] bool waitDelivered(std::chrono::milliseconds timeout);

  [[nodiscard]] EmitterStats stats() const;

  /// Stops both threads (what the destructor does) and returns the final counts: after it,
  /// `emitted - committed` statements were never stored and are lost.
  EmitterStats stop();

 private:
  explicit Emitter(EmitterOptions options);
  core::Result<std::string> queue(std::string id, std::string registration, std::string body);
  void writerLoop(std::unique_ptr<Outbox> outbox);
  void senderLoop(std::unique_ptr<Outbox> outbox);

  EmitterOptions options_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;  // writer: work queued or stop
  std::condition_variable committedCv_;
  std::vector<OutboxItem> queue_;
  std::int64_t emitted_ = 0;
  std::int64_t committed_ = 0;
  std::int64_t commitErrors_ = 0;
  std::string lastCommitError_;
  bool stopping_ = false;

  std::mutex senderMutex_;
  std::condition_variable senderWake_;
  bool senderKick_ = false;
  bool senderStopping_ = false;
  std::atomic<bool> idle_{false};        // sender saw nothing pending after the last commit
  std::atomic<bool> cancelSend_{false};  // shutting down: abort a request in flight

  // Threads last: they are joined (in the destructor) before the state above goes away.
  std::thread writer_;
  std::thread sender_;
};

}  // namespace praxis::xapi
