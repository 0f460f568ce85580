#!/usr/bin/env python3
"""tidings' body-text score on the Scrapinghub DEV pages must stay at the
goal of issue 5 (F1 >= 0.975, precision >= 0.97), so that a change that
makes extraction worse fails the suite. Runs
`tidings eval extraction --dataset DIR --json`.

Environment: TIDINGS_BIN, TIDINGS_SOURCE_DIR, TIDINGS_SHARED_DATA. Exits 77
(skipped) when the benchmark folder is absent."""
import json
import os
import subprocess
import sys
from pathlib import Path

SOURCE = Path(os.environ.get('TIDINGS_SOURCE_DIR', Path(__file__).resolve().parents[2]))
SHARED = Path(os.environ.get('TIDINGS_SHARED_DATA', SOURCE.parent / 'shared' / 'data'))
DATASET = SHARED / 'extraction' / 'scrapinghub'
BIN = os.environ.get('TIDINGS_BIN', str(SOURCE / 'build' / 'tidings'))

GOAL = {'f1': 0.975, 'precision': 0.97}


def main():
    if not (DATASET / 'ground-truth.json').is_file():
        print(f'skipped: {DATASET} absent')
        return 77
    proc = subprocess.run([BIN, 'eval', 'extraction', '--dataset', str(DATASET), '--json'],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f'tidings eval extraction failed ({proc.returncode}): {proc.stderr.strip()}')
    got = json.loads(proc.stdout)
    print(f"F1 {got['f1']:.4f} P {got['precision']:.4f} R {got['recall']:.4f} "
          f"accuracy {got['accuracy']:.3f} on {got['documents']} pages")
    low = [f'{k} {got[k]:.4f} < {v}' for k, v in GOAL.items() if got[k] < v]
    for line in low:
        print('below the goal:', line)
    return 1 if low else 0


if __name__ == '__main__':
    sys.exit(main())
