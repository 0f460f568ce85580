// Streaming WARC reader: record framing, error recovery, and the public
// read_warc_file / read_warc_bytes.
//
// Format: ISO 28500:2017 (WARC 1.1) and ISO 28500:2009 (WARC 1.0). A record
// is a version line "WARC/1.x", named fields, an empty line, a block of
// exactly Content-Length bytes, then CRLF CRLF. Files may be gzip
// compressed (RFC 1952), one member per record (the usual layout, which
// index tools point into) or one member for the whole file.
//
// Supported: `response` records holding application/http (msgtype
// response) for http(s) URIs, with chunked transfer coding and gzip/deflate
// content codings undone; `resource` records for http(s) and file: URIs.
// Skipped silently: warcinfo, request, metadata, revisit, conversion and
// continuation records (segmented records are not reassembled).
//
// Memory stays bounded: at most one record (header block up to
// max_warc_header_bytes plus a block up to max_document_bytes) is held;
// larger blocks are reported and skipped by seeking (plain files) or by
// inflating and discarding (gzip). Recovery:
// - a block that runs past the end of the data is a truncated record; the
//   reader then looks for the next "WARC/1." at a line start inside it;
// - a block not followed by CRLF CRLF (Content-Length wrong) or a missing
//   Content-Length: one error, then the same search from the block start;
// - junk where a record should start or a header block too large: one
//   error, then the same search forward;
// - a Content-Length past max_document_bytes: reported and skipped, unless
//   it also runs past the end of a plain file (then it is a truncated
//   record, as above); inside gzip the end is unknown and the skip may
//   consume the rest of the file;
// - a corrupt or truncated gzip member: one error ("... after N records",
//   N counting complete records of any type), then on from the next gzip
//   member that decompresses to "WARC/", searched from just after the bad
//   one's start (cut and concatenated files leave good members there).
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include "collect/field_text.h"
#include "collect/warc_record.h"
#include "collect/warc_stream.h"

namespace tidings {

namespace collect {

namespace {

constexpr size_t kChunk = 64 << 10;
constexpr std::string_view kRecordStart = "WARC/1.";
constexpr std::string_view kRecordEnd = "\r\n\r\n";
constexpr size_t kQuoted = 16;  // bytes of junk quoted in an error

// A window on the stream: bytes read but not yet consumed. Grows to hold
// one record; never zero-fills what it is about to overwrite.
class StreamBuffer {
 public:
  explicit StreamBuffer(ByteSource& source) : source_(source) {}

  std::string_view view() const { return {data_.get() + pos_, end_ - pos_}; }
  size_t avail() const { return end_ - pos_; }
  uint64_t offset() const { return base_ + pos_; }  // stream offset of view()[0]
  void consume(size_t n) { pos_ += std::min(n, avail()); }

  // Reads once more from the source; false when it has nothing more.
  bool fill_more(size_t want = kChunk) {
    if (const auto left = source_.remaining())
      want = std::min<uint64_t>(want, std::max<uint64_t>(*left, 1));
    make_room(want);
    const size_t got = source_.read(data_.get() + end_, want);
    end_ += got;
    return got > 0;
  }

  // At least `n` bytes in view(), unless the stream ends first. Grows by
  // doubling, so a Content-Length that lies costs memory in proportion to
  // the data that is really there.
  bool ensure(size_t n) {
    while (avail() < n) {
      if (!fill_more(std::min(n - avail(), std::max(kChunk, avail())))) return false;
    }
    return true;
  }

  // Discards `n` bytes, most of them without buffering; returns how many.
  uint64_t skip(uint64_t n) {
    const size_t here = static_cast<size_t>(std::min<uint64_t>(n, avail()));
    pos_ += here;
    if (here == n) return n;
    drop_all();
    const uint64_t skipped = source_.skip(n - here);
    base_ += skipped;
    return here + skipped;
  }

  // Forgets everything read (after a gap in the stream).
  void drop_all() {
    base_ += end_;
    pos_ = end_ = 0;
  }

 private:
  // Moves the unconsumed bytes to the front and makes space for `want` more.
  void make_room(size_t want) {
    const size_t keep = avail();
    size_t cap = capacity_;
    if (keep + want > cap || (cap > 4 * kChunk && keep + want < cap / 4)) {
      cap = std::max(keep + want, std::min(2 * (keep + want), keep + want + kChunk));
    }
    if (cap != capacity_) {
      std::unique_ptr<char[]> bigger(new char[cap]);
      if (keep > 0) std::memcpy(bigger.get(), data_.get() + pos_, keep);
      data_ = std::move(bigger);
      capacity_ = cap;
    } else if (pos_ > 0 && keep > 0) {
      std::memmove(data_.get(), data_.get() + pos_, keep);
    }
    base_ += pos_;
    pos_ = 0;
    end_ = keep;
  }

  ByteSource& source_;
  std::unique_ptr<char[]> data_;
  size_t capacity_ = 0;
  size_t pos_ = 0, end_ = 0;  // unconsumed bytes are data_[pos_, end_)
  uint64_t base_ = 0;         // stream offset of data_[0]
};

std::string count_records(uint64_t n) {
  return std::to_string(n) + (n == 1 ? " record" : " records");
}

class WarcReader {
 public:
  WarcReader(ByteSource& source, const std::string& name, const ReadOptions& options,
             const InputSink& sink)
      : source_(source), in_(source), name_(name), options_(options), sink_(sink) {}

  void run() {
    while (next_record()) {
    }
  }

 private:
  bool next_record();
  bool read_block(const WarcHeader& header, size_t header_len, const std::string& origin);
  bool skip_block(const WarcHeader& header, size_t header_len, const std::string& origin);
  bool resync(size_t from, InputItem problem);
  bool stream_stopped();

  void error(const std::string& origin, ErrorCode code, const std::string& text) {
    sink_(error_item(origin, code, text));
  }
  bool resync(size_t from, const std::string& origin, ErrorCode code, const std::string& text) {
    return resync(from, error_item(origin, code, text));
  }

  ByteSource& source_;
  StreamBuffer in_;
  const std::string& name_;
  const ReadOptions& options_;
  const InputSink& sink_;
  uint64_t records_ = 0;  // complete records read, of any type
};

// Reads one record; false when reading this stream is over.
bool WarcReader::next_record() {
  while (true) {  // extra line breaks between records are harmless
    const std::string_view v = in_.view();
    const size_t breaks = std::min(v.find_first_not_of("\r\n"), v.size());
    in_.consume(breaks);
    if (in_.avail() > 0) break;
    if (!in_.fill_more()) return stream_stopped();
  }
  const uint64_t start = in_.offset();
  source_.forget_before(start);
  const std::string origin = name_ + "#" + source_.locate(start);

  size_t header_len = 0;
  size_t searched = 0;
  while (true) {
    std::string_view v = in_.view();
    const size_t prefix = std::min(v.size(), kRecordStart.size());
    if (v.substr(0, prefix) != kRecordStart.substr(0, prefix)) {
      in_.ensure(kQuoted);  // quote the same bytes however the stream is cut
      v = in_.view();
      return resync(1, origin, ErrorCode::kInvalidInput,
                    "not a WARC record (found \"" + printable(v.substr(0, kQuoted), kQuoted) +
                        "\" where \"WARC/1.\" belongs)");
    }
    const size_t end = v.find(kRecordEnd, searched > 3 ? searched - 3 : 0);
    if (end != std::string_view::npos && end + 4 <= options_.max_warc_header_bytes) {
      header_len = end + 4;
      if (v.substr(0, end).find("\nWARC/1.") != std::string_view::npos) {
        // A header cut short, then the next record's.
        return resync(1, origin, ErrorCode::kTruncated, "truncated record header");
      }
      break;
    }
    if (v.size() >= options_.max_warc_header_bytes) {
      return resync(1, origin, ErrorCode::kTooLarge,
                    "WARC header block larger than " +
                        std::to_string(options_.max_warc_header_bytes) + " bytes");
    }
    searched = v.size();
    if (!in_.fill_more()) {
      if (source_.failure()) return stream_stopped();
      error(origin, ErrorCode::kTruncated, "truncated record header");
      return false;
    }
  }
  const WarcHeader header = parse_warc_header(in_.view().substr(0, header_len - 4));
  if (!header.length) {
    return resync(header_len, origin, ErrorCode::kInvalidInput,
                  header.content_length.empty()
                      ? std::string("record has no Content-Length")
                      : "bad Content-Length \"" + printable(header.content_length, 30) + "\"");
  }
  if (*header.length > options_.max_document_bytes) return skip_block(header, header_len, origin);
  return read_block(header, header_len, origin);
}

// A block small enough to hold: read it, check the record end, deliver.
bool WarcReader::read_block(const WarcHeader& header, size_t header_len,
                            const std::string& origin) {
  const size_t length = static_cast<size_t>(*header.length);
  const size_t end = header_len + length;
  if (!in_.ensure(end)) {
    if (source_.failure()) return stream_stopped();
    return resync(header_len, origin, ErrorCode::kTruncated,
                  "truncated record (Content-Length " + std::to_string(length) + ", only " +
                      std::to_string(in_.avail() - header_len) + " bytes left)");
  }
  in_.ensure(end + kRecordEnd.size());  // may fail at the end of the stream
  const std::string_view tail = in_.view().substr(end, kRecordEnd.size());
  const bool ends_well =
      tail == kRecordEnd || (tail.size() < kRecordEnd.size() && kRecordEnd.starts_with(tail));
  if (!ends_well) {
    if (tail.size() < kRecordEnd.size() && source_.failure()) return stream_stopped();
    // From the block start: too long a length hides the next record inside.
    return resync(
        header_len, origin, ErrorCode::kInvalidInput,
        "record does not end where its Content-Length (" + std::to_string(length) + ") says");
  }
  ++records_;
  if (auto item = record_to_item(header, in_.view().substr(header_len, length), origin, options_)) {
    sink_(std::move(*item));
  }
  in_.consume(end + tail.size());
  return true;
}

// A block larger than max_document_bytes: reported if it would have been a
// document, then passed over without holding it.
bool WarcReader::skip_block(const WarcHeader& header, size_t header_len,
                            const std::string& origin) {
  const uint64_t length = *header.length;
  const uint64_t held = in_.avail() - header_len;
  if (const auto left = source_.remaining(); left && length > held + *left) {
    // The length lies: look for the next record inside what is there.
    return resync(header_len, origin, ErrorCode::kTruncated,
                  "truncated record (Content-Length " + std::to_string(length) + ", only " +
                      std::to_string(held + *left) + " bytes left)");
  }
  const bool wanted = record_wanted(header);
  if (wanted) {
    error(origin, ErrorCode::kTooLarge,
          "record too large (" + std::to_string(length) + " bytes, limit " +
              std::to_string(options_.max_document_bytes) + ")");
  }
  in_.consume(header_len);
  const uint64_t skipped = in_.skip(length);
  if (skipped < length) {
    if (source_.failure()) return stream_stopped();
    if (!wanted) {
      error(origin, ErrorCode::kTruncated,
            "truncated record (Content-Length " + std::to_string(length) + ", only " +
                std::to_string(skipped) + " bytes left)");
    }
    return false;
  }
  ++records_;
  in_.ensure(kRecordEnd.size());
  const std::string_view tail = in_.view().substr(0, kRecordEnd.size());
  if (tail == kRecordEnd || (tail.size() < kRecordEnd.size() && kRecordEnd.starts_with(tail))) {
    in_.consume(tail.size());
    return true;
  }
  if (wanted) return resync(0, InputItem{});  // already reported as too large
  return resync(
      0, origin, ErrorCode::kInvalidInput,
      "record does not end where its Content-Length (" + std::to_string(length) + ") says");
}

// Looks for the next "WARC/1." at a line start, at view()[from] or later,
// then reports `problem`; a stream failure met on the way is reported
// instead (it explains the garbage). True when reading can go on.
bool WarcReader::resync(size_t from, InputItem problem) {
  size_t start = from > 0 ? from - 1 : 0;
  while (true) {
    const std::string_view v = in_.view();
    if (start < v.size()) {
      const size_t hit = v.find("\nWARC/1.", start);
      if (hit != std::string_view::npos) {
        in_.consume(hit + 1);
        if (problem.error) sink_(std::move(problem));
        return true;
      }
    }
    // Keep a tail that may hold the start of a match.
    const size_t keep_from = v.size() > 7 ? v.size() - 7 : 0;
    in_.consume(std::min(v.size(), std::max(start, keep_from)));
    start = 0;
    if (!in_.fill_more()) {
      if (source_.failure()) return stream_stopped();
      if (problem.error) sink_(std::move(problem));
      return false;
    }
  }
}

// The stream ended. Reports a failure (truncated or corrupt gzip, read
// error) once; true when the source found a place to go on from.
bool WarcReader::stream_stopped() {
  const std::optional<StreamFailure> failure = source_.failure();
  if (!failure) return false;
  std::string text = failure->what + " after " + count_records(records_);
  if (!failure->detail.empty()) text += " (" + failure->detail + ")";
  error(name_, failure->code, text);
  if (!source_.resume()) return false;
  in_.drop_all();
  return true;
}

}  // namespace

void read_warc_stream(ByteSource& source, const std::string& name, const ReadOptions& options,
                      const InputSink& sink) {
  WarcReader(source, name, options, sink).run();
}

}  // namespace collect

void read_warc_bytes(std::string_view data, const std::string& origin, const ReadOptions& options,
                     const InputSink& sink) {
  std::unique_ptr<collect::ByteSource> source = collect::memory_source(data);
  if (collect::looks_like_gzip(data)) source = collect::gzip_source(std::move(source));
  collect::read_warc_stream(*source, origin, options, sink);
}

void read_warc_file(const std::string& path, const ReadOptions& options, const InputSink& sink) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    sink(collect::error_item(path, ErrorCode::kNotFound, "no such file"));
    return;
  }
  if (!std::filesystem::is_regular_file(status)) {
    sink(collect::error_item(path, ErrorCode::kInvalidInput, "not a regular file"));
    return;
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) {
    sink(collect::error_item(path, ErrorCode::kIo,
                             std::string("cannot open: ") + std::strerror(errno)));
    return;
  }
  char magic[2];
  const size_t got = std::fread(magic, 1, sizeof magic, file);
  if (got == 0 || std::fseek(file, 0, SEEK_SET) != 0) {
    const bool failed = std::ferror(file);
    std::fclose(file);
    if (failed) sink(collect::error_item(path, ErrorCode::kIo, "read error"));
    return;  // an empty file holds no records
  }
  std::unique_ptr<collect::ByteSource> source = collect::file_source(file);
  if (collect::looks_like_gzip({magic, got})) {
    source = collect::gzip_source(std::move(source));
  } else if (collect::ends_with_nocase(path, ".gz")) {
    sink(collect::error_item(path, ErrorCode::kInvalidInput, "not gzip data"));
    return;
  }
  collect::read_warc_stream(*source, path, options, sink);
}

}  // namespace tidings
