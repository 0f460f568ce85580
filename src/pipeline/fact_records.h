// The facts of an article as the store keeps them (store/facts.h): one
// FactRecord per entity, person, place, date, quote and figure, with
// code-point offsets and the keys the story aggregates group on
// (docs/facts-store.md "What the extraction side fills in").
#pragma once

#include <vector>

#include "facts/article_facts.h"
#include "store/facts.h"

namespace tidings {

/// The records of `facts`, in facts_json's order; a figure's `parent` is the
/// position of the record of the figure it breaks down.
std::vector<FactRecord> fact_records(const facts::FactSet& facts);

}  // namespace tidings
