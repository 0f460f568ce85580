// libFuzzer target for the facts pass (src/facts/article_facts.h): any
// bytes as an article's text, with or without a publication time taken
// from the first byte, through every extractor and the JSON they print.
// The tagger and the gazetteer are loaded once (the gazetteer when the
// build made one).
#include <cstddef>
#include <cstdint>
#include <string>

#include "facts/article_facts.h"

namespace {

const tidings::facts::FactsModels* models() {
  static const tidings::facts::FactsModels* m = [] {
    auto loaded = tidings::facts::load_facts_models(/*gazetteer_optional=*/true);
    if (!loaded) __builtin_trap();  // the committed tagger must load
    return new tidings::facts::FactsModels(std::move(*loaded));
  }();
  return m;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::optional<tidings::facts::PublicationTime> published;
  if (size > 0 && data[0] % 2 == 0) {
    // A time anywhere from 1970 to 2100 with an offset of -12 h to +14 h.
    published = tidings::facts::PublicationTime{
        tidings::Instant(std::chrono::seconds(static_cast<int64_t>(data[0]) * 16'000'000)),
        static_cast<int32_t>(data[0] % 53) * 30 - 720};
  }
  std::string text(reinterpret_cast<const char*>(data), size);
  const tidings::facts::FactSet found = tidings::facts::extract_facts(std::move(text), published, *models());
  const nlohmann::json facts = tidings::facts::facts_json(found);
  (void)facts.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return 0;
}
