#include "xapi_output.h"

#include <cstdio>

#include "xapi/lrs_client.h"

namespace praxis::cli {

core::Result<XapiOutput> openXapiOutput(const Args& args) {
  xapi::SettingsSources sources;
  sources.lrsUrl = args.option("--lrs").value_or("");
  sources.outbox = args.option("--outbox").value_or("");
  sources.configFile = args.option("--config").value_or("");
  auto settings = xapi::loadSettings(sources);
  if (!settings) return core::fail(settings.error().message);

  XapiOutput out;
  std::optional<xapi::cmi5::Session> cmi5;
  if (auto url = args.option("--cmi5")) {
    auto launch = xapi::cmi5::parseLaunchUrl(*url);
    if (!launch) return core::fail("--cmi5: ", launch.error().message);
    // The configured LRS lends its transport settings (CA file, timeouts), not its address.
    const xapi::LrsConfig transport = settings->lrs.value_or(xapi::LrsConfig{});
    auto session = xapi::cmi5::Session::begin(*launch, transport);
    if (!session) return core::fail("cmi5 launch: ", session.error().message);
    if (!args.option("--outbox")) settings->outbox = app::cmi5OutboxPath(settings->outbox, *session);
    out.returnUrl = session->launchData().returnUrl;
    cmi5 = std::move(*session);
  }
  auto output = app::StatementOutput::open(*settings, core::Log::toStderr(core::LogLevel::Warning),
                                           std::move(cmi5));
  if (!output) return core::fail(output.error().message);
  out.output = std::move(*output);
  return out;
}

core::Result<std::string> traineeId(const Args& args) {
  if (auto trainee = args.option("--trainee")) {
    if (trainee->empty()) return core::fail("--trainee: give a non-empty id");
    return *trainee;
  }
  return app::localTraineeId();
}

std::string shellQuoted(const std::string& word) {
  const bool plain = !word.empty() && word.find_first_not_of(
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/._-+:=@%,") == std::string::npos;
  if (plain) return word;
  std::string out = "'";
  for (const char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

int exitCodeWithXapi(int attemptCode, const app::StatementOutputSummary* summary) {
  return summary != nullptr && summary->lost() > 0 ? kExitUsage : attemptCode;
}

void printXapiLoss(const app::StatementOutputSummary& s) {
  const auto n = [](std::int64_t v) { return static_cast<long long>(v); };
  if (s.notStored > 0) {
    std::fprintf(stderr,
                 "xAPI: %lld of %lld statements could NOT be stored in %s (%s): they are lost and "
                 "the record of the attempt is incomplete\n",
                 n(s.notStored), n(s.emitted), s.outbox.c_str(),
                 s.storeError.empty() ? "see the errors above" : s.storeError.c_str());
  }
  if (s.rejected > 0) {
    std::fprintf(stderr, "xAPI: %lld statements failed validation and were not sent (a bug: "
                 "please report it)\n", n(s.rejected));
  }
}

void printXapiSummary(const app::StatementOutputSummary& s, const std::string& registration,
                      bool quiet) {
  FILE* stream = quiet ? stderr : stdout;
  const auto n = [](std::int64_t v) { return static_cast<long long>(v); };
  const std::int64_t stored = s.emitted - s.notStored;
  printXapiLoss(s);
  if (s.lrsConfigured) {
    std::fprintf(stream, "xAPI: %lld statements, %lld delivered to the LRS", n(stored),
                 n(s.delivered));
    if (s.pending > 0) {
      std::fprintf(stream, ", %lld waiting in %s (sent on the next run or by `praxis xapi flush`)",
                   n(s.pending), s.outbox.c_str());
    }
    if (s.dead > 0) {
      std::fprintf(stream, ", %lld refused by the LRS (`praxis xapi export --state dead`)", n(s.dead));
    }
    std::fputc('\n', stream);
    if ((s.pending > 0 || s.dead > 0) && !s.lastError.empty()) {
      std::fprintf(stream, "xAPI: last error: %s\n", s.lastError.c_str());
    }
  } else {
    std::fprintf(stream,
                 "xAPI: %lld statements kept in %s (no LRS configured; `praxis xapi export` "
                 "writes them out)\n",
                 n(stored), s.outbox.c_str());
  }
  if (!registration.empty() && !quiet) {
    std::fprintf(stream, "report: praxis report --outbox %s --registration %s --out report.html\n",
                 shellQuoted(s.outbox).c_str(), registration.c_str());
  }
}

}  // namespace praxis::cli
