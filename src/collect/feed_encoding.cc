// Feed bytes -> UTF-8, before XML parsing. The charset precedence is RFC
// 3023's, as feedparser applies it (docs/feeds.md "Charset"):
//   1. a byte-order mark (UTF-8, UTF-16, UTF-32) always wins;
//   2. the HTTP charset parameter, for any media type;
//   3. text/xml, text/*+xml without a charset: us-ascii (RFC 3023 §3.1);
//   4. the XML declaration's encoding (or UTF-16/32 recognised from "<?");
//   5. UTF-8.
// When the chosen charset cannot read the bytes cleanly, the next candidate
// that can (XML declaration, UTF-8, windows-1252) is used instead and the
// feed is bozo. Conversion is ICU's; bad sequences become U+FFFD.
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ustring.h>
#include <uchardet/uchardet.h>

#include <memory>
#include <string>
#include <vector>

#include "collect/feed_internal.h"
#include "text/charset.h"

namespace tidings::feed {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// Python codec names, as feedparser reports them.
std::string canonical_label(std::string_view label) {
  std::string l = lower_ascii(trim_space(label));
  for (char& c : l) {
    if (c == '_') c = '-';
  }
  if (l == "utf8" || l == "unicode-1-1-utf-8") return "utf-8";
  if (l == "ascii" || l == "us-ascii" || l == "ansi_x3.4-1968") return "us-ascii";
  if (l == "latin1" || l == "latin-1" || l == "iso8859-1" || l == "iso-8859-1" || l == "l1") {
    return "iso-8859-1";
  }
  if (l == "gb2312" || l == "gbk" || l == "x-gbk" || l == "chinese" || l == "euc-cn") return "gb18030";
  if (l == "utf16") return "utf-16";
  return l;
}

// The charset parameter of a Content-Type, quotes and spaces removed.
std::string http_charset(std::string_view content_type, std::string& media_type) {
  const size_t semi = content_type.find(';');
  media_type = lower_ascii(trim_space(content_type.substr(0, semi)));
  std::string charset;
  size_t pos = semi;
  while (pos != std::string_view::npos) {
    const size_t next = content_type.find(';', pos + 1);
    std::string_view param = content_type.substr(pos + 1, next == std::string_view::npos ? next : next - pos - 1);
    const size_t eq = param.find('=');
    if (eq != std::string_view::npos && lower_ascii(trim_space(param.substr(0, eq))) == "charset") {
      std::string_view v = trim_space(param.substr(eq + 1));
      if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
        v = v.substr(1, v.size() - 2);
      }
      charset = canonical_label(v);
    }
    pos = next;
  }
  return charset;
}

// encoding="..." of an ASCII-compatible XML declaration, "" if none.
std::string declared_encoding(std::string_view bytes) {
  if (bytes.substr(0, 5) != "<?xml") return "";
  const size_t end = bytes.find("?>");
  const std::string_view decl = bytes.substr(0, std::min(end, size_t{512}));
  const size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return "";
  size_t p = at + 8;
  while (p < decl.size() && (decl[p] == ' ' || decl[p] == '=' || decl[p] == '\t')) ++p;
  if (p >= decl.size() || (decl[p] != '"' && decl[p] != '\'')) return "";
  const size_t close = decl.find(decl[p], p + 1);
  if (close == std::string_view::npos) return "";
  return canonical_label(decl.substr(p + 1, close - p - 1));
}

// uchardet's guess for bytes that are not UTF-8 and say nothing, "" if none.
std::string detect_charset(std::string_view bytes) {
  uchardet_t detector = uchardet_new();
  if (!detector) return "";
  uchardet_handle_data(detector, bytes.data(), std::min(bytes.size(), size_t{64} << 10));
  uchardet_data_end(detector);
  std::string name = uchardet_get_charset(detector);
  uchardet_delete(detector);
  if (name == "ASCII") return "";
  return name;
}

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

struct BadCount {
  size_t bad = 0;
};

// Counts each bad sequence and replaces it with U+FFFD (ICU's own
// substitute is U+001A for some codepages, which XML forbids).
void count_and_replace(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                       UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset/close/clone
  ++static_cast<BadCount*>(const_cast<void*>(context))->bad;
  *err = U_ZERO_ERROR;
  static const UChar kReplacement[] = {0xFFFD};
  ucnv_cbToUWriteUChars(args, kReplacement, 1, 0, err);
}

// Converts `bytes` from `charset` to UTF-8; nullopt when ICU does not know
// the charset. `bad` counts replaced sequences.
std::optional<std::string> convert(std::string_view bytes, const std::string& charset, size_t& bad) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(charset.c_str(), &err), ucnv_close);
  if (U_FAILURE(err) || !conv) return std::nullopt;
  BadCount count;
  ucnv_setToUCallBack(conv.get(), count_and_replace, &count, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return std::nullopt;
  std::vector<UChar> u16(bytes.size() + 16);
  const char* src = bytes.data();
  const char* src_end = src + bytes.size();
  UChar* target = u16.data();
  ucnv_toUnicode(conv.get(), &target, u16.data() + u16.size(), &src, src_end, nullptr, true, &err);
  if (U_FAILURE(err)) return std::nullopt;  // one byte never makes more than one UChar here
  const int32_t n16 = static_cast<int32_t>(target - u16.data());
  std::string out(static_cast<size_t>(n16) * 3 + 4, '\0');
  int32_t n8 = 0;
  int32_t subs = 0;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &n8, u16.data(), n16, 0xFFFD, &subs, &err);
  if (U_FAILURE(err)) return std::nullopt;
  out.resize(static_cast<size_t>(n8));
  bad = count.bad + static_cast<size_t>(subs);
  return out;
}

}  // namespace

Result<FeedText> decode_feed_bytes(std::string_view bytes, std::string_view content_type) {
  FeedText text;
  // 1. Byte-order marks, then UTF-16/32 recognised from "<" or "<?".
  std::string bom;
  size_t skip = 0;
  auto starts = [&](std::string_view p) { return bytes.substr(0, p.size()) == p; };
  using namespace std::string_view_literals;
  if (starts("\xEF\xBB\xBF"sv)) {
    bom = "utf-8", skip = 3;
  } else if (starts("\x00\x00\xFE\xFF"sv)) {
    bom = "utf-32be", skip = 4;
  } else if (starts("\xFF\xFE\x00\x00"sv)) {
    bom = "utf-32le", skip = 4;
  } else if (starts("\xFE\xFF"sv)) {
    bom = "utf-16be", skip = 2;
  } else if (starts("\xFF\xFE"sv)) {
    bom = "utf-16le", skip = 2;
  } else if (starts("\x00\x00\x00\x3C"sv)) {
    bom = "utf-32be";
  } else if (starts("\x3C\x00\x00\x00"sv)) {
    bom = "utf-32le";
  } else if (starts("\x00\x3C\x00\x3F"sv) || starts("\x00\x3C\x00"sv)) {
    bom = "utf-16be";
  } else if (starts("\x3C\x00\x3F\x00"sv) || starts("\x3C\x00"sv)) {
    bom = "utf-16le";
  }
  std::string media_type;
  const std::string http = http_charset(content_type, media_type);
  const bool text_xml = media_type.rfind("text/", 0) == 0 &&
                        (media_type == "text/xml" || media_type == "text/xml-external-parsed-entity" ||
                         (media_type.size() > 4 && media_type.compare(media_type.size() - 4, 4, "+xml") == 0));
  const std::string decl = bom.empty() ? declared_encoding(bytes) : "";
  std::vector<std::string> candidates;
  // Whether the body is valid UTF-8: asked at most once, as it reads every byte.
  const std::string_view body = bytes.substr(skip);
  int utf8_ok = -1;
  const auto valid_utf8 = [&] {
    if (utf8_ok < 0) utf8_ok = is_valid_utf8(body) ? 1 : 0;
    return utf8_ok == 1;
  };
  if (!bom.empty()) {
    candidates.push_back(bom);
  } else {
    if (!http.empty()) candidates.push_back(http);
    if (http.empty() && text_xml) candidates.push_back("us-ascii");
    if (!decl.empty() && decl != "utf-16" && decl != "utf-32") candidates.push_back(decl);
    candidates.push_back("utf-8");
    if (http.empty() && decl.empty() && !valid_utf8()) {
      if (std::string guess = detect_charset(bytes); !guess.empty()) candidates.push_back(guess);
    }
    candidates.push_back("windows-1252");
  }
  if (!media_type.empty() && media_type.find("xml") == std::string::npos &&
      media_type.find("json") == std::string::npos && media_type != "text/plain") {
    // Served as something else (text/html...): read anyway, but say so.
    text.problem = "served as " + media_type + ", not an XML media type";
  }
  if (media_type == "text/plain") text.problem = "served as text/plain, not an XML media type";
  for (size_t i = 0; i < candidates.size(); ++i) {
    const std::string& cs = candidates[i];
    const bool last = i + 1 == candidates.size();
    bool clean = false;
    if (cs == "utf-8" && valid_utf8()) {
      text.utf8 = body;
      clean = true;
    } else if (cs == "us-ascii" && is_ascii(body)) {
      text.utf8 = body;
      clean = true;
    } else {
      size_t bad = 0;
      auto converted = convert(body, cs, bad);
      if (!converted) {
        if (text.problem.empty()) text.problem = "unknown charset " + cs;
        continue;
      }
      if (bad == 0 || last || !bom.empty()) {
        text.converted = std::move(*converted);
        text.utf8 = text.converted;
        if (bad != 0 && text.problem.empty()) {
          text.problem = std::to_string(bad) + " invalid " + cs + " sequences replaced";
        }
        clean = true;
      }
    }
    if (clean) {
      text.encoding = cs;
      if (i > 0 && text.problem.empty()) {
        text.problem = "document declared as " + candidates[0] + ", but read as " + cs;
      }
      return text;
    }
  }
  return fail(ErrorCode::kInternal, "no charset converter available");
}

}  // namespace tidings::feed
