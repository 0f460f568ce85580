// HTTP responses as WARC records hold them: status line, headers, body
// with chunked transfer coding and gzip/deflate content codings undone.
#include "collect/http_payload.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <climits>
#include <vector>

#include "collect/field_text.h"

namespace tidings::collect {

std::optional<std::string> decode_chunked(std::string_view body) {
  std::string out;
  size_t pos = 0;
  bool first = true;
  while (pos < body.size()) {
    const size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) {  // cut inside a size line
      if (first) return std::nullopt;
      break;
    }
    std::string_view line = body.substr(pos, eol - pos);
    line = trim(line.substr(0, line.find(';')));  // drop chunk extensions
    uint64_t size = 0;
    const auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), size, 16);
    if (line.empty() || ec != std::errc() || end != line.data() + line.size()) {
      if (first) return std::nullopt;
      break;  // garbage after good chunks: keep those
    }
    first = false;
    pos = eol + 1;
    if (size == 0) break;  // last chunk; trailers are ignored
    const size_t take = static_cast<size_t>(std::min<uint64_t>(size, body.size() - pos));
    out.append(body.substr(pos, take));
    pos += take;
    if (take < size) break;  // cut inside a chunk
    if (body.substr(pos, 2) == "\r\n") {
      pos += 2;
    } else if (body.substr(pos, 1) == "\n") {
      pos += 1;
    }
  }
  return out;
}

Result<std::string> inflate_bounded(std::string_view data, bool raw, size_t max_out) {
  z_stream zs{};
  if (inflateInit2(&zs, raw ? -15 : 15 + 32) != Z_OK) {
    return fail(ErrorCode::kInternal, "cannot initialise zlib");
  }
  std::string out;
  std::vector<char> chunk(1 << 16);
  size_t fed = 0;  // bytes of `data` handed to zlib so far
  Result<std::string> result;
  while (true) {
    if (zs.avail_in == 0 && fed < data.size()) {
      const size_t k = std::min<size_t>(data.size() - fed, UINT_MAX / 2);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + fed));
      zs.avail_in = static_cast<uInt>(k);
      fed += k;
    }
    zs.next_out = reinterpret_cast<Bytef*>(chunk.data());
    zs.avail_out = static_cast<uInt>(chunk.size());
    const int rc = inflate(&zs, Z_NO_FLUSH);
    const size_t produced = chunk.size() - zs.avail_out;
    if (out.size() + produced > max_out) {
      result = fail(ErrorCode::kTooLarge,
                    "decoded body larger than " + std::to_string(max_out) + " bytes");
      break;
    }
    out.append(chunk.data(), produced);
    const size_t left = zs.avail_in + (data.size() - fed);
    if (rc == Z_STREAM_END) {
      const std::string_view rest = data.substr(data.size() - left);
      if (!raw && rest.size() >= 2 && static_cast<unsigned char>(rest[0]) == 0x1f &&
          static_cast<unsigned char>(rest[1]) == 0x8b) {
        inflateReset(&zs);  // another gzip member follows
        continue;
      }
      result = std::move(out);
      break;
    }
    if (rc == Z_BUF_ERROR || (rc == Z_OK && produced == 0 && left == 0)) {
      result = std::move(out);  // the data ended early: keep what it held
      break;
    }
    if (rc != Z_OK) {
      result = fail(ErrorCode::kInvalidInput,
                    std::string("corrupt compressed body: ") + (zs.msg ? zs.msg : "zlib error"));
      break;
    }
  }
  inflateEnd(&zs);
  return result;
}

namespace {

bool is_zlib_header(std::string_view d) {
  if (d.size() < 2) return false;
  const unsigned b0 = static_cast<unsigned char>(d[0]), b1 = static_cast<unsigned char>(d[1]);
  return (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
}

// Undoes one content coding (RFC 9110 §8.4.1).
Result<std::string> undo_coding(const std::string& coding, std::string body, size_t max) {
  if (coding.empty() || coding == "identity") return body;
  if (coding == "gzip" || coding == "x-gzip") {
    // Some writers store the decoded body but keep the header.
    if (body.size() >= 2 && static_cast<unsigned char>(body[0]) != 0x1f && !is_zlib_header(body)) {
      return body;
    }
    return inflate_bounded(body, false, max);
  }
  if (coding == "deflate") return inflate_bounded(body, !is_zlib_header(body), max);
  return fail(ErrorCode::kInvalidInput, "unsupported content-encoding " + printable(coding, 40));
}

// "HTTP/1.1 200 OK", "HTTP/2 404": the status code, or 0.
int parse_status_line(std::string_view line) {
  if (!line.starts_with("HTTP/")) return 0;
  size_t i = line.find(' ');
  if (i == std::string_view::npos) return 0;
  while (i < line.size() && line[i] == ' ') ++i;
  if (i + 3 > line.size()) return 0;
  int status = 0;
  for (size_t k = i; k < i + 3; ++k) {
    if (!std::isdigit(static_cast<unsigned char>(line[k]))) return 0;
    status = status * 10 + (line[k] - '0');
  }
  if (i + 3 < line.size() && line[i + 3] != ' ' && line[i + 3] != '\t') return 0;
  return status >= 100 ? status : 0;
}

}  // namespace

Result<HttpResponse> parse_http_response(std::string_view message, size_t max_body_bytes) {
  const size_t crlf = message.find("\r\n\r\n"), lf = message.find("\n\n");
  size_t header_end = message.size(), body_start = message.size();
  if (crlf != std::string_view::npos && (lf == std::string_view::npos || crlf < lf)) {
    header_end = crlf;
    body_start = crlf + 4;
  } else if (lf != std::string_view::npos) {
    header_end = lf;
    body_start = lf + 2;
  }
  HttpResponse r;
  r.headers.assign(message.substr(0, header_end));
  std::vector<std::string_view> lines = split_lines(r.headers);
  r.status = lines.empty() ? 0 : parse_status_line(lines.front());
  if (r.status == 0) {
    return fail(ErrorCode::kInvalidInput,
                "bad HTTP status line \"" +
                    printable(lines.empty() ? std::string_view() : lines.front(), 60) + "\"");
  }
  std::string transfer_coding, content_coding;
  for (size_t k = 1; k < lines.size(); ++k) {
    const size_t colon = lines[k].find(':');
    if (colon == std::string_view::npos) continue;
    const std::string name = lower(trim(lines[k].substr(0, colon)));
    const std::string_view value = trim(lines[k].substr(colon + 1));
    if (name == "content-type" && r.content_type.empty()) r.content_type.assign(value);
    if (name == "transfer-encoding") transfer_coding += "," + std::string(value);
    if (name == "content-encoding") content_coding += "," + std::string(value);
  }
  std::string body(message.substr(body_start));
  const std::vector<std::string> transfer = list_tokens(transfer_coding);
  if (std::find(transfer.begin(), transfer.end(), "chunked") != transfer.end()) {
    if (auto dechunked = decode_chunked(body)) body = std::move(*dechunked);
  }
  const std::vector<std::string> codings = list_tokens(content_coding);
  if (codings.size() > 4) return fail(ErrorCode::kInvalidInput, "too many content-encodings");
  for (auto it = codings.rbegin(); it != codings.rend(); ++it) {
    auto decoded = undo_coding(*it, std::move(body), max_body_bytes);
    if (!decoded) return tl::unexpected(decoded.error());
    body = std::move(*decoded);
  }
  if (body.size() > max_body_bytes) {
    return fail(ErrorCode::kTooLarge,
                "body larger than " + std::to_string(max_body_bytes) + " bytes");
  }
  r.body = std::move(body);
  return r;
}

}  // namespace tidings::collect
