// HTML for facts (see page_parts.h): the article page's list of its facts,
// and the story page's people, places, quotes and figures counted per
// claim, with the figures its sources disagree on marked. Pure functions;
// every value from a page or the facts stage goes through html.h.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "serve/html.h"
#include "serve/page_parts.h"

namespace tidings::serve {

namespace {

std::string article_href(int64_t id) { return "/articles/" + std::to_string(id); }

std::string outlet_name(const std::string& outlet) {
  return outlet.empty() ? std::string("an unnamed outlet") : outlet;
}

// "at_least" -> "at least"; "" and "exact" say nothing.
std::string qualifier_text(const std::string& q) {
  if (q.empty() || q == "exact") return "";
  std::string out = q;
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

// "killed/people" -> "killed · people".
std::string measure_text(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '/') {
      out += " \xC2\xB7 ";
    } else {
      out += c == '_' ? ' ' : c;
    }
  }
  return out;
}

// The claimed quantity with its qualifier: "at least 8,796". Escaped.
std::string amount_html(const std::optional<double>& value, const std::string& qualifier) {
  std::string out;
  const std::string q = qualifier_text(qualifier);
  if (!q.empty()) out += escape_html(q) + " ";
  if (value) out += "<strong>" + escape_html(quantity_text(*value)) + "</strong>";
  return out;
}

// " in Gaza Strip": where a figure was counted (its detail), or nothing.
// Escaped.
std::string place_html(const std::string& place) { return place.empty() ? "" : " in " + escape_html(place); }

std::string tally_counts(const FactTally& t) {
  return plural(t.reports, "report", "reports") + ", " + plural(t.outlets, "outlet", "outlets") +
         ", " + plural(t.articles, "article", "articles");
}

std::string more_html(size_t shown, int64_t total) {
  if (total <= static_cast<int64_t>(shown)) return "";
  return "<p class=\"muted\">" + with_thousands(total - static_cast<int64_t>(shown)) +
         " more not shown.</p>\n";
}

// The box map.js draws the places in (from `map_src`, the story's facts
// JSON), when any place has coordinates; its text stands until then.
std::string map_html(const std::vector<FactTally>& places, const std::string& map_src) {
  const auto located = std::count_if(places.begin(), places.end(),
                                     [](const FactTally& t) { return t.lat && t.lon; });
  if (located == 0 || map_src.empty()) return "";
  return "<div class=\"map\" data-map-src=\"" + escape_html(map_src) + "\"><p class=\"chart-message\">" +
         plural(located, "place", "places") + " to map</p></div>\n";
}

std::string tallies_section(std::string_view id, std::string_view title,
                            const std::vector<FactTally>& items, int64_t total, bool places,
                            const std::string& map_src = "") {
  if (items.empty()) return "";
  std::string out = "<section aria-labelledby=\"" + std::string(id) + "\">\n<h2 id=\"" +
                    std::string(id) + "\" class=\"section-title\">" + std::string(title) +
                    "</h2>\n";
  if (places) out += map_html(items, map_src);
  out += "<ul class=\"fact-tallies\">\n";
  for (const FactTally& t : items) {
    out += "<li><span class=\"fact-label\" dir=\"auto\">" +
           escape_html(t.label.empty() ? t.key : t.label) + "</span>";
    if (!t.detail.empty()) out += " <span class=\"muted\">" + escape_html(t.detail) + "</span>";
    if (places && t.lat && t.lon) {
      char coords[64];
      std::snprintf(coords, sizeof coords, "%.3f, %.3f", *t.lat, *t.lon);
      out += " <span class=\"badge\">" + std::string(coords) + "</span>";
    }
    out += "<br><small class=\"muted\">" + tally_counts(t) + "; first in <a href=\"" +
           article_href(t.first_article_id) + "\">article " + std::to_string(t.first_article_id) +
           "</a> " + time_element(t.first_seen) + "</small></li>\n";
  }
  return out + "</ul>\n" + more_html(items.size(), total) + "</section>\n";
}

std::string carried_by(const FactClaim& c) {
  if (c.carrier_count <= 1) return "";
  std::set<std::string> outlets;
  for (const ArticleRef& a : c.carriers) outlets.insert(a.outlet);
  return " <span class=\"badge\" title=\"one claim: the original and its copies\">carried by " +
         plural(c.carrier_count, "article", "articles") + " in " +
         plural(static_cast<int64_t>(outlets.size()), "outlet", "outlets") + "</span>";
}

std::string claim_source(const FactClaim& c) {
  return "<a class=\"outlet-link\" href=\"" + article_href(c.article.id) + "\">" +
         escape_html(outlet_name(c.article.outlet)) + "</a> " + time_element(c.time);
}

std::string quotes_section(const StoryFacts& s) {
  if (s.quotes.empty()) return "";
  std::string out =
      "<section aria-labelledby=\"quotes-heading\">\n<h2 id=\"quotes-heading\" "
      "class=\"section-title\">Quotes</h2>\n<ul class=\"fact-quotes\">\n";
  for (const FactClaim& q : s.quotes) {
    out += "<li><blockquote dir=\"auto\">" + escape_html(q.label) + "</blockquote>\n<small>";
    out += q.attribution.empty() && q.key.empty()
               ? std::string("<span class=\"muted\">speaker unknown</span>")
               : "<strong>" + escape_html(q.attribution.empty() ? q.key : q.attribution) +
                     "</strong>";
    out += " \xC2\xB7 " + claim_source(q) + carried_by(q) + "</small></li>\n";
  }
  return out + "</ul>\n" + more_html(s.quotes.size(), s.quotes_total) + "</section>\n";
}

// Whether a claim's value is one of those its measure's sources dispute.
bool disputed(const FactClaim& c, const FigureDisagreement* d) {
  if (!d || !c.value) return false;
  return std::any_of(d->values.begin(), d->values.end(), [&](const DisputedValue& v) {
    return v.value == *c.value && v.qualifier == c.qualifier && v.place == c.detail;
  });
}

std::string disagreements_box(const std::vector<FigureDisagreement>& disagreements) {
  if (disagreements.empty()) return "";
  std::string out =
      "<aside class=\"disagreements\" aria-label=\"Where sources disagree\">\n"
      "<h3>Where sources disagree</h3>\n<ul>\n";
  for (const FigureDisagreement& d : disagreements) {
    out += "<li><strong>" + escape_html(measure_text(d.key)) + "</strong>: ";
    for (size_t i = 0; i < d.values.size(); ++i) {
      const DisputedValue& v = d.values[i];
      if (i > 0) out += "; ";
      out += amount_html(v.value, v.qualifier) + place_html(v.place) + " (";
      for (size_t k = 0; k < v.outlets.size() && k < 5; ++k) {
        if (k > 0) out += ", ";
        out += escape_html(outlet_name(v.outlets[k]));
      }
      if (v.outlets.size() > 5) out += ", +" + std::to_string(v.outlets.size() - 5);
      out += ", from " + time_element(v.first_at) + ")";
    }
    out += "</li>\n";
  }
  return out + "</ul>\n</aside>\n";
}

std::string figures_section(const StoryFacts& s,
                            const std::vector<FigureDisagreement>& disagreements) {
  if (s.figures.empty()) return "";
  std::string out =
      "<section aria-labelledby=\"figures-heading\">\n<h2 id=\"figures-heading\" "
      "class=\"section-title\">Figures</h2>\n<p class=\"muted\">Counted per claim: an original "
      "and its copies are one claim.</p>\n" +
      disagreements_box(disagreements);
  for (const FigureMeasure& m : s.figures) {
    const auto d = std::find_if(disagreements.begin(), disagreements.end(),
                                [&](const FigureDisagreement& x) { return x.key == m.key; });
    const FigureDisagreement* dispute = d == disagreements.end() ? nullptr : &*d;
    out += "<h3 class=\"measure\">" + escape_html(measure_text(m.key)) + " <span class=\"badge\">" +
           plural(m.claim_count, "claim", "claims") + "</span>";
    if (dispute) out += " <span class=\"badge strong\">disputed</span>";
    out += "</h3>\n<table class=\"sources facts\">\n<thead><tr><th scope=\"col\">Figure</th>"
           "<th scope=\"col\">Attribution</th><th scope=\"col\">Reported by</th></tr></thead>\n"
           "<tbody>\n";
    for (const FactClaim& c : m.claims) {
      const bool contested = disputed(c, dispute);
      out += contested ? "<tr class=\"disputed\"><td>" : "<tr><td>";
      out += amount_html(c.value, c.qualifier) + place_html(c.detail);
      if (contested) out += " <span class=\"badge strong\">disputed</span>";
      if (!c.part_of_key.empty()) {
        out += "<br><small class=\"muted\">of " +
               amount_html(c.part_of_value, "") + " " + escape_html(measure_text(c.part_of_key)) +
               "</small>";
      }
      out += "</td><td>" + escape_html(c.attribution);
      if (c.as_of) out += "<br><small class=\"muted\">as of " + time_element(*c.as_of) + "</small>";
      out += "</td><td>" + claim_source(c) + carried_by(c) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
    if (m.claim_count > static_cast<int64_t>(m.claims.size())) {
      out += more_html(m.claims.size(), m.claim_count);
    }
  }
  return out + more_html(s.figures.size(), s.measures_total) + "</section>\n";
}

std::string fact_line(const FactRecord& f) {
  std::string out = "<li>";
  if (f.kind == "figure") {
    out += amount_html(f.value, f.qualifier) + " " + escape_html(measure_text(f.key)) + place_html(f.detail);
    if (!f.attribution.empty()) out += " \xC2\xB7 " + escape_html(f.attribution);
    if (f.as_of) out += " \xC2\xB7 as of " + time_element(*f.as_of);
  } else if (f.kind == "quote") {
    out += "<q dir=\"auto\">" + escape_html(f.label) + "</q>";
    if (!f.attribution.empty() || !f.key.empty()) {
      out += " \xE2\x80\x94 " + escape_html(f.attribution.empty() ? f.key : f.attribution);
    }
  } else {
    out += "<span class=\"fact-label\" dir=\"auto\">" +
           escape_html(f.label.empty() ? f.key : f.label) + "</span>";
    if (!f.detail.empty()) out += " <span class=\"muted\">" + escape_html(f.detail) + "</span>";
    if (f.kind == "date" && !f.key.empty()) {
      out += " <span class=\"badge\">" + escape_html(f.key) + "</span>";
    }
  }
  return out + "</li>\n";
}

}  // namespace

std::string quantity_text(double value) {
  if (!std::isfinite(value)) return "?";
  if (std::trunc(value) == value && std::abs(value) < 9e15) {
    return with_thousands(static_cast<int64_t>(value));
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  return buf;
}

std::string article_facts_html(const ArticleFacts& a) {
  if (a.facts.empty()) return "";
  static constexpr std::pair<std::string_view, std::string_view> kGroups[] = {
      {"person", "People"}, {"entity", "Organisations and other names"},
      {"place", "Places"},  {"date", "Dates"},
      {"quote", "Quotes"},  {"figure", "Figures"}};
  std::string out = "<section class=\"article-facts\" aria-labelledby=\"facts-heading\">\n"
                    "<h2 id=\"facts-heading\" class=\"section-title\">Facts</h2>\n";
  if (a.stale) {
    out += "<p class=\"muted\">The text changed since these facts were found; they are "
           "recomputed on the next facts run.</p>\n";
  }
  for (const auto& [kind, title] : kGroups) {
    std::string items;
    for (const FactRecord& f : a.facts) {
      if (f.kind == kind) items += fact_line(f);
    }
    if (items.empty()) continue;
    out += "<h3>" + std::string(title) + "</h3>\n<ul class=\"fact-list\">\n" + items + "</ul>\n";
  }
  out += "<p class=\"muted\"><a href=\"/api/articles/" + std::to_string(a.article_id) +
         "/facts\">Facts as JSON</a></p>\n";
  return out + "</section>\n";
}

std::string story_facts_html(const StoryFacts& s,
                             const std::vector<FigureDisagreement>& disagreements) {
  std::string out = figures_section(s, disagreements);
  out += tallies_section("people-heading", "People", s.people, s.people_total, false);
  out += tallies_section("places-heading", "Places", s.places, s.places_total, true,
                         "/api/stories/" + std::to_string(s.story_id) + "/facts");
  out += quotes_section(s);
  out += tallies_section("entities-heading", "Organisations and other names", s.entities,
                         s.entities_total, false);
  if (out.empty()) return "";
  if (s.truncated) {
    out += "<p class=\"muted\">This story has more facts than are read for one page.</p>\n";
  }
  return out + "<p class=\"muted\"><a href=\"/api/stories/" + std::to_string(s.story_id) +
         "/facts\">Facts as JSON</a> \xC2\xB7 <a href=\"/api/stories/" +
         std::to_string(s.story_id) + "/disagreements\">Disagreements as JSON</a></p>\n";
}

}  // namespace tidings::serve
