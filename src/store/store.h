// The store: everything tidings keeps, behind one interface so that the
// embedded SQLite implementation (sqlite_store.cc) and a later PostgreSQL
// one are interchangeable. Schema and migrations: docs/store.md.
//
// Contract: every method is safe to call from several threads (an
// implementation serialises where it must). Errors come back as Result with
// ErrorCode::kStore or kNotFound; nothing throws. A write that returned
// success is durable against a crash of the process (kill -9).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/types.h"
#include "store/facts.h"
#include "store/stories.h"

namespace tidings {

/// What put_document did.
struct DocumentPut {
  int64_t id = 0;
  bool created = false;  ///< false: the same URL with the same bytes was already stored
};

/// A document as stored, with its raw bytes decompressed.
struct StoredDocument {
  int64_t id = 0;
  Document document;
  std::string state;   ///< "new", "extracted", "failed"
  std::string error_stage;
  std::string error_code;
  std::string error;
};

/// A document that failed a stage, as `tidings failures` lists it.
struct Failure {
  int64_t document_id = 0;
  std::string url;
  std::string origin;
  std::string stage;   ///< "read", "extract", ...
  std::string code;    ///< error_code_name()
  std::string message;
  int attempts = 0;
  Instant failed_at{};
};

struct ArticleQuery {
  int limit = 50;                   ///< 1..1000
  int offset = 0;
  std::optional<int64_t> before_id; ///< keyset pagination on the list order
};

struct StoreCounts {
  int64_t documents = 0;
  int64_t articles = 0;
  int64_t failures = 0;
};

/// A source to register: an outlet's home page, feed or news sitemap.
struct SourceSpec {
  std::string url;
  std::string name;               ///< "" = take it from the feed's title later
  std::string kind = "auto";      ///< "auto", "feed", "sitemap", "page"
  int64_t every_seconds = 900;    ///< poll interval
};

/// A registered source, with what collecting it has found so far.
struct Source {
  int64_t id = 0;
  std::string url;
  std::string name;
  std::string kind;
  int64_t every_seconds = 900;
  bool enabled = true;
  Instant created_at{};
  std::string feed_url;                ///< the feed/sitemap found for an "auto" source
  std::string etag;                    ///< validators for the next conditional GET
  std::string last_modified;
  std::optional<Instant> last_fetch_at;
  std::optional<Instant> next_poll_at;
  int last_status = 0;                 ///< HTTP status of the last poll, 0 = none yet
  std::string last_error;
  std::string last_warning;            ///< of the last poll: "" when none
  int64_t items_found = 0;             ///< item URLs seen in its feeds, in all
  int64_t articles = 0;                ///< articles stored from it
  int64_t frontier_pending = 0;        ///< its item URLs waiting (retries included)
  int64_t frontier_failed = 0;         ///< its item URLs failed for good
};

/// What one poll of a source found, written back to the registry.
struct SourcePoll {
  Instant fetched_at{};
  int http_status = 0;
  std::string error;          ///< "" = the poll succeeded
  std::string warning;        ///< "" = nothing to warn about
  bool forget_validators = false;  ///< the next poll must fetch the whole feed again
  std::string etag;           ///< validators for the next conditional GET
  std::string last_modified;
  std::string feed_url;       ///< a feed/sitemap discovered for an "auto" source
  std::string name;           ///< the feed's title, used when the source has no name
  int64_t items_found = 0;    ///< item URLs in this poll's feed
  Instant next_poll_at{};
};

/// An item URL found in a feed or sitemap, waiting to be fetched.
struct FrontierItem {
  std::string url;
  std::string title;
  std::optional<Instant> published_at;
};

/// What add_to_frontier did.
struct FrontierAdded {
  int64_t added = 0;    ///< rows new to the frontier
  size_t examined = 0;  ///< items looked at: all of them, unless max_new stopped it
};

/// A frontier URL whose last fetch failed, as `tidings failures --fetch`
/// lists it.
struct FrontierFailure {
  int64_t entry_id = 0;
  int64_t source_id = 0;    ///< 0 when the source was removed
  std::string source_name;  ///< its name, else its URL
  std::string url;
  bool will_retry = false;  ///< pending again at next_attempt_at; else failed for good
  int http_status = 0;      ///< 0 when there was no response
  std::string error;
  int attempts = 0;
  Instant next_attempt_at{};
};

struct FrontierEntry {
  int64_t id = 0;
  int64_t source_id = 0;
  FrontierItem item;
  int attempts = 0;
};

/// One page fetched for a source and what became of it: the fetch log that
/// source health is computed from (store/source_health.h).
struct FetchRecord {
  int64_t source_id = 0;
  std::string url;
  Instant fetched_at{};
  int http_status = 0;        ///< 0 when no response came
  /// "article", a non-article page kind ("blocked", "paywalled",
  /// "needs_javascript", "empty"), "failed" (extraction failed), "error"
  /// (no usable response: network, 404, 5xx...) or "unchanged" (the same
  /// bytes were stored already).
  std::string outcome;
  int64_t text_length = 0;    ///< characters of the article's text; 0 unless an article
  int64_t document_id = 0;    ///< 0 when nothing was stored
};

/// A source's recent history, as health needs it.
struct SourceHistory {
  std::vector<FetchRecord> fetches;    ///< newest first
  /// Its newest articles' publication times (the fetch time when the page
  /// gave none), newest first.
  std::vector<Instant> article_times;
  std::optional<Instant> last_article_stored_at;  ///< fetch time of its newest article
};

class Store {
 public:
  virtual ~Store() = default;

  /// Runs `body` in one transaction: all its writes land or none do.
  virtual Result<void> transaction(const std::function<Result<void>()>& body) = 0;

  /// The id of the document with this URL and exactly these bytes, if stored.
  virtual Result<std::optional<int64_t>> find_document(const std::string& url,
                                                       std::string_view body) = 0;
  /// Stores a document (raw bytes compressed). Idempotent on (url, bytes).
  virtual Result<DocumentPut> put_document(const Document& doc) = 0;
  /// Stores the article extracted from a document, replacing an earlier
  /// one, and marks the document extracted.
  virtual Result<int64_t> save_article(int64_t document_id, const Article& article,
                                       const std::string& outlet, int extractor_version) = 0;
  /// Marks a document failed at `stage`, keeping the reason.
  virtual Result<void> save_failure(int64_t document_id, const std::string& stage,
                                    const Error& error) = 0;

  virtual Result<StoredDocument> get_document(int64_t id) = 0;
  /// Ids of all documents, or of the failed ones only, in id order.
  virtual Result<std::vector<int64_t>> document_ids(bool failed_only) = 0;

  /// Newest first: by published_at (fetched_at when unknown), then id.
  virtual Result<std::vector<StoredArticle>> list_articles(const ArticleQuery& query) = 0;
  virtual Result<StoredArticle> get_article(int64_t id) = 0;
  virtual Result<std::vector<Failure>> list_failures(int limit) = 0;
  virtual Result<StoreCounts> counts() = 0;

  /// Registers a source; a URL registered already is kInvalidInput naming
  /// the existing id.
  virtual Result<Source> add_source(const SourceSpec& spec) = 0;
  /// All sources, in id order.
  virtual Result<std::vector<Source>> list_sources() = 0;
  virtual Result<Source> get_source(int64_t id) = 0;
  /// Removes a source from the registry. Its documents and articles stay
  /// (they no longer name a source).
  virtual Result<void> remove_source(int64_t id) = 0;
  /// Records a poll: status, error, validators, next poll time.
  virtual Result<void> record_poll(int64_t source_id, const SourcePoll& poll) = 0;
  /// Enabled sources whose next poll is due at `now` (never polled ones
  /// first), in id order.
  virtual Result<std::vector<Source>> due_sources(Instant now) = 0;

  /// Adds item URLs to the frontier, in order; a URL seen before (from any
  /// source) is not added again. Stops once `max_new` were new, so one poll
  /// cannot flood the frontier; the items after that are not looked at.
  virtual Result<FrontierAdded> add_to_frontier(int64_t source_id,
                                                const std::vector<FrontierItem>& items, Instant now,
                                                int64_t max_new) = 0;
  /// Pending entries due at `now`, oldest first, at most `limit`.
  virtual Result<std::vector<FrontierEntry>> due_frontier(Instant now, int limit) = 0;
  /// Marks an entry fetched and stored (state done) with its document.
  virtual Result<void> frontier_done(int64_t entry_id, int http_status, int64_t document_id) = 0;
  /// Records a failed attempt: retried at `retry_at`, or failed for good
  /// when `retry_at` is nullopt.
  virtual Result<void> frontier_failed(int64_t entry_id, int http_status, const std::string& error,
                                       std::optional<Instant> retry_at) = 0;
  /// Puts an entry off until `retry_at` without counting an attempt: it was
  /// not fetched (its host was backed off), so it must not run out of
  /// attempts without ever being tried.
  virtual Result<void> frontier_postpone(int64_t entry_id, const std::string& reason,
                                         Instant retry_at) = 0;
  /// Pending entries, in all (for status and tests).
  virtual Result<int64_t> frontier_pending() = 0;

  /// Appends to the fetch log. Saving an article or a failure for a
  /// document later (re-extraction) updates the outcome of its rows.
  virtual Result<void> record_fetch(const FetchRecord& record) = 0;
  /// The last `fetch_limit` fetches of a source and its last
  /// `article_limit` article times (source_health.h says what of).
  virtual Result<SourceHistory> source_history(int64_t source_id, int fetch_limit,
                                               int article_limit) = 0;
  /// Entries whose last fetch failed (retried later or failed for good),
  /// by source then URL order of discovery, at most `limit`.
  virtual Result<std::vector<FrontierFailure>> frontier_failures(int limit) = 0;

  // Copies and stories (docs/store.md, migration 7). The streaming loads
  // call `fn` with the store locked: it must not call the store.

  /// Writes what dedup and clustering decided about an article, replacing
  /// what was there, creates its story when the number is new and brings
  /// the story's counts up to date (and those of the story it left). Call
  /// it in the transaction that saved the article, so both land together.
  /// kNotFound for an unknown article or copy_of; kInvalidInput when
  /// copy_of is the article itself or story_id is not > 0.
  virtual Result<void> set_article_links(int64_t article_id, const ArticleLinks& links) = 0;
  /// Re-points a group at a new original: `original_id` is no longer a copy,
  /// each of `copies` becomes a copy of it with its similarity and reason,
  /// and articles that were copies of any of those now point at it (their
  /// similarity kept), so copy_of never leads to another copy.
  virtual Result<void> set_original(int64_t original_id,
                                    const std::vector<CopyAssignment>& copies) = 0;
  /// Moves an article to story `story_id` (nullopt: to none), for
  /// re-clustering; both stories' counts follow.
  virtual Result<void> set_story(int64_t article_id, std::optional<int64_t> story_id) = 0;
  /// Every stored fingerprint with its article's copy relation and story,
  /// in id order: what a process loads into dedup::CopyIndex at start-up.
  virtual Result<void> load_fingerprints(const std::function<void(const StoredFingerprint&)>& fn) = 0;
  /// What set_article_links last wrote for an article; nullopt when nothing
  /// (or no such article).
  virtual Result<std::optional<ArticleLinks>> article_links(int64_t article_id) = 0;
  /// The highest story number stored, 0 when none: a clusterer restored
  /// from a window of recent articles numbers new stories above it.
  virtual Result<int64_t> max_story_id() = 0;
  /// The articles that have a story and a sort time at or after `since`
  /// (all when nullopt), in publication order (sort time, then id): what
  /// cluster::StoryClusterer::add_to replays at start-up.
  virtual Result<void> load_story_assignments(
      std::optional<Instant> since, const std::function<void(const StoryAssignment&)>& fn) = 0;
  /// The first stored article under this URL key, if any.
  virtual Result<std::optional<int64_t>> find_article_by_url_key(const std::string& url_key) = 0;
  /// Stories with at least one article, in the query's order.
  virtual Result<std::vector<Story>> list_stories(const StoryQuery& query) = 0;
  /// A story and its articles, oldest first; kNotFound when unknown or empty.
  virtual Result<StoryDetail> get_story(int64_t story_id) = 0;
  /// The copies of an article, oldest first.
  virtual Result<std::vector<ArticleRef>> article_copies(int64_t article_id) = 0;
  /// An article's original, copies, story and first report; kNotFound for
  /// an unknown article.
  virtual Result<ArticleRelations> article_relations(int64_t article_id) = 0;
  /// The earliest original of a story (nullopt: unknown or empty story).
  virtual Result<std::optional<ArticleRef>> first_reported_by(int64_t story_id) = 0;

  // Facts (docs/facts-store.md, migration 8).

  /// Replaces an article's facts with `facts` (in order; FactRecord::parent
  /// indexes into them) and records `version` (>= 1) as its facts version,
  /// in one transaction (the caller's, when one is open: call it in the
  /// transaction that saved the article). An empty list records that the
  /// version ran and found nothing. kNotFound for an unknown article;
  /// kInvalidInput naming the fact for a malformed one (unknown kind,
  /// offsets, parent, a non-finite value, coordinates, sizes past facts.h's
  /// bounds), and then nothing is written.
  virtual Result<void> set_article_facts(int64_t article_id, int64_t version,
                                         const std::vector<FactRecord>& facts) = 0;
  /// An article's facts in the order they were set; `version` nullopt when
  /// facts never ran on it. kNotFound for an unknown article.
  virtual Result<ArticleFacts> article_facts(int64_t article_id) = 0;
  /// Ids of the articles above `after_id`, in id order, at most `limit`
  /// (1..10,000), whose facts were never computed, were computed by a
  /// version below `version`, or are stale (the article's text changed
  /// since): what `tidings reextract` (or a facts re-run) works through.
  virtual Result<std::vector<int64_t>> articles_needing_facts(int64_t version, int64_t after_id,
                                                              int limit) = 0;
  /// A story's people, entities, places, dates, quotes and figures counted
  /// per claim, not per copy (facts.h aggregate_story_facts); kNotFound
  /// when the story is unknown or empty.
  virtual Result<StoryFacts> story_facts(int64_t story_id) = 0;
  /// The figures of a story whose sources disagree within `window_seconds`
  /// (1..30 days) of each other (facts.h find_disagreements); kNotFound as
  /// story_facts, kInvalidInput for a window out of range.
  virtual Result<StoryDisagreements> figure_disagreements(int64_t story_id,
                                                          int64_t window_seconds) = 0;
};

struct SqliteOptions {
  /// "normal" (WAL default: durable against process crashes, may lose the
  /// last commits on power loss) or "full" (durable against power loss).
  std::string synchronous = "normal";
  int busy_timeout_ms = 10000;
};

/// Opens (creating if needed) the SQLite database at `path` and applies the
/// pending migrations. ":memory:" gives an in-memory store for tests.
Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path,
                                                 const SqliteOptions& options = {});

/// The schema version this build migrates to.
int latest_schema_version();

}  // namespace tidings
