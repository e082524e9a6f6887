// The xAPI options `praxis run` and `praxis test` share (--lrs, --outbox, --config, --cmi5,
// --trainee), turned into an app::OutputRequest, and the lines they print about where an
// attempt's statements went.
#pragma once

#include <memory>
#include <string>

#include "app/statement_output.h"
#include "args.h"

namespace praxis::cli {

/// The option names, for ArgSpec.
inline const std::set<std::string> kXapiOptions = {"--lrs", "--outbox", "--config", "--cmi5",
                                                   "--trainee"};

/// The help lines for those options.
inline constexpr const char* kXapiHelp =
    "  --lrs URL         send statements to this LRS (else PRAXIS_LRS_ENDPOINT or the config file)\n"
    "  --outbox FILE     the durable outbox (default: <user data>/outbox.sqlite)\n"
    "  --config FILE     xAPI settings (default: $PRAXIS_XAPI_CONFIG or <user data>/xapi.json)\n"
    "  --cmi5 URL        launched by an LMS: its launch URL (endpoint, fetch, actor, ...)\n"
    "  --trainee ID      opaque trainee id for the actor (default: this machine's, kept in\n"
    "                    <user data>/trainee-id)\n";

/// Opens the outbox (and the cmi5 session) the xAPI options ask for (app::openStatementOutput).
[[nodiscard]] core::Result<app::OpenedOutput> openXapiOutput(const Args& args);

/// The trainee behind an interactive attempt: --trainee, else this machine's opaque id.
[[nodiscard]] core::Result<std::string> traineeId(const Args& args);

/// On stderr, when statements could not be stored: how many, where, why. Also for --json runs.
void printXapiLoss(const app::StatementOutputSummary& summary);

/// "xAPI: 9 statements delivered to …" or where they wait, on stdout (stderr when `quiet`).
void printXapiSummary(const app::StatementOutputSummary& summary, const std::string& registration,
                      bool quiet);

/// `word` as one shell word: unchanged when it needs no quoting, else in single quotes, so a
/// printed command can be pasted even when a path has spaces.
[[nodiscard]] std::string shellQuoted(const std::string& word);

/// The exit code of a command whose attempt(s) ended with `attemptCode`: 2 (environment
/// error) when statements were lost (not stored, or failed validation), whatever the outcome.
[[nodiscard]] int exitCodeWithXapi(int attemptCode, const app::StatementOutputSummary* summary);

/// How long a run waits at its end for the LRS before leaving statements in the outbox.
inline constexpr std::chrono::seconds kDeliveryWait{15};

}  // namespace praxis::cli
