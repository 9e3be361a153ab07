"""Score documents chunk by chunk: every per-document stage for one chunk, in one or several processes.

A chunk's per-document tables are returned whole; what the aggregates need is kept as compact numeric units
(categorical codes, word and frame counts, polarity), so that a large corpus never holds its text twice.
"""

from __future__ import annotations

import os
import sys
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

from framing.config.bundle import Resources
from framing.corpus.load import Corpus
from framing.corpus.metadata import with_metadata
from framing.corpus.segment import measure_voice
from framing.extract.attribution import extract_attributions
from framing.extract.frames import match_frames
from framing.extract.reuse import sign_documents
from framing.extract.sentiment import score_sentiment
from framing.extract.terms import count_group_terms
from framing.extract.voice import mark_paraphrase, paraphrase_matches
from framing.schema import SENTIMENT_LEVELS, TERM_GROUPINGS
from framing.stats.frame_scores import frame_units


@dataclass(frozen=True)
class Plan:
    """What a run scores: the resources and the article columns its groupings need."""

    resources: Resources
    group_cols: tuple[str, ...]
    reuse: str = "keep"
    #: How much each article counts in the aggregates (those not listed count 1); see ``reuse_weights``.
    weights: Mapping[str, float] = field(default_factory=dict)
    #: Sign each chunk's documents for the reuse pass.
    sign: bool = True


def plan(resources: Resources, levels: Sequence[Sequence[str]], *, reuse: str = "keep",
         weights: Mapping[str, float] | None = None, sign: bool = True) -> Plan:
    """The :class:`Plan` for ``levels`` (plus the sentiment, term and comparison groupings)."""
    cols = sorted({c for by in [*levels, *SENTIMENT_LEVELS, *[(t,) for t in TERM_GROUPINGS], ("event",)]
                   for c in by if c not in ("doc_id", "sent_id", "voice", "position")})
    return Plan(resources, tuple(cols), reuse, dict(weights or {}), sign)


@dataclass
class Part:
    """What one chunk of documents contributes: its per-document tables and the compact data to aggregate."""

    tables: dict[str, pd.DataFrame]
    units: pd.DataFrame
    voice_units: pd.DataFrame
    terms: dict[str, dict[str, Counter[str]]]
    attributions: pd.DataFrame
    signatures: pd.DataFrame | None = None


def score_chunk(chunk: Corpus, run: Plan) -> Part:
    """Every per-document stage for one chunk of documents, plus the compact units the aggregates need."""
    res = run.resources
    sentences = measure_voice(chunk.sentences, quotes=chunk.quotes)
    matches = match_frames(sentences, quotes=chunk.quotes, lexicon=list(res.lexicons), negation=res.negation)
    attributions = extract_attributions(sentences, quotes=chunk.quotes, actors=res.actors, verbs=res.verbs,
                                        channels=res.channels, speaker_types=res.speaker_types,
                                        published=chunk.articles.set_index("doc_id")["published"])
    sentences = mark_paraphrase(sentences, attributions)
    matches = paraphrase_matches(matches, sentences)
    tables = {"articles": chunk.articles, "sentences": sentences, "frame_matches": matches,
              "sentiment": score_sentiment(sentences), "attributions": attributions,
              "load_report": chunk.load_report, "removed_lines": chunk.removed}
    part = part_of(tables, run)
    if run.sign:
        part.signatures = sign_documents(chunk.articles, chunk.sentences)
    return part


def part_of(tables: dict[str, pd.DataFrame], run: Plan) -> Part:
    """The compact units the aggregates need, from the per-document tables of some documents.

    Used for freshly scored chunks and for a subset of stored tables (a report's outlet or event filter), so
    both give the same aggregates.
    """
    articles, sentences, matches = tables["articles"], tables["sentences"], tables["frame_matches"]
    sentiment, attributions = tables["sentiment"], tables["attributions"]
    weights = dict(run.weights)  # only articles that do not count 1 (see reuse_weights)
    if weights and run.reuse == "first":  # the later copies of a text count in no aggregate
        gone = [d for d, w in weights.items() if w == 0.0]
        sentences, matches, sentiment, attributions = (
            t[~t["doc_id"].isin(gone)] for t in (sentences, matches, sentiment, attributions))
        weights = {}
    lexicons = list(run.resources.lexicons)
    slim = sentences[["doc_id", "sent_id", "position", "voice", "n_words", "n_words_quoted", "n_words_paraphrase",
                      "n_words_narration"]]
    grouped = with_metadata(slim, articles, run.group_cols)
    units = frame_units(grouped, matches, lexicon=lexicons)  # one unit per sentence, in sentence order
    keys = pd.MultiIndex.from_frame(units[["doc_id", "sent_id"]])
    scored = pd.MultiIndex.from_frame(sentiment[["doc_id", "sent_id"]]).get_indexer(keys)
    for measure in ("polarity", "subjectivity"):
        values = np.append(sentiment[measure].to_numpy(dtype=float), np.nan)  # -1 (no score) picks the NaN
        units[measure] = values[scored]
    speakers = attributions.drop_duplicates(["doc_id", "sent_id"])  # each sentence's first speaker
    found = pd.MultiIndex.from_frame(speakers[["doc_id", "sent_id"]]).get_indexer(keys)
    names = np.append(speakers["speaker_id"].to_numpy(dtype=object), None)  # found == -1 picks the None
    units["speaker_id"] = names[found]
    voice_units = frame_units(grouped.drop(columns="voice"), matches, lexicon=lexicons, by_voice=True)
    texts = with_metadata(sentences[["doc_id", "sent_id", "voice", "text"]], articles, ["outlet", "event"])
    terms = {by: count_group_terms(texts, by=by, weights=weights) for by in TERM_GROUPINGS}
    attr_cols = ["doc_id", "speaker_id", "side", "speaker_type", "cue_class", "channel", "hedge", "quote_type",
                 "n_words_quoted"]
    slim_attributions = with_metadata(attributions[attr_cols], articles, ["outlet", "event"])
    if weights:  # --reuse weight: every unit carries its article's weight
        units, voice_units, slim_attributions = (
            t.assign(weight=t["doc_id"].map(weights).fillna(1.0).astype(float))
            for t in (units, voice_units, slim_attributions))
    drop = ["n_words_quoted", "n_words_paraphrase", "n_words_narration"]
    return Part(tables, compact(units.drop(columns=drop)), compact(voice_units.drop(columns=drop)), terms,
                compact(slim_attributions))


def compact(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns as categories: small in memory and fast to group (chunks are joined by :func:`stack`)."""
    text = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])]
    return frame.astype({c: "category" for c in text})


def split_corpus(corpus: Corpus, size: int) -> Iterator[Corpus]:
    """Split a loaded corpus into corpora of ``size`` documents (document order kept)."""
    doc_ids = corpus.articles["doc_id"].tolist()
    if len(doc_ids) <= size:
        yield corpus
        return
    for start in range(0, len(doc_ids), size):
        chunk = corpus.subset(doc_ids[start:start + size])
        if start + size >= len(doc_ids):  # inputs that loaded no document belong to the last chunk
            report = corpus.load_report
            chunk.load_report = pd.concat([chunk.load_report, report[~report["doc_id"].isin(doc_ids)]],
                                          ignore_index=True)
        yield chunk


def run_chunks(chunks: Iterable[Corpus], run: Plan, *, workers: int = 1) -> Iterator[Part]:
    """Score chunks in order, in ``workers`` processes, with at most ``workers + 1`` chunks in flight.

    Results come back in chunk order, so they are identical for any number of workers.
    """
    if workers <= 1:
        for chunk in chunks:
            yield score_chunk(chunk, run)
        return
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_worker_signals, initargs=(os.getpid(),))
    try:
        pending: deque[Future[Part]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(score_chunk, chunk, run))
            if len(pending) > workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BaseException:  # stopped (SIGTERM, Ctrl-C, an error, the consumer gone): no worker outlives the run
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _worker_signals(parent: int) -> None:
    """Workers leave Ctrl-C to the main process, die at once on SIGTERM (the main process stops them), and die
    with the main process.

    A forked worker holds both ends of the pool's pipes, so it never sees them close: when the main process was
    killed (``kill -9``, the out-of-memory killer) its idle workers used to wait forever, each holding the
    memory of a loaded corpus (seen: two orphans of 260 MB each). On Linux the kernel now sends them SIGTERM.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, int(signal.SIGTERM), 0, 0, 0)
    if os.getppid() != parent:  # the main process died before the line above
        os._exit(1)


def return_freed_memory() -> None:
    """Give memory freed by a finished chunk back to the system: Arrow's pool and, on glibc, the C heap.

    Without this, the heap of a long streamed run keeps every chunk's high-water mark (measured: 471 MB
    instead of 298 MB after 10,000 documents).
    """
    import ctypes
    import ctypes.util

    import pyarrow as pa

    pa.default_memory_pool().release_unused()
    libc = ctypes.util.find_library("c")
    if libc and "libc" in libc:
        trim = getattr(ctypes.CDLL(libc), "malloc_trim", None)
        if trim is not None:
            trim(0)


def stack(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate chunks; categorical columns stay categorical (their categories are united)."""
    full = [f for f in frames if len(f)]
    if len(full) <= 1:
        return full[0] if full else frames[0]
    categorical = [c for c in full[0].columns if isinstance(full[0][c].dtype, pd.CategoricalDtype)
                   and all(c in f.columns and isinstance(f[c].dtype, pd.CategoricalDtype) for f in full)]
    if categorical:
        union = {c: union_categoricals([f[c] for f in full]).categories for c in categorical}
        full = [f.assign(**{c: f[c].cat.set_categories(union[c]) for c in categorical}) for f in full]
    return pd.concat(full, ignore_index=True)


