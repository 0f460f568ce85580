// The SQLite implementation of Store, declared for the files that share
// it (sqlite_store.cc: documents and articles; sqlite_sources.cc: the
// source registry; sqlite_stories.cc: copies and stories). Private to the
// store module.
#pragma once

#include <sqlite3.h>

#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "store/sqlite.h"
#include "store/store.h"

namespace tidings::sqlite_detail {

/// RFC 3339 text from the database to an Instant (epoch when unparsable).
Instant parse_stored_time(const std::string& s);

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  ~SqliteStore() override {
    statements_.clear();  // finalized before the connection closes
    sqlite3_close_v2(db_);
  }

  Result<void> configure(const SqliteOptions& options);
  Result<void> migrate();

  Result<void> transaction(const std::function<Result<void>()>& body) override;
  Result<std::optional<int64_t>> find_document(const std::string& url,
                                               std::string_view body) override;
  Result<DocumentPut> put_document(const Document& doc) override;
  Result<int64_t> save_article(int64_t document_id, const Article& article,
                               const std::string& outlet, int extractor_version) override;
  Result<void> save_failure(int64_t document_id, const std::string& stage,
                            const Error& error) override;
  Result<StoredDocument> get_document(int64_t id) override;
  Result<std::vector<int64_t>> document_ids(bool failed_only) override;
  Result<std::vector<StoredArticle>> list_articles(const ArticleQuery& query) override;
  Result<StoredArticle> get_article(int64_t id) override;
  Result<std::vector<Failure>> list_failures(int limit) override;
  Result<StoreCounts> counts() override;

  // Sources (sqlite_sources.cc).
  Result<Source> add_source(const SourceSpec& spec) override;
  Result<std::vector<Source>> list_sources() override;
  Result<Source> get_source(int64_t id) override;
  Result<void> remove_source(int64_t id) override;
  Result<void> record_poll(int64_t source_id, const SourcePoll& poll) override;
  Result<std::vector<Source>> due_sources(Instant now) override;

  // The crawl frontier (sqlite_frontier.cc).
  Result<FrontierAdded> add_to_frontier(int64_t source_id, const std::vector<FrontierItem>& items,
                                        Instant now, int64_t max_new) override;
  Result<std::vector<FrontierEntry>> due_frontier(Instant now, int limit) override;
  Result<std::vector<FrontierFailure>> frontier_failures(int limit) override;
  Result<void> frontier_postpone(int64_t entry_id, const std::string& reason,
                                 Instant retry_at) override;
  Result<void> frontier_done(int64_t entry_id, int http_status, int64_t document_id) override;
  Result<void> frontier_failed(int64_t entry_id, int http_status, const std::string& error,
                               std::optional<Instant> retry_at) override;
  Result<int64_t> frontier_pending() override;

  // The fetch log (sqlite_fetch_log.cc).
  Result<void> record_fetch(const FetchRecord& record) override;
  Result<SourceHistory> source_history(int64_t source_id, int fetch_limit,
                                       int article_limit) override;
  /// Keeps the log's outcome of a document's fetches in step with a new
  /// extraction (save_article / save_failure).
  Result<void> update_fetch_outcome(int64_t document_id, std::string_view outcome,
                                    int64_t text_length);

  // Copies and stories (sqlite_stories.cc).
  Result<void> set_article_links(int64_t article_id, const ArticleLinks& links) override;
  Result<void> set_original(int64_t original_id,
                            const std::vector<CopyAssignment>& copies) override;
  Result<void> set_story(int64_t article_id, std::optional<int64_t> story_id) override;
  Result<void> load_fingerprints(const std::function<void(const StoredFingerprint&)>& fn) override;
  Result<std::optional<ArticleLinks>> article_links(int64_t article_id) override;
  Result<int64_t> max_story_id() override;
  Result<void> load_story_assignments(
      std::optional<Instant> since, const std::function<void(const StoryAssignment&)>& fn) override;
  Result<std::optional<int64_t>> find_article_by_url_key(const std::string& url_key) override;
  Result<std::vector<Story>> list_stories(const StoryQuery& query) override;
  Result<StoryDetail> get_story(int64_t story_id) override;
  Result<std::vector<ArticleRef>> article_copies(int64_t article_id) override;
  Result<ArticleRelations> article_relations(int64_t article_id) override;
  Result<std::optional<ArticleRef>> first_reported_by(int64_t story_id) override;

  // Facts (sqlite_facts.cc).
  Result<void> set_article_facts(int64_t article_id, int64_t version,
                                 const std::vector<FactRecord>& facts) override;
  Result<ArticleFacts> article_facts(int64_t article_id) override;
  Result<std::vector<int64_t>> articles_needing_facts(int64_t version, int64_t after_id,
                                                      int limit) override;
  Result<StoryFacts> story_facts(int64_t story_id) override;
  Result<StoryDisagreements> figure_disagreements(int64_t story_id,
                                                  int64_t window_seconds) override;

 private:
  Result<std::vector<SourceLink>> load_links(int64_t article_id);
  Result<StoredArticle> read_article_row(sql::Statement& st);
  // Story bookkeeping (sqlite_stories.cc).
  Result<void> require_article(int64_t article_id);
  Result<std::optional<int64_t>> story_of(int64_t article_id);
  Result<void> ensure_story(int64_t story_id);
  /// Brings a story's counts up to date: at once, or, inside an enclosing
  /// transaction (the pipeline's batch), once per story when it commits, so
  /// a batch of copies joining one large story does not recount it each time.
  Result<void> refresh_story(int64_t story_id);
  Result<void> refresh_story_now(int64_t story_id);
  std::set<int64_t> stale_stories_;  ///< to refresh before the outermost COMMIT
  Result<std::optional<ArticleRef>> article_ref(int64_t article_id);
  Result<std::vector<ArticleRef>> article_refs(std::string_view where_and_order, int64_t param);
  /// A statement prepared once for the life of the connection, reset and
  /// with no bindings: for those run once per article joining a story,
  /// whose preparation costs more than their run (a few hundred µs against
  /// tens). Only for statements run to completion before the next call.
  sql::Statement& cached_statement(std::string_view sql);

  sqlite3* db_;
  std::map<std::string, std::unique_ptr<sql::Statement>, std::less<>> statements_;
  std::recursive_mutex mutex_;
  int transaction_depth_ = 0;
};

}  // namespace tidings::sqlite_detail
