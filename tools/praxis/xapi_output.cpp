#include "xapi_output.h"

#include <cstdio>

namespace praxis::cli {

core::Result<app::OpenedOutput> openXapiOutput(const Args& args) {
  return app::openStatementOutput({.lrsUrl = args.option("--lrs").value_or(""),
                                   .outbox = args.option("--outbox").value_or(""),
                                   .configFile = args.option("--config").value_or(""),
                                   .cmi5LaunchUrl = args.option("--cmi5").value_or("")});
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

namespace {

// cmi5: the LMS is where the attempt must land, so say exactly what it has and what not.
void printCmi5Delivery(const app::StatementOutputSummary& s, FILE* stream) {
  constexpr std::size_t kListed = 20;
  std::fprintf(stream, "xAPI: the LMS accepted %lld of %lld statements of this session\n",
               static_cast<long long>(s.delivered),
               static_cast<long long>(s.delivered + s.pending + s.dead));
  for (std::size_t i = 0; i < s.undelivered.size() && i < kListed; ++i) {
    const auto& u = s.undelivered[i];
    const auto slash = u.verb.rfind('/');
    std::fprintf(stream, "xAPI: not delivered: %s %s (%s): %s\n",
                 u.verb.substr(slash == std::string::npos ? 0 : slash + 1).c_str(), u.id.c_str(),
                 u.pending ? "kept" : "refused", u.reason.c_str());
  }
  if (s.undelivered.size() > kListed) {
    std::fprintf(stream, "xAPI: ... and %zu more (`praxis xapi export --outbox %s`)\n",
                 s.undelivered.size() - kListed, shellQuoted(s.outbox).c_str());
  }
  if (s.pending > 0) {
    std::fprintf(stream, "xAPI: send the kept ones while the LMS session is valid: praxis xapi flush "
                 "--outbox %s\n", shellQuoted(s.outbox).c_str());
  }
}

}  // namespace

void printXapiSummary(const app::StatementOutputSummary& s, const std::string& registration,
                      bool quiet) {
  FILE* stream = quiet ? stderr : stdout;
  const auto n = [](std::int64_t v) { return static_cast<long long>(v); };
  const std::int64_t stored = s.emitted - s.notStored;
  printXapiLoss(s);
  if (s.cmi5) {
    printCmi5Delivery(s, stream);
  } else if (s.lrsConfigured) {
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
