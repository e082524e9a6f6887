#include "app/attempt.h"

#include "app/statement_output.h"

namespace praxis::app {

Attempt::Attempt(const scenario::ScenarioDef& def, AttemptOptions options)
    : def_(def), options_(std::move(options)), clock_(options_.realTime) {}

Attempt::~Attempt() = default;

core::Result<std::unique_ptr<Attempt>> Attempt::create(const scenario::ScenarioDef& def,
                                                       AttemptOptions options) {
  std::unique_ptr<Attempt> attempt(new Attempt(def, std::move(options)));
  if (auto begun = attempt->begin(); !begun) return std::unexpected(begun.error());
  return attempt;
}

core::Result<void> Attempt::begin() {
  auto session = Session::create(def_, options_.session);
  if (!session) return std::unexpected(session.error());
  session_ = std::move(*session);
  cursor_ = EventCursor{};
  if (options_.output != nullptr) {
    ReportContext context;
    context.mode = options_.session.mode;
    context.language = options_.session.language;
    options_.output->beginAttempt(def_, context, options_.traineeId);
  }
  forward();  // the start events (started, the first step) happened in create()
  return {};
}

void Attempt::forward() {
  const EventBatch batch = cursor_.next(*session_);
  if (batch.empty()) return;
  if (options_.output != nullptr) {
    for (const auto& e : batch.attempt) options_.output->report(e);
  }
  if (options_.onEvents) options_.onEvents(*session_, batch);
}

void Attempt::step(const interaction::TraineeInput& input) {
  session_->step(input);
  forward();
}

int Attempt::advance(double realSeconds,
                     const std::function<interaction::TraineeInput()>& nextInput) {
  const int ticks = clock_.advance(realSeconds);
  int ran = 0;
  for (; ran < ticks && !session_->ended(); ++ran) step(nextInput());
  return ran;
}

void Attempt::abort() {
  if (session_->ended()) return;
  session_->abort();
  forward();
}

core::Result<void> Attempt::restart() {
  abort();
  return begin();
}

}  // namespace praxis::app
