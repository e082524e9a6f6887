// Where attempts' statements go: the Reporter's statements are handed to an xapi::Emitter
// (durable outbox, then the LRS when one is configured). With a cmi5 launch, the cmi5
// session's defined statements frame the attempt. Every mode (headless, desktop, VR) and
// `praxis test` use this one path, so what reaches the LMS does not depend on the mode.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/reporter.h"
#include "core/log.h"
#include "core/result.h"
#include "scenario/attempt.h"
#include "scenario/definition.h"
#include "xapi/cmi5.h"
#include "xapi/emitter.h"
#include "xapi/settings.h"

namespace praxis::xapi {
class Outbox;
}

namespace praxis::app {

/// A statement of a cmi5 session that the LMS does not have (yet).
struct UndeliveredStatement {
  std::string id;
  std::string verb;    // the verb's id
  bool pending = true;  // false: refused for good (a dead letter)
  std::string reason;  // the LMS's answer or the network error
};

/// Counts after close(): what was emitted and where it is now.
struct StatementOutputSummary {
  std::int64_t emitted = 0;   // accepted by the emitter (valid, queued)
  std::int64_t rejected = 0;  // failed validation: a bug, logged with the reason
  std::int64_t pending = 0;   // in the outbox, not yet delivered (no LRS, or it is down)
  std::int64_t delivered = 0;  // of this run's statements
  std::int64_t dead = 0;      // refused by the LRS (see `praxis xapi export --state dead`)
  std::int64_t notStored = 0;  // emitted but never written to the outbox: lost
  bool lrsConfigured = false;
  std::string outbox;
  std::string lastError;   // the outbox's last delivery error, if any
  std::string storeError;  // why statements could not be stored (disk full, read-only, ...)
  /// cmi5 only: the session's statements the LMS has not accepted, oldest first. The LMS's
  /// endpoint and token stay beside the outbox (cmi5::credentialsPath) while any is pending.
  bool cmi5 = false;
  std::vector<UndeliveredStatement> undelivered;
  /// Whether every statement of this run reached the LRS / LMS.
  [[nodiscard]] bool allDelivered() const {
    return rejected == 0 && notStored == 0 && pending == 0 && dead == 0;
  }
  /// Statements of this run that are not recorded anywhere: never stored, or rejected by
  /// validation. A run with any must not report success.
  [[nodiscard]] std::int64_t lost() const { return notStored + rejected; }
};

class StatementOutput {
 public:
  /// Opens the outbox named by `settings` (creating its folder) and starts delivery when an
  /// LRS is configured. With `cmi5`, statements go to the session's LRS with its token.
  [[nodiscard]] static core::Result<std::unique_ptr<StatementOutput>> open(
      const xapi::XapiSettings& settings, core::Log log,
      std::optional<xapi::cmi5::Session> cmi5 = std::nullopt);
  ~StatementOutput();
  StatementOutput(const StatementOutput&) = delete;
  StatementOutput& operator=(const StatementOutput&) = delete;

  /// Starts reporting one attempt; call report() with its events in order. `context`
  /// needs the mode and language; actor and registration are filled when empty (the
  /// cmi5 launch's, else a pseudonymous actor for `traineeId` and a fresh registration).
  void beginAttempt(const scenario::ScenarioDef& def, ReportContext context,
                    const std::string& traineeId);
  void report(const scenario::AttemptEvent& event);
  /// The current attempt's registration (empty before the first beginAttempt).
  [[nodiscard]] const std::string& registration() const { return registration_; }

  /// Commits everything to disk, waits up to `deliveryWait` for the LRS, and stops the
  /// emitter. Whatever is not delivered stays in the outbox for `praxis xapi flush`. A cmi5
  /// session logs its progress while it waits (the LMS is where the attempt must land).
  StatementOutputSummary close(std::chrono::milliseconds deliveryWait);

  /// cmi5 (11.1): the first language of the learner's languagePreference that `def` has, if
  /// any; nullopt without a cmi5 launch or a match.
  [[nodiscard]] std::optional<std::string> learnerLanguage(const scenario::ScenarioDef& def) const;

  /// The settings' actor for an opaque trainee id (pseudonymous unless configured).
  [[nodiscard]] xapi::Agent actorFor(const std::string& traineeId) const;

 private:
  StatementOutput(xapi::XapiSettings settings, core::Log log,
                  std::optional<xapi::cmi5::Session> cmi5);
  void emit(xapi::Statement statement);
  void waitForDelivery(xapi::Outbox& box, std::chrono::milliseconds limit);
  void waitForCommit();
  void collect(xapi::Outbox& box, StatementOutputSummary& summary) const;

  xapi::XapiSettings settings_;
  core::Log log_;
  std::optional<xapi::cmi5::Session> cmi5_;
  std::unique_ptr<xapi::Emitter> emitter_;
  std::unique_ptr<Reporter> reporter_;
  const scenario::ScenarioDef* def_ = nullptr;  // for the reporter's lifetime
  std::string registration_;
  xapi::WallClock::time_point attemptStart_;
  std::vector<std::string> registrations_;  // this run's attempts, for the summary
  std::int64_t rejected_ = 0;
  bool closed_ = false;
};

/// The first of `preferences` (BCP 47 tags, most preferred first) that `available` has,
/// compared without case; failing that, the first whose primary language ("nl" of "nl-BE")
/// one of `available` shares, answered with that available tag.
[[nodiscard]] std::optional<std::string> pickLanguage(const std::vector<std::string>& available,
                                                      const std::vector<std::string>& preferences);

/// Where a front end's statements go, as the user asked (the CLI's --lrs, --outbox,
/// --config, --cmi5; empty: the defaults of docs/xapi.md).
struct OutputRequest {
  std::string lrsUrl;
  std::string outbox;
  std::string configFile;
  std::string cmi5LaunchUrl;  // launched by an LMS
};

struct OpenedOutput {
  std::unique_ptr<StatementOutput> output;
  std::string returnUrl;  // cmi5: where the LMS wants the trainee to go afterwards
};

/// Resolves the settings and opens the outbox (and the cmi5 session for a launch URL). An
/// error names the cause: a malformed config, an unusable launch URL, an LMS that did not
/// hand out a token, an outbox that cannot be opened.
[[nodiscard]] core::Result<OpenedOutput> openStatementOutput(const OutputRequest& request);

/// The outbox for one cmi5 launch: beside the configured outbox, named by registration and
/// session, because the launch's auth token is good for that session only.
[[nodiscard]] std::filesystem::path cmi5OutboxPath(const std::filesystem::path& outbox,
                                                   const xapi::cmi5::Session& session);

/// A stable opaque id for this installation's trainee (a UUID kept in the user data
/// folder), so attempts on one machine share an actor without naming anybody.
[[nodiscard]] core::Result<std::string> localTraineeId();

}  // namespace praxis::app
