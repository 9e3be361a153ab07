"""Aggregate attributions per outlet (or any grouping): share of voice, verb classes, channels, hedges."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from framing.corpus.metadata import with_metadata
from framing.errors import UsageError
from framing.schema import ALL, ATTRIBUTION_LEVELS, ATTRIBUTION_MEASURES, ATTRIBUTION_SCORE_COLUMNS, QUOTE_TYPES, with_extra



DIRECT, INDIRECT, _MIXED = QUOTE_TYPES


def score_attributions(
    attributions: pd.DataFrame,
    *,
    articles: pd.DataFrame | None = None,
    levels: Sequence[Sequence[str]] = ATTRIBUTION_LEVELS,
) -> pd.DataFrame:
    """Share of voice, reporting-verb classes, channel reliance, hedging and quote types per group.

    Measures (``measure`` column):

    - ``speaker_share`` / ``side_share`` / ``speaker_type_share``: per ``key`` (speaker_id, side or source type:
      named person, organisation, anonymous, document, media, unresolved), ``n`` attributions and their
      ``share``, quoted words ``n_words_quoted`` and their ``words_share``.
    - ``verb_class_by_speaker``: per speaker (``key``) and cue class (``subkey``), ``n`` and ``share`` of that
      speaker's attributions — how often an outlet has Xi "warn" rather than "say".
    - ``channel_share``: per channel (``unstated`` when the sentence names none), ``n``, ``share``,
      ``n_words_quoted`` and ``words_share``.
    - ``hedged_share``: ``value`` = share of attributions with a hedge.
    - ``quote_type_share``: per quote type, ``n`` and ``share``.
    - ``direct_indirect_ratio``: ``value`` = direct / indirect attributions (NaN with no indirect ones).

    Args:
        attributions: Output of :func:`framing.attribution.extract_attributions`.
        articles: The articles table, for article columns such as ``outlet`` and ``event``.
        levels: Grouping levels; each a list of columns.

    Returns:
        A new tidy DataFrame with columns ``level, group, outlet, event, measure, key, subkey, n, share,
        n_words_quoted, words_share, value``.

    Example:
        >>> a = pd.DataFrame({"doc_id": ["d", "d", "d"], "sent_id": [0, 1, 2], "outlet": ["X"] * 3,
        ...     "speaker_id": ["Xi", "Xi", "Trump"], "side": ["china", "china", "us"],
        ...     "cue_class": ["alarm", "neutral", "neutral"], "channel": ["CCTV", "", ""],
        ...     "hedge": ["according to CCTV", "", ""], "quote_type": ["direct", "indirect", "direct"],
        ...     "n_words_quoted": [10, 0, 5]})
        >>> t = score_attributions(a, levels=[["outlet"]])
        >>> t.query("measure == 'side_share'")[["key", "share", "words_share"]].round(3).values.tolist()
        [['china', 0.667, 0.667], ['us', 0.333, 0.333]]
        >>> t.query("measure == 'direct_indirect_ratio'").value.item()
        2.0
    """
    cols = sorted({c for lv in levels for c in lv})
    data = with_metadata(attributions, articles, cols) if articles is not None else attributions
    missing = [c for c in cols if c not in data.columns]
    if missing:
        raise UsageError(f"cannot group attributions by {missing}; pass articles= or use columns of the table")
    if "speaker_type" not in data.columns:  # tables written before source types existed
        data = data.assign(speaker_type="not recorded")
    data = data.assign(channel=data["channel"].astype(object).fillna("").replace("", "unstated"),
                       hedged=(data["hedge"].astype(object).fillna("") != "").astype("int64"),
                       direct=(data["quote_type"] == DIRECT).astype("int64"),
                       indirect=(data["quote_type"] == INDIRECT).astype("int64"),
                       n_words_quoted=data["n_words_quoted"].astype("int64"))
    parts = [_level_rows(data, list(by)) for by in levels]
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=list(ATTRIBUTION_SCORE_COLUMNS))
    out = pd.concat(parts, ignore_index=True)
    extra = [c for c in cols if c not in ATTRIBUTION_SCORE_COLUMNS]
    for c in ("outlet", "event", *extra):
        out[c] = out[c].fillna(ALL) if c in out else ALL
    return out[with_extra(ATTRIBUTION_SCORE_COLUMNS, extra, after="event")]


def _level_rows(data: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Every measure for every group of one level, counted with ``np.bincount`` (no loop over groups)."""
    if data.empty:
        return pd.DataFrame()
    g, keys = _group_codes(data, by)
    n_groups = len(keys)
    # under ``--reuse weight`` each attribution counts its article's weight (counts become weighted counts)
    weight = data["weight"].to_numpy(dtype=float) if "weight" in data.columns else None
    words = data["n_words_quoted"].to_numpy(dtype=np.int64 if weight is None else float)
    if weight is not None:
        words = words * weight
    total = np.bincount(g, weights=weight, minlength=n_groups)
    total_words = np.bincount(g, weights=words, minlength=n_groups)
    columns: dict[str, list[np.ndarray]] = {c: [] for c in ("group", "measure", "key", "subkey", "n", "share",
                                                             "n_words_quoted", "words_share", "value")}

    def add(group: np.ndarray, measure: str, key: object, subkey: object, n: np.ndarray, share: np.ndarray,
            quoted: np.ndarray | None, words_share: np.ndarray | None, value: np.ndarray) -> None:
        size = len(group)
        for name, column in (("group", group), ("measure", np.full(size, measure, dtype=object)),
                             ("key", np.broadcast_to(np.asarray(key, dtype=object), (size,))),
                             ("subkey", np.broadcast_to(np.asarray(subkey, dtype=object), (size,))),
                             ("n", n), ("share", share),
                             ("n_words_quoted", np.full(size, -1) if quoted is None else quoted),
                             ("words_share", np.full(size, np.nan) if words_share is None else words_share),
                             ("value", value)):
            columns[name].append(np.asarray(column))

    def counted(codes: np.ndarray, n_codes: int, rows: np.ndarray | None = None) -> tuple[np.ndarray, ...]:
        mask = slice(None) if rows is None else rows
        combined = g[mask] * n_codes + codes
        n = np.bincount(combined, weights=None if weight is None else weight[mask], minlength=n_groups * n_codes)
        w = np.bincount(combined, weights=words[mask], minlength=n_groups * n_codes)
        cells = np.flatnonzero(n)
        return cells // n_codes, cells % n_codes, n[cells], w[cells]

    with np.errstate(invalid="ignore", divide="ignore"):
        for column, measure in (("speaker_id", "speaker_share"), ("side", "side_share"),
                                ("speaker_type", "speaker_type_share"),
                                ("channel", "channel_share"), ("quote_type", "quote_type_share")):
            codes, uniques = pd.factorize(data[column], sort=True)
            grp, code, n, w = counted(codes, len(uniques))
            share = n / total[grp]
            if measure == "quote_type_share":
                add(grp, measure, np.asarray(uniques, dtype=object)[code], "", n, share, None, None, share)
            else:
                add(grp, measure, np.asarray(uniques, dtype=object)[code], "", n, share, np.rint(w).astype(np.int64),
                    np.where(total_words[grp] > 0, w / total_words[grp], np.nan), share)
        classed = (data["cue_class"].astype(object).fillna("") != "").to_numpy()
        if classed.any():
            speakers, names = pd.factorize(data["speaker_id"][classed], sort=True)
            classes, class_names = pd.factorize(data["cue_class"][classed], sort=True)
            n_classes = len(class_names)
            grp, code, n, _ = counted(speakers * n_classes + classes, len(names) * n_classes, classed)
            speaker = code // n_classes
            per_speaker = np.bincount(grp * len(names) + speaker, weights=n, minlength=n_groups * len(names))
            share = n / per_speaker[grp * len(names) + speaker]
            add(grp, "verb_class_by_speaker", np.asarray(names, dtype=object)[speaker],
                np.asarray(class_names, dtype=object)[code % n_classes], n, share, None, None, share)
        everyone = np.arange(n_groups)
        hedged, direct, indirect = (np.bincount(g, weights=data[c].to_numpy(dtype=float) * (
            1.0 if weight is None else weight), minlength=n_groups) for c in ("hedged", "direct", "indirect"))
        if weight is None:
            hedged, direct, indirect = hedged.astype(np.int64), direct.astype(np.int64), indirect.astype(np.int64)
        add(everyone, "hedged_share", "", "", hedged, hedged / total, None, None, hedged / total)
        add(everyone, "direct_indirect_ratio", "", "", direct, np.full(n_groups, np.nan), None, None,
            np.where(indirect > 0, direct / indirect, np.nan))
    flat = {name: np.concatenate(parts) for name, parts in columns.items()}
    labels = np.array([" | ".join(str(v) for v in key) for key in keys], dtype=object)
    group = labels[flat["group"]]
    rank = {m: i for i, m in enumerate(ATTRIBUTION_MEASURES)}
    order = sorted(range(len(group)), key=lambda i: (group[i], rank[flat["measure"][i]], flat["key"][i],
                                                      flat["subkey"][i]))
    grp = flat.pop("group")[order]
    out = {c: np.array([key[j] for key in keys], dtype=object)[grp] for j, c in enumerate(by)}
    out.update({name: column[order] for name, column in flat.items()})
    frame = pd.DataFrame(out)
    quoted = out["n_words_quoted"].astype(np.int64)
    frame["n_words_quoted"] = pd.arrays.IntegerArray(np.maximum(quoted, 0), quoted < 0)
    frame["level"] = ":".join(by)
    frame["group"] = group[order]
    return frame


def _group_codes(data: pd.DataFrame, by: list[str]) -> tuple[np.ndarray, list[tuple[object, ...]]]:
    """Each row's group number and the groups' keys, in sorted order of the keys."""
    codes, uniques = zip(*(pd.factorize(data[c], sort=True) for c in by))
    combined = np.zeros(len(data), dtype=np.int64)
    for c, u in zip(codes, uniques):
        combined = combined * len(u) + c
    present, g = np.unique(combined, return_inverse=True)
    keys = []
    for value in present:
        key = []
        for u in reversed(uniques):
            key.append(u[value % len(u)])
            value //= len(u)
        keys.append(tuple(reversed(key)))
    return g, keys
