// libFuzzer target for the WARC reader (collect/warc.cc): the input is read
// as WARC bytes (gzip when it starts with 1f 8b) and, wrapped in one gzip
// member, through the gzip path; both must agree on what they find.
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "collect/collect.h"

namespace {

struct Seen {
  std::vector<std::string> bodies;
  std::vector<std::string> messages;
  size_t errors = 0;
};

Seen read(std::string_view data, const tidings::ReadOptions& options) {
  Seen seen;
  tidings::read_warc_bytes(data, "fuzz", options, [&](tidings::InputItem&& item) {
    // Exactly one of document and error, and errors name the input.
    if (item.document.has_value() == item.error.has_value()) std::abort();
    if (item.error) {
      if (item.error->message.rfind("fuzz", 0) != 0) std::abort();
      ++seen.errors;
      seen.messages.push_back(item.error->message);
    } else {
      if (item.document->body.size() > options.max_document_bytes) std::abort();
      seen.bodies.push_back(item.document->body);
    }
  });
  return seen;
}

std::string gzip(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) std::abort();
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  if (deflate(&zs, Z_FINISH) != Z_STREAM_END) std::abort();
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

}  // namespace

// A Content-Length past the limit is skipped by seeking in plain data but by
// inflating to the end in gzip (whose size is unknown): the one place the
// two paths may differ.
bool mentions_length_over(const Seen& seen, uint64_t limit) {
  for (const std::string& m : seen.messages) {
    const size_t at = m.find("Content-Length ");
    if (at != std::string::npos && std::strtoull(m.c_str() + at + 15, nullptr, 10) > limit) {
      return true;
    }
  }
  return false;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // Small limits: the paths that report and skip.
  tidings::ReadOptions small;
  small.max_document_bytes = 4096;
  small.max_warc_header_bytes = 1024;
  read(input, small);
  // Large limits: plain and gzip must agree.
  tidings::ReadOptions large;
  large.max_document_bytes = 64 << 20;
  large.max_warc_header_bytes = 64 << 10;
  const Seen plain = read(input, large);
  const bool is_gzip = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
  if (!is_gzip && !mentions_length_over(plain, large.max_document_bytes)) {
    const Seen zipped = read(gzip(input), large);
    if (zipped.bodies != plain.bodies || zipped.errors != plain.errors) std::abort();
  }
  return 0;
}
