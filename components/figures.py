"""The dashboard's plotly figures, one import for the pages (no Streamlit). Each lives in a module
of its own concern:

- ``components/figure_base.py``: what every chart shares: data text escaped for plotly
  (``plot_text``), the base layout, the toolbar's ``plotly_config``, the heading written on a
  chart for its PNG (``with_heading``, ``export_heading``);
- ``components/map_figure.py``: the map (``map_layout``, ``map_figure``, names placed beside markers);
- ``components/matrix_figure.py``: the actor × claim matrix (``matrix_figure``, ``sticky_rows``)
  and the statements-per-claim bars (``stance_bar_figure``);
- ``components/story_figures.py``: the timeline and the actor network.
"""

from __future__ import annotations

from components.figure_base import (FONT, base_layout, export_heading, marker_sizes, plot_text,
                                    plot_texts, plotly_config, with_heading)
from components.map_figure import (MAP_LEGEND_COLUMNS, MAP_SIZE, MapLayout, _wrapped, colour_title,
                                   map_colours, map_figure, map_labels, map_layout, short_name, view_figure, view_layout)
from components.matrix_figure import (matrix_figure, split_line, stance_bar_figure, sticky_rows,
                                      two_lines)

__all__ = ["FONT", "MAP_LEGEND_COLUMNS", "MAP_SIZE", "MapLayout", "_wrapped", "base_layout",
           "colour_title",
           "export_heading", "map_colours", "map_figure", "map_labels", "map_layout", "marker_sizes", "matrix_figure",
           "plot_text", "plot_texts", "plotly_config", "short_name", "split_line", "stance_bar_figure",
           "sticky_rows", "two_lines", "view_figure", "view_layout", "with_heading"]
