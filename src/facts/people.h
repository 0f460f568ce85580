// The people of an article: each person once, under the fullest name the
// article gives, with every mention ("Ali Asghar Khaji" ... "Khaji" ...
// "Mr. Khaji") and the roles the article gives them, from a title before the
// name ("Russian President Vladimir Putin", "Secretary of Iran's Supreme
// National Security Council (SNSC) Ali-Akbar Ahmadian"), a role before a
// comma ("Iran's foreign minister, Hossein Amir-Abdollahian") or an
// appositive after the name ("Ali Asghar Khaji, a senior aide on political
// affairs to Iran's foreign minister"). docs/quotes-people.md.
//
// Reads the tagger's entities (facts.h); titles the tagger put inside a PER
// span ("President Vladimir Putin" as one span, as GMB tags it) are taken off
// the name and kept as a role.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "facts/facts.h"

namespace tidings::facts {

enum class Gender : uint8_t {
  kUnknown,
  kMale,    ///< "Mr.", "Sir", "King", "spokesman" ...
  kFemale,  ///< "Mrs.", "Ms.", "Queen", "spokeswoman" ...
};

/// What a person is, as the article says it.
struct Role {
  uint32_t start = 0, end = 0;  ///< the role phrase as written (bytes)
  /// The role, lower case but for names and acronyms, without its article
  /// and owner: "foreign minister", "special presidential envoy for Syria",
  /// "senior aide on political affairs to Iran's foreign minister".
  std::string title;
  /// Who the role belongs to, when the phrase names it: a country ("Iran"
  /// for "Iran's foreign minister", "Russia" for "Russian President"), an
  /// organisation ("Supreme National Security Council (SNSC)") or a person
  /// ("Putin" for "Putin's spokesman"). Empty when none.
  std::string of;
  /// The country of the role when the phrase names one: "Iran" for
  /// "Secretary of Iran's Supreme National Security Council". Empty if none.
  std::string country;
  bool former = false;  ///< "former President", "ex-minister"
};

struct Mention {
  uint32_t start = 0, end = 0;  ///< the name as written, titles excluded
  int32_t entity = -1;          ///< index into the entities, -1 for an untagged surname
};

struct Person {
  std::string name;               ///< the fullest name: "Ali Asghar Khaji"
  std::vector<Mention> mentions;  ///< in text order
  std::vector<Role> roles;        ///< in text order, one per distinct title
  Gender gender = Gender::kUnknown;
};

/// A mention with its person, for walking the text in order.
struct PersonMention {
  uint32_t start = 0, end = 0;
  int32_t person = 0;  ///< index into People::persons
};

struct People {
  std::vector<Person> persons;            ///< in order of first mention
  std::vector<int32_t> person_of_entity;  ///< per entity: index into persons, or -1
  std::vector<PersonMention> mentions;    ///< every mention of every person, in text order
};

/// Finds the people of `text` from its PER entities (any order; other types
/// are read as owners of roles). Never fails; linear in the text with
/// bounded look-around, whatever the input. Thread-safe, no I/O.
People find_people(const Segmented& text, const std::vector<Entity>& entities);

/// Persons the tagger missed that a title names: an untagged run of two to
/// four capitalised words right after a title's head word or its
/// "(ACRONYM)" — "Secretary of Iran's Supreme National Security Council
/// (SNSC) Ali-Akbar Ahmadian", "White House spokeswoman Karine Jean-Pierre".
/// Not in title-cased headlines, never a run ending in an institution's word
/// ("Prime Minister Office"). New PER entities, in text order, none
/// overlapping `entities`; linear in the text.
std::vector<Entity> titled_names(const Segmented& text, const std::vector<Entity>& entities);

/// The facts pass's corrections of the tagger's people, in this order:
/// split_titled_organisations, retype_institutions, drop_letter_names, then
/// the titled_names added. Used at ingest, by `tidings facts` and for the
/// people the story clusterer counts. Entities stay in text order.
void correct_people(const Segmented& text, std::vector<Entity>& entities);

/// A PER span made of single letters ("Q" of an interview's "Q:", "J.") is
/// no one: dropped.
void drop_letter_names(const Segmented& text, std::vector<Entity>& entities);

/// A PER span whose last word is an institution's ("Sierra Nevada
/// Corporation", "Acme Holdings", "Al-Shifa Hospital") is an organisation.
void retype_institutions(const Segmented& text, std::vector<Entity>& entities);

/// An organisation span that ends in a title and a name the tagger took in
/// with it ("Fed Chair Jerome Powell", "U.S. National Intelligence Director
/// John Negroponte") becomes the organisation before the title's words
/// ("Fed"), when there is one, and a person (two to four capitalised words
/// after a head word). Entities stay in text order.
void split_titled_organisations(const Segmented& text, std::vector<Entity>& entities);

/// The person mentioned at byte `at` (inside one of its mentions), or -1.
/// Logarithmic in the number of mentions.
int32_t person_at(const People& people, uint32_t at);

}  // namespace tidings::facts
