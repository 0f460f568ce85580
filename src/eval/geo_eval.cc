// GeoVirus reading and geocoding scores (geo_eval.h, docs/geo.md "Measuring").
#include "eval/geo_eval.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include "facts/segment.h"

namespace tidings::eval {

namespace {

constexpr size_t kMaxArticles = 100000;
constexpr double kHitKm = 161.0;  // 100 miles, the field's usual threshold

// The text between <tag> and </tag> at or after `from` and before `limit`.
std::string_view element(std::string_view xml, std::string_view tag, size_t from, size_t limit, size_t* after) {
  const std::string open = "<" + std::string(tag) + ">", close = "</" + std::string(tag) + ">";
  const size_t a = xml.find(open, from);
  if (a == std::string_view::npos || a >= limit) return {};
  const size_t b = xml.find(close, a + open.size());
  if (b == std::string_view::npos || b > limit) return {};
  if (after) *after = b + close.size();
  return xml.substr(a + open.size(), b - a - open.size());
}

void append_code_point(std::string& out, unsigned long c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x110000) {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// XML character data: the five entities, character references, CR LF as LF.
std::string xml_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      continue;
    }
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    const size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += '&';
      continue;
    }
    const std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "amp") out += '&';
    else if (ent == "lt") out += '<';
    else if (ent == "gt") out += '>';
    else if (ent == "quot") out += '"';
    else if (ent == "apos") out += '\'';
    else if (ent.size() > 1 && ent[0] == '#') {
      const bool hex = ent[1] == 'x' || ent[1] == 'X';
      append_code_point(out, std::strtoul(std::string(ent.substr(hex ? 2 : 1)).c_str(), nullptr, hex ? 16 : 10));
    } else {
      out += '&';
      continue;
    }
    i = semi;
  }
  return out;
}

// Byte offset of each code point of `text` (and of its end).
std::vector<uint32_t> code_point_offsets(const std::string& text) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(static_cast<uint32_t>(i));
  }
  out.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

// "https://en.wikipedia.org/wiki/Georgia_(country)" -> "Georgia (country)".
std::string page_title(std::string_view url) {
  const size_t slash = url.rfind("/wiki/");
  std::string_view raw = slash == std::string_view::npos ? url : url.substr(slash + 6);
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '_') {
      out += ' ';
    } else if (raw[i] == '%' && i + 2 < raw.size()) {
      out += static_cast<char>(std::strtoul(std::string(raw.substr(i + 1, 2)).c_str(), nullptr, 16));
      i += 2;
    } else {
      out += raw[i];
    }
  }
  return out;
}

bool area_class(facts::PlaceClass f) {
  return f == facts::PlaceClass::kCountry || f == facts::PlaceClass::kContinent || f == facts::PlaceClass::kRegion;
}

// The country, continent or region a gold page is, if the gazetteer has it
// by that very name ("Georgia (country)" counts, "Georgia (U.S. state)" not).
std::string area_id(const facts::Gazetteer& g, const std::string& page) {
  std::string title = page_title(page);
  constexpr std::string_view kCountry = " (country)";
  if (title.size() > kCountry.size() && title.ends_with(kCountry)) title.resize(title.size() - kCountry.size());
  if (title.find('(') != std::string::npos || title.find(',') != std::string::npos) return {};
  for (const facts::Place& p : facts::lookup_places(g, title, 20)) {
    if (area_class(p.feature) && !p.demonym) return p.id;
  }
  return {};
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

Result<std::vector<GeoArticle>> parse_geovirus(std::string_view xml, size_t* misaligned) {
  std::vector<GeoArticle> articles;
  size_t bad = 0, pos = 0;
  while (articles.size() < kMaxArticles) {
    size_t article_end = 0;
    const std::string_view body = element(xml, "article", pos, xml.size(), &article_end);
    if (article_end == 0) break;
    pos = article_end;
    GeoArticle a;
    a.source = xml_text(element(body, "source", 0, body.size(), nullptr));
    a.text = xml_text(element(body, "text", 0, body.size(), nullptr));
    const std::vector<uint32_t> offsets = code_point_offsets(a.text);
    size_t at = 0;
    for (;;) {
      size_t loc_end = 0;
      const std::string_view loc = element(body, "location", at, body.size(), &loc_end);
      if (loc_end == 0) break;
      at = loc_end;
      GoldToponym t;
      t.name = xml_text(element(loc, "name", 0, loc.size(), nullptr));
      t.page = xml_text(element(loc, "page", 0, loc.size(), nullptr));
      const long start = std::strtol(std::string(element(loc, "start", 0, loc.size(), nullptr)).c_str(), nullptr, 10) - 1;
      const long end = std::strtol(std::string(element(loc, "end", 0, loc.size(), nullptr)).c_str(), nullptr, 10) - 1;
      t.lat = std::strtod(std::string(element(loc, "lat", 0, loc.size(), nullptr)).c_str(), nullptr);
      t.lon = std::strtod(std::string(element(loc, "lon", 0, loc.size(), nullptr)).c_str(), nullptr);
      if (start < 0 || end <= start || static_cast<size_t>(end) >= offsets.size()) {
        ++bad;
        continue;
      }
      t.start = offsets[start];
      t.end = offsets[end];
      if (a.text.compare(t.start, t.end - t.start, t.name) != 0) {
        ++bad;
        continue;
      }
      a.toponyms.push_back(std::move(t));
    }
    articles.push_back(std::move(a));
  }
  if (misaligned) *misaligned = bad;
  if (articles.empty()) return fail(ErrorCode::kInvalidInput, "no <article> in the GeoVirus file");
  return articles;
}

GeoScores evaluate_geo(const facts::Gazetteer& gazetteer, const std::vector<GeoArticle>& articles) {
  GeoScores s;
  std::vector<double> errors, raw_errors;
  double seconds = 0;
  for (const GeoArticle& a : articles) {
    std::vector<facts::Entity> spans;
    for (const GoldToponym& t : a.toponyms) {
      facts::Entity e;
      e.start = t.start;
      e.end = t.end;
      e.type = facts::EntityType::kLocation;
      spans.push_back(e);
    }
    const auto t0 = std::chrono::steady_clock::now();
    const facts::Segmented seg = facts::segment(a.text);
    const auto places = facts::resolve_places(gazetteer, seg, spans);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    for (size_t i = 0; i < a.toponyms.size(); ++i) {
      const GoldToponym& t = a.toponyms[i];
      GeoOutcome o;
      o.name = t.name;
      o.page = t.page;
      const std::string gold_area = area_id(gazetteer, t.page);
      ++s.toponyms;
      if (!gold_area.empty()) ++s.area_sized;
      if (places[i]) {
        const facts::Place& p = *places[i];
        ++s.resolved;
        if (p.metonymic) ++s.metonymic;
        o.metonymic = p.metonymic;
        o.resolved_name = p.name;
        o.resolved_id = p.id;
        o.feature = facts::place_class_name(p.feature);
        o.error_km = facts::distance_km(t.lat, t.lon, p.lat, p.lon);
        o.by_identity = !gold_area.empty() && p.id == gold_area;
        o.correct = o.by_identity || o.error_km <= kHitKm;
        if (o.error_km <= kHitKm) ++s.correct_by_distance;
        if (o.correct) ++s.correct;
        if (o.correct && !gold_area.empty()) ++s.area_correct;
        raw_errors.push_back(o.error_km);
        errors.push_back(o.by_identity ? 0.0 : o.error_km);
      }
      s.outcomes.push_back(std::move(o));
    }
  }
  s.median_error_km = median(errors);
  s.median_raw_error_km = median(raw_errors);
  s.seconds = seconds;
  return s;
}

}  // namespace tidings::eval
