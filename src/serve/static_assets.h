// The files served under /static/: the stylesheet and icon (style.cc), our
// scripts (web/src/*.js) and the chart and map libraries from npm
// (web/package.json), embedded at build time by scripts/embed_static.py so
// the server reads no files and loads nothing from elsewhere.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tidings::serve {

struct StaticFile {
  std::string_view path;          ///< under /static/: "charts.js", "vendor/uPlot.iife.min.js"
  std::string_view content_type;  ///< with its charset where it has one
  std::string_view body;
  std::string_view version;       ///< a hash of the body: the ?v= of static_href
};

/// The file served at /static/`path`, or nullptr. Thread-safe.
const StaticFile* find_static_file(std::string_view path);

/// "/static/`path`?v=VERSION": the URL pages use, safe to cache for a year
/// since a changed file gets a new one. The path alone when unknown.
std::string static_href(std::string_view path);

}  // namespace tidings::serve
