// Builders for the collect tests: WARC records as strings, gzip through
// zlib, a temporary directory, and a sink that keeps what it is given.
#pragma once

#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "collect/collect.h"

namespace tidings::testing {

inline constexpr std::string_view kResponseType = "application/http; msgtype=response";

/// A WARC record: version line, fields, block, CRLF CRLF. `length`
/// overrides the Content-Length field ("-" leaves it out).
inline std::string warc_record(std::string_view type, std::string_view uri, std::string_view block,
                               std::string_view content_type = kResponseType,
                               std::string_view version = "WARC/1.0", std::string_view length = "",
                               std::string_view extra = "") {
  std::string r = std::string(version) + "\r\n";
  r += "WARC-Type: " + std::string(type) + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "WARC-Date: 2023-11-01T18:40:00Z\r\n";
  r += "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000000>\r\n";
  if (!content_type.empty()) r += "Content-Type: " + std::string(content_type) + "\r\n";
  r += extra;
  if (length != "-") {
    r +=
        "Content-Length: " + (length.empty() ? std::to_string(block.size()) : std::string(length)) +
        "\r\n";
  }
  r += "\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

/// An HTTP/1.1 response message.
inline std::string http_message(std::string_view body, std::string_view extra_headers = "",
                                std::string_view status = "200 OK") {
  return "HTTP/1.1 " + std::string(status) + "\r\nContent-Type: text/html; charset=utf-8\r\n" +
         std::string(extra_headers) + "\r\n" + std::string(body);
}

/// A `response` record for `uri` holding an HTML page.
inline std::string response_record(std::string_view uri, std::string_view html,
                                   std::string_view version = "WARC/1.0") {
  return warc_record("response", uri, http_message(html), kResponseType, version);
}

/// zlib's deflate with `window_bits` 15+16 (gzip), 15 (zlib) or -15 (raw).
inline std::string deflate_bytes(std::string_view data, int window_bits = 15 + 16) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

inline std::string gzip(std::string_view data) { return deflate_bytes(data, 15 + 16); }

/// Every item handed to the sink, in order.
struct Collected {
  std::vector<InputItem> items;
  std::vector<Document> documents() const {
    std::vector<Document> out;
    for (const auto& i : items) {
      if (i.document) out.push_back(*i.document);
    }
    return out;
  }
  std::vector<Error> errors() const {
    std::vector<Error> out;
    for (const auto& i : items) {
      if (i.error) out.push_back(*i.error);
    }
    return out;
  }
  /// "doc URL" or "error MESSAGE", one per item.
  std::vector<std::string> summary() const {
    std::vector<std::string> out;
    for (const auto& i : items) {
      out.push_back(i.document ? "doc " + i.document->url : "error " + i.error->message);
    }
    return out;
  }
  InputSink sink() {
    return [this](InputItem&& item) { items.push_back(std::move(item)); };
  }
};

inline Collected read_bytes(std::string_view data, ReadOptions options = {},
                            const std::string& origin = "mem") {
  Collected c;
  read_warc_bytes(data, origin, options, c.sink());
  return c;
}

inline Collected read_paths(const std::vector<std::string>& paths, ReadOptions options = {}) {
  Collected c;
  read_inputs(paths, options, c.sink());
  return c;
}

/// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string templ =
        (std::filesystem::temp_directory_path() / "tidings-collect-XXXXXX").string();
    path_ = ::mkdtemp(templ.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  /// Writes `content` to `relative` (creating folders); returns the full path.
  std::string write(const std::string& relative, std::string_view content) const {
    const std::filesystem::path p = path_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

}  // namespace tidings::testing
