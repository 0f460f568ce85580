// HTML for stories (see pages.h): the story list, a story's page with its
// coverage chart and its articles (copies folded under their original in a
// <details>), and the blocks the home and article pages embed. Pure
// functions; every value from a page goes through html.h.
#include <algorithm>
#include <cmath>

#include "core/url.h"
#include "serve/html.h"
#include "serve/page_parts.h"
#include "serve/pages.h"

namespace tidings::serve {

namespace {

constexpr int kBarStep = 10;  // SVG units per coverage step
constexpr int kBarWidth = 8;
constexpr int kChartHeight = 100;

std::string headline_or_fallback(const Story& s) {
  if (!s.headline.empty()) return s.headline;
  return "Story " + std::to_string(s.id);
}

std::string title_or_url(const ArticleRef& r) {
  if (!r.title.empty()) return r.title;
  if (!r.url.empty()) return r.url;
  return "Article " + std::to_string(r.id);
}

std::string outlet_name(const ArticleRef& r) {
  return r.outlet.empty() ? std::string("an unnamed outlet") : r.outlet;
}

std::string article_href(int64_t id) { return "/articles/" + std::to_string(id); }

// "97% similar"; "" when unknown.
std::string similarity_text(const std::optional<double>& s) {
  if (!s || !std::isfinite(*s)) return "";
  const int percent = static_cast<int>(std::lround(std::clamp(*s, 0.0, 1.0) * 100));
  return std::to_string(percent) + "% similar";
}

// Its publication time, else when tidings fetched it (said so).
std::string when_html(const ArticleRef& r) {
  if (r.published_at) return time_element(*r.published_at);
  return "fetched " + time_element(r.sort_time);
}

std::string first_report_html(const ArticleRef& r) {
  return "First reported by <a class=\"first-outlet\" href=\"" + article_href(r.id) + "\">" +
         escape_html(outlet_name(r)) + "</a> at " + time_element(r.sort_time);
}

std::string span_html(const Story& s) {
  if (!s.first_published_at || !s.last_published_at) return "";
  if (*s.first_published_at == *s.last_published_at) return time_element(*s.first_published_at);
  return time_element(*s.first_published_at) + " \xE2\x80\x93 " +
         time_element(*s.last_published_at);
}

std::string counts_html(const Story& s) {
  return "<span class=\"badge strong\">" + plural(s.outlet_count, "outlet", "outlets") +
         "</span> <span class=\"badge\">" + plural(s.article_count, "article", "articles") +
         "</span>";
}

// One copy under its original: outlet, time, similarity, links.
std::string copy_item(const ArticleRef& c) {
  std::string out =
      "<li><span class=\"outlet\">" + escape_html(outlet_name(c)) + "</span> " + when_html(c);
  const std::string similar = similarity_text(c.similarity);
  if (!similar.empty()) out += " <span class=\"badge\">" + similar + "</span>";
  out += "<br><a dir=\"auto\" href=\"" + article_href(c.id) + "\">" + escape_html(title_or_url(c)) +
         "</a>";
  if (!c.url.empty()) out += " <span class=\"host\">" + external_link(c.url, "source") + "</span>";
  return out + "</li>\n";
}

std::string copies_details(const std::vector<ArticleRef>& copies, bool open) {
  if (copies.empty()) return "";
  std::string out = std::string("<details class=\"copies\"") + (open ? " open" : "") +
                    "><summary>" + plural(static_cast<int64_t>(copies.size()), "copy", "copies") +
                    "</summary>\n<ul>\n";
  for (const ArticleRef& c : copies) out += copy_item(c);
  return out + "</ul>\n</details>\n";
}

std::string story_entry(const StoryEntry& e) {
  const ArticleRef& a = e.article;
  std::string out = "<li class=\"item\">\n<div class=\"meta\"><span class=\"outlet\">" +
                    escape_html(outlet_name(a)) + "</span> " + when_html(a) + "</div>\n";
  out += "<a class=\"item-title\" dir=\"auto\" href=\"" + article_href(a.id) + "\">" +
         escape_html(title_or_url(a)) + "</a>\n";
  if (!a.url.empty())
    out += "<div class=\"meta\">" + external_link(a.url, "Read at the source") + "</div>\n";
  out += copies_details(e.copies, false);
  return out + "</li>\n";
}

std::string sort_switch(const std::string& sort) {
  const auto tab = [&](std::string_view value, std::string_view label) {
    const std::string href = value == "latest" ? "/stories" : "/stories?sort=coverage";
    if (sort == value) return "<strong aria-current=\"page\">" + std::string(label) + "</strong>";
    return "<a href=\"" + href + "\">" + std::string(label) + "</a>";
  };
  return "<p class=\"tabs\">" + tab("latest", "Latest") + " " + tab("coverage", "Most covered") +
         "</p>\n";
}

}  // namespace

std::string story_items_html(const std::vector<Story>& stories) {
  std::string out = "<ol class=\"items stories\">\n";
  for (const Story& s : stories) {
    out += "<li class=\"item\">\n<a class=\"item-title\" dir=\"auto\" href=\"/stories/" +
           std::to_string(s.id) + "\">" + escape_html(headline_or_fallback(s)) + "</a>\n";
    out += "<div class=\"meta\">" + counts_html(s);
    const std::string span = span_html(s);
    if (!span.empty()) out += " " + span;
    out += "</div>\n";
    if (s.first_reported_by) {
      out += "<div class=\"meta\">" + first_report_html(*s.first_reported_by) + "</div>\n";
    }
    out += "</li>\n";
  }
  return out + "</ol>\n";
}

std::string relations_box_html(const ArticleRelations& r) {
  if (!r.copy_of && r.copies.empty() && !r.story_id) return "";
  std::string out = "<aside class=\"relations\" aria-label=\"Copies and story\">\n";
  if (r.copy_of) {
    out += "<p><strong>Copy of</strong> <a dir=\"auto\" href=\"" + article_href(r.copy_of->id) +
           "\">" + escape_html(title_or_url(*r.copy_of)) + "</a> <span class=\"outlet-name\">(" +
           escape_html(outlet_name(*r.copy_of));
    const std::string similar = similarity_text(r.similarity);
    if (!similar.empty()) out += ", " + similar;
    out += ")</span></p>\n";
  }
  out += copies_details(r.copies, false);
  if (r.story_id) {
    const std::string headline =
        r.story_headline.empty() ? "Story " + std::to_string(*r.story_id) : r.story_headline;
    out += "<p><strong>Story</strong> <a dir=\"auto\" href=\"/stories/" +
           std::to_string(*r.story_id) + "\">" + escape_html(headline) + "</a></p>\n";
  }
  if (r.first_reported_by) out += "<p>" + first_report_html(*r.first_reported_by) + "</p>\n";
  return out + "</aside>\n";
}

std::string coverage_chart_html(const Coverage& c, std::string_view data_src) {
  if (c.buckets.empty()) return "";
  int64_t most = 1;
  for (const CoverageBucket& b : c.buckets) most = std::max(most, b.articles);
  const bool daily = c.bucket_seconds >= 86400;
  const int width = static_cast<int>(c.buckets.size()) * kBarStep;
  std::string out = "<figure class=\"coverage\">\n";
  // charts.js draws the chart from data_src in place of this SVG.
  if (!data_src.empty()) {
    out += "<div class=\"chart\" data-chart-kind=\"coverage\" data-chart-src=\"" +
           escape_html(data_src) + "\">\n";
  }
  out += "<svg class=\"chart\" viewBox=\"0 0 " +
                    std::to_string(width) + " " + std::to_string(kChartHeight) +
                    "\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Articles and "
                    "outlets per " +
                    (daily ? "day" : "hour") + "\">\n";
  // Outlets are drawn as a narrower bar inside the articles' one, so both
  // stay visible where every article came from a different outlet.
  const auto bar = [&](const char* cls, int x, int w, int64_t n) {
    if (n <= 0) return std::string();
    const int h = std::max(2, static_cast<int>(n * kChartHeight / most));
    return "<rect class=\"" + std::string(cls) + "\" x=\"" + std::to_string(x) + "\" y=\"" +
           std::to_string(kChartHeight - h) + "\" width=\"" + std::to_string(w) + "\" height=\"" +
           std::to_string(h) + "\"/>";
  };
  for (size_t i = 0; i < c.buckets.size(); ++i) {
    const CoverageBucket& b = c.buckets[i];
    const int x = static_cast<int>(i) * kBarStep + (kBarStep - kBarWidth) / 2;
    out += "<g><title>" + format_display_time(b.start) + ": " +
           plural(b.articles, "article", "articles") + ", " +
           plural(b.outlets, "outlet", "outlets") + "</title>" +
           bar("articles", x, kBarWidth, b.articles) +
           bar("outlets", x + kBarWidth / 4, kBarWidth / 2, b.outlets) + "</g>\n";
  }
  out += "</svg>\n";
  if (!data_src.empty()) out += "</div>\n";
  out += "<figcaption><span class=\"axis\">" + time_element(c.buckets.front().start) +
         "<span>" + (daily ? "per day" : "per hour") + "</span>" +
         time_element(c.buckets.back().start) + "</span>";
  out +=
      "<span class=\"legend\"><span class=\"key articles\"></span>articles "
      "<span class=\"key outlets\"></span>outlets</span></figcaption>\n</figure>\n";
  return out;
}

std::string render_story_list_page(const StoryListPage& page) {
  std::string main = "<h1 class=\"page-title\">Stories</h1>\n" + sort_switch(page.sort);
  if (page.stories.empty()) {
    main += page.first_page ? "<p class=\"empty\">No stories yet.</p>\n"
                            : "<p class=\"empty\">No more stories.</p>\n";
  } else {
    main += story_items_html(page.stories);
  }
  if (!page.first_page || !page.older_href.empty()) {
    main += "<nav class=\"pager\">";
    if (!page.first_page) {
      main += std::string("<a href=\"") +
              (page.sort == "coverage" ? "/stories?sort=coverage" : "/stories") +
              "\">\xE2\x86\x90 First</a>";
    }
    if (!page.older_href.empty()) {
      main += "<a class=\"older\" rel=\"next\" href=\"" + escape_html(page.older_href) +
              "\">More \xE2\x86\x92</a>";
    }
    main += "</nav>\n";
  }
  return layout("Stories", main, "/stories",
                FeedLink{"tidings: latest stories", "/feeds/stories", ""});
}

std::string render_story_page(const StoryDetail& d, const StoryFactsView* facts) {
  const Story& s = d.story;
  std::string main = "<p class=\"crumbs\"><a href=\"/stories\">\xE2\x86\x90 All stories</a></p>\n";
  main += "<header class=\"article-head\">\n<p class=\"kicker\">Story</p>\n<h1 dir=\"auto\">" +
          escape_html(headline_or_fallback(s)) + "</h1>\n";
  main += "<p class=\"meta\">" + counts_html(s) + " " + span_html(s) + "</p>\n";
  if (s.first_reported_by) {
    main += "<p class=\"first-report\">" + first_report_html(*s.first_reported_by) + "</p>\n";
  }
  main +=
      "</header>\n<section aria-labelledby=\"coverage-heading\">\n"
      "<h2 id=\"coverage-heading\" class=\"section-title\">Coverage over time</h2>\n" +
      coverage_chart_html(story_coverage(d.articles), "/api/stories/" + std::to_string(s.id)) +
      "</section>\n";
  const std::vector<StoryEntry> entries = fold_copies(d.articles);
  main +=
      "<section aria-labelledby=\"articles-heading\">\n<h2 id=\"articles-heading\" "
      "class=\"section-title\">Articles</h2>\n<ol class=\"items story-articles\">\n";
  for (const StoryEntry& e : entries) main += story_entry(e);
  main += "</ol>\n</section>\n";
  if (facts) main += story_facts_html(facts->facts, facts->disagreements);
  main += "<p class=\"muted\"><a href=\"/api/stories/" + std::to_string(s.id) + "\">JSON</a></p>\n";
  return layout(headline_or_fallback(s), main, "",
                FeedLink{"tidings story: " + std::string(headline_or_fallback(s)),
                         "/feeds/stories/" + std::to_string(s.id), ""});
}

}  // namespace tidings::serve
