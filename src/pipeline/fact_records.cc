// FactSet -> FactRecords (fact_records.h).
#include "pipeline/fact_records.h"

#include <algorithm>
#include <chrono>
#include <cmath>


namespace tidings {

namespace {

// Lower case (ASCII; names in other scripts are kept as written) with runs
// of white space collapsed: the key two spellings of one name share.
std::string name_key(std::string_view name) {
  std::string out;
  bool space = false;
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
  return out;
}

std::string truncated(std::string s, size_t bytes) {
  if (s.size() <= bytes) return s;
  size_t n = bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  s.resize(n);
  return s;
}

std::string json_text(const nlohmann::json& j) {
  std::string s = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return s.size() <= kMaxFactJsonBytes ? s : std::string("{}");
}

FactRecord record_of(const nlohmann::json& j) {
  FactRecord r;
  r.kind = j["type"].get<std::string>();
  r.sentence = j["sentence"].get<int64_t>();
  r.start = j["start"].get<int64_t>();
  r.end = j["end"].get<int64_t>();
  r.json = json_text(j);
  return r;
}

std::string text_of(const nlohmann::json& span) {
  return span.is_object() && span.contains("text") ? span["text"].get<std::string>() : std::string();
}

// The as-of instant of a figure: the first day of its date expression at
// noon local time (a day, not a moment), else the publication time.
std::optional<Instant> as_of(const facts::FactSet& f, const facts::Figure& g) {
  if (g.as_of >= 0 && static_cast<size_t>(g.as_of) < f.dates.size()) {
    const facts::DateExpression& d = f.dates[static_cast<size_t>(g.as_of)];
    if (d.resolved) {
      const int offset = f.published ? f.published->utc_offset_minutes : 0;
      return Instant(std::chrono::duration_cast<Instant::duration>(
          d.first.time_since_epoch() + std::chrono::hours(12) - std::chrono::minutes(offset)));
    }
  }
  if (f.published) return f.published->at;
  return std::nullopt;
}

}  // namespace

std::vector<FactRecord> fact_records(const facts::FactSet& f) {
  const nlohmann::json all = facts::facts_json(f);
  std::vector<FactRecord> out;
  std::vector<int64_t> figure_position(f.figures.size(), -1);
  for (const nlohmann::json& j : all) {
    if (out.size() >= kMaxFactsPerArticle) break;
    FactRecord r = record_of(j);
    const std::string label = j["text"].get<std::string>();
    if (r.kind == "entity") {
      r.detail = j["entity_type"].get<std::string>();
      std::string type = r.detail;
      std::transform(type.begin(), type.end(), type.begin(), [](char c) { return static_cast<char>(c + 32); });
      r.key = type + ":" + name_key(j["value"].get<std::string>());  // "SNSC" under its defined name
      r.label = label;
    } else if (r.kind == "person") {
      r.key = name_key(j["name"].get<std::string>());
      r.label = j["name"].get<std::string>();
      if (!j["roles"].empty()) r.detail = j["roles"][0]["title"].get<std::string>();
    } else if (r.kind == "place") {
      r.key = j["value"].get<std::string>();
      r.label = label;
      r.lat = j["lat"].get<double>();
      r.lon = j["lon"].get<double>();
      r.detail = j["country_code"].is_null() ? std::string() : j["country_code"].get<std::string>();
    } else if (r.kind == "date") {
      r.key = j["value"].is_null() ? std::string() : j["value"].get<std::string>();
      r.label = label;
    } else if (r.kind == "quote") {
      r.key = j["speaker"]["name"].is_null() ? std::string() : name_key(j["speaker"]["name"].get<std::string>());
      r.label = j["value"].get<std::string>();
      r.attribution = text_of(j["speaker"]);
      r.detail = j["kind"].get<std::string>();
    } else if (r.kind == "figure") {
      const size_t index = j["index"].get<size_t>();
      const facts::Figure& g = f.figures[index];
      figure_position[index] = static_cast<int64_t>(out.size());
      r.key = j["measure"].get<std::string>();
      r.label = label;
      if (std::isfinite(g.value)) r.value = g.value;
      if (r.value && g.qualifier == facts::Qualifier::kBetween && std::isfinite(g.value_max) &&
          g.value_max >= g.value) {
        r.value_max = g.value_max;
      }
      // A vague amount ("thousands") is its lower bound: at least.
      r.qualifier = g.qualifier != facts::Qualifier::kNone ? facts::qualifier_name(g.qualifier)
                    : g.vague                              ? "at_least"
                                                           : "exact";
      r.attribution = text_of(j["attribution"]);
      // The place it was counted in: claims of one measure in two places
      // are not compared (store/facts.h find_disagreements).
      if (j["place"].is_object()) r.detail = j["place"]["name"].get<std::string>();
      r.as_of = as_of(f, g);
      if (g.parent >= 0 && static_cast<size_t>(g.parent) < index) r.parent = figure_position[static_cast<size_t>(g.parent)];
    }
    r.key = truncated(std::move(r.key), kMaxFactTextBytes);
    r.label = truncated(std::move(r.label), kMaxFactTextBytes);
    r.attribution = truncated(std::move(r.attribution), kMaxFactTextBytes);
    r.detail = truncated(std::move(r.detail), kMaxFactTextBytes);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace tidings
