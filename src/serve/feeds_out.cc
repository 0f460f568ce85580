// The feed renderers (feeds_out.h): Atom 1.0 per RFC 4287 and JSON Feed 1.1
// per https://jsonfeed.org/version/1.1, over a generic list of entries.
#include "serve/feeds_out.h"

#include <nlohmann/json.hpp>

#include "core/article_json.h"
#include "core/url.h"
#include "core/utf8.h"
#include "core/version.h"
#include "serve/html.h"

namespace tidings::serve {

namespace {

// XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
// [#x10000-#x10FFFF] (surrogates never decode from well-formed UTF-8).
bool is_xml_char(unsigned cp) {
  if (cp < 0x20) return cp == 0x9 || cp == 0xA || cp == 0xD;
  return cp != 0xFFFE && cp != 0xFFFF;
}

unsigned decode_code_point(std::string_view s, size_t i, size_t len) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (len == 1) return b(0);
  if (len == 2) return ((b(0) & 0x1Fu) << 6) | (b(1) & 0x3Fu);
  if (len == 3) return ((b(0) & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
  return ((b(0) & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) | ((b(2) & 0x3Fu) << 6) | (b(3) & 0x3Fu);
}

// A link target, or "" when the URL is not one we show as a link.
std::string link_or_empty(std::string_view url) {
  return is_http_url(url) ? xml_clean(url) : std::string();
}

void append_element(std::string& out, std::string_view indent, std::string_view name,
                    std::string_view text, std::string_view attributes = {}) {
  out += indent;
  out += '<';
  out += name;
  out += attributes;
  out += '>';
  out += xml_text(text);
  out += "</";
  out += name;
  out += ">\n";
}

void append_link(std::string& out, std::string_view indent, std::string_view rel,
                 std::string_view type, std::string_view href) {
  const std::string target = link_or_empty(href);
  if (target.empty()) return;
  out += indent;
  out += "<link rel=\"" + xml_text(rel) + "\"";
  if (!type.empty()) out += " type=\"" + xml_text(type) + "\"";
  out += " href=\"" + xml_text(target) + "\"/>\n";
}

// An author or contributor: a name, and a uri when it is http(s).
void append_person(std::string& out, std::string_view element, std::string_view name,
                   std::string_view uri) {
  if (xml_clean(name).empty()) return;
  out += "    <" + std::string(element) + "><name>" + xml_text(name) + "</name>";
  const std::string target = link_or_empty(uri);
  if (!target.empty()) out += "<uri>" + xml_text(target) + "</uri>";
  out += "</" + std::string(element) + ">\n";
}

std::string outlet_line_html(const FeedOutlet& o) {
  std::string line = external_link(o.url, o.name.empty() ? o.url : o.name);
  if (o.published_at) line += " (" + escape_html(format_display_time(*o.published_at)) + ")";
  if (o.copy) line += " (copy)";
  return line;
}

std::string outlet_line_text(const FeedOutlet& o) {
  std::string line = o.name;
  if (!o.url.empty()) line += " <" + o.url + ">";
  if (o.published_at) line += " (" + format_display_time(*o.published_at) + ")";
  if (o.copy) line += " (copy)";
  return line;
}

nlohmann::json clean_json_string(std::string_view s) { return xml_clean(s); }

}  // namespace

std::string xml_clean(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t bad = 0;
    const size_t len = utf8_sequence(text, i, bad);
    if (len == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      i += bad;
      continue;
    }
    if (is_xml_char(decode_code_point(text, i, len))) out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

std::string xml_text(std::string_view text) {
  const std::string clean = xml_clean(text);
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (char c : clean) {
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
        out += "&apos;";
        break;
      case '\r':
        out += "&#13;";
        break;  // kept: a raw CR would be normalised away
      default:
        out += c;
    }
  }
  return out;
}

std::string entry_content_html(const FeedEntry& e) {
  std::string html;
  if (!e.summary.empty()) html += "<p>" + escape_html(e.summary) + "</p>\n";
  if (!e.outlets.empty()) {
    const FeedOutlet& first = e.outlets.front();
    html += "<p>Reported by " + outlet_line_html(first) + "</p>\n";
    if (e.outlets.size() > 1) {
      html += "<p>" + escape_html(e.outlets_heading) + " " + std::to_string(e.outlets.size() - 1) +
              (e.outlets.size() == 2 ? " outlet" : " outlets") + ":</p>\n<ul>\n";
      for (size_t i = 1; i < e.outlets.size(); ++i) {
        html += "<li>" + outlet_line_html(e.outlets[i]) + "</li>\n";
      }
      html += "</ul>\n";
    }
  }
  if (is_http_url(e.related_url)) {
    html += "<p>" + external_link(e.related_url, "On tidings") + "</p>\n";
  }
  return xml_clean(html);
}

std::string entry_content_text(const FeedEntry& e) {
  std::string text;
  if (!e.summary.empty()) text += e.summary + "\n\n";
  if (!e.outlets.empty()) {
    text += "Reported by " + outlet_line_text(e.outlets.front()) + "\n";
    if (e.outlets.size() > 1) {
      text += e.outlets_heading + ":\n";
      for (size_t i = 1; i < e.outlets.size(); ++i) {
        text += "- " + outlet_line_text(e.outlets[i]) + "\n";
      }
    }
  }
  if (is_http_url(e.related_url)) text += "On tidings: " + e.related_url + "\n";
  return xml_clean(text);
}

std::string render_atom(const FeedMeta& meta, const std::vector<FeedEntry>& entries) {
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  append_element(out, "  ", "id", meta.id);
  append_element(out, "  ", "title", meta.title, " type=\"text\"");
  if (!meta.subtitle.empty())
    append_element(out, "  ", "subtitle", meta.subtitle, " type=\"text\"");
  append_element(out, "  ", "updated", format_rfc3339(meta.updated));
  out += "  <author><name>tidings</name>";
  if (is_http_url(meta.home_url)) out += "<uri>" + xml_text(meta.home_url) + "</uri>";
  out += "</author>\n";
  append_element(out, "  ", "generator", "tidings", " version=\"" TIDINGS_VERSION "\"");
  append_link(out, "  ", "self", "application/atom+xml", meta.self_url);
  append_link(out, "  ", "alternate", "text/html", meta.home_url);
  append_link(out, "  ", "alternate", "application/feed+json", meta.other_url);
  for (const FeedEntry& e : entries) {
    out += "  <entry>\n";
    append_element(out, "    ", "id", e.id);
    append_element(out, "    ", "title", e.title, " type=\"text\"");
    append_element(out, "    ", "updated", format_rfc3339(e.updated));
    if (e.published) append_element(out, "    ", "published", format_rfc3339(*e.published));
    for (const std::string& a : e.authors) append_person(out, "author", a, "");
    for (size_t i = 1; i < e.outlets.size(); ++i) {
      append_person(out, "contributor", e.outlets[i].name, e.outlets[i].url);
    }
    append_link(out, "    ", "alternate", "text/html", e.url);
    append_link(out, "    ", "related", "text/html", e.related_url);
    if (!e.summary.empty()) append_element(out, "    ", "summary", e.summary, " type=\"text\"");
    append_element(out, "    ", "content", entry_content_html(e), " type=\"html\"");
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

std::string render_json_feed(const FeedMeta& meta, const std::vector<FeedEntry>& entries) {
  using nlohmann::json;
  json feed = {{"version", "https://jsonfeed.org/version/1.1"},
               {"title", clean_json_string(meta.title)}};
  if (is_http_url(meta.home_url)) feed["home_page_url"] = meta.home_url;
  if (is_http_url(meta.self_url)) feed["feed_url"] = meta.self_url;
  if (!meta.subtitle.empty()) feed["description"] = clean_json_string(meta.subtitle);
  json feed_author = {{"name", "tidings"}};
  if (is_http_url(meta.home_url)) feed_author["url"] = meta.home_url;
  feed["authors"] = json::array({feed_author});
  json items = json::array();
  for (const FeedEntry& e : entries) {
    json item = {{"id", clean_json_string(e.id)}, {"title", clean_json_string(e.title)}};
    if (is_http_url(e.url)) item["url"] = xml_clean(e.url);
    item["content_html"] = entry_content_html(e);
    item["content_text"] = entry_content_text(e);
    if (!e.summary.empty()) item["summary"] = clean_json_string(e.summary);
    if (e.published) item["date_published"] = format_rfc3339(*e.published);
    item["date_modified"] = format_rfc3339(e.updated);
    json authors = json::array();
    for (const std::string& a : e.authors) {
      if (!xml_clean(a).empty()) authors.push_back({{"name", clean_json_string(a)}});
    }
    if (!authors.empty()) item["authors"] = std::move(authors);
    json outlets = json::array();
    for (const FeedOutlet& o : e.outlets) {
      json j = {{"name", clean_json_string(o.name)}, {"copy", o.copy}};
      j["url"] = is_http_url(o.url) ? json(xml_clean(o.url)) : json(nullptr);
      j["published_at"] = o.published_at ? json(format_rfc3339(*o.published_at)) : json(nullptr);
      outlets.push_back(std::move(j));
    }
    json extension = {{"outlets", std::move(outlets)}};
    extension["related_url"] = is_http_url(e.related_url) ? json(e.related_url) : json(nullptr);
    item["_tidings"] = std::move(extension);
    items.push_back(std::move(item));
  }
  feed["items"] = std::move(items);
  return dump_json(feed, 2) + "\n";
}

}  // namespace tidings::serve
