// From a WARC record's header and block to a Document (ISO 28500:2017 §5
// named fields, §6 record types; application/http per RFC 9112).
#include "collect/warc_record.h"

#include <charconv>
#include <utility>

#include "collect/field_text.h"
#include "collect/http_payload.h"
#include "core/time.h"
#include "core/url.h"

namespace tidings::collect {

namespace {

// Content-Length is all digits (ISO 28500 §5.3); anything else is unusable.
std::optional<uint64_t> parse_length(std::string_view s) {
  s = trim(s);
  uint64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v, 10);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// WARC 1.0 wrote the URI in angle brackets; WARC 1.1 does not.
std::string strip_angle_brackets(std::string_view uri) {
  uri = trim(uri);
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>')
    uri = uri.substr(1, uri.size() - 2);
  return std::string(trim(uri));
}

std::string media_type(std::string_view content_type) {
  return lower(trim(content_type.substr(0, content_type.find(';'))));
}

// The msgtype parameter of application/http ("" when absent).
std::string msgtype(std::string_view content_type) {
  const std::string lowered = lower(content_type);
  const size_t at = lowered.find("msgtype=");
  if (at == std::string::npos) return "";
  std::string_view v = std::string_view(lowered).substr(at + 8);
  v = v.substr(0, v.find(';'));
  v = trim(v);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  return std::string(v);
}

}  // namespace

WarcHeader parse_warc_header(std::string_view text) {
  WarcHeader h;
  std::string* last = nullptr;  // value a folded line continues
  std::string ignored;
  bool first = true;
  for (std::string_view line : split_lines(text)) {
    if (first) {
      h.version.assign(trim(line));
      first = false;
      continue;
    }
    if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
      if (last) last->append(" ").append(trim(line));
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      last = nullptr;
      continue;
    }
    const std::string name = lower(trim(line.substr(0, colon)));
    const std::string_view value = trim(line.substr(colon + 1));
    last = &ignored;
    if (name == "warc-type") last = &h.type;
    if (name == "warc-target-uri") last = &h.target_uri;
    if (name == "warc-date") last = &h.date;
    if (name == "content-type") last = &h.content_type;
    if (name == "content-length") last = &h.content_length;
    last->assign(value);
  }
  h.type = lower(h.type);
  h.target_uri = strip_angle_brackets(h.target_uri);
  h.length = parse_length(h.content_length);
  return h;
}

bool record_wanted(const WarcHeader& h) {
  if (h.type == "response") {
    if (!is_http_url(h.target_uri)) return false;
    if (h.content_type.empty()) return true;  // try it as HTTP; a bad one is reported
    if (media_type(h.content_type) != "application/http") return false;
    const std::string kind = msgtype(h.content_type);
    return kind.empty() || kind == "response";
  }
  if (h.type == "resource") {
    return is_http_url(h.target_uri) || lower(h.target_uri).starts_with("file:");
  }
  return false;
}

InputItem error_item(const std::string& origin, ErrorCode code, const std::string& text) {
  InputItem item;
  item.origin = origin;
  item.error = Error(code, origin + ": " + text);
  return item;
}

std::optional<InputItem> record_to_item(const WarcHeader& h, std::string_view block,
                                        const std::string& origin, const ReadOptions& options) {
  if (!record_wanted(h)) return std::nullopt;
  Document doc;
  doc.url = h.target_uri;
  doc.final_url = h.target_uri;
  doc.origin = origin;
  doc.fetched_at = parse_iso8601(h.date).value_or(Instant{});
  if (h.type == "response") {
    auto response = parse_http_response(block, options.max_document_bytes);
    if (!response) return error_item(origin, response.error().code, response.error().message);
    doc.http_status = response->status;
    doc.headers = std::move(response->headers);
    doc.content_type = std::move(response->content_type);
    doc.body = std::move(response->body);
  } else {
    doc.content_type = h.content_type;
    doc.body.assign(block);
  }
  InputItem item;
  item.origin = origin;
  item.document = std::move(doc);
  return item;
}

}  // namespace tidings::collect
