"""Aggregate frame matches and sentiment by any grouping, with bootstrap intervals and comparisons.

Measures per group and frame: ``count`` (non-negated matches), ``rate_per_1000`` (per 1,000 words) and,
for a lexicon with a ``balance`` pair, ``balance`` = (first − second) / (first + second), 0 when a group
has neither. Intervals are percentile bootstrap intervals from ``scipy.stats.bootstrap``, resampling the
group's sentences (or, for ``voice``, the sentence's quoted or narrated part). The groups of one level are
bootstrapped together as independent samples (each group resampled within itself), in batches of bounded
size, seeded from ``seed`` and the level's name: the same input gives the same intervals.

Documents whose article-level grouping value (``outlet``, ``event`` …) is ``unknown`` are never pooled:
each forms its own group labelled ``unknown:<doc_id>``.
"""

from __future__ import annotations

import inspect
import itertools
import warnings
import zlib
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
from scipy import stats

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
_RNG_PARAM = "rng" if "rng" in inspect.signature(stats.bootstrap).parameters else "random_state"


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
    merged = sentences.merge(articles[["doc_id", *need]], on="doc_id", how="left", validate="many_to_one")
    for col in need:  # documents whose outlet/event is unknown are never pooled into one group
        merged[col] = unpooled(merged[col], merged["doc_id"])
    return merged


def frame_units(sentences: pd.DataFrame, matches: pd.DataFrame, *, lexicon: Lexicon,
                by_voice: bool = False) -> pd.DataFrame:
    """Build the resampling units: one row per sentence (or sentence part per voice) with frame counts.

    Args:
        sentences: Sentences, with ``n_words_quoted``/``n_words_narration`` when ``by_voice``.
        matches: Frame matches of ``lexicon``.
        lexicon: The lexicon whose frames are counted.
        by_voice: Split each sentence into its quoted and narrated parts.

    Returns:
        A new DataFrame: the sentence columns, ``voice`` when ``by_voice``, ``n_words`` of the unit, and one
        count column per frame named ``count:<frame>``.

    Example:
        >>> from framing.lexicons import load_lexicon
        >>> s = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "n_words": [10]})
        >>> m = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "lexicon": ["stance"], "frame": ["warning"],
        ...                   "voice": ["quoted"], "negated": [False]})
        >>> frame_units(s, m, lexicon=load_lexicon("stance"))[["count:conciliatory", "count:warning"]].values.tolist()
        [[0, 1]]
    """
    frames = list(lexicon.frames)
    m = matches[(matches["lexicon"] == lexicon.name) & ~matches["negated"].astype(bool)]
    keys = ["doc_id", "sent_id", "voice"] if by_voice else ["doc_id", "sent_id"]
    counts = m.groupby(keys + ["frame"], sort=False).size().unstack("frame", fill_value=0)
    counts = counts.reindex(columns=frames, fill_value=0)
    counts.columns = [f"count:{f}" for f in frames]
    if by_voice:
        parts = []
        for voice in ("quoted", "narration"):
            part = sentences.assign(voice=voice, n_words=sentences[f"n_words_{voice}"])
            parts.append(part[part["n_words"] > 0])
        base = pd.concat(parts, ignore_index=True)
    else:
        base = sentences
    units = base.merge(counts.reset_index(), on=keys, how="left")
    for col in counts.columns:
        units[col] = units[col].fillna(0).astype("int64")
    doc_codes = pd.factorize(units["doc_id"])[0].astype(np.int64)
    units["_doc"] = doc_codes
    units["_sent"] = doc_codes * (int(units["sent_id"].max()) + 1 if len(units) else 1) + units["sent_id"].to_numpy()
    return units


def _bootstrap_groups(statistics: Sequence[Callable[..., np.ndarray]], sizes: Sequence[int | Sequence[int]], *,
                      n_resamples: int, confidence_level: float, seed: int, label: str,
                      max_cells: int = 4_000_000) -> list[tuple[np.ndarray, np.ndarray]]:
    """Bootstrap many groups, several per scipy call (independent samples = resampling within each sample).

    A group is one sample (an int size) or several (a sequence of sizes, e.g. the two sides of a comparison);
    its statistic takes one index array per sample.
    """
    shapes = [(n,) if isinstance(n, (int, np.integer)) else tuple(int(x) for x in n) for n in sizes]
    points = [np.asarray(f(*[np.arange(n) for n in shape])) for f, shape in zip(statistics, shapes)]
    out = [(np.full(p.shape, np.nan), np.full(p.shape, np.nan)) for p in points]
    eligible = [i for i, shape in enumerate(shapes) if min(shape) >= 2]
    if n_resamples <= 0 or not eligible:
        return out
    batches: list[list[int]] = [[]]
    cells = 0
    for i in eligible:
        cost = sum(shapes[i]) * points[i].size
        if batches[-1] and (cells + cost > max_cells // max(n_resamples, 1) or len(batches[-1]) >= 256):
            batches.append([])
            cells = 0
        batches[-1].append(i)
        cells += cost
    for number, batch in enumerate(batches):
        def statistic(*samples: np.ndarray, axis: int = -1, batch: list[int] = batch) -> np.ndarray:
            results, k = [], 0
            for i in batch:
                m = len(shapes[i])
                results.append(statistics[i](*[np.asarray(x, dtype=np.int64) for x in samples[k:k + m]]))
                k += m
            return np.concatenate(results, axis=0)

        rng = np.random.default_rng([seed, zlib.crc32(f"{label}|{number}".encode("utf-8"))])
        data = tuple(np.arange(n) for i in batch for n in shapes[i])
        units = sum(len(d) for d in data)
        resamples_per_step = max(1, min(n_resamples, 2_000_000 // max(units, 1)))  # bounds memory per step
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # degenerate groups (all resamples equal) are fine here
            res = stats.bootstrap(data, statistic, vectorized=True, paired=False, n_resamples=n_resamples,
                                  confidence_level=confidence_level, method="percentile",
                                  batch=resamples_per_step, **{_RNG_PARAM: rng})
        low, high = np.asarray(res.confidence_interval.low), np.asarray(res.confidence_interval.high)
        pos = 0
        for i in batch:
            k = points[i].shape[0]
            out[i] = (low[pos:pos + k], high[pos:pos + k])
            pos += k
    return out


def _multiplicity(idx: np.ndarray, n: int) -> tuple[np.ndarray, tuple[int, ...]]:
    """How often each of n units is drawn in each resample: a (resamples, n) matrix, plus the leading shape."""
    idx = np.asarray(idx, dtype=np.int64)
    lead = idx.shape[:-1]
    flat = idx.reshape(-1, idx.shape[-1])
    rows = flat.shape[0]
    offsets = (np.arange(rows, dtype=np.int64) * n)[:, None]
    mult = np.bincount((flat + offsets).ravel(), minlength=rows * n).reshape(rows, n).astype(float)
    return mult, lead


def _frame_statistic(counts: np.ndarray, words: np.ndarray, balance: tuple[int, int] | None
                     ) -> Callable[[np.ndarray], np.ndarray]:
    counts_t = np.ascontiguousarray(counts.T, dtype=float)  # (units, frames)
    words_f = words.astype(float)
    n = len(words_f)

    def statistic(idx: np.ndarray, axis: int = -1) -> np.ndarray:
        mult, lead = _multiplicity(idx, n)
        c = (mult @ counts_t).T  # (frames, resamples)
        w = mult @ words_f
        with np.errstate(invalid="ignore", divide="ignore"):
            rate = np.where(w > 0, 1000.0 * c / np.where(w > 0, w, 1), np.nan)
            out = [c, rate]
            if balance is not None:
                pos, neg = c[balance[0]], c[balance[1]]
                tot = pos + neg
                out.append(np.where(tot > 0, (pos - neg) / np.where(tot > 0, tot, 1), 0.0)[None, :])
        result = np.concatenate(out, axis=0)
        return result.reshape(result.shape[0], *lead)

    return statistic


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
    lex = load_lexicon(lexicon) if not isinstance(lexicon, Lexicon) else lexicon
    by = list(by)
    units = frame_units(with_metadata(sentences, articles, by), matches, lexicon=lex, by_voice="voice" in by)
    return _score_units(units, lex, by, n_resamples=n_resamples, confidence_level=confidence_level, seed=seed)


def _score_units(units: pd.DataFrame, lex: Lexicon, by: list[str], *, n_resamples: int,
                 confidence_level: float, seed: int) -> pd.DataFrame:
    frames = list(lex.frames)
    counts_all = units[[f"count:{f}" for f in frames]].to_numpy(dtype=np.int64).T
    words_all = units["n_words"].to_numpy(dtype=np.int64)
    doc_codes = units["_doc"].to_numpy()
    sent_codes = units["_sent"].to_numpy()
    balance = (frames.index(lex.balance[0]), frames.index(lex.balance[1])) if lex.balance else None
    names = [(f, "count") for f in frames] + [(f, "rate_per_1000") for f in frames]
    if balance is not None:
        names.append(("balance", "balance"))
    groups = sorted(units.groupby(by, sort=False, dropna=False).indices.items(),
                    key=lambda kv: tuple(str(k) for k in (kv[0] if isinstance(kv[0], tuple) else (kv[0],))))
    statistics = [_frame_statistic(counts_all[:, idx], words_all[idx], balance) for _, idx in groups]
    intervals = _bootstrap_groups(statistics, [len(idx) for _, idx in groups], n_resamples=n_resamples,
                                  confidence_level=confidence_level, seed=seed,
                                  label=f"{lex.name}|{'+'.join(by)}")
    rows = []
    for (key, idx), statistic, (low, high) in zip(groups, statistics, intervals):
        key = key if isinstance(key, tuple) else (key,)
        label = " | ".join(str(k) for k in key)
        words = words_all[idx]
        point = statistic(np.arange(len(idx)))
        keys = {k: ALL for k in GROUP_KEYS} | {k: str(v) for k, v in zip(by, key)}
        n_docs = len(np.unique(doc_codes[idx]))
        n_sent = len(np.unique(sent_codes[idx]))
        for i, (frame, measure) in enumerate(names):
            rows.append({"lexicon": lex.name, "level": ":".join(by), "group": label, **keys, "frame": frame,
                         "measure": measure, "value": float(point[i]), "ci_low": float(low[i]),
                         "ci_high": float(high[i]), "n_docs": n_docs, "n_sentences": n_sent,
                         "n_words": int(words.sum())})
    extra = [c for c in by if c not in SCORE_COLUMNS]
    return pd.DataFrame(rows, columns=SCORE_COLUMNS[:8] + extra + SCORE_COLUMNS[8:])


def score_frame_levels(sentences: pd.DataFrame, matches: pd.DataFrame, *, articles: pd.DataFrame,
                       lexicons: Sequence[str | Lexicon] = ("stance",),
                       levels: Sequence[Sequence[str]] = DEFAULT_LEVELS, n_resamples: int = 2000,
                       confidence_level: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """Run :func:`score_frames` for each lexicon and each grouping level and stack the results.

    Example:
        >>> from framing import load_corpus
        >>> from framing.frames import match_frames
        >>> c = load_corpus("data/raw/xi-trump-calls")
        >>> t = score_frame_levels(c.sentences, match_frames(c.sentences, quotes=c.quotes),
        ...                        articles=c.articles, levels=[["outlet"], ["event"]], n_resamples=0)
        >>> sorted(t.level.unique())
        ['event', 'outlet']
    """
    all_cols = sorted({c for by in levels for c in by})
    needed = ["doc_id", "sent_id", "n_words", "n_words_quoted", "n_words_narration", *all_cols]
    slim = sentences[[c for c in dict.fromkeys(needed) if c in sentences.columns]]
    sents = with_metadata(slim, articles, all_cols)
    parts = []
    for lexicon in lexicons:
        lex = load_lexicon(lexicon) if not isinstance(lexicon, Lexicon) else lexicon
        units = {}
        for by in levels:
            voice = "voice" in by
            if voice not in units:
                units[voice] = frame_units(sents, matches, lexicon=lex, by_voice=voice)
            parts.append(_score_units(units[voice], lex, list(by), n_resamples=n_resamples,
                                      confidence_level=confidence_level, seed=seed))
    if not parts:
        return pd.DataFrame(columns=SCORE_COLUMNS)
    return pd.concat(parts, ignore_index=True).fillna({c: ALL for c in all_cols if c not in SCORE_COLUMNS})


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
    lex = load_lexicon(lexicon) if not isinstance(lexicon, Lexicon) else lexicon
    cols = [by] + ([within] if within else [])
    sents = with_metadata(sentences, articles, cols)
    units = frame_units(sents, matches, lexicon=lex, by_voice=(by == "voice" or within == "voice"))
    frames = list(lex.frames)
    counts_all = units[[f"count:{f}" for f in frames]].to_numpy(dtype=np.int64).T
    words_all = units["n_words"].to_numpy(dtype=np.int64)
    balance = (frames.index(lex.balance[0]), frames.index(lex.balance[1])) if lex.balance else None
    names = [(f, "count") for f in frames] + [(f, "rate_per_1000") for f in frames]
    if balance is not None:
        names.append(("balance", "balance"))
    wanted = [i for i, (_, m) in enumerate(names) if m in measures]
    pairs = []
    strata = units.groupby(within, sort=True) if within else [(ALL, units)]
    for stratum, sub in strata:
        groups = {k: g.index.to_numpy() for k, g in sub.groupby(by, sort=True)}
        for a, b in itertools.combinations(sorted(groups), 2):
            pairs.append((stratum, a, b, groups[a], groups[b]))
    stats_a = [_frame_statistic(counts_all[:, ia], words_all[ia], balance) for _, _, _, ia, _ in pairs]
    stats_b = [_frame_statistic(counts_all[:, ib], words_all[ib], balance) for _, _, _, _, ib in pairs]

    def make_diff(sa: Callable[[np.ndarray], np.ndarray], sb: Callable[[np.ndarray], np.ndarray]
                  ) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
        return lambda x, y: sa(x) - sb(y)

    intervals = _bootstrap_groups([make_diff(sa, sb) for sa, sb in zip(stats_a, stats_b)],
                                  [(len(ia), len(ib)) for _, _, _, ia, ib in pairs], n_resamples=n_resamples,
                                  confidence_level=confidence_level, seed=seed, label=f"{lex.name}|{by}|{within}")
    rows = []
    for (stratum, a, b, ia, ib), sa, sb, (low, high) in zip(pairs, stats_a, stats_b, intervals):
        va, vb = sa(np.arange(len(ia))), sb(np.arange(len(ib)))
        for i in wanted:
            frame, measure = names[i]
            lo, hi = float(low[i]), float(high[i])
            rows.append({"lexicon": lex.name, "by": by, "within": str(stratum), "group_a": str(a),
                         "group_b": str(b), "frame": frame, "measure": measure, "value_a": float(va[i]),
                         "value_b": float(vb[i]), "diff": float(va[i] - vb[i]), "ci_low": lo,
                         "ci_high": hi, "within_noise": bool(not (lo > 0 or hi < 0))})
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


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
    data = sents.merge(sentiment, on=["doc_id", "sent_id"], how="inner", validate="one_to_one")
    values_all = data[["polarity", "subjectivity"]].to_numpy(dtype=float).T
    doc_codes = pd.factorize(data["doc_id"])[0]
    groups = sorted(data.groupby(by, sort=False, dropna=False).indices.items(),
                    key=lambda kv: tuple(str(k) for k in (kv[0] if isinstance(kv[0], tuple) else (kv[0],))))

    def make(values: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
        values_t = np.ascontiguousarray(values.T)  # (sentences, 2)

        def mean(idx: np.ndarray) -> np.ndarray:
            mult, lead = _multiplicity(idx, values_t.shape[0])
            out = (mult @ values_t).T / mult.sum(axis=1)
            return out.reshape(out.shape[0], *lead)

        return mean

    statistics = [make(values_all[:, idx]) for _, idx in groups]
    intervals = _bootstrap_groups(statistics, [len(idx) for _, idx in groups], n_resamples=n_resamples,
                                  confidence_level=confidence_level, seed=seed, label=f"sentiment|{'+'.join(by)}")
    rows = []
    for (key, idx), statistic, (low, high) in zip(groups, statistics, intervals):
        key = key if isinstance(key, tuple) else (key,)
        point = statistic(np.arange(len(idx)))
        for i, measure in enumerate(("polarity", "subjectivity")):
            rows.append({"level": ":".join(by), "group": " | ".join(str(k) for k in key),
                         **{k: str(v) for k, v in zip(by, key)}, "measure": measure, "value": float(point[i]),
                         "ci_low": float(low[i]), "ci_high": float(high[i]),
                         "n_docs": len(np.unique(doc_codes[idx])), "n_sentences": len(idx)})
    return pd.DataFrame(rows, columns=["level", "group", *by, "measure", "value", "ci_low", "ci_high",
                                       "n_docs", "n_sentences"])
