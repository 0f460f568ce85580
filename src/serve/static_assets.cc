// The static files' lookup (see static_assets.h): the generated table of
// embedded files plus the stylesheet and icon of style.cc, versioned by
// their xxHash.
#include "serve/static_assets.h"

#include <xxhash.h>

#include <array>
#include <cstdio>
#include <vector>

#include "serve/pages.h"

namespace tidings::serve {

// Written by scripts/embed_static.py into the build tree.
extern const StaticFile kEmbeddedFiles[];
extern const size_t kEmbeddedFileCount;

namespace {

std::string hash_version(std::string_view body) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx",
                static_cast<unsigned long long>(XXH64(body.data(), body.size(), 0)));
  return std::string(buf, 12);
}

struct OwnFiles {
  std::string style_version = hash_version(style_css());
  std::string icon_version = hash_version(favicon_svg());
  std::array<StaticFile, 2> files{{
      {"style.css", "text/css; charset=utf-8", style_css(), style_version},
      {"favicon.svg", "image/svg+xml", favicon_svg(), icon_version},
  }};
};

const OwnFiles& own_files() {
  static const OwnFiles files;  // built once, thread-safe (C++11 statics)
  return files;
}

}  // namespace

const StaticFile* find_static_file(std::string_view path) {
  for (const StaticFile& f : own_files().files) {
    if (f.path == path) return &f;
  }
  for (size_t i = 0; i < kEmbeddedFileCount; ++i) {
    if (kEmbeddedFiles[i].path == path) return &kEmbeddedFiles[i];
  }
  return nullptr;
}

std::string static_href(std::string_view path) {
  std::string href = "/static/" + std::string(path);
  if (const StaticFile* f = find_static_file(path)) href += "?v=" + std::string(f->version);
  return href;
}

}  // namespace tidings::serve
