#include "xapi/delivery.h"

#include <algorithm>
#include <thread>

#include "xapi/json_input.h"
#include "xapi/statement.h"
#include "xapi/vocabulary.h"

namespace praxis::xapi {
namespace {
DeliveryStep makeStep(DeliveryStep::Kind kind, std::int64_t delivered = 0, std::int64_t dead = 0) {
  DeliveryStep step;
  step.kind = kind;
  step.delivered = delivered;
  step.dead = dead;
  return step;
}

bool isInitialized(const OutboxRecord& record) {
  const Json j = parseJsonInput(record.body).value_or(Json());
  return j.is_object() && j.contains("verb") && j["verb"].is_object() &&
         j["verb"].value("id", "") == verbs::kInitialized;
}

// cmi5 9.3.0.0-4: an LMS counts a session as initialized only once a request holding
// `initialized` has succeeded, and refuses a batch that holds it with later statements. So
// `initialized` travels alone, and what follows goes only after it was accepted (delivery
// keeps order: nothing is sent past a statement still pending).
void cutAroundInitialized(std::vector<OutboxRecord>& batch) {
  if (batch.empty()) return;
  if (isInitialized(batch.front())) {
    batch.resize(1);
    return;
  }
  const auto next = std::find_if(batch.begin() + 1, batch.end(), isInitialized);
  batch.erase(next, batch.end());
}
}  // namespace

std::string lrsReason(long status, const std::string& body) {
  std::string reason = "HTTP " + std::to_string(status);
  // The body comes from the network: a hostile LRS may nest it arbitrarily deep.
  const auto parsed = parseJsonInput(body);
  if (parsed && parsed->is_object()) {
    if (parsed->contains("message") && (*parsed)["message"].is_string()) {
      reason += ": " + (*parsed)["message"].get<std::string>();
    }
    if (parsed->contains("warnings")) reason += " " + (*parsed)["warnings"].dump();
  } else if (!body.empty()) {
    reason += ": " + body;
  }
  constexpr std::size_t kMaxReason = 2000;
  if (reason.size() > kMaxReason) reason.resize(kMaxReason);
  return reason;
}

Deliverer::Deliverer(Outbox& outbox, LrsClient& client, DeliveryPolicy policy, core::Log log)
    : outbox_(outbox),
      client_(client),
      policy_(policy),
      log_(std::move(log)),
      jitter_(std::random_device{}()) {}

std::chrono::milliseconds Deliverer::backoff(int failures, std::chrono::milliseconds retryAfter) {
  const int exponent = std::clamp(failures - 1, 0, 20);
  const auto ceiling = std::min<std::chrono::milliseconds>(
      policy_.maxBackoff, policy_.initialBackoff * (std::int64_t{1} << exponent));
  // Jitter in [ceiling/2, ceiling] spreads many clients apart after an outage.
  std::uniform_int_distribution<std::int64_t> pick(ceiling.count() / 2, ceiling.count());
  return std::max(std::chrono::milliseconds(pick(jitter_)), retryAfter);
}

Deliverer::Outcome Deliverer::post(const std::vector<OutboxRecord>& batch, std::size_t first,
                                   std::size_t count) {
  std::string body = "[";
  for (std::size_t i = first; i < first + count; ++i) {
    if (i > first) body += ',';
    body += batch[i].body;
  }
  body += ']';
  auto response = client_.postStatements(body);
  if (!response) return {Verdict::Retry, response.error().message, false, {}};
  const long status = response->status;
  if (status == 200 || status == 204) return {Verdict::Delivered, "", false, {}};
  if (status == 400) return {Verdict::Dead, lrsReason(status, response->body), false, {}};
  if (status == 409) return {Verdict::Dead, lrsReason(status, response->body), true, {}};
  // 403 from a cmi5 LMS names a rule one statement broke (its answer quotes the requirement
  // id): a batch is split to find that statement, which is refused for good; re-sending the
  // same batch would only be refused again. (Credentials an LRS does not accept at all give
  // 401; `praxis xapi retry-dead` puts refused statements back.)
  if (status == 403) return {Verdict::Dead, lrsReason(status, response->body), false, {}};
  // Too large for this LRS: the batch is re-sent one statement at a time; a single
  // statement that is still too large can never be delivered.
  if (status == 413) return Outcome{Verdict::Dead, lrsReason(status, response->body), false, {}};
  Outcome outcome{Verdict::Retry, lrsReason(status, response->body), false, {}};
  if (response->retryAfter) outcome.retryAfter = *response->retryAfter;
  // 401/404 are configuration problems: retry (slowly) rather than lose statements.
  return outcome;
}

core::Result<DeliveryStep> Deliverer::oneByOne(const std::vector<OutboxRecord>& batch) {
  auto step = makeStep(DeliveryStep::Kind::Progress);
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const auto outcome = post(batch, i, 1);
    const std::int64_t seq = batch[i].seq;
    if (outcome.verdict == Verdict::Delivered) {
      if (auto r = outbox_.markDelivered({&seq, 1}); !r) return std::unexpected(r.error());
      ++step.delivered;
    } else if (outcome.verdict == Verdict::Dead) {
      if (auto r = outbox_.markDead(seq, outcome.reason, outcome.conflict); !r) {
        return std::unexpected(r.error());
      }
      log_.warning("xAPI statement " + batch[i].id + " rejected by the LRS: " + outcome.reason);
      ++step.dead;
    } else {
      // Stop here so that nothing after this statement overtakes it.
      if (auto r = outbox_.noteFailure({&seq, 1}, outcome.reason); !r) {
        return std::unexpected(r.error());
      }
      ++failures_;
      step.kind = DeliveryStep::Kind::RetryLater;
      step.wait = backoff(failures_, outcome.retryAfter);
      step.error = outcome.reason;
      return step;
    }
  }
  failures_ = 0;
  return step;
}

core::Result<DeliveryStep> Deliverer::deliverOnce() {
  auto batch = outbox_.claimPending(policy_.batchSize);
  if (!batch) return std::unexpected(batch.error());
  if (batch->empty()) return DeliveryStep{};
  cutAroundInitialized(*batch);
  const auto outcome = post(*batch, 0, batch->size());
  std::vector<std::int64_t> seqs;
  for (const auto& r : *batch) seqs.push_back(r.seq);
  switch (outcome.verdict) {
    case Verdict::Delivered: {
      if (auto r = outbox_.markDelivered(seqs); !r) return std::unexpected(r.error());
      failures_ = 0;
      return makeStep(DeliveryStep::Kind::Progress, static_cast<std::int64_t>(seqs.size()));
    }
    case Verdict::Dead:
      if (batch->size() > 1) return oneByOne(*batch);
      if (auto r = outbox_.markDead(seqs[0], outcome.reason, outcome.conflict); !r) {
        return std::unexpected(r.error());
      }
      log_.warning("xAPI statement " + (*batch)[0].id + " rejected by the LRS: " + outcome.reason);
      return makeStep(DeliveryStep::Kind::Progress, 0, 1);
    case Verdict::Retry:
      break;
  }
  if (auto r = outbox_.noteFailure(seqs, outcome.reason); !r) return std::unexpected(r.error());
  ++failures_;
  auto step = makeStep(DeliveryStep::Kind::RetryLater);
  step.wait = backoff(failures_, outcome.retryAfter);
  step.error = outcome.reason;
  log_.info("xAPI delivery will retry in " + std::to_string(step.wait.count()) +
            " ms: " + outcome.reason);
  return step;
}

core::Result<DeliveryStep> Deliverer::flush(std::chrono::steady_clock::time_point deadline) {
  auto total = makeStep(DeliveryStep::Kind::Progress);
  while (true) {
    auto step = deliverOnce();
    if (!step) return step;
    total.delivered += step->delivered;
    total.dead += step->dead;
    if (step->kind == DeliveryStep::Kind::Idle) {
      total.kind = DeliveryStep::Kind::Idle;
      return total;
    }
    if (step->kind == DeliveryStep::Kind::RetryLater) {
      total.error = step->error;
      const auto now = std::chrono::steady_clock::now();
      if (now + step->wait >= deadline) {
        total.kind = DeliveryStep::Kind::RetryLater;
        total.wait = step->wait;
        return total;
      }
      std::this_thread::sleep_for(step->wait);
    }
  }
}

}  // namespace praxis::xapi
