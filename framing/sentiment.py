"""Sentence sentiment with TextBlob's PatternAnalyzer (offline; no NLTK data needed)."""

from __future__ import annotations

import pandas as pd

SENTIMENT_COLUMNS = ["doc_id", "sent_id", "polarity", "subjectivity"]


def score_sentiment(sentences: pd.DataFrame) -> pd.DataFrame:
    """Score every sentence's polarity (−1…1) and subjectivity (0…1) with TextBlob.

    Identical sentences are scored once. Values are exactly ``TextBlob(text).sentiment``.

    Args:
        sentences: A table with ``doc_id, sent_id, text``.

    Returns:
        A new DataFrame ``doc_id, sent_id, polarity, subjectivity``.

    Example:
        >>> s = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "text": ["Trump described the call as excellent."]})
        >>> score_sentiment(s)[["polarity", "subjectivity"]].values.tolist()
        [[1.0, 1.0]]
    """
    from textblob.en.sentiments import PatternAnalyzer

    analyzer = PatternAnalyzer()
    cache: dict[str, tuple[float, float]] = {}
    polarity, subjectivity = [], []
    for text in sentences["text"].astype(str):
        value = cache.get(text)
        if value is None:
            result = analyzer.analyze(text)
            value = cache[text] = (float(result[0]), float(result[1]))
        polarity.append(value[0])
        subjectivity.append(value[1])
    return pd.DataFrame({"doc_id": sentences["doc_id"].to_numpy(), "sent_id": sentences["sent_id"].to_numpy(),
                         "polarity": polarity, "subjectivity": subjectivity}, columns=SENTIMENT_COLUMNS)
