// The durable outbox: statements on disk (SQLite, WAL) until the LRS has them. A statement
// counts as committed once enqueue() returns; delivery state survives a kill.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"

struct sqlite3;

namespace praxis::xapi {

enum class OutboxState { Pending = 0, Delivered = 1, Dead = 2 };
[[nodiscard]] std::string_view toString(OutboxState state);

/// A statement ready to store: its id, its attempt's registration ("" for none), its JSON.
struct OutboxItem {
  std::string id;
  std::string registration;
  std::string body;
};

/// A stored statement. `seq` orders statements as they were committed.
struct OutboxRecord {
  std::int64_t seq = 0;
  std::string id;
  std::string registration;
  std::string body;
  OutboxState state = OutboxState::Pending;
  int attempts = 0;
  std::string lastError;   // the latest transient failure, for `praxis xapi status`
  std::string deadReason;  // the LRS's reason for a dead letter
  bool conflict = false;   // dead because the LRS holds a different statement with this id
};

struct OutboxCounts {
  std::int64_t pending = 0;
  std::int64_t delivered = 0;
  std::int64_t dead = 0;
};

/// How hard a connection's commits push to disk. Statements are always stored with Full
/// (fsync per transaction). A sender may use Relaxed for its delivery marks: losing one in a
/// power cut only means that statement is sent again, and the LRS deduplicates it.
enum class Durability { Full, Relaxed };

/// One connection to the outbox file. Not thread-safe: each thread opens its own; SQLite's
/// WAL and busy timeout let a writer and a sender work on the same file at once.
class Outbox {
 public:
  /// Opens (creating if needed) the outbox at `path`, creating parent folders.
  [[nodiscard]] static core::Result<std::unique_ptr<Outbox>> open(
      const std::filesystem::path& path, Durability durability = Durability::Full);
  ~Outbox();
  Outbox(const Outbox&) = delete;
  Outbox& operator=(const Outbox&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  /// Stores the items in one transaction, in order. When this returns success they are on
  /// disk. An id already stored is ignored (the first copy wins), so re-enqueueing is safe.
  [[nodiscard]] core::Result<void> enqueue(std::span<const OutboxItem> items);

  /// Up to `limit` pending statements, oldest first.
  [[nodiscard]] core::Result<std::vector<OutboxRecord>> pending(std::size_t limit);
  /// The same for sending: the statements are claimed for this process for `lease` (until
  /// marked delivered, dead or failed), so several runs sharing one outbox each send a
  /// statement once instead of all sending everything. Claims of a process that is gone,
  /// or past their lease, are taken over.
  [[nodiscard]] core::Result<std::vector<OutboxRecord>> claimPending(
      std::size_t limit, std::chrono::milliseconds lease = std::chrono::minutes(2));
  [[nodiscard]] core::Result<void> markDelivered(std::span<const std::int64_t> seqs);
  [[nodiscard]] core::Result<void> markDead(std::int64_t seq, const std::string& reason,
                                            bool conflict);
  /// Counts a failed try on each statement and keeps the error for status.
  [[nodiscard]] core::Result<void> noteFailure(std::span<const std::int64_t> seqs,
                                               const std::string& error);
  /// Puts every dead letter back to pending; returns how many.
  [[nodiscard]] core::Result<std::int64_t> retryDead();

  [[nodiscard]] core::Result<OutboxCounts> counts();
  /// SQLite's integrity check over the whole file: the problems it names (empty when the
  /// file is sound). Reads every page, so it is for `praxis xapi status`, not each run.
  [[nodiscard]] core::Result<std::vector<std::string>> integrityProblems();
  /// Every record (optionally only one state or one registration), oldest first.
  [[nodiscard]] core::Result<void> forEach(std::optional<OutboxState> state,
                                           const std::string& registration,
                                           const std::function<void(const OutboxRecord&)>& visit);

 private:
  Outbox(std::filesystem::path path, sqlite3* db) : path_(std::move(path)), db_(db) {}
  [[nodiscard]] core::Result<void> exec(const char* sql);
  [[nodiscard]] core::Result<void> releaseClaimsOfGoneProcesses();
  [[nodiscard]] core::Result<void> updateEach(const char* sql, std::span<const std::int64_t> seqs,
                                              const std::string& text);
  [[nodiscard]] core::Error error(std::string_view what) const;

  std::filesystem::path path_;
  sqlite3* db_ = nullptr;
};

}  // namespace praxis::xapi
