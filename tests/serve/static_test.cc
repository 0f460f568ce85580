// The static files (static_assets.h): every file pages link is embedded and
// served with its type, a year's cache under its versioned URL, an ETag and
// 304; unknown paths are 404s; the CSP lets pages run our scripts only.
#include <gtest/gtest.h>
#include <httplib.h>

#include <regex>
#include <set>
#include <string>

#include "serve/fake_store.h"
#include "serve/page_parts.h"
#include "serve/pages.h"
#include "serve/running_server.h"
#include "serve/static_assets.h"

namespace tidings {
namespace {

using testing::FakeStore;
using testing::RunningServer;

// "\"VERSION\"" (appended: GCC 12 warns -Wrestrict on "\"" + std::string).
std::string quoted(std::string_view version) {
  std::string out = "\"";
  out += version;
  out += '"';
  return out;
}

const char* const kLinkedFiles[] = {
    "style.css",          "favicon.svg",           "charts.js",
    "map.js",             "vendor/uPlot.iife.min.js", "vendor/uPlot.min.css",
    "vendor/d3-array.min.js", "vendor/d3-geo.min.js", "vendor/topojson-client.min.js",
    "vendor/countries-50m.json", "vendor/countries-110m.json"};

TEST(StaticFiles, EveryLinkedFileIsEmbeddedWithAVersion) {
  std::set<std::string_view> versions;
  for (const char* path : kLinkedFiles) {
    const serve::StaticFile* f = serve::find_static_file(path);
    ASSERT_NE(f, nullptr) << path;
    EXPECT_GT(f->body.size(), 100u) << path;
    EXPECT_EQ(f->version.size(), 12u) << path;
    versions.insert(f->version);
    EXPECT_EQ(serve::static_href(path), "/static/" + std::string(path) + "?v=" + std::string(f->version));
  }
  EXPECT_EQ(versions.size(), std::size(kLinkedFiles));  // distinct files, distinct versions
  EXPECT_EQ(serve::find_static_file("nothing.js"), nullptr);
  EXPECT_EQ(serve::find_static_file("../style.css"), nullptr);
  EXPECT_EQ(serve::static_href("nothing.js"), "/static/nothing.js");
  EXPECT_EQ(serve::find_static_file("vendor/countries-50m.json")->content_type, "application/json");
  EXPECT_EQ(serve::find_static_file("charts.js")->content_type, "text/javascript; charset=utf-8");
}

TEST(StaticFiles, TheLayoutLinksVersionedFilesAndNoInlineScript) {
  const std::string html = serve::layout("T", "<p>x</p>");
  for (const char* path : {"style.css", "charts.js", "map.js", "vendor/uPlot.iife.min.js",
                           "vendor/countries-50m.json"}) {
    EXPECT_NE(html.find(serve::static_href(path)), std::string::npos) << path;
  }
  // Every <script> has a src and no body; no style attribute or element.
  const std::regex script("<script([^>]*)>([^<]*)</script>");
  int scripts = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), script); it != std::sregex_iterator();
       ++it, ++scripts) {
    EXPECT_NE((*it)[1].str().find(" src=\"/static/"), std::string::npos);
    EXPECT_EQ((*it)[2].str(), "");
  }
  EXPECT_EQ(scripts, 2);
  EXPECT_EQ(html.find("<style"), std::string::npos);
  EXPECT_EQ(html.find(" style="), std::string::npos);
  EXPECT_NE(html.find("<a href=\"/search\">Search</a>"), std::string::npos);
  EXPECT_NE(html.find("name=\"viewport\""), std::string::npos);
  EXPECT_EQ(html.find("aria-current"), std::string::npos);
  const std::string stories = serve::layout("T", "", "/stories");
  EXPECT_NE(stories.find("<a href=\"/stories\" aria-current=\"page\">Stories</a>"),
            std::string::npos);
  EXPECT_NE(stories.find("<a href=\"/search\">Search</a>"), std::string::npos);
}

class StaticServerTest : public ::testing::Test {
 protected:
  FakeStore store_;
  RunningServer server_{store_};
  httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
    return server_.client().Get(path, headers);
  }
};

TEST_F(StaticServerTest, ServesEveryFileWithItsTypeAndCache) {
  for (const char* path : kLinkedFiles) {
    const serve::StaticFile* f = serve::find_static_file(path);
    auto r = get(serve::static_href(path));
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_EQ(r->get_header_value("Content-Type"), f->content_type) << path;
    EXPECT_EQ(r->body, f->body) << path;
    EXPECT_EQ(r->get_header_value("Cache-Control"), "public, max-age=31536000, immutable") << path;
    EXPECT_EQ(r->get_header_value("ETag"), quoted(f->version)) << path;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  }
  // Without its version (or with an old one) only an hour.
  auto r = get("/static/charts.js");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->get_header_value("Cache-Control"), "public, max-age=3600");
  r = get("/static/charts.js?v=000000000000");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->get_header_value("Cache-Control"), "public, max-age=3600");
}

TEST_F(StaticServerTest, MatchingETagIsA304) {
  const serve::StaticFile* f = serve::find_static_file("map.js");
  auto r = get(serve::static_href("map.js"), {{"If-None-Match", quoted(f->version)}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 304);
  EXPECT_TRUE(r->body.empty());
  r = get(serve::static_href("map.js"), {{"If-None-Match", "\"other\""}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(StaticServerTest, CompressedWhenTheClientAcceptsGzip) {
  auto client = server_.client();
  client.set_decompress(false);
  auto r = client.Get("/static/vendor/countries-50m.json", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Encoding"), "gzip");
  EXPECT_LT(r->body.size(), serve::find_static_file("vendor/countries-50m.json")->body.size() / 2);
}

TEST_F(StaticServerTest, UnknownAndHostilePathsAre404) {
  for (const char* path : {"/static/nothing.js", "/static/../healthz", "/static/vendor/",
                           "/static/%2e%2e/style.css", "/static/style.css/x"}) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 404) << path;
  }
}

TEST_F(StaticServerTest, PolicyAllowsOurScriptsAndNothingInline) {
  auto r = get("/");
  ASSERT_TRUE(r);
  const std::string csp = r->get_header_value("Content-Security-Policy");
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos);
  EXPECT_NE(csp.find("script-src 'self';"), std::string::npos);
  EXPECT_NE(csp.find("connect-src 'self';"), std::string::npos);
  EXPECT_NE(csp.find("style-src 'self';"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe"), std::string::npos);
  EXPECT_EQ(csp.find("data:"), std::string::npos);
  EXPECT_EQ(csp.find('*'), std::string::npos);
}

}  // namespace
}  // namespace tidings
