// The facts pass in order, and its JSON (article_facts.h, docs/facts.md).
#include "facts/article_facts.h"

#include <algorithm>
#include <chrono>
#include <unordered_map>

#include "core/time.h"
#include "facts/figure_places.h"
#include "facts/people_words.h"
#include "facts/segment.h"

namespace tidings::facts {

namespace {

using nlohmann::json;

std::string day_string(std::chrono::sys_days d) {
  const std::chrono::year_month_day ymd(d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

struct Writer {
  const FactSet& f;
  CodePointIndex cp;

  std::string_view slice(uint32_t start, uint32_t end) const {
    const std::string_view t = f.segmented.text;
    start = std::min<uint32_t>(start, static_cast<uint32_t>(t.size()));
    end = std::clamp<uint32_t>(end, start, static_cast<uint32_t>(t.size()));
    return t.substr(start, end - start);
  }
  // The sentence holding byte `at`.
  uint32_t sentence_at(uint32_t at) const {
    const auto& s = f.segmented.sentences;
    auto it = std::upper_bound(s.begin(), s.end(), at, [](uint32_t a, const Sentence& x) { return a < x.start; });
    return it == s.begin() ? 0 : static_cast<uint32_t>(it - s.begin() - 1);
  }
  json span(uint32_t start, uint32_t end) const {
    return {{"start", cp.at(start)}, {"end", cp.at(end)}, {"text", std::string(slice(start, end))}};
  }
  json base(const char* type, uint32_t start, uint32_t end) const {
    json j = span(start, end);
    j["type"] = type;
    j["sentence"] = sentence_at(start);
    return j;
  }
  json optional_span(uint32_t start, uint32_t end) const {
    return start == end ? json(nullptr) : span(start, end);
  }
};

}  // namespace

void split_possessive_owners(const Segmented& s, std::vector<Entity>& entities) {
  std::vector<Entity> out;
  out.reserve(entities.size());
  for (const Entity& e : entities) {
    bool split = false;
    if (e.type == EntityType::kOrganization && e.token_count >= 3 &&
        e.first_token + e.token_count <= s.tokens.size()) {
      for (uint32_t k = 1; k + 1 < e.token_count && !split; ++k) {
        if (!s.tokens[e.first_token + k].possessive) continue;
        const uint32_t owner_end = s.tokens[e.first_token + k - 1].end;
        if (owner_end <= e.start || !words::is_country_name(s.text.substr(e.start, owner_end - e.start))) break;
        const Token& first_owned = s.tokens[e.first_token + k + 1];
        out.push_back(Entity{e.start, owner_end, e.first_token, k, EntityType::kLocation});
        out.push_back(Entity{first_owned.start, e.end, e.first_token + k + 1, e.token_count - k - 1,
                             EntityType::kOrganization});
        split = true;
      }
    }
    if (!split) out.push_back(e);
  }
  entities = std::move(out);
}

namespace {

bool is_acronym_token(std::string_view t) {
  if (t.size() < 2 || t.size() > 10) return false;
  for (const char c : t) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// The initials of the capitalised words of entity `e` ("of", "and" and
// possessives left out).
std::string initials(const Segmented& s, const Entity& e) {
  std::string out;
  for (uint32_t i = e.first_token; i < e.first_token + e.token_count && i < s.tokens.size(); ++i) {
    if (s.tokens[i].possessive) continue;
    const std::string_view w = s.token_text(i);
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') out.push_back(w[0]);
  }
  return out;
}

}  // namespace

std::vector<std::string> acronym_names(const Segmented& s, const std::vector<Entity>& entities) {
  std::vector<std::string> names(entities.size());
  std::unordered_map<std::string, std::string> defined;  // acronym -> name
  for (const Entity& e : entities) {
    if (e.type != EntityType::kOrganization || e.token_count < 2) continue;
    const uint32_t after = e.first_token + e.token_count;
    if (after + 2 >= s.tokens.size()) continue;
    if (s.token_text(after) != "(" || s.token_text(after + 2) != ")") continue;
    const std::string_view acronym = s.token_text(after + 1);
    if (!is_acronym_token(acronym) || initials(s, e) != acronym) continue;
    defined.emplace(std::string(acronym), std::string(s.text.substr(e.start, e.end - e.start)));
  }
  if (defined.empty()) return names;
  for (size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    auto it = defined.find(std::string(s.text.substr(e.start, e.end - e.start)));
    if (it != defined.end()) names[i] = it->second;
  }
  return names;
}

void mark_polities(std::vector<Entity>& entities, const std::vector<std::optional<Place>>& places) {
  for (size_t i = 0; i < entities.size() && i < places.size(); ++i) {
    if (entities[i].type != EntityType::kLocation || !places[i]) continue;
    const PlaceClass c = places[i]->feature;
    if (c == PlaceClass::kCountry || c == PlaceClass::kAdmin || c == PlaceClass::kCity) {
      entities[i].type = EntityType::kGpe;
    }
  }
}

Result<FactsModels> load_facts_models(bool gazetteer_optional) {
  FactsModels m;
  auto ner = NerModel::load_default();
  if (!ner) return tl::unexpected(ner.error());
  m.ner = std::move(*ner);
  auto gazetteer = load_gazetteer(default_gazetteer_path());
  if (gazetteer) {
    m.gazetteer = std::move(*gazetteer);
  } else if (!gazetteer_optional) {
    return tl::unexpected(gazetteer.error());
  }
  return m;
}

FactSet extract_facts(std::string text, const std::optional<PublicationTime>& published, const FactsModels& models) {
  FactSet f;
  f.truncated = text.size() > kMaxTextBytes;
  f.text = std::make_unique<std::string>(std::move(text));
  f.published = published;
  f.segmented = segment(*f.text);
  f.entities = models.ner.tag(f.segmented);
  split_possessive_owners(f.segmented, f.entities);
  correct_people(f.segmented, f.entities);
  f.places.assign(f.entities.size(), std::nullopt);
  if (models.gazetteer) {
    std::vector<Entity> toponyms;
    std::vector<size_t> index;
    for (size_t i = 0; i < f.entities.size(); ++i) {
      const EntityType t = f.entities[i].type;
      if (t == EntityType::kLocation || t == EntityType::kGpe) {
        toponyms.push_back(f.entities[i]);
        index.push_back(i);
      }
    }
    auto resolved = resolve_places(*models.gazetteer, f.segmented, toponyms);
    for (size_t k = 0; k < resolved.size() && k < index.size(); ++k) f.places[index[k]] = std::move(resolved[k]);
    mark_polities(f.entities, f.places);
  }
  f.entity_names = acronym_names(f.segmented, f.entities);
  f.people = find_people(f.segmented, f.entities);
  f.dates = find_dates(f.segmented, published);
  f.figures = find_figures(f.segmented, f.dates);
  const std::vector<int32_t> figure_place = figure_places(f.segmented, f.entities, f.places, f.figures);
  for (size_t i = 0; i < f.figures.size(); ++i) f.figures[i].place = figure_place[i];
  f.quotes = find_quotes(f.segmented, f.entities, f.people);
  return f;
}

CodePointIndex::CodePointIndex(std::string_view text) : text_(text) {
  uint32_t count = 0;
  blocks_.reserve(text.size() / 256 + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % 256 == 0) blocks_.push_back(count);
    count += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
}

uint32_t CodePointIndex::at(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  if (blocks_.empty()) return 0;
  const size_t block = std::min<size_t>(offset / 256, blocks_.size() - 1);
  uint32_t count = blocks_[block];
  for (size_t i = block * 256; i < offset; ++i) count += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
  return count;
}

json facts_json(const FactSet& f) {
  Writer w{f, CodePointIndex(f.segmented.text)};
  json out = json::array();
  for (size_t i = 0; i < f.entities.size(); ++i) {
    const Entity& e = f.entities[i];
    json j = w.base("entity", e.start, e.end);
    j["entity_type"] = entity_type_name(e.type);
    j["value"] = i < f.entity_names.size() && !f.entity_names[i].empty() ? json(f.entity_names[i]) : j["text"];
    out.push_back(std::move(j));
  }
  for (const Person& p : f.people.persons) {
    if (p.mentions.empty()) continue;
    json j = w.base("person", p.mentions.front().start, p.mentions.front().end);
    j["value"] = p.name;
    j["name"] = p.name;
    j["gender"] = p.gender == Gender::kMale     ? json("male")
                  : p.gender == Gender::kFemale ? json("female")
                                                : json(nullptr);
    json mentions = json::array();
    for (const Mention& m : p.mentions) mentions.push_back(w.span(m.start, m.end));
    j["mentions"] = std::move(mentions);
    json roles = json::array();
    for (const Role& r : p.roles) {
      json role = w.span(r.start, r.end);
      role["title"] = r.title;
      role["of"] = r.of.empty() ? json(nullptr) : json(r.of);
      role["country"] = r.country.empty() ? json(nullptr) : json(r.country);
      role["former"] = r.former;
      roles.push_back(std::move(role));
    }
    j["roles"] = std::move(roles);
    out.push_back(std::move(j));
  }
  for (size_t i = 0; i < f.places.size(); ++i) {
    if (!f.places[i]) continue;
    const Place& p = *f.places[i];
    json j = w.base("place", f.entities[i].start, f.entities[i].end);
    j["value"] = p.id;
    j["name"] = p.name;
    j["country_code"] = p.country_code.empty() ? json(nullptr) : json(p.country_code);
    j["lat"] = p.lat;
    j["lon"] = p.lon;
    j["feature"] = place_class_name(p.feature);
    j["population"] = p.population;
    j["confidence"] = p.confidence;
    j["metonymic"] = p.metonymic;
    j["demonym"] = p.demonym;
    out.push_back(std::move(j));
  }
  for (const DateExpression& d : f.dates) {
    json j = w.base("date", d.start, d.end);
    j["sentence"] = d.sentence;
    j["value"] = d.value.empty() ? json(nullptr) : json(d.value);
    j["granularity"] = granularity_name(d.granularity);
    j["relative"] = d.relative;
    j["resolved"] = d.resolved;
    j["first_day"] = d.resolved ? json(day_string(d.first)) : json(nullptr);
    j["last_day"] = d.resolved ? json(day_string(d.last)) : json(nullptr);
    out.push_back(std::move(j));
  }
  for (const Quote& q : f.quotes) {
    json j = w.base("quote", q.start, q.end);
    j["sentence"] = q.sentence;
    j["value"] = q.text;
    j["kind"] = q.kind == QuoteKind::kDirect ? "direct" : "indirect";
    j["cue"] = w.optional_span(q.cue_start, q.cue_end);
    json speaker = w.optional_span(q.speaker.start, q.speaker.end);
    static const char* kKinds[] = {"none", "person", "organization", "nominal", "pronoun"};
    if (speaker.is_null()) speaker = json::object();
    speaker["kind"] = kKinds[static_cast<int>(q.speaker.kind)];
    const bool has_person = q.speaker.person >= 0 && static_cast<size_t>(q.speaker.person) < f.people.persons.size();
    speaker["name"] = has_person ? json(f.people.persons[static_cast<size_t>(q.speaker.person)].name) : json(nullptr);
    speaker["inferred"] = q.speaker_inferred;
    j["speaker"] = std::move(speaker);
    out.push_back(std::move(j));
  }
  for (size_t i = 0; i < f.figures.size(); ++i) {
    const Figure& g = f.figures[i];
    json j = w.base("figure", g.span.start, g.span.end);
    j["sentence"] = g.sentence;
    j["index"] = i;
    j["value"] = g.value;
    j["value_max"] = g.value_max > 0 ? json(g.value_max) : json(nullptr);
    j["vague"] = g.vague;
    j["number"] = w.span(g.number.start, g.number.end);
    j["unit"] = unit_name(g.unit);
    j["currency"] = g.currency.empty() ? json(nullptr) : json(std::string(g.currency));
    j["measure"] = measure_key(g);
    j["event"] = g.event.empty() ? json(nullptr) : json(std::string(g.event));
    j["subject"] = g.subject.empty() ? json(nullptr) : json(std::string(g.subject));
    j["subject_stated"] = g.subject_stated;
    j["qualifier"] = qualifier_name(g.qualifier);
    j["parent"] = g.parent >= 0 ? json(g.parent) : json(nullptr);
    j["attribution"] = w.optional_span(g.attribution.start, g.attribution.end);
    j["source"] = w.optional_span(g.source.start, g.source.end);
    if (g.place >= 0 && static_cast<size_t>(g.place) < f.places.size() && f.places[static_cast<size_t>(g.place)]) {
      const Entity& e = f.entities[static_cast<size_t>(g.place)];
      const Place& p = *f.places[static_cast<size_t>(g.place)];
      json place = w.span(e.start, e.end);
      place["name"] = p.name;
      place["id"] = p.id;
      j["place"] = std::move(place);
    } else {
      j["place"] = nullptr;
    }
    if (g.as_of >= 0 && static_cast<size_t>(g.as_of) < f.dates.size() && !f.dates[static_cast<size_t>(g.as_of)].value.empty()) {
      j["as_of"] = f.dates[static_cast<size_t>(g.as_of)].value;
    } else {
      j["as_of"] = f.published ? json(format_rfc3339(f.published->at)) : json(nullptr);
    }
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace tidings::facts
