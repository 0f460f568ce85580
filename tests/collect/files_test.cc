// Local inputs: explicit files, directory walks (order, filtering, hidden
// entries, symlink loops), size limits and missing paths.
#include <gtest/gtest.h>

#include <filesystem>

#include "collect/warc_fixtures.h"
#include "core/url.h"

namespace tidings {
namespace {

namespace fs = std::filesystem;
using testing::Collected;
using testing::read_paths;
using testing::TempDir;

std::vector<std::string> origins(const Collected& c) {
  std::vector<std::string> out;
  for (const auto& item : c.items) out.push_back(item.origin);
  return out;
}

TEST(Files, ReadsOneFileAsADocument) {
  TempDir dir;
  const std::string path = dir.write("page one.html", "<html>\0bytes</html>");
  const auto mtime = std::chrono::file_clock::from_sys(std::chrono::sys_seconds{
      std::chrono::sys_days{std::chrono::year{2023} / 11 / 1} + std::chrono::hours{18}});
  fs::last_write_time(path, mtime);
  const Collected c = read_paths({path});
  ASSERT_EQ(c.items.size(), 1u);
  const Document& d = *c.items[0].document;
  EXPECT_EQ(d.url, file_url(path));
  EXPECT_EQ(d.url.substr(d.url.size() - 15), "page%20one.html");
  EXPECT_EQ(d.origin, path);
  EXPECT_EQ(d.body, "<html>\0bytes</html>");
  EXPECT_EQ(d.http_status, 0);
  EXPECT_EQ(d.headers, "");
  EXPECT_EQ(format_rfc3339(d.fetched_at), "2023-11-01T18:00:00Z");
}

TEST(Files, RelativePathsGetAbsoluteFileUrls) {
  TempDir dir;
  dir.write("rel.html", "x");
  const fs::path old = fs::current_path();
  fs::current_path(dir.path());
  const Collected c = read_paths({"./rel.html"});
  fs::current_path(old);
  ASSERT_EQ(c.documents().size(), 1u);
  EXPECT_EQ(c.documents()[0].url, file_url((dir.path() / "rel.html").string()));
  EXPECT_EQ(c.documents()[0].origin, "./rel.html");
}

TEST(Files, ExplicitFilesAreAlwaysRead) {
  TempDir dir;
  const Collected c = read_paths({dir.write("notes.txt", "t"), dir.write("LICENSE", "l")});
  EXPECT_EQ(c.documents().size(), 2u);
}

TEST(Files, WalksDirectoriesInOrderAndFilters) {
  TempDir dir;
  for (const char* name : {"b.html", "a.htm", "c.txt", "README.md", "LICENSE", "x.png", "data.json",
                           ".hidden.html", ".git/x.html", "sub/z.xhtml", "sub/deeper/y.shtml",
                           "sub/Q.HTML", "sub/deeper/.h/no.html"}) {
    dir.write(name, "<html></html>");
  }
  dir.write("page.warc", testing::response_record("http://a.example/", "w"));
  dir.write("z.warc.gz", testing::gzip(testing::response_record("http://z.example/", "z")));
  const std::string root = dir.path().string();
  const Collected c = read_paths({root});
  EXPECT_EQ(origins(c),
            (std::vector<std::string>{root + "/a.htm", root + "/b.html", root + "/page.warc#0",
                                      root + "/sub/Q.HTML", root + "/sub/deeper/y.shtml",
                                      root + "/sub/z.xhtml", root + "/z.warc.gz#0"}));
  EXPECT_TRUE(c.errors().empty());
  // The summary used for progress counts the same files, without reading them.
  const InputSummary summary = summarize_inputs({root, root + "/missing"});
  EXPECT_EQ(summary.files, 7u);
  EXPECT_GT(summary.bytes, 0u);
}

TEST(Files, SymlinkLoopsAreReadOnce) {
  TempDir dir;
  dir.write("d/a.html", "a");
  fs::create_directory_symlink(dir.path() / "d", dir.path() / "d" / "loop");
  fs::create_directory_symlink(dir.path(), dir.path() / "d" / "up");
  fs::create_symlink(dir.path() / "missing.html", dir.path() / "d" / "broken.html");
  const Collected c = read_paths({dir.path().string()});
  ASSERT_EQ(c.documents().size(), 1u);
  ASSERT_EQ(c.errors().size(), 1u);
  EXPECT_EQ(c.errors()[0].code, ErrorCode::kNotFound);
  EXPECT_NE(c.errors()[0].message.find("broken.html: broken link"), std::string::npos);
}

TEST(Files, TooLargeIsAnErrorNotARead) {
  TempDir dir;
  ReadOptions small;
  small.max_document_bytes = 10;
  const std::string big = dir.write("big.html", std::string(100, 'x'));
  const std::string ok = dir.write("ok.html", "0123456789");
  const Collected c = read_paths({big, ok}, small);
  ASSERT_EQ(c.items.size(), 2u);
  ASSERT_TRUE(c.items[0].error);
  EXPECT_EQ(c.items[0].error->code, ErrorCode::kTooLarge);
  EXPECT_EQ(c.items[0].error->message, big + ": file too large (100 bytes, limit 10)");
  ASSERT_TRUE(c.items[1].document);
  EXPECT_EQ(c.items[1].document->body, "0123456789");
}

TEST(Files, MissingPathsAreErrorsAndTheRestIsRead) {
  TempDir dir;
  const std::string missing = (dir.path() / "nope.html").string();
  const Collected c = read_paths({missing, "", dir.write("yes.html", "y")});
  ASSERT_EQ(c.items.size(), 3u);
  EXPECT_EQ(c.items[0].error->code, ErrorCode::kNotFound);
  EXPECT_EQ(c.items[0].error->message, missing + ": no such file or directory");
  EXPECT_EQ(c.items[0].origin, missing);
  EXPECT_EQ(c.items[1].error->code, ErrorCode::kNotFound);
  EXPECT_TRUE(c.items[2].document);
}

TEST(Files, WarcFilesByNameEvenWhenExplicit) {
  TempDir dir;
  const std::string path =
      dir.write("UPPER.WARC", testing::response_record("http://a.example/", "u"));
  const Collected c = read_paths({path});
  ASSERT_EQ(c.documents().size(), 1u);
  EXPECT_EQ(c.documents()[0].url, "http://a.example/");
}

TEST(Files, NotARegularFile) {
  const Collected c = read_paths({"/dev/null"});
  ASSERT_EQ(c.errors().size(), 1u);
  EXPECT_EQ(c.errors()[0].code, ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace tidings
