"""Text primitives every layer shares: one word rule, one apostrophe rule, one quotation index, dates.

Nothing here knows about tables, lexicons or files. The rules are:

* **Words** (:data:`WORD_RE`): runs of letters and digits, joined by inner hyphens and apostrophes
  ("China–US" is two words, "Taiwan’s" and "long-standing" are one). Every rate per 1,000 words uses it.
* **Apostrophes** (:func:`fold_apostrophes`): the typographic ’ and the typewriter ' are the same character
  for matching.
* **Quotations** (:func:`in_spans`): an offset is inside a quotation when it falls in a half-open span
  ``[start, end)`` of the quotes table.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime

import numpy as np
import pandas as pd

PARAGRAPH_SEP = "\n\n"
WORD_RE = re.compile(r"\w+(?:[’'-]\w+)*")

_MONTHS = "january february march april may june july august september october november december".split()
_MONTH_RE = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_PATTERNS = (
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r",?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b" + _MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I),
)


def count_words(text: str) -> int:
    """Count words the way every rate in framing does (letters/digits, inner hyphens and apostrophes).

    Example:
        >>> count_words("China–US ties are “rock solid,” Lai said.")
        8
    """
    return sum(1 for _ in WORD_RE.finditer(text))


def fold_apostrophes(text: str) -> str:
    """The one apostrophe rule: ’ becomes ', so both spellings match alike (length is unchanged).

    Example:
        >>> fold_apostrophes("Taiwan’s")
        "Taiwan's"
    """
    return text.replace("’", "'")


def normalise_term(term: object) -> str:
    """Lower-case a term, fold apostrophes and collapse white space (how text is matched, too).

    Example:
        >>> normalise_term("  Mutual   Respect’s ")
        "mutual respect's"
    """
    return " ".join(fold_apostrophes(str(term)).lower().split())


def fold_for_matching(text: str) -> str:
    """Lower-case and fold apostrophes with every offset kept (a character that lower-cases to two stays).

    Example:
        >>> fold_for_matching("İstanbul’S")
        "İstanbul's"
    """
    low = text.lower()
    if len(low) != len(text):  # a few characters (e.g. İ) lower-case to two; keep offsets aligned
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return fold_apostrophes(low)


def iter_paragraphs(text: str) -> Iterator[tuple[int, int, int]]:
    """Yield ``(para_id, start, end)`` for each paragraph of a clean article text.

    Example:
        >>> list(iter_paragraphs("Title\\n\\nBody one."))
        [(0, 0, 5), (1, 7, 16)]
    """
    start = 0
    para_id = 0
    while start <= len(text):
        end = text.find(PARAGRAPH_SEP, start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            yield para_id, start, end
            para_id += 1
        start = end + len(PARAGRAPH_SEP)


class SpanIndex:
    """Sorted, non-overlapping half-open spans ``[start, end)`` of one document (its quotations), for
    per-offset questions in O(log n). :func:`in_spans` answers the same question for whole tables.

    Example:
        >>> quotes = SpanIndex([(10, 20), (0, 5)])
        >>> quotes.contains(3), quotes.contains(5), quotes.last_ending_by(12)
        (True, False, (0, 5))
    """

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.ends = [b for _, b in self.spans]

    def contains(self, pos: int) -> bool:
        """Whether ``pos`` falls inside a span."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def last_ending_by(self, pos: int) -> tuple[int, int] | None:
        """The last span that ends at or before ``pos``."""
        i = bisect.bisect_right(self.ends, pos) - 1
        return self.spans[i] if i >= 0 else None


def in_spans(positions: pd.DataFrame, spans: pd.DataFrame) -> np.ndarray:
    """For each row of ``positions`` (``doc_id, start``), whether it starts inside a span of ``spans``
    (``doc_id, start, end``, half-open) of the same document. Spans of one document must not overlap.

    Example:
        >>> pos = pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "start": [3, 10, 20, 3]})
        >>> in_spans(pos, pd.DataFrame({"doc_id": ["a"], "start": [0], "end": [10]})).tolist()
        [True, False, False, False]
    """
    if positions.empty or spans.empty:
        return np.zeros(len(positions), dtype=bool)
    codes, _ = pd.factorize(pd.concat([positions["doc_id"], spans["doc_id"]], ignore_index=True))
    shift = np.int64(1) << np.int64(40)  # documents are far apart on one global axis
    pos = codes[:len(positions)].astype(np.int64) * shift + positions["start"].to_numpy(dtype=np.int64)
    q_codes = codes[len(positions):].astype(np.int64) * shift
    q_start = q_codes + spans["start"].to_numpy(dtype=np.int64)
    q_end = q_codes + spans["end"].to_numpy(dtype=np.int64)
    order = np.argsort(q_start, kind="stable")
    q_start, q_end = q_start[order], q_end[order]
    idx = np.searchsorted(q_start, pos, side="right") - 1
    return (idx >= 0) & (pos < q_end[np.clip(idx, 0, None)])


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def clean_value(value: str) -> str:
    """A metadata value as one label: Unicode NFC, no zero-width or soft-hyphen characters, single spaces.
    So "BBC" and "BBC" followed by a zero-width space are one outlet.

    Example:
        >>> clean_value("BBC\u200b "), clean_value("Le  Monde"), clean_value("Cafe\u0301") == "Café"
        ('BBC', 'Le Monde', True)
    """
    return " ".join(unicodedata.normalize("NFC", value).translate(_INVISIBLE).split())


def script_warning(text: str, *, sample: int = 20_000) -> str:
    """A warning when most letters of ``text`` are not Latin script: framing's lexicons, sentence splitter,
    word counts and sentiment are English-only, so such a text is counted, but not measured meaningfully.

    Example:
        >>> script_warning("习近平与特朗普通电话。双方同意加强合作，并表示愿意继续对话。")[:40]
        'text is mostly non-Latin script (100% of'
        >>> script_warning("Xi and Trump spoke by phone.")
        ''
    """
    letters = [c for c in text[:sample] if c.isalpha()]
    if len(letters) < 20:
        return ""
    latin = sum(1 for c in letters if c < "\u0250" or "\u1e00" <= c <= "\u1eff")
    other = 1 - latin / len(letters)
    if other <= 0.5:
        return ""
    return (f"text is mostly non-Latin script ({other:.0%} of letters); framing's lexicons, sentences, word "
            "counts and sentiment are English-only, so its scores are not meaningful")


def parse_date(text: str) -> date | None:
    """Find the first date in ``text`` in a format news sites use.

    Recognises ``2026-02-05``, ``5 February 2026``, ``Thursday, 05 February 2026`` and ``February 5, 2026``.

    Args:
        text: Any string, e.g. a byline line.

    Returns:
        The date, or ``None`` if there is none.

    Example:
        >>> parse_date("Updated at 1508 EAT on Thursday 5 February 2026")
        datetime.date(2026, 2, 5)
    """
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            parts = m.groupdict()
            month = int(parts["mnum"]) if parts.get("mnum") else _month_number(parts["month"])
            try:
                return datetime(int(parts["year"]), month, int(parts["day"])).date()
            except ValueError:
                continue
    return None


def _month_number(name: str) -> int:
    name = name.lower().rstrip(".")[:3]
    return next(i for i, m in enumerate(_MONTHS, start=1) if m.startswith(name))
