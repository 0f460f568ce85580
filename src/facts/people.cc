// The people of an article: mentions linked to one name, and their roles
// (people.h, docs/quotes-people.md).
#include "facts/people.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "facts/people_roles.h"
#include "facts/people_words.h"

namespace tidings::facts {
namespace {

using words::iequals;

// Bounds that keep hostile input linear: a "name" longer than this is not
// linked to others, and at most this many people share one surname key.
constexpr size_t kMaxNameWords = 8;
constexpr size_t kMaxSameKey = 64;
// Roles kept per person: the article gives a handful; hostile text could
// give one per mention, and each new one is compared with those kept.
constexpr size_t kMaxRoles = 32;

struct NameSpan {
  uint32_t first = 0, last = 0;  ///< tokens [first, last) of the name, titles off
  int32_t entity = -1;
};

struct Cluster {
  std::vector<std::string_view> words;  ///< of the fullest name
  uint32_t name_start = 0, name_end = 0;
  uint32_t first_seen = 0;
  int64_t last_seen = -1;  ///< byte of the latest mention so far in the text-order pass
  Gender gender = Gender::kUnknown;
};

// "al-Assad" and "Assad" are one surname; keys are ASCII lower case.
std::string name_key(std::string_view word) {
  std::string key(word);
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (const std::string_view prefix : {"al-", "el-", "ad-", "as-", "an-", "ar-"}) {
    if (key.size() > prefix.size() + 1 && key.compare(0, prefix.size(), prefix) == 0) {
      return key.substr(prefix.size());
    }
  }
  return key;
}

bool is_name_word(const Token& t) { return t.kind == TokenKind::kWord || t.kind == TokenKind::kOther; }

// Takes the titles off a PER span ("President Vladimir Putin", "Mr. Khaji")
// and its possessive or punctuation tail; the name keeps at least one word.
NameSpan strip_name(const Segmented& text, const Entity& e, int32_t index) {
  uint32_t a = e.first_token, b = e.first_token + e.token_count;
  while (b > a + 1 && (text.tokens[b - 1].possessive ||
                       (text.tokens[b - 1].kind == TokenKind::kPunctuation &&
                        text.token_text(b - 1) != "."))) {
    --b;
  }
  uint32_t name_words = 0;
  for (uint32_t t = a; t < b; ++t) name_words += is_name_word(text.tokens[t]) ? 1 : 0;
  while (a + 1 < b && name_words > 1) {
    const std::string_view w = text.token_text(a);
    const bool title = words::role_word(w).role != words::RoleClass::kNone ||
                       (!words::country_of_demonym(w).empty() &&
                        words::role_word(text.token_text(a + 1)).role != words::RoleClass::kNone) ||
                       ((w == "of" || w == "for") && a > e.first_token);
    if (!title) break;
    const bool preposition = w == "of" || w == "for";
    ++a;
    if (!preposition) --name_words;
    // "Envoy for Syria Alexander Lavrentiev" in one span: the title's
    // object goes with it when a name of two words remains.
    if (preposition && a + 1 < b && name_words >= 3 && words::is_capitalised(text.token_text(a))) {
      ++a;
      --name_words;
    }
    if (a + 1 < b && text.token_text(a) == "." && !text.tokens[a].space_before) ++a;
  }
  return {a, b, index};
}

class Builder {
 public:
  Builder(const Segmented& text, const std::vector<Entity>& entities)
      : text_(text), entities_(entities), ent_(words::entity_of_token(text, entities)) {}

  People build();

 private:
  std::vector<std::string_view> name_words(const NameSpan& n) const {
    std::vector<std::string_view> out;
    for (uint32_t t = n.first; t < n.last; ++t) {
      if (is_name_word(text_.tokens[t])) out.push_back(text_.token_text(t));
    }
    return out;
  }
  static bool contains_all(const std::vector<std::string_view>& small,
                           const std::vector<std::string_view>& big) {
    for (const auto w : small) {
      bool found = false;
      for (const auto v : big) found = found || iequals(w, v);
      if (!found) return false;
    }
    return true;
  }
  int32_t new_cluster(const NameSpan& n, std::vector<std::string_view> words);
  void index(std::unordered_map<std::string, std::vector<int32_t>>& map, std::string key,
             int32_t cluster) {
    auto& list = map[std::move(key)];
    if (list.size() < kMaxSameKey) list.push_back(cluster);
  }
  int32_t link_full_name(const NameSpan& n);
  int32_t link_short_name(std::string_view word, uint32_t at, Gender gender);
  Gender honorific_before(uint32_t first) const;

  const Segmented& text_;
  const std::vector<Entity>& entities_;
  std::vector<int32_t> ent_;
  std::vector<Cluster> clusters_;
  std::unordered_map<std::string, std::vector<int32_t>> by_surname_, by_first_name_;
};

int32_t Builder::new_cluster(const NameSpan& n, std::vector<std::string_view> words) {
  const auto id = static_cast<int32_t>(clusters_.size());
  Cluster c;
  c.name_start = text_.tokens[n.first].start;
  c.name_end = text_.tokens[n.last - 1].end;
  c.first_seen = c.name_start;
  if (!words.empty() && words.size() <= kMaxNameWords) {
    index(by_surname_, name_key(words.back()), id);
    if (words.size() > 1) index(by_first_name_, name_key(words.front()), id);
  }
  c.words = std::move(words);
  clusters_.push_back(std::move(c));
  return id;
}

// A name of two words or more: the same person as an earlier name with the
// same surname whose words are all in it, or the other way round.
int32_t Builder::link_full_name(const NameSpan& n) {
  auto words = name_words(n);
  if (words.empty() || words.size() > kMaxNameWords) return new_cluster(n, std::move(words));
  const auto it = by_surname_.find(name_key(words.back()));
  if (it != by_surname_.end()) {
    for (const int32_t id : it->second) {
      Cluster& c = clusters_[id];
      if (c.words.size() < 2) continue;
      if (contains_all(c.words, words)) {
        if (words.size() > c.words.size()) {
          c.words = std::move(words);
          c.name_start = text_.tokens[n.first].start;
          c.name_end = text_.tokens[n.last - 1].end;
        }
        return id;
      }
      if (contains_all(words, c.words)) return id;
    }
  }
  return new_cluster(n, std::move(words));
}

// One word ("Khaji"): the latest person so far with that surname, else the
// first later one, else by first name; never one whose known gender differs
// from the mention's honorific ("Mrs. Clinton" is not Bill); -1 when none.
int32_t Builder::link_short_name(std::string_view word, uint32_t at, Gender gender) {
  const std::string key = name_key(word);
  for (const auto* map : {&by_surname_, &by_first_name_}) {
    const auto it = map->find(key);
    if (it == map->end()) continue;
    int32_t best = -1;
    for (const int32_t id : it->second) {
      const Cluster& c = clusters_[id];
      if (map == &by_first_name_ && c.words.size() < 2) continue;
      if (gender != Gender::kUnknown && c.gender != Gender::kUnknown && c.gender != gender) continue;
      if (best < 0) {
        best = id;
        continue;
      }
      const Cluster& b = clusters_[best];
      const bool c_before = c.last_seen >= 0 && c.last_seen < at;
      const bool b_before = b.last_seen >= 0 && b.last_seen < at;
      if (c_before != b_before ? c_before
                               : (c_before ? c.last_seen > b.last_seen : c.first_seen < b.first_seen)) {
        best = id;
      }
    }
    if (best >= 0) return best;
  }
  return -1;
}

Gender Builder::honorific_before(uint32_t first) const {
  // "Mr. Khaji", "Mrs Clinton", and titles inside the PER span.
  for (uint32_t t = first, steps = 0; t > 0 && steps < 3; --t, ++steps) {
    const std::string_view w = text_.token_text(t - 1);
    if (w == ".") continue;
    const words::RoleWord r = words::role_word(w);
    if (r.role == words::RoleClass::kNone) break;
    if (r.gender != Gender::kUnknown) return r.gender;
  }
  return Gender::kUnknown;
}

People Builder::build() {
  People out;
  out.person_of_entity.assign(entities_.size(), -1);

  // The PER mentions in text order, titles off.
  std::vector<NameSpan> names;
  for (size_t i = 0; i < entities_.size(); ++i) {
    const Entity& e = entities_[i];
    if (e.type != EntityType::kPerson || ent_.empty() || !words::entity_is_valid(text_, e) ||
        ent_[e.first_token] != static_cast<int32_t>(i)) {
      continue;
    }
    names.push_back(strip_name(text_, e, static_cast<int32_t>(i)));
  }
  std::sort(names.begin(), names.end(),
            [](const NameSpan& x, const NameSpan& y) { return x.first < y.first; });

  // Pass 1: full names make the people.
  std::vector<int32_t> cluster_of(names.size(), -1);
  for (size_t i = 0; i < names.size(); ++i) {
    uint32_t count = 0;
    for (uint32_t t = names[i].first; t < names[i].last; ++t) count += is_name_word(text_.tokens[t]);
    if (count < 2) continue;
    cluster_of[i] = link_full_name(names[i]);
    Cluster& c = clusters_[cluster_of[i]];
    if (c.gender == Gender::kUnknown) c.gender = honorific_before(names[i].first);
  }

  // Pass 2, in text order: short names and untagged surnames link to the
  // latest person so far; each mention moves its person's last_seen.
  std::vector<std::pair<NameSpan, int32_t>> mentions;  // with cluster
  size_t next = 0;
  for (uint32_t t = 0; t < text_.tokens.size(); ++t) {
    if (next < names.size() && names[next].first == t) {
      const NameSpan& n = names[next];
      int32_t id = cluster_of[next];
      if (id < 0) {
        const auto words = name_words(n);
        const std::string_view word = words.empty() ? text_.token_text(n.first) : words.back();
        const Gender gender = honorific_before(n.first);
        id = link_short_name(word, text_.tokens[t].start, gender);
        if (id < 0) id = new_cluster(n, name_words(n));
        if (clusters_[id].gender == Gender::kUnknown) clusters_[id].gender = gender;
      }
      clusters_[id].last_seen = text_.tokens[t].start;
      mentions.emplace_back(n, id);
      ++next;
      t = std::max(t, n.last) - 1;
      continue;
    }
    while (next < names.size() && names[next].first < t) ++next;  // overlapping spans
    if (ent_[t] >= 0 || text_.tokens[t].kind != TokenKind::kWord) continue;
    const std::string_view w = text_.token_text(t);
    if (w.size() < 3 || !words::is_capitalised(w) || words::is_calendar_word(w) ||
        words::role_word(w).role != words::RoleClass::kNone || words::is_determiner(w)) {
      continue;
    }
    // Part of a longer untagged name ("Khaji Street") is not a mention.
    if (t + 1 < text_.tokens.size() && text_.tokens[t + 1].kind == TokenKind::kWord &&
        !text_.tokens[t + 1].possessive && words::is_capitalised(text_.token_text(t + 1))) {
      continue;
    }
    const auto it = by_surname_.find(name_key(w));
    if (it == by_surname_.end()) continue;
    int32_t id = link_short_name(w, text_.tokens[t].start, honorific_before(t));
    if (id < 0 || clusters_[id].words.size() < 2) continue;
    clusters_[id].last_seen = text_.tokens[t].start;
    mentions.emplace_back(NameSpan{t, t + 1, -1}, id);
  }

  // Persons in order of first mention.
  std::vector<int32_t> person_of_cluster(clusters_.size(), -1);
  for (const auto& [n, id] : mentions) {
    if (person_of_cluster[id] >= 0) continue;
    person_of_cluster[id] = static_cast<int32_t>(out.persons.size());
    out.persons.emplace_back();
  }
  for (size_t id = 0; id < clusters_.size(); ++id) {
    if (person_of_cluster[id] < 0) continue;
    Person& p = out.persons[person_of_cluster[id]];
    p.name = collapse_spaces(text_.text.substr(clusters_[id].name_start,
                                               clusters_[id].name_end - clusters_[id].name_start));
  }
  for (const auto& [n, id] : mentions) {
    const int32_t pid = person_of_cluster[id];
    Person& p = out.persons[pid];
    const uint32_t start = text_.tokens[n.first].start, end = text_.tokens[n.last - 1].end;
    p.mentions.push_back({start, end, n.entity});
    out.mentions.push_back({start, end, pid});
    if (n.entity >= 0) out.person_of_entity[n.entity] = pid;
    if (p.gender == Gender::kUnknown) p.gender = honorific_before(n.first);
    for (FoundRole& role : roles_of_mention(text_, ent_, entities_, n.first, n.last, n.entity)) {
      if (role.gender != Gender::kUnknown && p.gender == Gender::kUnknown) p.gender = role.gender;
      const bool known = std::any_of(p.roles.begin(), p.roles.end(), [&](const Role& r) {
        return r.title == role.role.title && r.of == role.role.of;
      });
      if (!known && p.roles.size() < kMaxRoles) p.roles.push_back(std::move(role.role));
    }
  }
  return out;
}

}  // namespace

People find_people(const Segmented& text, const std::vector<Entity>& entities) {
  return Builder(text, entities).build();
}

int32_t person_at(const People& people, uint32_t at) {
  const auto it = std::upper_bound(people.mentions.begin(), people.mentions.end(), at,
                                   [](uint32_t x, const PersonMention& m) { return x < m.start; });
  if (it == people.mentions.begin()) return -1;
  const PersonMention& m = *(it - 1);
  return at < m.end ? m.person : -1;
}

}  // namespace tidings::facts
