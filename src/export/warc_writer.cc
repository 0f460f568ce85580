// The stored raw documents as WARC/1.1 (ISO 28500:2017; export.h): one
// warcinfo record, then a response (HTTP) or resource (local file) record
// per document, each gzip member on its own when asked (WARC 1.1 annex D).
#include <openssl/evp.h>
#include <zlib.h>

#include <cctype>
#include <cstdio>

#include "core/version.h"
#include "export/export.h"

namespace tidings::exports {

namespace {

std::string sha1(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha1(), nullptr);
  return std::string(reinterpret_cast<const char*>(md), len);
}

// A urn:uuid (RFC 9562 version 5 layout) derived from the record's
// content, so that exporting the same store twice gives the same file.
std::string record_id(std::string_view seed) {
  std::string h = sha1(seed);
  h[6] = static_cast<char>((h[6] & 0x0F) | 0x50);
  h[8] = static_cast<char>((h[8] & 0x3F) | 0x80);
  char buf[64];
  const auto b = [&](int i) { return static_cast<unsigned char>(h[static_cast<size_t>(i)]); };
  std::snprintf(buf, sizeof buf,
                "<urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x>",
                b(0), b(1), b(2), b(3), b(4), b(5), b(6), b(7), b(8), b(9), b(10), b(11), b(12),
                b(13), b(14), b(15));
  return buf;
}

// WARC field values are one line: bytes a URI must not hold are
// percent-encoded (controls, space, DEL).
std::string field_uri(std::string_view uri) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : uri) {
    if (c <= 0x20 || c == 0x7F) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string one_line(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c != '\r' && c != '\n') out += c;
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The stored header block made true of the stored body: the body was kept
// dechunked and decoded, so Transfer-Encoding and Content-Encoding go and
// Content-Length is the stored length. Lines end in CRLF; the blank line
// that ends the headers is included.
std::string http_head(const Document& doc) {
  std::vector<std::string> lines;
  size_t i = 0;
  while (i <= doc.headers.size()) {
    size_t end = doc.headers.find('\n', i);
    if (end == std::string::npos) end = doc.headers.size();
    std::string line = doc.headers.substr(i, end - i);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(std::move(line));
    i = end + 1;
  }
  std::string head;
  if (lines.empty() || !lines.front().starts_with("HTTP/")) {
    head = "HTTP/1.1 " + std::to_string(doc.http_status > 0 ? doc.http_status : 200) + " \r\n";
    if (lines.empty() && !doc.content_type.empty()) {
      lines.push_back("Content-Type: " + one_line(doc.content_type));
    }
  } else {
    head = lines.front() + "\r\n";
    lines.erase(lines.begin());
  }
  bool dropping = false;
  for (const std::string& line : lines) {
    if (line.front() == ' ' || line.front() == '\t') {  // an obsolete folded line
      if (!dropping) head += line + "\r\n";
      continue;
    }
    const std::string name = lower(line.substr(0, line.find(':')));
    dropping =
        name == "transfer-encoding" || name == "content-encoding" || name == "content-length";
    if (!dropping) head += line + "\r\n";
  }
  head += "Content-Length: " + std::to_string(doc.body.size()) + "\r\n\r\n";
  return head;
}

struct Record {
  std::string type;
  std::string target_uri;
  std::string date;
  std::string content_type;
  std::string block;
  std::string payload_digest;  ///< "" = none
};

std::string record_bytes(const Record& r) {
  const std::string block_digest = sha1_digest(r.block);
  std::string out = "WARC/1.1\r\n";
  out += "WARC-Type: " + r.type + "\r\n";
  out += "WARC-Record-ID: " +
         record_id(r.type + '\n' + r.target_uri + '\n' + r.date + '\n' + block_digest) + "\r\n";
  out += "WARC-Date: " + r.date + "\r\n";
  if (!r.target_uri.empty()) out += "WARC-Target-URI: " + r.target_uri + "\r\n";
  if (!r.content_type.empty()) out += "Content-Type: " + r.content_type + "\r\n";
  out += "WARC-Block-Digest: " + block_digest + "\r\n";
  if (!r.payload_digest.empty()) out += "WARC-Payload-Digest: " + r.payload_digest + "\r\n";
  out += "Content-Length: " + std::to_string(r.block.size()) + "\r\n\r\n";
  out += r.block;
  out += "\r\n\r\n";
  return out;
}

Result<std::string> gzip_member(std::string_view bytes) {
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return fail(ErrorCode::kInternal, "zlib: deflateInit2 failed");
  }
  std::string out;
  out.resize(deflateBound(&z, bytes.size()) + 32);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  const size_t written = z.total_out;
  deflateEnd(&z);
  if (rc != Z_STREAM_END) return fail(ErrorCode::kInternal, "zlib: deflate did not finish");
  out.resize(written);
  return out;
}

Result<void> write_record(const Record& r, bool gzip, std::ostream& out) {
  const std::string bytes = record_bytes(r);
  if (gzip) {
    auto member = gzip_member(bytes);
    if (!member) return tl::unexpected(member.error());
    out << *member;
  } else {
    out << bytes;
  }
  if (!out) return fail(ErrorCode::kIo, "cannot write the WARC file");
  return {};
}

Record document_record(const Document& doc) {
  Record r;
  r.target_uri = field_uri(doc.final_url.empty() ? doc.url : doc.final_url);
  r.date = format_rfc3339(doc.fetched_at);
  r.payload_digest = sha1_digest(doc.body);
  if (doc.http_status > 0 || !doc.headers.empty()) {
    r.type = "response";
    r.content_type = "application/http;msgtype=response";
    r.block = http_head(doc) + doc.body;
  } else {
    r.type = "resource";
    r.content_type = one_line(doc.content_type);
    r.block = doc.body;
  }
  return r;
}

}  // namespace

std::string base32(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  uint64_t buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31];
  while (out.size() % 8 != 0) out += '=';
  return out;
}

std::string sha1_digest(std::string_view bytes) { return "sha1:" + base32(sha1(bytes)); }

Result<ExportCounts> export_warc(Store& store, const WarcOptions& options, std::ostream& out) {
  Record info;
  info.type = "warcinfo";
  info.date = format_rfc3339(options.now);
  info.content_type = "application/warc-fields";
  info.block = "software: tidings/" TIDINGS_VERSION
               "\r\nformat: WARC File Format 1.1\r\n"
               "conformsTo: https://iipc.github.io/warc-specifications/specifications/"
               "warc-format/warc-1.1/\r\n"
               "description: the raw documents stored by tidings (bodies as stored: "
               "dechunked and decoded)\r\n";
  if (auto r = write_record(info, options.gzip, out); !r) return tl::unexpected(r.error());
  auto ids = store.document_ids(false);
  if (!ids) return tl::unexpected(ids.error());
  ExportCounts counts;
  for (int64_t id : *ids) {
    auto stored = store.get_document(id);
    if (!stored) {
      if (stored.error().code == ErrorCode::kNotFound) continue;
      return tl::unexpected(stored.error());
    }
    const Document& doc = stored->document;
    if (options.from && doc.fetched_at < *options.from) continue;
    if (options.to && doc.fetched_at > *options.to) continue;
    if (auto r = write_record(document_record(doc), options.gzip, out); !r) {
      return tl::unexpected(r.error());
    }
    ++counts.records;
  }
  out.flush();
  if (!out) return fail(ErrorCode::kIo, "cannot write the WARC file");
  return counts;
}

}  // namespace tidings::exports
