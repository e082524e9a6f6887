// `praxis report`: an attempt's xAPI statements → a self-contained HTML session report.
#include <cstdio>
#include <fstream>

#include "args.h"
#include "commands.h"
#include "core/paths.h"
#include "xapi/json_input.h"
#include "xapi/outbox.h"
#include "xapi/session_report.h"
#include "xapi/settings.h"

namespace praxis::cli {
namespace {

constexpr const char* kUsage =
    "usage: praxis report ATTEMPT.jsonl --out REPORT.html [--registration UUID]\n"
    "       praxis report --outbox FILE|default --registration UUID --out REPORT.html\n\n"
    "Turns one attempt's xAPI statements (JSON lines from `praxis xapi export`, or a JSON\n"
    "array, or the outbox) into one HTML page with inline CSS and no network access: a\n"
    "timeline of the steps with their durations, the faults and hints, and the score against\n"
    "the pass threshold.\n\n"
    "options:\n"
    "  --out FILE           where to write the page (required)\n"
    "  --registration UUID  the attempt, when the input holds several\n"
    "  --outbox FILE        read the statements from this outbox instead of a file\n"
    "                       (\"default\" for <user data>/outbox.sqlite)\n";

int usage(const std::string& message) {
  std::fprintf(stderr, "praxis report: %s\n\n%s", message.c_str(), kUsage);
  return kExitUsage;
}

core::Result<std::vector<xapi::Json>> fromOutbox(const std::string& path, const std::string& reg) {
  xapi::SettingsSources sources;
  if (path != "default") sources.outbox = path;
  auto settings = xapi::loadSettings(sources);
  if (!settings) return std::unexpected(settings.error());
  auto box = xapi::Outbox::open(settings->outbox);
  if (!box) return std::unexpected(box.error());
  std::vector<xapi::Json> out;
  auto r = (*box)->forEach(std::nullopt, reg, [&](const xapi::OutboxRecord& rec) {
    // Rows were validated when stored, but the file may have been edited since.
    auto parsed = xapi::parseJsonInput(rec.body);
    out.push_back(parsed ? std::move(*parsed) : xapi::Json());
  });
  if (!r) return std::unexpected(r.error());
  return out;
}

}  // namespace

int runReport(const CommandArgs& argv) {
  const auto parsed = parseCommand(argv, {{}, {"--out", "--registration", "--outbox"}, 0, 1}, "report", kUsage);
  if (!parsed.args) return parsed.exitCode;
  const Args* args = &*parsed.args;
  const auto out = args->option("--out");
  if (!out) return usage("--out FILE is required");
  const std::string reg = args->option("--registration").value_or("");
  core::Result<std::vector<xapi::Json>> statements = std::vector<xapi::Json>{};
  if (auto outbox = args->option("--outbox")) {
    if (reg.empty()) return usage("--outbox needs --registration");
    statements = fromOutbox(*outbox, reg);
  } else {
    if (args->positionals.empty()) return usage("give ATTEMPT.jsonl or --outbox");
    auto text = core::readFile(args->positionals[0]);
    if (!text) return usage(text.error().message);
    statements = xapi::parseStatements(*text);
    if (!statements) return usage(args->positionals[0] + ": " + statements.error().message);
  }
  if (!statements) return usage(statements.error().message);
  auto summary = xapi::summariseAttempt(*statements, reg);
  if (!summary) return usage(summary.error().message);
  if (auto w = core::writeFileAtomic(*out, xapi::renderReportHtml(*summary)); !w) {
    return usage(w.error().message);
  }
  std::printf("wrote %s (%zu events)\n", out->c_str(), summary->entries.size());
  return kExitOk;
}

}  // namespace praxis::cli
