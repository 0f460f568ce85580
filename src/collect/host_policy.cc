// The SSRF address classifier, Retry-After and back-off (host_policy.h).
#include "collect/host_policy.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace tidings::collect {

namespace {

// `a` in host byte order; the ranges are RFC 6890's special-purpose registry.
AddressClass classify_v4(uint32_t a) {
  auto in = [a](uint32_t net, int bits) {
    const uint32_t mask = bits == 0 ? 0 : ~uint32_t{0} << (32 - bits);
    return (a & mask) == net;
  };
  if (in(0x00000000, 8)) return AddressClass::kUnspecified;
  if (in(0x7f000000, 8)) return AddressClass::kLoopback;
  if (in(0x0a000000, 8) || in(0xac100000, 12) || in(0xc0a80000, 16)) {
    return AddressClass::kPrivate;
  }
  if (in(0xa9fe0000, 16)) return AddressClass::kLinkLocal;
  if (in(0x64400000, 10)) return AddressClass::kSharedCgnat;
  if (in(0xe0000000, 4)) return AddressClass::kMulticast;
  if (in(0xf0000000, 4) || in(0xc0000000, 24) || in(0xc6120000, 15)) {
    return AddressClass::kReserved;
  }
  return AddressClass::kPublic;
}

uint32_t v4_at(const uint8_t* b) {
  return (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | b[3];
}

AddressClass classify_v6(const uint8_t* b) {
  static constexpr uint8_t kZero[16] = {};
  const bool first_80_zero = std::memcmp(b, kZero, 10) == 0;
  if (std::memcmp(b, kZero, 16) == 0) return AddressClass::kUnspecified;
  if (std::memcmp(b, kZero, 15) == 0 && b[15] == 1) return AddressClass::kLoopback;
  // IPv4-mapped ::ffff:a.b.c.d and the deprecated IPv4-compatible ::a.b.c.d.
  if (first_80_zero && ((b[10] == 0xff && b[11] == 0xff) || (b[10] == 0 && b[11] == 0))) {
    return classify_v4(v4_at(b + 12));
  }
  // NAT64 64:ff9b::/96 and 6to4 2002::/16 carry an IPv4 address too.
  static constexpr uint8_t kNat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::memcmp(b, kNat64, 12) == 0) return classify_v4(v4_at(b + 12));
  if (b[0] == 0x20 && b[1] == 0x02) return classify_v4(v4_at(b + 2));
  if ((b[0] & 0xfe) == 0xfc) return AddressClass::kPrivate;                    // fc00::/7
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return AddressClass::kLinkLocal;  // fe80::/10
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return AddressClass::kPrivate;    // fec0::/10
  if (b[0] == 0xff) return AddressClass::kMulticast;
  return AddressClass::kPublic;
}

}  // namespace

const char* address_class_name(AddressClass c) {
  switch (c) {
    case AddressClass::kPublic:
      return "public";
    case AddressClass::kLoopback:
      return "loopback";
    case AddressClass::kPrivate:
      return "private";
    case AddressClass::kLinkLocal:
      return "link-local";
    case AddressClass::kSharedCgnat:
      return "shared (CGNAT)";
    case AddressClass::kMulticast:
      return "multicast";
    case AddressClass::kUnspecified:
      return "unspecified";
    case AddressClass::kReserved:
      return "reserved";
  }
  return "reserved";
}

AddressClass classify_address(const sockaddr* address) {
  if (address == nullptr) return AddressClass::kReserved;
  if (address->sa_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(address);
    return classify_v4(ntohl(v4->sin_addr.s_addr));
  }
  if (address->sa_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(address);
    return classify_v6(v6->sin6_addr.s6_addr);
  }
  return AddressClass::kReserved;
}

std::optional<AddressClass> classify_address_text(const std::string& text) {
  sockaddr_in v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4.sin_addr) == 1) {
    v4.sin_family = AF_INET;
    return classify_address(reinterpret_cast<const sockaddr*>(&v4));
  }
  sockaddr_in6 v6{};
  if (inet_pton(AF_INET6, text.c_str(), &v6.sin6_addr) == 1) {
    v6.sin6_family = AF_INET6;
    return classify_address(reinterpret_cast<const sockaddr*>(&v6));
  }
  return std::nullopt;
}

std::string address_text(const sockaddr* address) {
  char buf[INET6_ADDRSTRLEN] = "?";
  if (address->sa_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, buf, sizeof buf);
  } else if (address->sa_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, buf,
              sizeof buf);
  }
  return buf;
}

std::optional<int64_t> parse_retry_after(std::string_view value, Instant now) {
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) {
    value.remove_prefix(1);
  }
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) {
    value.remove_suffix(1);
  }
  if (value.empty() || value.size() > 64) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 9) return int64_t{999999999};  // absurd, capped by the caller
    return std::stoll(std::string(value));
  }
  const std::string date(value);
  const time_t t = curl_getdate(date.c_str(), nullptr);  // RFC 9110 §5.6.7, all three forms
  if (t <= 0) return std::nullopt;
  const int64_t delta = int64_t{t} - now.time_since_epoch().count();
  return std::max<int64_t>(delta, 0);
}

std::chrono::milliseconds backoff_delay(int failures, std::chrono::milliseconds base,
                                        std::chrono::milliseconds cap,
                                        std::optional<int64_t> retry_after_seconds) {
  std::chrono::milliseconds delay = base;
  for (int i = 1; i < failures && delay < cap; ++i) delay *= 2;
  if (retry_after_seconds) {
    const auto asked = std::chrono::milliseconds(
        std::min<int64_t>(*retry_after_seconds, cap.count() / 1000 + 1) * 1000);
    delay = std::max(delay, asked);
  }
  return std::min(delay, cap);
}

}  // namespace tidings::collect
