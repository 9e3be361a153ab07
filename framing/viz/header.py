"""The block at the top of every report page: what corpus, which documents, which parameters."""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd

from framing.schema import unpooled


def page_header(articles: pd.DataFrame, *, title: str, parameters: Mapping[str, object] | None = None) -> str:
    """An HTML block (every value escaped) with the page title, the corpus's size, outlets, events, date
    range, and the parameters the page was run with.

    Example:
        >>> a = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["BBC", "<b>X</b>"], "event": ["e", "e"],
        ...                   "published": pd.to_datetime(["2025-01-17", None])})
        >>> block = page_header(a, title="Overview", parameters={"group_by": "outlet"})
        >>> "2 articles from 2 outlets on 1 event" in block, "&lt;b&gt;X&lt;/b&gt;" in block
        (True, True)
    """
    outlets = unpooled(articles["outlet"], articles["doc_id"]).astype(str)
    events = unpooled(articles["event"], articles["doc_id"]).astype(str)
    dates = pd.to_datetime(articles["published"]).dropna() if "published" in articles else pd.Series([], dtype=object)
    span = (f"published {dates.min():%d %B %Y} to {dates.max():%d %B %Y}" if len(dates)
            else "no publication dates known")
    if len(dates) and len(dates) < len(articles):
        span += f" ({len(articles) - len(dates)} without a date)"
    n_out, n_ev = outlets.nunique(), events.nunique()
    summary = (f"{len(articles)} article{'s' * (len(articles) != 1)} from {n_out} outlet{'s' * (n_out != 1)} "
               f"on {n_ev} event{'s' * (n_ev != 1)}, {span}.")
    shown = {k: v for k, v in (parameters or {}).items() if v not in (None, [], "")}
    params = "; ".join(f"{k} = {v}" for k, v in shown.items()) or "defaults"
    top = ", ".join(f"{name} ({n})" for name, n in outlets.value_counts().head(8).items())
    more = f" and {n_out - 8} more" if n_out > 8 else ""
    e = html.escape
    return (f'<div class="framing-header" title="{e(title)}"><p>{e(summary)}</p>'
            f"<p>Outlets: {e(top)}{e(more)}.</p><p>Parameters: {e(params)}.</p></div>")
