#!/usr/bin/env bash
# Runs each fuzz target for N seconds on a corpus seeded from the repo's
# sample data (FUZZ_SEEDS=DIR adds seeds for the feed, sitemap, robots and
# OPML targets; FUZZ_TARGETS="feed_fuzz robots_fuzz" runs only those), and
# prints one result line per target.
set -euo pipefail
dir=${1:?fuzz build dir}
seconds=${2:-300}
root=$(cd "$(dirname "$0")/.." && pwd)
targets=${FUZZ_TARGETS:-extract_fuzz warc_fuzz feed_fuzz sitemap_fuzz robots_fuzz opml_fuzz dedup_fuzz facts_fuzz}
for target in $targets; do
  bin="$dir/$target"
  [ -x "$bin" ] || { echo "$target: not built"; continue; }
  corpus="$root/fuzz/corpus-$target"
  mkdir -p "$corpus"
  if [ "$target" = extract_fuzz ]; then
    i=0
    while IFS= read -r f; do cp "$f" "$corpus/sample-$i.html"; i=$((i + 1)); done \
      < <(find "$root/data/sample" -name '*.html' -size -200k | sort | head -50)
  elif [ "$target" = warc_fuzz ]; then
    # The first records of the sample WARC, plain and gzip (the target reads both).
    zcat "$root/data/sample/sample.warc.gz" | head -c 200000 >"$corpus/sample.warc" || true
    head -c 60000 "$root/data/sample/sample.warc.gz" >"$corpus/sample-head.warc.gz"
  elif [ "$target" = dedup_fuzz ]; then
    # A URL, a newline, a text: the sample's page URLs and headlines.
    python3 - "$root/data/sample/manifest.jsonl" "$corpus" <<'PY'
import json, os, sys
for i, line in enumerate(open(sys.argv[1], encoding='utf-8')):
    r = json.loads(line)
    with open(os.path.join(sys.argv[2], f'sample-{i}'), 'w', encoding='utf-8') as f:
        f.write((r.get('url') or '') + '\n' + (r.get('title') or '') + ' ' + (r.get('copy_of') or ''))
PY
  elif [ "$target" = facts_fuzz ]; then
    # Hand-written news text (figures, dates, quotes, other scripts, broken
    # UTF-8: fuzz/seeds-facts) and the sample collection's headlines.
    cp "$root"/fuzz/seeds-facts/*.txt "$corpus/"
    python3 - "$root/data/sample/manifest.jsonl" "$corpus" <<'PY'
import json, os, sys
titles = [json.loads(line).get('title') or '' for line in open(sys.argv[1], encoding='utf-8')]
for i in range(0, len(titles), 10):
    with open(os.path.join(sys.argv[2], f'sample-titles-{i}'), 'w', encoding='utf-8') as f:
        f.write('. '.join(titles[i:i + 10]))
PY
  elif [ -n "${FUZZ_SEEDS:-}" ] && [ -d "$FUZZ_SEEDS" ]; then
    # Feeds, sitemaps, robots.txt and OPML: seeds from a folder the caller
    # names (e.g. ../shared/data/feeds), else libFuzzer starts from nothing.
    # (Read whole, not through `head`: under pipefail, find's SIGPIPE
    # would end the script without a word.)
    mapfile -t seeds < <(find "$FUZZ_SEEDS" -type f -size -64k | sort)
    step=$(( (${#seeds[@]} + 299) / 300 ))  # about 300, spread over the folder
    for ((i = 0; i < ${#seeds[@]}; i += step)); do
      f=${seeds[$i]}
      cp "$f" "$corpus/seed-$(printf '%s' "$f" | md5sum | cut -c1-12)"
    done
  fi
  log="$dir/$target.log"
  if "$bin" "$corpus" -max_total_time="$seconds" -max_len=262144 -rss_limit_mb=2048 \
      -timeout=10 -print_final_stats=1 >"$log" 2>&1; then
    echo "$target: ok, $(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$') runs in ${seconds}s, $(grep -Eo 'cov: [0-9]+' "$log" | tail -1)"
  else
    echo "$target: FAILED, see $log"; tail -30 "$log"; exit 1
  fi
done
