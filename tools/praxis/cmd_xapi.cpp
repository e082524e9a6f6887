// `praxis xapi status|flush|export|retry-dead`: look into and drive the durable xAPI outbox.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "args.h"
#include "commands.h"
#include "xapi/cmi5.h"
#include "xapi/delivery.h"
#include "xapi/outbox.h"
#include "xapi/settings.h"

namespace praxis::cli {
namespace {

constexpr const char* kUsage =
    "usage: praxis xapi <status|flush|export|retry-dead> [options]\n\n"
    "Looks into and drives the durable xAPI outbox (statements waiting for the LRS).\n\n"
    "  status        counts of pending, delivered and dead statements, where each setting\n"
    "                came from, and SQLite's integrity check of the file; exit 1 if damaged\n"
    "  flush         deliver every pending statement now; exit 1 if some remain or died. The\n"
    "                outbox of a cmi5 launch goes to its LMS with the session's token (kept\n"
    "                beside it, readable by you only, until everything is delivered)\n"
    "  export        write statements as JSON lines (--jsonl FILE, default stdout)\n"
    "  retry-dead    put dead letters (rejected by the LRS) back to pending\n\n"
    "options:\n"
    "  --outbox FILE        the outbox (default: <user data>/outbox.sqlite)\n"
    "  --lrs URL            the LRS endpoint, e.g. https://lrs.example.org/xAPI/\n"
    "  --config FILE        JSON settings (default: $PRAXIS_XAPI_CONFIG or <user data>/xapi.json)\n"
    "  --json               status: machine-readable output\n"
    "  --jsonl FILE         export: write here instead of stdout\n"
    "  --state STATE        export: pending, delivered, dead or all (default all)\n"
    "  --registration UUID  export: only this attempt\n"
    "  --timeout SECONDS    flush: give up after this long (default 60)\n\n"
    "Credentials come from PRAXIS_LRS_USERNAME / PRAXIS_LRS_PASSWORD or the config file and\n"
    "are never printed. With no LRS configured statements stay in the outbox.\n";

int usage(const std::string& message) {
  std::fprintf(stderr, "praxis xapi: %s\n\n%s", message.c_str(), kUsage);
  return kExitUsage;
}

// Where each setting came from ("--lrs", an environment variable, the config file), so a
// setting that was dropped or overridden shows. Secrets' values are never printed.
xapi::Json settingSources(const xapi::XapiSettings& settings) {
  xapi::Json out = xapi::Json::object();
  for (const auto& [name, source] : settings.sources) out[name] = source;
  return out;
}

int status(const xapi::XapiSettings& settings, xapi::Outbox& box, bool json) {
  auto problems = box.integrityProblems();
  if (!problems) problems = std::vector<std::string>{problems.error().message};
  auto counts = box.counts();
  if (!counts && problems->empty()) return usage(counts.error().message);
  if (!counts) counts = xapi::OutboxCounts{};
  std::string lastError;
  if (auto oldest = box.pending(1); oldest && !oldest->empty()) lastError = (*oldest)[0].lastError;
  const std::string lrs = settings.lrs ? xapi::redactUrl(settings.lrs->endpoint) : "";
  if (json) {
    xapi::Json out = {{"outbox", settings.outbox.string()},
                      {"lrs", settings.lrs ? xapi::Json(lrs) : xapi::Json(nullptr)},
                      {"pending", counts->pending},
                      {"delivered", counts->delivered},
                      {"dead", counts->dead},
                      {"lastError", lastError},
                      {"integrity", problems->empty() ? xapi::Json("ok") : xapi::Json(*problems)},
                      {"sources", settingSources(settings)}};
    std::printf("%s\n", out.dump(2).c_str());
    return problems->empty() ? kExitOk : kExitFailed;
  }
  std::printf("outbox     %s\n", settings.outbox.c_str());
  std::printf("lrs        %s\n",
              settings.lrs ? lrs.c_str() : "none (statements stay in the outbox)");
  std::printf("pending    %lld\n", static_cast<long long>(counts->pending));
  std::printf("delivered  %lld\n", static_cast<long long>(counts->delivered));
  std::printf("dead       %lld%s\n", static_cast<long long>(counts->dead),
              counts->dead > 0 ? "  (see `praxis xapi export --state dead`)" : "");
  if (!lastError.empty()) std::printf("last error %s\n", lastError.c_str());
  for (const auto& [name, source] : settings.sources) {
    std::printf("%-10s from %s\n", name.c_str(), source.c_str());
  }
  if (!problems->empty()) {
    std::printf("integrity  DAMAGED: the outbox file is corrupt; statements in it may be lost\n");
    for (const auto& p : *problems) std::printf("           %s\n", p.c_str());
    return kExitFailed;
  }
  std::printf("integrity  ok\n");
  return kExitOk;
}

int flush(const xapi::XapiSettings& settings, xapi::Outbox& box, const Args& args) {
  if (!settings.lrs) {
    return usage("no LRS configured: give --lrs URL, PRAXIS_LRS_ENDPOINT or a config file");
  }
  auto timeout = numberOption(args, "--timeout", 0.001, 86400.0 * 365);
  if (!timeout) return usage(timeout.error().message);
  const double seconds = timeout->value_or(60.0);
  xapi::LrsClient client(*settings.lrs);
  xapi::Deliverer deliverer(box, client, xapi::DeliveryPolicy{},
                            core::Log::toStderr(core::LogLevel::Warning));
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
  auto total = deliverer.flush(deadline);
  if (!total) return usage(total.error().message);
  auto counts = box.counts();
  std::printf("delivered %lld, dead %lld, pending %lld\n", static_cast<long long>(total->delivered),
              static_cast<long long>(total->dead),
              static_cast<long long>(counts ? counts->pending : -1));
  if (!total->error.empty() && counts && counts->pending > 0) {
    std::fprintf(stderr, "praxis xapi flush: still pending: %s\n", total->error.c_str());
  }
  return (counts && counts->pending == 0 && total->dead == 0) ? kExitOk : kExitFailed;
}

int exportJsonl(xapi::Outbox& box, const Args& args) {
  std::optional<xapi::OutboxState> state;
  const std::string which = args.option("--state").value_or("all");
  if (which == "pending")
    state = xapi::OutboxState::Pending;
  else if (which == "delivered")
    state = xapi::OutboxState::Delivered;
  else if (which == "dead")
    state = xapi::OutboxState::Dead;
  else if (which != "all")
    return usage("--state must be pending, delivered, dead or all");
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (auto path = args.option("--jsonl")) {
    file.open(*path, std::ios::binary | std::ios::trunc);
    if (!file) return usage("cannot write " + *path);
    out = &file;
  }
  std::int64_t n = 0;
  auto r = box.forEach(state, args.option("--registration").value_or(""),
                       [&](const xapi::OutboxRecord& rec) {
                         *out << rec.body << '\n';
                         ++n;
                       });
  if (!r) return usage(r.error().message);
  out->flush();
  if (!*out) return usage("write failed");
  std::fprintf(stderr, "exported %lld statements\n", static_cast<long long>(n));
  return kExitOk;
}

}  // namespace

int runXapi(const CommandArgs& argv) {
  const ArgSpec spec{
      {"--json"},
      {"--outbox", "--lrs", "--config", "--jsonl", "--state", "--registration", "--timeout"},
      0,
      1};
  const auto parsed = parseCommand(argv, spec, "xapi", kUsage);
  if (!parsed.args) return parsed.exitCode;
  const Args* args = &*parsed.args;
  if (args->positionals.empty()) return usage("missing subcommand");
  const std::string sub = args->positionals[0];
  if (sub != "status" && sub != "flush" && sub != "export" && sub != "retry-dead") {
    return usage("unknown subcommand '" + sub + "'");
  }
  xapi::SettingsSources sources;
  sources.lrsUrl = args->option("--lrs").value_or("");
  sources.outbox = args->option("--outbox").value_or("");
  sources.configFile = args->option("--config").value_or("");
  auto settings = xapi::loadSettings(sources);
  if (!settings) return usage(settings.error().message);
  // flush only marks delivery state; losing a mark in a power cut just means a resend.
  auto box = xapi::Outbox::open(
      settings->outbox, sub == "flush" ? xapi::Durability::Relaxed : xapi::Durability::Full);
  if (!box) return usage(box.error().message);
  // A cmi5 session's outbox belongs to its LMS: its statements go there, with the session's
  // token (never printed), unless --lrs says otherwise.
  auto lms = xapi::cmi5::keptCredentials(settings->outbox, settings->lrs.value_or(xapi::LrsConfig{}));
  if (!lms) return usage(lms.error().message);
  if (*lms && !args->option("--lrs")) settings->lrs = **lms;
  if (sub == "status") return status(*settings, **box, args->has("--json"));
  if (sub == "flush") {
    const int rc = flush(*settings, **box, *args);
    if (*lms && rc == kExitOk) xapi::cmi5::forgetCredentials(settings->outbox);
    return rc;
  }
  if (sub == "export") return exportJsonl(**box, *args);
  auto moved = (*box)->retryDead();
  if (!moved) return usage(moved.error().message);
  std::printf("%lld dead statements back to pending%s\n", static_cast<long long>(*moved),
              settings->lrs ? "; run `praxis xapi flush` to send them" : "");
  return kExitOk;
}

}  // namespace praxis::cli
