// HTML for the list, article and error pages (see pages.h). Strings from
// pages are escaped by html.h; the only raw HTML here is our own markup.
#include "serve/pages.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>

#include "core/url.h"
#include "serve/html.h"
#include "serve/page_parts.h"
#include "serve/static_assets.h"

namespace tidings::serve {

namespace {

// The chart and map scripts (web/src/), deferred; each loads its libraries
// (named in its data- attributes) only on a page that has a chart or a map.
std::string scripts_html() {
  return "<script defer src=\"" + static_href("charts.js") + "\" data-uplot=\"" +
         static_href("vendor/uPlot.iife.min.js") + "\" data-uplot-css=\"" +
         static_href("vendor/uPlot.min.css") + "\"></script>\n<script defer src=\"" +
         static_href("map.js") + "\" data-d3-array=\"" + static_href("vendor/d3-array.min.js") +
         "\" data-d3-geo=\"" + static_href("vendor/d3-geo.min.js") + "\" data-topojson=\"" +
         static_href("vendor/topojson-client.min.js") + "\" data-world=\"" +
         static_href("vendor/countries-50m.json") + "\" data-world-coarse=\"" +
         static_href("vendor/countries-110m.json") + "\"></script>\n";
}

}  // namespace

std::string layout(std::string_view title, const std::string& main_html) {
  return layout(title, main_html, "");
}

std::string layout(std::string_view title, const std::string& main_html,
                   std::string_view current) {
  return layout(title, main_html, current, FeedLink{});
}

std::string layout(std::string_view title, const std::string& main_html,
                   std::string_view current, const FeedLink& feed) {
  std::string out;
  out.reserve(main_html.size() + 1200);
  out += "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"color-scheme\" content=\"light dark\">\n";
  out += "<meta name=\"referrer\" content=\"no-referrer\">\n";
  out += "<title>" + escape_html(title) + " \xC2\xB7 tidings</title>\n";
  out += "<link rel=\"stylesheet\" href=\"" + static_href("style.css") + "\">\n";
  out += "<link rel=\"icon\" href=\"" + static_href("favicon.svg") + "\" type=\"image/svg+xml\">\n";
  out += scripts_html();
  if (!feed.href.empty()) {
    const std::string t = escape_html(feed.title);
    out += "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"" + t + "\" href=\"" +
           escape_html(feed.href + ".atom" + feed.query) + "\">\n";
    out += "<link rel=\"alternate\" type=\"application/feed+json\" title=\"" + t +
           " (JSON Feed)\" href=\"" + escape_html(feed.href + ".json" + feed.query) + "\">\n";
  }
  out += "</head>\n<body>\n";
  out += "<a class=\"skip\" href=\"#main\">Skip to content</a>\n";
  out += "<header class=\"site\"><div class=\"wrap\"><a class=\"brand\" href=\"/\">tidings</a>";
  out += "<nav aria-label=\"Site\">";
  static constexpr std::pair<std::string_view, std::string_view> kNav[] = {
      {"/search", "Search"}, {"/stories", "Stories"}, {"/sources", "Sources"},
      {"/api/articles", "API"}};
  for (const auto& [href, label] : kNav) {
    out += "<a href=\"" + std::string(href) + "\"" +
           (href == current ? " aria-current=\"page\"" : "") + ">" + std::string(label) + "</a>";
  }
  out += "</nav></div></header>\n";
  out += "<main id=\"main\" class=\"wrap\">\n" + main_html + "</main>\n";
  out +=
      "<footer class=\"site wrap\">tidings \xE2\x80\x94 every article traced to its source"
      " \xC2\xB7 <a href=\"/healthz\">status</a></footer>\n";
  out += "</body>\n</html>\n";
  return out;
}

// "1,234".
std::string with_thousands(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string plural(int64_t n, std::string_view one, std::string_view many) {
  return with_thousands(n) + " " + std::string(n == 1 ? one : many);
}

namespace {

constexpr size_t kExcerptBytes = 240;

std::string title_or_fallback(const StoredArticle& a) {
  if (!a.article.title.empty()) return a.article.title;
  if (!a.article.url.empty()) return a.article.url;
  return "Article " + std::to_string(a.id);
}

// The time readers care about: publication, else when tidings fetched it.
std::string when_html(const StoredArticle& a) {
  if (a.article.published_at) return time_element(*a.article.published_at);
  return "fetched " + time_element(a.fetched_at);
}

std::string list_item(const StoredArticle& a) {
  const std::string href = "/articles/" + std::to_string(a.id);
  std::string out = "<li class=\"item\">\n";
  out += "<a class=\"item-title\" dir=\"auto\" href=\"" + href + "\">" +
         escape_html(title_or_fallback(a)) + "</a>\n";
  out += "<div class=\"meta\">";
  if (!a.outlet.empty()) out += "<span class=\"outlet\">" + escape_html(a.outlet) + "</span> ";
  out += when_html(a);
  if (!a.article.source_links.empty()) {
    out += " <span class=\"badge\">credits " +
           plural(static_cast<int64_t>(a.article.source_links.size()), "source", "sources") +
           "</span>";
  }
  out += "</div>\n";
  const std::string summary = excerpt(a.article.text, kExcerptBytes);
  if (!summary.empty())
    out += "<p class=\"excerpt\" dir=\"auto\">" + escape_html(summary) + "</p>\n";
  return out + "</li>\n";
}

std::string source_box(const std::vector<SourceLink>& links) {
  std::string out = "<aside class=\"source-box\" aria-labelledby=\"source-heading\">\n";
  out += "<h2 id=\"source-heading\">Source</h2>\n";
  if (links.empty()) {
    return out + "<p class=\"muted\">This page credits no source.</p>\n</aside>\n";
  }
  out += "<ul>\n";
  for (const SourceLink& l : links) {
    out += "<li>" + external_link(l.url, l.text);
    const std::string host = url_host(l.url);
    if (!host.empty() && is_http_url(l.url)) {
      out += " <span class=\"host\">" + escape_html(host) + "</span>";
    }
    if (!l.kind.empty()) out += " <span class=\"badge\">" + escape_html(l.kind) + "</span>";
    out += "</li>\n";
  }
  return out + "</ul>\n</aside>\n";
}

void detail_row(std::string& out, std::string_view term, const std::string& value_html) {
  if (value_html.empty()) return;
  out += "<dt>" + std::string(term) + "</dt><dd>" + value_html + "</dd>\n";
}

std::string details(const StoredArticle& s) {
  const Article& a = s.article;
  std::string out = "<dl class=\"details\">\n";
  if (a.published_at) detail_row(out, "Published", time_element(*a.published_at));
  detail_row(out, "Fetched", time_element(s.fetched_at));
  detail_row(out, "Outlet", escape_html(s.outlet));
  if (a.site_name != s.outlet) detail_row(out, "Site name", escape_html(a.site_name));
  detail_row(out, "Byline", escape_html(a.byline));
  detail_row(out, "Language", escape_html(a.language));
  if (!a.canonical_url.empty()) detail_row(out, "Canonical URL", external_link(a.canonical_url));
  if (!a.url.empty() && a.url != a.canonical_url)
    detail_row(out, "Read from", external_link(a.url));
  // A link, not an <img>: loading it would tell the image's host who reads
  // what (and the CSP allows images from this server only).
  if (!a.image.empty()) detail_row(out, "Lead image", external_link(a.image));
  std::string document = "#";  // appended, not "#" + ...: GCC 12 -Wrestrict false positive
  document += std::to_string(s.document_id);
  detail_row(out, "Document", document);
  detail_row(out, "JSON",
             "<a href=\"/api/articles/" + std::to_string(s.id) + "\">/api/articles/" +
                 std::to_string(s.id) + "</a>");
  return out + "</dl>\n";
}

}  // namespace

std::string render_list_page(const ListPage& page) {
  std::string main;
  const bool with_stories = page.first_page && !page.top_stories.empty();
  if (with_stories) {
    main += "<h1 class=\"page-title\">Top stories</h1>\n<p class=\"muted\">The latest stories by "
            "how many outlets cover them</p>\n";
    main += story_items_html(page.top_stories);
    main += "<p class=\"more\"><a href=\"/stories\">All stories \xE2\x86\x92</a></p>\n";
    main += "<h2 class=\"section-title\">Latest articles</h2>\n";
  } else {
    main += "<h1 class=\"page-title\">Latest articles</h1>\n";
  }
  if (page.counts) {
    main += "<p class=\"muted\">" + plural(page.counts->articles, "article", "articles") +
            " from " + plural(page.counts->documents, "document", "documents");
    if (page.counts->failures > 0) {
      main += " \xC2\xB7 " + plural(page.counts->failures, "failure", "failures");
    }
    main += "</p>\n";
  }
  if (page.articles.empty()) {
    main += page.first_page ? "<p class=\"empty\">No articles yet.</p>\n"
                            : "<p class=\"empty\">No older articles.</p>\n";
  } else {
    main += "<ol class=\"items\">\n";
    for (const StoredArticle& a : page.articles) main += list_item(a);
    main += "</ol>\n";
  }
  if (!page.first_page || !page.older_href.empty()) {
    main += "<nav class=\"pager\">";
    if (!page.first_page) main += "<a href=\"/\">\xE2\x86\x90 Newest</a>";
    if (!page.older_href.empty()) {
      main += "<a class=\"older\" rel=\"next\" href=\"" + escape_html(page.older_href) +
              "\">Older \xE2\x86\x92</a>";
    }
    main += "</nav>\n";
  }
  return layout(with_stories       ? "Top stories"
                : page.first_page ? "Latest articles"
                                  : "Older articles",
                main, "", FeedLink{"tidings: latest stories", "/feeds/stories", ""});
}

std::string render_article_page(const StoredArticle& s, const ArticleRelations* relations,
                                const ArticleFacts* facts) {
  const Article& a = s.article;
  std::string main = "<p class=\"crumbs\"><a href=\"/\">\xE2\x86\x90 All articles</a></p>\n";
  main += "<article";
  if (is_language_tag(a.language)) main += " lang=\"" + escape_html(a.language) + "\"";
  main += ">\n<header class=\"article-head\">\n";
  if (!s.outlet.empty()) main += "<p class=\"kicker\">" + escape_html(s.outlet) + "</p>\n";
  main += "<h1 dir=\"auto\">" + escape_html(title_or_fallback(s)) + "</h1>\n";
  main += "<p class=\"meta\">";
  if (!a.byline.empty()) main += "<span class=\"byline\">" + escape_html(a.byline) + "</span> ";
  main += when_html(s) + "</p>\n</header>\n";
  if (relations) main += relations_box_html(*relations);
  main += source_box(a.source_links);
  // Facts computed on another text (stale) would mark the wrong words.
  const bool marks = facts && !facts->stale && !facts->facts.empty();
  const std::string body = marks ? marked_paragraphs_html(a.text, *facts) : paragraphs_html(a.text);
  main += "<div class=\"body\" dir=\"auto\">\n";
  main += body.empty() ? "<p class=\"muted\">No text was extracted from this page.</p>\n" : body;
  main += "</div>\n";
  if (facts) main += article_facts_html(*facts);
  main += details(s);
  main += "</article>\n";
  return layout(title_or_fallback(s), main);
}

namespace {

// The health cell: "ok" (with the window's yield), or each flag with its
// reason; "no pages yet" before the first fetch.
std::string health_cell(const SourceHealth& h) {
  if (h.ok()) {
    if (h.fetched == 0) return "<span class=\"muted\">no pages yet</span>";
    std::string out = "<span class=\"ok\">ok</span>";
    if (h.yield) {
      out += "<br><small>" + std::to_string(static_cast<int>(*h.yield * 100 + 0.5)) +
             "% of " + with_thousands(h.fetched) + " recent pages gave an article</small>";
    }
    return out;
  }
  std::string out = "<ul class=\"flags\">";
  for (const HealthFlag& f : h.flags) {
    out += "<li><strong>" + escape_html(f.code) + "</strong> " + escape_html(f.message) + "</li>";
  }
  return out + "</ul>";
}

// A day's share of the bar chart, drawn on the server: no script needed.
std::string volume_cell(const SourceVolume& v) {
  if (v.per_day.empty()) return "";
  int64_t total = 0, most = 1;
  for (int64_t n : v.per_day) {
    total += n;
    most = std::max(most, n);
  }
  const int days = static_cast<int>(v.per_day.size());
  char avg[32];
  std::snprintf(avg, sizeof avg, "%.1f", static_cast<double>(total) / days);
  std::string out = std::string(v.partial ? "at least " : "") + avg + "/day";
  out += "<svg class=\"volume\" viewBox=\"0 0 " + std::to_string(days * 6) +
         " 20\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"" +
         plural(total, "article", "articles") + " in the last " + std::to_string(days) +
         " days\"><rect class=\"base\" x=\"0\" y=\"19\" width=\"" + std::to_string(days * 6) +
         "\" height=\"1\"/>";
  for (int i = 0; i < days; ++i) {
    const int64_t n = v.per_day[static_cast<size_t>(i)];
    if (n <= 0) continue;
    const int64_t h = std::max<int64_t>(2, n * 19 / most);
    out += "<rect x=\"" + std::to_string(i * 6 + 1) + "\" y=\"" + std::to_string(19 - h) +
           "\" width=\"4\" height=\"" + std::to_string(h) + "\"><title>" +
           plural(n, "article", "articles") + ", " + std::to_string(days - 1 - i) +
           (days - 1 - i == 1 ? " day ago" : " days ago") + "</title></rect>";
  }
  return out + "</svg>";
}

}  // namespace

SourceVolume source_volume(const std::vector<Instant>& times, Instant now, int days,
                           bool reached_limit) {
  SourceVolume v;
  if (days <= 0) return v;
  v.per_day.assign(static_cast<size_t>(days), 0);
  const auto today = std::chrono::floor<std::chrono::days>(now);
  const auto first = today - std::chrono::days(days - 1);
  std::optional<Instant> oldest;
  for (const Instant& t : times) {
    if (!oldest || t < *oldest) oldest = t;
    const auto day = std::chrono::floor<std::chrono::days>(t);
    if (day < first || day > today) continue;
    ++v.per_day[static_cast<size_t>((day - first).count())];
  }
  v.partial = reached_limit && oldest && std::chrono::floor<std::chrono::days>(*oldest) >= first;
  return v;
}

std::string render_sources_page(const std::vector<Source>& sources, int64_t frontier_pending,
                                const std::vector<SourceHealth>& health,
                                const std::vector<SourceVolume>& volumes) {
  const bool with_health = health.size() == sources.size();
  const bool with_volume = volumes.size() == sources.size();
  std::string main = "<h1>Sources</h1>\n<p class=\"counts\">" +
                     plural(static_cast<int64_t>(sources.size()), "source", "sources") + " \xC2\xB7 " +
                     plural(frontier_pending, "URL", "URLs") + " waiting to be fetched</p>\n";
  if (sources.empty()) {
    main += "<p class=\"empty\">No sources yet. Add one with <code>tidings sources add URL</code>.</p>\n";
    return layout("Sources", main, "/sources");
  }
  main += "<div class=\"wide\"><table class=\"sources\">\n<thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Kind</th>"
          "<th scope=\"col\">Last poll</th><th scope=\"col\">Status</th><th scope=\"col\">Items</th>"
          "<th scope=\"col\">Articles</th><th scope=\"col\">Next poll</th>";
  if (with_volume) main += "<th scope=\"col\">Volume</th>";
  if (with_health) main += "<th scope=\"col\">Health</th>";
  main += "</tr></thead>\n<tbody>\n";
  for (size_t i = 0; i < sources.size(); ++i) {
    const Source& s = sources[i];
    const bool failing = !s.last_error.empty();
    const bool flagged = with_health && !health[i].ok();
    std::string classes = std::string(failing ? "failing" : "") +
                          (failing && flagged ? " " : "") + (flagged ? "flagged" : "");
    main += "<tr" + (classes.empty() ? std::string() : " class=\"" + classes + "\"") + "><td>";
    main += external_link(s.url, s.name.empty() ? s.url : s.name);
    if (!s.feed_url.empty()) main += "<br><small>feed: " + external_link(s.feed_url) + "</small>";
    if (failing) main += "<br><small class=\"error\">" + escape_html(s.last_error) + "</small>";
    if (!s.last_warning.empty()) {
      main += "<br><small class=\"warning\">" + escape_html(s.last_warning) + "</small>";
    }
    if (s.frontier_pending > 0 || s.frontier_failed > 0) {
      main += "<br><small>pages: " + with_thousands(s.frontier_pending) + " waiting, " +
              with_thousands(s.frontier_failed) + " failed</small>";
    }
    main += "</td><td>" + escape_html(s.kind) + "</td><td>";
    main += s.last_fetch_at ? time_element(*s.last_fetch_at) : std::string("never");
    main += "</td><td>" + (s.last_status ? std::to_string(s.last_status) : std::string("\xE2\x80\x94"));
    main += "</td><td>" + with_thousands(s.items_found) + "</td><td>" + with_thousands(s.articles);
    main += "</td><td>" + (s.next_poll_at ? time_element(*s.next_poll_at) : std::string("now"));
    if (with_volume) main += "</td><td>" + volume_cell(volumes[i]);
    if (with_health) main += "</td><td>" + health_cell(health[i]);
    main += "</td></tr>\n";
  }
  main += "</tbody>\n</table></div>\n";
  return layout("Sources", main, "/sources");
}

std::string render_error_page(int status, std::string_view title, std::string_view message) {
  std::string main = "<div class=\"error-page\">\n<p class=\"status\">" + std::to_string(status) +
                     "</p>\n<h1>" + escape_html(title) + "</h1>\n<p>" + escape_html(message) +
                     "</p>\n<p><a href=\"/\">\xE2\x86\x90 Latest articles</a></p>\n</div>\n";
  return layout(title, main);
}

}  // namespace tidings::serve
