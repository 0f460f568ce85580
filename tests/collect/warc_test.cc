// WARC reading on well-formed input: record types, versions, gzip layouts,
// HTTP payload decoding, and independence from how the bytes arrive.
#include <gtest/gtest.h>

#include <algorithm>

#include "collect/byte_source.h"
#include "collect/warc_fixtures.h"
#include "collect/warc_stream.h"

namespace tidings {
namespace {

using testing::Collected;
using testing::gzip;
using testing::http_message;
using testing::read_bytes;
using testing::response_record;
using testing::TempDir;
using testing::warc_record;

std::string sample_warc() {
  return warc_record("warcinfo", "", "software: test\r\n", "application/warc-fields") +
         warc_record("request", "http://a.example/", "GET / HTTP/1.1\r\nHost: a.example\r\n\r\n",
                     "application/http; msgtype=request") +
         response_record("http://a.example/", "<p>first</p>") +
         warc_record("metadata", "http://a.example/", "via: x\r\n", "application/warc-fields") +
         response_record("https://b.example/news?id=2", "<p>second</p>");
}

TEST(Warc, ReadsResponsesAndSkipsOtherRecords) {
  const std::string data = sample_warc();
  const Collected c = read_bytes(data, {}, "x.warc");
  ASSERT_EQ(c.items.size(), 2u);
  ASSERT_TRUE(c.errors().empty());
  const auto docs = c.documents();
  EXPECT_EQ(docs[0].url, "http://a.example/");
  EXPECT_EQ(docs[0].final_url, "http://a.example/");
  EXPECT_EQ(docs[0].http_status, 200);
  EXPECT_EQ(docs[0].content_type, "text/html; charset=utf-8");
  EXPECT_EQ(docs[0].headers, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8");
  EXPECT_EQ(docs[0].body, "<p>first</p>");
  EXPECT_EQ(format_rfc3339(docs[0].fetched_at), "2023-11-01T18:40:00Z");
  EXPECT_EQ(docs[1].url, "https://b.example/news?id=2");
  EXPECT_EQ(docs[1].body, "<p>second</p>");
  // Origins name each record's byte offset.
  const size_t first = data.find("WARC/1.0\r\nWARC-Type: response");
  const size_t second = data.find("WARC/1.0\r\nWARC-Type: response", first + 1);
  EXPECT_EQ(docs[0].origin, "x.warc#" + std::to_string(first));
  EXPECT_EQ(docs[1].origin, "x.warc#" + std::to_string(second));
  EXPECT_EQ(c.items[0].origin, docs[0].origin);
}

TEST(Warc, ReadsWarc11AndWarc10AngleBrackets) {
  std::string v11 = warc_record("response", "http://a.example/1.1", http_message("one"),
                                testing::kResponseType, "WARC/1.1");
  const size_t date = v11.find("2023-11-01T18:40:00Z");
  v11.replace(date, 20, "2023-11-01T18:40:00.123456Z");
  const std::string v10 = response_record("<http://a.example/1.0>", "zero");
  const auto docs = read_bytes(v11 + v10).documents();
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].url, "http://a.example/1.1");
  EXPECT_EQ(format_rfc3339(docs[0].fetched_at), "2023-11-01T18:40:00Z");
  EXPECT_EQ(docs[1].url, "http://a.example/1.0");
  EXPECT_EQ(docs[1].body, "zero");
}

TEST(Warc, SkipsRevisitRequestAndNonHttpRecords) {
  const std::string data =
      warc_record(
          "revisit", "http://a.example/", "HTTP/1.1 200 OK\r\n\r\n", testing::kResponseType,
          "WARC/1.0", "",
          "WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest\r\n") +
      warc_record("request", "http://a.example/", "GET / HTTP/1.1\r\n\r\n",
                  "application/http; msgtype=request") +
      warc_record("response", "dns:a.example", "20231101184000\na.example. 60 IN A 1.2.3.4",
                  "text/dns") +
      warc_record("response", "http://a.example/", "HTTP/1.1 200 OK\r\n\r\nx", "text/plain") +
      warc_record("resource", "metadata://tool/log.txt", "log", "text/plain") +
      warc_record("conversion", "http://a.example/", "text", "text/plain");
  const Collected c = read_bytes(data);
  EXPECT_TRUE(c.items.empty()) << c.summary().front();
}

TEST(Warc, ResourceRecordsBecomeDocuments) {
  const Collected c = read_bytes(
      warc_record("resource", "https://a.example/page.html", "<html>r</html>", "text/html") +
      warc_record("resource", "file:///tmp/x.html", "<html>f</html>", "text/html"));
  const auto docs = c.documents();
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].url, "https://a.example/page.html");
  EXPECT_EQ(docs[0].content_type, "text/html");
  EXPECT_EQ(docs[0].http_status, 0);
  EXPECT_EQ(docs[0].headers, "");
  EXPECT_EQ(docs[0].body, "<html>r</html>");
  EXPECT_EQ(docs[1].url, "file:///tmp/x.html");
}

TEST(Warc, PassesEveryResponseThrough) {
  const std::string data =
      warc_record("response", "http://a.example/old",
                  "HTTP/1.1 301 Moved Permanently\r\nLocation: /new\r\n\r\n") +
      warc_record("response", "http://a.example/gone", http_message("nope", "", "404 Not Found")) +
      warc_record("response", "http://a.example/img.png",
                  "HTTP/2 200\r\ncontent-type: image/png\r\n\r\n\x89PNG");
  const auto docs = read_bytes(data).documents();
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].http_status, 301);
  EXPECT_EQ(docs[0].body, "");
  EXPECT_EQ(docs[1].http_status, 404);
  EXPECT_EQ(docs[2].http_status, 200);
  EXPECT_EQ(docs[2].content_type, "image/png");
}

TEST(Warc, DecodesChunkedAndGzipBodies) {
  const std::string html = "<html><body><p>decoded body</p></body></html>";
  const std::string compressed = gzip(html);
  std::string chunked;
  for (size_t i = 0; i < compressed.size(); i += 10) {
    const std::string part = compressed.substr(i, 10);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", part.size());
    chunked += std::string(size) + ";ext=1\r\n" + part + "\r\n";
  }
  chunked += "0\r\nX-Trailer: y\r\n\r\n";
  const std::string data = warc_record(
      "response", "http://a.example/",
      http_message(chunked, "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"));
  const Collected c = read_bytes(data);
  ASSERT_EQ(c.documents().size(), 1u) << c.summary().front();
  EXPECT_EQ(c.documents()[0].body, html);
}

TEST(Warc, EmptyInputHoldsNoRecords) {
  EXPECT_TRUE(read_bytes("").items.empty());
  EXPECT_TRUE(read_bytes("\r\n\r\n").items.empty());
}

TEST(Warc, ToleratesMissingFinalLineBreaks) {
  std::string data = response_record("http://a.example/", "last");
  data.resize(data.size() - 4);
  const Collected c = read_bytes(data);
  ASSERT_EQ(c.documents().size(), 1u);
  EXPECT_TRUE(c.errors().empty());
}

TEST(WarcGzip, OneMemberPerRecord) {
  TempDir dir;
  const std::string r1 = response_record("http://a.example/1", "one");
  const std::string r2 = warc_record("request", "http://a.example/2", "GET / HTTP/1.1\r\n\r\n",
                                     "application/http; msgtype=request");
  const std::string r3 = response_record("http://a.example/3", "three");
  const std::string g1 = gzip(r1), g2 = gzip(r2), g3 = gzip(r3);
  const std::string path = dir.write("per-record.warc.gz", g1 + g2 + g3);
  Collected c;
  read_warc_file(path, {}, c.sink());
  ASSERT_EQ(c.items.size(), 2u);
  const auto docs = c.documents();
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].origin, path + "#0");
  EXPECT_EQ(docs[0].body, "one");
  EXPECT_EQ(docs[1].origin, path + "#" + std::to_string(g1.size() + g2.size()));
  EXPECT_EQ(docs[1].body, "three");
}

TEST(WarcGzip, OneMemberForTheWholeFile) {
  TempDir dir;
  const std::string r1 = response_record("http://a.example/1", "one");
  const std::string r2 = response_record("http://a.example/2", "two");
  const std::string path = dir.write("whole.warc.gz", gzip(r1 + r2));
  Collected c;
  read_inputs({path}, {}, c.sink());
  const auto docs = c.documents();
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].origin, path + "#0");
  EXPECT_EQ(docs[1].origin, path + "#0+" + std::to_string(r1.size()));
  EXPECT_EQ(docs[1].body, "two");
}

TEST(WarcGzip, InMemoryGzipIsSniffed) {
  const auto docs = read_bytes(gzip(sample_warc())).documents();
  EXPECT_EQ(docs.size(), 2u);
}

TEST(WarcGzip, EmptyFilesHoldNoRecords) {
  TempDir dir;
  const Collected c = testing::read_paths({dir.write("e.warc", ""), dir.write("e.warc.gz", "")});
  EXPECT_TRUE(c.items.empty());
}

// A source that hands out 1..7 bytes at a time, to show the parser does
// not depend on where reads end.
class TrickleSource final : public collect::ByteSource {
 public:
  explicit TrickleSource(std::string_view data) : data_(data) {}
  size_t read(char* out, size_t n) override {
    const size_t k = std::min({n, data_.size() - pos_, size_t{1} + (pos_ * 7919) % 7});
    std::copy_n(data_.data() + pos_, k, out);
    pos_ += k;
    return k;
  }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

std::vector<std::string> trickle_summary(std::string_view data, bool gzipped) {
  Collected c;
  std::unique_ptr<collect::ByteSource> src = std::make_unique<TrickleSource>(data);
  if (gzipped) src = collect::gzip_source(std::move(src));
  collect::read_warc_stream(*src, "mem", {}, c.sink());
  std::vector<std::string> out = c.summary();
  for (const auto& d : c.documents()) out.push_back(d.body);
  return out;
}

TEST(WarcStream, ChunkBoundariesDoNotMatter) {
  const std::string data = sample_warc() + "junk\r\n" +
                           response_record("http://c.example/", std::string(5000, 'c')) +
                           warc_record("response", "http://d.example/", http_message("d"),
                                       testing::kResponseType, "WARC/1.0", "3");
  Collected whole = read_bytes(data);
  std::vector<std::string> expected = whole.summary();
  for (const auto& d : whole.documents()) expected.push_back(d.body);
  ASSERT_EQ(whole.documents().size(), 3u);
  ASSERT_EQ(whole.errors().size(), 2u);
  EXPECT_EQ(trickle_summary(data, false), expected);
  EXPECT_EQ(trickle_summary(gzip(data), true).size(), expected.size());
}

}  // namespace
}  // namespace tidings
