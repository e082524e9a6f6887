#include "xapi/session_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>

#include "xapi/time_format.h"
#include "xapi/vocabulary.h"

namespace praxis::xapi {
namespace {

std::string pick(const Json& map, const std::string& language) {
  if (!map.is_object() || map.empty()) return {};
  if (map.contains(language)) return map[language].get<std::string>();
  const std::string base = language.substr(0, language.find('-'));
  for (const auto& [tag, text] : map.items()) {
    if (tag.substr(0, tag.find('-')) == base) return text.get<std::string>();
  }
  if (map.contains("en")) return map["en"].get<std::string>();
  return map.begin().value().get<std::string>();
}

std::string escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string clock(double seconds) {
  const auto total = static_cast<long>(std::lround(seconds));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld", total / 60, total % 60);
  return buf;
}

// Seconds between two RFC 3339 UTC timestamps as Praxis writes them.
double secondsBetween(const std::string& from, const std::string& to) {
  auto parse = [](const std::string& t) -> double {
    std::tm tm{};
    int ms = 0;
    if (std::sscanf(t.c_str(), "%d-%d-%dT%d:%d:%d.%dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                    &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &ms) < 6) {
      return 0.0;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return static_cast<double>(timegm(&tm)) + ms / 1000.0;
  };
  return std::max(0.0, parse(to) - parse(from));
}

Json ext(const Json& s, const char* part, std::string_view key) {
  if (!s.contains(part) || !s[part].contains("extensions")) return nullptr;
  const auto& e = s[part]["extensions"];
  return e.contains(std::string(key)) ? e[std::string(key)] : Json(nullptr);
}

}  // namespace

core::Result<std::vector<Json>> parseStatements(const std::string& text) {
  std::vector<Json> out;
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '[') {
    const Json all = Json::parse(text, nullptr, false);
    if (all.is_discarded()) return core::fail("not a valid JSON array of statements");
    for (const auto& s : all) out.push_back(s);
    return out;
  }
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Json s = Json::parse(line, nullptr, false);
    if (s.is_discarded() || !s.is_object()) {
      return core::fail("line ", std::to_string(n), ": not a JSON statement");
    }
    out.push_back(std::move(s));
  }
  return out;
}

core::Result<AttemptSummary> summariseAttempt(const std::vector<Json>& statements,
                                              const std::string& registration) {
  std::set<std::string> registrations;
  for (const auto& s : statements) {
    if (s.contains("context") && s["context"].contains("registration")) {
      registrations.insert(s["context"]["registration"].get<std::string>());
    }
  }
  AttemptSummary sum;
  sum.registration = registration;
  if (sum.registration.empty()) {
    if (registrations.size() != 1) {
      std::string list;
      for (const auto& r : registrations) list += " " + r;
      return core::fail(registrations.empty() ? "no attempt (registration) in the statements"
                                              : "several attempts; choose one with --registration:" + list);
    }
    sum.registration = *registrations.begin();
  } else if (!registrations.contains(sum.registration)) {
    return core::fail("no statements for registration ", sum.registration);
  }
  std::vector<const Json*> mine;
  for (const auto& s : statements) {
    if (s.contains("context") && s["context"].value("registration", "") == sum.registration) {
      mine.push_back(&s);
    }
  }
  std::stable_sort(mine.begin(), mine.end(), [](const Json* a, const Json* b) {
    return a->value("timestamp", "") < b->value("timestamp", "");
  });
  sum.started = mine.front()->value("timestamp", "");
  sum.language = (*mine.front())["context"].value("language", "en");
  sum.mode = ext(*mine.front(), "context", extensions::kMode).is_string()
                 ? ext(*mine.front(), "context", extensions::kMode).get<std::string>()
                 : "";
  const Json& actor = (*mine.front())["actor"];
  sum.trainee = actor.contains("name") ? actor["name"].get<std::string>()
                : actor.contains("account") ? actor["account"].value("name", "")
                                            : actor.value("mbox", "");
  for (const Json* p : mine) {
    const Json& s = *p;
    const std::string verb = s["verb"]["id"];
    const Json& def = s["object"].value("definition", Json::object());
    const double at = secondsBetween(sum.started, s.value("timestamp", sum.started));
    const Json result = s.value("result", Json::object());
    if (verb == verbs::kInitialized) {
      sum.scenario = pick(def.value("name", Json::object()), sum.language);
    } else if (verb == verbs::kPassed || verb == verbs::kFailed) {
      sum.passed = verb == verbs::kPassed;
      if (result.contains("score")) {
        const Json& sc = result["score"];
        if (sc.contains("raw")) sum.score = sc["raw"].get<double>();
        if (sc.contains("max")) sum.maxScore = sc["max"].get<double>();
      }
      if (auto ps = ext(s, "result", extensions::kPassScore); ps.is_number()) sum.passScore = ps.get<double>();
    } else if (verb == verbs::kTerminated) {
      sum.durationSeconds = parseDuration(result.value("duration", "PT0S")).value_or(at);
      if (auto r = ext(s, "result", extensions::kEndReason); r.is_string()) sum.endReason = r;
    } else if (verb == verbs::kCompleted) {
      ReportEntry e;
      e.kind = ReportEntry::Kind::Step;
      e.durationSeconds = parseDuration(result.value("duration", "PT0S")).value_or(0.0);
      e.atSeconds = std::max(0.0, at - e.durationSeconds);
      e.title = pick(def.value("description", Json::object()), sum.language);
      if (e.title.empty()) e.title = pick(def.value("name", Json::object()), sum.language);
      sum.entries.push_back(std::move(e));
    } else if (verb == verbs::kFaulted) {
      ReportEntry e;
      e.kind = ReportEntry::Kind::Fault;
      e.atSeconds = at;
      e.title = pick(def.value("description", Json::object()), sum.language);
      if (e.title.empty()) e.title = pick(def.value("name", Json::object()), sum.language);
      if (auto sev = ext(s, "result", extensions::kSeverity); sev.is_string()) e.severity = sev;
      if (auto inv = ext(s, "result", extensions::kInvolved); inv.is_array() && !inv.empty()) {
        for (const auto& o : inv) e.detail += (e.detail.empty() ? "" : ", ") + o.get<std::string>();
      }
      sum.entries.push_back(std::move(e));
    } else if (verb == verbs::kExperienced) {
      ReportEntry e;
      e.kind = ReportEntry::Kind::Hint;
      e.atSeconds = at;
      e.title = pick(def.value("description", Json::object()), sum.language);
      if (auto st = ext(s, "result", extensions::kStep); st.is_string()) e.detail = st;
      sum.entries.push_back(std::move(e));
    }
  }
  std::stable_sort(sum.entries.begin(), sum.entries.end(),
                   [](const auto& a, const auto& b) { return a.atSeconds < b.atSeconds; });
  return sum;
}

std::string renderReportHtml(const AttemptSummary& sum) {
  std::ostringstream h;
  const double total = std::max(sum.durationSeconds, 1.0);
  auto pct = [&](double s) { return std::clamp(100.0 * s / total, 0.0, 100.0); };
  const char* verdict = !sum.passed ? "NOT JUDGED" : *sum.passed ? "PASSED" : "FAILED";
  const char* verdictClass = !sum.passed ? "none" : *sum.passed ? "pass" : "fail";
  h << "<!DOCTYPE html>\n<html lang=\"" << escape(sum.language) << "\"><head><meta charset=\"utf-8\">"
    << "<title>" << escape(sum.scenario) << " — Praxis session report</title><style>"
    << "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:60em;color:#222}"
    << ".badge{display:inline-block;padding:.2em .8em;border-radius:1em;color:#fff;font-weight:bold}"
    << ".pass{background:#2e7d32}.fail{background:#c62828}.none{background:#757575}"
    << ".bar{position:relative;height:1.6em;background:#eee;border-radius:.3em;margin:.5em 0 1.5em}"
    << ".fill{position:absolute;top:0;bottom:0;left:0;background:#1565c0;border-radius:.3em}"
    << ".mark{position:absolute;top:-.4em;bottom:-.4em;border-left:3px dashed #000}"
    << ".timeline{position:relative;height:4em;background:#f5f5f5;border:1px solid #ddd}"
    << ".step{position:absolute;top:.5em;height:1.5em;background:#90caf9;border-right:2px solid #fff;"
    << "overflow:hidden;font-size:.75em;white-space:nowrap}"
    << ".fault{position:absolute;top:2.3em;width:.8em;height:.8em;margin-left:-.4em;background:#c62828;"
    << "border-radius:50%}.hint{position:absolute;top:2.3em;width:.8em;height:.8em;margin-left:-.4em;"
    << "background:#f9a825}table{border-collapse:collapse;width:100%;margin-top:1.5em}"
    << "td,th{border-bottom:1px solid #ddd;padding:.4em;text-align:left;vertical-align:top}"
    << "tr.Fault td:first-child{border-left:4px solid #c62828}tr.Hint td:first-child{border-left:4px solid #f9a825}"
    << "tr.Step td:first-child{border-left:4px solid #1565c0}</style></head><body>\n";
  h << "<h1>" << escape(sum.scenario) << "</h1>\n<p><span class=\"badge " << verdictClass << "\">"
    << verdict << "</span> trainee <b>" << escape(sum.trainee) << "</b> · started "
    << escape(sum.started) << " · duration " << clock(sum.durationSeconds);
  if (!sum.mode.empty()) h << " · mode " << escape(sum.mode);
  if (!sum.endReason.empty()) h << " · ended: " << escape(sum.endReason);
  h << "</p>\n";
  if (sum.score && sum.maxScore && *sum.maxScore > 0) {
    const double max = *sum.maxScore;
    h << "<h2>Score " << *sum.score << " / " << max;
    if (sum.passScore) h << " (pass: " << *sum.passScore << ")";
    h << "</h2>\n<div class=\"bar\" role=\"img\" aria-label=\"score\"><div class=\"fill\" style=\"width:"
      << std::clamp(100.0 * *sum.score / max, 0.0, 100.0) << "%\"></div>";
    if (sum.passScore) {
      h << "<div class=\"mark\" title=\"pass threshold\" style=\"left:"
        << std::clamp(100.0 * *sum.passScore / max, 0.0, 100.0) << "%\"></div>";
    }
    h << "</div>\n";
  }
  h << "<h2>Timeline</h2>\n<div class=\"timeline\">";
  for (const auto& e : sum.entries) {
    if (e.kind == ReportEntry::Kind::Step) {
      h << "<div class=\"step\" style=\"left:" << pct(e.atSeconds) << "%;width:" << pct(e.durationSeconds)
        << "%\" title=\"" << escape(e.title) << "\">" << escape(e.title) << "</div>";
    } else {
      h << "<div class=\"" << (e.kind == ReportEntry::Kind::Fault ? "fault" : "hint")
        << "\" style=\"left:" << pct(e.atSeconds) << "%\" title=\"" << escape(e.title) << "\"></div>";
    }
  }
  h << "</div>\n<p>Blue: steps · red: faults · yellow: hints shown.</p>\n";
  h << "<table><tr><th>time</th><th>what</th><th>details</th></tr>\n";
  for (const auto& e : sum.entries) {
    const char* kind = e.kind == ReportEntry::Kind::Step ? "Step" : e.kind == ReportEntry::Kind::Fault ? "Fault" : "Hint";
    h << "<tr class=\"" << kind << "\"><td>" << clock(e.atSeconds);
    if (e.kind == ReportEntry::Kind::Step) h << "–" << clock(e.atSeconds + e.durationSeconds);
    h << "</td><td>";
    if (e.kind == ReportEntry::Kind::Step) h << "Step: ";
    else if (e.kind == ReportEntry::Kind::Fault) h << "Fault (" << escape(e.severity) << "): ";
    else h << "Hint: ";
    h << escape(e.title) << "</td><td>";
    if (e.kind == ReportEntry::Kind::Step) h << "took " << clock(e.durationSeconds);
    else if (e.kind == ReportEntry::Kind::Fault && !e.detail.empty()) h << "involved: " << escape(e.detail);
    else h << escape(e.detail);
    h << "</td></tr>\n";
  }
  h << "</table>\n<p><small>Registration " << escape(sum.registration)
    << " · made by Praxis from xAPI statements</small></p>\n</body></html>\n";
  return h.str();
}

}  // namespace praxis::xapi
