// schema.org JSON-LD blocks (<script type="application/ld+json">): the first
// article-like object's headline, dates, author, publisher and image. Parsed
// with nlohmann::json without exceptions; walked iteratively, depth-bounded.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/metadata.h"
#include "extract/text_ops.h"

namespace tidings::extract_detail {

namespace {

using nlohmann::json;

constexpr size_t kMaxScriptBytes = 1 << 20;
constexpr int kMaxDepth = 10;
constexpr size_t kMaxVisited = 20000;
constexpr size_t kMaxBlocks = 32;

bool type_matches(const json& type, bool (*pred)(std::string_view)) {
  if (type.is_string()) return pred(type.get_ref<const std::string&>());
  if (type.is_array()) {
    for (const auto& t : type) {
      if (t.is_string() && pred(t.get_ref<const std::string&>())) return true;
    }
  }
  return false;
}

bool is_article_type(std::string_view t) {
  return contains_ci(t, "article") || contains_ci(t, "blogposting") ||
         contains_ci(t, "liveblogposting") || contains_ci(t, "report") ||
         equals_ci(t, "posting") || contains_ci(t, "socialmediaposting") ||
         equals_ci(t, "claimreview");
}

bool is_organization_type(std::string_view t) {
  return contains_ci(t, "organization") || contains_ci(t, "newsmedia");
}

bool is_website_type(std::string_view t) { return equals_ci(t, "website"); }

// Nodes by "@id" across all of the page's JSON-LD blocks, for references
// such as "publisher": {"@id": "https://site.example/#org"} that point into
// an @graph. Only nodes that say more than their @id are indexed.
using IdIndex = std::unordered_map<std::string_view, const json*>;

const json* resolve(const json* v, const IdIndex& ids) {
  if (v == nullptr || !v->is_object()) return v;
  auto id = v->find("@id");
  if (id == v->end() || !id->is_string() || v->contains("name")) return v;
  auto it = ids.find(id->get_ref<const std::string&>());
  return it == ids.end() ? v : it->second;
}

// A string, or an object's name/@value/url, or an array's first such.
std::string text_of(const json& v, const IdIndex& ids, const char* object_key = "name") {
  const json* p = &v;
  for (int hops = 0; hops < 4 && p != nullptr; ++hops) {
    p = resolve(p, ids);
    if (p->is_string()) return p->get<std::string>();
    if (p->is_array()) {
      p = p->empty() ? nullptr : &(*p)[0];
    } else if (p->is_object()) {
      auto it = p->find(object_key);
      if (it == p->end()) it = p->find("@value");
      if (it == p->end()) it = p->find("url");
      p = it == p->end() ? nullptr : &*it;
    } else {
      return "";
    }
  }
  return "";
}

// A name: a string or an object's "name" (references followed), never an
// @id or a URL.
std::string name_of(const json& v, const IdIndex& ids) {
  const json* p = &v;
  for (int hops = 0; hops < 4 && p != nullptr; ++hops) {
    p = resolve(p, ids);
    if (p->is_string()) {
      const std::string& s = p->get_ref<const std::string&>();
      return looks_like_url(s) ? "" : s;
    }
    if (p->is_array()) {
      p = p->empty() ? nullptr : &(*p)[0];
    } else if (p->is_object()) {
      auto it = p->find("name");
      p = it == p->end() ? nullptr : &*it;
    } else {
      return "";
    }
  }
  return "";
}

// Each author's name: a string, an object's name, an array of either.
std::vector<std::string> authors_of(const json& v, const IdIndex& ids) {
  std::vector<std::string> out;
  if (!v.is_array()) {
    if (std::string name = name_of(v, ids); !name.empty()) out.push_back(std::move(name));
    return out;
  }
  for (const auto& a : v) {
    if (std::string name = name_of(a, ids); !name.empty()) out.push_back(std::move(name));
    if (out.size() == 10) break;
  }
  return out;
}

// Strings of a string or an array of strings (an array's objects by name);
// a string of comma-separated words stays whole here.
std::vector<std::string> strings_of(const json& v, const IdIndex& ids) {
  std::vector<std::string> out;
  if (v.is_string()) {
    out.push_back(v.get<std::string>());
  } else if (v.is_array()) {
    for (const auto& item : v) {
      std::string s = item.is_string() ? item.get<std::string>() : name_of(item, ids);
      if (!s.empty()) out.push_back(std::move(s));
      if (out.size() == 64) break;
    }
  }
  return out;
}

std::string field(const json& obj, const IdIndex& ids, const char* key,
                  const char* object_key = "name") {
  auto it = obj.find(key);
  return it == obj.end() ? "" : text_of(*it, ids, object_key);
}

std::string name_field(const json& obj, const IdIndex& ids, const char* key) {
  auto it = obj.find(key);
  return it == obj.end() ? "" : name_of(*it, ids);
}

// Pages wrap JSON-LD in comments or CDATA and put raw newlines in strings.
std::string cleaned_script(std::string text) {
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  std::string_view v = trim(text);
  for (std::string_view prefix : {"<!--", "//<![CDATA[", "<![CDATA["}) {
    if (v.substr(0, prefix.size()) == prefix) v.remove_prefix(prefix.size());
  }
  v = trim(v);
  for (std::string_view suffix : {"-->", "//]]>", "]]>"}) {
    if (v.size() >= suffix.size() && v.substr(v.size() - suffix.size()) == suffix) {
      v.remove_suffix(suffix.size());
    }
  }
  v = trim(v);
  while (!v.empty() && v.back() == ';') v.remove_suffix(1);
  return std::string(v);
}

void take_article(const json& obj, const IdIndex& ids, JsonLd& out) {
  out.headline = field(obj, ids, "headline");
  if (out.headline.empty()) out.headline = field(obj, ids, "name");
  out.date_published = field(obj, ids, "datePublished");
  if (out.date_published.empty()) out.date_published = field(obj, ids, "dateCreated");
  out.date_modified = field(obj, ids, "dateModified");
  if (auto it = obj.find("author"); it != obj.end()) out.authors = authors_of(*it, ids);
  if (out.authors.empty()) {
    if (auto it = obj.find("creator"); it != obj.end()) out.authors = authors_of(*it, ids);
  }
  if (auto it = obj.find("articleSection"); it != obj.end()) {
    auto sections = strings_of(*it, ids);
    if (!sections.empty()) out.section = sections[0];
  }
  if (auto it = obj.find("keywords"); it != obj.end()) out.keywords = strings_of(*it, ids);
  out.publisher = name_field(obj, ids, "publisher");
  out.image = field(obj, ids, "image", "url");
  out.url = field(obj, ids, "url");
}

// Every object with an "@id" and more, and the top-level nodes (the block
// itself, its array items, its @graph items), in document order.
void index_block(const json& doc, IdIndex& ids, std::vector<const json*>& top) {
  std::vector<std::pair<const json*, int>> stack{{&doc, 0}};
  size_t visited = 0;
  while (!stack.empty() && ++visited < kMaxVisited) {
    auto [v, depth] = stack.back();
    stack.pop_back();
    if (depth > kMaxDepth) continue;
    if (v->is_object()) {
      if (auto id = v->find("@id"); id != v->end() && id->is_string() && v->size() > 1) {
        // A node that is named beats a typed reference to it.
        auto [it, added] = ids.emplace(id->get_ref<const std::string&>(), v);
        if (!added && !it->second->contains("name") && v->contains("name")) it->second = v;
      }
    }
    if (v->is_object() || v->is_array()) {
      for (const auto& c : *v) {
        if (c.is_object() || c.is_array()) stack.emplace_back(&c, depth + 1);
      }
    }
  }
  auto add_top = [&](const json& v) {
    if (v.is_object()) top.push_back(&v);
    if (!v.is_object()) return;
    if (auto g = v.find("@graph"); g != v.end() && g->is_array()) {
      for (const auto& item : *g) {
        if (item.is_object()) top.push_back(&item);
      }
    }
  };
  if (doc.is_array()) {
    for (const auto& item : doc) add_top(item);
  } else {
    add_top(doc);
  }
}

}  // namespace

JsonLd read_json_ld(const Dom& dom) {
  JsonLd out;
  std::vector<json> blocks;
  for (int32_t i : dom.scripts) {
    if (blocks.size() >= kMaxBlocks) break;
    const xmlNode* n = dom.nodes[i].xml;
    if (!contains_ci(attr(n, "type"), "ld+json")) continue;
    json doc = json::parse(cleaned_script(raw_text(n, kMaxScriptBytes)), nullptr, false);
    if (!doc.is_discarded()) blocks.push_back(std::move(doc));
  }
  IdIndex ids;
  std::vector<const json*> top;
  for (const json& doc : blocks) index_block(doc, ids, top);

  bool have_article = false;
  for (const json& doc : blocks) {
    std::vector<std::pair<const json*, int>> stack{{&doc, 0}};
    size_t visited = 0;
    while (!stack.empty() && !have_article && ++visited < kMaxVisited) {
      auto [v, depth] = stack.back();
      stack.pop_back();
      if (depth > kMaxDepth) continue;
      if (v->is_object()) {
        if (auto t = v->find("@type"); t != v->end() && type_matches(*t, is_article_type)) {
          take_article(*v, ids, out);
          have_article = true;
          break;
        }
      }
      if (v->is_object() || v->is_array()) {
        // Push in reverse so that the first child is visited first.
        std::vector<const json*> children;
        for (const auto& c : *v) {
          if (c.is_object() || c.is_array()) children.push_back(&c);
        }
        for (auto it = children.rbegin(); it != children.rend(); ++it) {
          stack.emplace_back(*it, depth + 1);
        }
      }
    }
    if (have_article) break;
  }
  // No publisher named: the page's own Organization, then its WebSite. Only
  // top-level nodes: an Organization inside the article is often its author.
  for (bool (*pred)(std::string_view) : {is_organization_type, is_website_type}) {
    for (const json* v : top) {
      if (!out.publisher.empty()) break;
      if (auto t = v->find("@type"); t != v->end() && type_matches(*t, pred)) {
        out.publisher = name_field(*v, ids, "name");
      }
    }
  }
  // Breadcrumbs: the top-level BreadcrumbList's item names, in position order.
  for (const json* v : top) {
    auto t = v->find("@type");
    if (t == v->end() || !type_matches(*t, [](std::string_view s) {
          return equals_ci(s, "BreadcrumbList");
        })) {
      continue;
    }
    auto items = v->find("itemListElement");
    if (items == v->end() || !items->is_array()) break;
    std::vector<std::pair<int, std::string>> crumbs;
    for (const auto& item : *items) {
      if (!item.is_object()) continue;
      std::string name = field(item, ids, "name");
      if (name.empty()) {
        if (auto it = item.find("item"); it != item.end()) name = name_of(*it, ids);
      }
      auto pos = item.find("position");
      const int position = pos != item.end() && pos->is_number_integer()
                               ? pos->get<int>()
                               : static_cast<int>(crumbs.size()) + 1;
      if (!name.empty()) crumbs.emplace_back(position, std::move(name));
      if (crumbs.size() == 16) break;
    }
    std::stable_sort(crumbs.begin(), crumbs.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [position, name] : crumbs) out.breadcrumbs.push_back(std::move(name));
    break;
  }
  return out;
}

}  // namespace tidings::extract_detail
