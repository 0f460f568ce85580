// charts.js: draws every <div class="chart" data-chart-kind="..."
// data-chart-src="URL"> with uPlot (npm "uplot", loaded only when a page has
// a chart) from the same-origin JSON at URL:
//   kind "attention": /api/attention — one line per query, articles per
//     bucket by default, with a switch to outlets (docs/api.md);
//   kind "coverage": /api/stories/{id} — the story's articles (bars) and
//     outlets (line) per bucket of its "coverage".
// What the div held (a server-drawn SVG, a message) stays when JavaScript,
// the fetch or the data fails. Values reach the page as text only (no
// innerHTML). The pure functions below are exported for node's tests.
(function (root) {
  'use strict';

  var PALETTE = ['#1a56b8', '#b4481f', '#2e8b57', '#8e44ad', '#a07800', '#00838f', '#c2185b',
                 '#5d6d7e'];
  var MAX_SERIES = 12;
  var MAX_BUCKETS = 10000;

  function isArray(x) { return Array.isArray(x); }

  // RFC 3339 text to Unix seconds; NaN when it is not one.
  function toSeconds(text) {
    if (typeof text !== 'string') return NaN;
    var ms = Date.parse(text);
    return isFinite(ms) ? ms / 1000 : NaN;
  }

  function count(x) {
    return typeof x === 'number' && isFinite(x) && x >= 0 ? x : 0;
  }

  // The attention JSON ({interval, from, to, buckets, series: [{query,
  // articles, outlets, total_articles}]}) as uPlot data: x in seconds and
  // one array per series of `measure` ("articles" or "outlets"). Throws on
  // a shape it cannot draw.
  function attentionData(json, measure) {
    if (!json || !isArray(json.buckets) || !isArray(json.series)) {
      throw new Error('attention: buckets and series are required');
    }
    if (measure !== 'articles' && measure !== 'outlets') {
      throw new Error('attention: measure must be articles or outlets');
    }
    var n = Math.min(json.buckets.length, MAX_BUCKETS);
    var x = [];
    for (var i = 0; i < n; i++) {
      var t = toSeconds(json.buckets[i]);
      if (isNaN(t)) throw new Error('attention: bucket ' + i + ' is not a time');
      x.push(t);
    }
    var series = [];
    json.series.slice(0, MAX_SERIES).forEach(function (s) {
      var values = isArray(s && s[measure]) ? s[measure] : [];
      var ys = [];
      for (var k = 0; k < n; k++) ys.push(count(values[k]));
      // A count stopped at the server's time bound is a lower bound: say so.
      var label = String(s && s.query != null ? s.query : '') + (s && s.complete === false ? ' (at least)' : '');
      series.push({label: label, values: ys,
                   total: count(s && s.total_articles)});
    });
    return {interval: json.interval === 'hour' ? 'hour' : 'day', x: x, series: series};
  }

  // A story's JSON (/api/stories/{id}: coverage {bucket, buckets: [{start,
  // articles, outlets}]}) as uPlot data.
  function coverageData(json) {
    var cov = json && json.coverage;
    if (!cov || !isArray(cov.buckets)) throw new Error('coverage: coverage.buckets is required');
    var x = [], articles = [], outlets = [];
    cov.buckets.slice(0, MAX_BUCKETS).forEach(function (b, i) {
      var t = toSeconds(b && b.start);
      if (isNaN(t)) throw new Error('coverage: bucket ' + i + ' is not a time');
      x.push(t);
      articles.push(count(b.articles));
      outlets.push(count(b.outlets));
    });
    return {interval: cov.bucket === 'hour' ? 'hour' : 'day', x: x,
            series: [{label: 'articles', values: articles}, {label: 'outlets', values: outlets}]};
  }

  var api = {attentionData: attentionData, coverageData: coverageData, toSeconds: toSeconds};
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
    return;
  }
  root.TidingsCharts = api;
  if (typeof document === 'undefined') return;

  // ---- In the browser ----------------------------------------------------

  var script = document.currentScript;
  var uplotReady = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.appendChild(s);
    });
  }

  function loadUplot() {
    if (!uplotReady) {
      var css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = script.dataset.uplotCss;
      document.head.appendChild(css);
      uplotReady = loadScript(script.dataset.uplot);
    }
    return uplotReady;
  }

  function cssVar(name, fallback) {
    var v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return v || fallback;
  }

  function message(el, text) {
    var p = document.createElement('p');
    p.className = 'chart-message';
    p.textContent = text;
    el.replaceChildren(p);
  }

  function axes() {
    var fg = cssVar('--muted', '#5f6368');
    var grid = cssVar('--line', '#e3e3de');
    var axis = {stroke: fg, grid: {stroke: grid, width: 1}, ticks: {stroke: grid, width: 1}};
    return [Object.assign({}, axis), Object.assign({size: 44}, axis)];
  }

  function sizeOf(el) {
    return {width: Math.max(200, el.clientWidth), height: Math.max(120, el.clientHeight - 40)};
  }

  // Draws `data` into `el`; returns the uPlot instance.
  function draw(el, data, bars) {
    var size = sizeOf(el);
    var series = [{}];
    data.series.forEach(function (s, i) {
      var color = PALETTE[i % PALETTE.length];
      var one = {label: s.label, stroke: color, width: 2,
                 points: {show: data.x.length <= 60, size: 5, fill: color}};
      if (bars && i === 0) {
        one.fill = color + '55';
        one.paths = root.uPlot.paths.bars({size: [0.7, 40]});
        one.points = {show: false};
      }
      series.push(one);
    });
    // Half a bucket either side, so the first and last bars show whole.
    var half = (data.interval === 'hour' ? 3600 : 86400) / 2;
    var xScale = {time: true};
    if (bars) xScale.range = function (u, min, max) { return [min - half, max + half]; };
    var opts = {
      width: size.width, height: size.height,
      scales: {x: xScale, y: {range: function (u, min, max) { return [0, Math.max(1, max)]; }}},
      series: series, axes: axes(), legend: {show: true},
      cursor: {points: {show: true}},
    };
    el.replaceChildren();
    var plot = new root.uPlot(opts, [data.x].concat(data.series.map(function (s) { return s.values; })), el);
    if (typeof ResizeObserver !== 'undefined') {
      new ResizeObserver(function () {
        var now = sizeOf(el);
        if (now.width !== plot.width) plot.setSize(now);
      }).observe(el);
    }
    return plot;
  }

  // The articles/outlets switch above an attention chart.
  function measureSwitch(el, onPick) {
    var group = document.createElement('div');
    group.className = 'chart-switch';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', 'Count');
    var buttons = ['articles', 'outlets'].map(function (measure) {
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = measure === 'articles' ? 'Articles' : 'Outlets';
      b.setAttribute('aria-pressed', measure === 'articles' ? 'true' : 'false');
      b.addEventListener('click', function () {
        buttons.forEach(function (o) { o.setAttribute('aria-pressed', o === b ? 'true' : 'false'); });
        onPick(measure);
      });
      group.appendChild(b);
      return b;
    });
    el.parentNode.insertBefore(group, el);
  }

  function render(el, json) {
    var kind = el.dataset.chartKind;
    if (kind === 'attention') {
      var data = attentionData(json, 'articles');
      if (!data.x.length || !data.series.length) return message(el, 'Nothing to chart.');
      draw(el, data, false);
      measureSwitch(el, function (measure) { draw(el, attentionData(json, measure), false); });
    } else if (kind === 'coverage') {
      var cov = coverageData(json);
      if (!cov.x.length) return;
      draw(el, cov, true);
    } else {
      throw new Error('unknown chart kind ' + kind);
    }
    el.classList.add('chart-drawn');
  }

  // Fetches and draws one chart; a failure leaves a message or the
  // server-drawn fallback in place.
  function renderChart(el) {
    var src = el.dataset.chartSrc;
    if (!src || el.dataset.chartState) return Promise.resolve();
    el.dataset.chartState = 'loading';
    return Promise.all([fetch(src, {headers: {Accept: 'application/json'}, credentials: 'same-origin'}),
                        loadUplot()])
      .then(function (got) {
        var res = got[0];
        return res.json().then(function (json) {
          if (!res.ok) {
            var why = json && json.error && json.error.message ? json.error.message : 'HTTP ' + res.status;
            throw new Error(why);
          }
          render(el, json);
          el.dataset.chartState = 'drawn';
        });
      })
      .catch(function (err) {
        el.dataset.chartState = 'failed';
        if (el.dataset.chartKind !== 'coverage') message(el, 'The chart could not be drawn: ' + err.message);
      });
  }

  function renderAll(scope) {
    var els = (scope || document).querySelectorAll('div.chart[data-chart-kind][data-chart-src]');
    return Promise.all(Array.prototype.map.call(els, renderChart));
  }
  api.renderAll = renderAll;

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { renderAll(); });
  } else {
    renderAll();
  }
})(typeof window !== 'undefined' ? window : this);
