// Private to dedup: the normalised tokens a text is compared by (NFKC with
// case folding through ICU, any script), as 64-bit hashes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tidings::dedup_detail {

/// Bytes of a text that are read at all; the rest is ignored (a copy is
/// recognised by its first megabytes just as well).
constexpr size_t kMaxTextBytes = 4u << 20;
/// Tokens kept per text, so a hostile text costs bounded time and memory.
constexpr size_t kMaxTokens = 200000;

/// Hashes of the tokens of `text`: runs of letters, digits and marks after
/// NFKC case folding, except that a character of a script written without
/// spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) is a token of
/// its own, so word shingles over them are character n-grams. Digit groups
/// joined by ',' '.' or '\'' ("8,796", "8.796") are one token ("8796"): house
/// styles write numbers differently. Invalid UTF-8 reads as U+FFFD, which
/// separates tokens.
std::vector<uint64_t> token_hashes(std::string_view text);

}  // namespace tidings::dedup_detail
