#!/usr/bin/env bash
# `tidings extract --json` on the seed page: the issue's acceptance numbers.
source "$(dirname "$0")/lib.bash"
need_shared
seed="$SHARED/seed/seed-article.html"
tidings extract --json "$seed" >"$WORK/seed.json"
check "title" test "$(json_get "$WORK/seed.json" "j['title']")" = \
  "Senior Iranian, Russian diplomats call for cessation of Israel’s atrocities in besieged Gaza"
check "published_at" test "$(json_get "$WORK/seed.json" "j['published_at']")" = "2023-11-01T18:40:00Z"
check "canonical_url" test "$(json_get "$WORK/seed.json" "j['canonical_url']")" = \
  "https://worldnews-today.example/2023/11/01/senior-iranian-russian-diplomats-call-for-cessation/"
check "language" test "$(json_get "$WORK/seed.json" "j['language']")" = "en"
check "source link" test "$(json_get "$WORK/seed.json" \
  "any(l['url']=='https://agency.example/detail/2023/11/01/iran-russia-diplomats-gaza' for l in j['source_links'])")" = True
check "no aggregator footer" test "$(json_get "$WORK/seed.json" \
  "'collected from reliable news agencies' in j['text'] or 'Related posts' in j['text']")" = False
f1=$(python3 - "$WORK/seed.json" "$SHARED/seed/seed-article.expected.txt" <<'PY'
import collections, json, re, sys
got = collections.Counter(re.findall(r"\w+", json.load(open(sys.argv[1]))["text"]))
want = collections.Counter(re.findall(r"\w+", open(sys.argv[2], encoding="utf-8").read()))
tp = sum((got & want).values())
p, r = tp / max(1, sum(got.values())), tp / max(1, sum(want.values()))
print(f"{2*p*r/(p+r) if p+r else 0:.4f}")
PY
)
echo "seed word-level F1: $f1"
check "word F1 >= 0.97" python3 -c "import sys; sys.exit(0 if float('$f1') >= 0.97 else 1)"
# The same page on standard input, with its URL given.
tidings extract --json --url https://worldnews-today.example/x - <"$seed" >"$WORK/stdin.json"
check "stdin url" test "$(json_get "$WORK/stdin.json" "j['url']")" = "https://worldnews-today.example/x"
# Several files: JSON lines in order.
tidings extract --json "$seed" "$seed" >"$WORK/lines.jsonl"
check "json lines" test "$(wc -l <"$WORK/lines.jsonl")" -eq 2
echo "extract_seed: all checks passed"
