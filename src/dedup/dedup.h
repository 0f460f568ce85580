// Copies: URL canonicalisation, text fingerprints, a near-duplicate index
// and the choice of the original among copies (DESIGN.md "dedup").
//
// One agency story becomes many copies across sites, each with its own
// header, footer, related links, truncation and house style. This module
// recognises them: an exact hash of the normalised text, and MinHash
// signatures over word shingles (Broder 1997) looked up through LSH banding,
// with the similarity reported as the estimated containment of the smaller
// text in the larger (a teaser or a truncated copy is still a copy).
//
// Everything here is pure or an in-memory value: no I/O, no globals apart
// from libpsl's built-in list. CopyIndex is not thread-safe for writes;
// concurrent const calls are safe.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/time.h"
#include "core/types.h"

namespace tidings::dedup {

// ------------------------------------------------------------------ URLs

/// The URL one page is known by, so that one page fetched under many URLs is
/// one document: a key, not a URL to fetch. http and https both written
/// https://, host lower-cased without www./m./mobile./amp. in front of a
/// registrable domain, default port, user info, fragment and tracking
/// parameters (utm_*, fbclid, gclid, ...) dropped, the other parameters
/// sorted, percent-encoding normalised (unreserved characters decoded, hex
/// upper-cased), AMP paths folded (/amp, /amp/..., .amp.html, ?amp), a
/// trailing '/' dropped. Returns "" for a URL that is not http(s) or does
/// not parse (docs/copies.md "URL keys").
std::string canonicalize_url(std::string_view url);

/// The registrable domain (eTLD+1, libpsl's public-suffix list) of a URL or
/// host: "www.bbc.co.uk" -> "bbc.co.uk". "" when there is none (an IP
/// address, a bare suffix).
std::string registrable_domain(std::string_view url_or_host);

/// The key an article is stored under: its page's canonical URL when that
/// is on the same registrable domain as the URL it was fetched from (a
/// canonical to another site is a credit, not an alias), else the fetched
/// URL; canonicalised either way.
std::string article_url_key(const Article& article);

// ---------------------------------------------------------- fingerprints

/// MinHash values per fingerprint (Broder 1997): the containment estimate's
/// standard error is about sqrt(J(1-J)/256) in Jaccard terms.
constexpr size_t kMinHashSize = 256;
/// Words per shingle. Four keeps a one-word house-style edit from breaking
/// more than four shingles while independent reports share few (docs/copies.md).
constexpr size_t kShingleWords = 4;
/// Words of a text that are shingled for the MinHash: its lead. Copies keep
/// the lead (teasers, truncations, "Read more"), and a fixed-size sketch of
/// a long text cannot see a short part of it (docs/copies.md).
constexpr size_t kMaxShingledWords = 600;
/// Shingles two texts must share (estimated) to be copies unless the larger
/// has fewer than twice as many: a short text contained in a long one's
/// related-links block is not a copy of it, a teaser of a paragraph is.
constexpr size_t kMinCommonShingles = 20;
/// Fewer distinct shingles than this and a text is only compared exactly:
/// a MinHash of a few shingles is noise.
constexpr size_t kMinShingles = 8;

/// What an article's text is compared by. Computed once, stored beside the
/// article, and loaded into a CopyIndex.
struct Fingerprint {
  uint64_t exact = 0;              ///< hash of the normalised body text; 0 = no text
  std::vector<uint32_t> minhash;   ///< kMinHashSize values; empty = too short to compare
  uint32_t shingles = 0;           ///< distinct word shingles of the text's first kMaxShingledWords words
};

/// Fingerprint of an article's body text (the title is not part of it:
/// copies rewrite titles).
Fingerprint fingerprint(std::string_view text);

/// Bytes that store a fingerprint, and back (false on a malformed blob;
/// `fp` is then left empty). Format in docs/copies.md.
std::string encode_fingerprint(const Fingerprint& fp);
bool decode_fingerprint(std::string_view blob, Fingerprint& fp);

/// Estimated containment of the smaller text's shingles in the larger's,
/// 0..1: from the MinHash Jaccard estimate J and the two shingle counts,
/// |A∩B| = J(|A|+|B|)/(1+J). 1 when the exact hashes are equal; 0 when
/// either has no MinHash, fewer than kMinMatches values agree, or |A∩B| is
/// below min(kMinCommonShingles, half the larger count).
double estimate_containment(const Fingerprint& a, const Fingerprint& b);
/// The same from the number of agreeing MinHash values.
double containment_from_matches(size_t equal, uint32_t a_shingles, uint32_t b_shingles);
/// Agreeing MinHash values below which two texts are never copies: chance
/// agreements of unrelated texts stay below it.
constexpr size_t kMinMatches = 12;

/// The 64-bit SimHash (Charikar 2002) of the same shingles, kept for the
/// comparison in `tidings eval copies` (docs/copies.md says why MinHash is
/// what the index uses).
uint64_t simhash(std::string_view text);

// ----------------------------------------------------------------- index

struct CopyMatch {
  int64_t id = 0;            ///< the article it matches
  double similarity = 0;     ///< estimated containment, 0..1 (1 for an exact match)
  bool exact = false;        ///< same normalised text
};

/// Near-duplicate index over fingerprints, in memory (rebuilt from the
/// store's fingerprints when a process starts).
class CopyIndex {
 public:
  CopyIndex();
  ~CopyIndex();
  CopyIndex(CopyIndex&&) noexcept;
  CopyIndex& operator=(CopyIndex&&) noexcept;

  void add(int64_t id, const Fingerprint& fp);
  /// Articles whose text is a copy of `fp`'s (or `fp`'s of theirs), most
  /// similar first (exact matches first among equals, then lower ids); at
  /// most `limit`. decide_group says which match's group a new article
  /// joins (not simply the first's: groups must not grow by chains).
  std::vector<CopyMatch> find(const Fingerprint& fp, size_t limit = 20) const;
  size_t size() const;
  size_t memory_bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Containment above which two texts are copies of one another. Story-mates
/// (independently written articles about the same event) stay below it.
double copy_threshold();

// ---------------------------------------------------------------- groups

/// What the caller keeps of the copy group of a match.
struct CopyGroupInfo {
  int64_t group = 0;                    ///< the caller's id for it, not 0
  const Fingerprint* original = nullptr;  ///< its current original's fingerprint
  size_t members = 0;
};

/// Where a new article goes among the groups of its matches.
struct GroupDecision {
  int64_t join = 0;            ///< the group it joins; 0 = it starts a new one
  std::vector<int64_t> merge;  ///< other groups to merge into `join`
};

/// The ingest rule (docs/copies.md "Ingest"): the article joins the group of
/// its most similar match whose original it is a copy of, or more than half
/// of whose members it matches, so groups never grow by chains; groups
/// whose original lies at least kFragmentContainment inside it (a teaser
/// and a tail that came before their original) are merged into that group.
/// `groups[i]` describes the group of `matches[i]`, in CopyIndex::find's
/// order; choose_original then runs over the joined group.
GroupDecision decide_group(const Fingerprint& fp, const std::vector<CopyMatch>& matches,
                           const std::vector<CopyGroupInfo>& groups);
constexpr double kFragmentContainment = 0.8;

/// The copy groups of the articles filed so far, kept by the ingest rule
/// (decide_group): which group each article is in, each group's members
/// and its current original. Ingest (the story linker) and
/// `tidings eval copies` keep their groups in this one class, so the
/// evaluation measures what ingest does. Group keys are opaque, never 0.
/// Not thread-safe.
class CopyGroups {
 public:
  struct Group {
    int64_t original = 0;
    std::vector<int64_t> members;  ///< the original and its copies, in filing order
  };

  /// The key of `article`'s group, 0 when it has none.
  int64_t group_of(int64_t article) const;
  /// The group of `key`, null when there is none.
  const Group* group(int64_t key) const;
  /// Files `article` as `decision` says: the groups in decision.merge are
  /// merged into decision.join, which the article then joins; or, when
  /// decision.join is 0, it is the original of a new group. Returns the
  /// new group's key or decision.join, and appends the members that moved
  /// from merged groups to `moved` when given.
  int64_t file(int64_t article, const GroupDecision& decision, std::vector<int64_t>* moved = nullptr);
  /// Restores a stored relation: `article` is `original` or a copy of it.
  void restore(int64_t article, int64_t original);
  /// The members whose evidence choose_original weighs after `article`
  /// joined group `key`: all of them; in a group larger than kMaxContenders
  /// (a template every page of a site repeats) the current original and the
  /// newcomer only, so that filing costs the same whatever the group's size.
  std::vector<int64_t> contenders(int64_t key, int64_t article) const;
  void set_original(int64_t key, int64_t original);
  size_t articles() const { return group_of_.size(); }
  /// Every group by its key, in no particular order.
  const std::unordered_map<int64_t, Group>& groups() const { return groups_; }

 private:
  std::unordered_map<int64_t, int64_t> group_of_;
  std::unordered_map<int64_t, Group> groups_;
};
constexpr size_t kMaxContenders = 32;

// -------------------------------------------------------------- original

/// An article of a group of copies, with the evidence for which is the
/// original.
struct CopyCandidate {
  int64_t id = 0;
  std::string url;                 ///< the URL it was read from
  std::string canonical_url;
  std::string outlet;
  /// The news agency whose site this is ("Reuters" for reuters.com), as
  /// SourceLink::agency names it; "" when not an agency's. The caller fills
  /// it (extract's agency table): dedup depends on core and text only.
  std::string agency;
  std::optional<Instant> published_at;
  std::vector<SourceLink> source_links;
};

struct OriginChoice {
  int64_t original_id = 0;
  /// Why: "source_link" (a copy links to it), "canonical" (a copy's
  /// canonical URL is its URL), "agency" (copies credit the agency whose
  /// site it is on), "earliest" (published first), "first_stored".
  std::string reason;
};

/// The original of a group of copies (at least one candidate), from the
/// evidence in this order: a source link or canonical URL of one copy that
/// points at another's URL (compared as canonicalize_url keys; the most
/// pointed-at among those that point at no other member); an agency credit
/// ("(Reuters) -", SourceLink::agency) naming the `agency` or the `outlet`
/// of one of them; the earliest publication time; else the first stored
/// (lowest id). Ties go to the next rule. An empty group gives id 0.
OriginChoice choose_original(const std::vector<CopyCandidate>& group);

}  // namespace tidings::dedup
