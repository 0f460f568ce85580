// The HTTP message inside response records: status, headers, chunked
// transfer coding, gzip/deflate content codings and their bounds.
#include "collect/http_payload.h"

#include <gtest/gtest.h>

#include "collect/warc_fixtures.h"

namespace tidings::collect {
namespace {

using testing::deflate_bytes;
using testing::gzip;

TEST(Chunked, DecodesChunksExtensionsAndTrailers) {
  EXPECT_EQ(decode_chunked("5\r\nhello\r\n1;x=y\r\n \r\n6\r\nworld!\r\n0\r\nT: v\r\n\r\n"),
            "hello world!");
  EXPECT_EQ(decode_chunked("A\nabcdefghij\n0\n\n"), "abcdefghij");
}

TEST(Chunked, KeepsWhatCameBeforeACut) {
  EXPECT_EQ(decode_chunked("5\r\nhello\r\nff\r\nwor"), "hellowor");
  EXPECT_EQ(decode_chunked("5\r\nhello\r\nzz\r\n"), "hello");
}

TEST(Chunked, NotChunkedAtAll) {
  EXPECT_EQ(decode_chunked("<html>"), std::nullopt);
  EXPECT_EQ(decode_chunked("ffffffffffffffffffffff\r\nx"), std::nullopt);
}

TEST(Inflate, GzipZlibRawAndMembers) {
  EXPECT_EQ(inflate_bounded(gzip("abc"), false, 100).value(), "abc");
  EXPECT_EQ(inflate_bounded(gzip("abc") + gzip("def"), false, 100).value(), "abcdef");
  EXPECT_EQ(inflate_bounded(deflate_bytes("zlib", 15), false, 100).value(), "zlib");
  EXPECT_EQ(inflate_bounded(deflate_bytes("raw", -15), true, 100).value(), "raw");
}

TEST(Inflate, TruncatedKeepsAPrefixCorruptFails) {
  const std::string text(5000, 'q');
  std::string g = gzip(text + "end");
  const auto cut = inflate_bounded(g.substr(0, g.size() - 12), false, 1 << 20);
  ASSERT_TRUE(cut);
  EXPECT_TRUE(text.starts_with(cut->substr(0, 10)));
  g[12] = '\xff';
  g[13] = '\xff';
  const auto bad = inflate_bounded(g, false, 1 << 20);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidInput);
}

TEST(Inflate, BombStopsAtTheCap) {
  const auto r = inflate_bounded(gzip(std::string(10 << 20, '\0')), false, 4096);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
}

TEST(HttpResponse, StatusHeadersBody) {
  const auto r = parse_http_response(
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-A: b\r\n\r\n<p>hi</p>", 100);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->headers, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-A: b");
  EXPECT_EQ(r->content_type, "text/html");
  EXPECT_EQ(r->body, "<p>hi</p>");
  EXPECT_EQ(parse_http_response("HTTP/2 404\r\n\r\n", 100)->status, 404);
  EXPECT_EQ(parse_http_response("HTTP/1.0 302 Found\nLocation: /x\n\nbody", 100)->body, "body");
  EXPECT_EQ(parse_http_response("HTTP/1.1 204 No Content\r\nA: b", 100)->body, "");
}

TEST(HttpResponse, BadStatusLines) {
  for (const char* m : {"", "garbage", "HTTP/1.1\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n",
                        "HTTP/1.1 abc\r\n\r\n", "HTTP/1.1 099\r\n\r\n"}) {
    const auto r = parse_http_response(m, 100);
    ASSERT_FALSE(r) << m;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  }
}

TEST(HttpResponse, ContentCodings) {
  const std::string head = "HTTP/1.1 200 OK\r\nContent-Encoding: ";
  EXPECT_EQ(parse_http_response(head + "gzip\r\n\r\n" + gzip("zipped"), 100)->body, "zipped");
  EXPECT_EQ(parse_http_response(head + "x-gzip\r\n\r\n" + gzip("x"), 100)->body, "x");
  EXPECT_EQ(parse_http_response(head + "deflate\r\n\r\n" + deflate_bytes("z", 15), 100)->body, "z");
  EXPECT_EQ(parse_http_response(head + "deflate\r\n\r\n" + deflate_bytes("r", -15), 100)->body,
            "r");
  EXPECT_EQ(parse_http_response(head + "gzip, gzip\r\n\r\n" + gzip(gzip("twice")), 100)->body,
            "twice");
  EXPECT_EQ(parse_http_response(head + "identity\r\n\r\nplain", 100)->body, "plain");
  // Stored decoded although the header still says gzip.
  EXPECT_EQ(parse_http_response(head + "gzip\r\n\r\n<html>", 100)->body, "<html>");
  const auto br = parse_http_response(head + "br\r\n\r\nxx", 100);
  ASSERT_FALSE(br);
  EXPECT_EQ(br.error().message, "unsupported content-encoding br");
  const auto big = parse_http_response(head + "gzip\r\n\r\n" + gzip(std::string(1000, 'a')), 100);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, ErrorCode::kTooLarge);
}

TEST(HttpResponse, ChunkedThenGzip) {
  const std::string g = gzip("inner");
  char size[16];
  std::snprintf(size, sizeof size, "%zx", g.size());
  const auto r = parse_http_response(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n"
      "Content-Encoding: GZIP\r\n\r\n" +
          std::string(size) + "\r\n" + g + "\r\n0\r\n\r\n",
      100);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "inner");
  // Some writers store the dechunked body but keep the header.
  EXPECT_EQ(
      parse_http_response("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<html>", 100)->body,
      "<html>");
}

}  // namespace
}  // namespace tidings::collect
