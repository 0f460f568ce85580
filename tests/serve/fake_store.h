// An in-memory Store for the serve tests: articles in a vector, listed in the
// store's order (newest first by published_at, else fetched_at, then id),
// with a switch that makes every read fail like a broken database.
#pragma once

#include <algorithm>
#include <mutex>
#include <vector>

#include "store/store.h"

namespace tidings::testing {

class FakeStore : public Store {
 public:
  void add(StoredArticle a) {
    std::lock_guard lock(mutex_);
    articles_.push_back(std::move(a));
  }
  void set_failing(bool failing) {
    std::lock_guard lock(mutex_);
    failing_ = failing;
  }

  Result<void> transaction(const std::function<Result<void>()>& body) override { return body(); }
  Result<std::optional<int64_t>> find_document(const std::string&, std::string_view) override {
    return unsupported();
  }
  Result<DocumentPut> put_document(const Document&) override { return unsupported(); }
  Result<int64_t> save_article(int64_t, const Article&, const std::string&, int) override {
    return unsupported();
  }
  Result<void> save_failure(int64_t, const std::string&, const Error&) override {
    return unsupported();
  }
  Result<StoredDocument> get_document(int64_t) override { return unsupported(); }
  Result<std::vector<int64_t>> document_ids(bool) override { return unsupported(); }
  Result<std::vector<Failure>> list_failures(int) override { return unsupported(); }
  Result<Source> add_source(const SourceSpec&) override { return unsupported(); }
  Result<std::vector<Source>> list_sources() override { return unsupported(); }
  Result<Source> get_source(int64_t) override { return unsupported(); }
  Result<void> remove_source(int64_t) override { return unsupported(); }
  Result<void> record_poll(int64_t, const SourcePoll&) override { return unsupported(); }
  Result<std::vector<Source>> due_sources(Instant) override { return unsupported(); }
  Result<FrontierAdded> add_to_frontier(int64_t, const std::vector<FrontierItem>&, Instant,
                                        int64_t) override {
    return unsupported();
  }
  Result<std::vector<FrontierEntry>> due_frontier(Instant, int) override { return unsupported(); }
  Result<std::vector<FrontierFailure>> frontier_failures(int) override { return unsupported(); }
  Result<void> frontier_postpone(int64_t, const std::string&, Instant) override {
    return unsupported();
  }
  Result<void> frontier_done(int64_t, int, int64_t) override { return unsupported(); }
  Result<void> frontier_failed(int64_t, int, const std::string&, std::optional<Instant>) override {
    return unsupported();
  }
  Result<int64_t> frontier_pending() override { return unsupported(); }
  Result<void> record_fetch(const FetchRecord&) override { return unsupported(); }
  Result<SourceHistory> source_history(int64_t, int, int) override { return unsupported(); }
  Result<void> set_article_links(int64_t, const ArticleLinks&) override { return unsupported(); }
  Result<void> set_original(int64_t, const std::vector<CopyAssignment>&) override {
    return unsupported();
  }
  Result<void> set_story(int64_t, std::optional<int64_t>) override { return unsupported(); }
  Result<void> load_fingerprints(const std::function<void(const StoredFingerprint&)>&) override {
    return unsupported();
  }
  Result<std::optional<ArticleLinks>> article_links(int64_t) override { return unsupported(); }
  Result<int64_t> max_story_id() override { return unsupported(); }
  Result<void> load_story_assignments(std::optional<Instant>,
                                      const std::function<void(const StoryAssignment&)>&) override {
    return unsupported();
  }
  Result<std::optional<int64_t>> find_article_by_url_key(const std::string&) override {
    return unsupported();
  }
  Result<std::vector<ArticleRef>> article_copies(int64_t) override { return unsupported(); }
  Result<std::optional<ArticleRef>> first_reported_by(int64_t) override { return unsupported(); }

  // No copies and no stories: the article pages and the home page show
  // none (the story tests use a real in-memory SQLite store).
  Result<std::vector<Story>> list_stories(const StoryQuery&) override {
    std::lock_guard lock(mutex_);
    if (failing_) return broken();
    return std::vector<Story>();
  }
  Result<StoryDetail> get_story(int64_t id) override {
    return fail(ErrorCode::kNotFound, "no story " + std::to_string(id));
  }
  Result<ArticleRelations> article_relations(int64_t id) override {
    std::lock_guard lock(mutex_);
    if (failing_) return broken();
    for (const auto& a : articles_) {
      if (a.id == id) return ArticleRelations{};
    }
    return fail(ErrorCode::kNotFound, "no article " + std::to_string(id));
  }

  // No facts either: an article known to the fake has none computed.
  Result<void> set_article_facts(int64_t, int64_t, const std::vector<FactRecord>&) override {
    return unsupported();
  }
  Result<ArticleFacts> article_facts(int64_t id) override {
    std::lock_guard lock(mutex_);
    if (failing_) return broken();
    for (const auto& a : articles_) {
      if (a.id == id) {
        ArticleFacts none;
        none.article_id = id;
        return none;
      }
    }
    return fail(ErrorCode::kNotFound, "no article " + std::to_string(id));
  }
  Result<std::vector<int64_t>> articles_needing_facts(int64_t, int64_t, int) override {
    return unsupported();
  }
  Result<StoryFacts> story_facts(int64_t id) override {
    return fail(ErrorCode::kNotFound, "no story " + std::to_string(id));
  }
  Result<StoryDisagreements> figure_disagreements(int64_t id, int64_t) override {
    return fail(ErrorCode::kNotFound, "no story " + std::to_string(id));
  }

  Result<std::vector<StoredArticle>> list_articles(const ArticleQuery& q) override {
    std::lock_guard lock(mutex_);
    if (failing_) return broken();
    std::vector<StoredArticle> sorted = articles_;
    std::sort(sorted.begin(), sorted.end(), [](const StoredArticle& a, const StoredArticle& b) {
      return std::pair(key(a), a.id) > std::pair(key(b), b.id);
    });
    size_t start = 0;
    if (q.before_id) {
      const auto it = std::find_if(sorted.begin(), sorted.end(),
                                   [&](const StoredArticle& a) { return a.id == *q.before_id; });
      if (it == sorted.end()) return std::vector<StoredArticle>();
      start = static_cast<size_t>(it - sorted.begin()) + 1;
    }
    start += static_cast<size_t>(q.offset);
    std::vector<StoredArticle> out;
    for (size_t i = start; i < sorted.size() && out.size() < static_cast<size_t>(q.limit); ++i) {
      out.push_back(sorted[i]);
    }
    return out;
  }

  Result<StoredArticle> get_article(int64_t id) override {
    std::lock_guard lock(mutex_);
    if (failing_) return broken();
    for (const auto& a : articles_) {
      if (a.id == id) return a;
    }
    return fail(ErrorCode::kNotFound, "no article " + std::to_string(id));
  }

  Result<StoreCounts> counts() override {
    std::lock_guard lock(mutex_);
    if (failing_) return broken();
    const auto n = static_cast<int64_t>(articles_.size());
    return StoreCounts{n + 1, n, 1};
  }

 private:
  static Instant key(const StoredArticle& a) {
    return a.article.published_at.value_or(a.fetched_at);
  }
  static tl::unexpected<Error> unsupported() {
    return fail(ErrorCode::kInternal, "not supported by the fake store");
  }
  static tl::unexpected<Error> broken() { return fail(ErrorCode::kStore, "disk I/O error"); }

  std::mutex mutex_;
  std::vector<StoredArticle> articles_;
  bool failing_ = false;
};

/// An article with id `id`, published `id` hours after 2023-11-01 00:00 UTC.
inline StoredArticle make_article(int64_t id) {
  using namespace std::chrono;
  StoredArticle s;
  s.id = id;
  s.document_id = 100 + id;
  s.outlet = "Example News";
  s.fetched_at = Instant{sys_days{2023y / November / 2}};
  s.article.url = "https://news.example.com/a/" + std::to_string(id);
  s.article.canonical_url = s.article.url;
  s.article.title = "Article number " + std::to_string(id);
  s.article.byline = "Jane Doe";
  s.article.published_at = Instant{sys_days{2023y / November / 1}} + hours{id};
  s.article.language = "en";
  s.article.site_name = "Example News";
  s.article.text = "First paragraph.\n\nSecond paragraph.";
  s.article.source_links.push_back({"https://agency.example.org/story", "Source link", "link", ""});
  return s;
}

}  // namespace tidings::testing
