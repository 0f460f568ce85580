// Index directories (search.h): `<dir>/backend` names the backend, the
// backend keeps its files beside it.
#include <filesystem>
#include <fstream>

#include "search/backends.h"
#include "search/query.h"

namespace tidings::search {

namespace fs = std::filesystem;

const char* backend_name(Backend backend) {
  return backend == Backend::kFts5 ? "fts5" : "xapian";
}

std::optional<Backend> parse_backend(std::string_view name) {
  if (name == "xapian") return Backend::kXapian;
  if (name == "fts5") return Backend::kFts5;
  return std::nullopt;
}

std::string index_dir_for(const std::string& db_path) { return db_path + ".search"; }

Result<int64_t> directory_bytes(const std::string& path) {
  std::error_code ec;
  int64_t total = 0;
  if (fs::is_regular_file(path, ec)) return static_cast<int64_t>(fs::file_size(path, ec));
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) total += static_cast<int64_t>(it->file_size(ec));
  }
  if (ec) return fail(ErrorCode::kIo, "cannot measure " + path + ": " + ec.message());
  return total;
}

Result<void> check_request(const SearchRequest& r) {
  if (r.limit < 1 || r.limit > kMaxLimit) {
    return fail(ErrorCode::kInvalidInput, "limit must be from 1 to " + std::to_string(kMaxLimit));
  }
  if (r.offset < 0 || r.offset > kMaxOffset) {
    return fail(ErrorCode::kInvalidInput, "offset must be from 0 to " + std::to_string(kMaxOffset));
  }
  return check_filters(r.filters);
}

Result<Backend> index_backend(const std::string& dir) {
  std::ifstream in(dir + "/backend");
  std::string name;
  if (!in || !(in >> name)) return fail(ErrorCode::kNotFound, "no search index in " + dir);
  auto backend = parse_backend(name);
  if (!backend) return fail(ErrorCode::kIo, dir + "/backend names an unknown backend: " + name);
  return *backend;
}

Result<std::unique_ptr<SearchIndex>> create_index(const std::string& dir, Backend backend) {
  std::error_code ec;
  if (fs::exists(dir, ec)) return fail(ErrorCode::kInvalidInput, dir + " exists already");
  if (!fs::create_directories(dir, ec)) {
    return fail(ErrorCode::kIo, "cannot create " + dir + ": " + ec.message());
  }
  auto index = backend == Backend::kXapian ? open_xapian(dir, true, true) : open_fts5(dir, true, true);
  if (!index) return index;
  std::ofstream out(dir + "/backend");
  out << backend_name(backend) << "\n";
  if (!out.flush()) return fail(ErrorCode::kIo, "cannot write " + dir + "/backend");
  return index;
}

Result<std::unique_ptr<SearchIndex>> open_index(const std::string& dir, bool writable) {
  auto backend = index_backend(dir);
  if (!backend) return tl::unexpected(backend.error());
  return *backend == Backend::kXapian ? open_xapian(dir, writable, false)
                                      : open_fts5(dir, writable, false);
}

}  // namespace tidings::search
