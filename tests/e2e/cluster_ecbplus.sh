#!/usr/bin/env bash
# `tidings cluster` is the clusterer `tidings eval stories` scores: on the
# ECB+ documents in MD5-of-id order it gives the very same stories.
source "$(dirname "$0")/lib.bash"
need_shared
data="$SHARED/clustering/ecbplus"
[ -f "$data/ecbplus_docs.jsonl.gz" ] || { echo "SKIP: $data is absent"; exit 77; }
tidings eval stories --dataset "$data" --predictions "$WORK/eval.jsonl" >/dev/null
python3 - "$data/ecbplus_docs.jsonl.gz" "$WORK/in.jsonl" <<'PY'
import gzip, hashlib, json, sys
docs = [json.loads(l) for l in gzip.open(sys.argv[1], 'rt')]
docs.sort(key=lambda d: hashlib.md5(d['id'].encode()).hexdigest())
with open(sys.argv[2], 'w') as f:
    for d in docs:
        f.write(json.dumps({'id': d['id'], 'title': d['title'], 'text': d['text']}) + '\n')
PY
tidings cluster --language en "$WORK/in.jsonl" >"$WORK/out.jsonl"
python3 - "$WORK/eval.jsonl" "$WORK/out.jsonl" <<'PY'
import json, sys
want = [(r['id'], r['story']) for r in map(json.loads, open(sys.argv[1])) if r['split'] == 'all']
got = [(r['id'], r['story']) for r in map(json.loads, open(sys.argv[2]))]
assert len(got) == 772, len(got)
assert got == want, next((g, w) for g, w in zip(got, want) if g != w)
print('ok: tidings cluster gives the stories eval scores, all 772')
PY
echo "PASS"
