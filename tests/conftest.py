from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# everything the run writes outside pytest's tmp_path (doctest folders, browser profiles, the signal cache)
# goes into one folder that is removed at the end: the system temporary folder is left as it was, and the
# user's signal cache is never read or written
_SCRATCH = tempfile.mkdtemp(prefix="framing-tests-")
os.environ["TMPDIR"] = _SCRATCH
tempfile.tempdir = _SCRATCH
os.environ["FRAMING_CACHE_DIR"] = os.path.join(_SCRATCH, "cache")
atexit.register(shutil.rmtree, _SCRATCH, ignore_errors=True)

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
