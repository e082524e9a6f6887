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

void printXapiSummary(const app::StatementOutputSummary& s, const std::string& registration,
                      bool quiet) {
  FILE* stream = quiet ? stderr : stdout;
  const auto n = [](std::int64_t v) { return static_cast<long long>(v); };
  if (s.lrsConfigured) {
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
  if (s.rejected > 0) {
    std::fprintf(stderr, "xAPI: %lld statements failed validation and were not sent (a bug: "
                 "please report it)\n", n(s.rejected));
  }
  if (!registration.empty() && !quiet) {
    std::fprintf(stream, "report: praxis report --outbox %s --registration %s --out report.html\n",
                 s.outbox.c_str(), registration.c_str());
  }
}

}  // namespace praxis::cli
