#include "xapi/emitter.h"

#include "core/uuid.h"
#include "xapi/time_format.h"
#include "xapi/validator.h"
#include "xapi/wire_json.h"

namespace praxis::xapi {

Emitter::Emitter(EmitterOptions options) : options_(std::move(options)) {}

core::Result<std::unique_ptr<Emitter>> Emitter::start(EmitterOptions options) {
  auto writerBox = Outbox::open(options.outbox);
  if (!writerBox) return std::unexpected(writerBox.error());
  std::unique_ptr<Outbox> senderBox;
  if (options.lrs) {
    auto opened = Outbox::open(options.outbox, Durability::Relaxed);
    if (!opened) return std::unexpected(opened.error());
    senderBox = std::move(*opened);
  }
  std::unique_ptr<Emitter> emitter(new Emitter(std::move(options)));
  Emitter* self = emitter.get();
  self->writer_ = std::thread(
      [self, box = std::move(*writerBox)]() mutable { self->writerLoop(std::move(box)); });
  if (senderBox) {
    self->sender_ = std::thread(
        [self, box = std::move(senderBox)]() mutable { self->senderLoop(std::move(box)); });
  }
  return emitter;
}

Emitter::~Emitter() { (void)stop(); }

EmitterStats Emitter::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (writer_.joinable()) writer_.join();
  {
    std::lock_guard lock(senderMutex_);
    senderStopping_ = true;
  }
  cancelSend_ = true;  // a request to a hanging LRS must not hold up shutdown
  senderWake_.notify_all();
  if (sender_.joinable()) sender_.join();
  return stats();
}

core::Result<std::string> Emitter::emit(Statement statement) {
  if (statement.id.empty()) {
    auto id = core::newUuidV4();
    if (!id) return std::unexpected(id.error());
    statement.id = std::move(*id);
  }
  if (statement.timestamp.empty()) statement.timestamp = formatTimestamp(WallClock::now());
  const Json json = toJson(statement);
  if (auto ok = checkStatement(json); !ok) return std::unexpected(ok.error());
  std::string registration = statement.context ? statement.context->registration : std::string();
  return queue(std::move(statement.id), std::move(registration), wireText(json));
}

core::Result<std::string> Emitter::emitJson(const Json& statement) {
  if (!statement.is_object() || !statement.contains("id")) {
    return core::fail("invalid xAPI statement: id: is required");
  }
  if (auto ok = checkStatement(statement); !ok) return std::unexpected(ok.error());
  std::string registration;
  if (statement.contains("context") && statement["context"].contains("registration")) {
    registration = statement["context"]["registration"].get<std::string>();
  }
  return queue(statement["id"].get<std::string>(), std::move(registration), wireText(statement));
}

core::Result<std::string> Emitter::queue(std::string id, std::string registration,
                                         std::string body) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(OutboxItem{id, std::move(registration), std::move(body)});
    ++emitted_;
  }
  wake_.notify_one();
  return id;
}

void Emitter::writerLoop(std::unique_ptr<Outbox> outbox) {
  // At shutdown a failing disk gets a few more tries, then the statements are given up and
  // counted (emitted - committed), so the caller can say that they were not stored.
  constexpr int kTriesAfterStop = 3;
  int failuresWhileStopping = 0;
  std::vector<OutboxItem> batch;
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty() && stopping_) return;
    batch.swap(queue_);
    lock.unlock();
    // Everything queued meanwhile goes into one transaction: one fsync per batch.
    auto stored = outbox->enqueue(batch);
    lock.lock();
    if (!stored) {
      // Disk full or similar: keep the statements in memory, in order, and try again.
      ++commitErrors_;
      // Once per distinct error: a full disk retried ten times a second is one problem.
      if (stored.error().message != lastCommitError_) {
        options_.log.error("xAPI outbox: " + stored.error().message);
        lastCommitError_ = stored.error().message;
      }
      queue_.insert(queue_.begin(), std::make_move_iterator(batch.begin()),
                    std::make_move_iterator(batch.end()));
      batch.clear();
      if (stopping_ && ++failuresWhileStopping >= kTriesAfterStop) return;
      lock.unlock();
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      lock.lock();
      continue;
    }
    committed_ += static_cast<std::int64_t>(batch.size());
    batch.clear();
    committedCv_.notify_all();
    {
      std::lock_guard senderLock(senderMutex_);
      senderKick_ = true;
      idle_ = false;
    }
    senderWake_.notify_all();
  }
}

void Emitter::senderLoop(std::unique_ptr<Outbox> outbox) {
  LrsClient client(*options_.lrs);
  client.setCancelFlag(&cancelSend_);
  Deliverer deliverer(*outbox, client, options_.delivery, options_.log);
  std::chrono::milliseconds wait{0};
  while (true) {
    {
      std::unique_lock lock(senderMutex_);
      // After a failure wait out the backoff (stop ends it early); otherwise wait for work.
      if (wait.count() > 0) {
        senderWake_.wait_for(lock, wait, [&] { return senderStopping_; });
      } else {
        senderWake_.wait(lock, [&] { return senderStopping_ || senderKick_ || !idle_; });
      }
      if (senderStopping_) return;
      senderKick_ = false;
    }
    auto step = deliverer.deliverOnce();
    if (!step) {
      options_.log.error("xAPI outbox: " + step.error().message);
      wait = std::chrono::milliseconds(1000);
      continue;
    }
    wait = step->kind == DeliveryStep::Kind::RetryLater ? step->wait : std::chrono::milliseconds(0);
    if (step->kind == DeliveryStep::Kind::Idle) {
      std::lock_guard lock(senderMutex_);
      if (!senderKick_) idle_ = true;
      senderWake_.notify_all();
    }
  }
}

bool Emitter::waitCommitted(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  const auto target = emitted_;
  return committedCv_.wait_for(lock, timeout, [&] { return committed_ >= target; });
}

bool Emitter::waitDelivered(std::chrono::milliseconds timeout) {
  if (!options_.lrs) return false;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  if (!waitCommitted(timeout)) return false;
  std::unique_lock lock(senderMutex_);
  return senderWake_.wait_until(lock, deadline, [&] { return idle_ && !senderKick_; });
}

EmitterStats Emitter::stats() const {
  std::lock_guard lock(mutex_);
  return EmitterStats{emitted_, committed_, commitErrors_, lastCommitError_};
}

}  // namespace praxis::xapi
