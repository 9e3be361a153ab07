"""Figures and the term explorer: one style, figure data selectors, plots, and safe scattertext pages.

No module here chooses a matplotlib backend: figures show inline in JupyterLab and save to files anywhere.
"""

from framing.viz import plotdata
from framing.viz.explorer import build_explorer, write_explorer
from framing.viz.header import page_header
from framing.viz.publish import Note, draw, draw_panels
from framing.viz.plots import (
    new_figure,
    outlet_colors,
    plot_bars,
    plot_grouped_intervals,
    plot_intervals,
    plot_matrix,
    plot_shares,
    safe_name,
    save_figure,
    use_style,
)

__all__ = [
    "Note", "build_explorer", "draw", "draw_panels", "new_figure", "page_header", "outlet_colors", "plot_bars", "plot_grouped_intervals", "plot_intervals",
    "plot_matrix", "plot_shares", "plotdata", "safe_name", "save_figure", "use_style", "write_explorer",
]
