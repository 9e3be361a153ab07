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
    data = data.assign(channel=data["channel"].fillna("").replace("", "unstated"),
                       hedged=(data["hedge"].fillna("") != "").astype("int64"),
                       direct=(data["quote_type"] == "direct").astype("int64"),
                       indirect=(data["quote_type"] == "indirect").astype("int64"),
                       n_words_quoted=data["n_words_quoted"].astype("int64"))
    parts = [_level_rows(data, list(by)) for by in levels]
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=ATTRIBUTION_SCORE_COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    extra = [c for c in cols if c not in ATTRIBUTION_SCORE_COLUMNS]
    for c in ("outlet", "event", *extra):
        out[c] = out[c].fillna("all") if c in out else "all"
    return out[ATTRIBUTION_SCORE_COLUMNS[:4] + extra + ATTRIBUTION_SCORE_COLUMNS[4:]]


def _level_rows(data: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Every measure for every group of one level, with grouped operations (no loop over groups)."""
    if data.empty:
        return pd.DataFrame()
    totals = data.groupby(by, sort=True).agg(total=("doc_id", "size"), total_words=("n_words_quoted", "sum"),
                                             hedged=("hedged", "sum"), direct=("direct", "sum"),
                                             indirect=("indirect", "sum"))
    frames = []
    for column, measure in (("speaker_id", "speaker_share"), ("side", "side_share"), ("channel", "channel_share")):
        t = data.groupby(by + [column], sort=True).agg(n=("doc_id", "size"), n_words_quoted=("n_words_quoted", "sum"))
        t = t.reset_index().rename(columns={column: "key"}).merge(totals.reset_index(), on=by)
        t["share"] = t["n"] / t["total"]
        t["words_share"] = (t["n_words_quoted"] / t["total_words"]).where(t["total_words"] > 0)
        frames.append(t.assign(measure=measure, subkey="", value=t["share"]))
    classed = data[data["cue_class"].fillna("") != ""]
    if len(classed):
        t = classed.groupby(by + ["speaker_id", "cue_class"], sort=True).size().rename("n").reset_index()
        t = t.rename(columns={"speaker_id": "key", "cue_class": "subkey"})
        t["share"] = t["n"] / t.groupby(by + ["key"])["n"].transform("sum")
        frames.append(t.assign(measure="verb_class_by_speaker", n_words_quoted=pd.NA, words_share=float("nan"),
                               value=t["share"]))
    t = data.groupby(by + ["quote_type"], sort=True).size().rename("n").reset_index()
    t = t.rename(columns={"quote_type": "key"}).merge(totals.reset_index(), on=by)
    t["share"] = t["n"] / t["total"]
    frames.append(t.assign(measure="quote_type_share", subkey="", n_words_quoted=pd.NA, words_share=float("nan"),
                           value=t["share"]))
    tot = totals.reset_index()
    frames.append(tot.assign(measure="hedged_share", key="", subkey="", n=tot["hedged"],
                             share=tot["hedged"] / tot["total"], value=tot["hedged"] / tot["total"],
                             n_words_quoted=pd.NA, words_share=float("nan")))
    ratio = (tot["direct"] / tot["indirect"]).where(tot["indirect"] > 0)
    frames.append(tot.assign(measure="direct_indirect_ratio", key="", subkey="", n=tot["direct"],
                             share=float("nan"), value=ratio, n_words_quoted=pd.NA, words_share=float("nan")))
    out = pd.concat(frames, ignore_index=True)
    out["level"] = ":".join(by)
    out["group"] = out[by[0]].astype(str)
    for column in by[1:]:
        out["group"] = out["group"] + " | " + out[column].astype(str)
    order = {m: i for i, m in enumerate(MEASURES)}
    out = out.assign(_m=out["measure"].map(order)).sort_values(["group", "_m", "key", "subkey"], kind="stable")
    return out.drop(columns=["_m"])
