// Loads, once per browser page, what the map draws with: plotly.js's geo bundle and the base
// map (topojson). Shared by the Map page's early preload (components/preload.py), which starts
// both while Python still works, and by the chart itself (components/geo_chart.js).
(function () {
  if (window.riwayaGeoAssets) return;
  var plotly = null, topo = null;
  function absolute(url) { return new URL(url, document.baseURI).href; }
  window.riwayaGeoAssets = {
    // a promise of window.Plotly
    plotly: function (url) {
      if (!plotly) {
        plotly = new Promise(function (resolve, reject) {
          var s = document.createElement("script");
          s.src = absolute(url);
          s.async = true;
          s.onload = function () { performance.mark("riwaya-plotly-loaded"); resolve(window.Plotly); };
          s.onerror = function () { plotly = null; reject(new Error("could not load " + url)); };
          document.head.appendChild(s);
        });
        plotly.catch(function () {});
      }
      return plotly;
    },
    // a promise of the parsed topojson, or null when it could not be had
    topojson: function (url) {
      if (!topo) {
        topo = fetch(absolute(url))
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (t) { performance.mark("riwaya-topojson-loaded"); return t; })
          .catch(function () { return null; });
      }
      return topo;
    }
  };
})();
