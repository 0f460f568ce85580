// The WARC record reader over any byte source, so that files, memory and
// tests with odd chunking all go through the one parser. Private to collect.
#pragma once

#include <string>

#include "collect/byte_source.h"
#include "collect/collect.h"

namespace tidings::collect {

/// Reads WARC records from `source` until it ends; `name` prefixes every
/// origin ("name#offset") and error message.
void read_warc_stream(ByteSource& source, const std::string& name, const ReadOptions& options,
                      const InputSink& sink);

}  // namespace tidings::collect
