"""Aggregate frame matches and sentiment by any grouping, with bootstrap intervals and comparisons.

Measures per group and frame: ``count`` (non-negated matches), ``rate_per_1000`` (per 1,000 words) and,
for a lexicon with a ``balance`` pair, ``balance`` = (first − second) / (first + second), 0 when a group
has neither. Intervals are percentile bootstrap intervals from ``scipy.stats.bootstrap``, resampling the
group's sentences (or, for ``voice``, the sentence's quoted or narrated part), through
:func:`framing.stats.bootstrap_sums`. The groups of one level are bootstrapped together as independent
samples (each group resampled within itself), and all lexicons of a level share the resamples; batches are
seeded from ``seed`` and the level's name, so the same input gives the same intervals.

Documents whose article-level grouping value (``outlet``, ``event`` …) is ``unknown`` are never pooled:
each forms its own group labelled ``unknown:<doc_id>``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
import pandas as pd

from framing.config.lexicons import Lexicon, load_lexicon
from framing.corpus.metadata import with_metadata
from framing.schema import ALL, FRAME_LEVELS, FRAME_SCORE_COLUMNS, VOICES, with_extra
from framing.stats.bootstrap import bootstrap_sums
from framing.stats.grouping import count_docs, group_rows


def as_lexicons(lexicon: str | Lexicon | Sequence[str | Lexicon]) -> list[Lexicon]:
    items = [lexicon] if isinstance(lexicon, (str, Lexicon)) else list(lexicon)
    return [lex if isinstance(lex, Lexicon) else load_lexicon(lex) for lex in items]


def count_column(lexicon: str, frame: str) -> str:
    """The name of a unit table's count column for one frame of one lexicon."""
    return f"count:{lexicon}:{frame}"


def frame_units(sentences: pd.DataFrame, matches: pd.DataFrame, *,
                lexicon: str | Lexicon | Sequence[str | Lexicon] = "stance", by_voice: bool = False) -> pd.DataFrame:
    """Build the resampling units: one row per sentence (or sentence part per voice) with frame counts.

    Args:
        sentences: Sentences, with ``n_words_quoted``/``n_words_narration`` (and ``n_words_paraphrase``, from
            :func:`framing.extract.mark_paraphrase`) when ``by_voice``.
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
    lexs = as_lexicons(lexicon)
    keys = ["doc_id", "sent_id", "voice"] if by_voice else ["doc_id", "sent_id"]
    if by_voice:
        parts = [sentences.assign(voice=voice, n_words=sentences[f"n_words_{voice}"])
                 for voice in VOICES if f"n_words_{voice}" in sentences]
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


def unit_values(units: pd.DataFrame, columns: Sequence[str]) -> np.ndarray:
    """The word and match counts of ``units``; each times its article's ``weight`` when the units have one
    (``--reuse weight``), so that the copies of one text count as one article."""
    if "weight" not in units.columns:
        return units[list(columns)].to_numpy(dtype=np.int32)
    return units[list(columns)].to_numpy(dtype=float) * units["weight"].to_numpy(dtype=float)[:, None]


class FrameStatistic:
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
            :func:`framing.corpus.measure_voice`.
        matches: Frame matches (:func:`framing.extract.match_frames`).
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
        >>> from framing.extract.frames import match_frames
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
    lexs = as_lexicons(list(lexicons))
    level = _LevelScores(units, lexs, list(by), n_resamples=n_resamples, confidence_level=confidence_level,
                         seed=seed)
    parts = [part for i in range(len(lexs)) for part in level.frames(i, extra=list(by))]
    return _stack_parts(parts, list(by))


class _LevelScores:
    """The scores of one grouping level for several lexicons, turned into rows slice by slice."""

    def __init__(self, units: pd.DataFrame, lexs: list[Lexicon], by: list[str], *, n_resamples: int,
                 confidence_level: float, seed: int):
        statistic = FrameStatistic(lexs)
        groups = group_rows(units, by)
        self.lexs, self.by, self.names = lexs, by, statistic.names
        self.keys = [key for key, _ in groups]
        values = unit_values(units, statistic.columns)
        self.point, self.low, self.high = bootstrap_sums(
            values, [[idx] for _, idx in groups], statistic, n_resamples=n_resamples,
            confidence_level=confidence_level, seed=seed, label="+".join(by), constant=statistic.constant)
        self.sizes = np.array([len(idx) for _, idx in groups], dtype=np.int64)
        self.words = np.array([int(np.rint(values[idx, 0].sum())) for _, idx in groups], dtype=np.int64)
        self.n_docs = count_docs(units, groups)

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
    return with_extra(FRAME_SCORE_COLUMNS, extra_cols, after="position")


def _stack_parts(parts: list[pd.DataFrame], extra_cols: Sequence[str]) -> pd.DataFrame:
    if not parts:
        return pd.DataFrame(columns=_score_columns(extra_cols))
    return pd.concat(parts, ignore_index=True)


def score_frame_levels(sentences: pd.DataFrame, matches: pd.DataFrame, *, articles: pd.DataFrame,
                       lexicons: Sequence[str | Lexicon] = ("stance",),
                       levels: Sequence[Sequence[str]] = FRAME_LEVELS, n_resamples: int = 2000,
                       confidence_level: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """Score every lexicon at every grouping level and stack the results (level by level, lexicon by lexicon).

    Example:
        >>> from framing import load_corpus
        >>> from framing.extract.frames import match_frames
        >>> c = load_corpus("data/raw/xi-trump-calls")
        >>> t = score_frame_levels(c.sentences, match_frames(c.sentences, quotes=c.quotes),
        ...                        articles=c.articles, levels=[["outlet"], ["event"]], n_resamples=0)
        >>> sorted(t.level.unique())
        ['event', 'outlet']
    """
    lexs = as_lexicons(list(lexicons))
    all_cols = sorted({c for by in levels for c in by})
    needed = ["doc_id", "sent_id", "n_words", "n_words_quoted", "n_words_paraphrase", "n_words_narration", *all_cols]
    slim = sentences[[c for c in dict.fromkeys(needed) if c in sentences.columns]]
    sents = with_metadata(slim, articles, all_cols)
    units = {voice: frame_units(sents, matches, lexicon=lexs, by_voice=voice)
             for voice in sorted({"voice" in by for by in levels})}
    return score_unit_levels(units, lexicons=lexs, levels=levels, n_resamples=n_resamples,
                             confidence_level=confidence_level, seed=seed)


def score_unit_levels(units: dict[bool, pd.DataFrame], *, lexicons: Sequence[str | Lexicon],
                      levels: Sequence[Sequence[str]] = FRAME_LEVELS, n_resamples: int = 2000,
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
                     levels: Sequence[Sequence[str]] = FRAME_LEVELS, n_resamples: int = 2000,
                     confidence_level: float = 0.95, seed: int = 0,
                     max_rows: int = 250_000) -> Iterator[pd.DataFrame]:
    """The rows of :func:`score_unit_levels` as a stream of DataFrames (level by level, lexicon by lexicon),
    so that a large table (one row per document × frame × measure) never has to sit in memory at once.
    Levels that include ``doc_id`` get point values only (``ci_low``/``ci_high`` NaN).

    Example:
        >>> s = pd.DataFrame({"doc_id": ["a", "b"], "sent_id": [0, 0], "n_words": [10, 5], "outlet": ["X", "Y"]})
        >>> m = pd.DataFrame(columns=["doc_id", "sent_id", "lexicon", "frame", "voice", "negated"])
        >>> [len(t) for t in iter_unit_levels({False: frame_units(s, m)}, lexicons=["stance"],
        ...                                   levels=[["outlet"], ["doc_id"]], n_resamples=0, max_rows=5)]
        [5, 5, 5, 5]
    """
    lexs = as_lexicons(list(lexicons))
    extra = [c for by in levels for c in by]
    for by in levels:
        # A document is not a sample anyone generalises from: per-document rows are point values (no interval),
        # which keeps the cost of intervals with the number of groups a reader compares, not of documents.
        level = _LevelScores(units["voice" in by], lexs, list(by),
                             n_resamples=0 if "doc_id" in by else n_resamples,
                             confidence_level=confidence_level, seed=seed)
        for i in range(len(lexs)):
            yield from level.frames(i, extra=extra, max_rows=max_rows)
