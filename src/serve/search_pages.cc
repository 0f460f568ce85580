// GET /search: the search form, the hits with their snippets marked, pages,
// and the attention chart of the query (and each `compare` query) with a
// table of the same counts for readers without JavaScript. Every value is
// escaped (html.h); only the <mark> elements are ours.
#include "search/query.h"
#include "serve/handlers.h"
#include "serve/html.h"
#include "serve/page_parts.h"

namespace tidings::serve {

namespace {

constexpr size_t kMaxTableRows = 60;

std::string attr(std::string_view s) { return escape_html(s); }

std::string date_value(const std::optional<Instant>& t, bool end) {
  if (!t) return "";
  // The form shows dates; an inclusive `to` date is the day before its end.
  Instant shown = end ? *t - std::chrono::seconds(1) : *t;
  return format_rfc3339(shown).substr(0, 10);
}

std::string input(std::string_view label, std::string_view name, std::string_view value,
                  std::string_view type = "text") {
  return "<label>" + escape_html(label) + " <input type=\"" + std::string(type) + "\" name=\"" +
         std::string(name) + "\" value=\"" + attr(value) + "\"></label>";
}

std::string form_html(const search::SearchRequest& r, const std::vector<std::string>& compare) {
  const search::Filters& f = r.filters;
  std::string h = "<form class=\"search\" method=\"get\" action=\"/search\" role=\"search\">";
  h += "<label class=\"q\">Search <input type=\"search\" name=\"q\" value=\"" + attr(r.query) +
       "\" placeholder='gaza NOT \"west bank\"' maxlength=\"1024\"></label>";
  h += input("Outlet", "outlet", f.outlet);
  h += input("Language", "lang", f.language);
  h += input("From", "from", date_value(f.from, false), "date");
  h += input("To", "to", date_value(f.to, true), "date");
  if (!f.entity.empty()) h += input("Person or organisation", "entity", f.entity);
  if (!f.place.empty()) h += input("Place", "place", f.place);
  if (f.story_id) {
    h += "<input type=\"hidden\" name=\"story\" value=\"" + std::to_string(*f.story_id) + "\">";
  }
  for (const std::string& c : compare) {
    h += "<input type=\"hidden\" name=\"compare\" value=\"" + attr(c) + "\">";
  }
  h += "<button type=\"submit\">Search</button></form>\n";
  return h;
}

// The snippet escaped, its highlights in <mark>.
std::string marked_snippet(const search::Hit& hit) {
  std::string out;
  size_t at = 0;
  for (const search::Span& s : hit.highlights) {
    if (s.start < at || s.end > hit.snippet.size() || s.start >= s.end) continue;
    out += escape_html(std::string_view(hit.snippet).substr(at, s.start - at));
    out += "<mark>" + escape_html(std::string_view(hit.snippet).substr(s.start, s.end - s.start)) +
           "</mark>";
    at = s.end;
  }
  out += escape_html(std::string_view(hit.snippet).substr(std::min(at, hit.snippet.size())));
  return out;
}

std::string hits_html(const search::SearchResults& results) {
  std::string h = "<ol class=\"items search-hits\">\n";
  for (const search::Hit& hit : results.hits) {
    const std::string id = std::to_string(hit.article_id);
    h += "<li><a class=\"headline\" href=\"/articles/" + id + "\"";
    if (is_language_tag(hit.language)) h += " lang=\"" + attr(hit.language) + "\"";
    h += ">" + escape_html(hit.title.empty() ? "(untitled)" : hit.title) + "</a>";
    h += "<div class=\"meta\">" + escape_html(hit.outlet) + " \xC2\xB7 " + time_element(hit.published_at);
    if (hit.story_id > 0) {
      h += " \xC2\xB7 <a href=\"/stories/" + std::to_string(hit.story_id) + "\">story</a>";
    }
    h += " \xC2\xB7 " + external_link(hit.url, "original") + "</div>";
    h += "<p class=\"snippet\">" + marked_snippet(hit) + "</p></li>\n";
  }
  return h + "</ol>\n";
}

std::string pager_html(const search::SearchRequest& r, const search::SearchResults& results,
                       const std::vector<std::string>& compare) {
  std::string extra;
  for (const std::string& c : compare) extra += "&compare=" + url_encode(c);
  std::string h = "<nav class=\"pager\">";
  if (r.offset > 0) {
    search::SearchRequest prev = r;
    prev.offset = std::max(0, r.offset - r.limit);
    h += "<a rel=\"prev\" href=\"/search?" + attr(search_query_string(prev) + extra) + "\">Newer matches</a> ";
  }
  const int64_t seen = r.offset + static_cast<int64_t>(results.hits.size());
  if (static_cast<int64_t>(results.hits.size()) == r.limit && seen < results.total &&
      seen <= search::kMaxOffset) {
    search::SearchRequest next = r;
    next.offset = static_cast<int>(seen);
    h += "<a rel=\"next\" href=\"/search?" + attr(search_query_string(next) + extra) + "\">More matches</a>";
  }
  return h + "</nav>\n";
}

// The chart's data URL: each query, the interval, then the filters.
std::string attention_src(const search::AttentionRequest& a) {
  std::string s = "/api/attention?";
  for (const std::string& q : a.queries) s += "q=" + url_encode(q) + "&";
  s += std::string("interval=") + search::interval_name(a.interval);
  const search::Filters& f = a.filters;
  if (f.from) s += "&from=" + url_encode(format_rfc3339(*f.from));
  if (f.to) s += "&to=" + url_encode(format_rfc3339(*f.to));
  if (!f.outlet.empty()) s += "&outlet=" + url_encode(f.outlet);
  if (!f.language.empty()) s += "&lang=" + url_encode(f.language);
  if (f.story_id) s += "&story=" + std::to_string(*f.story_id);
  if (!f.entity.empty()) s += "&entity=" + url_encode(f.entity);
  if (!f.place.empty()) s += "&place=" + url_encode(f.place);
  return s;
}

std::string attention_html(const search::AttentionRequest& request,
                           const Result<search::Attention>& attention) {
  std::string h = "<section class=\"attention\"><h2>Attention over time</h2>\n";
  h += "<div class=\"chart\" data-chart-kind=\"attention\" data-chart-src=\"" +
       attr(attention_src(request)) + "\"></div>\n";
  if (!attention) {
    return h + "<p class=\"note\">" + escape_html(attention.error().message) + "</p></section>\n";
  }
  const search::Attention& a = *attention;
  std::vector<size_t> rows;  // buckets with a match, newest last
  for (size_t b = 0; b < a.buckets.size(); ++b) {
    for (const auto& s : a.series) {
      if (s.articles[b] > 0) {
        rows.push_back(b);
        break;
      }
    }
  }
  const size_t skipped = rows.size() > kMaxTableRows ? rows.size() - kMaxTableRows : 0;
  const std::string unit = search::interval_name(a.interval);
  h += "<table class=\"attention-counts\"><caption>Articles (outlets) per " + unit + ", " + unit +
       "s without a match left out";
  if (skipped) h += "; the latest " + std::to_string(kMaxTableRows) + " shown";
  h += "</caption>\n<thead><tr><th scope=\"col\">" +
       std::string(a.interval == search::Interval::kDay ? "Day" : "Hour") + "</th>";
  for (const auto& s : a.series) {
    h += "<th scope=\"col\">" + escape_html(s.query.empty() ? "(filters)" : s.query) + "</th>";
  }
  h += "</tr></thead>\n<tbody>\n";
  for (size_t i = skipped; i < rows.size(); ++i) {
    const size_t b = rows[i];
    const std::string when = format_rfc3339(a.buckets[b]);
    h += "<tr><th scope=\"row\"><time datetime=\"" + when + "\">" +
         (a.interval == search::Interval::kDay ? when.substr(0, 10) : when.substr(0, 16).replace(10, 1, " ")) +
         "</time></th>";
    for (const auto& s : a.series) {
      h += "<td>" + with_thousands(s.articles[b]) + " (" + with_thousands(s.outlets[b]) + ")</td>";
    }
    h += "</tr>\n";
  }
  h += "</tbody><tfoot><tr><th scope=\"row\">Total</th>";
  for (const auto& s : a.series) {
    h += "<td>" + with_thousands(s.total_articles) + (s.complete ? "" : " or more") + "</td>";
  }
  h += "</tr></tfoot></table>";
  for (const auto& s : a.series) {
    if (s.complete) continue;
    h += "<p class=\"warning\" role=\"status\">The count for " +
         escape_html(s.query.empty() ? "(filters)" : s.query) +
         " stopped at the time bound: its numbers are a lower bound. Narrow the dates or add a filter.</p>";
  }
  return h + "</section>\n";
}

Reply page(int status, const std::string& title, const std::string& main) {
  return Reply{status, std::string(kHtmlType), layout(title, main)};
}

}  // namespace

Reply page_search(const std::string& index_dir, const QueryParams& params) {
  auto request = parse_search_params(params);
  if (!request) return html_error(400, "Bad request", request.error().message);
  std::vector<std::string> compare;
  const auto [first, last] = params.equal_range("compare");
  for (auto it = first; it != last; ++it) {
    if (it->second.empty()) continue;
    if (it->second.size() > search::kMaxQueryBytes) {
      return html_error(400, "Bad request", "compare is longer than 1024 bytes");
    }
    if (compare.size() + 1 == search::kMaxAttentionQueries) {
      return html_error(400, "Bad request", "at most 9 queries to compare");
    }
    compare.push_back(it->second);
  }
  std::string main = "<h1>Search</h1>\n" + form_html(*request, compare);
  const bool asked = !request->query.empty() || request->filters.any();
  if (!asked) {
    main += "<p class=\"note\">Words are stemmed (<em>strikes</em> finds <em>strike</em>); "
            "\"quotes\" find a phrase; AND, OR, NOT and parentheses combine; "
            "<code>-word</code> leaves a word out.</p>\n";
    return page(200, "Search", main);
  }
  auto index = open_search_index(index_dir);
  if (!index) {
    const int status = index.error().code == ErrorCode::kNotFound ? 503 : 500;
    return page(status, "Search", main + "<p class=\"error\">" + escape_html(index.error().message) + "</p>\n");
  }
  auto results = (*index)->search(*request);
  if (!results) {
    const int status = results.error().code == ErrorCode::kInvalidInput ||
                               results.error().code == ErrorCode::kTooLarge
                           ? 400
                           : 500;
    return page(status, "Search", main + "<p class=\"error\">" + escape_html(results.error().message) + "</p>\n");
  }
  main += "<p class=\"count\">" + std::string(results->exact ? "" : "About ") +
          plural(results->total, "match", "matches") + "</p>\n";
  main += hits_html(*results);
  main += pager_html(*request, *results, compare);
  search::AttentionRequest attention;
  attention.queries.push_back(request->query);
  for (const std::string& c : compare) attention.queries.push_back(c);
  attention.filters = request->filters;
  attention.now = now_seconds();
  if (auto i = single_param(params, "interval"); i && *i && **i == "hour") {
    attention.interval = search::Interval::kHour;
  }
  main += attention_html(attention, search::attention(**index, attention));
  const std::string title = request->query.empty() ? "Search" : "Search: " + request->query;
  if (request->query.empty()) return page(200, title, main);
  // A saved search: its feed follows the query (the filters are not part of
  // the feed's URL).
  return Reply{200, std::string(kHtmlType),
               layout(title, main, "/search",
                      FeedLink{"tidings search: " + request->query, "/feeds/search",
                               "?q=" + url_encode(request->query)})};
}

}  // namespace tidings::serve
