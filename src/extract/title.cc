// Title clean-up: the site's name is not part of an article's title.
#include <string>

#include "extract/metadata.h"
#include "extract/text_ops.h"

namespace tidings::extract_detail {

namespace {

constexpr std::string_view kSeparators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                            " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ",
                                            " \xC2\xBB ", " / "};

}  // namespace

std::string name_key(std::string_view s) {
  std::string out;
  for (char c : s) {
    const char l = ascii_lower(c);
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || static_cast<unsigned char>(c) >= 0x80) {
      out += l;
    }
  }
  return out;
}

namespace {

std::string squeeze(std::string_view s) { return name_key(s); }

// A part of a title names the site when it is the site's name, or a few
// words around it ("Opinion | The Guardian"), never a headline that
// happens to contain it ("The Guardian view on Hong Kong").
bool names_site(std::string_view part, std::string_view site) {
  const std::string p = squeeze(part), s = squeeze(site);
  if (p.size() < 2 || s.size() < 2) return false;
  return p == s ||
         (s.size() >= 4 && p.find(s) != std::string::npos &&
          word_count(part) <= word_count(site) + 2) ||
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

bool title_has_part(std::string_view title, std::string_view part) {
  title = trim(title);
  part = trim(part);
  if (part.empty() || part.size() > title.size()) return false;
  if (equals_ci(title, part)) return true;
  for (std::string_view sep : kSeparators) {
    const std::string head = std::string(part) + std::string(sep);
    const std::string tail = std::string(sep) + std::string(part);
    if (starts_with_ci(title, head)) return true;
    // "Opinion | Headline": a short label before; a long one is a headline
    // and `part` the site's name after it.
    if (title.size() >= tail.size() && equals_ci(title.substr(title.size() - tail.size()), tail) &&
        word_count(title.substr(0, title.size() - tail.size())) <= 3) {
      return true;
    }
  }
  return false;
}

std::string site_from_title(std::string_view title, std::string_view headline) {
  title = trim(title);
  headline = trim(headline);
  if (headline.empty() || title.size() <= headline.size()) return "";
  const Split last = find_separator(title, true);
  if (last.at == std::string_view::npos) return "";
  const std::string_view head = title.substr(0, last.at);
  const std::string_view tail = trim(title.substr(last.at + last.length));
  if (!contains_ci(head, to_lower_ascii(headline)) || tail.empty() || word_count(tail) > 5) {
    return "";
  }
  return std::string(tail);
}

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
