// robots.txt parsing and matching (RFC 9309; see robots.h).
#include "collect/robots.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <memory>

namespace tidings {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

enum class Key { kUserAgent, kAllow, kDisallow, kCrawlDelay, kSitemap, kOther };

// The names, and the misspellings common enough that major crawlers accept
// them (RFC 9309 §2.2.4 asks parsers to be lenient).
Key key_of(std::string_view name) {
  const std::string k = lower(name);
  if (k == "user-agent" || k == "useragent" || k == "user agent") return Key::kUserAgent;
  if (k == "allow") return Key::kAllow;
  if (k == "disallow" || k == "dissallow" || k == "disalow" || k == "dissalow") {
    return Key::kDisallow;
  }
  if (k == "crawl-delay" || k == "crawldelay") return Key::kCrawlDelay;
  if (k == "sitemap" || k == "site-map") return Key::kSitemap;
  return Key::kOther;
}

// The product token at the start of a User-agent value: "*", or the run of
// letters, "-" and "_" (RFC 9309 §2.2.1), lower-cased.
std::string product_token(std::string_view value) {
  if (!value.empty() && value.front() == '*') return "*";
  size_t n = 0;
  while (n < value.size() && (std::isalpha(static_cast<unsigned char>(value[n])) ||
                              value[n] == '-' || value[n] == '_')) {
    ++n;
  }
  return lower(value.substr(0, n));
}

std::optional<double> parse_delay(std::string_view value) {
  const std::string s(value.substr(0, 32));
  char* end = nullptr;
  const double d = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || !std::isfinite(d) || d < 0) return std::nullopt;
  return d;
}

bool is_unreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string robots_normalise(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (size_t i = 0; i < path.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(path[i]);
    if (c == '%' && i + 2 < path.size() && hex_value(path[i + 1]) >= 0 &&
        hex_value(path[i + 2]) >= 0) {
      const unsigned char decoded =
          static_cast<unsigned char>(hex_value(path[i + 1]) * 16 + hex_value(path[i + 2]));
      if (is_unreserved(decoded)) {
        out += static_cast<char>(decoded);
      } else {
        out += '%';
        out += kHex[decoded >> 4];
        out += kHex[decoded & 15];
      }
      i += 2;
    } else if (c <= 0x20 || c >= 0x7f || c == '%') {
      // A '%' that starts no valid escape is a literal percent sign: %25,
      // so that normalising twice changes nothing.
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool robots_pattern_matches(std::string_view pattern, std::string_view path) {
  const bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // Split on '*': the first piece is a prefix of the path, the others are
  // found in order, each as early as possible (which leaves the most room
  // for the rest), and with '$' the last piece must end the path.
  size_t pos = 0;
  size_t start = 0;
  bool first = true;
  while (true) {
    const size_t star = pattern.find('*', start);
    const bool last = star == std::string_view::npos;
    const std::string_view piece =
        pattern.substr(start, last ? std::string_view::npos : star - start);
    if (first) {
      if (path.substr(0, piece.size()) != piece) return false;
      pos = piece.size();
      first = false;
      if (last) return !anchored || pos == path.size();
    } else if (last && anchored) {
      return path.size() >= pos + piece.size() && path.substr(path.size() - piece.size()) == piece;
    } else {
      const size_t at = path.find(piece, pos);
      if (at == std::string_view::npos) return false;
      pos = at + piece.size();
      if (last) return true;
    }
    start = star + 1;
  }
}

RobotsTxt parse_robots_txt(std::string_view text) {
  RobotsTxt robots;
  text = text.substr(0, kRobotsMaxBytes);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  RobotsGroup* group = nullptr;  // the group being read
  bool group_has_rules = false;  // a User-agent after a rule starts a new group
  while (!text.empty()) {
    const size_t eol = text.find_first_of("\r\n");
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    line = line.substr(0, line.find('#'));
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const Key key = key_of(trim(line.substr(0, colon)));
    const std::string_view value = trim(line.substr(colon + 1));
    switch (key) {
      case Key::kUserAgent:
        if (group == nullptr || group_has_rules) {
          robots.groups.emplace_back();
          group = &robots.groups.back();
          group_has_rules = false;
        }
        group->agents.push_back(product_token(value));
        break;
      case Key::kAllow:
      case Key::kDisallow:
        if (group == nullptr) break;  // rules outside any group are ignored
        group_has_rules = true;
        if (!value.empty()) group->rules.push_back({key == Key::kAllow, robots_normalise(value)});
        break;
      case Key::kCrawlDelay:
        if (group == nullptr) break;
        group_has_rules = true;
        if (auto d = parse_delay(value)) group->crawl_delay = d;
        break;
      case Key::kSitemap:
        if (!value.empty()) robots.sitemaps.emplace_back(value);
        break;
      case Key::kOther:
        break;
    }
  }
  return robots;
}

RobotsPolicy robots_policy(const RobotsTxt& robots, std::string_view product_token_in) {
  const std::string token = lower(product_token_in);
  auto collect = [&](const std::string& wanted) {
    RobotsPolicy policy;
    bool found = false;
    for (const RobotsGroup& g : robots.groups) {
      if (std::find(g.agents.begin(), g.agents.end(), wanted) == g.agents.end()) continue;
      found = true;
      policy.rules.insert(policy.rules.end(), g.rules.begin(), g.rules.end());
      if (g.crawl_delay && (!policy.crawl_delay || *g.crawl_delay > *policy.crawl_delay)) {
        policy.crawl_delay = g.crawl_delay;
      }
    }
    return found ? std::optional<RobotsPolicy>(std::move(policy)) : std::nullopt;
  };
  if (!token.empty() && token != "*") {
    if (auto p = collect(token)) return *p;
  }
  if (auto p = collect("*")) return *p;
  return {};
}

bool RobotsPolicy::allows(std::string_view path) const {
  if (path.empty()) path = "/";
  if (path == "/robots.txt") return true;
  if (disallow_all) return false;
  const std::string normal = robots_normalise(path);
  size_t best_length = 0;
  bool matched = false;
  bool allowed = true;
  for (const RobotsRule& rule : rules) {
    const size_t length = rule.pattern.size();
    const bool better = !matched || length > best_length || (length == best_length && rule.allow);
    if (!better || !robots_pattern_matches(rule.pattern, normal)) continue;
    allowed = rule.allow;
    best_length = length;
    matched = true;
  }
  return allowed;
}

std::string robots_path_of(std::string_view url) {
  struct Deleter {
    void operator()(CURLU* u) const { curl_url_cleanup(u); }
  };
  std::unique_ptr<CURLU, Deleter> u(curl_url());
  const std::string s(url);
  if (!u ||
      curl_url_set(u.get(), CURLUPART_URL, s.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    return "";
  }
  auto part = [&](CURLUPart p) {
    char* out = nullptr;
    if (curl_url_get(u.get(), p, &out, 0) != CURLUE_OK || out == nullptr) return std::string();
    std::string v(out);
    curl_free(out);
    return v;
  };
  std::string path = part(CURLUPART_PATH);
  if (path.empty()) path.push_back('/');
  const std::string query = part(CURLUPART_QUERY);
  if (!query.empty()) path += "?" + query;
  return path;
}

}  // namespace tidings
