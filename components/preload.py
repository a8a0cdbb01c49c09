"""Start loading the map's heavy browser assets before Python has done its work.

Kept free of heavy imports (no pandas, plotly or DuckDB): the Map page emits this script
first, so the browser fetches plotly.js and the base map while the page's Python runs.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

TOPOJSON_URL = "app/static/topojson/"  # static/topojson/ served by the app (works offline)
MAP_RESOLUTION = 50  # 1:50m (rivers, finer coasts); 110 redraws faster but shows no rivers here
TOPOJSON_NAME = f"world_{MAP_RESOLUTION}m"


def _plotly_chunk() -> str | None:
    """The file name of Streamlit's lazily loaded plotly.js chunk (static/js/PlotlyChart.*.js)."""
    import streamlit
    found = sorted((Path(streamlit.__file__).parent / "static" / "static" / "js").glob("PlotlyChart.*.js"))
    return found[0].name if found else None


def map_assets_js() -> str:
    """A script that starts loading what the map needs as soon as the page starts, while Python
    still works: Streamlit's plotly.js chunk (imported, so it is evaluated early) and the topojson (a promise that
    :func:`cropped_map_js` hands to plotly.js)."""
    url = json.dumps(TOPOJSON_URL + TOPOJSON_NAME + ".json")
    chunk = _plotly_chunk()
    link = ""
    if chunk:
        # import() evaluates the module now, in the browser, while Python still works; when
        # the chart arrives, Streamlit's own import of the same URL finds it ready
        link = ("if(!window.riwayaPlotly){window.riwayaPlotly=import(new URL("
                + json.dumps("static/js/" + chunk) + ",document.baseURI).href).catch(function(){});}")
    return ("<script>(function(){" + link +
            "if(!window.riwayaTopo){window.riwayaTopo=fetch(" + url + ")"
            ".then(function(r){return r.ok?r.json():null}).catch(function(){return null});}})();</script>")


#: base-map layers the map shows (components/figures.py); the others are left out of the crop
SHOWN_LAYERS = ("land", "countries", "rivers")

_CROP_JS = """(function(){
var A=window.PlotlyGeoAssets=window.PlotlyGeoAssets||{topojson:{}};A.topojson=A.topojson||{};
var NAME=%(name)s,URL=%(url)s,BOX=%(box)s,SHOWN=%(shown)s,KEY=JSON.stringify(BOX);
if(!window.riwayaTopo){window.riwayaTopo=fetch(URL).then(function(r){return r.ok?r.json():null}).catch(function(){return null});}
function crop(t,b){
  var tr=t.transform,sx=tr?tr.scale[0]:1,sy=tr?tr.scale[1]:1,tx=tr?tr.translate[0]:0,ty=tr?tr.translate[1]:0;
  var n=t.arcs.length,hit=new Uint8Array(n);
  for(var i=0;i<n;i++){var a=t.arcs[i],x=0,y=0,x0=1e9,x1=-1e9,y0=1e9,y1=-1e9;
    for(var j=0;j<a.length;j++){if(tr){x+=a[j][0];y+=a[j][1];}else{x=a[j][0];y=a[j][1];}
      var lo=x*sx+tx,la=y*sy+ty;if(lo<x0)x0=lo;if(lo>x1)x1=lo;if(la<y0)y0=la;if(la>y1)y1=la;}
    hit[i]=(x1<b[0]||x0>b[1]||y1<b[2]||y0>b[3])?0:1;}
  function any(r){if(typeof r==='number')return hit[r<0?~r:r]===1;for(var k=0;k<r.length;k++)if(any(r[k]))return true;return false;}
  function cut(g){if(!g||!g.arcs)return g;
    if(g.type==='MultiPolygon'||g.type==='MultiLineString'){var keep=g.arcs.filter(any);
      if(!keep.length)return null;var c=Object.assign({},g);c.arcs=keep;return c;}
    return any(g.arcs)?g:null;}
  var objs={};
  for(var name in t.objects){var o=t.objects[name],show=SHOWN.indexOf(name)>=0;
    if(o.type==='GeometryCollection'){objs[name]=Object.assign({},o,{geometries:show?o.geometries.map(cut).filter(Boolean):[]});}
    else{var c=show?cut(o):null;objs[name]=c||{type:'GeometryCollection',geometries:[]};}}
  return Object.assign({},t,{objects:objs});}
window.riwayaTopo.then(function(t){if(!t||A.riwayaBox===KEY)return;
  try{A.topojson[NAME]=crop(t,BOX);A.riwayaBox=KEY;}catch(e){A.topojson[NAME]=A.topojson[NAME]||t;}});
})();"""


def _script(js: str) -> str:
    """A <script> whose code is base64: no "<" or "&" of the code ever meets an HTML parser."""
    return "<script>(new Function(atob(" + json.dumps(base64.b64encode(js.encode()).decode()) + ")))();</script>"


def cropped_map_js(frame: tuple[list[float], list[float]], *, margin: float = 12.0) -> str:
    """A script that gives plotly.js the base map cut to the map's region (plus ``margin``
    degrees): land, borders and rivers that touch the region, whole; nothing from the rest of
    the world. Plotly re-projects the base map on every redraw, so the whole 1:50m world made a
    filter change slow. Zooming far out shows the kept shapes only. If plotly needs the base map
    before the cut is ready it fetches the full file itself (slower, same picture)."""
    (lon0, lon1), (lat0, lat1) = frame
    box = [lon0 - margin, lon1 + margin, lat0 - margin, lat1 + margin]
    return _script(_CROP_JS % {"name": json.dumps(TOPOJSON_NAME), "url": json.dumps(TOPOJSON_URL + TOPOJSON_NAME + ".json"),
                       "box": json.dumps([round(v, 3) for v in box]), "shown": json.dumps(list(SHOWN_LAYERS))})
