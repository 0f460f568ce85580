// Sequential byte streams the WARC reader pulls from: memory, a plain file,
// or gzip (RFC 1952, any number of members) over either. Private to collect.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace tidings::collect {

/// Why a stream stopped early: "truncated gzip stream", with an optional
/// detail from the decompressor.
struct StreamFailure {
  ErrorCode code = ErrorCode::kInvalidInput;
  std::string what;    ///< "truncated gzip stream", "corrupt gzip data at byte 1234"
  std::string detail;  ///< zlib's message or strerror, may be empty
};

/// Bytes in order, pulled in chunks. Offsets count bytes returned so far
/// (decompressed bytes for gzip); `locate` names an offset in the
/// underlying file for error messages and origins.
class ByteSource {
 public:
  virtual ~ByteSource() = default;

  /// Up to `n` bytes into `out`. 0 means the stream ended: cleanly, or with
  /// failure() set.
  virtual size_t read(char* out, size_t n) = 0;

  /// Discards up to `n` bytes; returns how many (fewer at the end).
  virtual uint64_t skip(uint64_t n);

  /// Bytes left when the source knows (memory, regular files), so that a
  /// Content-Length running past the end is caught before skipping.
  virtual std::optional<uint64_t> remaining() const { return std::nullopt; }

  /// After read() returned 0: why, when the end was not a clean one.
  virtual std::optional<StreamFailure> failure() const { return std::nullopt; }

  /// After a failure: finds a place to go on from (the next gzip member
  /// that decompresses to "WARC/", searched from just after the member that
  /// failed), clears the failure and returns true; the bytes read next
  /// start a new record. False when there is none.
  virtual bool resume() { return false; }

  /// The name of stream offset `offset` in origins: "1234" (a file offset),
  /// or for gzip "1234" (a member starts there) / "1234+56" (56 bytes into
  /// the member decompressed from file offset 1234).
  virtual std::string locate(uint64_t offset) const { return std::to_string(offset); }

  /// Offsets below `offset` will not be passed to locate() again.
  virtual void forget_before(uint64_t offset) {}
};

/// Reads `data`, which must outlive the source.
std::unique_ptr<ByteSource> memory_source(std::string_view data);

/// Reads an open file from its current position; takes ownership of `file`.
std::unique_ptr<ByteSource> file_source(std::FILE* file);

/// Decompresses gzip members read from `compressed` one after the other.
std::unique_ptr<ByteSource> gzip_source(std::unique_ptr<ByteSource> compressed);

/// True when `data` starts with the gzip magic bytes 1f 8b.
bool looks_like_gzip(std::string_view data);

}  // namespace tidings::collect
