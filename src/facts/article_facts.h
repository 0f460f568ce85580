// The whole facts pass over one article (DESIGN.md "facts"): sentences and
// tokens, entities, people with their roles, places geocoded, dates
// resolved against the publication time, quotes with their speakers, and
// figures with what they count. Each extractor has its own header; this
// one runs them in order and prints what they found as JSON
// (docs/facts.md).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "facts/dates.h"
#include "facts/facts.h"
#include "facts/figures.h"
#include "facts/geo.h"
#include "facts/ner.h"
#include "facts/people.h"
#include "facts/quotes.h"

namespace tidings::facts {

/// Bumped whenever what the pass finds changes, so stored facts of an
/// older version are recomputed (`tidings reextract`).
constexpr int kFactsVersion = 3;  // 2: GPE apart from LOC, the TIDNER03 tagger; 3: a figure's place, GloVe clusters

/// The models the pass reads, loaded once and shared by every thread.
struct FactsModels {
  NerModel ner;
  std::shared_ptr<const Gazetteer> gazetteer;  ///< null: places are not geocoded
};

/// The committed tagger and the gazetteer the build made (or the files
/// named by $TIDINGS_MODELS and $TIDINGS_GAZETTEER). A missing tagger is an
/// error; a missing gazetteer is one too unless `gazetteer_optional`.
Result<FactsModels> load_facts_models(bool gazetteer_optional = false);

/// What the pass found in one text. Owns the text every span points into.
struct FactSet {
  std::unique_ptr<std::string> text;  ///< never null
  bool truncated = false;             ///< the text was longer than kMaxTextBytes
  std::optional<PublicationTime> published;
  Segmented segmented;
  std::vector<Entity> entities;
  /// Per entity, the name it stands for when not its own text: an acronym
  /// the text defined ("Supreme National Security Council (SNSC)") names
  /// the organisation at every mention. Empty: the entity's own text.
  std::vector<std::string> entity_names;
  People people;
  std::vector<std::optional<Place>> places;  ///< per entity; set for places found
  std::vector<DateExpression> dates;
  std::vector<Figure> figures;
  std::vector<Quote> quotes;
};

/// "Iran's Supreme National Security Council" tagged as one ORG becomes
/// the place "Iran" and the ORG "Supreme National Security Council", as
/// CoNLL and OntoNotes annotate it, when the possessor is a country's name
/// ("McDonald's Corporation" stays whole). The owner is LOC here and may
/// become GPE in mark_polities.
void split_possessive_owners(const Segmented& segmented, std::vector<Entity>& entities);

/// Acronyms defined in the text: an ORG followed by "(ACRONYM)" whose
/// letters are the initials of its capitalised words ("Islamic
/// Revolutionary Guard Corps (IRGC)", "United Nations Relief and Works
/// Agency (UNRWA)") gives every entity written as that acronym the ORG's
/// name. Returns one name per entity, empty where none applies.
std::vector<std::string> acronym_names(const Segmented& segmented, const std::vector<Entity>& entities);

/// GPE apart from LOC: a LOC entity whose place resolved to a country, a
/// first-level division or a city becomes GPE (also when used for its
/// government, "Moscow warned"); seas, regions, territories and continents
/// stay LOC. `places` is per entity, as in FactSet.
void mark_polities(std::vector<Entity>& entities, const std::vector<std::optional<Place>>& places);

/// Runs the pass. Reads at most kMaxTextBytes of `text`. Thread-safe.
FactSet extract_facts(std::string text, const std::optional<PublicationTime>& published,
                      const FactsModels& models);

/// Offsets in code points, as JSON consumers index strings.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  /// Code points before byte `offset` (clamped to the text).
  uint32_t at(uint32_t offset) const;

 private:
  std::string_view text_;
  std::vector<uint32_t> blocks_;  ///< code points before each 256-byte block
};

/// Every fact as a JSON object with its "type" ("entity", "person",
/// "place", "date", "quote", "figure"), "start"/"end" code-point offsets,
/// "sentence" and "text", and the fields of its type (docs/facts.md).
nlohmann::json facts_json(const FactSet& facts);

}  // namespace tidings::facts
