// Reading inputs from disk: HTML files, directories (recursively, in a
// stable order) and WARC files (.warc, .warc.gz; WARC 1.0/1.1 `response`
// records, ISO 28500). Every record read becomes a Document; every
// problem becomes an error naming its input, and reading goes on with the
// next record or file wherever the format allows it.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/types.h"

namespace tidings {

struct ReadOptions {
  size_t max_document_bytes = 64u << 20;  ///< larger files/records are errors
  size_t max_warc_header_bytes = 64u << 10;
};

/// One thing read: a document, or an error about `origin`.
struct InputItem {
  std::string origin;             ///< "path" or "path#offset" for a WARC record
  std::optional<Document> document;
  std::optional<Error> error;     ///< set when document is not
};

using InputSink = std::function<void(InputItem&&)>;

/// Reads every path (file or directory) and hands each item to `sink`,
/// in order. Fails only when a path does not exist or cannot be listed;
/// that error is also reported through `sink` and the other paths are read.
void read_inputs(const std::vector<std::string>& paths, const ReadOptions& options,
                 const InputSink& sink);

/// Reads one WARC file (plain or gzip, single or multi-member).
void read_warc_file(const std::string& path, const ReadOptions& options, const InputSink& sink);

/// Parses WARC records from memory (already decompressed); `origin` names
/// the input in errors. Used by read_warc_file and the fuzz target.
void read_warc_bytes(std::string_view data, const std::string& origin,
                     const ReadOptions& options, const InputSink& sink);

}  // namespace tidings
