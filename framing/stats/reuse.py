"""Text reuse between articles: pairs, clusters of near-identical copies, and the weight of each copy.

:func:`find_reuse` takes the signatures of :func:`framing.extract.sign_documents` (of any number of chunks,
stacked) and makes one pass: MinHash LSH (datasketch) proposes pairs of similar articles, an index of sentence
hashes proposes pairs that share whole sentences (a reused paragraph in otherwise different articles), and
every proposed pair is measured. Near-identical pairs join clusters (:func:`cluster_reuse`); the ``--reuse``
mode (:func:`reuse_weights`) says how the copies in a cluster count in every score.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd

from framing.errors import check_choice
from framing.schema import REUSE_CLUSTER_COLUMNS, REUSE_COLUMNS, REUSE_MODES


def find_reuse(
    signatures: pd.DataFrame,
    *,
    threshold: float = 0.5,
    cluster_threshold: float = 0.8,
    min_shared: int = 2,
    max_sentence_docs: int = 50,
) -> pd.DataFrame:
    """Pairs of articles that share text.

    A pair is kept when its estimated Jaccard similarity of word shingles is at least ``threshold`` or the two
    share at least ``min_shared`` sentences of 8+ words. A sentence found in more than ``max_sentence_docs``
    articles (a site's standard sentence) is not counted as shared.

    Args:
        signatures: From :func:`framing.extract.sign_documents`, one row per article (all chunks stacked).
        threshold: Similarity at which LSH proposes a pair.
        cluster_threshold: Similarity, or share of each article's sentences found in the other, at which a
            pair is a near-duplicate (and its articles share a cluster): a lightly edited copy keeps most of
            its sentences even where an edit or two lowers the shingle similarity.
        min_shared: Shared sentences that make a pair partial reuse.
        max_sentence_docs: Articles a sentence may occur in and still count as shared.

    Returns:
        A new DataFrame ``doc_a, doc_b, outlet_a, outlet_b, similarity, shared_sentences, share_a, share_b,
        kind, first, cluster_id`` (see the README's table contract), one row per pair, ``doc_a < doc_b``.

    Example:
        >>> import pandas as pd
        >>> from framing.extract.reuse import sign_documents
        >>> text = "The two leaders spoke by phone on Monday and agreed to meet again in the spring next year."
        >>> a = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "Y", "Z"],
        ...                   "published": pd.to_datetime(["2025-01-02", "2025-01-01", None]),
        ...                   "text": [text, text, "Something else entirely, about the weather today."]})
        >>> s = a.assign(n_words=[18, 18, 7])[["doc_id", "text", "n_words"]]
        >>> find_reuse(sign_documents(a, s))[["doc_a", "doc_b", "kind", "first", "cluster_id"]].values.tolist()
        [['a', 'b', 'exact', 'b', 'a']]
    """
    for name, value in (("threshold", threshold), ("cluster_threshold", cluster_threshold)):
        if not 0 < value <= 1:
            raise ValueError(f"{name} must be in (0, 1]; got {value}")
    if len(signatures) < 2:
        return _pairs_frame([])
    minhash = np.stack(signatures["minhash"].to_list())
    candidates = _lsh_candidates(minhash, threshold) | _sentence_candidates(
        signatures["sentences"].to_list(), min_shared, max_sentence_docs)
    if not candidates:
        return _pairs_frame([])
    pairs = np.array(sorted(candidates), dtype=np.int64)
    i, j = pairs[:, 0], pairs[:, 1]
    similarity = (minhash[i] == minhash[j]).mean(axis=1)
    sets = signatures["sentences"].to_list()
    shared = np.array([len(np.intersect1d(sets[a], sets[b], assume_unique=True)) for a, b in pairs], dtype=np.int64)
    keep = (similarity >= threshold) | (shared >= min_shared)
    i, j, similarity, shared = i[keep], j[keep], similarity[keep], shared[keep]
    ids = signatures["doc_id"].to_numpy(dtype=object)
    outlets = signatures["outlet"].to_numpy(dtype=object)
    published = pd.to_datetime(signatures["published"]).to_numpy()
    n_sent = signatures["n_sentences"].to_numpy(dtype=np.int64)
    exact = signatures["text_hash"].to_numpy(dtype=object)
    rows = []
    for a, b, sim, sh in zip(i.tolist(), j.tolist(), similarity.tolist(), shared.tolist()):
        if ids[a] > ids[b]:
            a, b = b, a
        share_a = sh / n_sent[a] if n_sent[a] else 0.0
        share_b = sh / n_sent[b] if n_sent[b] else 0.0
        close = sim >= cluster_threshold or min(share_a, share_b) >= cluster_threshold
        kind = "exact" if exact[a] == exact[b] else "near_duplicate" if close else "partial"
        rows.append({"doc_a": ids[a], "doc_b": ids[b], "outlet_a": outlets[a], "outlet_b": outlets[b],
                     "similarity": round(1.0 if kind == "exact" else sim, 4), "shared_sentences": sh,
                     "share_a": round(share_a, 4), "share_b": round(share_b, 4),
                     "kind": kind, "first": _first(ids[a], ids[b], published[a], published[b])})
    pairs_frame = _pairs_frame(rows).sort_values(["doc_a", "doc_b"], ignore_index=True)
    clusters = cluster_reuse(pairs_frame, signatures)
    cluster_of = dict(zip(clusters["doc_id"], clusters["cluster_id"]))
    same = pairs_frame["doc_a"].map(cluster_of)
    pairs_frame["cluster_id"] = same.where(same.notna() & same.eq(pairs_frame["doc_b"].map(cluster_of)), None)
    return pairs_frame


def _first(a: str, b: str, when_a: np.datetime64, when_b: np.datetime64) -> str | None:
    if np.isnat(when_a) or np.isnat(when_b) or when_a == when_b:
        return None
    return a if when_a < when_b else b


def _pairs_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=[c for c in REUSE_COLUMNS if c != "cluster_id"])
    frame["cluster_id"] = pd.Series([None] * len(frame), dtype=object)
    return frame.astype({"shared_sentences": "int64", "similarity": "float64", "share_a": "float64",
                         "share_b": "float64"})


def _lsh_candidates(minhash: np.ndarray, threshold: float) -> set[tuple[int, int]]:
    from datasketch import MinHash, MinHashLSH

    num_perm = minhash.shape[1]
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    hashes = [MinHash(num_perm=num_perm, hashvalues=row, hashfunc=int, scheme="affine32") for row in minhash]
    with lsh.insertion_session() as session:
        for k, m in enumerate(hashes):
            session.insert(k, m, check_duplication=False)
    found: set[tuple[int, int]] = set()
    for k, m in enumerate(hashes):
        found.update((min(k, other), max(k, other)) for other in lsh.query(m) if other != k)
    return found


def _sentence_candidates(sets: list[np.ndarray], min_shared: int, max_docs: int) -> set[tuple[int, int]]:
    if not sets:
        return set()
    doc = np.repeat(np.arange(len(sets)), [len(s) for s in sets])
    keys = np.concatenate(sets) if len(doc) else np.zeros(0, dtype=np.uint64)
    order = np.argsort(keys, kind="stable")
    keys, doc = keys[order], doc[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else np.zeros(0, dtype=np.int64)
    ends = np.r_[starts[1:], len(keys)]
    counts: Counter[tuple[int, int]] = Counter()
    for s, e in zip(starts.tolist(), ends.tolist()):
        if 2 <= e - s <= max_docs:
            members = sorted(set(doc[s:e].tolist()))
            counts.update((members[x], members[y]) for x in range(len(members)) for y in range(x + 1, len(members)))
    return {pair for pair, n in counts.items() if n >= min_shared}


def cluster_reuse(pairs: pd.DataFrame, signatures: pd.DataFrame) -> pd.DataFrame:
    """Clusters of near-identical articles: the connected groups of ``exact`` and ``near_duplicate`` pairs.

    A cluster's id is its smallest ``doc_id``; its first article is the earliest published (ties and undated
    articles are broken by ``doc_id``, and a cluster with no date at all starts at its smallest ``doc_id``).

    Returns:
        A new DataFrame ``cluster_id, doc_id, outlet, published, cluster_size, n_outlets, is_first, weight``,
        one row per article in a cluster of two or more (``weight`` = 1 / ``cluster_size``).
    """
    close = pairs[pairs["kind"].isin(["exact", "near_duplicate"])]
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for a, b in zip(close["doc_a"].tolist(), close["doc_b"].tolist()):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members = sorted(set(close["doc_a"]) | set(close["doc_b"]))
    if not members:
        return pd.DataFrame(columns=list(REUSE_CLUSTER_COLUMNS))
    info = signatures.set_index("doc_id").loc[members, ["outlet", "published"]].reset_index()
    info["cluster_id"] = [root(m) for m in members]
    return _finish_clusters(info)


def _finish_clusters(info: pd.DataFrame) -> pd.DataFrame:
    info = info.assign(published=pd.to_datetime(info["published"]))
    info = info.sort_values(["cluster_id", "published", "doc_id"], na_position="last", kind="stable")
    grouped = info.groupby("cluster_id", sort=False)
    info["cluster_size"] = grouped["doc_id"].transform("size").astype("int64")
    info["n_outlets"] = grouped["outlet"].transform("nunique").astype("int64")
    info["is_first"] = ~info["cluster_id"].duplicated()
    info["weight"] = 1.0 / info["cluster_size"]
    info = info[info["cluster_size"] >= 2]
    return info.sort_values(["cluster_id", "doc_id"], ignore_index=True)[list(REUSE_CLUSTER_COLUMNS)]


def reuse_weights(clusters: pd.DataFrame, doc_ids: Iterable[str], *, mode: str = "keep") -> dict[str, float]:
    """How much each article counts in the scores under a ``--reuse`` mode.

    ``keep``: every article counts 1. ``first``: only the first-published copy of each cluster counts (the
    others 0). ``weight``: each copy counts 1 / (copies in the cluster), so a cluster counts as one article.
    Clusters are recounted among ``doc_ids`` (a report filtered to some outlets weighs what it shows).

    Returns:
        Weights of the articles that do not count 1 (an empty dict for ``keep``).

    Example:
        >>> c = pd.DataFrame({"cluster_id": ["a", "a", "a"], "doc_id": ["a", "b", "c"], "outlet": ["X", "Y", "Z"],
        ...                   "published": pd.to_datetime(["2025-01-02", "2025-01-01", None])})
        >>> reuse_weights(c, ["a", "b", "c"], mode="first"), reuse_weights(c, ["a", "c"], mode="first")
        ({'a': 0.0, 'c': 0.0}, {'c': 0.0})
        >>> reuse_weights(c, ["a", "b", "c", "d"], mode="weight")["b"]
        0.3333333333333333
    """
    check_choice(mode, REUSE_MODES, "reuse mode")
    if mode == "keep" or clusters.empty:
        return {}
    present = set(doc_ids)
    info = _finish_clusters(clusters[clusters["doc_id"].isin(present)][["cluster_id", "doc_id", "outlet",
                                                                         "published"]].copy())
    if mode == "first":
        return {d: 0.0 for d, first in zip(info["doc_id"], info["is_first"]) if not first}
    return dict(zip(info["doc_id"], info["weight"].astype(float)))


def subset_reuse(pairs: pd.DataFrame, clusters: pd.DataFrame, doc_ids: Iterable[str]
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The reuse tables of some of the articles: pairs with both articles kept, clusters recounted.

    Example:
        >>> c = pd.DataFrame({"cluster_id": ["a", "a"], "doc_id": ["a", "b"], "outlet": ["X", "Y"],
        ...                   "published": pd.to_datetime([None, None])})
        >>> p = pd.DataFrame({"doc_a": ["a"], "doc_b": ["b"], "cluster_id": ["a"]})
        >>> [len(t) for t in subset_reuse(p, c, ["a"])], [len(t) for t in subset_reuse(p, c, ["a", "b"])]
        ([0, 0], [1, 2])
    """
    keep = set(doc_ids)
    pairs = pairs[pairs["doc_a"].isin(keep) & pairs["doc_b"].isin(keep)].reset_index(drop=True)
    if clusters.empty:
        return pairs, clusters
    kept = clusters[clusters["doc_id"].isin(keep)][["cluster_id", "doc_id", "outlet", "published"]].copy()
    return pairs, _finish_clusters(kept)
