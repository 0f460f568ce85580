// map.js: draws every <div class="map" data-map-src="/api/stories/{id}/facts">
// as an SVG map of the story's places: the countries of npm's world-atlas
// (Natural Earth 1:110m or 1:50m, served by tidings itself) projected with d3-geo and
// topojson-client, zoomed to the places' extent, with a circle per geocoded
// place sized by its mentions and titled with its name. No tiles, nothing
// from elsewhere; the libraries are loaded only when a page has a map.
// Names reach the page as text only. The pure functions are exported for
// node's tests.
(function (root) {
  'use strict';

  var MAX_PLACES = 500;
  var MIN_SPAN_LON = 24;  // degrees shown around one place or a tight cluster
  var MIN_SPAN_LAT = 14;

  function finite(x) { return typeof x === 'number' && isFinite(x); }

  // The facts JSON's places ({places: {items: [{label, key, lat, lon,
  // mentions}]}}) that have valid coordinates, most mentioned first.
  function mapPlaces(json) {
    var items = json && json.places && Array.isArray(json.places.items) ? json.places.items : [];
    var out = [];
    items.forEach(function (p) {
      if (!p || !finite(p.lat) || !finite(p.lon)) return;
      if (p.lat < -90 || p.lat > 90 || p.lon < -180 || p.lon > 180) return;
      var name = p.label != null && p.label !== '' ? p.label : p.key;
      out.push({name: String(name == null ? '' : name), lat: p.lat, lon: p.lon,
                mentions: finite(p.mentions) && p.mentions > 0 ? p.mentions : 1});
    });
    out.sort(function (a, b) { return b.mentions - a.mentions; });
    return out.slice(0, MAX_PLACES);
  }

  // [[west, south], [east, north]] around the places, at least
  // MIN_SPAN_LON x MIN_SPAN_LAT degrees and inside the world; null for none.
  function placesExtent(places) {
    if (!places.length) return null;
    var w = 180, e = -180, s = 90, n = -90;
    places.forEach(function (p) {
      w = Math.min(w, p.lon); e = Math.max(e, p.lon);
      s = Math.min(s, p.lat); n = Math.max(n, p.lat);
    });
    var padLon = Math.max((MIN_SPAN_LON - (e - w)) / 2, (e - w) * 0.15);
    var padLat = Math.max((MIN_SPAN_LAT - (n - s)) / 2, (n - s) * 0.15);
    return [[Math.max(-180, w - padLon), Math.max(-85, s - padLat)],
            [Math.min(180, e + padLon), Math.min(85, n + padLat)]];
  }

  // A marker's radius: 4 px for the least mentioned to 14 px for the most,
  // by area.
  function markerRadius(mentions, most) {
    if (!(most > 0)) return 4;
    return 4 + 10 * Math.sqrt(Math.max(0, Math.min(mentions, most)) / most);
  }

  var api = {mapPlaces: mapPlaces, placesExtent: placesExtent, markerRadius: markerRadius};
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
    return;
  }
  root.TidingsMap = api;
  if (typeof document === 'undefined') return;

  // ---- In the browser ----------------------------------------------------

  var SVG = 'http://www.w3.org/2000/svg';
  var script = document.currentScript;
  var ready = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.appendChild(s);
    });
  }

  function getJson(src) {
    return fetch(src, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
      .then(function (res) {
        if (!res.ok) throw new Error(src + ': HTTP ' + res.status);
        return res.json();
      });
  }

  // d3-geo needs d3-array first.
  function loadLibraries() {
    if (!ready) {
      var d = script.dataset;
      ready = loadScript(d.d3Array)
        .then(function () { return Promise.all([loadScript(d.d3Geo), loadScript(d.topojson)]); });
    }
    return ready;
  }

  // The outlines: Natural Earth 1:110m (38 KB gzipped) for a wide view,
  // 1:50m (230 KB) when zoomed in to under 60 degrees of longitude.
  var worlds = {};
  function loadWorld(extent) {
    var d = script.dataset;
    var src = extent[1][0] - extent[0][0] < 60 ? d.world : d.worldCoarse;
    if (!worlds[src]) worlds[src] = getJson(src);
    return worlds[src];
  }

  function svgNode(name, attrs) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function draw(el, world, places) {
    var d3 = root.d3, topojson = root.topojson;
    var width = Math.max(280, Math.round(el.clientWidth) || 640);
    var height = Math.max(180, Math.round(el.clientHeight) || Math.round(width / 2));
    var extent = placesExtent(places);
    var w = extent[0][0], s = extent[0][1], e = extent[1][0], n = extent[1][1];
    var box = {type: 'MultiPoint', coordinates: [[w, s], [w, n], [e, n], [e, s],
                                                 [(w + e) / 2, s], [(w + e) / 2, n]]};
    var projection = d3.geoNaturalEarth1().rotate([-(w + e) / 2, 0]).fitExtent([[8, 8], [width - 8, height - 8]], box)
      .clipExtent([[0, 0], [width, height]]);
    var path = d3.geoPath(projection);
    var countries = topojson.feature(world, world.objects.countries);

    var svg = svgNode('svg', {viewBox: '0 0 ' + width + ' ' + height, role: 'img',
                              'class': 'map-svg'});
    svg.setAttribute('aria-label', 'Map of ' + places.length + (places.length === 1 ? ' place' : ' places') +
                     ': ' + places.slice(0, 10).map(function (p) { return p.name; }).join(', '));
    svg.appendChild(svgNode('rect', {'class': 'sea', x: 0, y: 0, width: width, height: height}));
    var land = svgNode('g', {'class': 'countries'});
    countries.features.forEach(function (f) {
      var d = path(f);
      if (!d) return;
      var p = svgNode('path', {d: d});
      var t = svgNode('title');
      t.textContent = f.properties && f.properties.name ? f.properties.name : '';
      p.appendChild(t);
      land.appendChild(p);
    });
    svg.appendChild(land);
    var marks = svgNode('g', {'class': 'markers'});
    var most = places.length ? places[0].mentions : 1;
    // Smallest last, so a big circle never hides a small one.
    places.slice().reverse().forEach(function (p) {
      var xy = projection([p.lon, p.lat]);
      if (!xy || !finite(xy[0]) || !finite(xy[1])) return;
      var c = svgNode('circle', {cx: xy[0].toFixed(1), cy: xy[1].toFixed(1),
                                 r: markerRadius(p.mentions, most).toFixed(1), 'class': 'marker'});
      var t = svgNode('title');
      t.textContent = p.name + ' \u2014 ' + p.mentions + (p.mentions === 1 ? ' mention' : ' mentions');
      c.appendChild(t);
      marks.appendChild(c);
    });
    svg.appendChild(marks);
    el.replaceChildren(svg);
    el.classList.add('map-drawn');
  }

  function renderMap(el) {
    var src = el.dataset.mapSrc;
    if (!src || el.dataset.mapState) return Promise.resolve();
    el.dataset.mapState = 'loading';
    return Promise.all([getJson(src), loadLibraries()])
      .then(function (got) {
        var places = mapPlaces(got[0]);
        if (!places.length) {
          el.dataset.mapState = 'empty';
          el.hidden = true;
          return null;
        }
        return loadWorld(placesExtent(places)).then(function (world) {
          draw(el, world, places);
          el.dataset.mapState = 'drawn';
        });
      })
      .catch(function (err) {
        el.dataset.mapState = 'failed';
        var p = document.createElement('p');
        p.className = 'chart-message';
        p.textContent = 'The map could not be drawn: ' + err.message;
        el.replaceChildren(p);
      });
  }

  function renderAll(scope) {
    var els = (scope || document).querySelectorAll('div.map[data-map-src]');
    return Promise.all(Array.prototype.map.call(els, renderMap));
  }
  api.renderAll = renderAll;

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { renderAll(); });
  } else {
    renderAll();
  }
})(typeof window !== 'undefined' ? window : this);
