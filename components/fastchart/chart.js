// A plotly chart drawn with one of plotly.js's partial bundles (1.2-1.4 MB, served by the app
// from static/plotly/), not Streamlit's full plotly.js (4.7 MB): the chart appears about a
// second sooner. Streamlit calls this on every script run with new data; the plot is updated
// in place (Plotly.react keeps zoom and pan through uirevision). A click on a point sends its
// customdata back to Python as the trigger "click".
//
// data = {figure: {data, layout}, config, script: URL of the plotly.js bundle, name,
//         topojson: {name, url, box: [lon0, lon1, lat0, lat1], shown: [layer names]} or null}
// chart_assets.js comes first in the module (it defines window.riwayaChartAssets).

// The base map cut to a box: land, borders and rivers whose arcs touch it, whole; the other
// layers empty. Plotly re-projects the base map on every redraw, so the whole 1:50m world
// made every filter change slow.
function crop(t, b, shown) {
  var tr = t.transform, sx = tr ? tr.scale[0] : 1, sy = tr ? tr.scale[1] : 1,
      tx = tr ? tr.translate[0] : 0, ty = tr ? tr.translate[1] : 0;
  var n = t.arcs.length, hit = new Uint8Array(n);
  for (var i = 0; i < n; i++) {
    var a = t.arcs[i], x = 0, y = 0, x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
    for (var j = 0; j < a.length; j++) {
      if (tr) { x += a[j][0]; y += a[j][1]; } else { x = a[j][0]; y = a[j][1]; }
      var lo = x * sx + tx, la = y * sy + ty;
      if (lo < x0) x0 = lo; if (lo > x1) x1 = lo; if (la < y0) y0 = la; if (la > y1) y1 = la;
    }
    hit[i] = (x1 < b[0] || x0 > b[1] || y1 < b[2] || y0 > b[3]) ? 0 : 1;
  }
  function any(r) {
    if (typeof r === "number") return hit[r < 0 ? ~r : r] === 1;
    for (var k = 0; k < r.length; k++) if (any(r[k])) return true;
    return false;
  }
  function cut(g) {
    if (!g || !g.arcs) return g;
    if (g.type === "MultiPolygon" || g.type === "MultiLineString") {
      var keep = g.arcs.filter(any);
      if (!keep.length) return null;
      var c = Object.assign({}, g); c.arcs = keep; return c;
    }
    return any(g.arcs) ? g : null;
  }
  var objs = {};
  for (var name in t.objects) {
    var o = t.objects[name], show = shown.indexOf(name) >= 0;
    if (o.type === "GeometryCollection") {
      objs[name] = Object.assign({}, o, {geometries: show ? o.geometries.map(cut).filter(Boolean) : []});
    } else {
      var c = show ? cut(o) : null;
      objs[name] = c || {type: "GeometryCollection", geometries: []};
    }
  }
  return Object.assign({}, t, {objects: objs});
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
