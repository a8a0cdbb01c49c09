"""Where the map writes each place's name: beside its own marker, never over another name or
another marker; places sharing a spot are drawn as one cluster; a name that finds no room is
numbered and listed beside the map.

Pure geometry on a Mercator view measured in pixels (no plotly, no Streamlit). A layout made
for a view of ``width`` pixels holds on any larger one: there every point moves apart by the
same factor while names and markers keep their size, so nothing that was apart can meet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

#: where a name can go around its marker, in the order tried (plotly's ``textposition`` names)
POSITIONS = ("top center", "middle right", "middle left", "bottom center",
             "top right", "top left", "bottom right", "bottom left")
#: unit direction (x right, y up) from a marker's centre to its name's anchor, per position
_DIRECTION = {"top center": (0.0, 1.0), "bottom center": (0.0, -1.0), "middle right": (1.0, 0.0),
              "middle left": (-1.0, 0.0), "top right": (0.72, 0.72), "top left": (-0.72, 0.72),
              "bottom right": (0.72, -0.72), "bottom left": (-0.72, -0.72)}


def mercator(lat: float) -> float:
    """Web-Mercator y of a latitude, in degrees of longitude."""
    lat = max(min(float(lat), 85.0), -85.0)
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def latitude(y: float) -> float:
    """The latitude whose Mercator y (degrees of longitude) is ``y``."""
    return math.degrees(2 * math.atan(math.exp(math.radians(y))) - math.pi / 2)


def short_name(name: str) -> str:
    """A place's name as written on the map: "Abu Kamal (Al-Bukamal)" -> "Abu Kamal"."""
    return name.split(" (", 1)[0] if name else ""


@dataclass(frozen=True)
class PixelView:
    """A Mercator map of ``lon_range`` x ``lat_range`` fitted (aspect kept, centred) into a plot
    area of ``width`` x ``height`` pixels."""

    lon_range: tuple[float, float]
    lat_range: tuple[float, float]
    width: float
    height: float

    @property
    def scale(self) -> float:
        """Pixels per degree of longitude."""
        lon_span = max(float(self.lon_range[1]) - float(self.lon_range[0]), 1e-6)
        y_span = max(mercator(self.lat_range[1]) - mercator(self.lat_range[0]), 1e-6)
        return min(self.width / lon_span, self.height / y_span)

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        """Pixel position (x right, y up; 0, 0 the plot area's lower left corner)."""
        s = self.scale
        lon_mid = (float(self.lon_range[0]) + float(self.lon_range[1])) / 2
        y_mid = (mercator(self.lat_range[0]) + mercator(self.lat_range[1])) / 2
        return (self.width / 2 + (float(lon) - lon_mid) * s,
                self.height / 2 + (mercator(lat) - y_mid) * s)

    def lonlat(self, x: float, y: float) -> tuple[float, float]:
        """The inverse of :meth:`xy`."""
        s = self.scale
        lon_mid = (float(self.lon_range[0]) + float(self.lon_range[1])) / 2
        y_mid = (mercator(self.lat_range[0]) + mercator(self.lat_range[1])) / 2
        return lon_mid + (x - self.width / 2) / s, latitude(y_mid + (y - self.height / 2) / s)


@dataclass(frozen=True)
class Point:
    """A marker: its id, position, diameter (px) and the name written beside it."""

    id: str
    lon: float
    lat: float
    size: float
    name: str


@dataclass(frozen=True)
class Label:
    """A name placed: the anchor (lon, lat) on its marker's edge and plotly's ``textposition``;
    ``box`` is (x0, y0, x1, y1) in the view's pixels."""

    id: str
    lon: float
    lat: float
    position: str
    box: tuple[float, float, float, float]


Box = tuple[float, float, float, float]


def _overlap(a: Box, b: Box, pad: float = 0.0) -> bool:
    return a[0] < b[2] + pad and b[0] < a[2] + pad and a[1] < b[3] + pad and b[1] < a[3] + pad


def text_box(ax: float, ay: float, position: str, width: float, height: float) -> Box:
    """The box of a name anchored at (ax, ay) with plotly's ``textposition`` (text only)."""
    vertical, horizontal = position.split(" ")
    x0 = {"left": ax - width, "center": ax - width / 2, "right": ax}[horizontal]
    y0 = {"top": ay, "middle": ay - height / 2, "bottom": ay - height}[vertical]
    return x0, y0, x0 + width, y0 + height


def marker_box(view: PixelView, p: Point) -> Box:
    x, y = view.xy(p.lon, p.lat)
    r = p.size / 2
    return x - r, y - r, x + r, y + r


def place_labels(points: Sequence[Point], view: PixelView, *, char_px: float = 7.2,
                 line_px: float = 17.0, gap: float = 3.0, pad: float = 2.0,
                 positions: Sequence[str] = POSITIONS) -> tuple[list[Label], list[str]]:
    """(names placed, ids of the points whose name found no room), in the order of ``points``
    (put the most important first: they choose first).

    A name goes in the first of ``positions`` where its box stays inside the view and clear
    (by ``pad`` px) of every name already placed and every other marker.
    """
    markers = {p.id: marker_box(view, p) for p in points}
    placed: list[Label] = []
    missing: list[str] = []
    for p in points:
        x, y = view.xy(p.lon, p.lat)
        r = p.size / 2 + gap
        w, h = max(len(p.name), 1) * char_px, line_px
        for pos in positions:
            dx, dy = _DIRECTION[pos]
            ax, ay = x + dx * r, y + dy * r
            box = text_box(ax, ay, pos, w, h)
            if box[0] < 0 or box[1] < 0 or box[2] > view.width or box[3] > view.height:
                continue
            if any(_overlap(box, lab.box, pad) for lab in placed):
                continue
            if any(_overlap(box, m, pad) for i, m in markers.items() if i != p.id):
                continue
            lon, lat = view.lonlat(ax, ay)
            placed.append(Label(p.id, lon, lat, pos, box))
            break
        else:
            missing.append(p.id)
    return placed, missing


def clusters(points: Sequence[Point], view: PixelView, *, share: float = 0.45) -> list[list[str]]:
    """Groups of points drawn as one marker: those whose centres are closer than ``share`` times
    the sum of their radii (they share a spot). Each group lists its ids in the order of
    ``points``, the first standing for the group; a lone point is a group of one."""
    groups: list[list[Point]] = []
    for p in points:
        x, y = view.xy(p.lon, p.lat)
        for g in groups:
            head = g[0]
            hx, hy = view.xy(head.lon, head.lat)
            if math.hypot(x - hx, y - hy) < share * (p.size + head.size) / 2:
                g.append(p)
                break
        else:
            groups.append([p])
    return [[p.id for p in g] for g in groups]
