// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) with
// nlohmann-json, exceptions off. Fields of the wrong type are ignored (not
// bozo: the spec allows unknown extensions), strings are trimmed, an item
// whose id is an object or array is dropped, a numeric or boolean id is
// kept as its text. Nesting deeper than kMaxDepth is refused before parsing.
#include <nlohmann/json.hpp>

#include <charconv>

#include "collect/feed_internal.h"
#include "core/url.h"

namespace tidings::feed {
namespace {

using nlohmann::json;

constexpr int kMaxDepth = 64;

// Deepest [ / { nesting outside strings: nlohmann's DOM is fine with deep
// input, but nothing legitimate needs it and it costs memory.
int max_depth(std::string_view s) {
  int d = 0, best = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      best = std::max(best, ++d);
    } else if (c == ']' || c == '}') {
      --d;
    }
  }
  return best;
}

std::string str(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return "";
  const std::string& v = it->get_ref<const std::string&>();
  const std::string_view t = trim_space(v);
  return std::string(t.substr(0, kMaxFieldBytes));
}

std::optional<Instant> date(const json& obj, const char* key) {
  const std::string v = str(obj, key);
  return v.empty() ? std::nullopt : parse_feed_date(v);
}

std::string absolute(const std::string& base, const std::string& ref) {
  if (ref.empty()) return "";
  std::string out = resolve_link(base, ref);
  return out.empty() ? ref : out;
}

std::vector<FeedPerson> people(const json& obj, const std::string& base) {
  std::vector<FeedPerson> out;
  auto add = [&](const json& a) {
    if (!a.is_object() || out.size() >= 100) return;
    FeedPerson p;
    p.name = str(a, "name");
    const std::string url = str(a, "url");
    if (url.rfind("mailto:", 0) == 0) {
      p.email = url.substr(7, url.find('?') == std::string::npos ? std::string::npos : url.find('?') - 7);
      p.uri = url;
    } else {
      p.uri = absolute(base, url);
    }
    if (!p.name.empty() || !p.email.empty() || !p.uri.empty()) out.push_back(std::move(p));
  };
  if (auto it = obj.find("authors"); it != obj.end() && it->is_array()) {
    for (const json& a : *it) add(a);
  }
  if (out.empty()) {
    if (auto it = obj.find("author"); it != obj.end()) add(*it);
  }
  return out;
}

// Python's str() of a JSON scalar id, as feedparser keeps it.
std::optional<std::string> id_text(const json& v) {
  if (v.is_string()) return std::string(trim_space(v.get_ref<const std::string&>()));
  if (v.is_boolean()) return std::string(v.get<bool>() ? "true" : "false");
  if (v.is_number_integer()) return v.dump();
  if (v.is_number_float()) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v.get<double>());  // shortest round trip
    std::string s(buf, r.ptr);
    if (s.find_first_of(".e") == std::string::npos) s += ".0";
    return s;
  }
  if (v.is_null()) return std::string();
  return std::nullopt;  // object or array: not an item
}

}  // namespace

Result<ParsedFeed> parse_json_feed(std::string_view utf8, const FeedParseOptions& options) {
  if (max_depth(utf8) > kMaxDepth) return fail(ErrorCode::kTooDeep, "not a feed: JSON nested too deep");
  json doc = json::parse(utf8.begin(), utf8.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return fail(ErrorCode::kInvalidInput, "not a feed: invalid JSON");
  if (!doc.is_object()) return fail(ErrorCode::kInvalidInput, "not a feed: JSON but not an object");
  ParsedFeed feed;
  const std::string version = str(doc, "version");
  if (version == "https://jsonfeed.org/version/1") {
    feed.format = "json10";
  } else if (version == "https://jsonfeed.org/version/1.1") {
    feed.format = "json11";
  } else {
    feed.format = "json";
    set_bozo(feed, "unknown JSON Feed version");
  }
  const std::string& base = options.base_url;
  feed.title = str(doc, "title");
  feed.link = absolute(base, str(doc, "home_page_url"));
  feed.subtitle = str(doc, "description");
  feed.language = str(doc, "language");
  feed.id = str(doc, "feed_url");
  feed.authors = people(doc, base);
  auto items = doc.find("items");
  if (items == doc.end()) return feed;
  if (!items->is_array()) {
    set_bozo(feed, "items is not an array");
    return feed;
  }
  for (const json& i : *items) {
    if (!i.is_object()) continue;
    if (feed.items.size() >= options.max_items) {
      set_bozo(feed, "more than " + std::to_string(options.max_items) + " items; the rest dropped");
      break;
    }
    FeedItem item;
    if (auto id = i.find("id"); id != i.end()) {
      auto text = id_text(*id);
      if (!text) continue;
      item.id = std::move(*text);
    }
    item.link = absolute(base, str(i, "url"));
    if (item.link.empty()) item.link = absolute(base, str(i, "external_url"));
    item.title = str(i, "title");
    item.summary = str(i, "summary");
    item.content = str(i, "content_html");
    if (item.content.empty()) item.content = str(i, "content_text");
    item.published = date(i, "date_published");
    item.updated = date(i, "date_modified");
    item.authors = people(i, base);
    if (auto tags = i.find("tags"); tags != i.end() && tags->is_array()) {
      for (const json& t : *tags) {
        if (t.is_string() && item.categories.size() < 1000) item.categories.emplace_back(trim_space(t.get_ref<const std::string&>()));
      }
    }
    if (auto att = i.find("attachments"); att != i.end() && att->is_array()) {
      for (const json& a : *att) {
        if (!a.is_object() || item.enclosures.size() >= 1000) continue;
        FeedEnclosure e{absolute(base, str(a, "url")), str(a, "mime_type"), std::nullopt};
        if (e.url.empty()) continue;
        if (e.type.empty()) e.type = str(a, "type");
        if (auto size = a.find("size_in_bytes"); size != a.end() && size->is_number_unsigned()) {
          e.length = size->get<uint64_t>();
        }
        item.enclosures.push_back(std::move(e));
      }
    }
    feed.items.push_back(std::move(item));
  }
  return feed;
}

}  // namespace tidings::feed
