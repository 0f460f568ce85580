// HTML escaping, safe links, times and paragraphs for the web UI (see html.h).
#include "serve/html.h"

#include <chrono>
#include <cstdio>

#include "core/url.h"
#include "core/utf8.h"

namespace tidings::serve {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Collapses runs of whitespace to one space and trims both ends.
std::string collapse_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char c : s) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t i = 0;
  while (i < text.size()) {
    size_t bad = 1;
    const size_t n = utf8_sequence(text, i, bad);
    if (n == 0) {
      out += kReplacement;
      i += bad;
      continue;
    }
    if (n > 1) {
      out.append(text.substr(i, n));
      i += n;
      continue;
    }
    const char c = text[i++];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\t':
      case '\n':
        out += c;
        break;
      case '\r':
        out += '\n';
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
    }
  }
  return out;
}

std::string external_link(std::string_view url, std::string_view text) {
  const std::string shown = collapse_whitespace(text.empty() ? url : text);
  if (is_http_url(url)) {
    return "<a href=\"" + escape_html(url) + "\" rel=\"noopener noreferrer nofollow\">" +
           escape_html(shown.empty() ? url : shown) + "</a>";
  }
  // Not a link we will render: show what it was, inert. The URL is shown too
  // when the text hides it, so a reader can see why it is not clickable.
  std::string out = "<span class=\"unlinked\">" + escape_html(shown);
  if (!text.empty() && !url.empty()) out += " <code>" + escape_html(url) + "</code>";
  return out + "</span>";
}

std::string format_display_time(Instant t) {
  const std::string s = format_rfc3339(t);  // 2023-11-01T18:40:00Z -> 2023-11-01 18:40 UTC
  return s.substr(0, 10) + " " + s.substr(11, 5) + " UTC";
}

std::string time_element(Instant t) {
  return "<time datetime=\"" + format_rfc3339(t) + "\">" + format_display_time(t) + "</time>";
}

std::string paragraphs_html(std::string_view text) {
  std::string out;
  std::string para;
  const auto flush = [&] {
    const std::string collapsed = collapse_whitespace(para);
    if (!collapsed.empty()) out += "<p>" + escape_html(collapsed) + "</p>\n";
    para.clear();
  };
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(pos, nl - pos);
    if (collapse_whitespace(line).empty()) {
      flush();  // a blank line ends the paragraph
    } else {
      para.append(line);
      para += ' ';
    }
    pos = nl + 1;
  }
  flush();
  return out;
}

std::string excerpt(std::string_view text, size_t max_bytes) {
  std::string flat = collapse_whitespace(text.substr(0, std::min(text.size(), max_bytes * 4)));
  if (flat.size() <= max_bytes) return flat;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) --cut;
  const size_t space = flat.rfind(' ', cut);
  if (space != std::string::npos && space > cut * 2 / 3) cut = space;
  flat.resize(cut);
  while (!flat.empty() && (is_space(flat.back()) || flat.back() == ',')) flat.pop_back();
  return flat + "\xE2\x80\xA6";
}

bool is_language_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > 35 || tag.front() == '-') return false;
  for (char c : tag) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace tidings::serve
