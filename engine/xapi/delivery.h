// Sends the outbox's pending statements to the LRS in order, in batches, and classifies each
// answer: delivered, retry later (network, 5xx, 429, 401), or dead letter (400, 403, 409).
#pragma once

#include <chrono>
#include <cstdint>
#include <random>
#include <string>

#include "core/log.h"
#include "core/result.h"
#include "xapi/lrs_client.h"
#include "xapi/outbox.h"

namespace praxis::xapi {

struct DeliveryPolicy {
  std::size_t batchSize = 100;
  std::chrono::milliseconds initialBackoff{500};
  std::chrono::milliseconds maxBackoff{60000};
};

/// What one round of delivery did.
struct DeliveryStep {
  enum class Kind { Idle, Progress, RetryLater } kind = Kind::Idle;
  std::int64_t delivered = 0;
  std::int64_t dead = 0;
  std::chrono::milliseconds wait{0};  // RetryLater: how long to wait before the next try
  std::string error;                  // RetryLater: why
};

class Deliverer {
 public:
  Deliverer(Outbox& outbox, LrsClient& client, DeliveryPolicy policy, core::Log log);

  /// Posts the oldest pending batch; an `initialized` statement always travels alone (cmi5
  /// 9.3.0.0-4). A statement the LRS rejects (400/403/409) inside a batch is
  /// found by re-posting the batch one statement at a time, so the others still arrive and
  /// order is kept. A transient failure stops the round: nothing after it is sent first.
  [[nodiscard]] core::Result<DeliveryStep> deliverOnce();

  /// Delivers until the outbox has nothing pending, sleeping the backoff between retries,
  /// or until `deadline`. Returns the totals; fails only on outbox (disk) errors.
  [[nodiscard]] core::Result<DeliveryStep> flush(std::chrono::steady_clock::time_point deadline);

  /// The delay before retry number `failures` (1-based): exponential, full jitter in its
  /// upper half, never below the server's Retry-After.
  [[nodiscard]] std::chrono::milliseconds backoff(int failures,
                                                  std::chrono::milliseconds retryAfter);

 private:
  enum class Verdict { Delivered, Retry, Dead };
  struct Outcome {
    Verdict verdict = Verdict::Retry;
    std::string reason;
    bool conflict = false;
    std::chrono::milliseconds retryAfter{0};
  };
  [[nodiscard]] Outcome post(const std::vector<OutboxRecord>& batch, std::size_t first,
                             std::size_t count);
  [[nodiscard]] core::Result<DeliveryStep> oneByOne(const std::vector<OutboxRecord>& batch);

  Outbox& outbox_;
  LrsClient& client_;
  DeliveryPolicy policy_;
  core::Log log_;
  int failures_ = 0;
  std::mt19937_64 jitter_;
};

/// The LRS's reason in a 4xx body ("message" and any "warnings"), shortened for storage.
[[nodiscard]] std::string lrsReason(long status, const std::string& body);

}  // namespace praxis::xapi
