// Link resolution for the feed parser: RFC 3986 §5.2 (merge, remove dot
// segments) done here for the usual clean http(s) URLs, and libcurl's
// parser (core/url.h resolve_url) for everything else. A feed has a link,
// a guid, enclosures and a few links inside the HTML of every item; through
// curl_url they were 40% of the parse. The result is the same string
// resolve_url gives (feed_urls_test.cc compares the two).
#include <array>
#include <cstdint>

#include "collect/feed_internal.h"
#include "core/url.h"

namespace tidings::feed {
namespace {

// Byte classes, one table lookup per byte: these loops run over every link
// of every item, and a switch per byte was a tenth of the whole parse.
enum : uint8_t {
  kTail = 1,  ///< curl leaves it as it is: RFC 3986 unreserved and reserved, but '[', ']', '#', '%'
  kHost = 2,  ///< a plain lower-case host: a-z 0-9 '-' '.'
  kHex = 4,
};

constexpr std::array<uint8_t, 256> make_classes() {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] |= kTail | kHost;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] |= kTail;
  for (int c = '0'; c <= '9'; ++c) t[c] |= kTail | kHost | kHex;
  for (int c = 'a'; c <= 'f'; ++c) t[c] |= kHex;
  for (int c = 'A'; c <= 'F'; ++c) t[c] |= kHex;
  for (char c : std::string_view("-._~:/?@!$&'()*+,;=")) t[static_cast<uint8_t>(c)] |= kTail;
  t['-'] |= kHost;
  t['.'] |= kHost;
  return t;
}
constexpr std::array<uint8_t, 256> kClasses = make_classes();

inline bool has(char c, uint8_t cls) { return (kClasses[static_cast<uint8_t>(c)] & cls) != 0; }

// Characters curl leaves as they are: RFC 3986's unreserved and reserved
// ones but the brackets, '%' when it starts an escape, one '#'.
bool clean_tail(std::string_view s) {
  bool in_fragment = false;
  const size_t n = s.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = s[i];
    if (has(c, kTail)) continue;
    if (c == '#' && !in_fragment) {
      in_fragment = true;
    } else if (c != '%' || i + 2 >= n || !has(s[i + 1], kHex) || !has(s[i + 2], kHex)) {
      return false;
    }
  }
  return true;
}

// An absolute URL split where RFC 3986 splits it.
struct Parts {
  std::string_view origin;    ///< "https://host"
  std::string_view path;      ///< "" or "/..."
  std::string_view query;     ///< "" or "?..."
  std::string_view fragment;  ///< "" or "#..."
};

// Splits "http(s)://host/path?query#fragment" with a plain lower-case host
// (no user, no port) and clean characters; false for anything else.
bool split_clean(std::string_view url, Parts& out) {
  size_t start;
  if (url.rfind("https://", 0) == 0) start = 8;
  else if (url.rfind("http://", 0) == 0) start = 7;
  else return false;
  size_t end = start;  // the host: up to '/', '?' or '#', and plain
  for (; end < url.size(); ++end) {
    const char c = url[end];
    if (c == '/' || c == '?' || c == '#') break;
    if (!has(c, kHost) || (c == '.' && url[end - 1] == '.')) return false;
  }
  if (end == start || url[start] == '.' || url[end - 1] == '.') return false;
  const std::string_view rest = url.substr(end);
  if (!clean_tail(rest)) return false;
  out.origin = url.substr(0, end);
  const size_t hash = rest.find('#');
  out.fragment = hash == std::string_view::npos ? std::string_view{} : rest.substr(hash);
  const std::string_view before = rest.substr(0, hash);
  const size_t q = before.find('?');
  out.query = q == std::string_view::npos ? std::string_view{} : before.substr(q);
  out.path = before.substr(0, q);
  return true;
}

// RFC 3986 §5.2.4, appended to `out`; an empty path becomes "/".
void append_without_dot_segments(std::string& out, std::string_view path) {
  if (!path.empty() && path[0] == '/' && path.find("/.") == std::string_view::npos) {
    out.append(path);  // no dot segment: as it is (the usual case)
    return;
  }
  const size_t root = out.size();
  while (!path.empty()) {
    if (path.rfind("../", 0) == 0) path.remove_prefix(3);
    else if (path.rfind("./", 0) == 0) path.remove_prefix(2);
    else if (path.rfind("/./", 0) == 0) path.remove_prefix(2);
    else if (path == "/.") path = "/";
    else if (path.rfind("/../", 0) == 0 || path == "/..") {
      path = path.size() == 3 ? std::string_view("/") : path.substr(3);
      const size_t slash = out.rfind('/');
      out.resize(slash == std::string::npos || slash < root ? root : slash);
    } else if (path == "." || path == "..") {
      path = {};
    } else {
      const size_t next = path.find('/', 1);
      const std::string_view segment = path.substr(0, next);
      out.append(segment);
      path.remove_prefix(segment.size());
    }
  }
  if (out.size() == root) out += '/';
}

std::string assemble(std::string_view origin, std::string_view path, std::string_view query,
                     std::string_view fragment) {
  std::string out;
  out.reserve(origin.size() + path.size() + query.size() + fragment.size() + 1);
  out.append(origin);
  append_without_dot_segments(out, path);
  out.append(query);
  out.append(fragment);
  return out;
}

}  // namespace

std::string resolve_link(std::string_view base, std::string_view ref) {
  Parts r;
  if (ref.size() <= 8192 && split_clean(ref, r)) {
    // An absolute URL with a path free of dot segments is its own answer.
    if (!r.path.empty() && r.path.find("/.") == std::string_view::npos) return std::string(ref);
    return assemble(r.origin, r.path, r.query, r.fragment);
  }
  Parts b;
  if (ref.empty() || ref.size() > 8192 || has_scheme(ref) || ref.rfind("//", 0) == 0 || !clean_tail(ref) || !split_clean(base, b)) {
    return resolve_url(base, ref);
  }
  const size_t hash = ref.find('#');
  const std::string_view fragment = hash == std::string_view::npos ? std::string_view{} : ref.substr(hash);
  const std::string_view before = ref.substr(0, hash);
  const size_t q = before.find('?');
  const std::string_view query = q == std::string_view::npos ? std::string_view{} : before.substr(q);
  const std::string_view path = before.substr(0, q);
  // "?q" and "#f": curl keeps the base's fragment and merges "#f" like a
  // path, not as RFC 3986 does; its answer stands, for one behaviour.
  if (path.empty()) return resolve_url(base, ref);
  if (path[0] == '/') return assemble(b.origin, path, query, fragment);
  std::string merged;  // the base's directory ("/" when it has no path), then the reference
  const size_t slash = b.path.rfind('/');
  if (slash == std::string_view::npos) merged.push_back('/');
  else merged.append(b.path.substr(0, slash + 1));
  merged.append(path);
  return assemble(b.origin, merged, query, fragment);
}

}  // namespace tidings::feed
