// Node's test runner on the browser-independent parts of web/src/charts.js
// and web/src/map.js: the attention and coverage JSON as chart data, the
// places as map markers (run by ctest as web.js_units).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const charts = require('../src/charts.js');
const map = require('../src/map.js');

// The shape /api/attention answers (docs/api.md).
const attention = {
  interval: 'day', from: '2023-11-01T00:00:00Z', to: '2023-11-03T23:59:59Z',
  buckets: ['2023-11-01T00:00:00Z', '2023-11-02T00:00:00Z', '2023-11-03T00:00:00Z'],
  series: [
    {query: 'gaza', articles: [3, 0, 5], outlets: [2, 0, 4], total_articles: 8},
    {query: 'lavrentiev', articles: [1, 1, 0], outlets: [1, 1, 0], total_articles: 2},
  ],
};

test('attention: one series per query, articles by default, outlets on demand', () => {
  const a = charts.attentionData(attention, 'articles');
  assert.deepStrictEqual(a.x, [1698796800, 1698883200, 1698969600]);
  assert.strictEqual(a.interval, 'day');
  assert.deepStrictEqual(a.series.map((s) => s.label), ['gaza', 'lavrentiev']);
  assert.deepStrictEqual(a.series[0].values, [3, 0, 5]);
  assert.strictEqual(a.series[0].total, 8);
  const o = charts.attentionData(attention, 'outlets');
  assert.deepStrictEqual(o.series[0].values, [2, 0, 4]);
  assert.deepStrictEqual(o.series[1].values, [1, 1, 0]);
});

test('attention: short, missing or hostile counts become zeros', () => {
  const a = charts.attentionData({
    buckets: attention.buckets,
    series: [{query: '<b>x</b>', articles: [1, 'x', -4]}, {query: null}],
  }, 'articles');
  assert.deepStrictEqual(a.series[0].values, [1, 0, 0]);
  assert.strictEqual(a.series[0].label, '<b>x</b>');  // drawn as text, never HTML
  assert.deepStrictEqual(a.series[1].values, [0, 0, 0]);
  assert.deepStrictEqual(charts.attentionData({buckets: [], series: []}, 'articles').x, []);
});

test('attention: a count stopped at the time bound is labelled a lower bound', () => {
  const a = charts.attentionData({
    buckets: attention.buckets,
    series: [{query: 'gaza', articles: [3, 0, 5], complete: false}, {query: 'iran', articles: [1, 1, 1], complete: true}],
  }, 'articles');
  assert.deepStrictEqual(a.series.map((s) => s.label), ['gaza (at least)', 'iran']);
});

test('attention: shapes it cannot draw are refused', () => {
  assert.throws(() => charts.attentionData({}, 'articles'), /buckets and series/);
  assert.throws(() => charts.attentionData(null, 'articles'), /buckets and series/);
  assert.throws(() => charts.attentionData(attention, 'words'), /measure/);
  assert.throws(() => charts.attentionData({buckets: ['yesterday'], series: []}, 'articles'),
                /not a time/);
});

test('attention: at most 12 series', () => {
  const many = {buckets: attention.buckets,
                series: Array.from({length: 40}, (_, i) => ({query: 'q' + i, articles: [i]}))};
  assert.strictEqual(charts.attentionData(many, 'articles').series.length, 12);
});

test('coverage: a story JSON as articles and outlets per bucket', () => {
  const c = charts.coverageData({coverage: {bucket: 'hour', bucket_seconds: 3600, buckets: [
    {start: '2024-01-02T09:00:00Z', articles: 2, outlets: 1},
    {start: '2024-01-02T10:00:00Z', articles: 0, outlets: 0}]}});
  assert.strictEqual(c.interval, 'hour');
  assert.deepStrictEqual(c.x, [1704186000, 1704189600]);
  assert.deepStrictEqual(c.series[0].values, [2, 0]);
  assert.deepStrictEqual(c.series[1].values, [1, 0]);
  assert.throws(() => charts.coverageData({}), /coverage/);
});

test('map: only places with valid coordinates, most mentioned first', () => {
  const places = map.mapPlaces({places: {items: [
    {key: 'tehran', label: 'Tehran', lat: 35.69, lon: 51.39, mentions: 2},
    {key: 'gaza', label: 'Gaza Strip', lat: 31.42, lon: 34.37, mentions: 7},
    {key: 'nowhere', label: 'Nowhere', lat: null, lon: null, mentions: 9},
    {key: 'bad', label: 'Bad', lat: 123, lon: 0, mentions: 9},
    {key: 'syria', label: '', lat: 35, lon: 38, mentions: 0},
  ]}});
  assert.deepStrictEqual(places.map((p) => p.name), ['Gaza Strip', 'Tehran', 'syria']);
  assert.strictEqual(places[2].mentions, 1);
  assert.deepStrictEqual(map.mapPlaces({}), []);
  assert.deepStrictEqual(map.mapPlaces({places: {items: 'x'}}), []);
});

test('map: the extent holds every place, spans a minimum and stays in the world', () => {
  const one = map.placesExtent([{lat: 31.4, lon: 34.4}]);
  assert.ok(one[0][0] < 34.4 && one[1][0] > 34.4 && one[0][1] < 31.4 && one[1][1] > 31.4);
  assert.ok(one[1][0] - one[0][0] >= 24 - 1e-9);
  assert.ok(one[1][1] - one[0][1] >= 14 - 1e-9);
  const wide = map.placesExtent([{lat: -80, lon: -179}, {lat: 80, lon: 179}]);
  assert.deepStrictEqual(wide, [[-180, -85], [180, 85]]);
  assert.strictEqual(map.placesExtent([]), null);
});

test('map: markers grow with mentions, by area, within bounds', () => {
  assert.strictEqual(map.markerRadius(10, 10), 14);
  assert.strictEqual(map.markerRadius(0, 10), 4);
  assert.ok(Math.abs(map.markerRadius(2.5, 10) - 9) < 1e-9);
  assert.strictEqual(map.markerRadius(50, 10), 14);
  assert.strictEqual(map.markerRadius(1, 0), 4);
});
