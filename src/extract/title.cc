// Title clean-up: the site's name is not part of an article's title.
#include <string>

#include "extract/metadata.h"
#include "extract/text_ops.h"

namespace tidings::extract_detail {

namespace {

constexpr std::string_view kSeparators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                            " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ",
                                            " \xC2\xBB ", " / "};

// Lower-cased ASCII letters and digits only ("The Guardian" -> "theguardian").
std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    const char l = ascii_lower(c);
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || static_cast<unsigned char>(c) >= 0x80) {
      out += l;
    }
  }
  return out;
}

bool names_site(std::string_view part, std::string_view site) {
  const std::string p = squeeze(part), s = squeeze(site);
  if (p.size() < 2 || s.size() < 2) return false;
  return p == s || (s.size() >= 4 && p.find(s) != std::string::npos) ||
         (p.size() >= 4 && s.find(p) != std::string::npos);
}

struct Split {
  size_t at = std::string_view::npos;
  size_t length = 0;
};

Split find_separator(std::string_view title, bool last) {
  Split best;
  for (std::string_view sep : kSeparators) {
    const size_t at = last ? title.rfind(sep) : title.find(sep);
    if (at == std::string_view::npos) continue;
    if (best.at == std::string_view::npos || (last ? at > best.at : at < best.at)) {
      best = {at, sep.size()};
    }
  }
  return best;
}

}  // namespace

std::string strip_site_from_title(std::string_view raw, std::string_view site_name) {
  const std::string title = collapse_whitespace(raw);
  const std::string_view t = title;
  const Split last = find_separator(t, true);
  if (last.at == std::string_view::npos) return title;
  const std::string_view head = trim(t.substr(0, last.at));
  const std::string_view tail = trim(t.substr(last.at + last.length));
  if (!site_name.empty() && names_site(tail, site_name) && !head.empty()) return std::string(head);
  const Split first = find_separator(t, false);
  const std::string_view lead = trim(t.substr(0, first.at));
  const std::string_view rest = trim(t.substr(first.at + first.length));
  if (!site_name.empty() && names_site(lead, site_name) && !rest.empty()) return std::string(rest);
  // No site name to compare with: a short last part after a long first part
  // is the site ("Long headline of seven words - Daily Planet").
  if (word_count(tail) <= 4 && word_count(head) >= 4 && word_count(head) > word_count(tail)) {
    return std::string(head);
  }
  return title;
}

}  // namespace tidings::extract_detail
