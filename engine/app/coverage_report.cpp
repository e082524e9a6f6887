// The forms a coverage report takes: the terminal table, the JSON shards merge, the HTML page.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "app/coverage.h"
#include "core/markup.h"

namespace praxis::app {
namespace {

using nlohmann::json;

constexpr const char* kFormat = "praxis-coverage/1";

std::string cell(const CoverageTotals& t) {
  char text[32];
  if (t.total == 0) {
    std::snprintf(text, sizeof text, "%lld/%lld    -", static_cast<long long>(t.covered),
                  static_cast<long long>(t.total));
  } else {
    std::snprintf(text, sizeof text, "%lld/%lld %3.0f%%", static_cast<long long>(t.covered),
                  static_cast<long long>(t.total), t.percent());
  }
  return text;
}

template <typename TotalsOf>
std::string row(const std::string& name, TotalsOf totalsOf, const CoverageTotals& all) {
  char text[64];
  std::snprintf(text, sizeof text, "%-22s", name.c_str());
  std::string line = text;
  for (int k = 0; k < kCoverageKinds; ++k) {
    std::snprintf(text, sizeof text, " %14s", cell(totalsOf(static_cast<CoverageKind>(k))).c_str());
    line += text;
  }
  std::snprintf(text, sizeof text, " %14s\n", cell(all).c_str());
  return line + text;
}

std::string where(const CoverageItem& i) {
  return i.span.known() ? i.span.file + ":" + std::to_string(i.span.line) : i.span.file;
}

core::Result<CoverageKind> kindFromString(const std::string& name) {
  for (int k = 0; k < kCoverageKinds; ++k) {
    if (toString(static_cast<CoverageKind>(k)) == name) return static_cast<CoverageKind>(k);
  }
  return core::fail("unknown coverage kind '", name, "'");
}

}  // namespace

std::string coverageTable(const CoverageReport& report) {
  char text[64];
  std::snprintf(text, sizeof text, "%-22s", "coverage");
  std::string out = text;
  for (int k = 0; k < kCoverageKinds; ++k) {
    std::snprintf(text, sizeof text, " %14s", std::string(toString(static_cast<CoverageKind>(k))).c_str());
    out += text;
  }
  out += "          total\n";
  for (const auto& s : report.scenarios) {
    out += row(s.scenario, [&](CoverageKind k) { return totals(s, k); }, totals(s));
  }
  out += row("total", [&](CoverageKind k) { return report.totals(k); }, report.totals());
  for (const auto& s : report.scenarios) {
    for (const auto& i : s.items) {
      if (i.hits == 0) out += "  uncovered " + i.label + " (" + where(i) + ")\n";
    }
  }
  return out;
}

std::string coverageJson(const CoverageReport& report) {
  json scenarios = json::array();
  for (const auto& s : report.scenarios) {
    json items = json::array();
    for (const auto& i : s.items) {
      items.push_back({{"kind", toString(i.kind)}, {"id", i.id}, {"label", i.label}, {"file", i.span.file},
                       {"line", i.span.line}, {"column", i.span.column}, {"hits", i.hits}});
    }
    scenarios.push_back({{"id", s.scenario}, {"attempts", s.attempts}, {"items", std::move(items)}});
  }
  const auto all = report.totals();
  json out = {{"format", kFormat},
              {"covered", all.covered},
              {"total", all.total},
              {"percent", all.percent()},
              {"scenarios", std::move(scenarios)}};
  return out.dump(2) + "\n";
}

core::Result<CoverageReport> parseCoverageJson(std::string_view text, const std::string& file) {
  const json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return core::fail(file, ": not valid JSON");
  if (!doc.is_object() || doc.value("format", "") != kFormat) {
    return core::fail(file, ": not a praxis coverage file (\"format\": \"", kFormat, "\" missing)");
  }
  CoverageReport report;
  try {
    for (const auto& s : doc.at("scenarios")) {
      ScenarioCoverage c{.scenario = s.at("id").get<std::string>(), .attempts = s.at("attempts").get<std::int64_t>(),
                         .items = {}};
      for (const auto& i : s.at("items")) {
        auto kind = kindFromString(i.at("kind").get<std::string>());
        if (!kind) return core::fail(file, ": ", kind.error().message);
        core::SourceSpan span;
        span.file = i.value("file", "");
        span.line = i.value("line", 0);
        span.column = i.value("column", 0);
        c.items.push_back({.kind = *kind, .id = i.at("id").get<std::string>(), .label = i.value("label", ""),
                           .span = span, .hits = i.at("hits").get<std::int64_t>()});
      }
      report.merge(c);
    }
  } catch (const json::exception& e) {
    // nlohmann reports a missing key or a wrong type by exception; it stops here as a value.
    return core::fail(file, ": ", e.what());
  }
  return report;
}

std::string coverageHtml(const CoverageReport& report) {
  std::string out =
      "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Scenario coverage</title>\n"
      "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
      "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child{text-align:left}"
      ".full{background:#e6f4e6}.part{background:#fbeaea}code{font-size:90%}</style></head><body>\n"
      "<h1>Scenario coverage</h1>\n<table>\n<tr><th>scenario</th>";
  for (int k = 0; k < kCoverageKinds; ++k) out += "<th>" + std::string(toString(static_cast<CoverageKind>(k))) + "</th>";
  out += "<th>total</th></tr>\n";
  const auto td = [](const CoverageTotals& t) {
    return std::string("<td class=\"") + (t.covered == t.total ? "full" : "part") + "\">" + core::escapeMarkup(cell(t)) + "</td>";
  };
  for (const auto& s : report.scenarios) {
    out += "<tr><td>" + core::escapeMarkup(s.scenario) + "</td>";
    for (int k = 0; k < kCoverageKinds; ++k) out += td(totals(s, static_cast<CoverageKind>(k)));
    out += td(totals(s)) + "</tr>\n";
  }
  out += "<tr><th>total</th>";
  for (int k = 0; k < kCoverageKinds; ++k) out += td(report.totals(static_cast<CoverageKind>(k)));
  out += td(report.totals()) + "</tr>\n</table>\n";
  for (const auto& s : report.scenarios) {
    std::string list;
    for (const auto& i : s.items) {
      if (i.hits > 0) continue;
      list += "<li>" + core::escapeMarkup(std::string(toString(i.kind))) + ": " + core::escapeMarkup(i.label) + " — <code>" +
              core::escapeMarkup(where(i)) + "</code></li>\n";
    }
    out += "<h2>" + core::escapeMarkup(s.scenario) + " (" + std::to_string(s.attempts) + " attempts)</h2>\n";
    out += list.empty() ? "<p>Everything covered.</p>\n" : "<p>Uncovered:</p>\n<ul>\n" + list + "</ul>\n";
  }
  return out + "</body></html>\n";
}

}  // namespace praxis::app
