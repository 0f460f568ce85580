#!/usr/bin/env python3
"""Throwaway scorer: the Scrapinghub benchmark metric as its README states it
(\\w+ tokens, 4-token shingles, per-document normalised tp/fp/fn, macro P and
R, F1 of the averages). Also prints a bag-of-words F1 and the worst pages.
usage: score_scrapinghub.py GROUND_TRUTH.json PRED.json [--worst N]"""
import json, re, sys
from collections import Counter

def tokens(t): return re.findall(r'\w+', t)

def shingles(toks):
    return Counter(tuple(toks[i:i + 4]) for i in range(max(1, len(toks) - 3))) if toks else Counter()

def prf(true_c, pred_c):
    tp = fp = fn = 0
    for k in set(true_c) | set(pred_c):
        t, p = true_c.get(k, 0), pred_c.get(k, 0)
        tp += min(t, p); fp += max(0, p - t); fn += max(0, t - p)
    s = tp + fp + fn
    if s > 0: tp, fp, fn = tp / s, fp / s, fn / s
    return tp, fp, fn

def main():
    truth = json.load(open(sys.argv[1])); pred = json.load(open(sys.argv[2]))
    worst = int(sys.argv[sys.argv.index('--worst') + 1]) if '--worst' in sys.argv else 10
    ps, rs, rows, exact, bow = [], [], [], 0, []
    for k, v in truth.items():
        tt, pt = tokens(v['articleBody']), tokens(pred.get(k, {}).get('articleBody', ''))
        exact += tt == pt
        tp, fp, fn = prf(shingles(tt), shingles(pt))
        p = 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))
        r = 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))
        if tp + fp > 0: ps.append(p)
        if tp + fn > 0: rs.append(r)
        btp, bfp, bfn = prf(Counter(tt), Counter(pt))
        bp = btp / (btp + bfp) if btp + bfp else 0; br = btp / (btp + bfn) if btp + bfn else 0
        bow.append(2 * bp * br / (bp + br) if bp + br else 0)
        rows.append((2 * p * r / (p + r) if p + r else 0, p, r, k, v['url']))
    P, R = sum(ps) / len(ps), sum(rs) / len(rs)
    print(f"F1 {2*P*R/(P+R):.4f}  P {P:.4f}  R {R:.4f}  accuracy {exact/len(truth):.3f}  "
          f"bag-of-words F1 (mean) {sum(bow)/len(bow):.4f}  docs {len(truth)}")
    for f, p, r, k, u in sorted(rows)[:worst]:
        print(f"  {f:.3f} P {p:.3f} R {r:.3f} {k[:12]} {u}")

main()
