#include "xapi/session_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>

#include "core/markup.h"
#include "xapi/json_input.h"
#include "xapi/time_format.h"
#include "xapi/validator.h"
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
    const auto all = parseJsonInput(text);
    if (!all || !all->is_array()) {
      return core::fail("not a valid JSON array of statements",
                        all ? std::string() : ": " + all.error().message);
    }
    for (const auto& s : *all) out.push_back(s);
    return out;
  }
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto s = parseJsonInput(line);
    if (!s || !s->is_object()) {
      return core::fail("line ", std::to_string(n), ": not a JSON statement",
                        s ? std::string() : " (" + s.error().message + ")");
    }
    out.push_back(std::move(*s));
  }
  return out;
}

namespace {

core::Result<std::string> chooseRegistration(const std::vector<Json>& statements,
                                             const std::string& wanted) {
  std::set<std::string> registrations;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    // Validate first, so everything read below has the type the spec gives it.
    if (auto ok = checkStatement(statements[i]); !ok) {
      return core::fail("statement ", std::to_string(i + 1), ": ", ok.error().message);
    }
    const Json& s = statements[i];
    if (s.contains("context") && s["context"].contains("registration")) {
      registrations.insert(s["context"]["registration"].get<std::string>());
    }
  }
  if (!wanted.empty()) {
    if (!registrations.contains(wanted))
      return core::fail("no statements for registration ", wanted);
    return wanted;
  }
  if (registrations.size() == 1) return *registrations.begin();
  std::string list;
  for (const auto& r : registrations) list += " " + r;
  return core::fail(registrations.empty()
                        ? "no attempt (registration) in the statements"
                        : "several attempts; choose one with --registration:" + list);
}

std::string actorName(const Json& actor) {
  if (actor.contains("name")) return actor["name"].get<std::string>();
  if (actor.contains("account")) return actor["account"]["name"].get<std::string>();
  if (actor.contains("mbox")) return actor["mbox"].get<std::string>();
  return "anonymous";
}

std::string activityText(const Json& def, const std::string& language) {
  std::string text = pick(def.value("description", Json::object()), language);
  return text.empty() ? pick(def.value("name", Json::object()), language) : text;
}

// Adds what one statement says to the summary.
void addStatement(AttemptSummary& sum, const Json& s) {
  const std::string verb = s["verb"]["id"];
  const Json def = s["object"].value("definition", Json::object());
  const double at = secondsBetween(sum.started, s.value("timestamp", sum.started));
  const Json result = s.value("result", Json::object());
  const double duration = parseDuration(result.value("duration", "PT0S")).value_or(0.0);
  ReportEntry e;
  e.atSeconds = at;
  if (verb == verbs::kInitialized) {
    sum.scenario = pick(def.value("name", Json::object()), sum.language);
    return;
  }
  if (verb == verbs::kPassed || verb == verbs::kFailed) {
    sum.passed = verb == verbs::kPassed;
    const Json score = result.value("score", Json::object());
    if (score.contains("raw")) sum.score = score["raw"].get<double>();
    if (score.contains("max")) sum.maxScore = score["max"].get<double>();
    if (auto ps = ext(s, "result", extensions::kPassScore); ps.is_number())
      sum.passScore = ps.get<double>();
    return;
  }
  if (verb == verbs::kTerminated) {
    sum.durationSeconds = result.contains("duration") ? duration : at;
    if (auto r = ext(s, "result", extensions::kEndReason); r.is_string()) sum.endReason = r;
    return;
  }
  e.title = activityText(def, sum.language);
  if (verb == verbs::kCompleted) {
    e.kind = ReportEntry::Kind::Step;
    e.durationSeconds = duration;
    e.atSeconds = std::max(0.0, at - duration);
  } else if (verb == verbs::kFaulted) {
    e.kind = ReportEntry::Kind::Fault;
    if (auto sev = ext(s, "result", extensions::kSeverity); sev.is_string()) e.severity = sev;
    // Objects by their label in the attempt's language (as the trainee saw them); the id
    // only for statements without labels.
    const Json labels = ext(s, "result", extensions::kInvolvedLabels);
    if (auto inv = ext(s, "result", extensions::kInvolved); inv.is_array()) {
      for (std::size_t i = 0; i < inv.size(); ++i) {
        if (!inv[i].is_string()) continue;
        std::string name = labels.is_array() && i < labels.size() ? pick(labels[i], sum.language) : "";
        if (name.empty()) name = inv[i].get<std::string>();
        e.detail += (e.detail.empty() ? "" : ", ") + name;
      }
    }
  } else if (verb == verbs::kExperienced) {
    e.kind = ReportEntry::Kind::Hint;
    if (auto st = ext(s, "result", extensions::kStep); st.is_string()) e.detail = st;
  } else {
    return;  // other statements (cmi5 allowed, future verbs) are not on the page
  }
  sum.entries.push_back(std::move(e));
}

}  // namespace

core::Result<AttemptSummary> summariseAttempt(const std::vector<Json>& statements,
                                              const std::string& registration) {
  auto chosen = chooseRegistration(statements, registration);
  if (!chosen) return std::unexpected(chosen.error());
  AttemptSummary sum;
  sum.registration = *chosen;
  std::vector<const Json*> mine;
  for (const auto& s : statements) {
    if (s.contains("context") && s["context"].value("registration", "") == sum.registration) {
      mine.push_back(&s);
    }
  }
  std::stable_sort(mine.begin(), mine.end(), [](const Json* a, const Json* b) {
    return a->value("timestamp", "") < b->value("timestamp", "");
  });
  const Json& first = *mine.front();
  sum.started = first.value("timestamp", "");
  sum.language = first["context"].value("language", "en");
  if (auto mode = ext(first, "context", extensions::kMode); mode.is_string()) sum.mode = mode;
  sum.trainee = actorName(first["actor"]);
  try {
    for (const Json* s : mine) addStatement(sum, *s);
  } catch (const Json::exception& e) {  // a valid statement with odd extension values
    return core::fail("cannot read the statements: ", e.what());
  }
  std::stable_sort(sum.entries.begin(), sum.entries.end(),
                   [](const auto& a, const auto& b) { return a.atSeconds < b.atSeconds; });
  return sum;
}

namespace {

// Inline CSS: the page needs no network and no other file.
constexpr const char* kCss =
    "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:60em;color:#222}"
    ".badge{display:inline-block;padding:.2em .8em;border-radius:1em;color:#fff;font-weight:bold}"
    ".pass{background:#2e7d32}.fail{background:#c62828}.none{background:#757575}"
    ".bar{position:relative;height:1.6em;background:#eee;border-radius:.3em;margin:.5em 0 1.5em}"
    ".fill{position:absolute;top:0;bottom:0;left:0;background:#1565c0;border-radius:.3em}"
    ".mark{position:absolute;top:-.4em;bottom:-.4em;border-left:3px dashed #000}"
    ".timeline{position:relative;height:4em;background:#f5f5f5;border:1px solid #ddd}"
    ".step{position:absolute;top:.5em;height:1.5em;background:#90caf9;border-right:2px solid #fff;"
    "overflow:hidden;font-size:.75em;white-space:nowrap}"
    ".fault{position:absolute;top:2.3em;width:.8em;height:.8em;margin-left:-.4em;background:#"
    "c62828;"
    "border-radius:50%}.hint{position:absolute;top:2.3em;width:.8em;height:.8em;margin-left:-.4em;"
    "background:#f9a825}table{border-collapse:collapse;width:100%;margin-top:1.5em}"
    "td,th{border-bottom:1px solid #ddd;padding:.4em;text-align:left;vertical-align:top}"
    "tr.Fault td:first-child{border-left:4px solid #c62828}tr.Hint td:first-child{border-left:4px "
    "solid #f9a825}";

// The page's own words in the attempt's language (the content already is): the shipped
// languages' base languages, English otherwise.
struct Labels {
  const char* title;
  const char* passed;
  const char* failed;
  const char* notJudged;
  const char* trainee;
  const char* started;
  const char* duration;
  const char* mode;
  const char* ended;
  const char* score;
  const char* pass;
  const char* timeline;
  const char* legend;
  const char* time;
  const char* what;
  const char* details;
  const char* step;
  const char* fault;
  const char* hint;
  const char* took;
  const char* involved;
  const char* registration;
  const char* madeBy;
};

constexpr Labels kEnglish{"Praxis session report", "PASSED", "FAILED", "NOT JUDGED", "trainee",
                          "started", "duration", "mode", "ended", "Score", "pass", "Timeline",
                          "Blue: steps · red: faults · yellow: hints shown.", "time", "what",
                          "details", "Step", "Fault", "Hint", "took", "involved", "Registration",
                          "made by Praxis from xAPI statements"};
constexpr Labels kDutch{"Praxis-sessierapport", "GESLAAGD", "NIET GESLAAGD", "NIET BEOORDEELD",
                        "deelnemer", "gestart", "duur", "modus", "einde", "Score", "geslaagd vanaf",
                        "Tijdlijn", "Blauw: stappen · rood: fouten · geel: getoonde hints.", "tijd",
                        "wat", "details", "Stap", "Fout", "Hint", "duurde", "betrokken",
                        "Registratie", "door Praxis gemaakt uit xAPI-statements"};
constexpr Labels kFrench{"Rapport de session Praxis", "RÉUSSI", "ÉCHOUÉ", "NON ÉVALUÉ",
                         "apprenant", "début", "durée", "mode", "fin", "Score", "réussite à",
                         "Chronologie", "Bleu : étapes · rouge : fautes · jaune : aides affichées.",
                         "temps", "quoi", "détails", "Étape", "Faute", "Aide", "a duré",
                         "concerne", "Inscription", "créé par Praxis à partir d'instructions xAPI"};

const Labels& labelsFor(const std::string& language) {
  const std::string base = language.substr(0, language.find('-'));
  if (base == "nl") return kDutch;
  if (base == "fr") return kFrench;
  return kEnglish;
}

const char* kindName(ReportEntry::Kind kind) {
  switch (kind) {
    case ReportEntry::Kind::Step:
      return "Step";
    case ReportEntry::Kind::Fault:
      return "Fault";
    case ReportEntry::Kind::Hint:
      return "Hint";
  }
  return "?";
}

void writeHeader(std::ostringstream& h, const AttemptSummary& sum) {
  const Labels& l = labelsFor(sum.language);
  const char* verdict = !sum.passed ? l.notJudged : *sum.passed ? l.passed : l.failed;
  const char* verdictClass = !sum.passed ? "none" : *sum.passed ? "pass" : "fail";
  h << "<!DOCTYPE html>\n<html lang=\"" << core::escapeMarkup(sum.language)
    << "\"><head><meta charset=\"utf-8\">"
    << "<title>" << core::escapeMarkup(sum.scenario) << " — " << l.title << "</title><style>" << kCss
    << "</style></head><body>\n";
  h << "<h1>" << core::escapeMarkup(sum.scenario) << "</h1>\n<p><span class=\"badge " << verdictClass << "\">"
    << verdict << "</span> " << l.trainee << " <b>" << core::escapeMarkup(sum.trainee) << "</b> · "
    << l.started << " " << core::escapeMarkup(sum.started) << " · " << l.duration << " "
    << clock(sum.durationSeconds);
  if (!sum.mode.empty()) h << " · " << l.mode << " " << core::escapeMarkup(sum.mode);
  if (!sum.endReason.empty()) h << " · " << l.ended << ": " << core::escapeMarkup(sum.endReason);
  h << "</p>\n";
}

void writeScore(std::ostringstream& h, const AttemptSummary& sum) {
  if (!sum.score || !sum.maxScore || *sum.maxScore <= 0) return;
  const Labels& l = labelsFor(sum.language);
  const double max = *sum.maxScore;
  h << "<h2>" << l.score << " " << *sum.score << " / " << max;
  if (sum.passScore) h << " (" << l.pass << ": " << *sum.passScore << ")";
  h << "</h2>\n<div class=\"bar\" role=\"img\" aria-label=\"score\"><div class=\"fill\" "
       "style=\"width:"
    << std::clamp(100.0 * *sum.score / max, 0.0, 100.0) << "%\"></div>";
  if (sum.passScore) {
    h << "<div class=\"mark\" title=\"pass threshold\" style=\"left:"
      << std::clamp(100.0 * *sum.passScore / max, 0.0, 100.0) << "%\"></div>";
  }
  h << "</div>\n";
}

void writeTimeline(std::ostringstream& h, const AttemptSummary& sum) {
  const double total = std::max(sum.durationSeconds, 1.0);
  auto pct = [&](double sec) { return std::clamp(100.0 * sec / total, 0.0, 100.0); };
  const Labels& l = labelsFor(sum.language);
  h << "<h2>" << l.timeline << "</h2>\n<div class=\"timeline\">";
  for (const auto& e : sum.entries) {
    if (e.kind == ReportEntry::Kind::Step) {
      h << "<div class=\"step\" style=\"left:" << pct(e.atSeconds)
        << "%;width:" << pct(e.durationSeconds) << "%\" title=\"" << core::escapeMarkup(e.title) << "\">"
        << core::escapeMarkup(e.title) << "</div>";
    } else {
      h << "<div class=\"" << (e.kind == ReportEntry::Kind::Fault ? "fault" : "hint")
        << "\" style=\"left:" << pct(e.atSeconds) << "%\" title=\"" << core::escapeMarkup(e.title)
        << "\"></div>";
    }
  }
  h << "</div>\n<p>" << l.legend << "</p>\n";
}

void writeTable(std::ostringstream& h, const AttemptSummary& sum) {
  const Labels& l = labelsFor(sum.language);
  h << "<table><tr><th>" << l.time << "</th><th>" << l.what << "</th><th>" << l.details
    << "</th></tr>\n";
  for (const auto& e : sum.entries) {
    h << "<tr class=\"" << kindName(e.kind) << "\"><td>" << clock(e.atSeconds);
    if (e.kind == ReportEntry::Kind::Step) h << "–" << clock(e.atSeconds + e.durationSeconds);
    h << "</td><td>";
    if (e.kind == ReportEntry::Kind::Step)
      h << l.step << ": ";
    else if (e.kind == ReportEntry::Kind::Fault)
      h << l.fault << " (" << core::escapeMarkup(e.severity) << "): ";
    else
      h << l.hint << ": ";
    h << core::escapeMarkup(e.title) << "</td><td>";
    if (e.kind == ReportEntry::Kind::Step)
      h << l.took << " " << clock(e.durationSeconds);
    else if (e.kind == ReportEntry::Kind::Fault && !e.detail.empty())
      h << l.involved << ": " << core::escapeMarkup(e.detail);
    else
      h << core::escapeMarkup(e.detail);
    h << "</td></tr>\n";
  }
  h << "</table>\n";
}

}  // namespace

std::string renderReportHtml(const AttemptSummary& sum) {
  std::ostringstream h;
  writeHeader(h, sum);
  writeScore(h, sum);
  writeTimeline(h, sum);
  writeTable(h, sum);
  const Labels& l = labelsFor(sum.language);
  h << "<p><small>" << l.registration << " " << core::escapeMarkup(sum.registration) << " · " << l.madeBy
    << "</small></p>\n</body></html>\n";
  return h.str();
}

}  // namespace praxis::xapi
