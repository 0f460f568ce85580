// Geocoding measured on GeoVirus (Gritta et al. 2018, "Which Melbourne?"):
// Wikinews articles with every toponym's span, its point and its Wikipedia
// page. The gold spans go to facts::resolve_places; each answer is scored by
// distance, except names of countries, continents and large regions, which
// are scored by identity (docs/geo.md "Measuring").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "facts/geo.h"

namespace tidings::eval {

struct GoldToponym {
  std::string name;
  uint32_t start = 0, end = 0;  ///< byte offsets into the article's text (upstream offsets, shifted, converted)
  double lat = 0, lon = 0;
  std::string page;             ///< the English Wikipedia URL
};

struct GeoArticle {
  std::string source;
  std::string text;
  std::vector<GoldToponym> toponyms;
};

/// Parses GeoVirus XML (<articles><article><source/><text/><locations>...).
/// Upstream offsets count code points and are one too high: the toponym is
/// text[start-1, end-1). A location whose span does not hold its name is
/// dropped and counted in `misaligned`. Bounded: at most 100,000 articles.
Result<std::vector<GeoArticle>> parse_geovirus(std::string_view xml, size_t* misaligned = nullptr);

/// One toponym's outcome (for --misses).
struct GeoOutcome {
  std::string name, page, resolved_name, resolved_id, feature;
  double error_km = -1;  ///< -1: unresolved
  bool correct = false, by_identity = false, metonymic = false;
};

struct GeoScores {
  size_t toponyms = 0;
  size_t resolved = 0;            ///< the resolver returned a place
  size_t correct = 0;             ///< within 161 km, or the right country/continent/region by identity
  size_t correct_by_distance = 0; ///< within 161 km, no identity check
  size_t area_sized = 0;          ///< gold pages that are a country, continent or region of the gazetteer
  size_t area_correct = 0;
  size_t metonymic = 0;
  double median_error_km = 0;     ///< over resolved toponyms; 0 for an identity match
  double median_raw_error_km = 0; ///< over resolved toponyms, distances only
  double seconds = 0;             ///< segmentation and resolution, all articles
  std::vector<GeoOutcome> outcomes;

  double accuracy() const { return toponyms ? static_cast<double>(correct) / toponyms : 0; }
  double accuracy_by_distance() const { return toponyms ? static_cast<double>(correct_by_distance) / toponyms : 0; }
  double resolved_share() const { return toponyms ? static_cast<double>(resolved) / toponyms : 0; }
};

/// Resolves every article's gold spans and scores them (161 km = 100 miles).
GeoScores evaluate_geo(const facts::Gazetteer& gazetteer, const std::vector<GeoArticle>& articles);

}  // namespace tidings::eval
