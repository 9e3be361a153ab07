"""Candidate lexicon terms from a corpus, for a researcher to accept or reject (never added automatically)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from framing.config.lexicons import Lexicon, inflections
from framing.extract.terms import count_terms
from framing.stats.terms import score_term_counts
from framing.text import fold_apostrophes

SUGGESTION_COLUMNS = ("frame", "term", "z", "log_odds", "count_frame", "count_rest", "sentences_frame")


def suggest_terms(
    sentences: pd.DataFrame,
    matches: pd.DataFrame,
    *,
    lexicon: Lexicon,
    frame: str,
    top: int = 30,
    min_count: int = 3,
    examples: int = 3,
    stopwords: Iterable[str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Words over-represented in sentences where a frame matched, against sentences where no frame matched.

    The score is the log-odds ratio with an informative Dirichlet prior (as in
    :func:`~framing.stats.distinctive_terms`), over the tokens of :func:`~framing.extract.terms.count_terms`
    (so "U.S." and "Mr." are one token; stopwords and one-letter tokens left out). Words already in the
    lexicon, in any frame and any inflection, are not proposed. A candidate found in the frame's sentences is
    a word that keeps company with the frame's terms; read its lines before adding it.

    Args:
        sentences: The sentences table (``doc_id, sent_id, text``).
        matches: Frame matches of those sentences (:func:`~framing.extract.match_frames`).
        lexicon: The lexicon.
        frame: The frame to suggest terms for (one of the lexicon's).
        top: Candidates to return, best first.
        min_count: Fewest frame sentences a candidate appears in.
        examples: KWIC lines per candidate.
        stopwords: Words never proposed (default: scikit-learn's English stop words).

    Returns:
        ``(candidates, lines)``: candidates with :data:`SUGGESTION_COLUMNS`, best first, and their KWIC lines
        ``frame, term, doc_id, sent_id, highlighted`` (the candidate marked with ``[[ ]]``).

    Example:
        >>> from framing.config import load_lexicon
        >>> from framing.extract import match_frames
        >>> s = pd.DataFrame({"doc_id": list("abcdef"), "sent_id": 0, "start": 0, "text": [
        ...     "Officials warned of tariffs.", "He warned of tariffs again.", "They warned: tariffs.",
        ...     "The weather was mild.", "Markets rose.", "Tariffs were not seen by the markets."]})
        >>> m = match_frames(s, quotes=pd.DataFrame(columns=["doc_id", "start", "end"]), lexicon="stance")
        >>> suggest_terms(s, m, lexicon=load_lexicon("stance"), frame="warning", min_count=2)[0].term.tolist()
        ['tariffs']
    """
    if frame not in lexicon.frames:
        raise ValueError(f"frame {frame!r} is not in lexicon {lexicon.name!r}; valid frames are {list(lexicon.frames)}")
    if stopwords is None:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as stopwords
    stop = frozenset(stopwords)
    live = matches[(matches["lexicon"] == lexicon.name) & ~matches["negated"].astype(bool)] if len(matches) else matches
    keys = list(zip(sentences["doc_id"], sentences["sent_id"]))
    in_frame = set(zip(live.loc[live["frame"] == frame, "doc_id"], live.loc[live["frame"] == frame, "sent_id"]))
    in_any = set(zip(live["doc_id"], live["sent_id"]))
    known = {form for terms in lexicon.frames.values() for term in terms for form in inflections(term.rstrip("*"))}
    prefixes = tuple(t[:-1] for terms in lexicon.frames.values() for t in terms if t.endswith("*"))
    texts = sentences["text"].astype(str).tolist()
    inside = [t for k, t in zip(keys, texts) if k in in_frame]
    outside = [t for k, t in zip(keys, texts) if k not in in_any]
    # Each sentence counts a word once: a candidate is a word found in many frame sentences, not one repeated.
    counts = {side: Counter(w for text in group for w in count_terms([text], stopwords=stop))
              for side, group in (("frame", inside), ("rest", outside))}
    scored = score_term_counts(counts, by="set", min_count=1)
    scored = scored[(scored["group"] == "frame") & (scored["count_group"] >= min_count)]
    scored = scored[~scored["term"].isin(known) & ~scored["term"].str.startswith(prefixes or ("\0",))]
    scored = scored[scored["z"] > 0].head(top)
    candidates = pd.DataFrame({"frame": frame, "term": scored["term"].to_numpy(), "z": scored["z"].to_numpy(),
                               "log_odds": scored["log_odds"].to_numpy(),
                               "count_frame": scored["count_group"].to_numpy(),
                               "count_rest": scored["count_rest"].to_numpy(), "sentences_frame": len(inside)})
    lines = []
    frame_rows = [(k, t) for k, t in zip(keys, texts) if k in in_frame]
    for term in candidates["term"]:
        shown = 0
        for (doc_id, sent_id), text in frame_rows:
            if shown == examples:
                break
            at = _find(text, term)
            if at is not None:
                lines.append((frame, term, doc_id, sent_id, f"{text[:at[0]]}[[{text[at[0]:at[1]]}]]{text[at[1]:]}"))
                shown += 1
    return candidates.reset_index(drop=True), pd.DataFrame(lines, columns=["frame", "term", "doc_id", "sent_id",
                                                                           "highlighted"])


def _find(text: str, term: str) -> tuple[int, int] | None:
    """Where ``term`` (a lower-cased token) first stands as a whole token in ``text``."""
    folded = fold_apostrophes(text.lower())
    start = folded.find(term)
    while start >= 0:
        end = start + len(term)
        before = folded[start - 1] if start else " "
        after = folded[end] if end < len(folded) else " "
        if not (before.isalnum() or before == "'") and not (after.isalnum() or (after == "'" and term[-1] != "'")):
            return start, end
        start = folded.find(term, start + 1)
    return None
