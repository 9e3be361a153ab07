"""Term counts per group, the input of distinctive terms (:mod:`framing.stats.terms`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import pandas as pd

from framing.corpus.metadata import with_metadata
from framing.text import WORD_RE, fold_apostrophes


def count_terms(texts: Iterable[str], *, stopwords: frozenset[str] = frozenset()) -> Counter[str]:
    """Count lower-cased word tokens (’ folded to ').

    Example:
        >>> count_terms(["Xi warned; Xi’s call"]) == Counter({"xi": 1, "warned": 1, "xi's": 1, "call": 1})
        True
    """
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w for w in WORD_RE.findall(fold_apostrophes(str(text).lower())) if w not in stopwords)
    return counts


def count_group_terms(
    sentences: pd.DataFrame,
    *,
    by: str = "outlet",
    articles: pd.DataFrame | None = None,
    stopwords: Iterable[str] | None = None,
    weights: Mapping[str, float] | None = None,
) -> dict[str, Counter[str]]:
    """Term counts per group: the additive half of :func:`distinctive_terms`.

    ``weights`` (doc_id to weight, 1 for those not listed) makes the counts weighted. Counts of separate chunks
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
            counts = count_terms(g["text"], stopwords=stop)
            w = weights.get(doc_id, 1.0)
            out.setdefault(str(key), Counter()).update(
                counts if w == 1.0 else Counter({t: n * w for t, n in counts.items()}))
        return out
    return {str(k): count_terms(g["text"], stopwords=stop) for k, g in data.groupby(by, sort=True)}


def add_term_counts(total: dict[str, Counter[str]], more: dict[str, Counter[str]]) -> dict[str, Counter[str]]:
    """Add the per-group term counts ``more`` into ``total`` (in place) and return it.

    Example:
        >>> add_term_counts({"X": Counter(a=1)}, {"X": Counter(a=2), "Y": Counter(b=1)})
        {'X': Counter({'a': 3}), 'Y': Counter({'b': 1})}
    """
    for group, counts in more.items():
        total.setdefault(group, Counter()).update(counts)
    return total

