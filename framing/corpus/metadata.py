"""Join article metadata (outlet, event, any sidecar column) onto per-sentence rows for grouping."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from framing.errors import UsageError
from framing.schema import unpooled


def with_metadata(sentences: pd.DataFrame, articles: pd.DataFrame | None, by: Sequence[str]) -> pd.DataFrame:
    """Join article columns (``outlet``, ``event`` …) onto sentences for grouping.

    Columns the sentences already have are left alone. Unknown values become ``unknown:<doc_id>`` so that
    documents of unknown outlet are never pooled.

    Example:
        >>> s = pd.DataFrame({"doc_id": ["a", "b"], "sent_id": [0, 0]})
        >>> a = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["BBC", "unknown"]})
        >>> with_metadata(s, a, ["outlet"]).outlet.tolist()
        ['BBC', 'unknown:b']
    """
    need = [c for c in by if c not in sentences.columns and c != "voice"]
    if not need:
        return sentences
    if articles is None:
        raise UsageError(f"grouping by {need} needs the articles table (articles=...)")
    missing = [c for c in need if c not in articles.columns]
    if missing:
        raise UsageError(f"cannot group by {missing}; valid columns are "
                         f"{sorted(set(articles.columns) | set(sentences.columns) | {'voice'})}")
    index = pd.Index(articles["doc_id"])
    if not index.is_unique:
        raise UsageError(f"the articles table repeats doc_ids: {sorted(index[index.duplicated()].unique())[:5]}")
    rows = index.get_indexer(sentences["doc_id"])
    merged = sentences.copy()
    for col in need:  # documents whose outlet/event is unknown are never pooled into one group
        values = pd.Series(articles[col].to_numpy(dtype=object)[rows], index=sentences.index).where(rows >= 0)
        merged[col] = unpooled(values, sentences["doc_id"])
    return merged
