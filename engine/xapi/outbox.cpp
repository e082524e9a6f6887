#include "xapi/outbox.h"

#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <system_error>

namespace praxis::xapi {
namespace {

// Owns a prepared statement for the length of one call.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  [[nodiscard]] bool ok() const { return rc_ == SQLITE_OK; }
  [[nodiscard]] sqlite3_stmt* get() const { return stmt_; }
  void text(int index, const std::string& value) {
    sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  }
  void integer(int index, std::int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
  int step() { return sqlite3_step(stmt_); }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string column(int index) {
    const auto* p = sqlite3_column_text(stmt_, index);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index)))
             : std::string();
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_ERROR;
};

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS statements (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  id           TEXT NOT NULL UNIQUE,
  registration TEXT NOT NULL DEFAULT '',
  body         TEXT NOT NULL,
  state        INTEGER NOT NULL DEFAULT 0,
  attempts     INTEGER NOT NULL DEFAULT 0,
  last_error   TEXT NOT NULL DEFAULT '',
  dead_reason  TEXT NOT NULL DEFAULT '',
  conflict     INTEGER NOT NULL DEFAULT 0,
  claim_pid    INTEGER NOT NULL DEFAULT 0,
  claim_until  INTEGER NOT NULL DEFAULT 0,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  delivered_at TEXT
);
CREATE INDEX IF NOT EXISTS statements_state ON statements(state, seq);
CREATE INDEX IF NOT EXISTS statements_registration ON statements(registration, seq);
)sql";

// Outboxes written before claims existed get the two columns (SQLite adds them in place).
constexpr const char* kAddClaims =
    "ALTER TABLE statements ADD COLUMN claim_pid INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE statements ADD COLUMN claim_until INTEGER NOT NULL DEFAULT 0;";

std::int64_t nowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool processGone(std::int64_t pid) {
  return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

OutboxRecord readRecord(Stmt& s) {
  OutboxRecord r;
  r.seq = sqlite3_column_int64(s.get(), 0);
  r.id = s.column(1);
  r.registration = s.column(2);
  r.body = s.column(3);
  r.state = static_cast<OutboxState>(sqlite3_column_int(s.get(), 4));
  r.attempts = sqlite3_column_int(s.get(), 5);
  r.lastError = s.column(6);
  r.deadReason = s.column(7);
  r.conflict = sqlite3_column_int(s.get(), 8) != 0;
  return r;
}

}  // namespace

std::string_view toString(OutboxState state) {
  switch (state) {
    case OutboxState::Pending:
      return "pending";
    case OutboxState::Delivered:
      return "delivered";
    case OutboxState::Dead:
      return "dead";
  }
  return "?";
}

core::Result<std::unique_ptr<Outbox>> Outbox::open(const std::filesystem::path& path,
                                                   Durability durability) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) return core::fail("cannot create folder for outbox ", path.string(), ": ", ec.message());
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<Outbox> box(new Outbox(path, db));
  if (rc != SQLITE_OK) return std::unexpected(box->error("cannot open outbox"));
  // SQLite quietly opens a file it may not write read-only; every commit would then fail
  // after the attempt. Say so now, before anything is recorded into it.
  if (sqlite3_db_readonly(db, "main") == 1) {
    return core::fail("cannot open outbox (", path.string(), "): the file is read-only");
  }
  sqlite3_busy_timeout(db, 10000);
  // WAL: the sender reads while the writer commits. synchronous=FULL: a committed
  // statement survives a power cut too, not only a killed process. NORMAL (Relaxed) still
  // survives a killed process; only a power cut may undo its last commits.
  const char* sync =
      durability == Durability::Full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";
  for (const char* sql : {"PRAGMA journal_mode=WAL;", sync, kSchema}) {
    if (auto r = box->exec(sql); !r) return std::unexpected(r.error());
  }
  if (!Stmt(db, "SELECT claim_until FROM statements LIMIT 0;").ok()) {
    if (auto r = box->exec(kAddClaims); !r) return std::unexpected(r.error());
  }
  return box;
}

Outbox::~Outbox() { sqlite3_close_v2(db_); }

core::Error Outbox::error(std::string_view what) const {
  return core::Error{std::string(what) + " (" + path_.string() +
                     "): " + (db_ ? sqlite3_errmsg(db_) : "out of memory")};
}

core::Result<void> Outbox::exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    return core::fail("outbox ", path_.string(), ": ", text);
  }
  return {};
}

core::Result<void> Outbox::enqueue(std::span<const OutboxItem> items) {
  if (items.empty()) return {};
  if (auto r = exec("BEGIN IMMEDIATE;"); !r) return r;
  Stmt insert(db_, "INSERT OR IGNORE INTO statements(id, registration, body) VALUES (?1, ?2, ?3);");
  bool ok = insert.ok();
  for (const auto& item : items) {
    if (!ok) break;
    insert.text(1, item.id);
    insert.text(2, item.registration);
    insert.text(3, item.body);
    ok = insert.step() == SQLITE_DONE;
    insert.reset();
  }
  if (!ok) {
    auto failure = error("cannot store statements");
    (void)exec("ROLLBACK;");
    return std::unexpected(failure);
  }
  return exec("COMMIT;");
}

core::Result<std::vector<OutboxRecord>> Outbox::pending(std::size_t limit) {
  Stmt s(db_,
         "SELECT seq, id, registration, body, state, attempts, last_error, dead_reason, conflict "
         "FROM statements WHERE state = 0 ORDER BY seq LIMIT ?1;");
  if (!s.ok()) return std::unexpected(error("cannot read outbox"));
  s.integer(1, static_cast<std::int64_t>(limit));
  std::vector<OutboxRecord> out;
  int rc = 0;
  while ((rc = s.step()) == SQLITE_ROW) out.push_back(readRecord(s));
  if (rc != SQLITE_DONE) return std::unexpected(error("cannot read outbox"));
  return out;
}

core::Result<void> Outbox::releaseClaimsOfGoneProcesses() {
  Stmt owners(db_, "SELECT DISTINCT claim_pid FROM statements WHERE state = 0 AND claim_pid != 0;");
  if (!owners.ok()) return std::unexpected(error("cannot read outbox"));
  std::vector<std::int64_t> gone;
  while (owners.step() == SQLITE_ROW) {
    const auto pid = sqlite3_column_int64(owners.get(), 0);
    if (processGone(pid)) gone.push_back(pid);
  }
  Stmt release(db_, "UPDATE statements SET claim_pid = 0, claim_until = 0 WHERE claim_pid = ?1;");
  for (const auto pid : gone) {
    release.integer(1, pid);
    if (release.step() != SQLITE_DONE) return std::unexpected(error("cannot update outbox"));
    release.reset();
  }
  return {};
}

core::Result<std::vector<OutboxRecord>> Outbox::claimPending(std::size_t limit,
                                                              std::chrono::milliseconds lease) {
  if (auto r = exec("BEGIN IMMEDIATE;"); !r) return std::unexpected(r.error());
  auto claimed = [&]() -> core::Result<std::vector<OutboxRecord>> {
    if (auto r = releaseClaimsOfGoneProcesses(); !r) return std::unexpected(r.error());
    const std::int64_t me = ::getpid();
    const std::int64_t now = nowMs();
    Stmt s(db_,
           "SELECT seq, id, registration, body, state, attempts, last_error, dead_reason, conflict "
           "FROM statements WHERE state = 0 AND (claim_pid = 0 OR claim_pid = ?2 OR claim_until < ?3) "
           "ORDER BY seq LIMIT ?1;");
    if (!s.ok()) return std::unexpected(error("cannot read outbox"));
    s.integer(1, static_cast<std::int64_t>(limit));
    s.integer(2, me);
    s.integer(3, now);
    std::vector<OutboxRecord> out;
    int rc = 0;
    while ((rc = s.step()) == SQLITE_ROW) out.push_back(readRecord(s));
    if (rc != SQLITE_DONE) return std::unexpected(error("cannot read outbox"));
    Stmt claim(db_, "UPDATE statements SET claim_pid = ?2, claim_until = ?3 WHERE seq = ?1;");
    for (const auto& r : out) {
      claim.integer(1, r.seq);
      claim.integer(2, me);
      claim.integer(3, now + lease.count());
      if (claim.step() != SQLITE_DONE) return std::unexpected(error("cannot claim statements"));
      claim.reset();
    }
    return out;
  }();
  if (!claimed) {
    (void)exec("ROLLBACK;");
    return claimed;
  }
  if (auto r = exec("COMMIT;"); !r) return std::unexpected(r.error());
  return claimed;
}

core::Result<void> Outbox::updateEach(const char* sql, std::span<const std::int64_t> seqs,
                                      const std::string& text) {
  if (seqs.empty()) return {};
  if (auto r = exec("BEGIN IMMEDIATE;"); !r) return r;
  Stmt s(db_, sql);
  bool ok = s.ok();
  for (const auto seq : seqs) {
    if (!ok) break;
    s.integer(1, seq);
    s.text(2, text);
    ok = s.step() == SQLITE_DONE;
    s.reset();
  }
  if (!ok) {
    auto failure = error("cannot update outbox");
    (void)exec("ROLLBACK;");
    return std::unexpected(failure);
  }
  return exec("COMMIT;");
}

core::Result<void> Outbox::markDelivered(std::span<const std::int64_t> seqs) {
  return updateEach(
      "UPDATE statements SET state = 1, attempts = attempts + 1, last_error = ?2, "
      "claim_pid = 0, claim_until = 0, delivered_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE seq = ?1;",
      seqs, "");
}

core::Result<void> Outbox::noteFailure(std::span<const std::int64_t> seqs,
                                       const std::string& error) {
  return updateEach(
      "UPDATE statements SET attempts = attempts + 1, last_error = ?2, claim_pid = 0, "
      "claim_until = 0 WHERE seq = ?1;",
      seqs,
      error);
}

core::Result<void> Outbox::markDead(std::int64_t seq, const std::string& reason, bool conflict) {
  Stmt s(db_,
         "UPDATE statements SET state = 2, attempts = attempts + 1, dead_reason = ?2, "
         "conflict = ?3, claim_pid = 0, claim_until = 0 WHERE seq = ?1;");
  if (!s.ok()) return std::unexpected(error("cannot update outbox"));
  s.integer(1, seq);
  s.text(2, reason);
  s.integer(3, conflict ? 1 : 0);
  if (s.step() != SQLITE_DONE) return std::unexpected(error("cannot update outbox"));
  return {};
}

core::Result<std::int64_t> Outbox::retryDead() {
  if (auto r = exec("UPDATE statements SET state = 0, dead_reason = '', conflict = 0 "
                    "WHERE state = 2;");
      !r) {
    return std::unexpected(r.error());
  }
  return sqlite3_changes64(db_);
}

core::Result<OutboxCounts> Outbox::counts() {
  Stmt s(db_, "SELECT state, COUNT(*) FROM statements GROUP BY state;");
  if (!s.ok()) return std::unexpected(error("cannot read outbox"));
  OutboxCounts c;
  int rc = 0;
  while ((rc = s.step()) == SQLITE_ROW) {
    const auto n = sqlite3_column_int64(s.get(), 1);
    switch (static_cast<OutboxState>(sqlite3_column_int(s.get(), 0))) {
      case OutboxState::Pending:
        c.pending = n;
        break;
      case OutboxState::Delivered:
        c.delivered = n;
        break;
      case OutboxState::Dead:
        c.dead = n;
        break;
    }
  }
  if (rc != SQLITE_DONE) return std::unexpected(error("cannot read outbox"));
  return c;
}

core::Result<std::vector<std::string>> Outbox::integrityProblems() {
  Stmt s(db_, "PRAGMA integrity_check(20);");
  if (!s.ok()) return std::unexpected(error("cannot check outbox"));
  std::vector<std::string> problems;
  int rc = 0;
  while ((rc = s.step()) == SQLITE_ROW) {
    if (auto line = s.column(0); line != "ok") problems.push_back(std::move(line));
  }
  // A file damaged badly enough fails the check itself: that is a problem to report too.
  if (rc != SQLITE_DONE) problems.push_back(error("integrity check failed").message);
  return problems;
}

core::Result<void> Outbox::forEach(std::optional<OutboxState> state,
                                   const std::string& registration,
                                   const std::function<void(const OutboxRecord&)>& visit) {
  Stmt s(db_,
         "SELECT seq, id, registration, body, state, attempts, last_error, dead_reason, conflict "
         "FROM statements WHERE (?1 < 0 OR state = ?1) AND (?2 = '' OR registration = ?2) "
         "ORDER BY seq;");
  if (!s.ok()) return std::unexpected(error("cannot read outbox"));
  s.integer(1, state ? static_cast<std::int64_t>(*state) : -1);
  s.text(2, registration);
  int rc = 0;
  while ((rc = s.step()) == SQLITE_ROW) visit(readRecord(s));
  if (rc != SQLITE_DONE) return std::unexpected(error("cannot read outbox"));
  return {};
}

}  // namespace praxis::xapi
