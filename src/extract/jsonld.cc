// schema.org JSON-LD blocks (<script type="application/ld+json">): the first
// article-like object's headline, dates, author, publisher and image. Parsed
// with nlohmann::json without exceptions; walked iteratively, depth-bounded.
#include <nlohmann/json.hpp>

#include <string>
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
         equals_ci(t, "posting") || contains_ci(t, "socialmediaposting");
}

bool is_organization_type(std::string_view t) {
  return contains_ci(t, "organization") || contains_ci(t, "newsmedia");
}

// A string, or an object's name/@value/url, or an array's first such.
std::string text_of(const json& v, const char* object_key = "name") {
  const json* p = &v;
  for (int hops = 0; hops < 3 && p != nullptr; ++hops) {
    if (p->is_string()) return p->get<std::string>();
    if (p->is_array()) {
      p = p->empty() ? nullptr : &(*p)[0];
    } else if (p->is_object()) {
      auto it = p->find(object_key);
      if (it == p->end()) it = p->find("@value");
      if (it == p->end()) it = p->find("url");
      if (it == p->end()) it = p->find("@id");
      p = it == p->end() ? nullptr : &*it;
    } else {
      return "";
    }
  }
  return "";
}

std::string authors_of(const json& v) {
  if (!v.is_array()) return text_of(v);
  std::string out;
  int count = 0;
  for (const auto& a : v) {
    std::string name = text_of(a);
    if (name.empty()) continue;
    if (!out.empty()) out += ", ";
    out += name;
    if (++count == 5) break;
  }
  return out;
}

std::string field(const json& obj, const char* key, const char* object_key = "name") {
  auto it = obj.find(key);
  return it == obj.end() ? "" : text_of(*it, object_key);
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

void take_article(const json& obj, JsonLd& out) {
  out.headline = field(obj, "headline");
  if (out.headline.empty()) out.headline = field(obj, "name");
  out.date_published = field(obj, "datePublished");
  if (out.date_published.empty()) out.date_published = field(obj, "dateCreated");
  if (auto it = obj.find("author"); it != obj.end()) out.author = authors_of(*it);
  if (out.publisher.empty()) out.publisher = field(obj, "publisher");
  out.image = field(obj, "image", "url");
  out.url = field(obj, "url");
}

}  // namespace

JsonLd read_json_ld(const Dom& dom) {
  JsonLd out;
  bool have_article = false;
  std::string organization;
  for (int32_t i : dom.scripts) {
    if (have_article) break;
    const xmlNode* n = dom.nodes[i].xml;
    if (!contains_ci(attr(n, "type"), "ld+json")) continue;
    const json doc = json::parse(cleaned_script(raw_text(n, kMaxScriptBytes)), nullptr, false);
    if (doc.is_discarded()) continue;
    std::vector<std::pair<const json*, int>> stack{{&doc, 0}};
    size_t visited = 0;
    while (!stack.empty() && !have_article && ++visited < kMaxVisited) {
      auto [v, depth] = stack.back();
      stack.pop_back();
      if (depth > kMaxDepth) continue;
      if (v->is_object()) {
        if (auto t = v->find("@type"); t != v->end()) {
          if (type_matches(*t, is_article_type)) {
            take_article(*v, out);
            have_article = true;
            break;
          }
          if (organization.empty() && type_matches(*t, is_organization_type)) {
            organization = field(*v, "name");
          }
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
  }
  if (out.publisher.empty()) out.publisher = organization;
  return out;
}

}  // namespace tidings::extract_detail
