// Commands: factories, JSON in and out, and the checks that make a bad command file say
// which command is wrong and why.
#include "edit/command.h"

#include <algorithm>
#include <array>
#include <utility>

#include "scenario/suggest.h"

namespace praxis::edit {
namespace {

struct OpName {
  std::string_view name;
  Op op;
};
constexpr std::array<OpName, 6> kOps{{{"set", Op::Set},
                                      {"set_text", Op::SetText},
                                      {"add", Op::Add},
                                      {"remove", Op::Remove},
                                      {"move", Op::Move},
                                      {"rename", Op::Rename}}};

/// The fields each op reads; any other field is a mistake worth naming.
std::vector<std::string_view> fieldsOf(Op op) {
  switch (op) {
    case Op::Set: return {"op", "target", "path", "value"};
    case Op::SetText: return {"op", "target", "path", "lang", "value"};
    case Op::Add: return {"op", "kind", "target", "path", "value", "index", "before", "after"};
    case Op::Remove: return {"op", "target", "path"};
    case Op::Move: return {"op", "target", "index", "before", "after"};
    case Op::Rename: return {"op", "kind", "from", "to"};
  }
  return {};
}

std::vector<std::string_view> requiredOf(Op op) {
  switch (op) {
    case Op::Set: return {"target", "path", "value"};
    case Op::SetText: return {"target", "path", "lang", "value"};
    case Op::Add: return {"kind", "value"};
    case Op::Remove: return {"target"};
    case Op::Move: return {"target"};
    case Op::Rename: return {"kind", "from", "to"};
  }
  return {};
}

/// A value as JSON text for a message; never throws on text that is not UTF-8.
std::string show(const Value& v) { return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

core::Result<std::string> stringField(const Value& json, std::string_view key) {
  const auto it = json.find(key);
  if (it == json.end()) return std::string();
  if (!it->is_string()) return core::fail("'", key, "' must be a string, got ", show(*it));
  return it->get<std::string>();
}

core::Result<Op> opOf(const Value& json) {
  const auto it = json.find("op");
  if (it == json.end()) return core::fail("missing 'op' (one of set, set_text, add, remove, move, rename)");
  if (!it->is_string()) return core::fail("'op' must be a string, got ", show(*it));
  const auto name = it->get<std::string>();
  std::vector<std::string_view> names;
  for (const auto& o : kOps) {
    if (o.name == name) return o.op;
    names.push_back(o.name);
  }
  return core::fail("unknown op '", name, "'", scenario::didYouMean(name, names),
                    " (one of set, set_text, add, remove, move, rename)");
}

core::Result<void> checkFields(const Value& json, Op op) {
  const auto allowed = fieldsOf(op);
  for (const auto& [key, v] : json.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return core::fail("'", toString(op), "' has no field '", key, "'", scenario::didYouMean(key, allowed));
    }
  }
  for (const auto key : requiredOf(op)) {
    if (!json.contains(key)) return core::fail("'", toString(op), "' needs '", key, "'");
  }
  return {};
}

}  // namespace

std::string_view toString(Op op) {
  for (const auto& o : kOps) {
    if (o.op == op) return o.name;
  }
  return "?";
}

Command Command::set(std::string target, std::string path, Value value) {
  Command c;
  c.op = Op::Set;
  c.target = std::move(target);
  c.path = std::move(path);
  c.value = std::move(value);
  return c;
}

Command Command::setText(std::string target, std::string path, std::string lang, std::string text) {
  Command c = set(std::move(target), std::move(path), Value(std::move(text)));
  c.op = Op::SetText;
  c.lang = std::move(lang);
  return c;
}

Command Command::add(std::string kind, Value value, std::string target, std::string component) {
  Command c;
  c.op = Op::Add;
  c.kind = std::move(kind);
  c.value = std::move(value);
  c.target = std::move(target);
  c.path = std::move(component);
  return c;
}

Command Command::remove(std::string target, std::string path) {
  Command c;
  c.op = Op::Remove;
  c.target = std::move(target);
  c.path = std::move(path);
  return c;
}

Command Command::moveStep(std::string step, std::size_t index) {
  Command c;
  c.op = Op::Move;
  c.target = "steps/" + step;
  c.index = index;
  return c;
}

Command Command::rename(std::string kind, std::string from, std::string to) {
  Command c;
  c.op = Op::Rename;
  c.kind = std::move(kind);
  c.from = std::move(from);
  c.to = std::move(to);
  return c;
}

Value Command::toJson() const {
  Value out = Value::object();
  out["op"] = std::string(toString(op));
  const auto put = [&](const char* key, const std::string& v) {
    if (!v.empty()) out[key] = v;
  };
  put("kind", kind);
  put("target", target);
  put("path", path);
  put("lang", lang);
  put("from", from);
  put("to", to);
  put("before", before);
  put("after", after);
  if (index) out["index"] = *index;
  if (op == Op::Set || op == Op::SetText || op == Op::Add) out["value"] = value;
  return out;
}

std::string Command::describe() const {
  std::string out(toString(op));
  const auto add = [&](const std::string& part) {
    if (!part.empty()) out += " " + part;
  };
  if (op == Op::Rename) {
    add(kind);
    return out + " " + from + " → " + to;
  }
  if (op == Op::Add) add(kind);
  add(target);
  add(path);
  if (op == Op::SetText) out += " [" + lang + "]";
  return out;
}

core::Result<Command> parseCommand(const Value& json) {
  if (!json.is_object()) return core::fail("a command is a JSON object like {\"op\": \"set\", …}, got ", show(json));
  auto op = opOf(json);
  if (!op) return core::Unexpected(op.error());
  if (auto ok = checkFields(json, *op); !ok) return core::Unexpected(ok.error());
  Command c;
  c.op = *op;
  std::array<std::pair<const char*, std::string*>, 8> strings{{{"target", &c.target},
                                                               {"path", &c.path},
                                                               {"lang", &c.lang},
                                                               {"kind", &c.kind},
                                                               {"from", &c.from},
                                                               {"to", &c.to},
                                                               {"before", &c.before},
                                                               {"after", &c.after}}};
  for (auto& [key, out] : strings) {
    auto s = stringField(json, key);
    if (!s) return core::Unexpected(s.error());
    *out = std::move(*s);
  }
  if (const auto it = json.find("index"); it != json.end()) {
    if (!it->is_number_unsigned()) return core::fail("'index' must be a whole number ≥ 0, got ", show(*it));
    c.index = it->get<std::size_t>();
  }
  if (const auto it = json.find("value"); it != json.end()) c.value = *it;
  if (c.op == Op::SetText && !c.value.is_string()) return core::fail("'set_text' needs a string 'value', got ", show(c.value));
  const int placements = (c.index ? 1 : 0) + (c.before.empty() ? 0 : 1) + (c.after.empty() ? 0 : 1);
  if (placements > 1) return core::fail("give at most one of 'index', 'before' and 'after'");
  if (c.op == Op::Move && placements == 0) return core::fail("'move' needs 'index', 'before' or 'after'");
  return c;
}

core::Result<std::vector<Command>> parseCommands(std::string_view jsonText) {
  Value json;
  try {
    json = Value::parse(jsonText);
  } catch (const nlohmann::json::parse_error& e) {
    return core::fail("not valid JSON: ", e.what());
  }
  if (!json.is_array()) return core::fail("expected a JSON list of commands [{\"op\": …}, …], got ", json.type_name());
  std::vector<Command> out;
  for (std::size_t i = 0; i < json.size(); ++i) {
    auto c = parseCommand(json[i]);
    if (!c) return core::fail("command ", std::to_string(i), ": ", c.error().message);
    out.push_back(std::move(*c));
  }
  return out;
}

}  // namespace praxis::edit
