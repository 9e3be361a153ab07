"""Show a figure in the notebook and save it with its data, or show a visible note when there is nothing to draw.

A figure is never published empty: :func:`draw` returns a :class:`Note` (rendered on the page, no file
written) when its data has no rows. A figure with more rows than is legible shows the largest ones and says
so in its title; its CSV keeps every row.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from framing.viz.plots import DOUBLE_COLUMN, FORMATS, new_figure, save_figure, short, use_style


class Note:
    """A short message shown where a figure would be (in JupyterLab and on the report page)."""

    def __init__(self, text: str):
        self.text = text

    def _repr_html_(self) -> str:
        return f'<p class="framing-note"><strong>Note:</strong> {html.escape(self.text)}</p>'

    def __repr__(self) -> str:
        return f"Note: {self.text}"


def draw(data: pd.DataFrame, plot: Callable[..., object], *, name: str, out_dir: str | Path,
         shown: pd.DataFrame | None = None, width: str = "single", rows: int | None = None, title: str = "",
         empty: str = "no data for this figure", formats: Sequence[str] = FORMATS, dpi: int = 300,
         **options: object) -> Figure | Note:
    """Plot ``shown`` (default ``data``) with ``plot(shown, ax=…, **options)``, save the figure and ``data`` as
    ``<name>.png|svg|pdf|csv`` in ``out_dir``, and return the figure to display; or return a :class:`Note`
    saying ``empty`` when there is no row to draw.

    Example:
        >>> import tempfile
        >>> from framing.viz.plots import plot_bars
        >>> d = pd.DataFrame({"outlet": ["A", "B"], "articles": [2, 1]})
        >>> type(draw(d, plot_bars, name="n", out_dir=tempfile.mkdtemp(), label="outlet", value="articles",
        ...           xlabel="articles")).__name__
        'Figure'
        >>> draw(d.iloc[:0], plot_bars, name="n", out_dir=tempfile.mkdtemp(), empty="no articles")
        Note: no articles
    """
    shown = data if shown is None else shown
    if shown.empty:
        return Note(empty)
    fig, ax = new_figure(width=width, rows=rows if rows is not None else len(shown))
    plot(shown, ax=ax, **options)
    if title:
        ax.set_title(title, loc="left", fontsize=7)
    save_figure(fig, name, out_dir=out_dir, data=data, formats=formats, dpi=dpi)
    return fig


def draw_panels(data: pd.DataFrame, *, panel: str, label: str, name: str, out_dir: str | Path, xlabel: str,
                colors: dict[str, str] | None = None, reference: float | None = 0.0, columns: int = 3,
                title: str = "", empty: str = "no data for this figure", formats: Sequence[str] = FORMATS,
                dpi: int = 300) -> Figure | Note:
    """Small multiples: one panel per value of ``panel`` (e.g. an event) with a point and interval per ``label``
    (e.g. an outlet), on a shared x axis, 7 in wide. Saved with ``data`` like :func:`draw`.

    Example:
        >>> import tempfile
        >>> d = pd.DataFrame({"event": ["e1", "e1", "e2", "e2"], "outlet": ["A", "B", "A", "C"],
        ...     "value": [0.5, -0.2, 0.1, 0.3], "ci_low": [0.1, -0.6, -0.2, 0.0], "ci_high": [0.9, 0.2, 0.4, 0.6]})
        >>> len(draw_panels(d, panel="event", label="outlet", name="p", out_dir=tempfile.mkdtemp(),
        ...                 xlabel="balance").axes)
        2
    """
    if data.empty:
        return Note(empty)
    use_style()
    panels = list(dict.fromkeys(data[panel]))
    ncols = min(columns, len(panels))
    nrows = -(-len(panels) // ncols)
    most = int(data.groupby(panel)[label].nunique().max())
    fig = Figure(figsize=(DOUBLE_COLUMN, nrows * max(1.2, 0.22 * most + 0.7) + 0.3))
    axes = fig.subplots(nrows, ncols, sharex=True, squeeze=False).ravel()
    for ax, key in zip(axes, panels):
        part = data[data[panel] == key]
        y = list(range(len(part)))[::-1]
        for yi, row in zip(y, part.itertuples(index=False)):
            color = (colors or {}).get(str(getattr(row, label)), "#0072B2")
            value, lo, hi = row.value, row.ci_low, row.ci_high
            err = None if pd.isna(lo) else [[value - lo], [hi - value]]
            ax.errorbar(value, yi, xerr=err, fmt="o", color=color, ecolor=color)
        ax.set_yticks(y, [short(v, 22) for v in part[label]])
        ax.set_title(short(key, 40), loc="left", fontsize=7)
        if reference is not None:
            ax.axvline(reference, color="#888888", linewidth=0.6, zorder=0)
    for ax in axes[len(panels):]:
        ax.set_visible(False)
    for ax in axes[(nrows - 1) * ncols:]:
        ax.set_xlabel(xlabel)
    if title:
        fig.suptitle(title, x=0.01, ha="left", fontsize=7)
    save_figure(fig, name, out_dir=out_dir, data=data, formats=formats, dpi=dpi)
    return fig
