#include "app/statement_output.h"

#include <cassert>
#include <cctype>
#include <set>

#include "core/hash.h"
#include "core/paths.h"
#include "core/uuid.h"
#include "xapi/json_input.h"
#include "xapi/lrs_client.h"
#include "xapi/outbox.h"

namespace praxis::app {

core::Result<std::unique_ptr<StatementOutput>> StatementOutput::open(
    const xapi::XapiSettings& settings, core::Log log, std::optional<xapi::cmi5::Session> cmi5) {
  std::unique_ptr<StatementOutput> out(new StatementOutput(settings, std::move(log), std::move(cmi5)));
  xapi::EmitterOptions options;
  options.outbox = out->settings_.outbox;
  options.lrs = out->cmi5_ ? std::optional<xapi::LrsConfig>(out->cmi5_->lrs()) : out->settings_.lrs;
  options.log = out->log_;
  auto emitter = xapi::Emitter::start(std::move(options));
  if (!emitter) return core::fail("xAPI outbox: ", emitter.error().message);
  if (out->cmi5_) {
    // Kept before the first statement, so that even a killed run leaves what `praxis xapi
    // flush` needs to finish delivering this session.
    if (auto kept = xapi::cmi5::keepCredentials(out->settings_.outbox, out->cmi5_->lrs()); !kept) {
      return core::fail("cmi5: ", kept.error().message);
    }
  }
  out->emitter_ = std::move(*emitter);
  return out;
}

StatementOutput::StatementOutput(xapi::XapiSettings settings, core::Log log,
                                 std::optional<xapi::cmi5::Session> cmi5)
    : settings_(std::move(settings)), log_(std::move(log)), cmi5_(std::move(cmi5)) {}

StatementOutput::~StatementOutput() {
  if (!closed_) close(std::chrono::milliseconds(0));
}

xapi::Agent StatementOutput::actorFor(const std::string& traineeId) const {
  return xapi::makeActor(settings_.actor, traineeId);
}

std::optional<std::string> StatementOutput::learnerLanguage(const scenario::ScenarioDef& def) const {
  if (!cmi5_) return std::nullopt;
  return pickLanguage(def.meta.languages, cmi5_->learnerPreferences().languages);
}

std::optional<std::string> pickLanguage(const std::vector<std::string>& available,
                                        const std::vector<std::string>& preferences) {
  const auto lower = [](std::string_view tag) {
    std::string out(tag);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  const auto primary = [&](std::string_view tag) { return lower(tag.substr(0, tag.find('-'))); };
  for (const auto& wanted : preferences) {
    for (const auto& tag : available) {
      if (lower(tag) == lower(wanted)) return tag;
    }
  }
  for (const auto& wanted : preferences) {
    for (const auto& tag : available) {
      if (primary(tag) == primary(wanted)) return tag;
    }
  }
  return std::nullopt;
}

void StatementOutput::beginAttempt(const scenario::ScenarioDef& def, ReportContext context,
                                   const std::string& traineeId) {
  def_ = &def;
  attemptStart_ = xapi::WallClock::now();
  context.startTime = attemptStart_;
  context.activityBase = settings_.activityBase;
  if (cmi5_) {
    // The LMS says who the trainee is and which registration this launch belongs to.
    context.actor = cmi5_->launch().actor;
    context.registration = cmi5_->launch().registration;
    context.cmi5ContextTemplate = cmi5_->launchData().contextTemplate;
    context.wallClockTimestamps = true;
  } else {
    if (!context.actor.account && context.actor.mbox.empty() &&
        context.actor.mboxSha1sum.empty()) {
      context.actor = actorFor(traineeId);
    }
    if (context.registration.empty()) {
      auto uuid = core::newUuidV4();
      if (uuid) {
        context.registration = *uuid;
      } else {
        log_.error("xAPI: no registration for this attempt: " + uuid.error().message);
      }
    }
  }
  registration_ = context.registration;
  registrations_.push_back(registration_);
  reporter_ = std::make_unique<Reporter>(def, std::move(context),
                                         [this](xapi::Statement s) { emit(std::move(s)); });
  if (cmi5_) emit(cmi5_->initialized(attemptStart_));
}

void StatementOutput::report(const scenario::AttemptEvent& event) {
  assert(reporter_ && "beginAttempt() first");
  reporter_->report(event);
  if (cmi5_ && event.kind == scenario::AttemptEventKind::Ended) {
    // Wall-clock time, as for the reporter's statements of an LMS session (see ReportContext).
    for (auto& s : cmi5_->finish(cmi5Result(event), xapi::WallClock::now())) emit(std::move(s));
  }
}

void StatementOutput::emit(xapi::Statement statement) {
  auto id = emitter_->emit(std::move(statement));
  if (!id) {
    // The validator caught a statement the reporter built wrongly: a bug, not bad input.
    ++rejected_;
    log_.error("xAPI: statement rejected before queueing: " + id.error().message);
  }
}

void StatementOutput::waitForDelivery(xapi::Outbox& box, std::chrono::milliseconds limit) {
  // Waiting the whole limit for an LRS that is down would only keep the trainee waiting:
  // stop once the pending count has not moved for a while. The statements are on disk.
  constexpr auto kNoProgressLimit = std::chrono::seconds(3);
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + limit;
  auto lastProgress = Clock::now();
  std::int64_t lastPending = -1;
  while (!emitter_->waitDelivered(std::chrono::milliseconds(250))) {
    const auto now = Clock::now();
    if (now >= deadline) return;
    auto counts = box.counts();
    if (!counts) return;
    if (lastPending < 0 || counts->pending < lastPending) {
      if (cmi5_) {
        const auto total = counts->pending + counts->delivered + counts->dead;
        log_.warning("xAPI: waiting for the LMS: " + std::to_string(counts->delivered) + " of " +
                     std::to_string(total) + " statements accepted");
      }
      lastPending = counts->pending;
      lastProgress = now;
    } else if (now - lastProgress > kNoProgressLimit) {
      return;
    }
  }
}

void StatementOutput::waitForCommit() {
  // A slow disk gets up to 30 s; a disk that keeps failing (full, read-only, a file-size
  // limit) is not going to recover while the trainee waits: give up after 2 s of failures.
  constexpr auto kCommitLimit = std::chrono::seconds(30);
  constexpr auto kFailingLimit = std::chrono::seconds(2);
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + kCommitLimit;
  auto lastGood = Clock::now();
  auto last = emitter_->stats();
  while (!emitter_->waitCommitted(std::chrono::milliseconds(100))) {
    const auto now = Clock::now();
    const auto stats = emitter_->stats();
    if (stats.committed > last.committed || stats.commitErrors == last.commitErrors) lastGood = now;
    last = stats;
    if (now >= deadline || now - lastGood > kFailingLimit) return;
  }
}

void StatementOutput::collect(xapi::Outbox& box, StatementOutputSummary& summary) const {
  const std::set<std::string> unique(registrations_.begin(), registrations_.end());
  for (const auto& registration : unique) {
    (void)box.forEach(std::nullopt, registration, [&](const xapi::OutboxRecord& r) {
      std::string reason;
      switch (r.state) {
        case xapi::OutboxState::Pending:
          ++summary.pending;
          reason = r.lastError.empty() ? "not sent yet" : r.lastError;
          if (!r.lastError.empty()) summary.lastError = r.lastError;
          break;
        case xapi::OutboxState::Delivered: ++summary.delivered; return;
        case xapi::OutboxState::Dead:
          ++summary.dead;
          reason = r.deadReason;
          summary.lastError = r.deadReason;
          break;
      }
      if (!summary.cmi5) return;
      const auto body = xapi::parseJsonInput(r.body);
      std::string verb;
      if (body && body->is_object() && body->contains("verb") && (*body)["verb"].is_object()) {
        verb = (*body)["verb"].value("id", "");
      }
      summary.undelivered.push_back(
          UndeliveredStatement{r.id, verb, r.state == xapi::OutboxState::Pending, reason});
    });
  }
}

StatementOutputSummary StatementOutput::close(std::chrono::milliseconds deliveryWait) {
  StatementOutputSummary summary;
  summary.outbox = settings_.outbox.string();
  summary.lrsConfigured = cmi5_.has_value() || settings_.lrs.has_value();
  summary.cmi5 = cmi5_.has_value();
  summary.rejected = rejected_;
  // No emitter: open() failed and this output never started, so there is nothing to close.
  if (closed_ || !emitter_) return summary;
  closed_ = true;
  waitForCommit();
  auto box = xapi::Outbox::open(settings_.outbox);
  if (summary.lrsConfigured && deliveryWait.count() > 0 && box) {
    waitForDelivery(**box, deliveryWait);
  }
  // Joins the writer and sender: what is still pending stays on disk; what was never
  // committed is lost, and said so.
  const auto stats = emitter_->stop();
  emitter_.reset();
  summary.emitted = stats.emitted;
  summary.notStored = stats.emitted - stats.committed;
  summary.storeError = stats.lastCommitError;
  if (!box) {
    summary.lastError = box.error().message;
    return summary;
  }
  collect(**box, summary);
  // The token is a secret: keep it only while `praxis xapi flush` may still need it.
  if (cmi5_ && summary.pending == 0) xapi::cmi5::forgetCredentials(settings_.outbox);
  return summary;
}

core::Result<OpenedOutput> openStatementOutput(const OutputRequest& request) {
  xapi::SettingsSources sources;
  sources.lrsUrl = request.lrsUrl;
  sources.outbox = request.outbox;
  sources.configFile = request.configFile;
  auto settings = xapi::loadSettings(sources);
  if (!settings) return core::fail(settings.error().message);

  OpenedOutput out;
  std::optional<xapi::cmi5::Session> cmi5;
  if (!request.cmi5LaunchUrl.empty()) {
    auto launch = xapi::cmi5::parseLaunchUrl(request.cmi5LaunchUrl);
    if (!launch) return core::fail("--cmi5: ", launch.error().message);
    // The configured LRS lends its transport settings (CA file, timeouts), not its address.
    const xapi::LrsConfig transport = settings->lrs.value_or(xapi::LrsConfig{});
    auto session = xapi::cmi5::Session::begin(*launch, transport);
    if (!session) return core::fail("cmi5 launch: ", session.error().message);
    if (request.outbox.empty()) settings->outbox = cmi5OutboxPath(settings->outbox, *session);
    out.returnUrl = session->launchData().returnUrl;
    cmi5 = std::move(*session);
  }
  auto output = StatementOutput::open(*settings, core::Log::toStderr(core::LogLevel::Warning),
                                      std::move(cmi5));
  if (!output) return core::fail(output.error().message);
  out.output = std::move(*output);
  return out;
}

std::filesystem::path cmi5OutboxPath(const std::filesystem::path& outbox,
                                     const xapi::cmi5::Session& session) {
  // The registration is a checked UUID (parseLaunchUrl); the session id is whatever the LMS
  // sent, so only its hash goes into the name: no LMS string ever becomes a path.
  assert(core::isUuid(session.launch().registration));
  core::Hasher hasher;
  hasher.text(session.sessionId());
  const auto folder = outbox.parent_path() / "cmi5";
  return folder / (session.launch().registration + "-" + hasher.hex() + ".sqlite");
}

core::Result<std::string> localTraineeId() {
  auto dir = core::userDataDir();
  if (!dir) return core::fail(dir.error().message);
  const auto file = *dir / "trainee-id";
  if (auto text = core::readFile(file); text) {
    std::string id = *text;
    while (!id.empty() && (id.back() == '\n' || id.back() == '\r')) id.pop_back();
    if (core::isUuid(id)) return id;
  }
  auto id = core::newUuidV4();
  if (!id) return core::fail(id.error().message);
  std::error_code ec;
  std::filesystem::create_directories(dir.value(), ec);
  if (auto written = core::writeFileAtomic(file, *id + "\n"); !written) {
    return core::fail("cannot keep the trainee id in ", file.string(), ": ",
                      written.error().message);
  }
  return *id;
}

}  // namespace praxis::app
