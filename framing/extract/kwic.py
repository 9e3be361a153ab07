"""Keyword in context: the sentences behind a number, with the match marked."""

from __future__ import annotations

import pandas as pd

from framing.schema import KWIC_COLUMNS


def kwic(
    matches: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    frame: str | None = None,
    term: str | None = None,
    lexicon: str | None = None,
    width: int = 60,
    mark: tuple[str, str] = ("[[", "]]"),
) -> pd.DataFrame:
    """Show each match in its sentence.

    Args:
        matches: Frame matches (:func:`framing.extract.match_frames`).
        sentences: The sentences they come from.
        frame: Keep only this frame.
        term: Keep only this lexicon term (as in the lexicon, e.g. ``never allow``).
        lexicon: Keep only this lexicon.
        width: Characters of context on each side in ``left``/``right``.
        mark: Strings placed around the match in ``highlighted`` (plain text; escape before HTML).

    Returns:
        A new DataFrame ``doc_id, sent_id, lexicon, frame, term, voice, negated, left, match, right,
        highlighted`` with the whole sentence in ``highlighted``.

    Example:
        >>> s = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "start": [0], "text": ["Xi warned Trump."]})
        >>> m = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "lexicon": ["stance"], "frame": ["warning"],
        ...     "term": ["warned"], "match": ["warned"], "start": [3], "end": [9], "voice": ["narration"],
        ...     "negated": [False]})
        >>> kwic(m, s, frame="warning").highlighted.tolist()
        ['Xi [[warned]] Trump.']
    """
    m = matches
    if frame is not None:
        m = m[m["frame"] == frame]
    if term is not None:
        m = m[m["term"] == term]
    if lexicon is not None:
        m = m[m["lexicon"] == lexicon]
    joined = m.merge(sentences[["doc_id", "sent_id", "start", "text"]].rename(columns={"start": "s_start"}),
                     on=["doc_id", "sent_id"], how="left", validate="many_to_one")
    rows = []
    for r in joined.itertuples(index=False):
        a, b = r.start - r.s_start, r.end - r.s_start
        text = r.text
        rows.append((r.doc_id, r.sent_id, r.lexicon, r.frame, r.term, r.voice, bool(r.negated),
                     text[max(0, a - width):a], text[a:b], text[b:b + width],
                     f"{text[:a]}{mark[0]}{text[a:b]}{mark[1]}{text[b:]}"))
    return pd.DataFrame(rows, columns=list(KWIC_COLUMNS))
