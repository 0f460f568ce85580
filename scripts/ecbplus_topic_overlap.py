#!/usr/bin/env python3
"""How alike are the two events of each ECB+ topic, by their words alone?

For every topic of ../shared/data/clustering/ecbplus (README: each topic
holds two real-world events of one kind), the mean TF-IDF cosine of two
reports of the same event ("within") and of two reports of the topic's two
different events ("between"), and their ratio. A ratio near 1 means a
report of the other event is on average about as close as a report of its
own: no clusterer that compares words (or a centroid of them) can keep those
events apart without another signal, such as publication time, which ECB+
does not have. docs/stories.md ("What the words can tell apart") lists the
result beside the topics tidings merges.

The weights are deliberately plain and independent of tidings' own (its
terms, stems and names are in src/cluster/terms.cc): lower-cased words of
three letters or more less a short stop list, title counted three times,
(1 + ln tf) x smoothed idf over all documents, unit length.

Usage: ecbplus_topic_overlap.py [--dataset DIR]
"""
import argparse
import collections
import gzip
import itertools
import json
import math
import os
import re
import sys

STOP = set("""the a an of to in and or for on at by with from is was were be been are as
that this it its he she they his her their has have had not but said says will would can
could after before over about into than more most also who which what when where there them
then up out one two new""".split())


def words(doc):
    text = (doc["title"] + " ") * 3 + doc["text"]
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP and len(w) > 2]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--dataset", default=os.path.join(here, "..", "..", "shared", "data", "clustering", "ecbplus"))
    args = parser.parse_args()
    path = os.path.join(args.dataset, "ecbplus_docs.jsonl.gz")
    if not os.path.exists(path):
        print(f"no {path}", file=sys.stderr)
        return 77
    with gzip.open(path, "rt", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    tf = {d["id"]: collections.Counter(words(d)) for d in docs}
    df = collections.Counter()
    for counts in tf.values():
        df.update(counts.keys())
    n = len(docs)
    vectors = {}
    for doc_id, counts in tf.items():
        v = {w: (1 + math.log(c)) * (math.log((n + 1) / (df[w] + 1)) + 1) for w, c in counts.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors[doc_id] = {w: x / norm for w, x in v.items()}

    def cosine(a, b):
        if len(a) > len(b):
            a, b = b, a
        return sum(x * b.get(w, 0.0) for w, x in a.items())

    topics = collections.defaultdict(list)
    for d in docs:
        topics[d["topic"]].append(d)
    rows = []
    for topic, members in topics.items():
        within, between = [], []
        for a, b in itertools.combinations(members, 2):
            (within if a["cluster"] == b["cluster"] else between).append(cosine(vectors[a["id"]], vectors[b["id"]]))
        w = sum(within) / len(within)
        b = sum(between) / len(between)
        rows.append((b / w, topic, w, b, len(members)))
    print("topic  docs  within  between  between/within")
    for ratio, topic, w, b, size in sorted(rows, reverse=True):
        print(f"{topic:5d}  {size:4d}  {w:6.3f}  {b:7.3f}  {ratio:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
