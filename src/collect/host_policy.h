// What the fetcher decides about a host without talking to it: whether an
// address may be connected to (the SSRF guard), how long a Retry-After asks
// to wait, how far to back off after failures. Private to collect.
#pragma once

#include <sys/socket.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace tidings::collect {

enum class AddressClass {
  kPublic,       ///< anything not listed below
  kLoopback,     ///< 127/8, ::1
  kPrivate,      ///< 10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10
  kLinkLocal,    ///< 169.254/16, fe80::/10
  kSharedCgnat,  ///< 100.64/10 (RFC 6598)
  kMulticast,    ///< 224/4, ff00::/8
  kUnspecified,  ///< 0/8, ::
  kReserved,     ///< 240/4 and broadcast, 192.0.0/24, 198.18/15 (benchmarking)
};

/// "loopback", "private", ...
const char* address_class_name(AddressClass c);

/// Classifies an IPv4 (AF_INET) or IPv6 (AF_INET6) socket address. IPv6
/// forms that carry an IPv4 address (mapped ::ffff:0:0/96, compatible
/// ::/96, NAT64 64:ff9b::/96, 6to4 2002::/16) are classified by that
/// address. Other families are kReserved.
AddressClass classify_address(const sockaddr* address);

/// The same for text ("10.0.0.1", "::ffff:127.0.0.1"); nullopt when it is
/// not a numeric address.
std::optional<AddressClass> classify_address_text(const std::string& text);

/// The numeric form of a socket address ("127.0.0.1", "::1").
std::string address_text(const sockaddr* address);

/// Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date, as
/// seconds from `now` (0 for a date in the past); nullopt when unparseable.
std::optional<int64_t> parse_retry_after(std::string_view value, Instant now);

/// Exponential back-off after `failures` (>= 1) consecutive failures:
/// base * 2^(failures-1), at least `retry_after` when given, at most `cap`.
std::chrono::milliseconds backoff_delay(int failures, std::chrono::milliseconds base,
                                        std::chrono::milliseconds cap,
                                        std::optional<int64_t> retry_after_seconds);

}  // namespace tidings::collect
