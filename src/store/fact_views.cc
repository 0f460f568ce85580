// A story's facts aggregated per claim, not per copy, and the figures its
// sources disagree on (see facts.h; rules in docs/facts-store.md). Pure
// functions over rows any Store implementation reads.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include "store/facts.h"

namespace tidings {

bool is_fact_kind(std::string_view kind) {
  return std::find(std::begin(kFactKinds), std::end(kFactKinds), kind) != std::end(kFactKinds);
}

namespace {

// The report an article belongs to: its original, or itself. copy_of never
// leads to another copy (Store::set_original keeps it so).
int64_t report_of(const ArticleRef& a) { return a.copy_of.value_or(a.id); }

bool earlier(const ArticleRef& a, const ArticleRef& b) {
  return std::tie(a.sort_time, a.id) < std::tie(b.sort_time, b.id);
}

// A quote's text as copies may restyle it: ASCII letters and digits
// lowercased, other ASCII and the general punctuation block (curly quotes,
// dashes, ellipsis: U+2000..U+206F) dropped, other characters kept.
std::string quote_identity(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) out += static_cast<char>(c);
      if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xE2 && i + 2 < text.size() &&
               (static_cast<unsigned char>(text[i + 1]) == 0x80 ||
                static_cast<unsigned char>(text[i + 1]) == 0x81)) {
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

struct TallyBuilder {
  FactTally tally;
  std::map<std::string, std::set<int64_t>> labels;  // label -> the reports using it
  std::set<int64_t> articles, reports;
  std::set<std::string> outlets;
};

void add_to_tally(TallyBuilder& b, const FactRecord& f, const ArticleRef& a) {
  FactTally& t = b.tally;
  if (b.articles.empty() || std::tie(a.sort_time, a.id) < std::tie(t.first_seen, t.first_article_id)) {
    t.first_seen = a.sort_time;
    t.first_article_id = a.id;
  }
  if (!f.label.empty()) b.labels[f.label].insert(report_of(a));
  if (t.detail.empty()) t.detail = f.detail;
  if (!t.lat && f.lat && f.lon) {
    t.lat = f.lat;
    t.lon = f.lon;
  }
  ++t.mentions;
  b.articles.insert(a.id);
  b.reports.insert(report_of(a));
  b.outlets.insert(a.outlet);
}

std::vector<FactTally> finish_tallies(std::map<std::string, TallyBuilder>& builders,
                                      int64_t& total) {
  std::vector<FactTally> out;
  out.reserve(builders.size());
  for (auto& [key, b] : builders) {
    FactTally t = std::move(b.tally);
    t.key = key;
    // The label most reports use (copies do not vote), then the longest:
    // "Ali Asghar Khaji" over the later mentions' "Khaji".
    const auto best = std::max_element(b.labels.begin(), b.labels.end(), [](auto& x, auto& y) {
      return std::pair(x.second.size(), x.first.size()) < std::pair(y.second.size(), y.first.size());
    });
    if (best != b.labels.end()) t.label = best->first;
    t.articles = static_cast<int64_t>(b.articles.size());
    t.reports = static_cast<int64_t>(b.reports.size());
    t.outlets = static_cast<int64_t>(b.outlets.size());
    out.push_back(std::move(t));
  }
  std::sort(out.begin(), out.end(), [](const FactTally& x, const FactTally& y) {
    return std::tie(y.reports, y.articles, y.mentions, x.first_seen, x.key) <
           std::tie(x.reports, x.articles, x.mentions, y.first_seen, y.key);
  });
  total = static_cast<int64_t>(out.size());
  if (out.size() > kMaxTallies) out.resize(kMaxTallies);
  return out;
}

// The facts of one claim: (kind, report, key, identity) -> rows.
using ClaimKey = std::tuple<std::string, int64_t, std::string, std::string>;

// Builds a claim from its rows: its fields from the report's own article
// when it carries the claim (the original speaks for its copies), else from
// the earliest carrier; empty fields filled from the other carriers.
FactClaim build_claim(const std::vector<const StoryFactRow*>& group,
                      const std::vector<ArticleRef>& articles,
                      const std::map<std::pair<size_t, int64_t>, const StoryFactRow*>& by_position) {
  std::vector<const StoryFactRow*> rows = group;
  const int64_t report = report_of(articles[rows.front()->article]);
  std::stable_sort(rows.begin(), rows.end(), [&](const StoryFactRow* x, const StoryFactRow* y) {
    const ArticleRef& a = articles[x->article];
    const ArticleRef& b = articles[y->article];
    return std::tuple(a.id != report, a.sort_time, a.id, x->position) <
           std::tuple(b.id != report, b.sort_time, b.id, y->position);
  });
  const StoryFactRow& lead = *rows.front();
  const FactRecord& f = lead.fact;
  FactClaim c;
  c.report_id = report;
  c.key = f.key;
  c.label = f.label;
  c.value = f.value;
  c.value_max = f.value_max;
  c.qualifier = f.qualifier;
  c.attribution = f.attribution;
  c.detail = f.detail;
  c.as_of = f.as_of;
  c.article = articles[lead.article];
  c.sentence = f.sentence;
  c.start = f.start;
  c.end = f.end;
  if (f.parent >= 0) {
    const auto parent = by_position.find({lead.article, f.parent});
    if (parent != by_position.end()) {
      c.part_of_key = parent->second->fact.key;
      c.part_of_value = parent->second->fact.value;
    }
  }
  std::set<size_t> carriers;
  for (const StoryFactRow* r : rows) {
    carriers.insert(r->article);
    if (c.attribution.empty()) c.attribution = r->fact.attribution;
    if (c.qualifier.empty()) c.qualifier = r->fact.qualifier;
    if (c.detail.empty()) c.detail = r->fact.detail;
    if (!c.as_of) c.as_of = r->fact.as_of;
  }
  for (size_t i : carriers) c.carriers.push_back(articles[i]);
  std::sort(c.carriers.begin(), c.carriers.end(), earlier);
  c.carrier_count = static_cast<int64_t>(c.carriers.size());
  c.time = c.as_of.value_or(c.carriers.front().sort_time);
  if (c.carriers.size() > kMaxCarriersShown) c.carriers.resize(kMaxCarriersShown);
  return c;
}

bool claim_order(const FactClaim& x, const FactClaim& y) {
  return std::tuple(x.time, x.article.sort_time, x.article.id, x.value.value_or(0), x.key) <
         std::tuple(y.time, y.article.sort_time, y.article.id, y.value.value_or(0), y.key);
}

}  // namespace

StoryFacts aggregate_story_facts(int64_t story_id, const std::vector<ArticleRef>& articles,
                                 const std::vector<StoryFactRow>& rows) {
  StoryFacts out;
  out.story_id = story_id;
  out.articles = static_cast<int64_t>(articles.size());
  std::map<std::string, TallyBuilder> people, entities, places, dates;
  std::map<ClaimKey, std::vector<const StoryFactRow*>> claims;
  std::map<std::pair<size_t, int64_t>, const StoryFactRow*> by_position;
  std::set<size_t> with_facts;
  for (size_t i = 0; i < rows.size(); ++i) {
    const StoryFactRow& r = rows[i];
    if (r.article >= articles.size()) continue;
    with_facts.insert(r.article);
    by_position.emplace(std::pair(r.article, r.position), &r);
    const FactRecord& f = r.fact;
    const ArticleRef& a = articles[r.article];
    if (f.kind == "quote") {
      claims[{f.kind, report_of(a), f.key, quote_identity(f.label)}].push_back(&r);
      continue;
    }
    if (f.kind == "figure") {
      if (!f.value || f.key.empty()) continue;  // a figure without a measure or quantity
      std::string amount = std::to_string(*f.value);
      if (f.value_max) amount += "-" + std::to_string(*f.value_max);
      if (!f.detail.empty()) amount += " in " + f.detail;  // the place it was counted in
      claims[{f.kind, report_of(a), f.key, std::move(amount)}].push_back(&r);
      continue;
    }
    if (f.key.empty()) continue;
    auto* builders = f.kind == "person"  ? &people
                     : f.kind == "place" ? &places
                     : f.kind == "date"  ? &dates
                                         : &entities;
    add_to_tally((*builders)[f.key], f, a);
  }
  out.articles_with_facts = static_cast<int64_t>(with_facts.size());
  out.people = finish_tallies(people, out.people_total);
  out.entities = finish_tallies(entities, out.entities_total);
  out.places = finish_tallies(places, out.places_total);
  out.dates = finish_tallies(dates, out.dates_total);

  std::map<std::string, FigureMeasure> measures;
  for (const auto& [key, group] : claims) {
    FactClaim c = build_claim(group, articles, by_position);
    if (std::get<0>(key) == "quote") {
      out.quotes.push_back(std::move(c));
    } else {
      FigureMeasure& m = measures[c.key];
      m.key = c.key;
      m.claims.push_back(std::move(c));
    }
  }
  std::sort(out.quotes.begin(), out.quotes.end(), claim_order);
  out.quotes_total = static_cast<int64_t>(out.quotes.size());
  if (out.quotes.size() > kMaxQuotes) out.quotes.resize(kMaxQuotes);
  for (auto& [key, m] : measures) {
    if (out.figures.size() == kMaxMeasures) break;
    std::sort(m.claims.begin(), m.claims.end(), claim_order);
    m.claim_count = static_cast<int64_t>(m.claims.size());
    if (m.claims.size() > kMaxClaimsPerMeasure) m.claims.resize(kMaxClaimsPerMeasure);
    out.figures.push_back(std::move(m));
  }
  out.measures_total = static_cast<int64_t>(measures.size());
  return out;
}

ClaimRange claim_range(double v, std::string_view q, std::optional<double> value_max) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  // "between 10 and 20": the range as stated (a top below the value is not
  // a range; the number alone is then what was claimed).
  if (value_max && *value_max >= v) return {v, *value_max};
  if (q == "at_least" || q == "more_than" || q == "over" || q == "above") return {v, kInf};
  if (q == "up_to" || q == "at_most" || q == "less_than" || q == "fewer_than" || q == "under" ||
      q == "below") {
    return {std::min(0.0, v), v};
  }
  const double tenth = std::abs(v) * 0.1;
  if (q == "nearly" || q == "almost") return {v - tenth, v};
  if (q == "around" || q == "about" || q == "approximately" || q == "roughly" || q == "some" ||
      q == "estimated") {
    return {v - tenth, v + tenth};
  }
  return {v, v};  // "exact", "" and anything unknown: the number as stated
}

namespace {

bool contradicts(const FactClaim& a, const FactClaim& b, int64_t window_seconds) {
  if (a.report_id == b.report_id || a.article.outlet == b.article.outlet) return false;
  // Counted in two different places ("31,643 killed in Turkey", "5,700
  // there" in Syria): not the same count. A claim that names no place is
  // compared with any.
  if (!a.detail.empty() && !b.detail.empty() && a.detail != b.detail) return false;
  const auto gap = a.time > b.time ? a.time - b.time : b.time - a.time;
  if (gap > std::chrono::seconds(window_seconds)) return false;
  const ClaimRange x = claim_range(*a.value, a.qualifier, a.value_max);
  const ClaimRange y = claim_range(*b.value, b.qualifier, b.value_max);
  return x.high < y.low || y.high < x.low;
}

void add_claim(DisputedValue& v, const FactClaim& c) {
  if (v.claims++ == 0 || c.time < v.first_at) v.first_at = c.time;
  for (const ArticleRef& a : c.carriers) {
    if (std::find(v.outlets.begin(), v.outlets.end(), a.outlet) == v.outlets.end()) {
      v.outlets.push_back(a.outlet);
    }
    if (v.article_ids.size() < kMaxCarriersShown) v.article_ids.push_back(a.id);
  }
  if (!c.attribution.empty() &&
      std::find(v.attributions.begin(), v.attributions.end(), c.attribution) ==
          v.attributions.end()) {
    v.attributions.push_back(c.attribution);
  }
}

}  // namespace

std::vector<FigureDisagreement> find_disagreements(const std::vector<FigureMeasure>& figures,
                                                   int64_t window_seconds) {
  std::vector<FigureDisagreement> out;
  for (const FigureMeasure& m : figures) {
    const std::vector<FactClaim>& claims = m.claims;
    std::set<std::pair<size_t, size_t>> pairs;  // claim indexes
    for (size_t i = 0; i < claims.size(); ++i) {
      for (size_t j = i + 1; j < claims.size(); ++j) {
        if (claims[i].value && claims[j].value && contradicts(claims[i], claims[j], window_seconds)) {
          pairs.emplace(i, j);
        }
      }
    }
    if (pairs.empty()) continue;
    // The values taking part, one entry per (value, qualifier, top, place).
    using ValueKey = std::tuple<double, std::string, std::optional<double>, std::string>;
    const auto value_key = [&](size_t k) {
      return ValueKey{*claims[k].value, claims[k].qualifier, claims[k].value_max, claims[k].detail};
    };
    std::map<ValueKey, DisputedValue> values;
    for (const auto& [i, j] : pairs) {
      for (size_t k : {i, j}) values[value_key(k)];
    }
    std::set<size_t> counted;
    for (const auto& [i, j] : pairs) {
      for (size_t k : {i, j}) {
        if (!counted.insert(k).second) continue;
        DisputedValue& v = values[value_key(k)];
        v.value = *claims[k].value;
        v.value_max = claims[k].value_max;
        v.qualifier = claims[k].qualifier;
        v.place = claims[k].detail;
        add_claim(v, claims[k]);
      }
    }
    FigureDisagreement d;
    d.key = m.key;
    std::map<ValueKey, size_t> index;
    for (auto& [k, v] : values) {
      index[k] = d.values.size();
      d.values.push_back(std::move(v));
    }
    std::set<std::pair<size_t, size_t>> value_pairs;
    for (const auto& [i, j] : pairs) {
      size_t a = index[value_key(i)];
      size_t b = index[value_key(j)];
      if (a > b) std::swap(a, b);
      if (a != b) value_pairs.emplace(a, b);
    }
    d.conflicts.assign(value_pairs.begin(), value_pairs.end());
    out.push_back(std::move(d));
    if (out.size() == kMaxMeasures) break;
  }
  return out;
}

}  // namespace tidings
