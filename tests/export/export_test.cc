// Exports (export/export.h) over an in-memory store: CSV quoting (RFC
// 4180) read back by a strict parser, JSON lines in the API's shapes, the
// filters (dates, outlet, article ids), OPML read back by collect's OPML
// importer, and WARC read back by collect's WARC reader (plain and gzip),
// with the digests the spec asks for.
#include "export/export.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "collect/collect.h"
#include "collect/opml.h"
#include "store/fact_fixtures.h"
#include "store/story_fixtures.h"

namespace tidings {
namespace {

using nlohmann::json;
using testing::link_article;
using testing::seed_article;

// RFC 4180 records: fields separated by commas, rows by CRLF, quoted
// fields may hold anything with quotes doubled. Fails the test on a
// malformed input.
std::vector<std::vector<std::string>> parse_csv(const std::string& s) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, was_quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      EXPECT_TRUE(field.empty() && !was_quoted) << "quote inside an unquoted field";
      quoted = was_quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
      was_quoted = false;
    } else if (c == '\r') {
      EXPECT_TRUE(i + 1 < s.size() && s[i + 1] == '\n') << "bare CR";
      rows.back().push_back(field);
      field.clear();
      was_quoted = false;
      rows.emplace_back();
      ++i;
    } else {
      EXPECT_NE(c, '\n') << "bare LF outside quotes";
      field += c;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quote";
  EXPECT_TRUE(rows.back().empty() && field.empty()) << "last row not ended by CRLF";
  rows.pop_back();
  return rows;
}

std::vector<json> parse_lines(const std::string& s) {
  std::vector<json> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(json::parse(line));
  return out;
}

TEST(Csv, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(exports::csv_field("plain"), "plain");
  EXPECT_EQ(exports::csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(exports::csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(exports::csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(exports::csv_field("cr\r"), "\"cr\r\"");
  EXPECT_EQ(exports::csv_field(" padded"), "\" padded\"");
  EXPECT_EQ(exports::csv_field("bad\xff"), "bad\xEF\xBF\xBD");
  EXPECT_EQ(exports::csv_row({"a", "", "b,c"}), "a,,\"b,c\"\r\n");
}

TEST(Digests, Base32AndSha1AsRfc4648AndWarcSay) {
  EXPECT_EQ(exports::base32(""), "");
  EXPECT_EQ(exports::base32("f"), "MY======");
  EXPECT_EQ(exports::base32("fo"), "MZXQ====");
  EXPECT_EQ(exports::base32("foo"), "MZXW6===");
  EXPECT_EQ(exports::base32("foob"), "MZXW6YQ=");
  EXPECT_EQ(exports::base32("fooba"), "MZXW6YTB");
  EXPECT_EQ(exports::base32("foobar"), "MZXW6YTBOI======");
  EXPECT_EQ(exports::sha1_digest("abc"), "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
}

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = open_sqlite_store(":memory:");
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    wire_ = seed_article(*store_, "https://wire.example/quake", "Quake, \"big\" one", "Wire",
                         "2024-01-02T09:00:00Z", "Line one.\n\nLine, two with \"quotes\".");
    copy_ = seed_article(*store_, "https://copier.example/quake", "Quake copy", "Copier",
                         "2024-01-02T09:40:00Z");
    later_ = seed_article(*store_, "https://daily.example/vote", "Vote counted", "Daily",
                          "2024-02-10T12:00:00Z");
    link_article(*store_, wire_, 1);
    link_article(*store_, copy_, 1, wire_, 0.97, "near:source_link");
    link_article(*store_, later_, 2);
    auto facts = store_->set_article_facts(
        wire_, 1,
        {testing::figure_fact("killed/people", 12, "at_least", "officials"),
         testing::named_fact("person", "ali khaji", "Ali, \"the\" Khaji")});
    ASSERT_TRUE(facts) << facts.error().message;
  }

  std::string run(exports::RecordKind kind, exports::RecordFormat format,
                  const exports::ExportFilter& filter = {}, int64_t* records = nullptr) {
    std::ostringstream out;
    auto counts = exports::export_records(*store_, kind, format, filter, out);
    EXPECT_TRUE(counts) << counts.error().message;
    if (counts && records) *records = counts->records;
    return out.str();
  }

  std::unique_ptr<Store> store_;
  int64_t wire_ = 0, copy_ = 0, later_ = 0;
};

TEST_F(ExportTest, ArticlesAsJsonLinesInTheApiShape) {
  int64_t n = 0;
  const auto lines =
      parse_lines(run(exports::RecordKind::kArticles, exports::RecordFormat::kJsonl, {}, &n));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(n, 3);
  EXPECT_EQ(lines[0]["id"], later_);  // newest first
  EXPECT_EQ(lines[2]["title"], "Quake, \"big\" one");
  EXPECT_EQ(lines[2]["text"], "Line one.\n\nLine, two with \"quotes\".");
  EXPECT_EQ(lines[2]["story"], 1);
  EXPECT_EQ(lines[1]["copy_of"]["id"], wire_);
  for (const char* field : {"id", "document_id", "outlet", "fetched_at", "url", "published_at",
                            "source_links", "copies", "first_reported_by"}) {
    EXPECT_TRUE(lines[0].contains(field)) << field;
  }
}

TEST_F(ExportTest, ArticlesAsCsvReadBack) {
  const auto rows = parse_csv(run(exports::RecordKind::kArticles, exports::RecordFormat::kCsv));
  ASSERT_EQ(rows.size(), 4u);
  const auto& header = rows[0];
  ASSERT_EQ(header[0], "id");
  const auto col = [&](const std::string& name) {
    return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  for (const auto& row : rows) ASSERT_EQ(row.size(), header.size());
  EXPECT_EQ(rows[3][col("title")], "Quake, \"big\" one");
  EXPECT_EQ(rows[3][col("text")], "Line one.\n\nLine, two with \"quotes\".");
  EXPECT_EQ(rows[3][col("published_at")], "2024-01-02T09:00:00Z");
  EXPECT_EQ(rows[2][col("copy_of")], std::to_string(wire_));
  EXPECT_EQ(rows[2][col("similarity")], "0.97");
  EXPECT_EQ(rows[1][col("story")], "2");
}

TEST_F(ExportTest, FiltersByDatesOutletAndIds) {
  exports::ExportFilter january;
  january.from = *parse_iso8601("2024-01-01T00:00:00Z");
  january.to = *parse_iso8601("2024-01-31T23:59:59Z");
  auto lines =
      parse_lines(run(exports::RecordKind::kArticles, exports::RecordFormat::kJsonl, january));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["id"], copy_);
  exports::ExportFilter february;
  february.from = *parse_iso8601("2024-02-01T00:00:00Z");
  lines = parse_lines(run(exports::RecordKind::kArticles, exports::RecordFormat::kJsonl, february));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["id"], later_);
  exports::ExportFilter outlet;
  outlet.outlet = "COPIER";
  lines = parse_lines(run(exports::RecordKind::kArticles, exports::RecordFormat::kJsonl, outlet));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["outlet"], "Copier");
  exports::ExportFilter ids;
  ids.article_ids = std::vector<int64_t>{wire_, later_, 999};
  lines = parse_lines(run(exports::RecordKind::kArticles, exports::RecordFormat::kJsonl, ids));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["id"], later_);
  EXPECT_EQ(lines[1]["id"], wire_);
  // Stories: those holding a chosen article, or a given outlet.
  ids.article_ids = std::vector<int64_t>{copy_};
  lines = parse_lines(run(exports::RecordKind::kStories, exports::RecordFormat::kJsonl, ids));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["id"], 1);
  outlet.outlet = "daily";
  lines = parse_lines(run(exports::RecordKind::kStories, exports::RecordFormat::kJsonl, outlet));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["id"], 2);
  lines = parse_lines(run(exports::RecordKind::kStories, exports::RecordFormat::kJsonl, february));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["id"], 2);
}

TEST_F(ExportTest, StoriesAsJsonLinesAndCsv) {
  const auto lines = parse_lines(run(exports::RecordKind::kStories, exports::RecordFormat::kJsonl));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1]["id"], 1);
  EXPECT_EQ(lines[1]["article_count"], 2);
  EXPECT_EQ(lines[1]["first_reported_by"]["outlet"], "Wire");
  const auto rows = parse_csv(run(exports::RecordKind::kStories, exports::RecordFormat::kCsv));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][1], "headline");
  EXPECT_EQ(rows[2][1], "Quake, \"big\" one");
  EXPECT_EQ(rows[2][8], "Wire");
}

TEST_F(ExportTest, FactsOnePerLineAndRow) {
  int64_t n = 0;
  const auto lines =
      parse_lines(run(exports::RecordKind::kFacts, exports::RecordFormat::kJsonl, {}, &n));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(n, 2);
  EXPECT_EQ(lines[0]["article"], wire_);
  EXPECT_EQ(lines[0]["kind"], "figure");
  EXPECT_EQ(lines[0]["value"], 12);
  EXPECT_EQ(lines[0]["outlet"], "Wire");
  EXPECT_EQ(lines[1]["label"], "Ali, \"the\" Khaji");
  const auto rows = parse_csv(run(exports::RecordKind::kFacts, exports::RecordFormat::kCsv));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][4], "figure");
  EXPECT_EQ(rows[1][10], "12");
  EXPECT_EQ(rows[1][11], "at_least");
  EXPECT_EQ(rows[2][9], "Ali, \"the\" Khaji");
}

TEST(OpmlExport, ReadBackByTheImporter) {
  auto opened = open_sqlite_store(":memory:");
  ASSERT_TRUE(opened);
  Store& store = **opened;
  ASSERT_TRUE(store.add_source({"https://wire.example/feed.xml", "Wire & <Co>", "feed", 900}));
  ASSERT_TRUE(store.add_source({"https://daily.example/", "", "page", 3600}));
  ASSERT_TRUE(
      store.add_source({"https://map.example/news-sitemap.xml", "Map \"news\"", "sitemap", 600}));
  std::ostringstream out;
  auto counts = exports::export_sources_opml(store, *parse_iso8601("2024-01-02T00:00:00Z"), out);
  ASSERT_TRUE(counts) << counts.error().message;
  EXPECT_EQ(counts->records, 3);
  auto doc = parse_opml(out.str());
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_TRUE(doc->warning.empty()) << doc->warning;
  ASSERT_EQ(doc->outlines.size(), 3u);
  EXPECT_EQ(doc->outlines[0].title, "Wire & <Co>");
  EXPECT_EQ(doc->outlines[0].xml_url, "https://wire.example/feed.xml");
  EXPECT_EQ(doc->outlines[0].kind, "feed");
  EXPECT_EQ(doc->outlines[0].every, "15m");
  EXPECT_EQ(doc->outlines[1].url, "https://daily.example/");
  EXPECT_EQ(doc->outlines[1].kind, "page");
  EXPECT_EQ(doc->outlines[1].every, "1h");
  EXPECT_EQ(doc->outlines[2].title, "Map \"news\"");
  EXPECT_EQ(doc->outlines[2].kind, "sitemap");
}

class WarcExportTest : public ::testing::TestWithParam<bool> {};

TEST_P(WarcExportTest, ReadBackByTheWarcReader) {
  auto opened = open_sqlite_store(":memory:");
  ASSERT_TRUE(opened);
  Store& store = **opened;
  Document fetched;
  fetched.url = "http://wire.example/a";
  fetched.final_url = "https://wire.example/a?x=1";
  fetched.headers =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: "
      "chunked\r\nContent-Encoding: gzip\r\nContent-Length: 99\r\nX-Folded: a\r\n b";
  fetched.content_type = "text/html; charset=utf-8";
  fetched.http_status = 200;
  fetched.fetched_at = *parse_iso8601("2024-01-02T09:00:00Z");
  fetched.body = std::string("<html>hello</html>");
  Document local;
  local.url = "file:///data/pages/a%20b.html";
  local.fetched_at = *parse_iso8601("2023-05-06T07:08:09Z");
  local.body = std::string("<p>caf\xc3\xa9\r\n\0binary", 18);
  Document missing_headers = fetched;
  missing_headers.url = "https://daily.example/b";
  missing_headers.final_url.clear();
  missing_headers.headers.clear();
  missing_headers.http_status = 404;
  missing_headers.body = "gone";
  for (const Document* d : {&fetched, &local, &missing_headers})
    ASSERT_TRUE(store.put_document(*d));

  exports::WarcOptions options;
  options.gzip = GetParam();
  options.now = *parse_iso8601("2024-03-01T00:00:00Z");
  std::ostringstream out;
  auto counts = exports::export_warc(store, options, out);
  ASSERT_TRUE(counts) << counts.error().message;
  EXPECT_EQ(counts->records, 3);
  const std::string warc = out.str();
  if (!GetParam()) {
    EXPECT_TRUE(warc.starts_with("WARC/1.1\r\nWARC-Type: warcinfo\r\n"));
    EXPECT_NE(warc.find("WARC-Payload-Digest: sha1:O57NSEYVH37NN5YSIJIQGZF2VAMOK4GK\r\n"),
              std::string::npos);
    EXPECT_EQ(warc.find("Transfer-Encoding"), std::string::npos);
    EXPECT_EQ(warc.find("Content-Encoding"), std::string::npos);
    EXPECT_NE(warc.find("\r\nContent-Length: 18\r\n\r\n<html>hello</html>\r\n\r\n"),
              std::string::npos);
    EXPECT_NE(warc.find("WARC-Type: resource\r\n"), std::string::npos);
  } else {
    EXPECT_EQ(static_cast<unsigned char>(warc[0]), 0x1f);
  }

  std::vector<Document> back;
  read_warc_bytes(warc, "export.warc", {}, [&](InputItem&& item) {
    ASSERT_TRUE(item.document) << (item.error ? item.error->message : "");
    back.push_back(std::move(*item.document));
  });
  ASSERT_EQ(back.size(), 3u);
  EXPECT_EQ(back[0].url, "https://wire.example/a?x=1");
  EXPECT_EQ(back[0].body, fetched.body);
  EXPECT_EQ(back[0].http_status, 200);
  EXPECT_EQ(back[0].content_type, "text/html; charset=utf-8");
  EXPECT_EQ(back[0].fetched_at, fetched.fetched_at);
  EXPECT_NE(back[0].headers.find("X-Folded: a"), std::string::npos);
  EXPECT_EQ(back[1].url, local.url);
  EXPECT_EQ(back[1].body, local.body);
  EXPECT_EQ(back[1].content_type, "");
  EXPECT_EQ(back[1].fetched_at, local.fetched_at);
  EXPECT_EQ(back[2].url, "https://daily.example/b");
  EXPECT_EQ(back[2].http_status, 404);
  EXPECT_EQ(back[2].body, "gone");
}

INSTANTIATE_TEST_SUITE_P(PlainAndGzip, WarcExportTest, ::testing::Bool());

}  // namespace
}  // namespace tidings
