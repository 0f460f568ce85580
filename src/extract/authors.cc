// Authors: a page's bylines as written ("By Jane Doe and John Roe, Staff
// Writers") made into a list of names, from JSON-LD, <meta>, rel=author and
// byline elements, in that order of trust.
#include <algorithm>
#include <string>
#include <vector>

#include "core/url.h"
#include "extract/metadata.h"
#include "extract/text_ops.h"
#include "extract/visible_dates.h"

namespace tidings::extract_detail {

namespace {

constexpr size_t kMaxByline = 300;
constexpr size_t kMaxName = 60;
constexpr size_t kMaxAuthors = 10;

// Words that open a byline; matched case-insensitively, longest first.
constexpr std::string_view kLeads[] = {
    "written by ", "posted by ", "reported by ", "reporting by ", "words by ", "story by ",
    "text by ", "by: ", "by ", "von ", "por ", "par ", "auteur: ", "author: ",
    "\xD0\xA2\xD0\xB5\xD0\xBA\xD1\x81\xD1\x82: ",  // "Текст: "
    "\xD0\x90\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80: ",  // "Автор: "
};
// Joining words between two names.
constexpr std::string_view kJoins[] = {" and ", " & ", " und ", " et ", " y ", " AND "};
// A part ending in one of these is a role, not a name ("Staff Writer").
constexpr std::string_view kRoles[] = {
    "staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents",
    "editor", "editors", "columnist", "contributor", "contributors", "producer", "photographer",
    "desk", "team", "newsroom", "staff reports", "admin", "administrator", "guest",
    "editorial", "editorial board", "opinion", "wire", "wires",
};
// News agencies whose names bylines append to a reporter's ("Tom Davies
// Associated Press" when the two are in separate spans).
constexpr std::string_view kAgencies[] = {
    "the associated press", "associated press", "reuters", "agence france-presse", "afp",
    "bloomberg", "dpa", "ap",
};
// Words after which a byline goes on about something else.
constexpr std::string_view kStops[] = {" updated", " published", " posted", " last modified",
                                       " | ", " \xE2\x80\xA2 ", " \xC2\xB7 ", " - ", " \xE2\x80\x94 "};

bool is_role(std::string_view part) {
  const std::string lower = to_lower_ascii(part);
  for (std::string_view r : kRoles) {
    if (lower == r) return true;
    if (lower.size() > r.size() && lower.compare(lower.size() - r.size(), r.size(), r) == 0 &&
        lower[lower.size() - r.size() - 1] == ' ') {
      return true;
    }
  }
  return false;
}

std::string_view strip_lead(std::string_view v) {
  for (bool again = true; again;) {
    again = false;
    v = trim(v);
    for (std::string_view lead : kLeads) {
      if (starts_with_ci(v, lead)) {
        v.remove_prefix(lead.size());
        again = true;
        break;
      }
    }
  }
  return v;
}

// "Tom Davies Associated Press" -> "Tom Davies": a trailing agency's or
// the site's name; the name alone stays.
std::string_view strip_trailing_org(std::string_view part,
                                    const std::vector<std::string_view>& site_names) {
  auto strip = [&](std::string_view org) {
    if (org.empty() || part.size() <= org.size() + 1) return false;
    const size_t at = part.size() - org.size();
    if (part[at - 1] != ' ' || !equals_ci(part.substr(at), org)) return false;
    part = trim(part.substr(0, at));
    return true;
  };
  for (std::string_view a : kAgencies) {
    if (strip(a)) return part;
  }
  for (std::string_view site : site_names) {
    if (strip(trim(site))) return part;
  }
  return part;
}

// "DANICA KIRKA" -> "Danica Kirka"; names with any lower case, and
// initials ("PTI"), stay as written.
std::string unshout(std::string_view name) {
  if (name.size() <= 4 && name.find(' ') == std::string_view::npos) return std::string(name);  // "PTI"
  bool upper = false;
  for (char c : name) {
    if (c >= 'a' && c <= 'z') return std::string(name);
    upper = upper || (c >= 'A' && c <= 'Z');
  }
  std::string out(name);
  if (!upper) return out;
  bool start = true;
  for (char& c : out) {
    if (!start && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    start = c == ' ' || c == '-' || c == '\'';
  }
  return out;
}

// Agencies known by their initials, which are otherwise credentials
// ("Ilana Muhlstein, MS, RDN").
constexpr std::string_view kInitialAgencies[] = {"AP", "AFP", "PTI", "IANS", "ANI", "UPI",
                                                 "DPA", "EFE", "ANSA", "TASS", "IRNA"};

bool is_credential(std::string_view part) {
  if (part.size() > 4 || part.size() < 2 || part.find(' ') != std::string_view::npos) return false;
  for (char c : part) {
    if (!((c >= 'A' && c <= 'Z') || c == '.')) return false;
  }
  for (std::string_view a : kInitialAgencies) {
    if (part == a) return false;
  }
  return true;
}

// "Malcolm Owen Monday" (before "November 18, 2019"): the weekday goes.
std::string_view strip_weekday(std::string_view part) {
  static constexpr std::string_view kDays[] = {" monday", " tuesday", " wednesday", " thursday",
                                               " friday", " saturday", " sunday"};
  for (std::string_view d : kDays) {
    if (part.size() > d.size() && equals_ci(part.substr(part.size() - d.size()), d)) {
      return trim(part.substr(0, part.size() - d.size()));
    }
  }
  return part;
}

// "Analysis by Chris Cillizza": a label of one or two words before "by".
std::string_view strip_label_by(std::string_view part) {
  const size_t at = to_lower_ascii(part).find(" by ");
  if (at == std::string::npos || word_count(part.substr(0, at)) > 2) return part;
  return trim(part.substr(at + 4));
}

// One name, or "" when the part is not one.
std::string clean_name(std::string_view part, const std::vector<std::string_view>& site_names) {
  part = strip_lead(part);
  if (is_credential(trim(part))) return "";
  part = strip_weekday(strip_trailing_org(strip_label_by(part), site_names));
  while (!part.empty() && (part.back() == '.' || part.back() == ':' || part.back() == ',' ||
                           part.back() == '-' || part.back() == ')')) {
    part = trim(part.substr(0, part.size() - 1));
  }
  while (!part.empty() && (part.front() == '(' || part.front() == '@')) part.remove_prefix(1);
  if (part.empty() || part.size() > kMaxName || looks_like_url(part)) return "";
  if (part.find_first_of("@()[]\"<>{}|") != std::string_view::npos) return "";  // e-mail, markup
  for (char c : part) {
    if (c >= '0' && c <= '9') return "";
  }
  if (part[0] >= 'a' && part[0] <= 'z') return "";  // "the staff", "and more"
  if (word_count(part) > 5 || is_role(part)) return "";
  for (std::string_view site : site_names) {
    if (is_site_name(part, site)) return "";
  }
  return unshout(part);
}

void add_name(std::vector<std::string>& names, std::string name) {
  if (name.empty() || names.size() >= kMaxAuthors) return;
  for (const std::string& n : names) {
    if (equals_ci(n, name)) return;
  }
  names.push_back(std::move(name));
}

// Where a byline can be: not hidden, not in navigation, a sidebar, a footer
// or a form (a page's <header> is fine: bylines live there).
bool byline_place(const Dom& dom, int32_t i) {
  for (int32_t a = i; a >= 0; a = dom.nodes[a].parent) {
    const Node& n = dom.nodes[a];
    if (n.flags & kHidden) return false;
    switch (n.tag) {
      case Tag::kNav: case Tag::kAside: case Tag::kFooter: case Tag::kMenu: case Tag::kDialog:
      case Tag::kForm: case Tag::kScript: case Tag::kStyle: case Tag::kNoscript:
      case Tag::kTemplate: case Tag::kSelect: case Tag::kOption: case Tag::kButton:
        return false;
      default: break;
    }
  }
  return true;
}

// An element's text is a byline only when it is short.
std::vector<std::string> names_in_element(const xmlNode* n,
                                          const std::vector<std::string_view>& site_names) {
  const std::string text = inner_text(n, kMaxByline + 1);
  if (text.size() > kMaxByline) return {};
  return split_byline(text, site_names);
}

}  // namespace

bool is_site_name(std::string_view name, std::string_view site_name) {
  std::string n = name_key(name), s = name_key(site_name);
  if (n.size() < 2 || s.size() < 2) return false;
  if (n == s) return true;
  // "The Beachbody Blog" and "Beachbody": an article is no difference.
  if (s.size() > 6 && s.compare(0, 3, "the") == 0) s.erase(0, 3);
  if (n.size() > 6 && n.compare(0, 3, "the") == 0) n.erase(0, 3);
  return n.size() >= 3 && s.size() >= 3 && word_count(name) <= 4 &&
         (n.compare(0, s.size(), s) == 0 || s.compare(0, n.size(), n) == 0);
}

std::vector<std::string> split_byline(std::string_view raw, std::string_view site_name) {
  return split_byline(raw, std::vector<std::string_view>{site_name});
}

std::vector<std::string> split_byline(std::string_view raw,
                                      const std::vector<std::string_view>& site_names) {
  std::string s = collapse_whitespace(raw.substr(0, kMaxByline * 2));
  // A date ends the names ("By Jane Doe, Nov. 1, 2023"); so do the words
  // that start one ("Updated 3 hours ago") and separators.
  if (auto date = find_date_in_text(s)) s.resize(date->start);
  for (std::string_view stop : kStops) {
    const size_t at = to_lower_ascii(s).find(stop);
    if (at != std::string::npos && at > 0) s.resize(at);
  }
  std::string_view v = strip_lead(s);
  std::vector<std::string> names;
  // Split on , ; and the joining words.
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= v.size(); ++i) {
    size_t skip = 0;
    if (i == v.size() || v[i] == ',' || v[i] == ';' || v[i] == '/') {
      skip = 1;
    } else if (v[i] == '.' && i > 0 && v[i - 1] >= 'a' && v[i - 1] <= 'z' && i + 1 < v.size() &&
               v[i + 1] == ' ') {
      skip = 1;  // "Finian Cunningham. Sputnik International"; not "Bruce Y. Lee"
    } else {
      for (std::string_view j : kJoins) {
        if (v.substr(i, j.size()) == j) {
          skip = j.size();
          break;
        }
      }
    }
    if (skip == 0) continue;
    parts.push_back(v.substr(start, i - start));
    start = i + skip;
    i = start - 1;
  }
  for (std::string_view p : parts) add_name(names, clean_name(p, site_names));
  return names;
}

std::string name_from_profile_url(std::string_view url) {
  if (!is_http_url(url)) return "";
  std::string path = url_path(url);
  while (!path.empty() && path.back() == '/') path.pop_back();
  const size_t slash = path.rfind('/');
  const std::string_view dir = slash == std::string::npos ? "" : std::string_view(path).substr(0, slash);
  if (!(dir.ends_with("/author") || dir.ends_with("/authors") || dir.ends_with("/people") ||
        dir.ends_with("/profile") || dir.ends_with("/staff") || dir.ends_with("/by"))) {
    return "";
  }
  const std::string_view slug = std::string_view(path).substr(slash + 1);
  std::string name;
  bool word_start = true;
  for (char c : slug) {
    if (c == '-' || c == '_' || c == '+') {
      name += ' ';
      word_start = true;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      name += word_start ? static_cast<char>(c & ~0x20) : c;
      word_start = false;
    } else {
      return "";  // digits, escapes: an id, not a name
    }
  }
  name = collapse_whitespace(name);
  return word_count(name) >= 2 && word_count(name) <= 4 ? name : "";
}

std::vector<std::string> find_authors(const Dom& dom, const MetaTags& meta, const JsonLd& ld,
                                      std::string_view site_name) {
  const std::vector<std::string_view> sites{site_name, ld.publisher};
  std::vector<std::string> names;
  for (const std::string& a : ld.authors) {
    for (std::string& n : split_byline(a, sites)) add_name(names, std::move(n));
  }
  if (!names.empty()) return names;

  std::string profile;  // an article:author URL, for its slug as a last resort
  for (std::string_view key : {"author", "article:author", "parsely-author", "sailthru.author",
                               "byl", "dc.creator", "dcterms.creator", "og:article:author"}) {
    for (std::string_view value : meta.all(key)) {
      if (looks_like_url(value)) {
        if (profile.empty()) profile = std::string(trim(value));
        continue;
      }
      for (std::string& n : split_byline(value, sites)) add_name(names, std::move(n));
    }
    if (!names.empty()) return names;
  }

  // Elements: itemprop="author" (each one an author), then rel="author"
  // links, then the first byline-named element.
  int32_t last = -1;
  for (size_t i = 0; i < dom.nodes.size(); ++i) {
    const Node& n = dom.nodes[i];
    if (n.tag == Tag::kMeta || n.tag == Tag::kLink || !has_token_ci(attr(n.xml, "itemprop"), "author")) {
      continue;
    }
    if (last >= 0 && static_cast<int32_t>(i) - last > 60) break;  // a list of other stories
    if (last >= 0 && dom.is_ancestor(last, static_cast<int32_t>(i))) continue;
    if (!byline_place(dom, static_cast<int32_t>(i))) continue;
    for (std::string& name : names_in_element(n.xml, sites)) add_name(names, std::move(name));
    last = static_cast<int32_t>(i);
  }
  if (!names.empty()) return names;
  for (int32_t i : dom.anchors) {
    if (!has_token_ci(attr(dom.nodes[i].xml, "rel"), "author") || !byline_place(dom, i)) continue;
    for (std::string& name : names_in_element(dom.nodes[i].xml, sites)) {
      add_name(names, std::move(name));
    }
    if (!names.empty()) break;
    if (profile.empty()) profile = std::string(attr(dom.nodes[i].xml, "href"));
  }
  if (!names.empty()) return names;
  for (size_t i = 0; i < dom.nodes.size(); ++i) {
    const Node& n = dom.nodes[i];
    if (n.cls.empty() && n.id.empty()) continue;
    if (!(contains_ci(n.cls, "byline") || contains_ci(n.id, "byline") ||
          contains_ci(n.cls, "author-name") || contains_ci(n.cls, "article-author") ||
          (contains_ci(n.cls, "author") && n.tag != Tag::kBody && n.tag != Tag::kArticle))) {
      continue;
    }
    if (!byline_place(dom, static_cast<int32_t>(i))) continue;
    for (std::string& name : names_in_element(n.xml, sites)) add_name(names, std::move(name));
    if (!names.empty()) return names;
  }
  if (std::string slug = name_from_profile_url(profile); !slug.empty()) names.push_back(slug);
  return names;
}

}  // namespace tidings::extract_detail
