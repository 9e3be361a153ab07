"""Draw a stratified sample of sentences for hand coding, and label sentences with a lexicon's frames.

The sample is stratified by group (an outlet, an event, any articles column) and by whether the lexicon matched
the sentence, so that a lexicon's precision (from matched sentences) and its recall (from unmatched ones, where
the misses are) can both be estimated from a few hundred codes. Each row carries its stratum's size and
sampling weight, which :func:`~framing.stats.score_lexicon` uses to estimate corpus-level precision and recall.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.config.lexicons import Lexicon
from framing.config.rules import NegationRule
from framing.corpus.metadata import with_metadata
from framing.errors import UsageError
from framing.extract.frames import match_frames
from framing.extract.kwic import kwic

#: Columns of :func:`sample_for_coding`'s result (the sample key plus the sheet's text columns).
SAMPLE_COLUMNS = ("item_id", "doc_id", "sent_id", "group", "stratum", "population", "sampled", "weight",
                  "lexicon", "context_before", "text", "context_after")


def sample_for_coding(
    sentences: pd.DataFrame,
    matches: pd.DataFrame,
    *,
    lexicon: Lexicon,
    by: str = "outlet",
    articles: pd.DataFrame | None = None,
    n: int = 200,
    matched_share: float = 0.5,
    min_words: int = 4,
    seed: int = 0,
    exclude: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Draw ``n`` sentences, split evenly over the groups and, within a group, between matched and unmatched.

    A sentence is ``matched`` when the lexicon has a non-negated match in it. Within a group, ``matched_share``
    of its quota comes from matched sentences and the rest from unmatched ones; a stratum with fewer sentences
    than its quota gives all it has (its ``sampled`` then equals its ``population``). Sentences with fewer than
    ``min_words`` words (datelines, captions) are not drawn. Items are shuffled, so a coder cannot tell the
    strata apart by position, and numbered 1…n.

    Args:
        sentences: The sentences table (``doc_id, sent_id, text``; ``by`` from here or from ``articles``).
        matches: Frame matches of those sentences (:func:`~framing.extract.match_frames`).
        lexicon: The lexicon being validated (only its matches count for the strata).
        by: The grouping column to stratify by.
        articles: The articles table, when ``by`` is an articles column.
        n: Sentences to draw in all.
        matched_share: Share of each group's quota drawn from matched sentences (0 to 1).
        min_words: Shortest sentence drawn, in words.
        seed: Random seed; the same inputs and seed give the same sample.
        exclude: Sentences not to draw (``doc_id, sent_id``), e.g. those of an earlier sheet, so that a second
            round of coding is a fresh sample.

    Returns:
        A new DataFrame with :data:`SAMPLE_COLUMNS`, one row per drawn sentence, in item order.
        ``weight`` = ``population / sampled`` of the item's stratum.

    Example:
        >>> from framing.config import load_lexicon
        >>> s = pd.DataFrame({"doc_id": list("aabb"), "sent_id": [0, 1, 0, 1], "start": [0, 30, 0, 40],
        ...     "outlet": list("XXYY"),
        ...     "text": ["They warned of a war today.", "The weather was fine today.",
        ...              "Leaders praised the cooperation today.", "Markets closed higher on Monday."]})
        >>> m = match_frames(s, quotes=pd.DataFrame(columns=["doc_id", "start", "end"]), lexicon="stance")
        >>> sample_for_coding(s, m, lexicon=load_lexicon("stance"), n=4)[["group", "stratum"]].value_counts().tolist()
        [1, 1, 1, 1]
    """
    if n < 1:
        raise UsageError(f"n must be a positive number of sentences; got {n}")
    if not 0 <= matched_share <= 1:
        raise UsageError(f"matched_share must be between 0 and 1; got {matched_share}")
    if sentences.empty:
        raise UsageError("no sentences to sample from")
    data = with_metadata(sentences, articles, [by]) if by not in sentences.columns else sentences
    data = data.sort_values(["doc_id", "sent_id"], kind="stable").reset_index(drop=True)
    text = data["text"].astype(str)
    before = text.shift(1).where(data["doc_id"].eq(data["doc_id"].shift(1)), "").fillna("")
    after = text.shift(-1).where(data["doc_id"].eq(data["doc_id"].shift(-1)), "").fillna("")
    live = matches[(matches["lexicon"] == lexicon.name) & ~matches["negated"].astype(bool)] if len(matches) else matches
    hit = set(zip(live["doc_id"], live["sent_id"])) if len(live) else set()
    matched = np.fromiter(((d, s) in hit for d, s in zip(data["doc_id"], data["sent_id"])), bool, len(data))
    frame = pd.DataFrame({"doc_id": data["doc_id"].astype(str), "sent_id": data["sent_id"],
                          "group": data[by].astype(str), "stratum": np.where(matched, "matched", "unmatched"),
                          "context_before": before, "text": text, "context_after": after})
    keep = text.str.split().str.len().fillna(0).to_numpy() >= min_words
    if exclude is not None and len(exclude):
        done = set(zip(exclude["doc_id"].astype(str), pd.to_numeric(exclude["sent_id"]).astype(int)))
        keep &= np.fromiter(((d, int(i)) not in done for d, i in zip(frame["doc_id"], frame["sent_id"])), bool,
                            len(frame))
    frame = frame[keep]
    if frame.empty:
        raise UsageError(f"no sentence has {min_words} words or more")
    rng = np.random.default_rng(seed)
    groups = sorted(frame["group"].unique())
    quota = _split(n, len(groups))
    parts = []
    for group, q in zip(groups, quota):
        rows = frame[frame["group"] == group]
        want = {"matched": int(round(q * matched_share))}
        want["unmatched"] = q - want["matched"]
        for stratum in ("matched", "unmatched"):
            pool = rows[rows["stratum"] == stratum]
            take = min(want[stratum], len(pool))
            if take == 0:
                continue
            picked = pool.iloc[np.sort(rng.choice(len(pool), size=take, replace=False))].copy()
            picked["population"], picked["sampled"] = len(pool), take
            parts.append(picked)
    sample = pd.concat(parts, ignore_index=True)
    sample = sample.iloc[rng.permutation(len(sample))].reset_index(drop=True)
    sample["item_id"] = np.arange(1, len(sample) + 1)
    sample["weight"] = sample["population"] / sample["sampled"]
    sample["lexicon"] = lexicon.label
    return sample[list(SAMPLE_COLUMNS)]


def _split(n: int, k: int) -> list[int]:
    """``n`` split into ``k`` near-equal whole parts, larger parts first: ``_split(7, 3) == [3, 2, 2]``."""
    return [n // k + (1 if i < n % k else 0) for i in range(k)]


def label_sentences(items: pd.DataFrame, *, lexicon: Lexicon, negation: NegationRule | None = None) -> pd.DataFrame:
    """Match a lexicon in coded sentences, each taken on its own (as the sheet shows it).

    Args:
        items: One row per sentence: ``item_id, text``.
        lexicon: The lexicon to label with (any version: re-score a revised lexicon on the same codes).
        negation: The negation rule; the shipped one by default.

    Returns:
        A new DataFrame, one row per non-negated match: ``item_id, frame, term, match, highlighted``.

    Example:
        >>> from framing.config import load_lexicon
        >>> items = pd.DataFrame({"item_id": [1, 2], "text": ["They warned of war.", "No threat was made."]})
        >>> label_sentences(items, lexicon=load_lexicon("stance"))[["item_id", "frame", "match"]].values.tolist()
        [[1, 'warning', 'warned']]
    """
    columns = ["item_id", "frame", "term", "match", "highlighted"]
    if items.empty:
        return pd.DataFrame(columns=columns)
    sents = pd.DataFrame({"doc_id": items["item_id"].astype(str).to_numpy(), "sent_id": 0, "start": 0,
                          "text": items["text"].astype(str).to_numpy()})
    no_quotes = pd.DataFrame({"doc_id": pd.Series(dtype=str), "start": pd.Series(dtype=int),
                              "end": pd.Series(dtype=int)})
    found = match_frames(sents, quotes=no_quotes, lexicon=lexicon, negation=negation)
    found = found[~found["negated"].astype(bool)].reset_index(drop=True)
    if found.empty:
        return pd.DataFrame(columns=columns)
    lines = kwic(found, sents)
    ids = dict(zip(items["item_id"].astype(str), items["item_id"]))
    return pd.DataFrame({"item_id": found["doc_id"].map(ids).to_numpy(), "frame": found["frame"].to_numpy(),
                         "term": found["term"].to_numpy(), "match": found["match"].to_numpy(),
                         "highlighted": lines["highlighted"].to_numpy()})
