// JSON of facts (see fact_json.h; shapes in docs/facts-store.md).
#include "store/fact_json.h"

#include <cmath>

#include "core/duration.h"
#include "store/json_values.h"

namespace tidings {

namespace {

using nlohmann::json;

using json_values::string_or_null;
using json_values::time_or_null;

json number_or_null(const std::optional<double>& v) {
  return v && std::isfinite(*v) ? json(*v) : json(nullptr);
}

json ref_to_json(const ArticleRef& r) {
  return {{"id", r.id},
          {"outlet", string_or_null(r.outlet)},
          {"url", string_or_null(r.url)},
          {"published_at", time_or_null(r.published_at)},
          {"copy_of", r.copy_of ? json(*r.copy_of) : json(nullptr)}};
}

json tally_to_json(const FactTally& t, bool with_place) {
  json j = {{"key", t.key},
            {"label", string_or_null(t.label)},
            {"detail", string_or_null(t.detail)},
            {"mentions", t.mentions},
            {"articles", t.articles},
            {"reports", t.reports},
            {"outlets", t.outlets},
            {"first_seen", format_rfc3339(t.first_seen)},
            {"first_article", t.first_article_id}};
  if (with_place) {
    j["lat"] = number_or_null(t.lat);
    j["lon"] = number_or_null(t.lon);
  }
  return j;
}

json tallies_to_json(const std::vector<FactTally>& items, int64_t total, bool with_place = false) {
  json list = json::array();
  for (const FactTally& t : items) list.push_back(tally_to_json(t, with_place));
  return {{"total", total}, {"items", std::move(list)}};
}

json carriers_to_json(const FactClaim& c) {
  json list = json::array();
  for (const ArticleRef& a : c.carriers) list.push_back(ref_to_json(a));
  return list;
}

json quote_to_json(const FactClaim& c) {
  return {{"speaker_key", string_or_null(c.key)},
          {"speaker", string_or_null(c.attribution)},
          {"text", c.label},
          {"time", format_rfc3339(c.time)},
          {"article", ref_to_json(c.article)},
          {"sentence", c.sentence},
          {"start", c.start},
          {"end", c.end},
          {"carrier_count", c.carrier_count},
          {"carriers", carriers_to_json(c)}};
}

json figure_claim_to_json(const FactClaim& c) {
  json part_of = nullptr;
  if (!c.part_of_key.empty()) {
    part_of = {{"key", c.part_of_key},
               {"value", c.part_of_value ? quantity_json(*c.part_of_value) : json(nullptr)}};
  }
  return {{"value", c.value ? quantity_json(*c.value) : json(nullptr)},
          {"value_max", c.value_max ? quantity_json(*c.value_max) : json(nullptr)},
          {"qualifier", string_or_null(c.qualifier)},
          {"label", string_or_null(c.label)},
          {"attribution", string_or_null(c.attribution)},
          {"detail", string_or_null(c.detail)},
          {"as_of", time_or_null(c.as_of)},
          {"time", format_rfc3339(c.time)},
          {"part_of", std::move(part_of)},
          {"article", ref_to_json(c.article)},
          {"sentence", c.sentence},
          {"start", c.start},
          {"end", c.end},
          {"carrier_count", c.carrier_count},
          {"carriers", carriers_to_json(c)}};
}

}  // namespace

json quantity_json(double v) {
  if (!std::isfinite(v)) return nullptr;
  if (std::trunc(v) == v && std::abs(v) < 9007199254740992.0) return static_cast<int64_t>(v);
  return v;
}

json fact_to_json(const FactRecord& f, size_t index) {
  json fact = nullptr;
  if (!f.json.empty()) {
    fact = json::parse(f.json, nullptr, false);
    if (fact.is_discarded()) fact = nullptr;
  }
  return {{"index", index},
          {"kind", f.kind},
          {"sentence", f.sentence},
          {"start", f.start},
          {"end", f.end},
          {"key", f.key},
          {"label", string_or_null(f.label)},
          {"value", f.value ? quantity_json(*f.value) : json(nullptr)},
          {"value_max", f.value_max ? quantity_json(*f.value_max) : json(nullptr)},
          {"qualifier", string_or_null(f.qualifier)},
          {"attribution", string_or_null(f.attribution)},
          {"detail", string_or_null(f.detail)},
          {"as_of", time_or_null(f.as_of)},
          {"lat", number_or_null(f.lat)},
          {"lon", number_or_null(f.lon)},
          {"parent", f.parent >= 0 ? json(f.parent) : json(nullptr)},
          {"fact", std::move(fact)}};
}

json article_facts_to_json(const ArticleFacts& a) {
  json facts = json::array();
  for (size_t i = 0; i < a.facts.size(); ++i) facts.push_back(fact_to_json(a.facts[i], i));
  return {{"article", a.article_id},
          {"version", a.version ? json(*a.version) : json(nullptr)},
          {"computed_at", time_or_null(a.computed_at)},
          {"stale", a.stale},
          {"count", a.facts.size()},
          {"facts", std::move(facts)}};
}

json story_facts_to_json(const StoryFacts& s) {
  json quotes = json::array();
  for (const FactClaim& q : s.quotes) quotes.push_back(quote_to_json(q));
  json measures = json::array();
  for (const FigureMeasure& m : s.figures) {
    json claims = json::array();
    for (const FactClaim& c : m.claims) claims.push_back(figure_claim_to_json(c));
    measures.push_back(
        {{"key", m.key}, {"claim_count", m.claim_count}, {"claims", std::move(claims)}});
  }
  return {{"story", s.story_id},
          {"articles", s.articles},
          {"articles_with_facts", s.articles_with_facts},
          {"truncated", s.truncated},
          {"people", tallies_to_json(s.people, s.people_total)},
          {"entities", tallies_to_json(s.entities, s.entities_total)},
          {"places", tallies_to_json(s.places, s.places_total, true)},
          {"dates", tallies_to_json(s.dates, s.dates_total)},
          {"quotes", {{"total", s.quotes_total}, {"items", std::move(quotes)}}},
          {"figures", {{"total", s.measures_total}, {"measures", std::move(measures)}}}};
}

json disagreements_to_json(const StoryDisagreements& d) {
  json measures = json::array();
  for (const FigureDisagreement& m : d.measures) {
    json values = json::array();
    for (const DisputedValue& v : m.values) {
      values.push_back({{"value", quantity_json(v.value)},
                        {"value_max", v.value_max ? quantity_json(*v.value_max) : json(nullptr)},
                        {"qualifier", string_or_null(v.qualifier)},
                        {"place", string_or_null(v.place)},
                        {"claims", v.claims},
                        {"outlets", v.outlets},
                        {"articles", v.article_ids},
                        {"attributions", v.attributions},
                        {"first_at", format_rfc3339(v.first_at)}});
    }
    json conflicts = json::array();
    for (const auto& [a, b] : m.conflicts) conflicts.push_back({a, b});
    measures.push_back(
        {{"key", m.key}, {"values", std::move(values)}, {"conflicts", std::move(conflicts)}});
  }
  return {{"story", d.story_id},
          {"window_seconds", d.window_seconds},
          {"window", format_duration(d.window_seconds)},
          {"measures", std::move(measures)}};
}

}  // namespace tidings
