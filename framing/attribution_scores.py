"""Aggregate attributions per outlet (or any grouping): share of voice, verb classes, channels, hedges."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from framing.scores import with_metadata

ATTRIBUTION_SCORE_COLUMNS = ["level", "group", "outlet", "event", "measure", "key", "subkey", "n", "share",
                             "n_words_quoted", "words_share", "value"]
MEASURES = ("speaker_share", "side_share", "verb_class_by_speaker", "channel_share", "hedged_share",
            "quote_type_share", "direct_indirect_ratio")
DEFAULT_LEVELS: tuple[tuple[str, ...], ...] = (("outlet",), ("outlet", "event"))


def score_attributions(
    attributions: pd.DataFrame,
    *,
    articles: pd.DataFrame | None = None,
    levels: Sequence[Sequence[str]] = DEFAULT_LEVELS,
) -> pd.DataFrame:
    """Share of voice, reporting-verb classes, channel reliance, hedging and quote types per group.

    Measures (``measure`` column):

    - ``speaker_share`` / ``side_share``: per ``key`` (speaker_id or side), ``n`` attributions and their
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
        raise ValueError(f"cannot group attributions by {missing}; pass articles= or use columns of the table")
    data = data.assign(channel=data["channel"].fillna("").replace("", "unstated"))
    parts = []
    for by in levels:
        by = list(by)
        for key, group in data.groupby(by, sort=True):
            key = key if isinstance(key, tuple) else (key,)
            label = " | ".join(str(k) for k in key)
            ids = {"level": ":".join(by), "group": label, "outlet": "all", "event": "all",
                   **{k: str(v) for k, v in zip(by, key)}}
            parts.append(_group_rows(group, ids))
    if not parts:
        return pd.DataFrame(columns=ATTRIBUTION_SCORE_COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    extra = [c for c in cols if c not in ATTRIBUTION_SCORE_COLUMNS]
    return out[ATTRIBUTION_SCORE_COLUMNS[:4] + extra + ATTRIBUTION_SCORE_COLUMNS[4:]]


def _shares(group: pd.DataFrame, column: str, measure: str, ids: dict[str, str]) -> pd.DataFrame:
    total_n, total_w = len(group), int(group["n_words_quoted"].sum())
    t = group.groupby(column, sort=True).agg(n=("doc_id", "size"), n_words_quoted=("n_words_quoted", "sum"))
    t = t.reset_index().rename(columns={column: "key"})
    t["share"] = t["n"] / total_n
    t["words_share"] = t["n_words_quoted"] / total_w if total_w else float("nan")
    return t.assign(measure=measure, subkey="", value=t["share"], **ids)


def _group_rows(group: pd.DataFrame, ids: dict[str, str]) -> pd.DataFrame:
    rows = [_shares(group, "speaker_id", "speaker_share", ids), _shares(group, "side", "side_share", ids),
            _shares(group, "channel", "channel_share", ids)]
    by_class = group[group["cue_class"].fillna("") != ""].groupby(["speaker_id", "cue_class"], sort=True).size()
    if len(by_class):
        t = by_class.rename("n").reset_index().rename(columns={"speaker_id": "key", "cue_class": "subkey"})
        t["share"] = t["n"] / t.groupby("key")["n"].transform("sum")
        rows.append(t.assign(measure="verb_class_by_speaker", n_words_quoted=pd.NA, words_share=float("nan"),
                             value=t["share"], **ids))
    qt = group.groupby("quote_type", sort=True).size().rename("n").reset_index().rename(columns={"quote_type": "key"})
    qt["share"] = qt["n"] / len(group)
    rows.append(qt.assign(measure="quote_type_share", subkey="", n_words_quoted=pd.NA, words_share=float("nan"),
                          value=qt["share"], **ids))
    hedged = int((group["hedge"].fillna("") != "").sum())
    direct = int((group["quote_type"] == "direct").sum())
    indirect = int((group["quote_type"] == "indirect").sum())
    rows.append(pd.DataFrame([
        {**ids, "measure": "hedged_share", "key": "", "subkey": "", "n": hedged, "share": hedged / len(group),
         "value": hedged / len(group)},
        {**ids, "measure": "direct_indirect_ratio", "key": "", "subkey": "", "n": direct,
         "share": float("nan"), "value": direct / indirect if indirect else float("nan")},
    ]))
    return pd.concat(rows, ignore_index=True)
