// WARC reading on broken and hostile input: each problem gives one error
// naming the input, and reading goes on where the format allows.
#include <gtest/gtest.h>

#include <random>

#include "collect/warc_fixtures.h"

namespace tidings {
namespace {

using testing::Collected;
using testing::gzip;
using testing::http_message;
using testing::read_bytes;
using testing::response_record;
using testing::TempDir;
using testing::warc_record;

std::vector<std::string> bodies(const Collected& c) {
  std::vector<std::string> out;
  for (const auto& d : c.documents()) out.push_back(d.body);
  return out;
}

Collected read_file(const std::string& path, ReadOptions options = {}) {
  Collected c;
  read_warc_file(path, options, c.sink());
  return c;
}

TEST(WarcHostile, TruncatedGzipPerRecord) {
  TempDir dir;
  const std::string g = gzip(response_record("http://a.example/1", "one")) +
                        gzip(response_record("http://a.example/2", "two")) +
                        gzip(response_record("http://a.example/3", std::string(3000, 'x')));
  const std::string path = dir.write("cut.warc.gz", g.substr(0, g.size() - 40));
  const Collected c = read_file(path);
  ASSERT_EQ(c.items.size(), 3u);
  EXPECT_EQ(bodies(c), (std::vector<std::string>{"one", "two"}));
  ASSERT_TRUE(c.items[2].error);
  EXPECT_EQ(c.items[2].error->code, ErrorCode::kTruncated);
  EXPECT_EQ(c.items[2].error->message, path + ": truncated gzip stream after 2 records");
  EXPECT_EQ(c.items[2].origin, path);
}

TEST(WarcHostile, TruncatedGzipWholeFile) {
  TempDir dir;
  std::mt19937 rng(7);
  std::string noise(20000, 'y');
  for (char& ch : noise) ch = static_cast<char>('a' + rng() % 26);
  const std::string plain =
      response_record("http://a.example/1", "one") + response_record("http://a.example/2", noise);
  const std::string g = gzip(plain);
  const Collected c = read_file(dir.write("cut.warc.gz", g.substr(0, g.size() / 2)));
  EXPECT_EQ(bodies(c), (std::vector<std::string>{"one"}));
  ASSERT_EQ(c.errors().size(), 1u);
  EXPECT_NE(c.errors()[0].message.find("truncated gzip stream after 1 record"), std::string::npos);
}

TEST(WarcHostile, CorruptGzipMemberIsSkipped) {
  TempDir dir;
  const std::string g1 = gzip(response_record("http://a.example/1", "one"));
  std::string g2 = gzip(response_record("http://a.example/2", std::string(4000, 'z') + "tail"));
  const std::string g3 = gzip(response_record("http://a.example/3", "three"));
  for (size_t i = 20; i < 40; ++i) g2[i] = static_cast<char>(0xff);
  const std::string path = dir.write("bad.warc.gz", g1 + g2 + g3);
  const Collected c = read_file(path);
  EXPECT_EQ(bodies(c), (std::vector<std::string>{"one", "three"}));
  ASSERT_EQ(c.errors().size(), 1u);
  EXPECT_EQ(c.errors()[0].code, ErrorCode::kInvalidInput);
  EXPECT_NE(c.errors()[0].message.find(path + ": corrupt gzip member at byte " +
                                       std::to_string(g1.size()) + " after 1 record"),
            std::string::npos)
      << c.errors()[0].message;
  EXPECT_EQ(c.documents()[1].origin, path + "#" + std::to_string(g1.size() + g2.size()));
}

TEST(WarcHostile, TruncatedMemberFollowedByAGoodOne) {
  // What `cat cut.warc.gz more.warc.gz` makes: inflate runs into the next
  // member before it notices; the reader still finds that member.
  const std::string g1 = gzip(response_record("http://a.example/1", std::string(3000, 'a')));
  const std::string g2 = gzip(response_record("http://a.example/2", "two"));
  const Collected c = read_bytes(g1.substr(0, g1.size() / 2) + g2);
  EXPECT_EQ(bodies(c), (std::vector<std::string>{"two"}));
  EXPECT_EQ(c.errors().size(), 1u);
}

TEST(WarcHostile, GarbageAfterTheLastMember) {
  const Collected c = read_bytes(gzip(response_record("http://a.example/1", "one")) + "garbage!");
  EXPECT_EQ(bodies(c), (std::vector<std::string>{"one"}));
  ASSERT_EQ(c.errors().size(), 1u);
  EXPECT_NE(c.errors()[0].message.find("is not a gzip member"), std::string::npos);
}

TEST(WarcHostile, ContentLengthTooLong) {
  const std::string good = response_record("http://a.example/2", "two");
  // Long by 30 bytes: the block swallows the start of the next record.
  const std::string lying =
      warc_record("response", "http://a.example/1", http_message("one"), testing::kResponseType,
                  "WARC/1.0", std::to_string(http_message("one").size() + 30));
  Collected c = read_bytes(lying + good + response_record("http://a.example/3", "three"), {}, "m");
  EXPECT_EQ(bodies(c), (std::vector<std::string>{"two", "three"}));
  ASSERT_EQ(c.errors().size(), 1u);
  EXPECT_EQ(c.errors()[0].message, "m#0: record does not end where its Content-Length (" +
                                       std::to_string(http_message("one").size() + 30) + ") says");
  // Long past the end of the data: a truncated record.
  c = read_bytes(good + lying);
  EXPECT_EQ(bodies(c), (std::vector<std::string>{"two"}));
  ASSERT_EQ(c.errors().size(), 1u);
  EXPECT_EQ(c.errors()[0].code, ErrorCode::kTruncated);
  c = read_bytes(warc_record("response", "http://a.example/1", http_message("one"),
                             testing::kResponseType, "WARC/1.0", "5000") +
                 good);
  EXPECT_EQ(bodies(c), (std::vector<std::string>{"two"}));
  ASSERT_EQ(c.errors().size(), 1u);
  EXPECT_NE(c.errors()[0].message.find("truncated record (Content-Length 5000, only"),
            std::string::npos);
}

TEST(WarcHostile, ContentLengthTooShort) {
  const std::string lying = warc_record("response", "http://a.example/1", http_message("one"),
                                        testing::kResponseType, "WARC/1.0", "10");
  const Collected c = read_bytes(lying + response_record("http://a.example/2", "two"));
  EXPECT_EQ(bodies(c), (std::vector<std::string>{"two"}));
  ASSERT_EQ(c.errors().size(), 1u);
  EXPECT_EQ(c.errors()[0].code, ErrorCode::kInvalidInput);
}

TEST(WarcHostile, MissingOrBadContentLength) {
  const std::string good = response_record("http://a.example/2", "two");
  for (const char* length : {"-", "abc", "-5", "99999999999999999999999", "12 34"}) {
    const Collected c =
        read_bytes(warc_record("response", "http://a.example/1", http_message("one"),
                               testing::kResponseType, "WARC/1.0", length) +
                   good);
    EXPECT_EQ(bodies(c), (std::vector<std::string>{"two"})) << length;
    EXPECT_EQ(c.errors().size(), 1u) << length;
  }
}

TEST(WarcHostile, HugeContentLength) {
  const std::string good = response_record("http://a.example/2", "two");
  TempDir dir;
  // Larger than the file: caught before skipping; the next record is found.
  const std::string huge = warc_record("response", "http://a.example/1", http_message("one"),
                                       testing::kResponseType, "WARC/1.0", "1000000000000000");
  for (const std::string& path : {dir.write("huge.warc", huge + good)}) {
    const Collected c = read_file(path);
    EXPECT_EQ(bodies(c), (std::vector<std::string>{"two"}));
    ASSERT_EQ(c.errors().size(), 1u);
    EXPECT_EQ(c.errors()[0].code, ErrorCode::kTruncated);
  }
  // Inside gzip the end is unknown: the skip runs to the end, one error.
  const Collected g = read_file(dir.write("huge.warc.gz", gzip(huge) + gzip(good)));
  ASSERT_EQ(g.errors().size(), 1u);
  EXPECT_EQ(g.errors()[0].code, ErrorCode::kTooLarge);
}

TEST(WarcHostile, RecordsOverTheLimitAreReportedAndSkipped) {
  ReadOptions small;
  small.max_document_bytes = 1000;
  const std::string big = response_record("http://a.example/big", std::string(5000, 'b'));
  const std::string big_request =
      warc_record("request", "http://a.example/big", std::string(5000, 'r'), "application/http");
  const std::string good = response_record("http://a.example/2", "two");
  const std::string plain = big + big_request + good;
  TempDir dir;
  for (const std::string& path :
       {dir.write("big.warc", plain), dir.write("big.warc.gz", gzip(plain)),
        dir.write("big2.warc.gz", gzip(big) + gzip(big_request) + gzip(good))}) {
    const Collected c = read_file(path, small);
    EXPECT_EQ(bodies(c), (std::vector<std::string>{"two"})) << path;
    ASSERT_EQ(c.errors().size(), 1u) << path;
    EXPECT_EQ(c.errors()[0].code, ErrorCode::kTooLarge);
    EXPECT_NE(c.errors()[0].message.find("record too large (5"), std::string::npos);
    EXPECT_NE(c.errors()[0].message.find("limit 1000)"), std::string::npos);
  }
}

TEST(WarcHostile, HeaderBlockTooLarge) {
  ReadOptions small;
  small.max_warc_header_bytes = 1024;
  const std::string big_header =
      warc_record("response", "http://a.example/1", http_message("one"), testing::kResponseType,
                  "WARC/1.0", "", "X-Padding: " + std::string(5000, 'p') + "\r\n");
  const Collected c = read_bytes(big_header + response_record("http://a.example/2", "two"), small);
  EXPECT_EQ(bodies(c), (std::vector<std::string>{"two"}));
  ASSERT_EQ(c.errors().size(), 1u);
  EXPECT_EQ(c.errors()[0].code, ErrorCode::kTooLarge);
}

TEST(WarcHostile, JunkBetweenRecords) {
  const Collected c = read_bytes(response_record("http://a.example/1", "one") +
                                 "this is not a record\r\nWARC/0.9 neither\r\n" +
                                 response_record("http://a.example/2", "two"));
  EXPECT_EQ(bodies(c), (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(c.errors().size(), 1u);
}

TEST(WarcHostile, HeaderCutShort) {
  std::string cut = response_record("http://a.example/1", "one");
  cut.resize(cut.find("WARC-Target-URI"));  // ends at a line end
  const Collected c = read_bytes(cut + response_record("http://a.example/2", "two") + cut);
  EXPECT_EQ(bodies(c), (std::vector<std::string>{"two"}));
  ASSERT_EQ(c.errors().size(), 2u);
  EXPECT_EQ(c.errors()[0].message, "mem#0: truncated record header");
  EXPECT_EQ(c.errors()[1].code, ErrorCode::kTruncated);
}

TEST(WarcHostile, BinaryJunk) {
  std::mt19937 rng(42);
  std::string junk(100000, '\0');
  for (char& ch : junk) ch = static_cast<char>(rng());
  junk[0] = 'J';  // not the gzip magic
  TempDir dir;
  Collected c = read_file(dir.write("junk.warc", junk));
  ASSERT_EQ(c.items.size(), 1u);
  EXPECT_EQ(c.errors()[0].code, ErrorCode::kInvalidInput);
  EXPECT_EQ(c.items[0].origin, dir.path().string() + "/junk.warc#0");
  c = read_file(dir.write("junk.warc.gz", junk));
  ASSERT_EQ(c.items.size(), 1u);
  EXPECT_EQ(c.errors()[0].message, dir.path().string() + "/junk.warc.gz: not gzip data");
  junk[0] = '\x1f';
  junk[1] = '\x8b';
  junk[2] = '\x08';
  junk[3] = '\0';
  c = read_file(dir.write("junk2.warc.gz", junk));
  ASSERT_EQ(c.items.size(), 1u);
  EXPECT_NE(c.errors()[0].message.find("corrupt gzip member at byte 0"), std::string::npos);
}

TEST(WarcHostile, GzipOfJunk) {
  const Collected c = read_bytes(gzip(std::string(1 << 20, '\0')));
  EXPECT_EQ(c.items.size(), 1u);
}

TEST(WarcHostile, DecompressionBombStopsAtTheCap) {
  ReadOptions options;
  options.max_document_bytes = 1 << 20;
  const std::string bomb = gzip(std::string(32 << 20, 'A'));  // 32 MiB in ~32 KiB
  ASSERT_LT(bomb.size(), options.max_document_bytes);
  const std::string data = warc_record("response", "http://a.example/bomb",
                                       http_message(bomb, "Content-Encoding: gzip\r\n")) +
                           response_record("http://a.example/2", "two");
  const Collected c = read_bytes(data, options);
  EXPECT_EQ(bodies(c), (std::vector<std::string>{"two"}));
  ASSERT_EQ(c.errors().size(), 1u);
  EXPECT_EQ(c.errors()[0].code, ErrorCode::kTooLarge);
  EXPECT_EQ(c.errors()[0].message, "mem#0: decoded body larger than 1048576 bytes");
}

TEST(WarcHostile, BadHttpInsideAGoodRecord) {
  const Collected c = read_bytes(
      warc_record("response", "http://a.example/1", "garbage\r\n\r\nx") +
      warc_record("response", "http://a.example/2", http_message("x", "Content-Encoding: br\r\n")) +
      response_record("http://a.example/3", "three"));
  EXPECT_EQ(bodies(c), (std::vector<std::string>{"three"}));
  ASSERT_EQ(c.errors().size(), 2u);
  EXPECT_NE(c.errors()[0].message.find("bad HTTP status line \"garbage\""), std::string::npos);
  EXPECT_NE(c.errors()[1].message.find("unsupported content-encoding br"), std::string::npos);
}

}  // namespace
}  // namespace tidings
