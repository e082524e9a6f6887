#include "xapi/validator.h"

#include <cctype>
#include <initializer_list>

#include "core/localized_text.h"
#include "core/uuid.h"
#include "xapi/time_format.h"

namespace praxis::xapi {
namespace {

// Collects problems with the JSON path where each was found.
class Checker {
 public:
  std::vector<std::string> problems;

  void problem(const std::string& path, const std::string& what) {
    problems.push_back(path + ": " + what);
  }

  bool object(const Json& j, const std::string& path) {
    if (j.is_object()) return true;
    problem(path, "expected an object");
    return false;
  }

  // xAPI: an LRS rejects properties the spec does not define.
  void onlyKeys(const Json& j, const std::string& path, std::initializer_list<const char*> keys) {
    for (const auto& [key, value] : j.items()) {
      bool known = false;
      for (const char* k : keys) known = known || key == k;
      if (!known) problem(path + "." + key, "is not an xAPI property here");
    }
  }

  void string(const Json& j, const std::string& path) {
    if (!j.is_string()) problem(path, "expected a string");
  }

  void iri(const Json& j, const std::string& path) {
    if (!j.is_string() || !isIri(j.get_ref<const std::string&>())) {
      problem(path, "expected an absolute IRI, got " + j.dump());
    }
  }

  void uuid(const Json& j, const std::string& path) {
    if (!j.is_string() || !core::isUuid(j.get_ref<const std::string&>())) {
      problem(path, "expected a UUID, got " + j.dump());
    }
  }

  void languageMap(const Json& j, const std::string& path) {
    if (!object(j, path)) return;
    for (const auto& [tag, text] : j.items()) {
      if (!isLanguageTag(tag)) problem(path + "." + tag, "is not a BCP 47 language tag");
      if (!text.is_string()) problem(path + "." + tag, "expected a string");
    }
  }

  void extensions(const Json& j, const std::string& path) {
    if (!object(j, path)) return;
    for (const auto& [key, value] : j.items()) {
      if (!isIri(key)) problem(path + "." + key, "extension keys must be IRIs");
    }
  }

  void agent(const Json& j, const std::string& path);
  void activity(const Json& j, const std::string& path);
  void verb(const Json& j, const std::string& path);
  void result(const Json& j, const std::string& path);
  void score(const Json& j, const std::string& path);
  void context(const Json& j, const std::string& path);
};

void Checker::agent(const Json& j, const std::string& path) {
  if (!object(j, path)) return;
  onlyKeys(j, path, {"objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"});
  if (j.contains("objectType") && j["objectType"] != "Agent") {
    problem(path + ".objectType", "Praxis sends Agents only");
  }
  if (j.contains("name")) string(j["name"], path + ".name");
  int ifis = 0;
  if (j.contains("mbox")) {
    ++ifis;
    if (!j["mbox"].is_string() || j["mbox"].get<std::string>().rfind("mailto:", 0) != 0) {
      problem(path + ".mbox", "expected a mailto: IRI");
    }
  }
  if (j.contains("mbox_sha1sum")) {
    ++ifis;
    const auto& v = j["mbox_sha1sum"];
    bool ok = v.is_string() && v.get<std::string>().size() == 40;
    if (ok) {
      for (const char c : v.get<std::string>())
        ok = ok && std::isxdigit(static_cast<unsigned char>(c));
    }
    if (!ok) problem(path + ".mbox_sha1sum", "expected 40 hex digits");
  }
  if (j.contains("openid")) {
    ++ifis;
    iri(j["openid"], path + ".openid");
  }
  if (j.contains("account")) {
    ++ifis;
    const auto& a = j["account"];
    if (object(a, path + ".account")) {
      onlyKeys(a, path + ".account", {"homePage", "name"});
      if (!a.contains("homePage"))
        problem(path + ".account.homePage", "is required");
      else
        iri(a["homePage"], path + ".account.homePage");
      if (!a.contains("name") || !a["name"].is_string() || a["name"].get<std::string>().empty()) {
        problem(path + ".account.name", "is required and must be a non-empty string");
      }
    }
  }
  if (ifis != 1) {
    problem(path, "needs exactly one of mbox, mbox_sha1sum, openid, account (has " +
                      std::to_string(ifis) + ")");
  }
}

void Checker::activity(const Json& j, const std::string& path) {
  if (!object(j, path)) return;
  onlyKeys(j, path, {"objectType", "id", "definition"});
  if (j.contains("objectType") && j["objectType"] != "Activity") {
    problem(path + ".objectType", "Praxis sends Activities only");
  }
  if (!j.contains("id"))
    problem(path + ".id", "is required");
  else
    iri(j["id"], path + ".id");
  if (!j.contains("definition")) return;
  const auto& d = j["definition"];
  const std::string dp = path + ".definition";
  if (!object(d, dp)) return;
  onlyKeys(d, dp,
           {"name", "description", "type", "moreInfo", "extensions", "interactionType",
            "correctResponsesPattern", "choices", "scale", "source", "target", "steps"});
  if (d.contains("name")) languageMap(d["name"], dp + ".name");
  if (d.contains("description")) languageMap(d["description"], dp + ".description");
  if (d.contains("type")) iri(d["type"], dp + ".type");
  if (d.contains("moreInfo")) iri(d["moreInfo"], dp + ".moreInfo");
  if (d.contains("extensions")) extensions(d["extensions"], dp + ".extensions");
}

void Checker::verb(const Json& j, const std::string& path) {
  if (!object(j, path)) return;
  onlyKeys(j, path, {"id", "display"});
  if (!j.contains("id"))
    problem(path + ".id", "is required");
  else
    iri(j["id"], path + ".id");
  if (j.contains("display")) languageMap(j["display"], path + ".display");
}

void Checker::score(const Json& j, const std::string& path) {
  if (!object(j, path)) return;
  onlyKeys(j, path, {"scaled", "raw", "min", "max"});
  for (const char* key : {"scaled", "raw", "min", "max"}) {
    if (j.contains(key) && !j[key].is_number()) problem(path + "." + key, "expected a number");
  }
  auto value = [&](const char* key) -> std::optional<double> {
    if (j.contains(key) && j[key].is_number()) return j[key].get<double>();
    return std::nullopt;
  };
  const auto scaled = value("scaled"), raw = value("raw"), min = value("min"), max = value("max");
  if (scaled && (*scaled < -1.0 || *scaled > 1.0)) {
    problem(path + ".scaled", std::to_string(*scaled) + " is outside [-1, 1]");
  }
  if (min && max && *min > *max) problem(path + ".min", "is greater than max");
  if (raw && min && *raw < *min) problem(path + ".raw", "is below min");
  if (raw && max && *raw > *max) problem(path + ".raw", "is above max");
}

void Checker::result(const Json& j, const std::string& path) {
  if (!object(j, path)) return;
  onlyKeys(j, path, {"score", "success", "completion", "response", "duration", "extensions"});
  if (j.contains("score")) score(j["score"], path + ".score");
  for (const char* key : {"success", "completion"}) {
    if (j.contains(key) && !j[key].is_boolean()) problem(path + "." + key, "expected true/false");
  }
  if (j.contains("response")) string(j["response"], path + ".response");
  if (j.contains("duration") &&
      (!j["duration"].is_string() || !parseDuration(j["duration"].get<std::string>()))) {
    problem(path + ".duration", "expected an ISO 8601 duration, got " + j["duration"].dump());
  }
  if (j.contains("extensions")) extensions(j["extensions"], path + ".extensions");
}

void Checker::context(const Json& j, const std::string& path) {
  if (!object(j, path)) return;
  onlyKeys(j, path,
           {"registration", "instructor", "team", "contextActivities", "revision", "platform",
            "language", "statement", "extensions"});
  if (j.contains("registration")) uuid(j["registration"], path + ".registration");
  if (j.contains("instructor")) agent(j["instructor"], path + ".instructor");
  if (j.contains("platform")) string(j["platform"], path + ".platform");
  if (j.contains("revision")) string(j["revision"], path + ".revision");
  if (j.contains("language") &&
      (!j["language"].is_string() || !isLanguageTag(j["language"].get<std::string>()))) {
    problem(path + ".language", "expected a BCP 47 language tag, got " + j["language"].dump());
  }
  if (j.contains("extensions")) extensions(j["extensions"], path + ".extensions");
  if (!j.contains("contextActivities")) return;
  const auto& ca = j["contextActivities"];
  const std::string cp = path + ".contextActivities";
  if (!object(ca, cp)) return;
  onlyKeys(ca, cp, {"parent", "grouping", "category", "other"});
  for (const auto& [key, list] : ca.items()) {
    if (list.is_array()) {
      for (std::size_t i = 0; i < list.size(); ++i) {
        activity(list[i], cp + "." + key + "[" + std::to_string(i) + "]");
      }
    } else {
      activity(list, cp + "." + key);
    }
  }
}

}  // namespace

bool isIri(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) return false;
  if (!std::isalpha(static_cast<unsigned char>(text[0]))) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') return false;
  }
  for (const char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == '"' || c == '<' || c == '>' ||
        c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}') {
      return false;
    }
  }
  return true;
}

bool isLanguageTag(std::string_view text) { return core::isLanguageTag(text); }

std::vector<std::string> validateStatement(const Json& s) {
  Checker c;
  if (!c.object(s, "statement")) return c.problems;
  c.onlyKeys(s, "statement",
             {"id", "actor", "verb", "object", "result", "context", "timestamp", "stored",
              "authority", "version", "attachments"});
  if (s.contains("id")) c.uuid(s["id"], "id");
  if (!s.contains("actor"))
    c.problem("actor", "is required");
  else
    c.agent(s["actor"], "actor");
  if (!s.contains("verb"))
    c.problem("verb", "is required");
  else
    c.verb(s["verb"], "verb");
  if (!s.contains("object"))
    c.problem("object", "is required");
  else
    c.activity(s["object"], "object");
  if (s.contains("result")) c.result(s["result"], "result");
  if (s.contains("context")) c.context(s["context"], "context");
  if (s.contains("timestamp") &&
      (!s["timestamp"].is_string() || !isTimestamp(s["timestamp"].get<std::string>()))) {
    c.problem("timestamp", "expected an RFC 3339 date-time, got " + s["timestamp"].dump());
  }
  return c.problems;
}

core::Result<void> checkStatement(const Json& statement) {
  const auto problems = validateStatement(statement);
  if (problems.empty()) return {};
  std::string message = "invalid xAPI statement: ";
  for (std::size_t i = 0; i < problems.size(); ++i) {
    if (i > 0) message += "; ";
    message += problems[i];
  }
  return std::unexpected(core::Error{std::move(message)});
}

}  // namespace praxis::xapi
