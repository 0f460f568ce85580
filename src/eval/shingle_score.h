// The word-shingle score of extracted article bodies, exactly as the
// Zyte/Scrapinghub article-extraction benchmark's evaluate.py computes it
// (github.com/scrapinghub/article-extraction-benchmark; the metric is spelt
// out in ../shared/data/extraction/scrapinghub/README.md and
// bench/score_extraction.py is the same metric in Python). Pure functions of
// strings: no I/O, no state, safe on any thread.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/error.h"

namespace tidings::eval {

/// Python 3's `re.findall(r'\w+', text)` on a str: maximal runs of word
/// characters, where a word character is '_' or a code point of general
/// category L* (letters), Nd, Nl or No (numbers) -- str.isalnum(). Combining
/// marks (Mn, Mc) are not word characters, so they split tokens. Invalid
/// UTF-8 bytes are not word characters. The views point into `text`.
std::vector<std::string_view> word_tokens(std::string_view text);

/// One document's shingle match: the multisets of 4-token shingles
/// (tokens[i:i+4] for i in range(max(1, n-3)); 1-3 tokens give one short
/// shingle, none give none) compared, tp = sum of min counts, fp and fn the
/// excesses, each then divided by tp+fp+fn when that is positive.
struct ShingleMatch {
  double tp = 0, fp = 0, fn = 0;

  /// tp/(tp+fp); 1 when fp == fn == 0; 0 when tp == fp == 0.
  double precision() const;
  /// tp/(tp+fn); 1 when fp == fn == 0; 0 when tp == fn == 0.
  double recall() const;
};
ShingleMatch match_shingles(std::string_view truth, std::string_view prediction);

/// Macro averages over documents. P is the mean precision of the documents
/// whose prediction has a shingle (tp+fp > 0), R the mean recall of those
/// whose truth has one (tp+fn > 0), F1 = 2PR/(P+R) of those means; accuracy
/// the share of documents whose token lists are equal.
struct ExtractionScore {
  double f1 = 0, precision = 0, recall = 0, accuracy = 0;
  size_t documents = 0;
};

/// One scored document, for listing the worst pages.
struct DocumentScore {
  std::string id;
  ShingleMatch match;
  bool exact = false;  ///< token lists equal
};

struct ScoreReport {
  ExtractionScore total;
  std::vector<DocumentScore> documents;  ///< in the order given
};

/// Scores bodies: `truth` and `prediction` map id -> article body. As
/// upstream, the id sets must be equal (kInvalidInput otherwise).
Result<ScoreReport> score_bodies(const std::map<std::string, std::string>& truth,
                                 const std::map<std::string, std::string>& prediction);

/// Reads the benchmark's JSON form, {"<id>": {"articleBody": "...", ...}},
/// optionally wrapped as {"version": ..., "output": {...}}, into id -> body
/// (a missing or null articleBody reads as ""). kInvalidInput for any other
/// shape.
Result<std::map<std::string, std::string>> bodies_from_json(const nlohmann::json& j);

}  // namespace tidings::eval
