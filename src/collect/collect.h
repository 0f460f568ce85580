// Reading inputs from disk: HTML files, directories (recursively, in a
// stable order) and WARC files (.warc, .warc.gz; WARC 1.0/1.1 `response`
// records, ISO 28500). Every record read becomes a Document; every
// problem becomes an error naming its input, and reading goes on with the
// next record or file wherever the format allows it. Items go to the sink
// on the calling thread, in input order; nothing is shared between calls,
// so calls may run concurrently. Nothing here throws or prints.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/types.h"

namespace tidings {

struct ReadOptions {
  /// Larger files and WARC records are errors; also bounds decoded bodies.
  size_t max_document_bytes = 64u << 20;
  /// Larger WARC header blocks are errors.
  size_t max_warc_header_bytes = 64u << 10;
};

/// One thing read: a document, or an error about `origin`.
struct InputItem {
  std::string origin;  ///< "path" or "path#offset" for a WARC record
  std::optional<Document> document;
  std::optional<Error> error;  ///< set when document is not; message starts with the origin
};

using InputSink = std::function<void(InputItem&&)>;

/// Reads every path and hands each item to `sink`, in order; never stops
/// early. A path named explicitly is always read: as WARC when it ends in
/// .warc or .warc.gz, else as one document (url file://ABSOLUTE-PATH,
/// fetched_at its mtime). A directory is walked recursively in byte order of
/// names, skipping hidden entries, reading only *.html, *.htm, *.xhtml,
/// *.shtml, *.warc and *.warc.gz (case-insensitive); symlinks are followed
/// but a directory reached twice is read once. A path that does not exist,
/// a file over max_document_bytes or a directory that cannot be listed
/// gives one error item, and the other paths are still read.
void read_inputs(const std::vector<std::string>& paths, const ReadOptions& options,
                 const InputSink& sink);

/// What read_inputs would read, found by walking the same trees without
/// opening a file: for progress display.
struct InputSummary {
  size_t files = 0;
  uintmax_t bytes = 0;
};
InputSummary summarize_inputs(const std::vector<std::string>& paths);

/// Reads one WARC file, plain or gzip (sniffed from the first bytes; one
/// member per record or one for the whole file), streaming with bounded
/// memory. Origins are "path#N" where N is the record's byte offset in a
/// plain file, or the offset of the gzip member it starts; a record that
/// starts inside a member (one member for the whole file) is "path#N+M",
/// M bytes into the member decompressed from offset N. An empty file holds
/// no records and is not an error.
void read_warc_file(const std::string& path, const ReadOptions& options, const InputSink& sink);

/// Parses WARC records from memory, plain or gzip (sniffed as above);
/// `origin` names the input in origins and errors. Shares its parser with
/// read_warc_file; used by the fuzz target and tests.
void read_warc_bytes(std::string_view data, const std::string& origin, const ReadOptions& options,
                     const InputSink& sink);

}  // namespace tidings
