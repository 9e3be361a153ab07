"""Split clean article text into paragraphs and sentences, and find quotation spans.

Paragraphs are separated by a blank line in ``articles.text``. Sentences come from nupunkt (an offline
Punkt model; no NLTK download). Offsets are character offsets into ``articles.text``.

Quotation rule: double quotes (“ ” and ", either closing either, since scraped text mixes them), typewriter
doubles (``…'' and ''…'', as some newswires write them) and single quotes (‘ ’ and ') open and close top-level
spans; a ’ between letters is an apostrophe. A quotation never runs past its paragraph: if it is still open at
the paragraph's end and the next paragraph opens with a quotation mark (the multi-paragraph convention),
it is closed there as ``continued``; otherwise it is closed there as unbalanced (``closed`` is False).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from framing.schema import (
    LOADED_WITH_WARNINGS,
    NARRATION,
    POSITIONS,
    QUOTE_COLUMNS,
    QUOTED,
    SENTENCE_COLUMNS,
    SKIPPED,
)
from framing.text import PARAGRAPH_SEP, count_words, iter_paragraphs

HEADLINE, LEDE, BODY = POSITIONS

_OPEN_DOUBLE, _CLOSE_DOUBLE = "“„«", "”»"
_OPEN_SINGLE, _CLOSE_SINGLE = "‘‹", "’›"
_TWIN_OPEN, _TWIN_CLOSE = "``", "''"


def split_sentences(articles: pd.DataFrame) -> pd.DataFrame:
    """Split every article into sentences, one row per sentence.

    Args:
        articles: A table with ``doc_id``, ``text`` and ``title`` (see :func:`framing.load_corpus`).

    Returns:
        A new DataFrame with columns ``doc_id, sent_id, para_id, position, text, start, end, n_words``.
        ``position`` is ``headline`` for the title paragraph, ``lede`` for the first body paragraph and
        ``body`` after it. ``sent_id`` counts from 0 within each document.

    Example:
        >>> arts = pd.DataFrame({"doc_id": ["d"], "title": ["Xi calls Trump"],
        ...                      "text": ["Xi calls Trump\\n\\nXi spoke. Trump agreed.\\n\\nMore."]})
        >>> split_sentences(arts)[["sent_id", "position", "text"]].values.tolist()
        [[0, 'headline', 'Xi calls Trump'], [1, 'lede', 'Xi spoke.'], [2, 'lede', 'Trump agreed.'], [3, 'body', 'More.']]
    """
    import nupunkt

    rows: list[tuple[object, ...]] = []
    for doc_id, text, title in zip(articles["doc_id"], articles["text"], articles["title"]):
        text = str(text)
        has_headline = isinstance(title, str) and bool(title) and text.split(PARAGRAPH_SEP, 1)[0] == title
        sent_id = 0
        for para_id, p_start, p_end in iter_paragraphs(text):
            if has_headline and para_id == 0:
                position = HEADLINE
            elif para_id == (1 if has_headline else 0):
                position = LEDE
            else:
                position = BODY
            para = text[p_start:p_end]
            spans = [(0, len(para))] if position == HEADLINE else _mend_splits(para, nupunkt.sent_spans(para))
            for s, e in spans:
                chunk = para[s:e]
                lead = len(chunk) - len(chunk.lstrip())
                chunk = chunk.strip()
                if not chunk:
                    continue
                start = p_start + s + lead
                rows.append((doc_id, sent_id, para_id, position, chunk, start, start + len(chunk),
                             count_words(chunk)))
                sent_id += 1
    out = pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))
    return out.astype({"sent_id": "int64", "para_id": "int64", "start": "int64", "end": "int64",
                       "n_words": "int64"})


# titles that never end a sentence before a name ("Lt. Gov. Eric Holcomb"), and what cannot open one
_TITLE_END = re.compile(r"(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Lt|Gov|Sen|Sens|Rep|Reps|Gen|Col|Sgt|Capt|Cmdr|Adm|Rev|Prof|Pres|"
                        r"Supt|Insp|Det|Lt\. Gov|Atty|Gen)\.$")
_NOT_A_START = re.compile(r"[),;:\]]|[a-z]")


def _mend_splits(para: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join sentence splits that cut a title from its name ("Lt. | Gov. Eric Holcomb") or a parenthesis or
    clause from its sentence ("Rep. Jim Clyburn (D-S.C. | ), a member of …").

    Example:
        >>> t = "Sources said Lt. Gov. Eric Holcomb is interested. Sen. Ann Bell (D-S.C.), a member, agreed."
        >>> [t[s:e] for s, e in _mend_splits(t, [(0, 16), (17, 49), (50, 72), (72, 94)])]
        ['Sources said Lt. Gov. Eric Holcomb is interested.', 'Sen. Ann Bell (D-S.C.), a member, agreed.']
    """
    out: list[tuple[int, int]] = []
    for s, e in spans:
        nxt = para[s:e].lstrip()
        if out and (_TITLE_END.search(para[out[-1][0]:out[-1][1]].rstrip()) or _NOT_A_START.match(nxt)):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def find_quote_spans(text: str) -> list[dict[str, object]]:
    """Find top-level quotation spans in one clean article text.

    Args:
        text: A clean article text (paragraphs separated by blank lines).

    Returns:
        One dict per span: ``para_id``, ``start`` and ``end`` (offsets that include the quotation marks),
        ``text`` (the words inside), ``closed`` (False when the closing mark is missing) and
        ``continued`` (closed at a paragraph end because the next paragraph opens a quotation).

    Example:
        >>> [(q["text"], q["closed"]) for q in find_quote_spans('He said “mutual respect” and ‘never’.')]
        [('mutual respect', True), ('never', True)]
        >>> [q["text"] for q in find_quote_spans("''It's a silly thing to say,'' Mrs. Clinton said.")]
        ["It's a silly thing to say,"]
        >>> [(q["text"], q["closed"]) for q in find_quote_spans('China’s “big day. Over.')]
        [('big day. Over.', False)]
        >>> [q["text"] for q in find_quote_spans('“We will win," Ann said. "We did,” Bo said.')]
        ['We will win,', 'We did,']
    """
    spans: list[dict[str, object]] = []
    paragraphs = list(iter_paragraphs(text))
    for idx, (para_id, p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        closer = ""
        i = p_start
        while i < p_end:
            ch = text[i]
            if open_at is None:
                twin = text.startswith(_TWIN_CLOSE, i) and _opens_single(text, i + 1, p_start)
                if twin or text.startswith(_TWIN_OPEN, i):  # ``…'' and ''…'' (typewriter double quotes)
                    open_at, closer = i, "twin"
                    i += 2
                    continue
                if ch in _OPEN_DOUBLE:
                    open_at, closer = i, "double"
                elif ch == '"':
                    open_at, closer = i, "straight"
                elif (ch in _OPEN_SINGLE or ch == "'") and _opens_single(text, i, p_start):
                    open_at, closer = i, "single"
            elif closer == "twin" and text.startswith(_TWIN_CLOSE, i):
                spans.append(_span(text, para_id, open_at, i + 2, closed=True, continued=False, mark=2))
                open_at = None
                i += 2
                continue
            elif (closer in ("double", "straight") and (ch in _CLOSE_DOUBLE or ch == '"')) or (
                closer == "single" and (ch in _CLOSE_SINGLE or ch == "'") and _closes_single(text, i, p_end)
            ):
                spans.append(_span(text, para_id, open_at, i + 1, closed=True, continued=False))
                open_at = None
            i += 1
        if open_at is not None:
            nxt = paragraphs[idx + 1] if idx + 1 < len(paragraphs) else None
            continued = nxt is not None and text[nxt[1]] in _OPEN_DOUBLE + _OPEN_SINGLE + "\"'`"
            spans.append(_span(text, para_id, open_at, p_end, closed=continued, continued=continued,
                               mark=2 if closer == "twin" else 1))
    return spans


def _opens_single(text: str, i: int, p_start: int) -> bool:
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and not after.isspace()


def _closes_single(text: str, i: int, p_end: int) -> bool:
    after = text[i + 1] if i + 1 < p_end else " "
    return not after.isalnum()


def _span(text: str, para_id: int, start: int, end: int, *, closed: bool, continued: bool, mark: int = 1
          ) -> dict[str, object]:
    inner_end = end - mark if closed and not continued else end
    return {"para_id": para_id, "start": start, "end": end, "text": text[start + mark:inner_end].strip(),
            "closed": closed, "continued": continued}


def find_quotes(articles: pd.DataFrame) -> pd.DataFrame:
    """Find the quotation spans of every article.

    Args:
        articles: A table with ``doc_id`` and ``text``.

    Returns:
        A new DataFrame with columns ``doc_id, quote_id, para_id, start, end, text, closed, continued``.

    Example:
        >>> arts = pd.DataFrame({"doc_id": ["d"], "text": ['“We agree,” Xi said.']})
        >>> find_quotes(arts)[["quote_id", "text", "closed"]].values.tolist()
        [[0, 'We agree,', True]]
    """
    rows = []
    for doc_id, text in zip(articles["doc_id"], articles["text"]):
        for quote_id, span in enumerate(find_quote_spans(str(text))):
            rows.append({"doc_id": doc_id, "quote_id": quote_id, **span})
    out = pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))
    return out.astype({"quote_id": "int64", "para_id": "int64", "start": "int64", "end": "int64",
                       "closed": "bool", "continued": "bool"})


def measure_voice(sentences: pd.DataFrame, *, quotes: pd.DataFrame) -> pd.DataFrame:
    """Count each sentence's words inside quotation spans (quoted) and outside them (narration).

    Args:
        sentences: The sentences table.
        quotes: The quotes table of the same documents.

    Returns:
        A copy of ``sentences`` with ``n_words_quoted`` and ``n_words_narration`` added, and ``voice``:
        the voice of most of the sentence's words (``quoted`` or ``narration``; ties go to narration).

    Example:
        >>> s = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "start": [0], "end": [27], "n_words": [5],
        ...                   "text": ["“We agree fully,” Xi said."]})
        >>> q = pd.DataFrame({"doc_id": ["d"], "start": [0], "end": [17]})
        >>> measure_voice(s, quotes=q)[["n_words_quoted", "n_words_narration", "voice"]].values.tolist()
        [[3, 2, 'quoted']]
    """
    out = sentences.copy()
    quoted = np.zeros(len(out), dtype=np.int64)
    if not quotes.empty and not out.empty:
        starts, ends = out["start"].to_numpy(), out["end"].to_numpy()
        texts = out["text"].tolist()
        index = out.reset_index(drop=True).groupby("doc_id", sort=False).indices
        q_index = quotes.groupby("doc_id", sort=False).indices
        q_start, q_end = quotes["start"].to_numpy(), quotes["end"].to_numpy()
        for doc_id, rows in index.items():
            q_rows = q_index.get(doc_id)
            if q_rows is None:
                continue
            rows = rows[np.argsort(starts[rows], kind="stable")]
            s_starts = starts[rows]
            for qi in q_rows:
                qs, qe = int(q_start[qi]), int(q_end[qi])
                first = max(int(np.searchsorted(s_starts, qs, side="right")) - 1, 0)
                for pos in rows[first:]:
                    s_start, s_end = int(starts[pos]), int(ends[pos])
                    if s_start >= qe:
                        break
                    if s_end > qs:
                        a, b = max(qs, s_start) - s_start, min(qe, s_end) - s_start
                        quoted[pos] += count_words(texts[pos][a:b])
    out["n_words_quoted"] = np.minimum(quoted, out["n_words"].to_numpy())
    out["n_words_paraphrase"] = np.zeros(len(out), dtype=np.int64)  # set by framing.extract.mark_paraphrase
    out["n_words_narration"] = out["n_words"] - out["n_words_quoted"]
    out["voice"] = np.where(out["n_words_quoted"] > out["n_words_narration"], QUOTED, NARRATION)
    return out


def flag_unbalanced_quotes(report: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """The load report with a warning on every loaded document that has an unclosed quotation."""
    open_quotes = quotes.loc[~quotes["closed"]]
    if open_quotes.empty:
        return report
    report = report.copy()
    for doc_id, group in open_quotes.groupby("doc_id", sort=True):
        paras = ", ".join(str(p) for p in group["para_id"])
        note = f"unbalanced quotation mark (closed at the end of paragraph {paras}; best effort)"
        mask = (report["doc_id"] == doc_id) & (report["status"] != SKIPPED)
        report.loc[mask, "reason"] = report.loc[mask, "reason"].map(lambda r: f"{r}; {note}" if r else note)
        report.loc[mask, "status"] = LOADED_WITH_WARNINGS
    return report
