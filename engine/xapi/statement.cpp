#include "xapi/statement.h"

#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>

namespace praxis::xapi {
namespace {

Json languageMap(const LanguageMap& map) {
  Json out = Json::object();
  for (const auto& [tag, text] : map) out[tag] = text;
  return out;
}

Json activityList(const std::vector<Activity>& list) {
  Json out = Json::array();
  for (const auto& a : list) out.push_back(toJson(a));
  return out;
}

Json toJson(const Score& score) {
  Json out = Json::object();
  if (score.scaled) out["scaled"] = *score.scaled;
  if (score.raw) out["raw"] = *score.raw;
  if (score.min) out["min"] = *score.min;
  if (score.max) out["max"] = *score.max;
  return out;
}

Json toJson(const StatementResult& result) {
  Json out = Json::object();
  if (result.score) out["score"] = toJson(*result.score);
  if (result.success) out["success"] = *result.success;
  if (result.completion) out["completion"] = *result.completion;
  if (!result.duration.empty()) out["duration"] = result.duration;
  if (!result.response.empty()) out["response"] = result.response;
  if (!result.extensions.empty()) out["extensions"] = result.extensions;
  return out;
}

Json toJson(const Context& context) {
  Json out = Json::object();
  if (!context.registration.empty()) out["registration"] = context.registration;
  Json activities = Json::object();
  const auto& ca = context.contextActivities;
  if (!ca.parent.empty()) activities["parent"] = activityList(ca.parent);
  if (!ca.grouping.empty()) activities["grouping"] = activityList(ca.grouping);
  if (!ca.category.empty()) activities["category"] = activityList(ca.category);
  if (!ca.other.empty()) activities["other"] = activityList(ca.other);
  if (!activities.empty()) out["contextActivities"] = std::move(activities);
  if (!context.platform.empty()) out["platform"] = context.platform;
  if (!context.language.empty()) out["language"] = context.language;
  if (!context.extensions.empty()) out["extensions"] = context.extensions;
  return out;
}

// SHA-1 (FIPS 180-4), only for mbox_sha1sum; not used for anything secret.
std::array<std::uint8_t, 20> sha1(std::string_view data) {
  std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  std::string msg(data);
  const std::uint64_t bitLength = static_cast<std::uint64_t>(data.size()) * 8;
  msg.push_back(static_cast<char>(0x80));
  while (msg.size() % 64 != 56) msg.push_back('\0');
  for (int i = 7; i >= 0; --i) msg.push_back(static_cast<char>((bitLength >> (i * 8)) & 0xFF));
  auto rotl = [](std::uint32_t v, int n) { return (v << n) | (v >> (32 - n)); };
  for (std::size_t chunk = 0; chunk < msg.size(); chunk += 64) {
    std::uint32_t w[80];
    for (int i = 0; i < 16; ++i) {
      const auto* p = reinterpret_cast<const unsigned char*>(msg.data() + chunk + i * 4);
      w[i] = (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) |
             (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
    }
    for (int i = 16; i < 80; ++i) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; ++i) {
      std::uint32_t f = 0, k = 0;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5A827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ED9EBA1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8F1BBCDC;
      } else {
        f = b ^ c ^ d;
        k = 0xCA62C1D6;
      }
      const std::uint32_t t = rotl(a, 5) + f + e + k + w[i];
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
  }
  std::array<std::uint8_t, 20> out{};
  for (int i = 0; i < 20; ++i) out[i] = static_cast<std::uint8_t>(h[i / 4] >> (24 - (i % 4) * 8));
  return out;
}

std::string percentEncode(std::string_view segment) {
  std::string out;
  for (const unsigned char c : segment) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace

std::string iriSegment(std::string_view segment) { return percentEncode(segment); }

Json toJson(const Agent& agent) {
  if (!agent.asReceived.is_null()) return agent.asReceived;
  Json out = {{"objectType", "Agent"}};
  if (!agent.name.empty()) out["name"] = agent.name;
  if (agent.account)
    out["account"] = {{"homePage", agent.account->homePage}, {"name", agent.account->name}};
  if (!agent.mbox.empty()) out["mbox"] = agent.mbox;
  if (!agent.mboxSha1sum.empty()) out["mbox_sha1sum"] = agent.mboxSha1sum;
  return out;
}

Json toJson(const Activity& activity) {
  Json out = {{"objectType", "Activity"}, {"id", activity.id}};
  if (activity.definition) {
    const auto& d = *activity.definition;
    Json def = Json::object();
    if (!d.name.empty()) def["name"] = languageMap(d.name);
    if (!d.description.empty()) def["description"] = languageMap(d.description);
    if (!d.type.empty()) def["type"] = d.type;
    if (!d.extensions.empty()) def["extensions"] = d.extensions;
    if (!def.empty()) out["definition"] = std::move(def);
  }
  return out;
}

Json toJson(const Statement& s) {
  Json out = Json::object();
  if (!s.id.empty()) out["id"] = s.id;
  out["actor"] = toJson(s.actor);
  out["verb"] = {{"id", s.verb.id}};
  if (!s.verb.display.empty()) out["verb"]["display"] = languageMap(s.verb.display);
  out["object"] = toJson(s.object);
  if (s.result) out["result"] = toJson(*s.result);
  if (s.context) out["context"] = toJson(*s.context);
  if (!s.timestamp.empty()) out["timestamp"] = s.timestamp;
  return out;
}

core::Result<Agent> agentFromJson(const Json& json) {
  if (!json.is_object()) return core::fail("actor: expected a JSON object");
  Agent agent;
  auto text = [&](const char* key) -> std::string {
    return json.contains(key) && json.at(key).is_string() ? json.at(key).get<std::string>()
                                                          : std::string();
  };
  agent.name = text("name");
  agent.mbox = text("mbox");
  agent.mboxSha1sum = text("mbox_sha1sum");
  if (json.contains("account")) {
    const Json& account = json.at("account");
    const bool ok = account.is_object() && account.contains("homePage") &&
                    account.contains("name") && account.at("homePage").is_string() &&
                    account.at("name").is_string();
    if (!ok) return core::fail("actor.account: needs string 'homePage' and 'name'");
    agent.account =
        Account{account.at("homePage").get<std::string>(), account.at("name").get<std::string>()};
  }
  const int ifis =
      (agent.account ? 1 : 0) + (agent.mbox.empty() ? 0 : 1) + (agent.mboxSha1sum.empty() ? 0 : 1);
  if (ifis != 1) return core::fail("actor: needs exactly one of account, mbox, mbox_sha1sum");
  agent.asReceived = json;
  return agent;
}

std::string mboxSha1sum(std::string_view email) {
  const auto digest = sha1("mailto:" + std::string(email));
  std::string hex;
  char buf[3];
  for (const auto byte : digest) {
    std::snprintf(buf, sizeof buf, "%02x", byte);
    hex += buf;
  }
  return hex;
}

Agent makeActor(const ActorPolicy& policy, const std::string& accountName,
                const std::string& email) {
  Agent agent;
  if (!email.empty() && policy.useMbox) {
    agent.mbox = "mailto:" + email;
  } else if (!email.empty() && policy.useMboxSha1sum) {
    agent.mboxSha1sum = mboxSha1sum(email);
  } else {
    agent.account = Account{policy.homePage, accountName};
  }
  return agent;
}

std::string activityIri(std::string_view base, std::string_view first, std::string_view second,
                        std::string_view third) {
  std::string out(base);
  if (!out.empty() && out.back() != '/') out.push_back('/');
  out += percentEncode(first);
  if (!second.empty()) out += "/" + percentEncode(second);
  if (!third.empty()) out += "/" + percentEncode(third);
  return out;
}

}  // namespace praxis::xapi
