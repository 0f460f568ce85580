// The store's numbered migrations (docs/store.md). Each is applied once, in
// order, inside one transaction, and recorded in schema_migrations; a
// database newer than this build is refused rather than misread.
#pragma once

#include <string_view>
#include <vector>

namespace tidings {

struct Migration {
  int version;
  std::string_view sql;
};

const std::vector<Migration>& migrations();

}  // namespace tidings
