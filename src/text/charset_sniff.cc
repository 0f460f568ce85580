// Where a page says its charset: byte-order mark, HTTP Content-Type, and the
// <meta> prescan (a simplified WHATWG HTML §13.2.3.2 "prescan a byte stream").
#include <cctype>
#include <cstring>

#include "text/charset_internal.h"

namespace tidings::charset_detail {

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool equals_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// Finds "charset" followed by optional spaces, '=', an optional quote and the
// value (WHATWG "extracting a character encoding from a meta element").
std::string charset_param(std::string_view s) {
  for (size_t pos = 0; pos + 7 <= s.size(); ++pos) {
    if (!equals_ci(s.substr(pos, 7), "charset")) continue;
    size_t i = pos + 7;
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') continue;
    ++i;
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size()) return "";
    if (s[i] == '"' || s[i] == '\'') {
      const char quote = s[i++];
      const size_t end = s.find(quote, i);
      if (end == std::string_view::npos) return "";
      return std::string(s.substr(i, end - i));
    }
    size_t end = i;
    while (end < s.size() && !is_space(s[end]) && s[end] != ';' && s[end] != ',') ++end;
    return std::string(s.substr(i, end - i));
  }
  return "";
}

struct Attribute {
  std::string_view name;
  std::string_view value;
};

// Reads one attribute at `pos` inside a tag; false at '>' or end of input.
bool next_attribute(std::string_view s, size_t& pos, Attribute& out) {
  while (pos < s.size() && (is_space(s[pos]) || s[pos] == '/')) ++pos;
  if (pos >= s.size() || s[pos] == '>') return false;
  const size_t name_start = pos;
  while (pos < s.size() && !is_space(s[pos]) && s[pos] != '=' && s[pos] != '>' &&
         (pos == name_start || s[pos] != '/')) {
    ++pos;
  }
  out.name = s.substr(name_start, pos - name_start);
  out.value = {};
  while (pos < s.size() && is_space(s[pos])) ++pos;
  if (pos >= s.size() || s[pos] != '=') return true;
  ++pos;
  while (pos < s.size() && is_space(s[pos])) ++pos;
  if (pos >= s.size()) return true;
  if (s[pos] == '"' || s[pos] == '\'') {
    const char quote = s[pos++];
    const size_t end = s.find(quote, pos);
    const size_t stop = end == std::string_view::npos ? s.size() : end;
    out.value = s.substr(pos, stop - pos);
    pos = stop == s.size() ? stop : stop + 1;
    return true;
  }
  const size_t value_start = pos;
  while (pos < s.size() && !is_space(s[pos]) && s[pos] != '>') ++pos;
  out.value = s.substr(value_start, pos - value_start);
  return true;
}

// Reads the attributes of a <meta> tag whose name ends before `pos`.
std::string meta_charset(std::string_view s, size_t& pos) {
  bool http_equiv_content_type = false;
  std::string from_charset, from_content;
  Attribute attr;
  while (next_attribute(s, pos, attr)) {
    if (equals_ci(attr.name, "charset")) {
      if (from_charset.empty()) from_charset = std::string(attr.value);
    } else if (equals_ci(attr.name, "http-equiv")) {
      http_equiv_content_type = equals_ci(attr.value, "content-type");
    } else if (equals_ci(attr.name, "content")) {
      if (from_content.empty()) from_content = charset_param(attr.value);
    }
  }
  if (!from_charset.empty()) return from_charset;
  if (http_equiv_content_type) return from_content;
  return "";
}

}  // namespace

BomMatch sniff_bom(std::string_view b) {
  static constexpr Encoding kUtf8{"UTF-8", "UTF-8"};
  static constexpr Encoding kUtf16Le{"UTF-16LE", "UTF-16LE"};
  static constexpr Encoding kUtf16Be{"UTF-16BE", "UTF-16BE"};
  if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") return {&kUtf8, 3};
  if (b.size() >= 2 && b.substr(0, 2) == "\xFE\xFF") return {&kUtf16Be, 2};
  if (b.size() >= 2 && b.substr(0, 2) == "\xFF\xFE") return {&kUtf16Le, 2};
  return {};
}

std::string charset_from_content_type(std::string_view content_type) {
  const size_t semicolon = content_type.find(';');
  if (semicolon == std::string_view::npos) return "";
  return charset_param(content_type.substr(semicolon + 1));
}

std::string charset_from_meta(std::string_view bytes) {
  const std::string_view s = bytes.substr(0, kMetaPrescanBytes);
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t lt = s.find('<', pos);
    if (lt == std::string_view::npos) break;
    pos = lt + 1;
    if (s.substr(lt, 4) == "<!--") {
      const size_t end = s.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      pos = end + 3;
      continue;
    }
    if (pos + 4 <= s.size() && equals_ci(s.substr(pos, 4), "meta") &&
        pos + 4 < s.size() && (is_space(s[pos + 4]) || s[pos + 4] == '/')) {
      pos += 4;
      std::string found = meta_charset(s, pos);
      if (!found.empty()) return found;
      continue;
    }
    if (pos < s.size() && (std::isalpha(static_cast<unsigned char>(s[pos])) || s[pos] == '/')) {
      // Another tag: skip its attributes so that a quoted '>' or "<meta" in
      // a value does not fool the scan.
      while (pos < s.size() && !is_space(s[pos]) && s[pos] != '>') ++pos;
      Attribute attr;
      while (next_attribute(s, pos, attr)) {
      }
      continue;
    }
    // "<!", "</" without letter, "<?": skip to the next '>'.
    const size_t gt = s.find('>', pos);
    if (gt == std::string_view::npos) break;
    pos = gt + 1;
  }
  return "";
}

}  // namespace tidings::charset_detail
