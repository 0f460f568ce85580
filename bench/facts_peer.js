// The peer of bench/facts: compromise (npm, MIT) tags people, places and
// organisations in the same texts tidings reads. Input: JSON lines
// {"id", "text"} on stdin. Output: one JSON line per input
// {"id", "entities": [[start, end, "PER"|"LOC"|"ORG"], ...]} with UTF-16
// code-unit offsets (JavaScript's), then a last line
// {"seconds": CPU seconds spent tagging (input parsing excluded), "documents": n}.
'use strict';
const nlp = require('compromise');
const readline = require('readline');

const kinds = [['PER', 'people'], ['LOC', 'places'], ['ORG', 'organizations']];
// compromise's spans may carry the punctuation that follows a word ("Khaji,").
const trailing = /[\s.,;:!?'"\u2019\u201d)\]]+$/;

function tag(text) {
  const doc = nlp(text);
  const out = [];
  for (const [kind, method] of kinds) {
    for (const m of doc[method]().json({offset: true})) {
      const start = m.offset.start;
      let surface = text.slice(start, start + m.offset.length);
      surface = surface.replace(trailing, '');
      if (surface.endsWith("'s") || surface.endsWith('\u2019s')) surface = surface.slice(0, -2);
      if (surface.length > 0) out.push([start, start + surface.length, kind]);
    }
  }
  return out;
}

async function main() {
  const lines = readline.createInterface({input: process.stdin, crlfDelay: Infinity});
  const docs = [];
  for await (const line of lines) {
    if (line.trim()) docs.push(JSON.parse(line));
  }
  const results = [];
  const begin = process.cpuUsage();
  for (const d of docs) results.push({id: d.id, entities: tag(d.text)});
  const used = process.cpuUsage(begin);
  for (const r of results) process.stdout.write(JSON.stringify(r) + '\n');
  process.stdout.write(JSON.stringify({seconds: (used.user + used.system) / 1e6, documents: docs.length}) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
