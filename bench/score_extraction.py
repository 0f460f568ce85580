#!/usr/bin/env python3
"""Word-shingle score of extracted article bodies, as the Zyte/Scrapinghub
article-extraction benchmark's evaluate.py computes it.

    score_extraction.py GROUND_TRUTH.json PREDICTIONS.json [--bootstrap N] [--json]

Both files are {"<id>": {"articleBody": "<text>", ...}, ...}; a prediction file
may also be wrapped as {"version": ..., "output": {...}}. The prediction must
hold exactly the ground truth's ids (as upstream requires). Prints
"F1 P R accuracy" (and the bootstrap standard deviations with --bootstrap).

The metric (see ../shared/data/extraction/scrapinghub/README.md):
  * tokens: re.findall(r'\\w+', text) (Unicode \\w, case kept);
  * shingles: the multiset of consecutive 4-token tuples tokens[i:i+4] for
    i in range(max(1, n-3)) (1-3 tokens: one short shingle; 0 tokens: none);
  * per document, over the union of shingles: tp += min(t, p),
    fp += max(0, p-t), fn += max(0, t-p); then each divided by tp+fp+fn;
  * per-doc precision tp/(tp+fp), recall tp/(tp+fn), with fp == fn == 0 -> 1,
    tp == fp == 0 -> precision 0, tp == fn == 0 -> recall 0;
  * P = mean precision over docs with tp+fp > 0, R = mean recall over docs
    with tp+fn > 0, F1 = 2PR/(P+R) of those means;
  * accuracy = share of docs whose token list equals the truth's.

Standard library only, so any Python 3 can run it.
"""
import argparse
import json
import random
import re
import statistics
import sys
from collections import Counter

# Upstream compiles with UNICODE|MULTILINE|IGNORECASE|DOTALL; none of the
# extra flags changes what \w+ matches.
_TOKEN_RE = re.compile(r'\w+', re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def tokenize(text):
    return _TOKEN_RE.findall(text or '')


def shingles(text, n=4):
    tokens = tokenize(text)
    out = []
    for i in range(0, max(1, len(tokens) - n + 1)):
        sh = tuple(tokens[i:i + n])
        if sh:
            out.append(sh)
    return Counter(out)


def shingle_matching(true, pred, n=4):
    """Normalised (tp, fp, fn) of one document."""
    ts = shingles(true, n)
    ps = shingles(pred, n)
    tp = fp = fn = 0.0
    for key in set(ts) | set(ps):
        t = ts.get(key, 0)
        p = ps.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    s = tp + fp + fn
    if s > 0:
        tp, fp, fn = tp / s, fp / s, fn / s
    return tp, fp, fn


def precision_score(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall_score(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def _mean(values):
    return statistics.mean(values) if values else 0.0


def metrics_from_tp_fp_fns(tp_fp_fns):
    precision = _mean([precision_score(*x) for x in tp_fp_fns if x[0] + x[1] > 0])
    recall = _mean([recall_score(*x) for x in tp_fp_fns if x[0] + x[2] > 0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return {'f1': f1, 'precision': precision, 'recall': recall}


def unwrap(prediction):
    if isinstance(prediction, dict) and 'output' in prediction and isinstance(prediction['output'], dict) \
            and set(prediction) <= {'version', 'output'}:
        return prediction['output']
    return prediction


def evaluate(ground_truth, prediction, n_bootstrap=0, seed=0, strict=True):
    """Metrics of prediction against ground_truth (both id -> {"articleBody": ...}).

    With strict (upstream's behaviour) the id sets must be equal; otherwise
    ids missing from the prediction count as empty predictions and extra ids
    are ignored."""
    prediction = unwrap(prediction)
    if strict and set(ground_truth) != set(prediction):
        missing = sorted(set(ground_truth) - set(prediction))
        extra = sorted(set(prediction) - set(ground_truth))
        raise ValueError('prediction ids do not match ground truth '
                         f'({len(missing)} missing, {len(extra)} extra)')
    tp_fp_fns = []
    accuracies = []
    for key in sorted(ground_truth):
        true = (ground_truth[key] or {}).get('articleBody', '') or ''
        pred = (prediction.get(key) or {}).get('articleBody', '') or ''
        tp_fp_fns.append(shingle_matching(true, pred))
        accuracies.append(float(tokenize(true) == tokenize(pred)))
    metrics = metrics_from_tp_fp_fns(tp_fp_fns)
    metrics['accuracy'] = _mean(accuracies)
    metrics['docs'] = len(tp_fp_fns)
    if n_bootstrap > 0 and tp_fp_fns:
        rng = random.Random(seed)
        n = len(tp_fp_fns)
        values = {}
        for _ in range(n_bootstrap):
            idx = [rng.randrange(n) for _ in range(n)]
            b = metrics_from_tp_fp_fns([tp_fp_fns[i] for i in idx])
            b['accuracy'] = _mean([accuracies[i] for i in idx])
            for k, v in b.items():
                values.setdefault(k, []).append(v)
        for k, vs in values.items():
            metrics[k + '_std'] = statistics.stdev(vs) if len(vs) > 1 else 0.0
    return metrics


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('ground_truth')
    ap.add_argument('predictions')
    ap.add_argument('--bootstrap', type=int, default=0, metavar='N',
                    help='also print the std of each metric over N bootstrap resamples (upstream uses 1000)')
    ap.add_argument('--json', action='store_true', help='print the metrics as JSON')
    args = ap.parse_args(argv)
    with open(args.ground_truth, encoding='utf-8') as f:
        gt = json.load(f)
    with open(args.predictions, encoding='utf-8') as f:
        pred = json.load(f)
    try:
        m = evaluate(gt, pred, n_bootstrap=args.bootstrap)
    except ValueError as e:
        print(f'score_extraction: {e}', file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(m, indent=2))
    elif args.bootstrap > 0:
        print('F1 %.3f ± %.3f  P %.3f ± %.3f  R %.3f ± %.3f  accuracy %.3f ± %.3f' % (
            m['f1'], m['f1_std'], m['precision'], m['precision_std'],
            m['recall'], m['recall_std'], m['accuracy'], m['accuracy_std']))
    else:
        print('F1 %.3f  P %.3f  R %.3f  accuracy %.3f' % (
            m['f1'], m['precision'], m['recall'], m['accuracy']))
    return 0


if __name__ == '__main__':
    sys.exit(main())
