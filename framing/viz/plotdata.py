"""Select exactly the data a figure shows from the signal tables (no plotting here).

Each function returns a small tidy DataFrame; :func:`framing.viz.save_figure` writes it beside the figure.
"""

from __future__ import annotations

import pandas as pd

from framing.schema import unpooled


def articles_per(articles: pd.DataFrame, *, by: str = "outlet") -> pd.DataFrame:
    """Articles and median length per group.

    Example:
        >>> a = pd.DataFrame({"outlet": ["X", "X", "Y"], "n_words": [100, 300, 50]})
        >>> articles_per(a).values.tolist()
        [['X', 2, 200.0], ['Y', 1, 50.0]]
    """
    t = articles.groupby(by, sort=True).agg(articles=("n_words", "size"), median_words=("n_words", "median"))
    return t.reset_index()


def frame_rates(frame_scores: pd.DataFrame, *, level: str = "outlet", lexicon: str = "stance") -> pd.DataFrame:
    """Rate per 1,000 words of each frame per group, with intervals: ``group, frame, value, ci_low, ci_high``.

    Example:
        >>> s = pd.DataFrame({"lexicon": ["stance"], "level": ["outlet"], "group": ["X"], "frame": ["warning"],
        ...                   "measure": ["rate_per_1000"], "value": [5.0], "ci_low": [1.0], "ci_high": [9.0]})
        >>> frame_rates(s).values.tolist()
        [['X', 'warning', 5.0, 1.0, 9.0]]
    """
    t = frame_scores[(frame_scores["lexicon"] == lexicon) & (frame_scores["level"] == level)
                     & (frame_scores["measure"] == "rate_per_1000")]
    return t[["group", "frame", "value", "ci_low", "ci_high"]].reset_index(drop=True)


def frame_balance(frame_scores: pd.DataFrame, *, level: str = "outlet", lexicon: str = "stance") -> pd.DataFrame:
    """Balance index per group with its interval: ``group, value, ci_low, ci_high, n_sentences``.

    Example:
        >>> s = pd.DataFrame({"lexicon": ["stance"], "level": ["voice"], "group": ["quoted"], "frame": ["balance"],
        ...     "measure": ["balance"], "value": [0.4], "ci_low": [0.1], "ci_high": [0.7], "n_sentences": [41]})
        >>> frame_balance(s, level="voice").values.tolist()
        [['quoted', 0.4, 0.1, 0.7, 41]]
    """
    t = frame_scores[(frame_scores["lexicon"] == lexicon) & (frame_scores["level"] == level)
                     & (frame_scores["measure"] == "balance")]
    return t[["group", "value", "ci_low", "ci_high", "n_sentences"]].reset_index(drop=True)


def attribution_shares(attribution_scores: pd.DataFrame, *, measure: str = "side_share",
                       level: str = "outlet") -> pd.DataFrame:
    """Shares per group and key for one attribution measure: ``group, key, n, share``.

    Example:
        >>> s = pd.DataFrame({"level": ["outlet"], "group": ["X"], "measure": ["side_share"], "key": ["us"],
        ...                   "n": [3], "share": [1.0]})
        >>> attribution_shares(s).values.tolist()
        [['X', 'us', 3, 1.0]]
    """
    t = attribution_scores[(attribution_scores["level"] == level) & (attribution_scores["measure"] == measure)]
    return t[["group", "key", "n", "share"]].reset_index(drop=True)


def verb_classes(attribution_scores: pd.DataFrame, *, speaker: str, level: str = "outlet") -> pd.DataFrame:
    """Reporting-verb classes of one speaker per group: ``group, key (class), n, share``.

    Example:
        >>> s = pd.DataFrame({"level": ["outlet"], "group": ["X"], "measure": ["verb_class_by_speaker"],
        ...                   "key": ["Xi"], "subkey": ["alarm"], "n": [2], "share": [1.0]})
        >>> verb_classes(s, speaker="Xi").values.tolist()
        [['X', 'alarm', 2, 1.0]]
    """
    t = attribution_scores[(attribution_scores["level"] == level)
                           & (attribution_scores["measure"] == "verb_class_by_speaker")
                           & (attribution_scores["key"] == speaker)]
    return t[["group", "subkey", "n", "share"]].rename(columns={"subkey": "key"}).reset_index(drop=True)


def sentiment_by(sentiment_scores: pd.DataFrame, *, level: str = "outlet", measure: str = "polarity") -> pd.DataFrame:
    """Mean sentiment per group with intervals: ``group, value, ci_low, ci_high, n_sentences``.

    Example:
        >>> s = pd.DataFrame({"level": ["voice"], "group": ["quoted"], "measure": ["polarity"], "value": [0.2],
        ...                   "ci_low": [0.1], "ci_high": [0.3], "n_sentences": [9]})
        >>> sentiment_by(s, level="voice").values.tolist()
        [['quoted', 0.2, 0.1, 0.3, 9]]
    """
    t = sentiment_scores[(sentiment_scores["level"] == level) & (sentiment_scores["measure"] == measure)]
    return t[["group", "value", "ci_low", "ci_high", "n_sentences"]].reset_index(drop=True)


def top_terms(distinctive_terms: pd.DataFrame, *, by: str = "outlet", group: str, n: int = 12) -> pd.DataFrame:
    """The ``n`` most distinctive terms of one group: ``term, z, log_odds, count_group``.

    Example:
        >>> t = pd.DataFrame({"by": ["outlet"] * 2, "group": ["X"] * 2, "term": ["warned", "said"],
        ...                   "z": [2.0, 1.0], "log_odds": [1.0, 0.5], "count_group": [3, 2]})
        >>> top_terms(t, group="X", n=1).term.tolist()
        ['warned']
    """
    t = distinctive_terms[(distinctive_terms["by"] == by) & (distinctive_terms["group"] == group)]
    return t.nlargest(n, "z")[["term", "z", "log_odds", "count_group"]].reset_index(drop=True)


def group_labels(articles: pd.DataFrame, column: str = "outlet") -> pd.Series:
    """The group label each article has in the score tables: ``unknown`` becomes ``unknown:<doc_id>``.

    Example:
        >>> a = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["BBC", "unknown"]})
        >>> group_labels(a).tolist()
        ['BBC', 'unknown:b']
    """
    return unpooled(articles[column], articles["doc_id"]).astype(str)
