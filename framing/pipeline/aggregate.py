"""Aggregate the compact units of every chunk: frame scores, comparisons, sentiment, terms, attributions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

import pandas as pd

from framing.config.bundle import Resources
from framing.extract.reuse import SIGNATURE_COLUMNS
from framing.extract.terms import add_term_counts
from framing.pipeline.chunks import Part, stack
from framing.schema import (
    ALL,
    COMPARISON_COLUMNS,
    FRAME_LEVELS,
    SENTIMENT_LEVELS,
    SENTIMENT_SCORE_COLUMNS,
    TERM_GROUPINGS,
    with_extra,
)
from framing.stats.attribution_scores import score_attributions
from framing.stats.comparisons import compare_frame_units
from framing.stats.frame_scores import iter_unit_levels
from framing.stats.reuse import cluster_reuse, find_reuse
from framing.stats.sentiment_scores import score_sentiment_units
from framing.stats.terms import score_term_counts


class Aggregator:
    """Collects the compact part of every chunk and computes the aggregate tables once all are in."""

    def __init__(self, resources: Resources, levels: Sequence[Sequence[str]], n_resamples: int, seed: int,
                 *, reuse: tuple[pd.DataFrame, pd.DataFrame] | None = None):
        self.res, self.levels, self.n_resamples, self.seed = resources, levels, n_resamples, seed
        self.reuse = reuse  # (pairs, clusters) found before scoring, or None: found from the chunks' signatures
        self.signatures: list[pd.DataFrame] = []
        # a level beyond the defaults (a sidecar column such as ``leaning``) gets sentiment scores too
        custom = [tuple(by) for by in levels if tuple(by) not in FRAME_LEVELS and "doc_id" not in by]
        self.sentiment_levels = [*SENTIMENT_LEVELS, *(by for by in custom if by not in SENTIMENT_LEVELS)]
        self.units: list[pd.DataFrame] = []
        self.voice_units: list[pd.DataFrame] = []
        self.attributions: list[pd.DataFrame] = []
        self.terms: dict[str, dict[str, Counter[str]]] = {by: {} for by in TERM_GROUPINGS}

    def add(self, part: Part) -> None:
        self.units.append(part.units)
        self.voice_units.append(part.voice_units)
        self.attributions.append(part.attributions)
        if part.signatures is not None and self.reuse is None:
            self.signatures.append(part.signatures)
        for by, counts in part.terms.items():
            add_term_counts(self.terms[by], counts)

    def parts(self) -> Iterator[tuple[str, pd.DataFrame]]:
        """The aggregate tables as ``(name, rows)`` pieces; ``frame_scores`` comes in several pieces."""
        n, seed = self.n_resamples, self.seed
        pairs, clusters = self.reuse_tables()
        units, voice_units = stack(self.units), stack(self.voice_units)
        self.units, self.voice_units = [units], [voice_units]  # the chunks themselves are no longer needed
        lexs = list(self.res.lexicons)
        for piece in iter_unit_levels({False: units, True: voice_units}, lexicons=lexs, levels=self.levels,
                                      n_resamples=n, seed=seed):
            yield "frame_scores", piece
        balanced = self.res.balanced
        comparisons = pd.DataFrame(columns=list(COMPARISON_COLUMNS))
        if balanced is not None:
            comparisons = stack([  # an empty part (a corpus without quotations) adds no object column
                compare_frame_units(units, lexicon=balanced, by="outlet", within="event", n_resamples=n, seed=seed),
                compare_frame_units(voice_units, lexicon=balanced, by="voice", n_resamples=n, seed=seed),
            ])
        yield "frame_comparisons", mark_shared_clusters(comparisons, clusters)
        scored = units if units["polarity"].notna().all() else units[units["polarity"].notna()]
        sentiment_scores = pd.concat(
            [score_sentiment_units(scored, by=by, n_resamples=n, seed=seed) for by in self.sentiment_levels]
            + [score_sentiment_units(scored[scored["speaker_id"].notna()], by=["speaker_id"], n_resamples=n,
                                     seed=seed)], ignore_index=True)
        keys = ["outlet", "event", "voice", "position", "speaker_id",
                *(c for by in self.sentiment_levels for c in by if c not in SENTIMENT_SCORE_COLUMNS)]
        yield "sentiment_scores", sentiment_scores.reindex(
            columns=with_extra(SENTIMENT_SCORE_COLUMNS, keys, after="speaker_id")).fillna(
            {c: ALL for c in keys})
        yield "distinctive_terms", stack([score_term_counts(self.terms[by], by=by, top=50)
                                          for by in TERM_GROUPINGS])  # an empty grouping adds no object column
        self.attributions = [stack(self.attributions)]
        yield "attribution_scores", score_attributions(self.attributions[0])
        yield "reuse", pairs
        yield "reuse_clusters", clusters

    def reuse_tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The reuse pairs and clusters: those given, or one pass over every chunk's signatures."""
        if self.reuse is None:
            signatures = pd.concat(self.signatures, ignore_index=True) if self.signatures else None
            self.signatures = []
            self.reuse = reuse_tables(signatures)
        return self.reuse

    def tables(self) -> dict[str, pd.DataFrame]:
        """The aggregate tables, each in one piece."""
        pieces: dict[str, list[pd.DataFrame]] = {}
        for name, piece in self.parts():
            pieces.setdefault(name, []).append(piece)
        return {name: stack(frames) for name, frames in pieces.items()}


def reuse_tables(signatures: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``reuse`` and ``reuse_clusters`` from stacked signatures (empty tables for none)."""
    if signatures is None:
        signatures = pd.DataFrame(columns=list(SIGNATURE_COLUMNS))
    pairs = find_reuse(signatures)
    return pairs, cluster_reuse(pairs, signatures)


def mark_shared_clusters(comparisons: pd.DataFrame, clusters: pd.DataFrame) -> pd.DataFrame:
    """``shared_clusters``: how many reuse clusters have articles of both compared outlets (0 for other
    comparisons), so that a difference between outlets that ran the same wire copy is read as such."""
    out = comparisons.copy()
    out["shared_clusters"] = 0
    if clusters.empty or out.empty:
        return out[list(COMPARISON_COLUMNS)]
    of_outlet = clusters.groupby("outlet")["cluster_id"].agg(frozenset).to_dict()
    outlet_rows = out["by"] == "outlet"
    if not outlet_rows.any():  # e.g. only voice comparisons (one outlet)
        return out[list(COMPARISON_COLUMNS)]
    out.loc[outlet_rows, "shared_clusters"] = [
        len(of_outlet.get(a, frozenset()) & of_outlet.get(b, frozenset()))
        for a, b in zip(out.loc[outlet_rows, "group_a"], out.loc[outlet_rows, "group_b"])]
    return out[list(COMPARISON_COLUMNS)]
