// The JSON form of facts, shared by the HTTP API and the CLI so they never
// drift apart (docs/facts-store.md, docs/api.md). Times RFC 3339 UTC;
// missing values null; quantities that are whole numbers print as integers.
#pragma once

#include <nlohmann/json.hpp>

#include "store/facts.h"

namespace tidings {

/// One fact: {index, kind, sentence, start, end, key, label, value,
/// qualifier, attribution, detail, as_of, lat, lon, parent, fact}; `fact`
/// is the extractor's own JSON when it parses as JSON, else null.
nlohmann::json fact_to_json(const FactRecord& fact, size_t index);

/// {article, version, computed_at, stale, count, facts: [fact_to_json]}.
nlohmann::json article_facts_to_json(const ArticleFacts& facts);

/// {story, articles, articles_with_facts, truncated, people, entities,
/// places, dates, quotes, figures}: each list {total, items}, figures
/// {total, measures: [{key, claim_count, claims}]}.
nlohmann::json story_facts_to_json(const StoryFacts& facts);

/// {story, window_seconds, window, measures: [{key, values: [{value,
/// qualifier, claims, outlets, articles, attributions, first_at}],
/// conflicts: [[i, j]]}]}.
nlohmann::json disagreements_to_json(const StoryDisagreements& d);

/// A quantity as JSON: an integer when it is a whole number that fits.
nlohmann::json quantity_json(double value);

}  // namespace tidings
