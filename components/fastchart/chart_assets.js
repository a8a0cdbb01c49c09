// Loads, once per browser page, what the charts draw with: a plotly.js bundle and the map's
// base map (topojson). Shared by a page's early preload (preload.py), which starts them while
// Python still works, and by the chart itself (chart.js).
(function () {
  if (window.riwayaChartAssets) return;
  var bundles = {}, topo = null;
  function absolute(url) { return new URL(url, document.baseURI).href; }
  window.riwayaChartAssets = {
    // a promise of the Plotly object of the bundle at ``url`` (each bundle sets window.Plotly
    // when it runs: the one just run is kept, so two bundles on one page do not mix)
    plotly: function (url) {
      if (!bundles[url]) {
        bundles[url] = new Promise(function (resolve, reject) {
          var s = document.createElement("script");
          s.src = absolute(url);
          s.async = true;
          s.onload = function () { performance.mark("riwaya-plotly-loaded"); resolve(window.Plotly); };
          s.onerror = function () { delete bundles[url]; reject(new Error("could not load " + url)); };
          document.head.appendChild(s);
        });
        bundles[url].catch(function () {});
      }
      return bundles[url];
    },
    // a promise of the parsed topojson, or null when it could not be had
    topojson: function (url) {
      if (!topo) {
        // as a range (206): Streamlit gzips app/static files at level 9 on every request,
        // 0.5 CPU-s of the server's for this 1.7 MB file, per page (20 readers opening the
        // map at once: 10 s); a partial response is passed through as it is
        topo = fetch(absolute(url), {headers: {Range: "bytes=0-"}})
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (t) { performance.mark("riwaya-topojson-loaded"); return t; })
          .catch(function () { return null; });
      }
      return topo;
    }
  };
})();
