"""Pairwise comparisons between groups (outlets within an event, quoted vs narration), with intervals.

Each pair's difference gets a percentile bootstrap interval (groups resampled independently). A difference is
``within_noise`` when its interval includes 0.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
import pandas as pd

from framing.config.lexicons import Lexicon
from framing.corpus.metadata import with_metadata
from framing.schema import ALL, COMPARISON_COLUMNS
from framing.stats.bootstrap import bootstrap_sums
from framing.stats.frame_scores import FrameStatistic, as_lexicons, frame_units, unit_values


def compare_frames(
    sentences: pd.DataFrame,
    matches: pd.DataFrame,
    *,
    lexicon: str | Lexicon = "stance",
    by: str = "outlet",
    within: str | None = None,
    articles: pd.DataFrame | None = None,
    measures: Sequence[str] = ("balance", "rate_per_1000"),
    n_resamples: int = 2000,
    confidence_level: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Compare every pair of groups: the difference of each measure with a bootstrap interval.

    A difference is ``within_noise`` when its interval includes 0. With ``within="event"`` only groups that
    share an event are compared (same-event comparison), and the groups are ``by`` values within it.

    Args:
        sentences: The sentences table.
        matches: Frame matches.
        lexicon: The lexicon.
        by: The column whose values are compared (``outlet``, ``voice``, ``position`` …).
        within: Compare only inside each value of this column (e.g. ``event``).
        articles: The articles table, for article columns.
        measures: Any of ``balance``, ``rate_per_1000``, ``count``.
        n_resamples: Bootstrap resamples.
        confidence_level: Interval coverage.
        seed: Random seed.

    Returns:
        A new DataFrame: ``lexicon, by, within, group_a, group_b, frame, measure, value_a, value_b, diff,
        ci_low, ci_high, within_noise``.

    Example:
        >>> from framing import load_corpus
        >>> from framing.extract.frames import match_frames
        >>> c = load_corpus("data/raw/xi-trump-calls")
        >>> t = compare_frames(c.sentences, match_frames(c.sentences, quotes=c.quotes), by="outlet",
        ...                    within="event", articles=c.articles, measures=["balance"], n_resamples=500)
        >>> sorted(t.within.unique()), len(t)
        (['xi-trump-call-2026-02-04'], 3)
    """
    lex = as_lexicons(lexicon)[0]
    cols = [by] + ([within] if within else [])
    sents = with_metadata(sentences, articles, cols)
    units = frame_units(sents, matches, lexicon=lex, by_voice=(by == "voice" or within == "voice"))
    return compare_frame_units(units, lexicon=lex, by=by, within=within, measures=measures,
                               n_resamples=n_resamples, confidence_level=confidence_level, seed=seed)


def compare_frame_units(
    units: pd.DataFrame,
    *,
    lexicon: str | Lexicon = "stance",
    by: str = "outlet",
    within: str | None = None,
    measures: Sequence[str] = ("balance", "rate_per_1000"),
    n_resamples: int = 2000,
    confidence_level: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """:func:`compare_frames` from a unit table (:func:`frame_units`) that has the ``by``/``within`` columns.

    Example:
        >>> s = pd.DataFrame({"doc_id": ["a", "b"], "sent_id": [0, 0], "n_words": [10, 10], "outlet": ["X", "Y"]})
        >>> m = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "lexicon": ["stance"], "frame": ["warning"],
        ...                   "voice": ["narration"], "negated": [False]})
        >>> compare_frame_units(frame_units(s, m), measures=["balance"], n_resamples=0)[["group_a", "diff"]].values.tolist()
        [['X', -1.0]]
    """
    lex = as_lexicons(lexicon)[0]
    statistic = FrameStatistic([lex])
    names = statistic.names[0]
    wanted = [i for i, (_, m) in enumerate(names) if m in measures]
    units = units.reset_index(drop=True)
    values = unit_values(units, statistic.columns)  # word and match counts (weighted under --reuse weight)
    strata = (units.groupby(within, sort=True, observed=True).indices.items() if within
              else [(ALL, np.arange(len(units)))])
    rows = []
    for stratum, members in strata:
        found = units.iloc[members].groupby(by, sort=True, observed=True).indices
        groups = {k: members[idx] for k, idx in found.items()}
        keys = sorted(groups)
        if len(keys) < 2:
            continue
        point, _, _ = bootstrap_sums(values, [[groups[k]] for k in keys], statistic, n_resamples=0)
        pairs = list(itertools.combinations(range(len(keys)), 2))
        low = np.full((len(pairs), len(names)), np.nan)
        high = low.copy()
        # every group is resampled once and all its pairs use the same resamples (within each pair the two
        # groups stay independent); groups of fewer than 2 units get no interval
        able = {i: j for j, i in enumerate(i for i, k in enumerate(keys) if len(groups[k]) >= 2)}
        resampled = [p for p, (a, b) in enumerate(pairs) if a in able and b in able]
        if resampled and n_resamples > 0:
            pairwise = _Pairwise(statistic, [(able[pairs[p][0]], able[pairs[p][1]]) for p in resampled])
            _, lo, hi = bootstrap_sums(values, [[groups[keys[i]] for i in able]], pairwise,
                                       n_resamples=n_resamples, confidence_level=confidence_level, seed=seed,
                                       label=f"{lex.name}|{by}|{within}|{stratum}", constant=pairwise.constant)
            low[resampled], high[resampled] = lo.reshape(len(resampled), -1), hi.reshape(len(resampled), -1)
        for p, (a, b) in enumerate(pairs):
            for i in wanted:
                frame, measure = names[i]
                lo_, hi_ = float(low[p, i]), float(high[p, i])
                rows.append({"lexicon": lex.name, "by": by, "within": str(stratum), "group_a": str(keys[a]),
                             "group_b": str(keys[b]), "frame": frame, "measure": measure,
                             "value_a": float(point[a, i]), "value_b": float(point[b, i]),
                             "diff": float(point[a, i] - point[b, i]), "ci_low": lo_, "ci_high": hi_,
                             "within_noise": bool(not (lo_ > 0 or hi_ < 0))})
    out = pd.DataFrame(rows, columns=[c for c in COMPARISON_COLUMNS
                                      if c not in ("p_value", "p_adjusted", "shared_clusters")])
    out = add_p_values(out, confidence_level=confidence_level)
    return out.assign(shared_clusters=0)[list(COMPARISON_COLUMNS)]  # filled by the reuse pass


def add_p_values(comparisons: pd.DataFrame, *, confidence_level: float = 0.95) -> pd.DataFrame:
    """Add a two-sided ``p_value`` per pair and its Holm adjustment ``p_adjusted`` across every pair of the
    same frame and measure in the table (all events together: the family a reader scans).

    The p-value is a normal approximation from the bootstrap interval (standard error = interval width /
    2·z); pairs without an interval, or with a zero-width one (no variation to test), get none. Holm's
    step-down adjustment controls the chance of any false "differs" among the pairs at the stated level.

    Example:
        >>> c = pd.DataFrame({"frame": ["balance"] * 4, "measure": ["balance"] * 4, "diff": [0.5, 0.1, 0.0, 1.0],
        ...                   "ci_low": [0.3, -0.1, -0.2, 1.0], "ci_high": [0.7, 0.3, 0.2, 1.0]})
        >>> add_p_values(c)[["p_value", "p_adjusted"]].round(4).values.tolist()
        [[0.0, 0.0], [0.3271, 0.6542], [1.0, 1.0], [nan, nan]]
    """
    from scipy.stats import norm

    z = norm.ppf(0.5 + confidence_level / 2)
    se = (comparisons["ci_high"].to_numpy(dtype=float) - comparisons["ci_low"].to_numpy(dtype=float)) / (2 * z)
    diff = comparisons["diff"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        # a zero-width interval means the statistic could not vary under resampling (a group using one frame
        # only, or too few units), not certainty: such a pair gets no p-value
        p = np.where(se > 0, 2 * norm.sf(np.abs(diff) / np.where(se > 0, se, 1)), np.nan)
    adjusted = np.full(len(p), np.nan)
    families = comparisons.groupby(["frame", "measure"], sort=False).indices if len(comparisons) else {}
    for rows in families.values():
        adjusted[rows] = holm(p[rows])
    columns = list(dict.fromkeys([*comparisons.columns[:comparisons.columns.get_loc("ci_high") + 1],
                                  "p_value", "p_adjusted", *comparisons.columns]))
    return comparisons.assign(p_value=p, p_adjusted=adjusted)[columns]


def holm(p: np.ndarray) -> np.ndarray:
    """Holm's step-down adjusted p-values (NaN stays NaN and does not count in the family).

    Example:
        >>> holm(np.array([0.01, 0.04, 0.03, np.nan])).round(2).tolist()
        [0.03, 0.06, 0.06, nan]
    """
    out = np.full(len(p), np.nan)
    ok = np.flatnonzero(~np.isnan(p))
    if not len(ok):
        return out
    order = ok[np.argsort(p[ok], kind="stable")]
    m = len(order)
    stepped = np.maximum.accumulate(np.minimum(1.0, (m - np.arange(m)) * p[order]))
    out[order] = stepped
    return out


class _Pairwise:
    """Differences of a statistic between pairs of samples of one item: ``(1, pairs × P, resamples)``."""

    def __init__(self, statistic: FrameStatistic, pairs: list[tuple[int, int]]):
        self.statistic = statistic
        self.a = np.array([a for a, _ in pairs], dtype=np.int64)
        self.b = np.array([b for _, b in pairs], dtype=np.int64)

    def __call__(self, sums: np.ndarray) -> np.ndarray:
        per_sample = self.statistic(sums.reshape(sums.shape[1], 1, *sums.shape[2:]))  # (samples, P, R)
        diff = per_sample[self.a] - per_sample[self.b]
        return diff.reshape(1, -1, diff.shape[-1])

    def constant(self, mins: np.ndarray, maxs: np.ndarray) -> np.ndarray:
        shape = (mins.shape[1], 1, mins.shape[2])
        fixed = self.statistic.constant(mins.reshape(shape), maxs.reshape(shape))  # (samples, P)
        return (fixed[self.a] & fixed[self.b]).reshape(1, -1)
