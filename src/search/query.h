// The pieces both backends share (private to src/search): the query
// language parsed once into a tree, then translated for each backend, so a
// query means the same thing to Xapian and to FTS5; the word splitter used
// at index and query time; filter normalisation; snippets.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "search/search.h"

namespace tidings::search {

/// A parsed query. kAnd holds its required children in `children` and the
/// NOT ones in `excluded` (at least one required child: a query is never
/// only negative). kAll is the empty query (filters only).
struct QueryNode {
  enum class Kind { kAll, kTerm, kPhrase, kAnd, kOr };
  Kind kind = Kind::kAll;
  std::vector<std::string> words;  ///< kTerm: one word; kPhrase: two or more (lower case)
  std::vector<QueryNode> children;
  std::vector<QueryNode> excluded;
};

/// Parses the query language (search.h). kInvalidInput naming the problem:
/// too long, invalid UTF-8, control characters, an unbalanced quote or
/// parenthesis, an operator without an operand, nothing but NOT, too many
/// words or too deep. "" parses to kAll.
Result<QueryNode> parse_query(std::string_view text);
/// The tree back as text (tests, logs): (AND a "b c" (NOT d)).
std::string describe(const QueryNode& node);
/// The words a document must contain for the node to match somewhere:
/// every word of every required term and phrase (not the excluded ones).
std::vector<std::string> positive_words(const QueryNode& node);

/// A word of a text with its byte range.
struct Word {
  std::string text;  ///< lower case
  size_t start = 0;
  size_t end = 0;
};
inline constexpr size_t kMaxWordBytes = 64;  ///< longer words are skipped
/// Splits UTF-8 text into words (Unicode letters, digits, marks, connector
/// punctuation, as Xapian's TermGenerator), lower-cased. Bytes that are not
/// UTF-8 separate words.
std::vector<Word> split_words(std::string_view text, size_t max_words = SIZE_MAX);
/// The English Snowball stem of a lower-case word.
std::string stem(const std::string& word);

/// Filters as the indexes store them: lower case, whitespace collapsed,
/// at most 200 bytes; a place given as digits becomes "geonames:N".
std::string normalise_name(std::string_view name);
std::string normalise_place(std::string_view place);
/// kInvalidInput when a filter is out of bounds (a name over 200 bytes,
/// from >= to, a story id < 1).
Result<void> check_filters(const Filters& filters);

/// A snippet of `text` (at most about `max_bytes`) around the densest run
/// of `words` (by stem), with their spans; the start of the text when none
/// occurs. "…" marks a cut.
struct Snippet {
  std::string text;
  std::vector<Span> highlights;
};
Snippet make_snippet(std::string_view text, const std::vector<std::string>& words,
                     size_t max_bytes = 300);

/// Bytes of an article's text indexed and kept for snippets (both backends).
inline constexpr size_t kMaxStoredTextBytes = 64 * 1024;
/// A prefix of `text` of at most `max_bytes`, never cut inside a UTF-8 sequence.
std::string utf8_prefix(std::string_view text, size_t max_bytes);

}  // namespace tidings::search
