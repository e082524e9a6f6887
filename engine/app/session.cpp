#include "app/session.h"

#include "interaction/world.h"
#include "scenario/runner.h"
#include "scenario/scene_builder.h"

namespace praxis::app {

std::string_view toString(Mode mode) {
  switch (mode) {
    case Mode::Headless: return "headless";
    case Mode::Desktop: return "desktop";
    case Mode::Vr: return "vr";
    case Mode::Ar: return "ar";
  }
  return "?";
}

std::optional<Mode> parseMode(std::string_view text) {
  for (const Mode m : {Mode::Headless, Mode::Desktop, Mode::Vr, Mode::Ar}) {
    if (toString(m) == text) return m;
  }
  return std::nullopt;
}

Session::Session(const scenario::ScenarioDef& def, SessionOptions options)
    : def_(def), options_(std::move(options)), rng_(options_.seed) {}

Session::~Session() = default;

core::Result<std::unique_ptr<Session>> Session::create(const scenario::ScenarioDef& def,
                                                       SessionOptions options) {
  std::unique_ptr<Session> session(new Session(def, std::move(options)));
  session->world_ = std::make_unique<interaction::World>(scenario::buildScene(def));
  auto runner = scenario::Runner::create(def, session->world_->scene());
  if (!runner) return std::unexpected(runner.error());
  session->runner_ = std::move(*runner);
  session->lastInput_ = session->initialInput();
  session->runner_->start(0);
  session->pending_ = session->runner_->takeDeviceCommands();
  return session;
}

interaction::TraineeInput Session::initialInput() const {
  const auto& start = def_.trainee;
  const core::Quat yaw = core::quatFromEulerDegrees({0.0F, start.yawDegrees, 0.0F});
  interaction::TraineeInput input;
  input.head.position = start.position + core::Vec3(0.0F, start.eyeHeight, 0.0F);
  input.head.orientation = yaw;
  // Hands hang relaxed in front of the hips, a shoulder's width apart.
  const core::Vec3 hips = start.position + core::Vec3(0.0F, start.eyeHeight * 0.55F, 0.0F);
  input.hand(interaction::HandSide::Left).pose = {hips + yaw * core::Vec3(-0.25F, 0.0F, -0.25F), yaw};
  input.hand(interaction::HandSide::Right).pose = {hips + yaw * core::Vec3(0.25F, 0.0F, -0.25F), yaw};
  return input;
}

void Session::step(const interaction::TraineeInput& input) {
  if (runner_->ended()) return;
  const std::size_t first = events_.size();
  applyDeviceCommands();  // the devices' responses to the last tick come first in this one
  world_->step(tick_, input, events_);
  runner_->update(tick_, std::span(events_).subspan(first), world_->scene());
  pending_ = runner_->takeDeviceCommands();
  lastInput_ = input;
  ++tick_;
}

std::unique_ptr<Session> Session::clone() const {
  std::unique_ptr<Session> copy(new Session(def_, options_));
  copy->rng_ = rng_;
  copy->lastInput_ = lastInput_;
  copy->tick_ = tick_;
  copy->events_ = events_;
  copy->world_ = std::make_unique<interaction::World>(*world_);
  copy->runner_ = runner_->clone();
  copy->pending_ = pending_;
  return copy;
}

void Session::abort() { runner_->abort(tick_); }

core::Tick Session::tick() const { return tick_; }
bool Session::ended() const { return runner_->ended(); }
const scene::Scene& Session::scene() const { return world_->scene(); }
const interaction::World& Session::world() const { return *world_; }
scenario::Feedback Session::feedback() const { return runner_->feedback(); }
const std::vector<interaction::WorldEvent>& Session::worldEvents() const { return events_; }
const std::vector<scenario::AttemptEvent>& Session::attemptEvents() const {
  return runner_->events();
}

void Session::hashAttemptState(core::Hasher& hasher) const { runner_->hashState(hasher); }

std::uint64_t Session::eventLogHash() const {
  core::Hasher hasher;
  for (const auto& e : events_) interaction::hashEvent(hasher, e);
  return hasher.digest();
}

}  // namespace praxis::app
