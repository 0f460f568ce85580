// Local inputs: files named on the command line, directories walked
// recursively in sorted order, and WARC files handed to the WARC reader.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <set>

#include "collect/collect.h"
#include "collect/field_text.h"
#include "collect/warc_record.h"
#include "core/url.h"

namespace tidings {

namespace {

namespace fs = std::filesystem;
using collect::ends_with_nocase;
using collect::error_item;

constexpr int kMaxDepth = 64;  // deeper trees are almost surely a mistake

bool is_warc_name(std::string_view name) {
  return ends_with_nocase(name, ".warc") || ends_with_nocase(name, ".warc.gz");
}

// Directories hold licences, READMEs and images next to the pages; only
// these are read from them.
bool is_page_name(std::string_view name) {
  for (std::string_view ext : {".html", ".htm", ".xhtml", ".shtml"}) {
    if (ends_with_nocase(name, ext)) return true;
  }
  return false;
}

Instant modification_time(const std::string& path) {
  std::error_code ec;
  const fs::file_time_type t = fs::last_write_time(path, ec);
  if (ec) return Instant{};
  return std::chrono::floor<std::chrono::seconds>(std::chrono::file_clock::to_sys(t));
}

// One local page: the whole file is the body, its mtime the fetch time.
void read_document_file(const std::string& path, const ReadOptions& options,
                        const InputSink& sink) {
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) {
    sink(error_item(path, ErrorCode::kIo, "cannot read: " + ec.message()));
    return;
  }
  const std::string too_large = "file too large (" + std::to_string(size) + " bytes, limit " +
                                std::to_string(options.max_document_bytes) + ")";
  if (size > options.max_document_bytes) {
    sink(error_item(path, ErrorCode::kTooLarge, too_large));
    return;
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) {
    sink(error_item(path, ErrorCode::kIo, std::string("cannot open: ") + std::strerror(errno)));
    return;
  }
  // Read to the end, not to `size`: the file may change under us. One byte
  // past the limit is enough to know it is too large.
  std::string body;
  char chunk[1 << 16];
  size_t got = 0;
  while (body.size() <= options.max_document_bytes &&
         (got = std::fread(chunk, 1, sizeof chunk, file)) > 0) {
    body.append(chunk, std::min(got, options.max_document_bytes + 1 - body.size()));
  }
  const bool failed = std::ferror(file);
  std::fclose(file);
  if (failed) {
    sink(error_item(path, ErrorCode::kIo, "read error"));
    return;
  }
  if (body.size() > options.max_document_bytes) {
    sink(error_item(path, ErrorCode::kTooLarge, too_large));
    return;
  }
  Document doc;
  fs::path absolute = fs::absolute(path, ec);
  doc.url = file_url(ec ? path : absolute.lexically_normal().string());
  doc.origin = path;
  doc.fetched_at = modification_time(path);
  doc.body = std::move(body);
  InputItem item;
  item.origin = path;
  item.document = std::move(doc);
  sink(std::move(item));
}

void read_file(const std::string& path, const ReadOptions& options, const InputSink& sink) {
  if (is_warc_name(path)) {
    read_warc_file(path, options, sink);
  } else {
    read_document_file(path, options, sink);
  }
}

// Walks one directory tree. A directory reached twice (a symlink loop, or
// two links to one place) is read the first time only.
class TreeWalk {
 public:
  using FileVisitor = std::function<void(const std::string& path)>;
  // `on_file` gets each wanted file; problems with the tree go to `sink`.
  TreeWalk(const InputSink& sink, FileVisitor on_file) : sink_(sink), on_file_(std::move(on_file)) {}

  void walk(const fs::path& dir, int depth) {
    std::error_code ec;
    const fs::path real = fs::canonical(dir, ec);
    if (!ec && !visited_.insert(real).second) return;
    if (depth > kMaxDepth) {
      sink_(error_item(dir.string(), ErrorCode::kTooDeep,
                       "directories nested deeper than " + std::to_string(kMaxDepth)));
      return;
    }
    std::vector<fs::path> entries;
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(it->path());
    if (ec) {
      sink_(error_item(dir.string(), ErrorCode::kIo, "cannot list directory: " + ec.message()));
      return;
    }
    std::sort(entries.begin(), entries.end(), [](const fs::path& a, const fs::path& b) {
      return a.filename().native() < b.filename().native();
    });
    for (const fs::path& entry : entries) visit(entry, depth);
  }

 private:
  void visit(const fs::path& entry, int depth) {
    const std::string name = entry.filename().string();
    if (name.empty() || name.front() == '.') return;  // hidden
    const bool wanted_file = is_page_name(name) || is_warc_name(name);
    std::error_code ec;
    const fs::file_status st = fs::status(entry, ec);  // follows symlinks
    if (ec || !fs::exists(st)) {
      if (wanted_file) sink_(error_item(entry.string(), ErrorCode::kNotFound, "broken link"));
      return;
    }
    if (fs::is_directory(st)) {
      walk(entry, depth + 1);
    } else if (fs::is_regular_file(st) && wanted_file) {
      on_file_(entry.string());
    }
  }

  const InputSink& sink_;
  FileVisitor on_file_;
  std::set<fs::path> visited_;
};

}  // namespace

void read_inputs(const std::vector<std::string>& paths, const ReadOptions& options,
                 const InputSink& sink) {
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (!fs::exists(st)) {
      const bool missing = !ec || ec == std::errc::no_such_file_or_directory;
      sink(missing ? error_item(path, ErrorCode::kNotFound, "no such file or directory")
                   : error_item(path, ErrorCode::kIo, ec.message()));
    } else if (fs::is_directory(st)) {
      TreeWalk(sink, [&](const std::string& file) { read_file(file, options, sink); }).walk(path, 0);
    } else if (fs::is_regular_file(st)) {
      read_file(path, options, sink);
    } else {
      sink(error_item(path, ErrorCode::kInvalidInput, "not a regular file or directory"));
    }
  }
}

InputSummary summarize_inputs(const std::vector<std::string>& paths) {
  InputSummary summary;
  auto count = [&](const std::string& file) {
    std::error_code ec;
    const uintmax_t size = fs::file_size(file, ec);
    ++summary.files;
    if (!ec) summary.bytes += size;
  };
  const InputSink ignore_errors = [](InputItem&&) {};
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (fs::is_directory(st)) {
      TreeWalk(ignore_errors, count).walk(path, 0);
    } else if (fs::is_regular_file(st)) {
      count(path);
    }
  }
  return summary;
}

}  // namespace tidings
