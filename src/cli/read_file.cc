// Bounded file/stdin reading (see read_file.h).
#include "cli/read_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/cli.h"
#include "collect/http_payload.h"
#include "core/article_json.h"
#include "core/url.h"

namespace tidings::cli {

std::string input_url(const std::string& given, const std::string& path) {
  if (!given.empty()) return given;
  if (path == "-") return "";
  std::error_code ec;
  const auto abs = std::filesystem::absolute(path, ec);
  return file_url(ec ? path : abs.string());
}

void report_input_error(const std::string& path, const Error& error, bool json_line) {
  report_error(path + ": " + error.message);
  if (json_line) {
    std::cout << dump_json({{"file", path},
                            {"error", {{"code", error_code_name(error.code)},
                                       {"message", error.message}}}})
              << "\n";
  }
}

Result<std::string> read_input(const std::string& path, size_t max_bytes) {
  const bool is_stdin = path == "-";
  std::FILE* f = is_stdin ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) return fail(ErrorCode::kIo, path + ": " + std::strerror(errno));
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(is_stdin ? nullptr : f, &std::fclose);
  std::string out;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    out.append(buf, n);
    if (out.size() > max_bytes) {
      return fail(ErrorCode::kTooLarge, (is_stdin ? std::string("stdin") : path) +
                                            ": larger than " + std::to_string(max_bytes) +
                                            " bytes");
    }
  }
  if (std::ferror(f)) return fail(ErrorCode::kIo, path + ": read error");
  return out;
}

Result<std::string> read_gzip_input(const std::string& path, size_t max_bytes) {
  return read_input(path, max_bytes).and_then([&](const std::string& bytes) {
    return collect::inflate_bounded(bytes, /*raw=*/false, max_bytes);
  });
}

}  // namespace tidings::cli
