// Raw-byte packing for the store: zstd compression (bounded on the way
// out) and the XXH3-128 content hash that makes ingest idempotent.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.h"

namespace tidings {

std::string compress_raw(std::string_view bytes);
/// Fails when the frame is corrupt or would exceed `max_bytes`.
Result<std::string> decompress_raw(std::string_view frame, size_t max_bytes);
/// 32 lower-case hex digits.
std::string content_hash(std::string_view bytes);

}  // namespace tidings
