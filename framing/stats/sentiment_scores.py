"""Mean sentence polarity and subjectivity per group, with bootstrap intervals."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from framing.corpus.metadata import with_metadata
from framing.schema import SENTIMENT_MEASURES
from framing.stats.bootstrap import bootstrap_sums
from framing.stats.grouping import count_docs, group_rows


def _mean_statistic(sums: np.ndarray) -> np.ndarray:
    """Means of polarity and subjectivity from sums of ``[polarity, subjectivity, 1]``."""
    return sums[:, 0, :2] / sums[:, 0, 2:3]


def _mean_constant(mins: np.ndarray, maxs: np.ndarray) -> np.ndarray:
    """A mean cannot change under resampling when every unit has the same value."""
    return (mins == maxs)[:, 0, :2]


def score_sentiment_groups(
    sentiment: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    by: Sequence[str] = ("outlet",),
    articles: pd.DataFrame | None = None,
    n_resamples: int = 2000,
    confidence_level: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Mean sentence polarity and subjectivity per group, with bootstrap intervals.

    ``voice`` groups use each sentence's majority voice (:func:`framing.corpus.measure_voice`).
    A ``speaker_id`` grouping works once an attributions table has been joined onto ``sentences``.

    Returns:
        A new DataFrame ``level, group, <by columns>, measure (polarity | subjectivity), value, ci_low,
        ci_high, n_docs, n_sentences``.

    Example:
        >>> s = pd.DataFrame({"doc_id": ["a", "a", "b"], "sent_id": [0, 1, 0], "outlet": ["X", "X", "Y"]})
        >>> sent = pd.DataFrame({"doc_id": ["a", "a", "b"], "sent_id": [0, 1, 0], "polarity": [0.5, 0.1, -0.2],
        ...                      "subjectivity": [0.4, 0.2, 0.3]})
        >>> score_sentiment_groups(sent, s, n_resamples=0).query("measure == 'polarity'").value.round(3).tolist()
        [0.3, -0.2]
    """
    by = list(by)
    slim = sentences[[c for c in dict.fromkeys(["doc_id", "sent_id", *by]) if c in sentences.columns]]
    sents = with_metadata(slim, articles, by)
    data = sents.merge(sentiment[["doc_id", "sent_id", "polarity", "subjectivity"]], on=["doc_id", "sent_id"],
                       how="inner", validate="one_to_one")
    return score_sentiment_units(data, by=by, n_resamples=n_resamples, confidence_level=confidence_level,
                                 seed=seed)


def score_sentiment_units(data: pd.DataFrame, *, by: Sequence[str] = ("outlet",), n_resamples: int = 2000,
                          confidence_level: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """:func:`score_sentiment_groups` from one table of sentences with ``polarity``, ``subjectivity`` and the
    ``by`` columns.

    Example:
        >>> d = pd.DataFrame({"doc_id": ["a", "b"], "sent_id": [0, 0], "outlet": ["X", "X"],
        ...                   "polarity": [0.5, 0.0], "subjectivity": [1.0, 0.0]})
        >>> score_sentiment_units(d, n_resamples=0).value.tolist()
        [0.25, 0.5]
    """
    by = list(by)
    columns = ["level", "group", *by, "measure", "value", "ci_low", "ci_high", "n_docs", "n_sentences"]
    groups = group_rows(data, by)
    if not groups:
        return pd.DataFrame(columns=columns)
    values = np.column_stack([data["polarity"].to_numpy(dtype=float), data["subjectivity"].to_numpy(dtype=float),
                              np.ones(len(data))])
    if "weight" in data.columns:  # --reuse weight: a weighted mean
        values = values * data["weight"].to_numpy(dtype=float)[:, None]
    point, low, high = bootstrap_sums(values, [[idx] for _, idx in groups], _mean_statistic,
                                      n_resamples=n_resamples, confidence_level=confidence_level, seed=seed,
                                      label=f"sentiment|{'+'.join(by)}", constant=_mean_constant)
    measures = list(SENTIMENT_MEASURES)
    return pd.DataFrame({
        "level": ":".join(by), "group": np.repeat([" | ".join(str(k) for k in key) for key, _ in groups], 2),
        **{c: np.repeat([str(key[j]) for key, _ in groups], 2) for j, c in enumerate(by)},
        "measure": measures * len(groups), "value": point.ravel(), "ci_low": low.ravel(), "ci_high": high.ravel(),
        "n_docs": np.repeat(count_docs(data, groups), 2), "n_sentences": np.repeat([len(i) for _, i in groups], 2),
    }, columns=columns)
