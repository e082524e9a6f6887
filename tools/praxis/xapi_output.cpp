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

namespace {

std::string quoted(const std::string& path) { return "'" + path + "'"; }

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
                 s.undelivered.size() - kListed, quoted(s.outbox).c_str());
  }
  if (s.pending > 0) {
    std::fprintf(stream, "xAPI: send the kept ones while the LMS session is valid: praxis xapi flush "
                 "--outbox %s\n", quoted(s.outbox).c_str());
  }
  if (s.rejected > 0) {
    std::fprintf(stream, "xAPI: %lld statements failed validation and were not sent (a bug: please "
                 "report it)\n", static_cast<long long>(s.rejected));
  }
}

}  // namespace

void printXapiSummary(const app::StatementOutputSummary& s, const std::string& registration,
                      bool quiet) {
  FILE* stream = quiet ? stderr : stdout;
  const auto n = [](std::int64_t v) { return static_cast<long long>(v); };
  if (s.cmi5) {
    printCmi5Delivery(s, stream);
  } else if (s.lrsConfigured) {
    std::fprintf(stream, "xAPI: %lld statements, %lld delivered to the LRS", n(s.emitted),
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
                 n(s.emitted), s.outbox.c_str());
  }
  if (s.rejected > 0 && !s.cmi5) {
    std::fprintf(stderr, "xAPI: %lld statements failed validation and were not sent (a bug: "
                 "please report it)\n", n(s.rejected));
  }
  if (!registration.empty() && !quiet) {
    std::fprintf(stream, "report: praxis report --outbox %s --registration %s --out report.html\n",
                 s.outbox.c_str(), registration.c_str());
  }
}

}  // namespace praxis::cli
