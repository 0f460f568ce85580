// Loading the gazetteer file (docs/geo.md "The gazetteer file") and its name
// index: every name folded once at load (fold_name) and kept sorted by hash.
#include "facts/geo_gazetteer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>

namespace tidings::facts {

namespace {

constexpr char kMagic[8] = {'T', 'D', 'G', 'A', 'Z', '0', '0', '1'};
constexpr size_t kHeaderBytes = 24, kPlaceBytes = 32, kNameBytes = 12;
constexpr size_t kMaxFileBytes = 256u << 20;

uint32_t read_u32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);  // the file is little-endian, as is every machine we build for
  return v;
}

void append_utf8(std::string& out, UChar32 c) {
  char buf[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, c);
  out.append(buf, static_cast<size_t>(n));
}

// Letters that do not decompose into a base letter and a mark.
const char* spelled_out(UChar32 c) {
  switch (c) {
    case 0x00F8: case 0x00D8: return "o";   // ø
    case 0x0142: case 0x0141: return "l";   // ł
    case 0x0111: case 0x0110: return "d";   // đ
    case 0x0131: return "i";                // dotless ı
    case 0x00E6: case 0x00C6: return "ae";  // æ
    case 0x0153: case 0x0152: return "oe";  // œ
    case 0x00DF: return "ss";               // ß
    case 0x00FE: case 0x00DE: return "th";  // þ
    default: return nullptr;
  }
}

bool is_apostrophe(UChar32 c) {
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x0060 || c == 0x00B4 || c == 0x02BB;
}

// Lower case, marks gone, punctuation as spaces (dots and apostrophes gone).
std::string fold_characters(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  const bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    for (const char c : name) {
      if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
      else if (c == '.' || c == '\'' || c == '`') continue;
      else out += ' ';
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (U_SUCCESS(status)) {
    icu::UnicodeString decomposed = nfd->normalize(text, status);
    if (U_SUCCESS(status)) text = decomposed;
  }
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    const int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK) continue;
    if (c == '.' || is_apostrophe(c)) continue;
    if (const char* s = spelled_out(c)) {
      out += s;
    } else if (u_isalnum(c)) {
      append_utf8(out, u_foldCase(c, U_FOLD_CASE_DEFAULT));
    } else {
      out += ' ';
    }
  }
  return out;
}

}  // namespace

std::string fold_name(std::string_view name) {
  const std::string chars = fold_characters(name);
  std::string out;
  size_t i = 0;
  while (i < chars.size()) {
    while (i < chars.size() && chars[i] == ' ') ++i;
    size_t j = i;
    while (j < chars.size() && chars[j] != ' ') ++j;
    if (j == i) break;
    std::string_view word(chars.data() + i, j - i);
    if (word == "st") word = "saint";
    else if (word == "mt") word = "mount";
    else if (word == "ft") word = "fort";
    if (!out.empty()) out += ' ';
    out += word;
    i = j;
  }
  return out;
}

const char* place_class_name(PlaceClass feature) {
  switch (feature) {
    case PlaceClass::kContinent: return "continent";
    case PlaceClass::kRegion: return "region";
    case PlaceClass::kCountry: return "country";
    case PlaceClass::kAdmin: return "admin";
    case PlaceClass::kCity: return "city";
  }
  return "city";
}

std::string_view Gazetteer::string_at(uint32_t offset) const {
  if (offset >= pool_.size()) return {};
  const size_t end = pool_.find('\0', offset);
  return pool_.substr(offset, (end == std::string_view::npos ? pool_.size() : end) - offset);
}

Place Gazetteer::place(uint32_t i) const {
  const PlaceRecord& r = places_[i];
  Place p;
  p.name = std::string(string_at(r.name));
  p.id = r.feature == PlaceClass::kCity ? "geonames:" + std::to_string(r.id) : std::string(string_at(r.id));
  if (r.country_code[0] != '-') p.country_code.assign(r.country_code, 2);
  p.lat = r.lat();
  p.lon = r.lon();
  p.feature = r.feature;
  p.population = r.population;
  return p;
}

std::vector<NameMatch> Gazetteer::find(std::string_view folded) const {
  std::vector<NameMatch> out;
  if (folded.empty()) return out;
  const uint64_t h = std::hash<std::string_view>{}(folded);
  auto it = std::lower_bound(index_.begin(), index_.end(), h, [](const Key& k, uint64_t v) { return k.hash < v; });
  for (; it != index_.end() && it->hash == h; ++it) {
    const Name& n = names_[it->name];
    if (std::string_view(folded_).substr(n.folded_offset, n.folded_length) == folded) {
      out.push_back({n.place, n.kind});
    }
  }
  return out;
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::parse(std::string bytes) {
  auto g = std::make_shared<Gazetteer>();
  g->bytes_ = std::move(bytes);
  const std::string& b = g->bytes_;
  if (b.size() < kHeaderBytes || std::memcmp(b.data(), kMagic, 8) != 0) {
    return fail(ErrorCode::kInvalidInput, "not a tidings gazetteer (bad magic)");
  }
  const uint64_t n_places = read_u32(b.data() + 8), n_names = read_u32(b.data() + 12);
  const uint64_t pool_bytes = read_u32(b.data() + 16);
  const uint64_t expected = kHeaderBytes + n_places * kPlaceBytes + n_names * kNameBytes + pool_bytes;
  if (expected != b.size()) return fail(ErrorCode::kInvalidInput, "gazetteer size does not match its header");
  const char* p = b.data() + kHeaderBytes;
  g->pool_ = std::string_view(b).substr(kHeaderBytes + n_places * kPlaceBytes + n_names * kNameBytes);
  if (!g->pool_.empty() && g->pool_.back() != '\0') return fail(ErrorCode::kInvalidInput, "gazetteer strings unterminated");
  g->places_.resize(n_places);
  for (uint64_t i = 0; i < n_places; ++i, p += kPlaceBytes) {
    PlaceRecord& r = g->places_[i];
    r.name = read_u32(p);
    r.id = read_u32(p + 4);
    r.lat_e5 = static_cast<int32_t>(read_u32(p + 8));
    r.lon_e5 = static_cast<int32_t>(read_u32(p + 12));
    r.population = read_u32(p + 16);
    r.admin = read_u32(p + 20);
    r.country = read_u32(p + 24);
    r.country_code[0] = p[28];
    r.country_code[1] = p[29];
    const uint8_t feature = static_cast<uint8_t>(p[30]);
    r.flags = static_cast<uint8_t>(p[31]);
    if (feature > static_cast<uint8_t>(PlaceClass::kCity) || r.name >= pool_bytes ||
        (feature != static_cast<uint8_t>(PlaceClass::kCity) && r.id >= pool_bytes) ||
        (r.admin != kNoPlace && r.admin >= n_places) || (r.country != kNoPlace && r.country >= n_places) ||
        std::abs(r.lat_e5) > 9000000 || std::abs(r.lon_e5) > 18000000) {
      return fail(ErrorCode::kInvalidInput, "gazetteer place " + std::to_string(i) + " is damaged");
    }
    r.feature = static_cast<PlaceClass>(feature);
  }
  g->names_.reserve(n_names);
  g->index_.reserve(n_names);
  g->folded_.reserve(pool_bytes);  // about what the folded names take: no copying while it grows
  for (uint64_t i = 0; i < n_names; ++i, p += kNameBytes) {
    const uint32_t text = read_u32(p), place = read_u32(p + 4);
    const uint8_t kind = static_cast<uint8_t>(p[8]);
    if (text >= pool_bytes || place >= n_places || kind > static_cast<uint8_t>(NameKind::kCode)) {
      return fail(ErrorCode::kInvalidInput, "gazetteer name " + std::to_string(i) + " is damaged");
    }
    const std::string folded = fold_name(g->string_at(text));
    if (folded.empty()) continue;
    Name n{static_cast<uint32_t>(g->folded_.size()), static_cast<uint32_t>(folded.size()), place,
           static_cast<NameKind>(kind)};
    g->folded_ += folded;
    g->index_.push_back({std::hash<std::string_view>{}(folded), static_cast<uint32_t>(g->names_.size())});
    g->names_.push_back(n);
  }
  std::sort(g->index_.begin(), g->index_.end(), [](const Key& a, const Key& b) {
    return a.hash != b.hash ? a.hash < b.hash : a.name < b.name;
  });
  return std::shared_ptr<const Gazetteer>(std::move(g));
}

Result<std::shared_ptr<const Gazetteer>> parse_gazetteer(std::string bytes) { return Gazetteer::parse(std::move(bytes)); }

Result<std::shared_ptr<const Gazetteer>> load_gazetteer(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::kNotFound, "cannot open gazetteer " + path + " (run make, or set --gazetteer)");
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0 || static_cast<uint64_t>(size) > kMaxFileBytes) {
    return fail(ErrorCode::kTooLarge, "gazetteer " + path + " is larger than 256 MB");
  }
  std::string bytes(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) return fail(ErrorCode::kIo, "cannot read gazetteer " + path);
  auto g = Gazetteer::parse(std::move(bytes));
  if (!g) return fail(g.error().code, path + ": " + g.error().message);
  return g;
}

size_t gazetteer_place_count(const Gazetteer& gazetteer) { return gazetteer.place_count(); }
size_t gazetteer_name_count(const Gazetteer& gazetteer) { return gazetteer.name_count(); }

std::string default_gazetteer_path() {
  if (const char* env = std::getenv("TIDINGS_GAZETTEER"); env && *env) return env;
#ifdef TIDINGS_GAZETTEER_PATH
  return TIDINGS_GAZETTEER_PATH;
#else
  return "data/gazetteer.bin";
#endif
}

}  // namespace tidings::facts
