#include "junit.h"

#include <cstdio>
#include <map>

#include "core/markup.h"
#include "core/paths.h"

namespace praxis::cli {
namespace {

std::string seconds(double s) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", s);
  return buffer;
}

}  // namespace

std::string toJUnitXml(const std::vector<JUnitCase>& cases) {
  std::map<std::string, std::vector<const JUnitCase*>> suites;
  for (const auto& c : cases) suites[c.suite].push_back(&c);
  std::size_t failures = 0;
  double total = 0.0;
  for (const auto& c : cases) {
    failures += c.failures.empty() ? 0 : 1;
    total += c.seconds;
  }
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  xml += "<testsuites name=\"praxis test\" tests=\"" + std::to_string(cases.size()) +
         "\" failures=\"" + std::to_string(failures) + "\" time=\"" + seconds(total) + "\">\n";
  for (const auto& [suite, members] : suites) {
    std::size_t suiteFailures = 0;
    double suiteTime = 0.0;
    for (const auto* c : members) {
      suiteFailures += c->failures.empty() ? 0 : 1;
      suiteTime += c->seconds;
    }
    xml += "  <testsuite name=\"" + core::escapeMarkup(suite) + "\" tests=\"" + std::to_string(members.size()) +
           "\" failures=\"" + std::to_string(suiteFailures) + "\" errors=\"0\" time=\"" +
           seconds(suiteTime) + "\">\n";
    for (const auto* c : members) {
      xml += "    <testcase classname=\"" + core::escapeMarkup(suite) + "\" name=\"" + core::escapeMarkup(c->name) +
             "\" time=\"" + seconds(c->seconds) + "\">\n";
      for (const auto& f : c->failures) {
        xml += "      <failure message=\"" + core::escapeMarkup(f) + "\">" + core::escapeMarkup(f) + "</failure>\n";
      }
      if (!c->output.empty()) xml += "      <system-out>" + core::escapeMarkup(c->output) + "</system-out>\n";
      xml += "    </testcase>\n";
    }
    xml += "  </testsuite>\n";
  }
  xml += "</testsuites>\n";
  return xml;
}

core::Result<void> writeJUnit(const std::filesystem::path& file, const std::vector<JUnitCase>& cases) {
  return core::writeFileAtomic(file, toJUnitXml(cases));
}

}  // namespace praxis::cli
