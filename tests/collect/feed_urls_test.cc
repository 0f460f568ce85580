// The feed parser's link resolution (feed_urls.cc) gives what libcurl's
// resolve_url (core/url.h) gives, on every combination of tricky bases and
// references, and on the usual ones.
#include <gtest/gtest.h>

#include "collect/feed_internal.h"
#include "core/url.h"

namespace tidings {
namespace {

TEST(FeedUrls, SameAsCurlOnEveryCombination) {
  const std::vector<std::string> bases = {
      "", "https://ex.org", "https://ex.org/", "http://ex.org/a/b/c.xml", "https://ex.org/a/b/",
      "https://ex.org/a/./b/../c?x=1#top", "https://ex.org?q", "https://ex.org#f", "http://Ex.org/A/",
      "https://ex.org:8080/a/", "https://user@ex.org/a", "https://ex.org/%C3%80/x", "https://ex.org/a b/",
      "http://127.0.0.1:8097/tests/x.xml", "https://sub.ex-ample.co.uk/p/q;r?s=t&u=v", "ftp://ex.org/a/",
      "javascript:alert(1)", "https://ex..org/", "https://ex.org./",
  };
  const std::vector<std::string> refs = {
      "x", "./x", "../x", "../../../../x", "/x", "/x/../y", "/./x", "x/.", "x/..", ".", "..", "?q=1", "#frag",
      "?q#f", "x?y#z", "//other.org/p", "https://ex.org", "https://ex.org/a/../b", "http://ex.org?q",
      "https://ex.org/a#b#c", "HTTPS://EX.ORG/", "https://ex.org:443/", "x y", "%C3%80", "%zz", "\xc3\x80",
      "/a[1]", "mailto:a@b", "tag:ex.org,2004:1", "a:b", "/x%2Fy", "x;y=z", "~u/", "/a/b/c/./../../g",
      "g;x?y#s", "../g", "../..", "/..", "/.", "./", "x@y", "x/'y'/(z)*", "/path/to/file.html?a=1&b=2",
      "https://ex.org/a/./b", "https://ex.org/.", "https://ex.org/..", "https://a.b.c/x?y=/../z",
  };
  int checked = 0;
  for (const auto& base : bases) {
    for (const auto& ref : refs) {
      EXPECT_EQ(feed::resolve_link(base, ref), resolve_url(base, ref)) << "base " << base << " ref " << ref;
      ++checked;
    }
  }
  EXPECT_GT(checked, 800);
}

}  // namespace
}  // namespace tidings
