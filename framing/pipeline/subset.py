"""Restrict computed signal tables to some outlets or events, and the tables a notebook reads."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from framing.config.bundle import Resources, as_resources
from framing.errors import check_choice
from framing.pipeline.aggregate import Aggregator, reuse_tables
from framing.pipeline.chunks import part_of, plan
from framing.pipeline.signals import compute_signals
from framing.schema import FRAME_LEVELS, PER_DOCUMENT_TABLES
from framing.stats.reuse import reuse_weights, subset_reuse

_LOAD_TABLES = ("load_report", "removed_lines")


def filter_signals(
    tables: Mapping[str, pd.DataFrame],
    *,
    resources: Resources,
    outlets: Sequence[str] = (),
    events: Sequence[str] = (),
    levels: Sequence[Sequence[str]] = FRAME_LEVELS,
    n_resamples: int = 2000,
    seed: int = 0,
    reuse: str = "keep",
) -> dict[str, pd.DataFrame]:
    """Restrict computed tables to some outlets and/or events and recompute the aggregates from them.

    No text is scored again: the per-document tables are filtered, and the aggregates (scores, comparisons,
    terms, attribution shares) are computed from them exactly as for a fresh run on those documents. The reuse
    tables keep the pairs within the subset, with clusters recounted; ``reuse`` weighs copies as in
    :func:`~framing.compute_signals`.

    Raises:
        UsageError: For an outlet or event the corpus does not have (the message lists those it has).

    Example:
        >>> sig = compute_signals("data/raw/xi-trump-calls", n_resamples=0)
        >>> t = filter_signals(sig.tables, resources=sig.resources, events=["xi-trump-call-2026-02-04"],
        ...                    n_resamples=0)
        >>> sorted(t["articles"].event.unique()), sorted(t["frame_scores"].event.unique())[:2]
        (['xi-trump-call-2026-02-04'], ['all', 'xi-trump-call-2026-02-04'])
    """
    articles = tables["articles"]
    keep = pd.Series(True, index=articles.index)
    for column, wanted in (("outlet", outlets), ("event", events)):
        if isinstance(wanted, str):
            wanted = [wanted]
        for value in wanted:
            check_choice(value, sorted(articles[column].dropna().astype(str).unique()), column)
        if wanted:
            keep &= articles[column].astype(str).isin(list(wanted))
    if keep.all():
        return dict(tables)
    doc_ids = set(articles.loc[keep, "doc_id"])
    subset = {name: frame[frame["doc_id"].isin(doc_ids)].reset_index(drop=True)
              for name, frame in tables.items() if name in PER_DOCUMENT_TABLES or name in _LOAD_TABLES}
    found = subset_reuse(tables["reuse"], tables["reuse_clusters"], doc_ids) if "reuse" in tables else None
    weights = reuse_weights(found[1], doc_ids, mode=reuse) if found is not None else {}
    if found is None:
        found = reuse_tables(None)
    aggregator = Aggregator(resources, levels, n_resamples, seed, reuse=found)
    aggregator.add(part_of(subset, plan(resources, levels, reuse=reuse, weights=weights, sign=False)))
    return {**subset, **aggregator.tables()}


def load_signal_tables(
    corpus: str | Path | None = None,
    *,
    tables_dir: str | Path | None = None,
    metadata: str | Path | None = None,
    lexicon: str | Path = "stance",
    outlets: Sequence[str] = (),
    events: Sequence[str] = (),
    resources: Resources | None = None,
) -> dict[str, pd.DataFrame]:
    """The signal tables a notebook reads: from ``tables_dir`` (a report's ``tables/``, already filtered), or
    computed for ``corpus`` (the demo corpus when ``None``) and filtered to ``outlets``/``events``.

    Example:
        >>> t = load_signal_tables(events=["xi-trump-call-2026-02-04"])
        >>> sorted(t["articles"].event.unique())
        ['xi-trump-call-2026-02-04']
    """
    from framing.config.files import default_corpus
    from framing.io.tables import read_tables

    if tables_dir is not None:
        return read_tables(tables_dir)
    res = as_resources(resources, lexicons=list(dict.fromkeys([str(lexicon), "issues"])))
    signals = compute_signals(corpus if corpus is not None else default_corpus(), resources=res)
    return filter_signals(signals.tables, resources=res, outlets=outlets, events=events)
