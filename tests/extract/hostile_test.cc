// Hostile pages (issue 5 item 7): each is built and extracted in a child
// process, so that its peak memory can be read from the kernel (wait4's
// ru_maxrss) and a crash shows as a signal instead of ending the suite. Each
// must end with an article or a clean error, within a time and a memory
// bound that are generous for a loaded two-core machine.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

#include "test_pages.h"

namespace tidings {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr double kSlowdown = 8;  // sanitizer builds run several times slower
#else
constexpr double kSlowdown = 1;
#endif

struct Outcome {
  bool exited = false;      // false: killed by a signal
  int signal = 0;
  char result = '?';        // 'A' article, 'E' error
  double seconds = 0;       // extraction alone
  size_t input_bytes = 0;
  long peak_rss_kb = 0;     // the child's, input building included
  std::string message;      // the error's message
};

// Builds the input and extracts it in a child process.
Outcome extract_in_child(const std::function<std::string()>& make_input) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    const std::string html = make_input();
    const auto start = std::chrono::steady_clock::now();
    auto r = test::run_extract(html, "https://hostile.example/page");
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char line[512];
    const int n = std::snprintf(line, sizeof line, "%c %.3f %zu %s", r ? 'A' : 'E', seconds,
                                html.size(), r ? "" : r.error().message.c_str());
    if (write(fds[1], line, static_cast<size_t>(n)) < 0) _exit(3);
    _exit(0);
  }
  close(fds[1]);
  std::string report;
  char buf[512];
  ssize_t got;
  while ((got = read(fds[0], buf, sizeof buf)) > 0) report.append(buf, static_cast<size_t>(got));
  close(fds[0]);
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  Outcome o;
  o.exited = WIFEXITED(status);
  o.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  o.peak_rss_kb = usage.ru_maxrss;
  char kind = '?';
  double seconds = 0;
  size_t bytes = 0;
  int consumed = 0;
  if (std::sscanf(report.c_str(), "%c %lf %zu %n", &kind, &seconds, &bytes, &consumed) >= 3) {
    o.result = kind;
    o.seconds = seconds;
    o.input_bytes = bytes;
    o.message = report.substr(static_cast<size_t>(consumed));
  }
  return o;
}

// The peak of a child that extracts a tiny page: what the forked test
// process brings along.
long baseline_rss_kb() {
  static const long kb = extract_in_child([] { return std::string("<p>x</p>"); }).peak_rss_kb;
  return kb;
}

// Runs one hostile page and checks the bounds: `seconds` of extraction and
// a peak of `rss_factor` times the input plus 100 MiB.
Outcome expect_bounded(const char* name, const std::function<std::string()>& make_input,
                       double seconds = 10, double rss_factor = 30) {
  const Outcome o = extract_in_child(make_input);
  EXPECT_TRUE(o.exited) << name << ": killed by signal " << o.signal;
  EXPECT_NE(o.result, '?') << name << ": no report from the child";
  EXPECT_LT(o.seconds, seconds * kSlowdown) << name;
  const double limit_kb = (rss_factor * double(o.input_bytes) + 100.0 * 1024 * 1024) / 1024;
  EXPECT_LT(double(o.peak_rss_kb), limit_kb * (kSlowdown > 1 ? 4 : 1)) << name;
  if (o.result == 'E') {
    EXPECT_FALSE(o.message.empty()) << name;
    EXPECT_EQ(o.message.find('\n'), std::string::npos) << name;
  }
  std::printf("[ hostile  ] %-28s %5.1f MB in, %c in %6.3f s, peak RSS %6.1f MB (%+.1f MB) %s\n",
              name, double(o.input_bytes) / (1 << 20), o.result, o.seconds,
              double(o.peak_rss_kb) / 1024, double(o.peak_rss_kb - baseline_rss_kb()) / 1024,
              o.message.c_str());
  ::testing::Test::RecordProperty(std::string(name) + "_seconds", std::to_string(o.seconds));
  ::testing::Test::RecordProperty(std::string(name) + "_peak_rss_kb", std::to_string(o.peak_rss_kb));
  return o;
}

std::string repeat(const std::string& piece, size_t bytes) {
  std::string out;
  out.reserve(bytes + piece.size());
  while (out.size() < bytes) out += piece;
  return out;
}

constexpr size_t kMiB = 1 << 20;

TEST(Hostile, TenMegabytesInOneTextNode) {
  const Outcome o = expect_bounded("one text node 10 MB", [] {
    return "<html><head><title>Long</title></head><body><article><p>" +
           repeat("word and more words, ", 10 * kMiB) + "</p></article></body></html>";
  });
  EXPECT_EQ(o.result, 'A');
}

TEST(Hostile, TenMegabytesWithoutSpaces) {
  expect_bounded("one word 10 MB", [] {
    return "<html><body><p>" + std::string(10 * kMiB, 'x') + "</p></body></html>";
  });
}

TEST(Hostile, AMillionAttributes) {
  expect_bounded("1,000,000 attributes a=1", [] {
    std::string s = "<html><body><div";
    for (int i = 0; i < 1000000; ++i) s += " a" + std::to_string(i) + "=1";
    return s + "><p>text</p></div></body></html>";
  });
  expect_bounded("1,000,000 bare attributes", [] {
    std::string s = "<html><body><div";
    for (int i = 0; i < 1000000; ++i) s += " a" + std::to_string(i);
    return s + "><p>text</p></div></body></html>";
  });
  expect_bounded("1,000,000 same attribute", [] {
    return "<html><body><div" + repeat(" class=x", 8 * kMiB) + "><p>text</p></div></body></html>";
  });
}

TEST(Hostile, TablesNestedDeep) {
  expect_bounded("tables nested 100,000 deep", [] {
    return "<html><body>" + repeat("<table><tr><td>", 100000 * 15) + "cell" +
           repeat("</td></tr></table>", 100000 * 18) + "</body></html>";
  });
  expect_bounded("unclosed tables 100,000", [] {
    return "<html><body>" + repeat("<table><tr><td>x", 100000 * 16) + "</body></html>";
  });
}

TEST(Hostile, EntityStorms) {
  expect_bounded("entity storm 8 MB", [] {
    return "<html><body><article><p>" +
           repeat("&amp;&#x1F600;&#99999999;&bogus;&#0;&#xD800;&lt&#;&#x;&", 8 * kMiB) +
           "</p></article></body></html>";
  });
  expect_bounded("entities in attributes 8 MB", [] {
    return "<html><body><a href=\"" + repeat("&amp;&#99999999;&bogus;", 8 * kMiB) +
           "\">Source</a></body></html>";
  });
}

TEST(Hostile, UnclosedTagStorms) {
  expect_bounded("unclosed inline tags", [] {
    return "<html><body>" + repeat("<b><i><span><a href=x>y", 8 * kMiB) + "</body></html>";
  });
  expect_bounded("unclosed block tags", [] {
    return "<html><body>" + repeat("<p><div><li><dd>text", 8 * kMiB) + "</body></html>";
  });
  expect_bounded("tag soup", [] {
    return repeat("<<a></<p/><!--<![CDATA[<?x <//>", 8 * kMiB);
  });
}

TEST(Hostile, ManyCreditLinksAndParagraphs) {
  expect_bounded("200,000 source links", [] {
    std::string s = "<html><body><article>";
    for (int i = 0; i < 200000; ++i) {
      s += "<p><a href=\"https://wire.example/" + std::to_string(i) + "\">Source link</a></p>";
    }
    return s + "</article></body></html>";
  });
  expect_bounded("1,000,000 short paragraphs", [] {
    return "<html><body><article>" + repeat("<p>Reuters AFP (AP) - x</p>", 16 * kMiB - 4096) +
           "</article></body></html>";
  });
}

}  // namespace
}  // namespace tidings
