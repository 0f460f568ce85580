// bench/extract's memory driver: the peak heap each page's extraction
// takes, measured exactly rather than read off the process's resident set
// (which also counts the pages of ICU's and CLD2's tables as they are first
// touched, whatever the page).
//
//   tidings_extract_memory FILE...
//
// Prints one JSON object per file: {"file", "bytes", "peak_heap_bytes",
// "retained_bytes", "ok"}. peak_heap_bytes is the highest live heap during
// extract_article above the heap before it; retained_bytes what is still
// allocated after the result is destroyed (a leak would show here).
//
// How: this program defines malloc, free, calloc, realloc and the aligned
// allocators, as glibc allows a program to ("Replacing malloc" in its
// manual); each counts the usable size of the block and hands the call to
// glibc's own allocator (__libc_malloc and kin). Everything allocates
// through them: C++ new, libxml2, ICU, CLD2, zlib.
#include <malloc.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "extract/extract.h"

extern "C" {
void* __libc_malloc(size_t);
void __libc_free(void*);
void* __libc_calloc(size_t, size_t);
void* __libc_realloc(void*, size_t);
void* __libc_memalign(size_t, size_t);
}

namespace {

std::atomic<long long> g_live{0};
std::atomic<long long> g_peak{0};

void count_alloc(void* p) {
  if (p == nullptr) return;
  const long long now = g_live.fetch_add(static_cast<long long>(malloc_usable_size(p))) +
                        static_cast<long long>(malloc_usable_size(p));
  long long peak = g_peak.load(std::memory_order_relaxed);
  while (now > peak && !g_peak.compare_exchange_weak(peak, now)) {
  }
}

void count_free(void* p) {
  if (p != nullptr) g_live.fetch_sub(static_cast<long long>(malloc_usable_size(p)));
}

}  // namespace

extern "C" {

void* malloc(size_t n) {
  void* p = __libc_malloc(n);
  count_alloc(p);
  return p;
}

void free(void* p) {
  count_free(p);
  __libc_free(p);
}

void* calloc(size_t n, size_t size) {
  void* p = __libc_calloc(n, size);
  count_alloc(p);
  return p;
}

void* realloc(void* old, size_t n) {
  count_free(old);
  void* p = __libc_realloc(old, n);
  if (p == nullptr && n != 0 && old != nullptr) {
    g_live.fetch_add(static_cast<long long>(malloc_usable_size(old)));  // the old block stays
    return nullptr;
  }
  count_alloc(p);
  return p;
}

void* memalign(size_t alignment, size_t n) {
  void* p = __libc_memalign(alignment, n);
  count_alloc(p);
  return p;
}

void* aligned_alloc(size_t alignment, size_t n) { return memalign(alignment, n); }

int posix_memalign(void** out, size_t alignment, size_t n) {
  void* p = memalign(alignment, n);
  if (p == nullptr) return ENOMEM;
  *out = p;
  return 0;
}

void* valloc(size_t n) { return memalign(4096, n); }
void* pvalloc(size_t n) { return memalign(4096, (n + 4095) & ~static_cast<size_t>(4095)); }

}  // extern "C"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: tidings_extract_memory FILE...\n";
    return 2;
  }
  for (int i = 1; i < argc; ++i) {
    std::string bytes;
    {
      std::ifstream in(argv[i], std::ios::binary);
      if (!in) {
        std::cerr << "cannot read " << argv[i] << "\n";
        return 2;
      }
      std::ostringstream buf;
      buf << in.rdbuf();
      bytes = std::move(buf).str();
    }
    tidings::ExtractOptions options;
    options.url = "https://bench.example/page";
    const long long before = g_live.load();
    g_peak.store(before);
    bool ok = false;
    {
      auto result = tidings::extract_article(bytes, options);
      ok = result.has_value();
    }
    const long long peak = g_peak.load() - before;
    const long long retained = g_live.load() - before;
    std::printf("{\"file\":\"%s\",\"bytes\":%zu,\"peak_heap_bytes\":%lld,\"retained_bytes\":%lld,\"ok\":%s}\n",
                argv[i], bytes.size(), peak, retained, ok ? "true" : "false");
  }
  return 0;
}
