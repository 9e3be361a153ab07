"""Distinctive terms: log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd

from framing.extract.terms import count_group_terms
from framing.schema import TERM_COLUMNS


def distinctive_terms(
    sentences: pd.DataFrame,
    *,
    by: str = "outlet",
    articles: pd.DataFrame | None = None,
    prior_scale: float = 1.0,
    min_count: int = 2,
    stopwords: Iterable[str] | None = None,
    top: int | None = None,
) -> pd.DataFrame:
    """Log-odds ratio of each term in each group against all other groups, with z-scores.

    The prior is informative: α_w = ``prior_scale`` × the term's count in the whole corpus
    (Monroe et al. 2008, §3.5). For group i against the rest j,
    δ_w = log[(y_iw + α_w)/(n_i + α_0 − y_iw − α_w)] − log[(y_jw + α_w)/(n_j + α_0 − y_jw − α_w)],
    var(δ_w) ≈ 1/(y_iw + α_w) + 1/(y_jw + α_w), z = δ_w / √var.

    Args:
        sentences: The sentences table (``doc_id``, ``text`` and the ``by`` column or ``articles``).
        by: Any grouping column: ``outlet``, ``event``, ``voice``, ``position`` or an articles column.
        articles: The articles table, for article columns.
        prior_scale: Strength of the prior relative to the corpus counts.
        min_count: Keep terms seen at least this often in the whole corpus.
        stopwords: Terms to leave out (default: scikit-learn's English stop words).
        top: Keep only the ``top`` terms by z per group.

    Returns:
        A new DataFrame ``by, group, term, log_odds, z, count_group, count_rest, n_group, n_rest`` sorted by
        group and descending z.

    Example:
        >>> s = pd.DataFrame({"doc_id": list("aabb"), "outlet": list("XXYY"),
        ...     "text": ["warned warned caution", "warned force", "respect respect dialogue", "respect win"]})
        >>> t = distinctive_terms(s, min_count=1, stopwords=[])
        >>> t.groupby("group").term.first().to_dict()
        {'X': 'warned', 'Y': 'respect'}
    """
    counts = count_group_terms(sentences, by=by, articles=articles, stopwords=stopwords)
    return score_term_counts(counts, by=by, prior_scale=prior_scale, min_count=min_count, top=top)


def score_term_counts(
    counts: dict[str, Counter[str]],
    *,
    by: str = "outlet",
    prior_scale: float = 1.0,
    min_count: int = 2,
    top: int | None = None,
) -> pd.DataFrame:
    """Score per-group term counts (:func:`count_group_terms`) as in :func:`distinctive_terms`.

    Example:
        >>> c = {"X": Counter(warned=3, xi=1), "Y": Counter(respect=3, xi=1)}
        >>> score_term_counts(c, min_count=1).groupby("group").term.first().to_dict()
        {'X': 'warned', 'Y': 'respect'}
    """
    groups = {g: counts[g] for g in sorted(counts)}
    total = Counter()
    for counts in groups.values():
        total.update(counts)
    vocab = sorted(t for t, n in total.items() if n >= min_count)
    if not vocab or len(groups) < 2:
        return pd.DataFrame(columns=list(TERM_COLUMNS))
    y_all = np.array([total[t] for t in vocab], dtype=float)
    weighted = any(isinstance(n, float) for c in groups.values() for n in c.values())
    alpha = prior_scale * y_all
    alpha0 = alpha.sum()
    rows = []
    for group, counts in groups.items():
        y_i = np.array([counts.get(t, 0) for t in vocab], dtype=float)
        y_j = y_all - y_i
        n_i, n_j = float(sum(counts.values())), float(sum(total.values()) - sum(counts.values()))
        delta = (np.log((y_i + alpha) / (n_i + alpha0 - y_i - alpha))
                 - np.log((y_j + alpha) / (n_j + alpha0 - y_j - alpha)))
        z = delta / np.sqrt(1.0 / (y_i + alpha) + 1.0 / (y_j + alpha))
        # weighted counts (--reuse weight) stay fractional; plain counts are whole numbers
        as_count = (lambda v: np.round(v, 6)) if weighted else (lambda v: np.rint(v).astype(np.int64))
        frame = pd.DataFrame({"by": by, "group": group, "term": vocab, "log_odds": delta, "z": z,
                              "count_group": as_count(y_i), "count_rest": as_count(y_j),
                              "n_group": as_count(np.float64(n_i)), "n_rest": as_count(np.float64(n_j))})
        # ties (z equal to 9 decimals; sums of weighted counts differ in the last bits by chunking) by term
        frame = frame.assign(_z=np.round(z, 9)).sort_values(["_z", "term"], ascending=[False, True],
                                                            kind="mergesort").drop(columns="_z")
        rows.append(frame.head(top) if top else frame)
    return pd.concat(rows, ignore_index=True)[list(TERM_COLUMNS)]
