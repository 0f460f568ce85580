#!/usr/bin/python3
"""bench/feeds' driver for feedparser (Debian's python3-feedparser).

    /usr/bin/python3 feedparser_driver.py MANIFEST.json REPEAT OUT.json

MANIFEST.json is [{"key", "set", "path"}, ...]. Every file is read into
memory first, as bytes: feedparser finds the encoding itself (BOM, XML
declaration, then its guesses), inside the timing, as tidings does. Then,
REPEAT times, each set's files go through feedparser.parse(bytes) one after
another under one timer, and each set keeps its best time (wall and CPU). feedparser's
defaults stay on (HTML sanitising and relative-URI resolution are part of
what it does for a caller). OUT.json has the shape of bench/feed_bench.cc's:
{"parser", "version", "runs", "set_seconds", "set_cpu_seconds", "items",
"errors"}.
"""
import gc
import json
import sys
import time

import feedparser


def main():
    manifest_path, repeat, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)
    inputs = []
    for entry in manifest:
        with open(entry['path'], 'rb') as f:
            inputs.append((entry['key'], entry['set'], f.read()))
    sets = list(dict.fromkeys(s for _, s, _ in inputs))

    items = [None] * len(inputs)
    errors, best, best_cpu, runs = {}, {}, {}, []
    for r in range(max(1, repeat)):
        total = 0.0
        for name in sets:
            gc.collect()
            t0, c0 = time.perf_counter(), time.process_time()
            for i, (key, s, data) in enumerate(inputs):
                if s != name:
                    continue
                try:
                    d = feedparser.parse(data)
                    n = len(d.entries)
                except Exception as e:  # a failure is its result for this feed
                    n, err = None, f'{type(e).__name__}: {e}'
                    if r == 0:
                        errors[key] = err
                if r == 0:
                    items[i] = n
            dt, dc = time.perf_counter() - t0, time.process_time() - c0
            total += dt
            best[name] = min(best.get(name, dt), dt)
            best_cpu[name] = min(best_cpu.get(name, dc), dc)
        runs.append(total)

    result = {'parser': 'feedparser', 'version': feedparser.__version__,
              'python': sys.version.split()[0], 'runs': runs, 'set_seconds': best, 'set_cpu_seconds': best_cpu,
              'items': items, 'errors': errors}
    with open(out_path, 'w', encoding='utf-8') as f:
        json.dump(result, f)


if __name__ == '__main__':
    main()
