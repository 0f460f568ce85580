// libFuzzer target for the robots.txt parser and matcher (collect/robots.cc):
// any bytes parse; normalisation is idempotent; /robots.txt is always
// allowed; the pattern matcher agrees with a plain dynamic-programming
// matcher on every parsed rule.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "collect/robots.h"

namespace {

// Does `pattern` ('*' any run, final '$' the end) match a prefix of `path`?
bool reference_match(std::string_view pattern, std::string_view path) {
  const bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  const size_t np = pattern.size(), ns = path.size();
  // can[i][j]: pattern[i..] matches starting at path[j].
  std::vector<std::vector<char>> can(np + 1, std::vector<char>(ns + 1, 0));
  for (size_t j = 0; j <= ns; ++j) can[np][j] = !anchored || j == ns;
  for (size_t i = np; i-- > 0;) {
    for (size_t j = ns + 1; j-- > 0;) {
      if (pattern[i] == '*') {
        can[i][j] = can[i + 1][j] || (j < ns && can[i][j + 1]);
      } else {
        can[i][j] = j < ns && pattern[i] == path[j] && can[i + 1][j + 1];
      }
    }
  }
  return can[0][0];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const tidings::RobotsTxt robots = tidings::parse_robots_txt(input);
  // Paths to try: fixed ones, and the input's last line as a path.
  std::vector<std::string> paths = {"/", "/index.html", "/a/b?c=d", "/%7Ejoe", "/robots.txt"};
  const size_t last_line = input.rfind('\n');
  std::string tail(input.substr(last_line == std::string_view::npos ? 0 : last_line + 1, 64));
  if (tail.empty() || tail[0] != '/') tail.insert(0, "/");
  paths.push_back(tail);
  for (const char* agent : {"tidings", "*", "Googlebot"}) {
    const tidings::RobotsPolicy policy = tidings::robots_policy(robots, agent);
    for (const std::string& path : paths) {
      const bool allowed = policy.allows(path);
      if (path == "/robots.txt" && !allowed) std::abort();
    }
  }
  const std::string normal = tidings::robots_normalise(input.substr(0, 256));
  if (tidings::robots_normalise(normal) != normal) std::abort();
  size_t checked = 0;
  for (const tidings::RobotsGroup& group : robots.groups) {
    for (const tidings::RobotsRule& rule : group.rules) {
      if (rule.pattern.empty()) std::abort();
      if (++checked > 16 || rule.pattern.size() > 64) continue;
      for (const std::string& path : paths) {
        const std::string p = tidings::robots_normalise(path);
        if (tidings::robots_pattern_matches(rule.pattern, p) != reference_match(rule.pattern, p)) {
          std::abort();
        }
      }
    }
  }
  return 0;
}
