"""Aggregate frame matches and sentiment by any grouping, with bootstrap intervals and comparisons.

Measures per group and frame: ``count`` (non-negated matches), ``rate_per_1000`` (per 1,000 words) and,
for a lexicon with a ``balance`` pair, ``balance`` = (first − second) / (first + second), 0 when a group
has neither. Intervals are percentile bootstrap intervals from ``scipy.stats.bootstrap``, resampling the
group's sentences (or, for ``voice``, the sentence's quoted or narrated part), through
:func:`framing.bootstrap.bootstrap_sums`. The groups of one level are bootstrapped together as independent
samples (each group resampled within itself), and all lexicons of a level share the resamples; batches are
seeded from ``seed`` and the level's name, so the same input gives the same intervals.

Documents whose article-level grouping value (``outlet``, ``event`` …) is ``unknown`` are never pooled:
each forms its own group labelled ``unknown:<doc_id>``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

import numpy as np
import pandas as pd

from framing.bootstrap import bootstrap_sums
from framing.lexicons import Lexicon, load_lexicon
from framing.metadata import unpooled

SCORE_COLUMNS = ["lexicon", "level", "group", "doc_id", "outlet", "event", "voice", "position", "frame",
                 "measure", "value", "ci_low", "ci_high", "n_docs", "n_sentences", "n_words"]
COMPARISON_COLUMNS = ["lexicon", "by", "within", "group_a", "group_b", "frame", "measure", "value_a",
                      "value_b", "diff", "ci_low", "ci_high", "within_noise"]
GROUP_KEYS = ("doc_id", "outlet", "event", "voice", "position")
DEFAULT_LEVELS: tuple[tuple[str, ...], ...] = (
    ("doc_id",), ("outlet",), ("event",), ("outlet", "event"), ("voice",), ("position",),
    ("outlet", "voice"), ("outlet", "position"),
)
ALL = "all"


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
        raise ValueError(f"grouping by {need} needs the articles table (articles=...)")
    missing = [c for c in need if c not in articles.columns]
    if missing:
        raise ValueError(f"cannot group by {missing}; valid columns are "
                         f"{sorted(set(articles.columns) | set(sentences.columns) | {'voice'})}")
    index = pd.Index(articles["doc_id"])
    if not index.is_unique:
        raise ValueError(f"the articles table repeats doc_ids: {sorted(index[index.duplicated()].unique())[:5]}")
    rows = index.get_indexer(sentences["doc_id"])
    merged = sentences.copy()
    for col in need:  # documents whose outlet/event is unknown are never pooled into one group
        values = pd.Series(articles[col].to_numpy(dtype=object)[rows], index=sentences.index).where(rows >= 0)
        merged[col] = unpooled(values, sentences["doc_id"])
    return merged


def _as_lexicons(lexicon: str | Lexicon | Sequence[str | Lexicon]) -> list[Lexicon]:
    items = [lexicon] if isinstance(lexicon, (str, Lexicon)) else list(lexicon)
    return [lex if isinstance(lex, Lexicon) else load_lexicon(lex) for lex in items]


def count_column(lexicon: str, frame: str) -> str:
    """The name of a unit table's count column for one frame of one lexicon."""
    return f"count:{lexicon}:{frame}"


def frame_units(sentences: pd.DataFrame, matches: pd.DataFrame, *,
                lexicon: str | Lexicon | Sequence[str | Lexicon] = "stance", by_voice: bool = False) -> pd.DataFrame:
    """Build the resampling units: one row per sentence (or sentence part per voice) with frame counts.

    Args:
        sentences: Sentences, with ``n_words_quoted``/``n_words_narration`` when ``by_voice``.
        matches: Frame matches (negated matches are not counted).
        lexicon: One lexicon or several; every frame of each gets a count column.
        by_voice: Split each sentence into its quoted and narrated parts (parts without words are dropped).

    Returns:
        A new DataFrame: the sentence columns, ``voice`` when ``by_voice``, ``n_words`` of the unit, and one
        int32 count column per lexicon and frame, named ``count:<lexicon>:<frame>``.

    Example:
        >>> s = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "n_words": [10]})
        >>> m = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "lexicon": ["stance"], "frame": ["warning"],
        ...                   "voice": ["quoted"], "negated": [False]})
        >>> frame_units(s, m)[["count:stance:conciliatory", "count:stance:warning"]].values.tolist()
        [[0, 1]]
    """
    lexs = _as_lexicons(lexicon)
    keys = ["doc_id", "sent_id", "voice"] if by_voice else ["doc_id", "sent_id"]
    if by_voice:
        parts = [sentences.assign(voice=voice, n_words=sentences[f"n_words_{voice}"])
                 for voice in ("quoted", "narration")]
        base = pd.concat([p[p["n_words"] > 0] for p in parts], ignore_index=True)
    else:
        base = sentences.reset_index(drop=True)
    columns = {(lex.name, f): i for i, (lex, f) in enumerate((lex, f) for lex in lexs for f in lex.frames)}
    counts = np.zeros((len(base), len(columns)), dtype=np.int32)
    m = matches[~matches["negated"].astype(bool)] if len(matches) else matches
    if len(m) and len(base):
        col = pd.Series(list(zip(m["lexicon"], m["frame"]))).map(columns).to_numpy()
        row = pd.MultiIndex.from_frame(base[keys]).get_indexer(pd.MultiIndex.from_frame(m[keys]))
        ok = (row >= 0) & ~pd.isna(col)
        np.add.at(counts, (row[ok], col[ok].astype(np.int64)), 1)
    names = [count_column(lex, f) for lex, f in columns]
    return pd.concat([base, pd.DataFrame(counts, columns=names, index=base.index)], axis=1)


def _groups(units: pd.DataFrame, by: list[str]) -> list[tuple[tuple[object, ...], np.ndarray]]:
    """Row numbers of each group of ``units`` by ``by``, ordered by the groups' labels."""
    indices = units.groupby(by, sort=False, dropna=False, observed=True).indices
    groups = [((k if isinstance(k, tuple) else (k,)), np.asarray(v)) for k, v in indices.items()]
    return sorted(groups, key=lambda kv: tuple(str(k) for k in kv[0]))


def _n_docs(units: pd.DataFrame, groups: list[tuple[tuple[object, ...], np.ndarray]]) -> np.ndarray:
    """Distinct documents per group, computed for all groups at once."""
    if not groups:
        return np.zeros(0, dtype=np.int64)
    column = units["doc_id"]
    docs = (column.cat.codes if isinstance(column.dtype, pd.CategoricalDtype) else pd.factorize(column)[0])
    docs = np.asarray(docs, dtype=np.int64)
    codes = np.repeat(np.arange(len(groups), dtype=np.int64), [len(idx) for _, idx in groups])
    pairs = np.unique(codes * (int(docs.max()) + 1) + docs[np.concatenate([idx for _, idx in groups])])
    return np.bincount(pairs // (int(docs.max()) + 1), minlength=len(groups))


class _FrameStatistic:
    """Counts, rates per 1,000 words and balance for several lexicons, from sums of ``[n_words, counts…]``."""

    def __init__(self, lexicons: list[Lexicon]):
        self.lexicons = lexicons
        self.columns = ["n_words"] + [count_column(lex.name, f) for lex in lexicons for f in lex.frames]
        self.names: list[list[tuple[str, str]]] = []
        # per lexicon: its count columns in the sums, and the columns of its balance pair (or None)
        self.layout: list[tuple[slice, tuple[int, int] | None]] = []
        start = 1
        for lex in lexicons:
            names = [(f, "count") for f in lex.frames] + [(f, "rate_per_1000") for f in lex.frames]
            self.names.append(names + ([("balance", "balance")] if lex.balance else []))
            frames = list(lex.frames)
            pair = (start + frames.index(lex.balance[0]), start + frames.index(lex.balance[1])) if lex.balance else None
            self.layout.append((slice(start, start + len(frames)), pair))
            start += len(frames)

    def __call__(self, sums: np.ndarray) -> np.ndarray:
        sums = sums[:, 0]
        words = sums[:, :1]
        out = []
        with np.errstate(invalid="ignore", divide="ignore"):
            for cols, pair in self.layout:
                counts = sums[:, cols]
                out += [counts, np.where(words > 0, 1000.0 * counts / np.where(words > 0, words, 1), np.nan)]
                if pair is not None:
                    pos, neg = sums[:, pair[0]], sums[:, pair[1]]
                    tot = pos + neg
                    out.append(np.where(tot > 0, (pos - neg) / np.where(tot > 0, tot, 1), 0.0)[:, None])
        return np.concatenate(out, axis=1)

    def constant(self, mins: np.ndarray, maxs: np.ndarray) -> np.ndarray:
        """Which statistics cannot change under resampling, from each group's column minima and maxima."""
        fixed = (mins == maxs)[:, 0]  # (items, K): the column is the same in every unit
        never = (maxs == 0)[:, 0]  # the frame is never seen
        words_positive = mins[:, 0, :1] > 0
        out = []
        for cols, pair in self.layout:
            out += [fixed[:, cols], (fixed[:, cols] & fixed[:, :1]) | (never[:, cols] & words_positive)]
            if pair is not None:
                out.append((fixed[:, pair[0]] & fixed[:, pair[1]])[:, None])
        return np.concatenate(out, axis=1)


def score_frames(
    sentences: pd.DataFrame,
    matches: pd.DataFrame,
    *,
    lexicon: str | Lexicon = "stance",
    by: Sequence[str] = ("outlet",),
    articles: pd.DataFrame | None = None,
    n_resamples: int = 2000,
    confidence_level: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Count, rate and balance of each frame per group, with bootstrap intervals.

    Args:
        sentences: The sentences table; for ``voice`` it needs the columns from
            :func:`framing.sentences.measure_voice`.
        matches: Frame matches (:func:`framing.frames.match_frames`).
        lexicon: The lexicon whose frames are scored.
        by: Grouping columns: any of ``doc_id, outlet, event, voice, position`` or another articles column.
        articles: The articles table, for ``outlet``/``event``/other article columns.
        n_resamples: Bootstrap resamples (0 skips intervals).
        confidence_level: Interval coverage.
        seed: Random seed.

    Returns:
        A new tidy DataFrame with columns ``lexicon, level, group, doc_id, outlet, event, voice, position,
        frame, measure, value, ci_low, ci_high, n_docs, n_sentences, n_words`` (grouping columns not used
        are ``all``). ``frame`` is ``balance`` for the balance rows.

    Example:
        >>> from framing import load_corpus
        >>> from framing.frames import match_frames
        >>> c = load_corpus("data/raw/xi-trump-calls")
        >>> m = match_frames(c.sentences, quotes=c.quotes)
        >>> t = score_frames(c.sentences, m, by=["position"], n_resamples=0)
        >>> t.query("position == 'headline' and measure == 'count'")[["frame", "value"]].values.tolist()
        [['conciliatory', 1.0], ['warning', 2.0]]
    """
    by = list(by)
    units = frame_units(with_metadata(sentences, articles, by), matches, lexicon=lexicon, by_voice="voice" in by)
    return score_frame_units(units, lexicons=[lexicon], by=by, n_resamples=n_resamples,
                             confidence_level=confidence_level, seed=seed)


def score_frame_units(
    units: pd.DataFrame,
    *,
    lexicons: Sequence[str | Lexicon] = ("stance",),
    by: Sequence[str] = ("outlet",),
    n_resamples: int = 2000,
    confidence_level: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Score one grouping level from a unit table (:func:`frame_units`), for several lexicons at once.

    The lexicons share one bootstrap: every resample of a group's units gives all their statistics. Rows
    come lexicon by lexicon, then group by group. ``n_sentences`` is the number of units of a group (each
    sentence is one unit, or for ``voice`` one unit per voice).

    Example:
        >>> s = pd.DataFrame({"doc_id": ["a", "a", "b"], "sent_id": [0, 1, 0], "n_words": [10, 10, 5],
        ...                   "outlet": ["X", "X", "Y"]})
        >>> m = pd.DataFrame({"doc_id": ["a"], "sent_id": [1], "lexicon": ["stance"], "frame": ["warning"],
        ...                   "voice": ["narration"], "negated": [False]})
        >>> t = score_frame_units(frame_units(s, m), n_resamples=0)
        >>> t.query("measure == 'rate_per_1000' and frame == 'warning'")[["group", "value"]].values.tolist()
        [['X', 50.0], ['Y', 0.0]]
    """
    lexs = _as_lexicons(list(lexicons))
    level = _LevelScores(units, lexs, list(by), n_resamples=n_resamples, confidence_level=confidence_level,
                         seed=seed)
    parts = [part for i in range(len(lexs)) for part in level.frames(i, extra=list(by))]
    return _stack_parts(parts, list(by))


class _LevelScores:
    """The scores of one grouping level for several lexicons, turned into rows slice by slice."""

    def __init__(self, units: pd.DataFrame, lexs: list[Lexicon], by: list[str], *, n_resamples: int,
                 confidence_level: float, seed: int):
        statistic = _FrameStatistic(lexs)
        groups = _groups(units, by)
        self.lexs, self.by, self.names = lexs, by, statistic.names
        self.keys = [key for key, _ in groups]
        values = units[statistic.columns].to_numpy(dtype=np.int32)  # word and match counts
        self.point, self.low, self.high = bootstrap_sums(
            values, [[idx] for _, idx in groups], statistic, n_resamples=n_resamples,
            confidence_level=confidence_level, seed=seed, label="+".join(by), constant=statistic.constant)
        self.sizes = np.array([len(idx) for _, idx in groups], dtype=np.int64)
        self.words = np.array([int(values[idx, 0].sum(dtype=np.int64)) for _, idx in groups], dtype=np.int64)
        self.n_docs = _n_docs(units, groups)

    def frames(self, i: int, *, extra: Sequence[str], max_rows: int = 250_000) -> Iterator[pd.DataFrame]:
        """Rows of lexicon ``i`` in DataFrames of at most about ``max_rows`` rows (group order kept)."""
        names = self.names[i]
        n = len(names)
        offset = sum(len(x) for x in self.names[:i])
        columns = _score_columns(extra)
        step = max(1, max_rows // max(n, 1))
        for start in range(0, len(self.keys), step):
            keys = self.keys[start:start + step]
            rows = slice(start, start + len(keys))
            size = len(keys) * n
            data: dict[str, object] = {c: ALL for c in columns}
            data |= {"lexicon": self.lexs[i].name, "level": ":".join(self.by),
                     "group": np.repeat([" | ".join(str(k) for k in key) for key in keys], n)}
            data |= {c: np.repeat([str(key[j]) for key in keys], n) for j, c in enumerate(self.by)}
            data |= {"frame": [f for f, _ in names] * len(keys), "measure": [m for _, m in names] * len(keys),
                     "value": self.point[rows, offset:offset + n].ravel(),
                     "ci_low": self.low[rows, offset:offset + n].ravel(),
                     "ci_high": self.high[rows, offset:offset + n].ravel(),
                     "n_docs": np.repeat(self.n_docs[rows], n), "n_sentences": np.repeat(self.sizes[rows], n),
                     "n_words": np.repeat(self.words[rows], n)}
            yield pd.DataFrame(data, index=pd.RangeIndex(size), columns=columns)


def _score_columns(extra_cols: Sequence[str]) -> list[str]:
    """The frame_scores columns; grouping columns outside the contract come after ``position``."""
    extra = [c for c in dict.fromkeys(extra_cols) if c not in SCORE_COLUMNS]
    return SCORE_COLUMNS[:8] + extra + SCORE_COLUMNS[8:]


def _stack_parts(parts: list[pd.DataFrame], extra_cols: Sequence[str]) -> pd.DataFrame:
    if not parts:
        return pd.DataFrame(columns=_score_columns(extra_cols))
    return pd.concat(parts, ignore_index=True)


def score_frame_levels(sentences: pd.DataFrame, matches: pd.DataFrame, *, articles: pd.DataFrame,
                       lexicons: Sequence[str | Lexicon] = ("stance",),
                       levels: Sequence[Sequence[str]] = DEFAULT_LEVELS, n_resamples: int = 2000,
                       confidence_level: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """Score every lexicon at every grouping level and stack the results (level by level, lexicon by lexicon).

    Example:
        >>> from framing import load_corpus
        >>> from framing.frames import match_frames
        >>> c = load_corpus("data/raw/xi-trump-calls")
        >>> t = score_frame_levels(c.sentences, match_frames(c.sentences, quotes=c.quotes),
        ...                        articles=c.articles, levels=[["outlet"], ["event"]], n_resamples=0)
        >>> sorted(t.level.unique())
        ['event', 'outlet']
    """
    lexs = _as_lexicons(list(lexicons))
    all_cols = sorted({c for by in levels for c in by})
    needed = ["doc_id", "sent_id", "n_words", "n_words_quoted", "n_words_narration", *all_cols]
    slim = sentences[[c for c in dict.fromkeys(needed) if c in sentences.columns]]
    sents = with_metadata(slim, articles, all_cols)
    units = {voice: frame_units(sents, matches, lexicon=lexs, by_voice=voice)
             for voice in sorted({"voice" in by for by in levels})}
    return score_unit_levels(units, lexicons=lexs, levels=levels, n_resamples=n_resamples,
                             confidence_level=confidence_level, seed=seed)


def score_unit_levels(units: dict[bool, pd.DataFrame], *, lexicons: Sequence[str | Lexicon],
                      levels: Sequence[Sequence[str]] = DEFAULT_LEVELS, n_resamples: int = 2000,
                      confidence_level: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """:func:`score_frame_levels` from prebuilt unit tables, keyed by whether they are split by voice.

    Example:
        >>> s = pd.DataFrame({"doc_id": ["a", "b"], "sent_id": [0, 0], "n_words": [10, 5], "outlet": ["X", "Y"]})
        >>> m = pd.DataFrame(columns=["doc_id", "sent_id", "lexicon", "frame", "voice", "negated"])
        >>> score_unit_levels({False: frame_units(s, m)}, lexicons=["stance"], levels=[["outlet"]],
        ...                   n_resamples=0).group.unique().tolist()
        ['X', 'Y']
    """
    return _stack_parts(list(iter_unit_levels(units, lexicons=lexicons, levels=levels, n_resamples=n_resamples,
                                              confidence_level=confidence_level, seed=seed)),
                        [c for by in levels for c in by])


def iter_unit_levels(units: dict[bool, pd.DataFrame], *, lexicons: Sequence[str | Lexicon],
                     levels: Sequence[Sequence[str]] = DEFAULT_LEVELS, n_resamples: int = 2000,
                     confidence_level: float = 0.95, seed: int = 0,
                     max_rows: int = 250_000) -> Iterator[pd.DataFrame]:
    """The rows of :func:`score_unit_levels` as a stream of DataFrames (level by level, lexicon by lexicon),
    so that a large table (one row per document × frame × measure) never has to sit in memory at once.

    Example:
        >>> s = pd.DataFrame({"doc_id": ["a", "b"], "sent_id": [0, 0], "n_words": [10, 5], "outlet": ["X", "Y"]})
        >>> m = pd.DataFrame(columns=["doc_id", "sent_id", "lexicon", "frame", "voice", "negated"])
        >>> [len(t) for t in iter_unit_levels({False: frame_units(s, m)}, lexicons=["stance"],
        ...                                   levels=[["outlet"], ["doc_id"]], n_resamples=0, max_rows=5)]
        [5, 5, 5, 5]
    """
    lexs = _as_lexicons(list(lexicons))
    extra = [c for by in levels for c in by]
    for by in levels:
        level = _LevelScores(units["voice" in by], lexs, list(by), n_resamples=n_resamples,
                             confidence_level=confidence_level, seed=seed)
        for i in range(len(lexs)):
            yield from level.frames(i, extra=extra, max_rows=max_rows)


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
        >>> from framing.frames import match_frames
        >>> c = load_corpus("data/raw/xi-trump-calls")
        >>> t = compare_frames(c.sentences, match_frames(c.sentences, quotes=c.quotes), by="outlet",
        ...                    within="event", articles=c.articles, measures=["balance"], n_resamples=500)
        >>> sorted(t.within.unique()), len(t)
        (['xi-trump-call-2026-02-04'], 3)
    """
    lex = _as_lexicons(lexicon)[0]
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
    lex = _as_lexicons(lexicon)[0]
    statistic = _FrameStatistic([lex])
    names = statistic.names[0]
    wanted = [i for i, (_, m) in enumerate(names) if m in measures]
    units = units.reset_index(drop=True)
    values = units[statistic.columns].to_numpy(dtype=np.int32)  # word and match counts
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
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


class _Pairwise:
    """Differences of a statistic between pairs of samples of one item: ``(1, pairs × P, resamples)``."""

    def __init__(self, statistic: _FrameStatistic, pairs: list[tuple[int, int]]):
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

    ``voice`` groups use each sentence's majority voice (:func:`framing.sentences.measure_voice`).
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
    groups = _groups(data, by)
    if not groups:
        return pd.DataFrame(columns=columns)
    values = np.column_stack([data["polarity"].to_numpy(dtype=float), data["subjectivity"].to_numpy(dtype=float),
                              np.ones(len(data))])
    point, low, high = bootstrap_sums(values, [[idx] for _, idx in groups], _mean_statistic,
                                      n_resamples=n_resamples, confidence_level=confidence_level, seed=seed,
                                      label=f"sentiment|{'+'.join(by)}", constant=_mean_constant)
    measures = ["polarity", "subjectivity"]
    return pd.DataFrame({
        "level": ":".join(by), "group": np.repeat([" | ".join(str(k) for k in key) for key, _ in groups], 2),
        **{c: np.repeat([str(key[j]) for key, _ in groups], 2) for j, c in enumerate(by)},
        "measure": measures * len(groups), "value": point.ravel(), "ci_low": low.ravel(), "ci_high": high.ravel(),
        "n_docs": np.repeat(_n_docs(data, groups), 2), "n_sentences": np.repeat([len(i) for _, i in groups], 2),
    }, columns=columns)
