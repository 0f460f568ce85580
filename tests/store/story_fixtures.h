// Seeding copies and stories through the Store API, for the store and
// serve tests (the real dedup and clustering are not called here).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "store/store.h"

namespace tidings::testing {

/// Stores a document and its article; returns the article id (0 on failure,
/// with a test failure recorded).
inline int64_t seed_article(Store& store, const std::string& url, const std::string& title,
                            const std::string& outlet, const std::string& published_at,
                            const std::string& text = "Body text.") {
  Document d;
  d.url = url;
  d.origin = "test";
  d.fetched_at = *parse_iso8601("2024-01-05T00:00:00Z");
  d.body = "<html>" + url + "</html>";
  auto put = store.put_document(d);
  EXPECT_TRUE(put) << put.error().message;
  if (!put) return 0;
  Article a;
  a.url = url;
  a.canonical_url = url;
  a.title = title;
  a.text = text;
  a.language = "en";
  if (!published_at.empty()) a.published_at = parse_iso8601(published_at);
  auto saved = store.save_article(put->id, a, outlet, 1);
  EXPECT_TRUE(saved) << saved.error().message;
  return saved ? *saved : 0;
}

/// Files an article in a story, as a copy of `copy_of` when given.
inline void link_article(Store& store, int64_t article_id, int64_t story_id,
                         std::optional<int64_t> copy_of = std::nullopt, double similarity = 0.9,
                         const std::string& reason = "near:earliest") {
  ArticleLinks links;
  links.url_key = "key:" + std::to_string(article_id);
  links.fingerprint = std::string("fp\0", 3) + std::to_string(article_id);
  links.story_id = story_id;
  if (copy_of) {
    links.copy_of = copy_of;
    links.similarity = similarity;
    links.copy_reason = reason;
  }
  auto r = store.set_article_links(article_id, links);
  EXPECT_TRUE(r) << r.error().message;
}

}  // namespace tidings::testing
