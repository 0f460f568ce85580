// resolve_url and is_http_url answer plain absolute URLs without parsing
// them (src/core/url.cc); these tests hold every answer against libcurl's
// own: tricky cases written here, and every URL in the shared feed corpus
// and the sample.
#include <curl/curl.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/url.h"

namespace tidings {
namespace {

// What curl_url makes of `ref` against `base`, parsed in full: the oracle.
// Like resolve_url, it trims the reference and refuses an empty one or one
// with control characters.
std::string curl_resolve(const std::string& base, std::string ref) {
  ref.erase(0, ref.find_first_not_of(" \t\n\r\f\v"));
  ref.erase(ref.find_last_not_of(" \t\n\r\f\v") + 1);
  for (unsigned char c : ref) {
    if (c < 0x20 || c == 0x7f) return "";
  }
  if (ref.empty()) return "";
  CURLU* u = curl_url();
  const unsigned flags = CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE;
  if (!base.empty() && curl_url_set(u, CURLUPART_URL, base.c_str(), flags) != CURLUE_OK) {
    curl_url_cleanup(u);
    u = curl_url();
  }
  std::string out;
  char* s = nullptr;
  if (curl_url_set(u, CURLUPART_URL, ref.c_str(), flags) == CURLUE_OK &&
      curl_url_get(u, CURLUPART_URL, &s, 0) == CURLUE_OK && s) {
    out = s;
  }
  curl_free(s);
  curl_url_cleanup(u);
  return out;
}

bool curl_is_http(const std::string& url) {
  CURLU* u = curl_url();
  bool ok = false;
  char* scheme = nullptr;
  char* host = nullptr;
  if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK &&
      curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
      curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
    ok = (std::string(scheme) == "http" || std::string(scheme) == "https") && *host;
  }
  curl_free(scheme);
  curl_free(host);
  curl_url_cleanup(u);
  return ok;
}

void expect_agrees(const std::string& url) {
  static const std::string kBase = "https://news.example/world/2023/";
  EXPECT_EQ(resolve_url("", url), curl_resolve("", url)) << url;
  EXPECT_EQ(resolve_url(kBase, url), curl_resolve(kBase, url)) << url;
  EXPECT_EQ(is_http_url(url), curl_is_http(url)) << url;
}

TEST(UrlCurl, TrickyUrlsGetCurlsAnswer) {
  for (const char* url : {
           "http://a.example/", "https://a.example/x/y?z=1&w=2", "http://a.example",
           "HTTP://a.example/", "http://A.Example/", "http://127.0.0.1/", "http://127.0.0.1:8080/x",
           "http://0x7f.0.0.1/", "http://0x7f.1/", "http://1.2.3/", "http://0177.0.0.1/",
           "http://1.2.3.4/", "http://0.0.0.0/", "http://255.255.255.255/", "http://256.1.1.1/",
           "http://01.2.3.4/", "http://1.2.3.04/", "http://1.2.3.4.5/", "http://1.2.3.4./",
           "http://1..3.4/", "http://1.2.3.4:8080/a", "http://1.2.3.4a/", "http://1234.1.1.1/",
           "http://a.b.c.1a/", "http://1e100.net/", "http://a.example:080/", "http://a.example:80/",
           "https://a.example:443/", "http://a.example:99999/", "http://a.example:0/",
           "http://a.example:/x", "http://a.example/./x", "http://a.example/a/../b",
           "http://a.example/a/..", "http://a.example/x?q=./../", "http://a.example/a b",
           "http://a.example/\xc3\xa9t\xc3\xa9", "http://a.example/%41%2f", "http://a.example/x#frag",
           "http://a..example/", "http://.a.example/", "http://a.example./", "http://a-.example/",
           "http://-a.example/", "http://xn--bcher-kva.example/", "http://a.example/~u/(x)*!$,;=:@",
           "http://a.example//x", "http://a.example/x\\y", "http://user@a.example/",
           "http://user:pw@a.example/", "http://a.example/x?", "http://a.example/?", "http://a.example/x?a?", "http://a.example/?q", "http://a_b.example/",
           "http://a.example/1.0/", "http://a.example/x.", "http://a.example/.hidden",
           "http://a.example/x'y", "http://a.example/\"q\"", "http://a.example/<tag>",
           "http://a.example/{x}", "http://a.example/x|y", "http://a.example/x^y", "http://a.example/x`",
           "http://a.example/[x]", "ftp://a.example/", "javascript:alert(1)", "//a.example/x",
           "/relative", "relative", "", " http://a.example/ ", "http://a.example/\t", "http://[::1]/",
           "http://a.example:65535/", "http://a.example:65536/", "http://a.example:123456/",
       }) {
    expect_agrees(url);
  }
}

// URLs put together at random from the pieces the fast path looks at.
TEST(UrlCurl, AgreesWithCurlOnRandomUrls) {
  const std::vector<std::string> heads = {"http://", "https://", "HTTP://", "http:/", ""};
  const std::vector<std::string> pieces = {"a", "b", "Z", "0", "1", "7f", "0x", "x", ".", "..", "-", ":",
                                           "8", "80", "255", "256", "01", "65536", "/", "/.", "./", "?", "#", "%", "%2e",
                                           " ", "_", "@", "~", "\xc3\xa9", "[", "]", "=", "&", "\\"};
  std::mt19937 rng(20261127);
  for (int n = 0; n < 20000; ++n) {
    std::string url = heads[rng() % heads.size()];
    const int len = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < len; ++i) url += pieces[rng() % pieces.size()];
    expect_agrees(url);
  }
}

TEST(UrlCurl, AgreesWithCurlOnEveryCorpusUrl) {
  const std::filesystem::path shared = TIDINGS_SHARED_DATA;
  const std::filesystem::path sample = std::filesystem::path(TIDINGS_SOURCE_DIR) / "data" / "sample";
  std::set<std::string> urls;
  const std::regex url_re(R"(https?://[^\s"'<>]+)");
  for (const auto& root : {shared / "feeds", sample}) {
    if (!std::filesystem::is_directory(root)) continue;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
      const std::string ext = e.path().extension().string();
      if (!e.is_regular_file() || (ext != ".xml" && ext != ".html" && ext != ".json")) continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      const std::string s = text.str();
      for (std::sregex_iterator it(s.begin(), s.end(), url_re), end; it != end; ++it) {
        urls.insert(it->str());
      }
    }
  }
  if (urls.size() < 100) GTEST_SKIP() << "no corpus to read (" << shared << " absent)";
  for (const std::string& url : urls) expect_agrees(url);
  std::cout << "checked " << urls.size() << " URLs against curl\n";
}

}  // namespace
}  // namespace tidings
