"""Text-reuse signatures: a MinHash of each article's word shingles and a hash of each of its sentences.

Signatures are computed per document, so any chunk or partition of a corpus can be signed on its own; one
pass over all signatures (:func:`framing.stats.find_reuse`) then finds the pairs. The MinHash is datasketch's
(32-bit affine scheme) over 5-word shingles of the lower-cased words; a sentence hash identifies a sentence of
at least 8 words whatever its case or punctuation.
"""

from __future__ import annotations

import hashlib
import zlib

import numpy as np
import pandas as pd

from framing.text import WORD_RE, fold_apostrophes

#: Columns of the signatures table (internal: it is never written, only passed to ``find_reuse``).
SIGNATURE_COLUMNS = ("doc_id", "outlet", "published", "text_hash", "n_sentences", "minhash", "sentences")
_MASK = np.uint64(0xFFFFFFFF)
_MULTIPLIERS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5,
                         0x94D049BB133111EB, 0xBF58476D1CE4E5B9, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53],
                        dtype=np.uint64)


def _words(text: str) -> list[str]:
    return WORD_RE.findall(fold_apostrophes(text.lower()))


def shingle_hashes(words: list[str], *, size: int = 5, cache: dict[str, int] | None = None) -> np.ndarray:
    """32-bit hashes of the word ``size``-grams of ``words`` (one shingle of all words when fewer).

    Example:
        >>> len(shingle_hashes("a b c d e f".split(), size=5)), len(shingle_hashes(["a", "b"], size=5))
        (2, 1)
        >>> (shingle_hashes("x y z".split(), size=2) == shingle_hashes("x y z".split(), size=2)).all()
        np.True_
    """
    if not words:
        return np.zeros(0, dtype=np.uint32)
    cache = {} if cache is None else cache
    hashed = np.fromiter((cache.setdefault(w, zlib.crc32(w.encode("utf-8"))) for w in words), dtype=np.uint64,
                         count=len(words))
    size = max(1, min(size, len(words), len(_MULTIPLIERS)))
    n = len(words) - size + 1
    with np.errstate(over="ignore"):
        combined = np.zeros(n, dtype=np.uint64)
        for j in range(size):
            combined += hashed[j:j + n] * _MULTIPLIERS[j]
        combined ^= combined >> np.uint64(29)
    return np.unique((combined & _MASK).astype(np.uint32))


def sentence_key(text: str) -> int:
    """A 64-bit hash of a sentence's lower-cased words (case, punctuation and spacing do not count).

    Example:
        >>> sentence_key("The talks, he said, went well.") == sentence_key("the talks he said went WELL")
        True
    """
    return _key(_words(text))


def _key(words: list[str]) -> int:
    """A 64-bit hash of words joined by spaces."""
    return int.from_bytes(hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).digest(), "little")


def sign_documents(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    num_perm: int = 64,
    shingle: int = 5,
    min_sentence_words: int = 8,
    seed: int = 1,
) -> pd.DataFrame:
    """The reuse signature of every article: its MinHash and the hashes of its longer sentences.

    Args:
        articles: Articles with ``doc_id`` and ``text`` (``outlet`` and ``published`` are carried along).
        sentences: Their sentences, with ``doc_id``, ``text`` and ``n_words``.
        num_perm: MinHash permutations (more is a closer similarity estimate; 64 gives about ±0.06).
        shingle: Words per shingle.
        min_sentence_words: Sentences shorter than this are not compared ("He said no." is not reuse).
        seed: MinHash seed (every signature of one comparison must share it).

    Returns:
        A new DataFrame with one row per article: ``doc_id, outlet, published, text_hash, n_sentences`` (the
        sentences compared), ``minhash`` (a ``uint32`` array) and ``sentences`` (sorted ``uint64`` hashes).

    Example:
        >>> a = pd.DataFrame({"doc_id": ["x"], "outlet": ["O"], "published": [None], "text": ["One two three."]})
        >>> s = pd.DataFrame({"doc_id": ["x"], "text": ["One two three."], "n_words": [3]})
        >>> sig = sign_documents(a, s)
        >>> len(sig.minhash[0]), int(sig.n_sentences[0])
        (64, 0)
    """
    from datasketch import MinHash

    if num_perm < 16 or shingle < 1 or min_sentence_words < 1:
        raise ValueError(f"num_perm must be >= 16, shingle and min_sentence_words >= 1; got {num_perm}, "
                         f"{shingle}, {min_sentence_words}")
    long = sentences[sentences["n_words"] >= min_sentence_words]
    keys: dict[str, list[int]] = {}
    for doc_id, text in zip(long["doc_id"].tolist(), long["text"].tolist()):
        keys.setdefault(doc_id, []).append(sentence_key(text))
    template = MinHash(num_perm=num_perm, seed=seed, hashfunc=int, scheme="affine32")
    cache: dict[str, int] = {}
    minhashes, sentence_sets, text_hashes = [], [], []
    for doc_id, text in zip(articles["doc_id"].tolist(), articles["text"].tolist()):
        words = _words(str(text))
        m = template.copy()
        m.update_batch(shingle_hashes(words, size=shingle, cache=cache).tolist())
        minhashes.append(np.asarray(m.hashvalues, dtype=np.uint32))
        sentence_sets.append(np.unique(np.array(keys.get(doc_id, []), dtype=np.uint64)))
        text_hashes.append(_key(words))
    return pd.DataFrame({
        "doc_id": articles["doc_id"].to_numpy(dtype=object),
        "outlet": articles["outlet"].to_numpy(dtype=object) if "outlet" in articles else None,
        "published": articles["published"].to_numpy() if "published" in articles else None,
        "text_hash": text_hashes, "n_sentences": [len(s) for s in sentence_sets],
        "minhash": minhashes, "sentences": sentence_sets,
    }, columns=list(SIGNATURE_COLUMNS))
