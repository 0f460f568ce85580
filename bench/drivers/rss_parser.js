#!/usr/bin/env node
// bench/feeds' driver for rss-parser (npm, on xml2js).
//
//   node --expose-gc rss_parser.js MANIFEST.json REPEAT OUT.json
//
// MANIFEST.json is [{"key", "set", "path"}, ...]. Every file is read into
// memory first as a Buffer; then, REPEAT times, each set's files go through
// `await parser.parseString(buffer.toString('utf8'))` one after another under
// one timer (rss-parser takes a string; the decoding is part of the timing),
// and each set keeps its best time (wall, and CPU of the whole process: the
// garbage collector's helper threads count). It reads UTF-8 only: a feed in another
// charset is mis-decoded, which is rss-parser's behaviour, not the bench's.
// OUT.json has the shape of bench/feed_bench.cc's:
// {"parser", "version", "runs", "set_seconds", "set_cpu_seconds", "items", "errors"}.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const Parser = require('rss-parser');

async function main() {
  const [manifestPath, repeatArg, outPath] = process.argv.slice(2);
  const repeat = Math.max(1, parseInt(repeatArg, 10) || 1);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  const inputs = manifest.map((e) => ({ key: e.key, set: e.set, bytes: fs.readFileSync(e.path) }));
  const sets = [...new Set(inputs.map((i) => i.set))];
  const parser = new Parser();

  const items = new Array(inputs.length).fill(null);
  const errors = {};
  const best = {};
  const bestCpu = {};
  const runs = [];
  for (let r = 0; r < repeat; ++r) {
    let total = 0;
    for (const name of sets) {
      if (global.gc) global.gc();
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      for (let i = 0; i < inputs.length; ++i) {
        const input = inputs[i];
        if (input.set !== name) continue;
        let n = null;
        try {
          const feed = await parser.parseString(input.bytes.toString('utf8'));
          n = (feed.items || []).length;
        } catch (e) {  // a failure is its result for this feed
          if (r === 0) errors[input.key] = String(e && e.message || e).slice(0, 300);
        }
        if (r === 0) items[i] = n;
      }
      const dt = (performance.now() - t0) / 1000;
      const cu = process.cpuUsage(c0);
      const dc = (cu.user + cu.system) / 1e6;
      bestCpu[name] = name in bestCpu ? Math.min(bestCpu[name], dc) : dc;
      total += dt;
      best[name] = name in best ? Math.min(best[name], dt) : dt;
    }
    runs.push(total);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('rss-parser')), 'package.json'), 'utf8'));
  fs.writeFileSync(outPath, JSON.stringify({
    parser: 'rss-parser', version: pkg.version, node: process.versions.node,
    runs, set_seconds: best, set_cpu_seconds: bestCpu, items, errors,
  }));
}

main().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
