"""Term counts per group, the input of distinctive terms (:mod:`framing.stats.terms`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import re

import pandas as pd

from framing.corpus.metadata import with_metadata
from framing.text import WORD_RE, fold_apostrophes


#: A term token: an abbreviation with stops (U.S., F.B.I., U.N.), an honorific with its stop (Mr., Dr.), or a
#: word (with inner apostrophes and hyphens), so that "U.S." is one term, not "u" and "s".
TERM_RE = re.compile(r"(?<![\w.])(?:[a-z]\.){2,}|(?<![\w.])(?:mr|mrs|ms|dr|gov|sen|rep|gen|jr|sr|st)\.(?!\w)|"
                     + WORD_RE.pattern)


def count_terms(texts: Iterable[str], *, stopwords: frozenset[str] = frozenset(), min_length: int = 2
                ) -> Counter[str]:
    """Count lower-cased term tokens (’ folded to '; see :data:`TERM_RE`), leaving out ``stopwords`` and
    tokens shorter than ``min_length`` characters.

    Example:
        >>> count_terms(["Xi warned; Xi’s call"]) == Counter({"xi": 1, "warned": 1, "xi's": 1, "call": 1})
        True
        >>> sorted(count_terms(["Mr. Comey told the U.S. and F.B.I. a story"], stopwords=frozenset({"the"})))
        ['and', 'comey', 'f.b.i.', 'mr.', 'story', 'told', 'u.s.']
    """
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w for w in TERM_RE.findall(fold_apostrophes(str(text).lower()))
                      if len(w) >= min_length and w not in stopwords)
    return counts


def count_group_terms(
    sentences: pd.DataFrame,
    *,
    by: str = "outlet",
    articles: pd.DataFrame | None = None,
    stopwords: Iterable[str] | None = None,
    weights: Mapping[str, float] | None = None,
    min_length: int = 2,
) -> dict[str, Counter[str]]:
    """Term counts per group: the additive half of :func:`distinctive_terms`.

    Stopwords (scikit-learn's English list by default) and tokens shorter than ``min_length`` characters are
    left out. ``weights`` (doc_id to weight, 1 for those not listed) makes the counts weighted. Counts of separate chunks
    of documents add up (:func:`add_term_counts`), so a large corpus can be
    counted chunk by chunk and scored once with :func:`score_term_counts`.

    Example:
        >>> s = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "text": ["Xi warned", "Xi said"]})
        >>> dict(count_group_terms(s, stopwords=[])["Y"])
        {'xi': 1, 'said': 1}
    """
    if stopwords is None:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        stopwords = ENGLISH_STOP_WORDS
    stop = frozenset(stopwords)
    data = with_metadata(sentences, articles, [by])
    if weights:  # --reuse weight: a copy's terms count its weight (1 / copies of its text)
        out: dict[str, Counter[str]] = {}
        for (key, doc_id), g in data.groupby([by, "doc_id"], sort=True):
            counts = count_terms(g["text"], stopwords=stop, min_length=min_length)
            w = weights.get(doc_id, 1.0)
            out.setdefault(str(key), Counter()).update(
                counts if w == 1.0 else Counter({t: n * w for t, n in counts.items()}))
        return out
    return {str(k): count_terms(g["text"], stopwords=stop, min_length=min_length)
            for k, g in data.groupby(by, sort=True)}


def add_term_counts(total: dict[str, Counter[str]], more: dict[str, Counter[str]]) -> dict[str, Counter[str]]:
    """Add the per-group term counts ``more`` into ``total`` (in place) and return it.

    Example:
        >>> add_term_counts({"X": Counter(a=1)}, {"X": Counter(a=2), "Y": Counter(b=1)})
        {'X': Counter({'a': 3}), 'Y': Counter({'b': 1})}
    """
    for group, counts in more.items():
        total.setdefault(group, Counter()).update(counts)
    return total

