"""Select exactly the data a figure shows from the signal tables (no plotting here).

Each function returns a small tidy DataFrame; :func:`framing.viz.save_figure` writes it beside the figure.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from framing.errors import check_choice
from framing.extract.sources import PRONOUNS
from framing.schema import unpooled

#: Rows a figure shows at most; the rest are summarised in one row or left to the CSV (which has them all).
MAX_ROWS = 25


def pick(table: pd.DataFrame, **wanted: object) -> pd.DataFrame:
    """Rows of ``table`` whose columns equal the ``wanted`` values. An empty table gives an empty selection
    (a figure then shows a note); a value the table does not have is an error listing the values it has.

    Example:
        >>> t = pd.DataFrame({"level": ["outlet", "event"], "value": [1, 2]})
        >>> pick(t, level="event").value.tolist()
        [2]
        >>> pick(t, level="outlett")
        Traceback (most recent call last):
        ...
        framing.errors.UsageError: unknown level 'outlett'; valid values are ['event', 'outlet']
    """
    keep = pd.Series(True, index=table.index)
    for column, value in wanted.items():
        if len(table):
            check_choice(value, sorted(table[column].dropna().astype(str).unique()), column)
        keep &= table[column] == value
    return table[keep]


def lexicon_name(frame_scores: pd.DataFrame, lexicon: str | Path) -> str:
    """The name under which ``lexicon`` (a name, or a lexicon file) appears in the score tables.

    Example:
        >>> lexicon_name(pd.DataFrame({"lexicon": ["stance"]}), "stance")
        'stance'
    """
    names = set(frame_scores["lexicon"].astype(str))
    text = str(lexicon)
    if text in names or not Path(text).suffix:
        return text
    from framing.config import load_lexicon

    return load_lexicon(text).name


def limit_rows(data: pd.DataFrame, *, label: str, weight: str, n: int = MAX_ROWS,
               summarise: str | None = None) -> pd.DataFrame:
    """The ``n`` rows of largest ``weight`` (order kept); with ``summarise`` (a column to add up), the rest become
    one row labelled ``other (k groups)``.

    Example:
        >>> d = pd.DataFrame({"event": list("abcd"), "articles": [5, 1, 3, 2]})
        >>> limit_rows(d, label="event", weight="articles", n=2, summarise="articles").values.tolist()
        [['a', 5], ['c', 3], ['other (2 groups)', 3]]
    """
    if len(data) <= n:
        return data.reset_index(drop=True)
    top = data.nlargest(n, weight, keep="first").index
    kept = data.loc[data.index.isin(top)]
    if summarise is None:
        return kept.reset_index(drop=True)
    rest = data.loc[~data.index.isin(top)]
    other = {c: "" for c in data.columns} | {label: f"other ({len(rest)} groups)", summarise: rest[summarise].sum()}
    return pd.concat([kept, pd.DataFrame([other]).astype({summarise: data[summarise].dtype})], ignore_index=True)


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
    """Rate per 1,000 words of each frame per group, with intervals: ``group, frame, value, ci_low, ci_high,
    n_sentences``.

    Example:
        >>> s = pd.DataFrame({"lexicon": ["stance"], "level": ["outlet"], "group": ["X"], "frame": ["warning"],
        ...                   "measure": ["rate_per_1000"], "value": [5.0], "ci_low": [1.0], "ci_high": [9.0],
        ...                   "n_sentences": [4]})
        >>> frame_rates(s).values.tolist()
        [['X', 'warning', 5.0, 1.0, 9.0, 4]]
    """
    t = pick(frame_scores, lexicon=lexicon_name(frame_scores, lexicon), level=level, measure="rate_per_1000")
    return t[["group", "frame", "value", "ci_low", "ci_high", "n_sentences"]].reset_index(drop=True)


def frame_balance(frame_scores: pd.DataFrame, *, level: str = "outlet", lexicon: str = "stance") -> pd.DataFrame:
    """Balance index per group with its interval: ``group, value, ci_low, ci_high, n_sentences``.

    Example:
        >>> s = pd.DataFrame({"lexicon": ["stance"], "level": ["voice"], "group": ["quoted"], "frame": ["balance"],
        ...     "measure": ["balance"], "value": [0.4], "ci_low": [0.1], "ci_high": [0.7], "n_sentences": [41]})
        >>> frame_balance(s, level="voice").values.tolist()
        [['quoted', 0.4, 0.1, 0.7, 41]]
    """
    t = pick(frame_scores, lexicon=lexicon_name(frame_scores, lexicon), level=level, measure="balance")
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
    t = pick(attribution_scores, level=level, measure=measure)
    return t[["group", "key", "n", "share"]].reset_index(drop=True)


def verb_classes(attribution_scores: pd.DataFrame, *, speaker: str, level: str = "outlet") -> pd.DataFrame:
    """Reporting-verb classes of one speaker per group: ``group, key (class), n, share``.

    Example:
        >>> s = pd.DataFrame({"level": ["outlet"], "group": ["X"], "measure": ["verb_class_by_speaker"],
        ...                   "key": ["Xi"], "subkey": ["alarm"], "n": [2], "share": [1.0]})
        >>> verb_classes(s, speaker="Xi").values.tolist()
        [['X', 'alarm', 2, 1.0]]
    """
    t = pick(attribution_scores, level=level, measure="verb_class_by_speaker")
    t = t[t["key"] == speaker]
    return t[["group", "subkey", "n", "share"]].rename(columns={"subkey": "key"}).reset_index(drop=True)


def sentiment_by(sentiment_scores: pd.DataFrame, *, level: str = "outlet", measure: str = "polarity") -> pd.DataFrame:
    """Mean sentiment per group with intervals: ``group, value, ci_low, ci_high, n_sentences``.

    Example:
        >>> s = pd.DataFrame({"level": ["voice"], "group": ["quoted"], "measure": ["polarity"], "value": [0.2],
        ...                   "ci_low": [0.1], "ci_high": [0.3], "n_sentences": [9]})
        >>> sentiment_by(s, level="voice").values.tolist()
        [['quoted', 0.2, 0.1, 0.3, 9]]
    """
    t = pick(sentiment_scores, level=level, measure=measure)
    return t[["group", "value", "ci_low", "ci_high", "n_sentences"]].reset_index(drop=True)


def top_terms(distinctive_terms: pd.DataFrame, *, by: str = "outlet", group: str, n: int = 12) -> pd.DataFrame:
    """The ``n`` most distinctive terms of one group: ``term, z, log_odds, count_group``.

    Example:
        >>> t = pd.DataFrame({"by": ["outlet"] * 2, "group": ["X"] * 2, "term": ["warned", "said"],
        ...                   "z": [2.0, 1.0], "log_odds": [1.0, 0.5], "count_group": [3, 2]})
        >>> top_terms(t, group="X", n=1).term.tolist()
        ['warned']
    """
    t = pick(distinctive_terms, by=by, group=group)
    return t.nlargest(n, "z")[["term", "z", "log_odds", "count_group"]].reset_index(drop=True)


def group_labels(articles: pd.DataFrame, column: str = "outlet") -> pd.Series:
    """The group label each article has in the score tables: ``unknown`` becomes ``unknown:<doc_id>``.

    Example:
        >>> a = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["BBC", "unknown"]})
        >>> group_labels(a).tolist()
        ['BBC', 'unknown:b']
    """
    return unpooled(articles[column], articles["doc_id"]).astype(str)


def top_speakers(attribution_scores: pd.DataFrame, *, n: int = 8, level: str = "outlet") -> pd.DataFrame:
    """Share of each group's attributions per speaker, for the ``n`` most quoted speakers of the corpus; the
    rest are one key ``other speakers``, and pronouns left unresolved one key ``unresolved``:
    ``group, key, n, share``.

    Example:
        >>> s = pd.DataFrame({"level": ["outlet"] * 3, "group": ["X"] * 3, "measure": ["speaker_share"] * 3,
        ...                   "key": ["A", "B", "C"], "n": [5, 3, 1], "share": [5 / 9, 3 / 9, 1 / 9]})
        >>> top_speakers(s, n=2).key.tolist()
        ['A', 'B', 'other speakers']
        >>> top_speakers(s.assign(key=["A", "she", "C"]), n=2).key.tolist()
        ['A', 'C', 'unresolved']
    """
    t = attribution_shares(attribution_scores, measure="speaker_share", level=level)
    if t.empty:
        return t
    # a pronoun the extractor could not resolve is nobody's voice: one grey "unresolved" key, never a top speaker
    t = t.assign(key=t["key"].where(~t["key"].isin(PRONOUNS), "unresolved"))
    named = t[t["key"] != "unresolved"]
    top = named.groupby("key")["n"].sum().sort_values(ascending=False, kind="mergesort").index[:n]
    t = t.assign(key=t["key"].where(t["key"].isin([*top, "unresolved"]), "other speakers"))
    t = t.groupby(["group", "key"], sort=False, as_index=False)[["n", "share"]].sum()
    order = {k: i for i, k in enumerate([*top, "other speakers", "unresolved"])}
    return t.sort_values(["group", "key"], key=lambda c: c.map(order) if c.name == "key" else c,
                         kind="mergesort").reset_index(drop=True)


def side_coverage(attributions: pd.DataFrame) -> float:
    """The share of attributions whose speaker the actors file places on a side (not ``other``).

    Example:
        >>> side_coverage(pd.DataFrame({"side": ["us", "other", "other", "china"]}))
        0.5
    """
    return float((attributions["side"] != "other").mean()) if len(attributions) else 0.0


def same_event_balance(frame_scores: pd.DataFrame, *, lexicon: str = "stance", events: int = 12) -> pd.DataFrame:
    """Balance per outlet within each event, for the ``events`` events with the most articles that at least two
    outlets cover: ``event, outlet, value, ci_low, ci_high, n_docs``.

    Example:
        >>> s = pd.DataFrame({"lexicon": "stance", "level": "outlet:event", "measure": "balance",
        ...     "event": ["e1", "e1", "e2"], "outlet": ["A", "B", "A"], "value": [0.5, -0.5, 0.1],
        ...     "ci_low": [0.1, -0.9, 0.0], "ci_high": [0.9, -0.1, 0.2], "n_docs": [2, 1, 1]})
        >>> same_event_balance(s)[["event", "outlet"]].values.tolist()
        [['e1', 'A'], ['e1', 'B']]
    """
    t = pick(frame_scores, lexicon=lexicon_name(frame_scores, lexicon), level="outlet:event", measure="balance")
    t = t[["event", "outlet", "value", "ci_low", "ci_high", "n_docs"]]
    shared = t.groupby("event")["outlet"].transform("nunique") >= 2
    t = t[shared]
    size = t.groupby("event")["n_docs"].sum().sort_values(ascending=False, kind="mergesort")
    keep = list(size.index[:events])
    t = t[t["event"].isin(keep)]
    return t.sort_values(["event", "outlet"], key=lambda c: c.map({e: i for i, e in enumerate(keep)})
                         if c.name == "event" else c, kind="mergesort").reset_index(drop=True)


def kwic_examples(matches: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, *, lexicon: str,
                  by: str = "outlet", per_group: int = 2, groups: int = 8) -> pd.DataFrame:
    """A few matched sentences per group and frame (the first in document order), so a reader sees what was
    counted: ``group, frame, doc_id, voice, negated, highlighted``. ``by`` is an article column, ``voice`` or
    ``position``.

    Example:
        >>> m = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "lexicon": ["stance"], "frame": ["warning"],
        ...     "term": ["warned"], "match": ["warned"], "start": [3], "end": [9], "voice": ["narration"],
        ...     "negated": [False], "negator": [""]})
        >>> s = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "text": ["Xi warned Trump."], "start": [0]})
        >>> kwic_examples(m, s, pd.DataFrame({"doc_id": ["a"], "outlet": ["X"]}), lexicon="stance").highlighted[0]
        'Xi [[warned]] Trump.'
    """
    from framing.extract.kwic import kwic

    columns = ["group", "frame", "doc_id", "voice", "negated", "highlighted"]
    name = lexicon_name(matches, lexicon)
    lines = kwic(matches, sentences, lexicon=name, width=70)
    if lines.empty or by not in {*articles.columns, "voice", "position"}:
        return pd.DataFrame(columns=columns)
    if by == "voice":
        group = lines["voice"]
    elif by == "position":
        where = pd.MultiIndex.from_frame(sentences[["doc_id", "sent_id"]])
        group = pd.Series(sentences["position"].to_numpy()[where.get_indexer(
            pd.MultiIndex.from_frame(lines[["doc_id", "sent_id"]]))], index=lines.index)
    else:
        group = lines["doc_id"].map(dict(zip(articles["doc_id"], group_labels(articles, by))))
    lines = lines.assign(group=group)[~lines["negated"].astype(bool)]
    busiest = lines["group"].value_counts().index[:groups]
    lines = lines[lines["group"].isin(busiest)]
    return (lines.groupby(["group", "frame"], sort=True).head(per_group)
            .sort_values(["group", "frame"], kind="mergesort")[columns].reset_index(drop=True))


def reuse_matrix(reuse: pd.DataFrame, *, n: int = MAX_ROWS) -> pd.DataFrame:
    """Article pairs sharing text per pair of outlets (``outlet_a <= outlet_b``; the diagonal is reuse within
    one outlet), for the ``n`` outlets with the most pairs, with how many of them are copies (``exact`` or
    ``near_duplicate``).

    Example:
        >>> r = pd.DataFrame({"outlet_a": ["B", "A", "A"], "outlet_b": ["A", "B", "A"],
        ...                   "kind": ["exact", "partial", "near_duplicate"]})
        >>> reuse_matrix(r).values.tolist()
        [['A', 'A', 1, 1], ['A', 'B', 2, 1]]
    """
    columns = ["outlet_a", "outlet_b", "pairs", "copies"]
    if reuse.empty:
        return pd.DataFrame(columns=columns)
    a, b = reuse["outlet_a"].astype(str), reuse["outlet_b"].astype(str)
    pairs = pd.DataFrame({"outlet_a": a.where(a <= b, b), "outlet_b": b.where(a <= b, a),
                          "copy": reuse["kind"].isin(["exact", "near_duplicate"]).astype(int)})
    out = pairs.groupby(["outlet_a", "outlet_b"], sort=True).agg(pairs=("copy", "size"), copies=("copy", "sum"))
    out = out.reset_index()
    involved = pd.concat([out[["outlet_a", "pairs"]].rename(columns={"outlet_a": "outlet"}),
                          out[["outlet_b", "pairs"]].rename(columns={"outlet_b": "outlet"})])
    top = involved.groupby("outlet")["pairs"].sum().sort_values(ascending=False, kind="stable").index[:n]
    keep = out["outlet_a"].isin(top) & out["outlet_b"].isin(top)
    return out[keep].reset_index(drop=True)[columns]


def reuse_cluster_list(clusters: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per cluster of copies: its size, outlets, first article and title, largest clusters first.

    Example:
        >>> c = pd.DataFrame({"cluster_id": ["a", "a"], "doc_id": ["a", "b"], "outlet": ["X", "Y"],
        ...                   "cluster_size": [2, 2], "is_first": [True, False]})
        >>> art = pd.DataFrame({"doc_id": ["a", "b"], "title": ["T", "T"], "credit": ["AP", None]})
        >>> reuse_cluster_list(c, art).values.tolist()
        [['a', 2, 'X, Y', 'a', 'T', 'AP']]
    """
    columns = ["cluster_id", "articles", "outlets", "first", "title", "credit"]
    if clusters.empty:
        return pd.DataFrame(columns=columns)
    info = clusters.merge(articles[["doc_id", "title", "credit"]], on="doc_id", how="left")
    rows = []
    for cid, g in info.groupby("cluster_id", sort=True):
        first = g[g["is_first"].astype(bool)].iloc[0]
        credits = sorted({str(c) for c in g["credit"] if isinstance(c, str) and c})
        rows.append({"cluster_id": cid, "articles": len(g), "outlets": ", ".join(sorted(set(g["outlet"].astype(str)))),
                     "first": first["doc_id"], "title": first["title"], "credit": "; ".join(credits)})
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["articles", "cluster_id"], ascending=[False, True], ignore_index=True)
