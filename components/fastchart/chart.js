// A plotly chart drawn with one of plotly.js's partial bundles (1.2-1.4 MB, served by the app
// from static/plotly/), not Streamlit's full plotly.js (4.7 MB): the chart appears about a
// second sooner. Streamlit calls this on every script run with new data; the plot is updated
// in place (Plotly.react keeps zoom and pan through uirevision). A click on a point sends its
// customdata back to Python as the trigger "click".
//
// data = {figure: {data, layout}, config, script: URL of the plotly.js bundle, name,
//         topojson: {name, url, box: [lon0, lon1, lat0, lat1], shown: [layer names]} or null}
// chart_assets.js comes first in the module (it defines window.riwayaChartAssets).

// The base map cut to a box b = [lon0, lon1, lat0, lat1]: the land's polygons clipped to it
// (Sutherland-Hodgman: what is inside stays a closed ring with its winding), the borders and
// rivers cut into their runs inside it (with one point past the edge, so a line reaches it),
// each border once (neighbouring countries share it); the other layers empty. Plotly
// re-projects the whole base map on every redraw: a point outside the box costs there for
// nothing. A topology without a transform (its arcs are lon/lat points).
function crop(t, b, shown) {
  var tr = t.transform, sx = tr ? tr.scale[0] : 1, sy = tr ? tr.scale[1] : 1,
      tx = tr ? tr.translate[0] : 0, ty = tr ? tr.translate[1] : 0;
  var n = t.arcs.length, boxes = new Float64Array(4 * n), points = new Array(n);
  for (var k = 0; k < n; k++) {   // each arc's bounding box
    var a = t.arcs[k], x = 0, y = 0, x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
    for (var j = 0; j < a.length; j++) {
      if (tr) { x += a[j][0]; y += a[j][1]; } else { x = a[j][0]; y = a[j][1]; }
      var lo = x * sx + tx, la = y * sy + ty;
      if (lo < x0) x0 = lo; if (lo > x1) x1 = lo; if (la < y0) y0 = la; if (la > y1) y1 = la;
    }
    boxes[4 * k] = x0; boxes[4 * k + 1] = x1; boxes[4 * k + 2] = y0; boxes[4 * k + 3] = y1;
  }
  function decode(k) {            // arc k as [lon, lat] points
    if (points[k]) return points[k];
    var a = t.arcs[k], x = 0, y = 0, out = new Array(a.length);
    for (var j = 0; j < a.length; j++) {
      if (tr) { x += a[j][0]; y += a[j][1]; } else { x = a[j][0]; y = a[j][1]; }
      out[j] = [x * sx + tx, y * sy + ty];
    }
    return (points[k] = out);
  }
  function arc(i) { var p = decode(i < 0 ? ~i : i); return i < 0 ? p.slice().reverse() : p; }
  function touches(k) {
    return !(boxes[4 * k + 1] < b[0] || boxes[4 * k] > b[1] || boxes[4 * k + 3] < b[2] || boxes[4 * k + 2] > b[3]);
  }
  function ring(arcs) {            // a ring's points, the arcs' shared ends once
    var pts = [];
    for (var i = 0; i < arcs.length; i++) {
      var p = arc(arcs[i]);
      for (var j = pts.length ? 1 : 0; j < p.length; j++) pts.push(p[j]);
    }
    return pts;
  }
  function spans(arcs) {          // a ring's bounding box contains the box's centre
    var cx = (b[0] + b[1]) / 2, cy = (b[2] + b[3]) / 2, x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
    arcs.forEach(function (i) {
      var k = 4 * (i < 0 ? ~i : i);
      x0 = Math.min(x0, boxes[k]); x1 = Math.max(x1, boxes[k + 1]); y0 = Math.min(y0, boxes[k + 2]); y1 = Math.max(y1, boxes[k + 3]);
    });
    return x0 <= cx && cx <= x1 && y0 <= cy && cy <= y1;
  }
  var edges = [[0, b[0], 1], [0, b[1], -1], [1, b[2], 1], [1, b[3], -1]];  // axis, value, inside's sign
  function clipRing(pts) {
    for (var e = 0; e < 4 && pts.length; e++) {
      var ax = edges[e][0], v = edges[e][1], s = edges[e][2], out = [];
      for (var i = 0; i < pts.length; i++) {
        var p = pts[i], q = pts[(i + 1) % pts.length], pin = (p[ax] - v) * s >= 0, qin = (q[ax] - v) * s >= 0;
        if (pin) out.push(p);
        if (pin !== qin) {
          var f = (v - p[ax]) / (q[ax] - p[ax]), c = [p[0] + f * (q[0] - p[0]), p[1] + f * (q[1] - p[1])];
          c[ax] = v;
          out.push(c);
        }
      }
      pts = out;
    }
    return pts.length < 3 ? null : pts.concat([pts[0]]);
  }
  function inside(p) { return p[0] >= b[0] && p[0] <= b[1] && p[1] >= b[2] && p[1] <= b[3]; }
  function runs(pts) {
    var out = [], run = null;
    for (var i = 0; i < pts.length; i++) {
      if (inside(pts[i])) {
        if (!run) { run = i > 0 ? [pts[i - 1]] : []; out.push(run); }
        run.push(pts[i]);
      } else if (run) { run.push(pts[i]); run = null; }
    }
    return out.filter(function (r) { return r.length > 1; });
  }
  var arcs = [];
  function add(pts) { arcs.push(pts); return [arcs.length - 1]; }
  function land(o) {
    var polys = [];
    (o.type === "GeometryCollection" ? o.geometries : [o]).forEach(function (g) {
      (g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : []).forEach(function (poly) {
        var outer = poly[0];
        if (!outer.some(function (i) { return touches(i < 0 ? ~i : i); }) && !spans(outer)) return;
        var rings = poly.map(function (r) { return clipRing(ring(r)); });
        if (rings[0]) polys.push(rings.filter(Boolean).map(add));
      });
    });
    return polys.length ? [{type: "MultiPolygon", arcs: polys}] : [];
  }
  function lines(o) {
    var seen = new Uint8Array(n), out = [];
    (function walk(x) {
      if (typeof x === "number") {
        var k = x < 0 ? ~x : x;
        if (!seen[k] && (seen[k] = 1) && touches(k)) runs(decode(k)).forEach(function (r) { out.push(add(r)); });
      } else if (x) x.forEach(walk);
    })(o.type === "GeometryCollection" ? o.geometries.map(function (g) { return g.arcs; }) : o.arcs);
    return out.length ? [{type: "MultiLineString", arcs: out}] : [];
  }
  var objects = {};
  for (var name in t.objects) {
    var o = t.objects[name], show = shown.indexOf(name) >= 0;
    objects[name] = {type: "GeometryCollection", geometries: !show ? [] : name === "land" ? land(o) : lines(o)};
  }
  return {type: "Topology", bbox: t.bbox, objects: objects, arcs: arcs};
}

// Give plotly.js the cropped base map before it would fetch the whole one itself.
function baseMap(topo) {
  if (!topo) return Promise.resolve();
  var assets = window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};
  assets.topojson = assets.topojson || {};
  var key = JSON.stringify(topo.box);
  if (assets.riwayaBox === key) return Promise.resolve();
  return window.riwayaChartAssets.topojson(topo.url).then(function (t) {
    if (!t || assets.riwayaBox === key) return;
    try { assets.topojson[topo.name] = crop(t, topo.box, topo.shown); assets.riwayaBox = key; }
    catch (e) { assets.topojson[topo.name] = t; }  // the whole map: slower, same picture
  });
}

// The page's theme (Streamlit gives a component its colours as CSS variables): the legend and
// other text in the theme's text colour, on the page's own background.
function themed(layout, root) {
  var text = getComputedStyle(root instanceof Element ? root : document.body)
    .getPropertyValue("--st-text-color").trim();
  if (!text) return layout;
  return Object.assign({}, layout, {
    paper_bgcolor: "rgba(0,0,0,0)",
    font: Object.assign({}, layout.font || {}, {color: text})
  });
}

export default function (component) {
  var data = component.data, root = component.parentElement;
  var div = root.querySelector("div.riwaya-chart");
  if (!div) {
    div = document.createElement("div");
    div.className = "riwaya-chart";
    root.appendChild(div);
  }
  div.riwayaSend = component.setTriggerValue;  // the newest run's sender
  performance.mark("riwaya-" + data.name + "-data");  // marks for benchmarks/bench_dashboard.py
  var ready = Promise.all([window.riwayaChartAssets.plotly(data.script), baseMap(data.topojson)]);
  ready.then(function (loaded) {
    var Plotly = div.riwayaPlotly = loaded[0];
    performance.mark("riwaya-" + data.name + "-ready");
    return Plotly.react(div, data.figure.data, themed(data.figure.layout, root), data.config).then(function () {
      performance.mark("riwaya-" + data.name + "-drawn");
      if (div.riwayaHooked) return;
      div.riwayaHooked = true;
      div.on("plotly_click", function (ev) {
        var p = ev && ev.points && ev.points[0];
        if (p && p.customdata !== undefined) {
          div.riwayaSend("click", {customdata: p.customdata, curve: p.curveNumber, point: p.pointNumber});
        }
      });
    });
  }).catch(function (e) {
    div.textContent = "The chart could not be drawn: " + (e && e.message ? e.message : e);
  });
  return function () { if (div.riwayaPlotly) div.riwayaPlotly.purge(div); };
}
