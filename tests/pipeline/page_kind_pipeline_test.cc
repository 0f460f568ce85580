// Pages that are not articles through ingest_documents: blocked by status or
// by a challenge, paywalled, JavaScript shells and empty pages are stored
// as failed documents at stage "page" with their kind, never as articles,
// and the fetch log records every outcome for source health.
#include <gtest/gtest.h>

#include "pipeline/pipeline.h"

namespace tidings {
namespace {

const std::string kArticleBody =
    "<article><h1>Harbour works resume</h1><p>Work on the harbour wall resumed on Monday after "
    "a pause of three months, the port authority said, and should be finished by the spring."
    "</p><p>The contractor said the delay had been caused by storms that damaged the "
    "temporary dam, and that no further closures of the quay were planned.</p></article>";

Document doc(const std::string& path, int status, const std::string& body, int64_t source_id) {
  Document d;
  d.url = "https://daily.example/" + path;
  d.content_type = "text/html; charset=utf-8";
  d.http_status = status;
  d.fetched_at = *parse_iso8601("2026-11-27T10:00:00Z");
  d.source_id = source_id;
  d.body = "<html><head><title>" + path + "</title></head><body>" + body + "</body></html>";
  return d;
}

TEST(PageFailure, StatusFirstThenTheExtractionsKind) {
  Extraction article;
  EXPECT_FALSE(page_failure(200, article));
  auto blocked = page_failure(403, article);
  ASSERT_TRUE(blocked);
  EXPECT_EQ(blocked->code, ErrorCode::kBlocked);
  EXPECT_EQ(blocked->message, "HTTP 403");
  Extraction challenge;
  challenge.page_kind = PageKind::kBlocked;
  challenge.page_reason = "bot challenge or block page (cf_chl_)";
  EXPECT_EQ(page_failure(429, challenge)->message, "HTTP 429, bot challenge or block page (cf_chl_)");
  EXPECT_EQ(page_failure(200, challenge)->code, ErrorCode::kBlocked);
  Extraction paywall;
  paywall.page_kind = PageKind::kPaywalled;
  paywall.page_reason = "paywall";
  EXPECT_EQ(page_failure(200, paywall)->code, ErrorCode::kPaywalled);
  // A 451 whose body could not even be read is still blocked.
  const Result<Extraction> failed = tl::unexpected(Error(ErrorCode::kInvalidInput, "empty document"));
  EXPECT_EQ(page_failure(451, failed)->code, ErrorCode::kBlocked);
  EXPECT_FALSE(page_failure(200, failed));  // an extraction failure, not a page kind
  EXPECT_TRUE(is_blocked_status(429));
  EXPECT_FALSE(is_blocked_status(404));
}

TEST(PagePipeline, NonArticlesAreFailedDocumentsAndLogged) {
  auto s = open_sqlite_store(":memory:");
  ASSERT_TRUE(s);
  auto& store = **s;
  SourceSpec spec;
  spec.url = "https://daily.example/feed.xml";
  auto source = store.add_source(spec);
  ASSERT_TRUE(source);
  const int64_t sid = source->id;

  Document forbidden = doc("forbidden", 403, kArticleBody, sid);  // even with article text
  Document plain_403 = doc("plain", 403, "", sid);
  plain_403.content_type = "text/plain";
  plain_403.body = "Forbidden";
  std::vector<Document> docs = {
      doc("good", 200, kArticleBody, sid),
      forbidden,
      plain_403,
      doc("challenge", 200,
          "<h1>Checking your browser</h1><script>window._cf_chl_opt={cType:'managed'};</script>",
          sid),
      doc("teaser", 200,
          "<article><p>The board met on Tuesday to argue over the budget.</p>"
          "<div class=\"paywall\">Subscribe to keep reading.</div></article>",
          sid),
      doc("shell", 200,
          "<noscript>You need to enable JavaScript to run this app.</noscript><div id=\"root\">"
          "</div><script src=\"/main.js\"></script>",
          sid),
      doc("empty", 200, "<div class=\"story\"></div>", sid),
  };
  IngestCounts counts;
  std::vector<PipelineEvent> events;
  auto out = ingest_documents(store, docs, PipelineOptions{},
                              [&](const PipelineEvent& e) {
                                if (e.kind == PipelineEvent::Kind::kError) events.push_back(e);
                              },
                              &counts);
  ASSERT_TRUE(out) << out.error().message;
  const std::vector<std::string> expected = {"article", "blocked", "blocked", "blocked",
                                             "paywalled", "needs_javascript", "empty"};
  ASSERT_EQ(out->size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ((*out)[i].outcome, expected[i]) << docs[i].url;
    EXPECT_GT((*out)[i].document_id, 0) << docs[i].url;
    EXPECT_EQ((*out)[i].error.has_value(), i > 0) << docs[i].url;
  }
  EXPECT_GT((*out)[0].text_length, 100);
  EXPECT_EQ(counts.created, 7);
  EXPECT_EQ(counts.failed, 6);
  ASSERT_EQ(events.size(), 6u);
  EXPECT_EQ(events[1].message, "not an article (blocked): HTTP 403");

  // One article only; the rest are failures at stage "page" with their kind.
  EXPECT_EQ(store.counts()->articles, 1);
  auto failures = store.list_failures(100);
  ASSERT_TRUE(failures);
  ASSERT_EQ(failures->size(), 6u);
  for (size_t i = 0; i < failures->size(); ++i) {
    EXPECT_EQ((*failures)[i].stage, "page");
    EXPECT_EQ((*failures)[i].code, expected[i + 1]);
  }

  // The fetch log has every page with its outcome.
  auto history = store.source_history(sid, 100, 100);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->fetches.size(), 7u);
  EXPECT_EQ(history->fetches.back().outcome, "article");  // oldest last (same time: by id)
  EXPECT_EQ(history->fetches.front().outcome, "empty");

  // Re-extraction keeps them what they are, and the log unchanged.
  auto re = reextract_documents(store, true, PipelineOptions{}, nullptr);
  ASSERT_TRUE(re);
  EXPECT_EQ(re->failed, 6);
  EXPECT_EQ(store.counts()->articles, 1);
  history = store.source_history(sid, 100, 100);
  EXPECT_EQ(history->fetches.size(), 7u);
  EXPECT_EQ(history->fetches[1].outcome, "needs_javascript");

  // The same bytes fetched again: logged as unchanged.
  auto again = ingest_documents(store, {docs[0]}, PipelineOptions{}, nullptr, nullptr);
  ASSERT_TRUE(again);
  EXPECT_EQ((*again)[0].outcome, "unchanged");
  EXPECT_EQ(store.source_history(sid, 100, 100)->fetches.size(), 8u);
}

TEST(PagePipeline, LocalFilesAreNotLogged) {
  auto s = open_sqlite_store(":memory:");
  ASSERT_TRUE(s);
  SourceSpec spec;
  spec.url = "https://daily.example/feed.xml";
  auto source = (*s)->add_source(spec);
  auto out = ingest_documents(**s, {doc("x", 200, kArticleBody, 0)}, PipelineOptions{}, nullptr);
  ASSERT_TRUE(out);
  EXPECT_EQ((*out)[0].outcome, "article");
  EXPECT_TRUE((*s)->source_history(source->id, 10, 10)->fetches.empty());
}

}  // namespace
}  // namespace tidings
