// Throwaway: prints extract_article's result for one file (plain or .gz) as JSON.
// Build like scrapinghub_dump.cc; usage: extract_one FILE [URL]
#include <zlib.h>

#include <iostream>
#include <string>

#include "core/article_json.h"
#include "extract/extract.h"

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  gzFile f = gzopen(argv[1], "rb");
  if (f == nullptr) return 1;
  std::string html;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) html.append(buf, static_cast<size_t>(n));
  gzclose(f);
  tidings::ExtractOptions options;
  if (argc > 2) options.url = argv[2];
  auto r = tidings::extract_article(html, options);
  if (!r) {
    std::cout << "error: " << r.error().message << "\n";
    return 1;
  }
  auto j = tidings::article_to_json(r->article);
  j["warnings"] = r->warnings;
  std::cout << tidings::dump_json(j, 2) << "\n";
  return 0;
}
