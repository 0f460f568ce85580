#!/usr/bin/env node
// bench/extract's driver for Mozilla's Readability.js on jsdom.
//
//   node --expose-gc readability_js.js MANIFEST.json REPEAT OUT.json
//
// MANIFEST.json is [{"key", "path", "url", "charset"}, ...]. All pages are read
// into memory first (as a string when "charset" is given, else as a Buffer
// whose encoding jsdom sniffs itself, BOM then <meta>, inside the timing); then, REPEAT times, each page is timed on its own for
//   new JSDOM(html, {url}) + new Readability(document, {serializer}).parse()
// (jsdom's parse is part of this peer's cost: Readability.js needs a DOM).
// Closing the window afterwards is not timed. The best run's total is reported.
//
// Text: Readability's `serializer` option turns the article element into
// text straight from the DOM (no re-parse): a blank line around
// paragraph-like blocks, a newline around other blocks and <br>, a space
// between table cells, whitespace collapsed -- the layout of the benchmark's
// html_text, the same as the readability-lxml driver. article.textContent
// (what the upstream benchmark's readability_js used; it glues the words of
// adjacent blocks together) is kept too, as "texts_textContent".
'use strict';
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const NEWLINE_TAGS = new Set(['article', 'aside', 'br', 'dd', 'details', 'div', 'dt', 'fieldset',
  'figcaption', 'footer', 'form', 'header', 'hr', 'legend', 'li', 'main', 'nav', 'table', 'tr',
  'section', 'address', 'caption', 'summary']);
const DOUBLE_NEWLINE_TAGS = new Set(['blockquote', 'dl', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'ol', 'p', 'pre', 'title', 'ul']);
const CELL_TAGS = new Set(['td', 'th']);
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head']);

function walk(node, out) {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3 || c.nodeType === 4) { out.push(c.data); continue; }
    if (c.nodeType !== 1) continue;
    const tag = c.localName;
    if (SKIP_TAGS.has(tag)) continue;
    const sep = DOUBLE_NEWLINE_TAGS.has(tag) ? '\n\n' : NEWLINE_TAGS.has(tag) ? '\n'
      : CELL_TAGS.has(tag) ? ' ' : '';
    out.push(sep);
    walk(c, out);
    out.push(sep);
  }
}

function normalise(text) {
  const lines = text.replace(/\r/g, '\n').split('\n')
    .map((l) => l.replace(/[ \t\f\v\u00a0]+/g, ' ').trim());
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

function blockText(el) {
  const out = [];
  walk(el, out);
  return normalise(out.join(''));
}

function main() {
  const [manifestPath, repeatArg, outPath] = process.argv.slice(2);
  const repeat = Math.max(1, parseInt(repeatArg, 10) || 1);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  const pages = manifest.map((p) => ({
    key: p.key,
    url: p.url || 'https://example.invalid/',
    html: p.charset ? new TextDecoder(p.charset).decode(fs.readFileSync(p.path)) : fs.readFileSync(p.path),
  }));
  const virtualConsole = new VirtualConsole(); // drop jsdom's CSS/parse complaints
  const runs = [];
  let best = null; let bestPageSeconds = null;
  const texts = {}; const textsTextContent = {}; const errors = {};
  for (let r = 0; r < repeat; r++) {
    if (global.gc) global.gc();
    const pageSeconds = {};
    let total = 0;
    for (const { key, url, html } of pages) {
      let dom = null; let text = ''; let tc = ''; let err = null;
      const t0 = performance.now();
      try {
        dom = new JSDOM(html, { url, virtualConsole });
        const article = new Readability(dom.window.document, { serializer: blockText }).parse();
        if (article) { text = article.content || ''; tc = article.textContent || ''; }
      } catch (e) {
        err = String(e && e.stack ? e.stack.split('\n')[0] : e);
      }
      const dt = (performance.now() - t0) / 1000;
      total += dt;
      pageSeconds[key] = dt;
      if (dom) dom.window.close();
      if (r === 0) {
        texts[key] = text; textsTextContent[key] = tc;
        if (err) errors[key] = err;
      }
    }
    runs.push(total);
    if (best === null || total < best) { best = total; bestPageSeconds = pageSeconds; }
  }
  const version = (name) => {
    try { return require(`${name}/package.json`).version; } catch (e) { return 'unknown'; }
  };
  const result = {
    extractor: 'Readability.js',
    version: version('@mozilla/readability'),
    jsdom: version('jsdom'),
    node: process.version,
    runs,
    seconds: best,
    page_seconds: bestPageSeconds,
    texts,
    texts_textContent: textsTextContent,
    errors,
  };
  fs.writeFileSync(outPath, JSON.stringify(result));
}

main();
