// Toponym resolution (geo.h, docs/geo.md "Ranking"): each name's candidates
// get a prior from their kind of place and population, then two passes over
// the document let the places named elsewhere vote (a city in a country or
// division the text names wins; "Paris, Texas" names its division right
// after the comma). The idea is the population-and-context heuristics of
// Leidner (2008) and of CLAVIN/Mordecai, with weights chosen by reasoning,
// not fitted.
#include "facts/geo.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>
#include <type_traits>

#include "facts/geo_gazetteer.h"
#include "facts/geo_metonymy.h"

namespace tidings::facts {

namespace {

constexpr size_t kMaxToponyms = 4096;
constexpr size_t kMaxNameBytes = 200;
constexpr size_t kMaxCandidates = 64;
constexpr int kQualifierTokens = 4;
constexpr double kDatelineCity = 4.0;  // a dateline's place is a city (is_dateline)

struct Candidate {
  uint32_t place = 0;
  NameKind kind = NameKind::kName;
  bool loose = false;  ///< matched after dropping a generic word ("Dallas County" -> Dallas)
  double prior = 0, score = 0;
};

struct Mention {
  std::string key;  ///< the folded name: mentions of one name do not vote for each other
  std::vector<Candidate> candidates;
  std::vector<uint32_t> qualifier;  ///< divisions and countries named right after a comma
  MetonymyCue cue = MetonymyCue::kNone;
  uint32_t winner = kNoPlace;       ///< after the current pass
};

// Generic words a text adds to or leaves off a name ("Nyanza Province").
constexpr std::array<std::string_view, 16> kGenericSuffixes = {
    "county", "province", "district", "regency", "governorate", "prefecture", "department", "region",
    "state", "municipality", "city", "parish", "oblast", "division", "territory", "area"};
constexpr std::array<std::string_view, 14> kDirectionPrefixes = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "greater",
    "downtown", "upper", "lower", "metropolitan"};

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

// "US", "U.S.", "NSW": letters all capitals, two or more of them.
bool written_in_capitals(std::string_view s) {
  int letters = 0;
  for (const char c : s) {
    if (is_ascii_lower(c)) return false;
    if (is_ascii_upper(c)) ++letters;
  }
  return letters >= 2;
}

// The name without a leading article or a trailing possessive.
std::string_view trim_name(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t')) s.remove_suffix(1);
  for (const std::string_view article : {"the ", "The ", "THE "}) {
    if (s.size() > article.size() + 1 && s.substr(0, article.size()) == article) s.remove_prefix(article.size());
  }
  for (const std::string_view clitic : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
    if (s.size() > clitic.size() + 1 && s.substr(s.size() - clitic.size()) == clitic) {
      s.remove_suffix(clitic.size());
      break;
    }
  }
  return s;
}

double log_population(uint32_t population) { return std::log10(static_cast<double>(population) + 1.0); }

// What a candidate is worth before the document is read.
double prior_of(const PlaceRecord& r, const Candidate& c) {
  double s = 0;
  switch (r.feature) {
    case PlaceClass::kContinent: s = 13; break;
    case PlaceClass::kRegion: s = 12; break;
    case PlaceClass::kCountry: s = 12; break;
    case PlaceClass::kAdmin: s = 5 + 0.6 * log_population(r.population); break;
    case PlaceClass::kCity:
      s = log_population(r.population) + ((r.flags & kCapital) ? 2.0 : 0) + ((r.flags & kAdminSeat) ? 0.7 : 0);
      break;
  }
  if (c.kind == NameKind::kAlternate) s -= 0.3;
  if (c.loose) s -= (r.feature == PlaceClass::kAdmin ? 0.5 : 1.5);
  return s;
}

std::vector<NameMatch> matches_of(const Gazetteer& g, std::string_view surface, std::string_view folded,
                                  bool qualifier = false) {
  std::vector<NameMatch> out = g.find(folded);
  const bool capitals = written_in_capitals(surface);
  std::erase_if(out, [&](const NameMatch& m) {
    return ((m.kind == NameKind::kAbbreviation || m.kind == NameKind::kCode) && !capitals) ||
           (m.kind == NameKind::kCode && !qualifier);
  });
  return out;
}

// "us", "turkey": Latin letters and not one capital is not a proper name.
bool lower_case_word(std::string_view s) {
  bool latin = false;
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;  // other scripts have no case to read
    if (is_ascii_upper(c)) return false;
    latin = latin || is_ascii_lower(c);
  }
  return latin;
}

std::vector<Candidate> candidates_for(const Gazetteer& g, std::string_view surface) {
  std::vector<Candidate> out;
  // A direction in lower case is not part of the name: "eastern Libya",
  // "southern Lebanon" are in Libya and Lebanon ("West Midlands" and
  // "North Carolina", capitalised, are names of their own).
  if (const size_t space = surface.find(' '); space != std::string_view::npos && is_ascii_lower(surface[0])) {
    const std::string_view head = surface.substr(0, space);
    if (std::find(kDirectionPrefixes.begin(), kDirectionPrefixes.end(), head) != kDirectionPrefixes.end()) {
      surface.remove_prefix(space + 1);
    }
  }
  if (lower_case_word(surface)) return out;
  const std::string folded = fold_name(surface);
  if (folded.empty()) return out;
  auto add = [&](const std::vector<NameMatch>& ms, bool loose) {
    for (const NameMatch& m : ms) {
      auto same = std::find_if(out.begin(), out.end(), [&](const Candidate& c) { return c.place == m.place; });
      if (same == out.end()) {
        out.push_back({m.place, m.kind, loose});
      } else if (m.kind < same->kind) {
        same->kind = m.kind;
      }
    }
  };
  add(matches_of(g, surface, folded), false);
  if (out.empty()) {  // "Dallas County" -> Dallas, "Nyanza Province" -> Nyanza
    const size_t space = folded.rfind(' ');
    if (space != std::string::npos) {
      const std::string_view last = std::string_view(folded).substr(space + 1);
      if (std::find(kGenericSuffixes.begin(), kGenericSuffixes.end(), last) != kGenericSuffixes.end()) {
        add(matches_of(g, surface, folded.substr(0, space)), true);
      }
    }
  }
  if (out.empty()) {  // "North Dallas" -> Dallas; a city only ("West Midlands" is not "Midlands")
    const size_t space = folded.find(' ');
    if (space != std::string::npos) {
      const std::string_view head = std::string_view(folded).substr(0, space);
      if (std::find(kDirectionPrefixes.begin(), kDirectionPrefixes.end(), head) != kDirectionPrefixes.end()) {
        std::vector<NameMatch> ms = matches_of(g, surface, folded.substr(space + 1));
        std::erase_if(ms, [&](const NameMatch& m) { return g.record(m.place).feature != PlaceClass::kCity; });
        add(ms, true);
      }
    }
  }
  if (out.size() > kMaxCandidates) {
    std::partial_sort(out.begin(), out.begin() + kMaxCandidates, out.end(), [&](const Candidate& a, const Candidate& b) {
      return g.record(a.place).population > g.record(b.place).population;
    });
    out.resize(kMaxCandidates);
  }
  for (Candidate& c : out) c.prior = prior_of(g.record(c.place), c);
  return out;
}

size_t token_at(const Segmented& text, uint32_t offset) {
  auto it = std::lower_bound(text.tokens.begin(), text.tokens.end(), offset,
                             [](const Token& t, uint32_t v) { return t.start < v; });
  return static_cast<size_t>(it - text.tokens.begin());
}

// "Paris, Texas", "Maitland, NSW", "Van, Turkey": the divisions or countries
// named by up to four capitalised words right after a comma.
std::vector<uint32_t> qualifier_after(const Gazetteer& g, const Segmented& text, uint32_t end) {
  std::vector<uint32_t> out;
  size_t t = token_at(text, end);
  if (t >= text.tokens.size() || text.token_text(t) != ",") return out;
  ++t;
  size_t last = t;
  while (last < text.tokens.size() && last < t + kQualifierTokens && text.tokens[last].kind == TokenKind::kWord &&
         !text.token_text(last).empty() && is_ascii_upper(text.token_text(last).front())) {
    ++last;
  }
  for (size_t stop = last; stop > t; --stop) {
    const uint32_t from = text.tokens[t].start, to = text.tokens[stop - 1].end;
    const std::string_view words = text.text.substr(from, to - from);
    for (const NameMatch& m : matches_of(g, words, fold_name(words), true)) {
      const PlaceClass f = g.record(m.place).feature;
      if (f == PlaceClass::kAdmin || f == PlaceClass::kCountry) out.push_back(m.place);
    }
    if (!out.empty()) break;
  }
  return out;
}

// Votes of the other mentions' current winners: their countries and divisions.
struct Context {
  std::unordered_map<uint32_t, double> countries, admins;
  double total = 0;

  void add(const Gazetteer& g, uint32_t place, double weight) {
    if (place == kNoPlace) return;
    const PlaceRecord& r = g.record(place);
    if (r.country != kNoPlace) countries[r.country] += weight;
    if (r.feature == PlaceClass::kAdmin) admins[place] += weight;
    if (r.admin != kNoPlace) admins[r.admin] += weight;
    total += weight;
  }
  double country_votes(uint32_t c) const {
    auto it = countries.find(c);
    return it == countries.end() ? 0 : it->second;
  }
  double admin_votes(uint32_t a) const {
    auto it = admins.find(a);
    return it == admins.end() ? 0 : it->second;
  }
};

// `all` holds every mention's vote, `own` those of the mentions of this
// name, which do not count.
double context_score(const Gazetteer& g, const Candidate& c, const Mention& m, const Context& all, const Context& own) {
  const PlaceRecord& r = g.record(c.place);
  double s = c.prior;
  const double others = all.total - own.total;
  if (r.feature == PlaceClass::kCountry || r.feature == PlaceClass::kAdmin || r.feature == PlaceClass::kCity) {
    // The share of the other places that lie in this candidate's country.
    const double in_country = r.country == kNoPlace ? 0 : all.country_votes(r.country) - own.country_votes(r.country);
    if (in_country > 0.5 && others > 0) s += 1.5 + 4.0 * in_country / others;
    // A division named elsewhere, or holding places named elsewhere.
    const uint32_t admin = r.feature == PlaceClass::kAdmin ? c.place : r.admin;
    const double in_admin = admin == kNoPlace ? 0 : all.admin_votes(admin) - own.admin_votes(admin);
    if (in_admin > 0.5 && others > 0) s += 1.0 + 3.0 * in_admin / others;
  }
  for (const uint32_t q : m.qualifier) {
    if (q == r.admin || q == r.country) s += 8.0;
  }
  if (m.cue == MetonymyCue::kSpeechVerb && (r.flags & kCapital)) s += 6.0;
  return s;
}

// A dateline names the city a story was filed from: "WASHINGTON (Reuters)
// -", "KYIV, Ukraine (AP) —", "GAZA CITY -". The name opens a paragraph in
// capitals and a parenthesis, comma or dash follows.
bool is_dateline(const Segmented& text, const Entity& e, std::string_view surface) {
  if (!written_in_capitals(surface)) return false;
  if (e.start > 0 && text.text[e.start - 1] != '\n') return false;
  const size_t t = token_at(text, e.end);
  if (t >= text.tokens.size()) return false;
  const std::string_view next = text.token_text(t);
  return next == "(" || next == "," || next == "-" || next == "\xE2\x80\x94" || next == "\xE2\x80\x93";
}

// The current winners of `mentions`, each counted once.
template <typename Mentions>
Context gather(const Gazetteer& g, const Mentions& mentions) {
  Context ctx;
  for (const auto& m : mentions) {
    if constexpr (std::is_pointer_v<std::decay_t<decltype(m)>>) {
      ctx.add(g, m->winner, 1.0);
    } else {
      ctx.add(g, m.winner, 1.0);
    }
  }
  return ctx;
}

void pick(const Gazetteer& g, Mention& m, const Context& all, const Context& own) {
  if (m.candidates.empty()) return;
  for (Candidate& c : m.candidates) c.score = context_score(g, c, m, all, own);
  const auto best = std::max_element(m.candidates.begin(), m.candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score < b.score : a.place > b.place;
  });
  m.winner = best->place;
}

double confidence_of(const Gazetteer& g, const Mention& m, const Candidate& best) {
  double runner_up = -1e9;
  const PlaceRecord& b = g.record(best.place);
  for (const Candidate& c : m.candidates) {
    if (c.place == best.place) continue;
    const PlaceRecord& r = g.record(c.place);
    // A rival within 50 km (the city and its division) does not make the answer less right.
    if (distance_km(b.lat(), b.lon(), r.lat(), r.lon()) < 50) continue;
    runner_up = std::max(runner_up, c.score);
  }
  double conf = runner_up < -1e8 ? 0.95 : 1.0 / (1.0 + std::exp(-(best.score - runner_up)));
  if (best.loose) conf *= 0.8;
  return conf;
}

}  // namespace

double distance_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRadians = M_PI / 180.0;
  const double dlat = (lat2 - lat1) * kRadians, dlon = (lon2 - lon1) * kRadians;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRadians) * std::cos(lat2 * kRadians) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

std::vector<std::optional<Place>> resolve_places(const Gazetteer& g, const Segmented& text,
                                                 std::span<const Entity> toponyms) {
  std::vector<std::optional<Place>> out(toponyms.size());
  const size_t n = std::min(toponyms.size(), kMaxToponyms);
  std::vector<Mention> mentions(n);
  for (size_t i = 0; i < n; ++i) {
    const Entity& e = toponyms[i];
    if (e.start >= e.end || e.end > text.text.size() || e.end - e.start > kMaxNameBytes) continue;
    const std::string_view surface = trim_name(text.text.substr(e.start, e.end - e.start));
    Mention& m = mentions[i];
    m.key = fold_name(surface);
    m.candidates = candidates_for(g, surface);
    if (m.candidates.empty()) continue;
    m.qualifier = qualifier_after(g, text, e.end);
    m.cue = metonymy_cue(text, e.start, e.end);
    if (is_dateline(text, e, surface)) {
      for (Candidate& c : m.candidates) {
        if (g.record(c.place).feature == PlaceClass::kCity) c.prior += kDatelineCity;
      }
    }
  }
  std::unordered_map<std::string_view, std::vector<const Mention*>> by_name;
  for (const Mention& m : mentions) {
    if (!m.candidates.empty()) by_name[m.key].push_back(&m);
  }
  // Pass 0: priors alone; passes 1 and 2: the other names' winners vote
  // (every vote of a pass taken from the pass before).
  const Context none;
  for (Mention& m : mentions) pick(g, m, none, none);
  for (int pass = 0; pass < 2; ++pass) {
    const Context all = gather(g, mentions);
    std::unordered_map<std::string_view, Context> own;
    for (const auto& [key, group] : by_name) own.emplace(key, gather(g, group));
    for (Mention& m : mentions) {
      if (!m.candidates.empty()) pick(g, m, all, own[m.key]);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    const Mention& m = mentions[i];
    if (m.winner == kNoPlace) continue;
    const Candidate& best = *std::find_if(m.candidates.begin(), m.candidates.end(),
                                          [&](const Candidate& c) { return c.place == m.winner; });
    Place p = g.place(m.winner);
    p.confidence = confidence_of(g, m, best);
    p.demonym = best.kind == NameKind::kDemonym;
    const PlaceRecord& r = g.record(m.winner);
    p.metonymic = m.cue == MetonymyCue::kGovernmentNoun ||
                  (m.cue == MetonymyCue::kSpeechVerb && (r.feature == PlaceClass::kCountry || (r.flags & kCapital)));
    out[i] = std::move(p);
  }
  return out;
}

std::vector<Place> lookup_places(const Gazetteer& g, std::string_view name, size_t limit) {
  std::vector<Candidate> cands = candidates_for(g, trim_name(name.substr(0, kMaxNameBytes)));
  std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) { return a.prior > b.prior; });
  std::vector<Place> out;
  for (size_t i = 0; i < cands.size() && i < limit; ++i) {
    out.push_back(g.place(cands[i].place));
    out.back().demonym = cands[i].kind == NameKind::kDemonym;
  }
  return out;
}

}  // namespace tidings::facts
