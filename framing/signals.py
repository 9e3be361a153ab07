"""The whole signal pass: frames, voice, negation, aggregates with intervals, sentiment and terms."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from framing.attribution import extract_attributions
from framing.attribution_scores import score_attributions
from framing.corpus import Corpus, load_corpus
from framing.frames import load_negation_rule, match_frames
from framing.lexicons import Lexicon, load_lexicon
from framing.scores import (
    DEFAULT_LEVELS,
    compare_frames,
    score_frame_levels,
    score_sentiment_groups,
    with_metadata,
)
from framing.sentences import measure_voice
from framing.sentiment import score_sentiment
from framing.terms import distinctive_terms

SENTIMENT_LEVELS: tuple[tuple[str, ...], ...] = (("outlet",), ("event",), ("voice",), ("position",),
                                                  ("outlet", "voice"))
TERM_GROUPINGS = ("outlet", "event", "voice")


@dataclass
class Signals:
    """All signal tables, by the file name each is written under."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    lexicons: list[Lexicon] = field(default_factory=list)

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(f"no table {name!r}; tables are {sorted(tables)}")


def _per_document(sentences: pd.DataFrame, quotes: pd.DataFrame, lexicons: list[Lexicon]
                  ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The stages that look at one document at a time: voice, frame matches, attributions, sentiment."""
    negation = load_negation_rule()
    sentences = measure_voice(sentences, quotes=quotes)
    matches = match_frames(sentences, quotes=quotes, lexicon=lexicons, negation=negation)
    attributions = extract_attributions(sentences, quotes=quotes)
    sentiment = score_sentiment(sentences)
    return sentences, matches, attributions, sentiment


def _chunks(doc_ids: list[object], size: int) -> list[list[object]]:
    return [doc_ids[i:i + size] for i in range(0, len(doc_ids), size)]


def run_per_document(corpus: Corpus, lexicons: list[Lexicon], *, workers: int = 1, chunk_docs: int = 2000
                     ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Run the per-document stages over chunks of documents, in ``workers`` processes.

    Chunks are concatenated in document order and frame matches are put lexicon by lexicon, so the result is
    identical for any number of workers and any chunk size.
    """
    doc_ids = corpus.articles["doc_id"].tolist()
    s_index = corpus.sentences.groupby("doc_id", sort=False).indices
    q_index = corpus.quotes.groupby("doc_id", sort=False).indices
    jobs = []
    for chunk in _chunks(doc_ids, max(1, chunk_docs)):
        s_rows = [i for d in chunk for i in s_index.get(d, [])]
        q_rows = [i for d in chunk for i in q_index.get(d, [])]
        jobs.append((corpus.sentences.iloc[s_rows].reset_index(drop=True),
                     corpus.quotes.iloc[q_rows].reset_index(drop=True), lexicons))
    if workers > 1 and len(jobs) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            results = list(pool.map(_per_document, *zip(*jobs)))
    else:
        results = [_per_document(*job) for job in jobs]
    if not results:
        results = [_per_document(corpus.sentences, corpus.quotes, lexicons)]
    sentences, matches, attributions, sentiment = (pd.concat(part, ignore_index=True) for part in zip(*results))
    order = {lex.name: i for i, lex in enumerate(lexicons)}
    if len(matches):
        matches = (matches.assign(_lex=matches["lexicon"].map(order)).sort_values("_lex", kind="stable")
                   .drop(columns="_lex").reset_index(drop=True))
    return sentences, matches, attributions, sentiment


def compute_signals(
    corpus: Corpus | str | Path,
    *,
    lexicons: Sequence[str | Path | Lexicon] = ("stance", "issues"),
    levels: Sequence[Sequence[str]] = DEFAULT_LEVELS,
    n_resamples: int = 2000,
    seed: int = 0,
    workers: int = 1,
    chunk_docs: int = 2000,
) -> Signals:
    """Compute every signal table for a corpus.

    Args:
        corpus: A loaded :class:`~framing.corpus.Corpus` or a path for :func:`~framing.load_corpus`.
        lexicons: Lexicons to match (names, files or loaded lexicons). The first with a balance pair drives
            ``frame_comparisons``.
        levels: Grouping levels for ``frame_scores``.
        n_resamples: Bootstrap resamples for every interval.
        seed: Random seed for the bootstrap.
        workers: Processes for the per-document stages (results are identical for any number).
        chunk_docs: Documents per chunk of per-document work.

    Returns:
        :class:`Signals` with tables ``articles, sentences, frame_matches, frame_scores, frame_comparisons,
        sentiment, sentiment_scores, distinctive_terms, attributions, attribution_scores``.

    Example:
        >>> sig = compute_signals("data/raw/xi-trump-calls", n_resamples=0)
        >>> sorted(sig.tables)[:3], sig.frame_matches.lexicon.unique().tolist()
        (['articles', 'attribution_scores', 'attributions'], ['stance', 'issues'])
    """
    if not isinstance(corpus, Corpus):
        corpus = load_corpus(corpus)
    lexs = [load_lexicon(lex) if not isinstance(lex, Lexicon) else lex for lex in lexicons]
    articles = corpus.articles
    sentences, matches, attributions, sentiment = run_per_document(corpus, lexs, workers=workers,
                                                                   chunk_docs=chunk_docs)
    # article columns used for grouping, joined once (unknown outlets/events stay unpooled)
    group_cols = sorted({c for by in [*levels, *SENTIMENT_LEVELS, *[(t,) for t in TERM_GROUPINGS], ("event",)]
                         for c in by if c in articles.columns and c != "doc_id"})
    grouped = with_metadata(sentences, articles, group_cols)
    scores = score_frame_levels(grouped, matches, articles=articles, lexicons=lexs, levels=levels,
                                n_resamples=n_resamples, seed=seed)
    balanced = next((lex for lex in lexs if lex.balance), None)
    comparisons = pd.DataFrame()
    if balanced is not None:
        comparisons = pd.concat([
            compare_frames(grouped, matches, lexicon=balanced, by="outlet", within="event",
                           n_resamples=n_resamples, seed=seed),
            compare_frames(grouped, matches, lexicon=balanced, by="voice", n_resamples=n_resamples, seed=seed),
        ], ignore_index=True)
    sentiment_scores = pd.concat(
        [score_sentiment_groups(sentiment, grouped, by=by, n_resamples=n_resamples, seed=seed)
         for by in SENTIMENT_LEVELS], ignore_index=True)
    sentiment_scores = sentiment_scores[
        ["level", "group", *[c for c in ("outlet", "event", "voice", "position") if c in sentiment_scores],
         "measure", "value", "ci_low", "ci_high", "n_docs", "n_sentences"]].fillna({"outlet": "all", "event": "all",
                                                                                     "voice": "all", "position": "all"})
    terms = pd.concat([distinctive_terms(grouped, by=by, top=50) for by in TERM_GROUPINGS], ignore_index=True)
    attribution_scores = score_attributions(attributions, articles=articles)
    # sentiment by speaker: each sentence's first attribution names its speaker
    speakers = attributions.drop_duplicates(["doc_id", "sent_id"])[["doc_id", "sent_id", "speaker_id"]]
    if not speakers.empty:
        by_speaker = score_sentiment_groups(sentiment, grouped.merge(speakers, on=["doc_id", "sent_id"]),
                                            by=["speaker_id"], n_resamples=n_resamples, seed=seed)
        sentiment_scores = pd.concat([sentiment_scores, by_speaker], ignore_index=True)
        sentiment_scores = sentiment_scores.fillna({"outlet": "all", "event": "all", "voice": "all",
                                                    "position": "all", "speaker_id": "all"})
    return Signals({
        "articles": articles, "sentences": sentences, "frame_matches": matches, "frame_scores": scores,
        "frame_comparisons": comparisons, "sentiment": sentiment, "sentiment_scores": sentiment_scores,
        "distinctive_terms": terms, "attributions": attributions, "attribution_scores": attribution_scores,
    }, lexs)


def outlet_table(frame_scores: pd.DataFrame, *, lexicon: str = "stance", level: str = "outlet") -> pd.DataFrame:
    """Pivot ``frame_scores`` into one row per group: rates and balance with their intervals.

    Example:
        >>> sig = compute_signals("data/raw/xi-trump-calls", n_resamples=0, lexicons=["stance"])
        >>> outlet_table(sig.frame_scores).columns.tolist()[:3]
        ['group', 'conciliatory per 1k', 'conciliatory 95% CI']
    """
    t = frame_scores[(frame_scores["lexicon"] == lexicon) & (frame_scores["level"] == level)
                     & frame_scores["measure"].isin(["rate_per_1000", "balance"])]
    rows = []
    for group, g in t.groupby("group", sort=True):
        row: dict[str, object] = {"group": group}
        for r in g.itertuples(index=False):
            name = "balance" if r.measure == "balance" else f"{r.frame} per 1k"
            digits = 2 if r.measure == "balance" else 1
            row[name] = round(r.value, digits)
            row[f"{'balance' if r.measure == 'balance' else r.frame} 95% CI"] = (
                f"[{r.ci_low:.{digits}f}, {r.ci_high:.{digits}f}]" if pd.notna(r.ci_low) else "")
        row["sentences"] = int(g["n_sentences"].iloc[0])
        row["words"] = int(g["n_words"].iloc[0])
        rows.append(row)
    return pd.DataFrame(rows)


def signals_for(
    corpus: str | Path,
    *,
    metadata: str | Path | None = None,
    tables_dir: str | Path | None = None,
    outlets: Sequence[str] = (),
    events: Sequence[str] = (),
    lexicon: str = "stance",
) -> dict[str, pd.DataFrame]:
    """The signal tables a notebook needs: read from ``tables_dir`` when given and nothing is filtered,
    otherwise computed for the corpus (restricted to ``outlets``/``events`` when given).

    Example:
        >>> t = signals_for("data/raw/xi-trump-calls", events=["xi-trump-call-2026-02-04"])
        >>> sorted(t["articles"].event.unique())
        ['xi-trump-call-2026-02-04']
    """
    from framing.tables import read_tables

    if tables_dir and not outlets and not events:
        return read_tables(tables_dir)
    loaded = load_corpus(corpus, metadata=metadata)
    keep = loaded.articles
    if outlets:
        keep = keep[keep["outlet"].isin(list(outlets))]
    if events:
        keep = keep[keep["event"].isin(list(events))]
    if keep.empty:
        raise ValueError(f"no articles left after filtering to outlets={list(outlets)} events={list(events)}; "
                         f"outlets are {sorted(loaded.articles.outlet.unique())}, events are "
                         f"{sorted(loaded.articles.event.unique())}")
    tables = compute_signals(loaded.subset(keep["doc_id"]), lexicons=[lexicon, "issues"] if lexicon != "issues" else ["issues"]).tables
    return {**tables, "load_report": loaded.load_report, "removed_lines": loaded.removed}
