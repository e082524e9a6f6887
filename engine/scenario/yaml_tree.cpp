// parseYamlTree: yaml-cpp's node graph → a YamlNode tree with the Reader's spans.
#include "scenario/yaml_tree.h"

#include "scenario/readers.h"

namespace praxis::scenario {
namespace {

using detail::Reader;

char scalarStyle(std::string_view text, const SourceSpan& span) {
  if (span.begin >= text.size() || span.end <= span.begin) return 0;
  const char first = text[span.begin];
  return (first == '"' || first == '\'' || first == '|' || first == '>') ? first : 0;
}

class TreeBuilder {
 public:
  TreeBuilder(Reader& reader, std::string_view text) : reader_(reader), text_(text) {}

  YamlNode build(const YAML::Node& node, const SourceSpan& nullAt, int depth) {
    YamlNode out;
    out.span = reader_.span(node);
    if (!out.span.known()) out.span = nullAt;
    if (depth > reader_.limits().maxDepth) return out;
    switch (node.Type()) {
      case YAML::NodeType::Scalar:
        out.kind = YamlNode::Kind::Scalar;
        out.scalar = node.Scalar();
        out.style = scalarStyle(text_, out.span);
        break;
      case YAML::NodeType::Sequence: buildSequence(node, out, depth); break;
      case YAML::NodeType::Map: buildMap(node, out, depth); break;
      default: out.span = nullAt; break;
    }
    return out;
  }

 private:
  void buildSequence(const YAML::Node& node, YamlNode& out, int depth) {
    out.kind = YamlNode::Kind::Sequence;
    out.flow = node.Style() == YAML::EmitterStyle::Flow;
    for (auto it = node.begin(); it != node.end(); ++it) {
      out.items.push_back(YamlNode::Entry{{}, {}, build(*it, out.span, depth + 1)});
    }
  }
  void buildMap(const YAML::Node& node, YamlNode& out, int depth) {
    out.kind = YamlNode::Kind::Map;
    out.flow = node.Style() == YAML::EmitterStyle::Flow;
    for (auto it = node.begin(); it != node.end(); ++it) {
      const SourceSpan keySpan = reader_.span(it->first);
      std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
      out.items.push_back(YamlNode::Entry{std::move(key), keySpan, build(it->second, afterColon(keySpan), depth + 1)});
    }
  }
  /// Where a null value sits: just after the key's colon.
  SourceSpan afterColon(SourceSpan key) const {
    std::size_t at = key.end;
    while (at < text_.size() && (text_[at] == ' ' || text_[at] == '\t')) ++at;
    if (at < text_.size() && text_[at] == ':') ++at;
    key.column += static_cast<int>(at - key.begin);
    key.begin = key.end = at;
    return key;
  }

  Reader& reader_;
  std::string_view text_;
};

}  // namespace

namespace detail {

YamlNode buildYamlTree(Reader& reader, std::string_view text, const YAML::Node& doc) {
  return TreeBuilder(reader, text).build(doc, SourceSpan{reader.file()}, 0);
}

}  // namespace detail

const YamlNode::Entry* YamlNode::entry(std::string_view key) const {
  if (kind != Kind::Map) return nullptr;
  for (const auto& e : items) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

const YamlNode* YamlNode::find(std::string_view key) const {
  const Entry* e = entry(key);
  return e == nullptr ? nullptr : &e->value;
}

core::Result<YamlNode> parseYamlTree(std::string_view text, const std::string& file, const LoadLimits& limits) {
  Diagnostics diagnostics;
  auto doc = detail::parse(text, file, limits, diagnostics);
  if (!doc) return core::fail(diagnostics.all().empty() ? file + ": cannot parse" : diagnostics.all().front().format());
  try {
    Reader reader(diagnostics, file, text, limits);
    return detail::buildYamlTree(reader, text, *doc);
  } catch (const std::exception& e) {  // yaml-cpp's invalid nodes: a message, never a crash
    return core::fail(file, ": cannot read the document: ", e.what());
  }
}

}  // namespace praxis::scenario
