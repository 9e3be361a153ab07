from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# the test run never reads or writes the user's signal cache
os.environ["FRAMING_CACHE_DIR"] = tempfile.mkdtemp(prefix="framing-test-cache-")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "raw" / "xi-trump-calls"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_corpus():
    from framing import load_corpus

    return load_corpus(SEEDS)


@pytest.fixture(scope="session")
def seed_signals(seed_corpus):
    from framing.pipeline.signals import compute_signals

    return compute_signals(seed_corpus, n_resamples=999)


def sentence_with(sentences, doc_id: str, fragment: str):
    """The one sentence row of doc_id containing fragment (fails loudly otherwise)."""
    rows = sentences[(sentences.doc_id == doc_id) & sentences.text.str.contains(fragment, regex=False)]
    assert len(rows) == 1, f"{len(rows)} sentences of {doc_id} contain {fragment!r}"
    return rows.iloc[0]
