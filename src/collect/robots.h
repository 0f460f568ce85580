// robots.txt as RFC 9309 (the Robots Exclusion Protocol) defines it: groups
// of rules per user agent, allow/disallow path patterns with `*` and `$`,
// the longest match deciding and allow winning ties; plus the two
// non-standard lines every crawler honours, Crawl-delay and Sitemap.
// Pure functions on text: fetching and caching robots.txt is fetch.h's job.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tidings {

/// RFC 9309 §2.5: a parser must read at least 500 KiB; what follows is
/// ignored.
inline constexpr size_t kRobotsMaxBytes = 500 * 1024;

struct RobotsRule {
  bool allow = false;
  std::string pattern;  ///< normalised (see robots_normalise), never empty
};

struct RobotsGroup {
  std::vector<std::string> agents;  ///< lower-case product tokens; "*" for any
  std::vector<RobotsRule> rules;
  std::optional<double> crawl_delay;  ///< seconds, >= 0
};

struct RobotsTxt {
  std::vector<RobotsGroup> groups;
  std::vector<std::string> sitemaps;  ///< Sitemap: values in file order, as written
};

/// Parses robots.txt text; never fails. Junk lines, lines without a colon,
/// unknown keys and rules before any User-agent are ignored; directive
/// names are case-insensitive; a UTF-8 BOM, CR, LF and CRLF are accepted;
/// only the first kRobotsMaxBytes are read.
RobotsTxt parse_robots_txt(std::string_view text);

/// The rules that apply to one crawler.
struct RobotsPolicy {
  std::vector<RobotsRule> rules;
  std::optional<double> crawl_delay;
  bool disallow_all = false;  ///< robots.txt unreachable (RFC 9309 §2.3.1.4)

  /// `path` is the path and query of a URL ("/a/b?c=d"); "" means "/".
  /// RFC 9309 §2.2.2: the rule with the longest matching pattern decides,
  /// allow wins a tie, no match means allowed; /robots.txt is always allowed.
  bool allows(std::string_view path) const;
};

/// The groups whose User-agent matches `product_token` case-insensitively
/// (merged when there are several), else the `*` groups, else nothing
/// (everything allowed). RFC 9309 §2.2.1.
RobotsPolicy robots_policy(const RobotsTxt& robots, std::string_view product_token);

/// Percent-encoding made comparable (RFC 9309 §2.2.2): escapes of
/// unreserved characters decoded, other escapes upper-cased, octets
/// outside printable US-ASCII percent-encoded, and a '%' that starts no
/// valid escape written %25. Normalising twice gives the same string.
std::string robots_normalise(std::string_view path);

/// Does a normalised pattern (`*` any run of octets, a final `$` the end)
/// match the start of a normalised path?
bool robots_pattern_matches(std::string_view pattern, std::string_view path);

/// The path and query of an absolute URL as robots rules see it
/// ("/a?b"); "/" when the path is empty, "" when the URL does not parse.
std::string robots_path_of(std::string_view url);

}  // namespace tidings
