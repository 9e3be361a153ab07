"""Publication figures: one style, one colour per outlet, intervals as error bars, reproducible files.

Every ``plot_*`` function takes a tidy DataFrame (see :mod:`framing.viz.plotdata` for the selectors that make
them from the signal tables) and an optional Axes, and returns the Axes. :func:`save_figure` writes PNG (300
dpi), SVG and PDF with no timestamps inside, plus a CSV of exactly the plotted data, so the same data gives
byte-identical SVG, PDF and CSV files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import matplotlib.style
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from framing.config.files import data_path
from framing.errors import UsageError

STYLE = data_path("style", "framing.mplstyle")
SINGLE_COLUMN, DOUBLE_COLUMN = 3.5, 7.0  # inches
OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
FRAME_COLORS = {"conciliatory": "#0072B2", "warning": "#D55E00"}
SIDE_COLORS = {"china": "#D55E00", "us": "#0072B2", "taiwan": "#009E73", "japan": "#CC79A7", "russia": "#E69F00",
               "media": "#56B4E9", "other": "#999999"}
CUE_CLASS_COLORS = {"alarm": "#D55E00", "neutral": "#999999", "conciliatory": "#0072B2", "descriptive": "#E69F00",
                    "critical": "#CC79A7", "concession": "#009E73", "belief": "#56B4E9"}
FORMATS = ("png", "svg", "pdf")


def use_style() -> None:
    """Apply framing's figure style (``framing/data/style/framing.mplstyle``) to matplotlib's settings.

    The backend is never chosen here: in JupyterLab figures show inline, in a script they save to files.

    Example:
        >>> import matplotlib
        >>> use_style(); matplotlib.rcParams["svg.hashsalt"]
        'framing'
    """
    matplotlib.style.use(str(STYLE))


def short(label: object, width: int = 32) -> str:
    """A tick label cut to ``width`` characters with an ellipsis (the CSV keeps the full label).

    Example:
        >>> short("a-very-long-event-identifier-of-a-corpus", 16)
        'a-very-long-eve…'
    """
    text = str(label)
    return text if len(text) <= width else text[:width - 1] + "…"


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """One fixed colour per outlet: outlets sorted by name take the Okabe–Ito colours in turn.

    Pass every outlet of the corpus (not of one figure) so an outlet keeps its colour across figures.

    Example:
        >>> outlet_colors(["Xinhua", "BBC", "BBC"])
        {'BBC': '#0072B2', 'Xinhua': '#D55E00'}
    """
    names = sorted({str(o) for o in outlets})
    return {name: OKABE_ITO[i % len(OKABE_ITO)] for i, name in enumerate(names)}


def new_figure(*, width: str | float = "single", height: float | None = None, rows: int = 1) -> tuple[Figure, Axes]:
    """A figure sized for a journal column: ``width`` is ``single`` (3.5 in), ``double`` (7 in) or inches.

    Example:
        >>> fig, ax = new_figure(width="double"); fig.get_size_inches().tolist()
        [7.0, 2.6]
    """
    use_style()
    w = {"single": SINGLE_COLUMN, "double": DOUBLE_COLUMN}.get(width, width) if isinstance(width, str) else width
    h = height if height is not None else min(max(2.0, 0.22 * rows + 1.0), 9.0) if rows > 6 else 2.6
    fig = Figure(figsize=(float(w), h))  # not registered with pyplot: shown only where the caller displays it
    ax = fig.add_subplot()
    return fig, ax


def _axes(ax: Axes | None, rows: int = 1, width: str = "single") -> Axes:
    if ax is not None:
        return ax
    return new_figure(width=width, rows=rows)[1]


def plot_intervals(data: pd.DataFrame, *, label: str = "group", value: str = "value", low: str = "ci_low",
                   high: str = "ci_high", xlabel: str = "", colors: dict[str, str] | None = None,
                   color_by: str | None = None, reference: float | None = None, ax: Axes | None = None) -> Axes:
    """Horizontal point-and-interval chart: one row per ``label``, error bars from ``low`` to ``high``.

    Example:
        >>> d = pd.DataFrame({"group": ["A", "B"], "value": [0.2, -0.1], "ci_low": [0.0, -0.4], "ci_high": [0.5, 0.1]})
        >>> plot_intervals(d, xlabel="balance").get_xlabel()
        'balance'
    """
    ax = _axes(ax, rows=len(data))
    d = data.reset_index(drop=True)
    y = range(len(d))[::-1]
    keys = d[color_by] if color_by else d[label]
    for yi, (_, row), key in zip(y, d.iterrows(), keys):
        color = (colors or {}).get(str(key), OKABE_ITO[0])
        lo, hi = row[low], row[high]
        err = None if pd.isna(lo) else [[row[value] - lo], [hi - row[value]]]
        ax.errorbar(row[value], yi, xerr=err, fmt="o", color=color, ecolor=color)
    ax.set_yticks(list(y), [short(v) for v in d[label]])
    if reference is not None:
        ax.axvline(reference, color="#888888", linewidth=0.6, zorder=0)
    ax.set_xlabel(xlabel)
    return ax


def plot_grouped_intervals(data: pd.DataFrame, *, label: str = "group", series: str = "frame",
                           value: str = "value", low: str = "ci_low", high: str = "ci_high", xlabel: str = "",
                           colors: dict[str, str] | None = None, ax: Axes | None = None) -> Axes:
    """Like :func:`plot_intervals` with several series per row (e.g. conciliatory and warning), dodged.

    Example:
        >>> d = pd.DataFrame({"group": ["A", "A"], "frame": ["conciliatory", "warning"], "value": [20.0, 10.0],
        ...                   "ci_low": [10.0, 5.0], "ci_high": [30.0, 15.0]})
        >>> len(plot_grouped_intervals(d, xlabel="per 1,000 words").get_legend().get_texts())
        2
    """
    labels = list(dict.fromkeys(data[label]))
    names = list(dict.fromkeys(data[series]))
    ax = _axes(ax, rows=len(labels) * len(names))
    colors = colors or {**FRAME_COLORS, **{n: OKABE_ITO[i % 8] for i, n in enumerate(names) if n not in FRAME_COLORS}}
    step = 0.8 / max(len(names), 1)
    for j, name in enumerate(names):
        sub = data[data[series] == name].set_index(label)
        ys, xs, errs = [], [], [[], []]
        for i, lab in enumerate(labels[::-1]):
            if lab not in sub.index:
                continue
            row = sub.loc[lab]
            ys.append(i + (j - (len(names) - 1) / 2) * step)
            xs.append(row[value])
            errs[0].append(0 if pd.isna(row[low]) else row[value] - row[low])
            errs[1].append(0 if pd.isna(row[high]) else row[high] - row[value])
        ax.errorbar(xs, ys, xerr=errs, fmt="o", color=colors.get(name), label=str(name))
    ax.set_yticks(range(len(labels)), [short(v) for v in labels[::-1]])
    ax.set_xlabel(xlabel)
    ax.legend(loc="best")
    return ax


_UNSTATED = {"unstated", "unknown", "other", "unresolved"}
_HATCHES = ("", "//", "..", "xx", "\\\\")


def _distinct_styles(keys: list[str], colors: dict[str, str] | None) -> dict[str, tuple[str, str]]:
    """A (colour, hatch) per key, no two alike within one figure: fixed colours for sides and cue classes,
    light grey for "unstated"/"other", the Okabe-Ito colours not taken for the rest, then the same colours
    hatched once the eight are used up (channel reliance can have a dozen keys).

    Example:
        >>> styles = _distinct_styles([f"k{i}" for i in range(10)] + ["unstated"], None)
        >>> len(set(styles.values())), styles["unstated"], styles["k8"][1] != ""
        (11, ('#BBBBBB', ''), True)
    """
    fixed = {**SIDE_COLORS, **CUE_CLASS_COLORS, **(colors or {})}
    out: dict[str, tuple[str, str]] = {}
    for key in keys:
        if key in fixed:
            out[key] = (fixed[key], "")
        elif key in _UNSTATED:
            out[key] = ("#BBBBBB", "")
    free = [(c, h) for h in _HATCHES for c in OKABE_ITO if (c, h) not in out.values()]
    rest = iter(free)
    for key in keys:
        if key not in out:
            out[key] = next(rest, ("#999999", "++"))
    return {key: out[key] for key in keys}


def plot_shares(data: pd.DataFrame, *, label: str = "group", key: str = "key", value: str = "share",
                xlabel: str = "share", colors: dict[str, str] | None = None, ax: Axes | None = None) -> Axes:
    """Stacked horizontal bars of shares (each row sums to 1): share of voice, channels, verb classes.

    Example:
        >>> d = pd.DataFrame({"group": ["A", "A"], "key": ["china", "us"], "share": [0.6, 0.4]})
        >>> bool(plot_shares(d).get_xlim()[1] >= 1.0)
        True
    """
    wide = data.pivot_table(index=label, columns=key, values=value, aggfunc="sum", fill_value=0, sort=True)
    ax = _axes(ax, rows=len(wide))
    left = pd.Series(0.0, index=wide.index)
    rows = list(wide.index)[::-1]
    for col, (color, hatch) in _distinct_styles([str(c) for c in wide.columns], colors).items():
        ax.barh(range(len(rows)), wide.loc[rows, col], left=left.loc[rows], color=color, hatch=hatch,
                edgecolor="white" if hatch else None, linewidth=0, label=col, height=0.7)
        left = left + wide[col]
    ax.set_yticks(range(len(rows)), [short(r) for r in rows])
    ax.set_xlim(0, 1)
    ax.set_xlabel(xlabel)
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5))
    return ax


def plot_bars(data: pd.DataFrame, *, label: str, value: str, xlabel: str, colors: dict[str, str] | None = None,
              ax: Axes | None = None) -> Axes:
    """Horizontal bars, one per ``label`` (counts such as articles per outlet).

    Example:
        >>> plot_bars(pd.DataFrame({"outlet": ["A", "B"], "articles": [2, 1]}), label="outlet", value="articles",
        ...           xlabel="articles").get_xlabel()
        'articles'
    """
    ax = _axes(ax, rows=len(data))
    d = data.reset_index(drop=True)
    rows = list(range(len(d)))[::-1]
    bar_colors = [(colors or {}).get(str(v), OKABE_ITO[0]) for v in d[label]]
    ax.barh(rows, d[value], color=bar_colors, height=0.7)
    ax.set_yticks(rows, [short(v) for v in d[label]])
    ax.set_xlabel(xlabel)
    return ax


def plot_matrix(data: pd.DataFrame, *, row: str, column: str, value: str, label: str = "",
                ax: Axes | None = None) -> Axes:
    """A square heat map with the count in each cell (e.g. article pairs sharing text, outlet × outlet).

    ``data`` is tidy: one row per cell. Rows and columns are the union of both label sets, in order of first
    appearance; empty cells are blank. The colour map is cividis (readable in colour-blindness and in grey).

    Example:
        >>> d = pd.DataFrame({"outlet_a": ["A", "A"], "outlet_b": ["A", "B"], "pairs": [1, 3]})
        >>> [t.get_text() for t in plot_matrix(d, row="outlet_a", column="outlet_b", value="pairs").texts]
        ['1', '3', '3']
    """
    import numpy as np

    names = list(dict.fromkeys([*data[row].astype(str), *data[column].astype(str)]))
    index = {n: i for i, n in enumerate(names)}
    grid = np.full((len(names), len(names)), np.nan)
    for a, b, v in zip(data[row].astype(str), data[column].astype(str), data[value]):
        grid[index[a], index[b]] = grid[index[b], index[a]] = v
    ax = _axes(ax, rows=len(names))
    top = float(np.nanmax(grid)) if np.isfinite(grid).any() else 1.0
    image = ax.imshow(np.ma.masked_invalid(grid), cmap="cividis", aspect="equal", vmin=0, vmax=max(top, 1.0))
    for (i, j), v in np.ndenumerate(grid):
        if np.isfinite(v):
            ax.text(j, i, f"{v:g}", ha="center", va="center", fontsize=6, color="black" if v > top / 2 else "white")
    ax.set_xticks(range(len(names)), [short(n, 16) for n in names], rotation=90)
    ax.set_yticks(range(len(names)), [short(n, 24) for n in names])
    ax.grid(False)
    if label:
        ax.figure.colorbar(image, ax=ax, shrink=0.6, label=label)
    return ax


def safe_name(name: str) -> str:
    """A file name that is safe on every OS: letters, digits, ``-``, ``_`` and ``.`` only, at most 100 characters.

    Example:
        >>> safe_name("frame_balance_by_outlet:event"), safe_name("verb classes/Xi Jinping")
        ('frame_balance_by_outlet_event', 'verb_classes_Xi_Jinping')
    """
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", str(name)).strip("._")[:100]
    return cleaned or "figure"


def save_figure(fig: Figure, name: str, *, out_dir: str | Path, data: pd.DataFrame | None = None,
                formats: Sequence[str] = FORMATS, dpi: int = 300) -> list[Path]:
    """Save a figure as ``<name>.png|svg|pdf`` with no timestamps inside, and its data as ``<name>.csv``.

    Args:
        fig: The figure.
        name: A name that says what the figure shows (``frame_balance_by_outlet``).
        out_dir: The figures folder (created if missing).
        data: Exactly the data plotted; written as CSV beside the figure.
        formats: Any of ``png``, ``svg``, ``pdf``.
        dpi: Resolution of the PNG.

    Returns:
        The paths written.

    Example:
        >>> import tempfile
        >>> fig, ax = new_figure(); _ = ax.plot([0, 1], [0, 1])
        >>> [p.suffix for p in save_figure(fig, "line", out_dir=tempfile.mkdtemp(), data=pd.DataFrame({"x": [0, 1]}))]
        ['.png', '.svg', '.pdf', '.csv']
    """
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise UsageError(f"unknown figure formats {bad}; valid formats are {list(FORMATS)}")
    if data is not None and data.empty:
        raise UsageError(f"figure {name!r} has no data; show a note instead of an empty figure")
    name = safe_name(name)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    metadata = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
                "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None}}
    written = []
    for fmt in formats:
        path = out / f"{name}.{fmt}"
        fig.savefig(path, format=fmt, dpi=dpi, metadata=metadata[fmt])
        written.append(path)
    if data is not None:
        path = out / f"{name}.csv"
        data.to_csv(path, index=False, lineterminator="\n", float_format="%.10g")
        written.append(path)
    return written
