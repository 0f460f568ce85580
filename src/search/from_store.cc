// The index derived from the store (from_store.h).
#include "search/from_store.h"

#include <filesystem>
#include <set>

namespace tidings::search {

namespace fs = std::filesystem;

namespace {

constexpr int kPage = 500;

}  // namespace

Result<SearchDoc> doc_from_store(Store& store, const StoredArticle& a) {
  SearchDoc d;
  d.article_id = a.id;
  d.title = a.article.title;
  d.url = a.article.canonical_url.empty() ? a.article.url : a.article.canonical_url;
  d.outlet = a.outlet;
  d.language = a.article.language;
  d.published_at = a.article.published_at.value_or(a.fetched_at);
  d.text = a.article.text;
  auto links = store.article_links(a.id);
  if (!links) return tl::unexpected(links.error());
  if (*links && (*links)->story_id) d.story_id = *(*links)->story_id;
  auto facts = store.article_facts(a.id);
  if (!facts) return tl::unexpected(facts.error());
  std::set<std::string> entities, places;
  for (const FactRecord& f : facts->facts) {
    if (f.kind == "person" || f.kind == "entity") {
      if (!f.key.empty()) entities.insert(f.key);
      if (!f.label.empty()) entities.insert(f.label);
    } else if (f.kind == "place") {
      if (!f.key.empty()) places.insert(f.key);
      if (!f.label.empty()) places.insert(f.label);
    }
  }
  d.entities.assign(entities.begin(), entities.end());
  d.places.assign(places.begin(), places.end());
  return d;
}

Result<ReindexCounts> reindex(Store& store, const std::string& dir, Backend backend,
                              const std::function<void(int64_t)>& progress) {
  const std::string fresh = dir + ".new";
  std::error_code ec;
  fs::remove_all(fresh, ec);
  auto index = create_index(fresh, backend);
  if (!index) return tl::unexpected(index.error());
  ReindexCounts counts;
  ArticleQuery q;
  q.limit = kPage;
  while (true) {
    auto page = store.list_articles(q);
    if (!page) return tl::unexpected(page.error());
    if (page->empty()) break;
    std::vector<SearchDoc> docs;
    for (const StoredArticle& a : *page) {
      auto d = doc_from_store(store, a);
      if (!d) {
        ++counts.failed;
        continue;
      }
      docs.push_back(std::move(*d));
    }
    if (auto r = (*index)->add(docs); !r) return tl::unexpected(r.error());
    counts.articles += static_cast<int64_t>(docs.size());
    if (progress) progress(counts.articles);
    q.before_id = page->back().id;
  }
  if (auto r = (*index)->compact(); !r) return tl::unexpected(r.error());
  if (auto bytes = (*index)->size_bytes()) counts.index_bytes = *bytes;
  index->reset();  // closed before it moves
  const std::string old = dir + ".old";
  fs::remove_all(old, ec);
  if (fs::exists(dir, ec)) {
    fs::rename(dir, old, ec);
    if (ec) return fail(ErrorCode::kIo, "cannot move the old index aside: " + ec.message());
  }
  fs::rename(fresh, dir, ec);
  if (ec) return fail(ErrorCode::kIo, "cannot put the new index in place: " + ec.message());
  fs::remove_all(old, ec);
  return counts;
}

std::vector<std::string> index_articles(Store& store, const std::string& dir,
                                        const std::vector<int64_t>& ids, bool create) {
  std::vector<std::string> problems;
  if (ids.empty()) return problems;
  auto backend = index_backend(dir);
  Result<std::unique_ptr<SearchIndex>> index = fail(ErrorCode::kNotFound, "");
  if (backend) {
    index = open_index(dir, true);
  } else if (create && backend.error().code == ErrorCode::kNotFound) {
    std::error_code ec;
    fs::remove_all(dir, ec);  // a directory without its backend file is a broken build
    index = create_index(dir, kDefaultBackend);
  } else if (backend.error().code == ErrorCode::kNotFound) {
    return problems;
  } else {
    index = tl::unexpected(backend.error());
  }
  auto all_failed = [&](const std::string& why) {
    for (int64_t id : ids) problems.push_back("article " + std::to_string(id) + " not indexed: " + why);
    return problems;
  };
  if (!index) return all_failed(index.error().message);
  std::vector<SearchDoc> docs;
  for (int64_t id : ids) {
    auto a = store.get_article(id);
    Result<SearchDoc> d = a ? doc_from_store(store, *a) : tl::unexpected(a.error());
    if (!d) {
      problems.push_back("article " + std::to_string(id) + " not indexed: " + d.error().message);
      continue;
    }
    docs.push_back(std::move(*d));
  }
  if (auto r = (*index)->add(docs); !r) {
    for (const SearchDoc& d : docs) {
      problems.push_back("article " + std::to_string(d.article_id) + " not indexed: " + r.error().message);
    }
  }
  return problems;
}

}  // namespace tidings::search
