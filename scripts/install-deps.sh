#!/usr/bin/env bash
# Installs every Debian package that building, testing, benchmarking, fuzzing
# and running the demo of tidings need. Safe to run again: it asks apt only
# for what is missing, so a machine that has everything pays one dpkg query.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git ca-certificates
  # libraries (see docs/dependencies.md for why each)
  libxml2-dev libicu-dev libuchardet-dev libcld2-dev
  libsqlite3-dev libzstd-dev zlib1g-dev libxxhash-dev
  libcurl4-openssl-dev libcli11-dev nlohmann-json3-dev libfmt-dev
  libcpp-httplib-dev libexpected-dev libpsl-dev libstemmer-dev libssl-dev libabsl-dev
  # the gazetteer's sources (scripts/build_gazetteer.py, docs/geo.md)
  libgeonames0 iso-codes
  # tests, benchmarks, fuzzing
  libgtest-dev libgmock-dev libbenchmark-dev sqlite3 curl openssl nghttp2-server
  clang-14 libclang-rt-14-dev
  # peers measured by bench/extract and bench/feeds; bench/crawl's peak RSS
  python3 python3-readability python3-feedparser time
  # feed readers that read tidings' own feeds (tests/e2e/feeds_out.sh)
  newsboat
  # full-text search (src/search, docs/search.md); bench/search's HTTP load
  libxapian-dev wrk
  # the browser test (tests/e2e/browser.sh): headless chromium and a font
  chromium fonts-dejavu-core
)
# Node.js and npm (bench peers, later the web front end): the machine's own
# Node.js may come from elsewhere with npm inside it, so only ask Debian when
# there is no npm at all.
if ! command -v npm >/dev/null 2>&1; then packages+=(nodejs npm); fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
