"""Aggregates with uncertainty: frame scores, comparisons, sentiment, attribution shares, distinctive terms,
bootstrap intervals, evaluation against hand-coded gold, and lexicon validation (coding samples, agreement,
precision and recall against coders, term suggestions)."""

from framing.stats.attribution_scores import score_attributions
from framing.stats.bootstrap import bootstrap_sums
from framing.stats.comparisons import compare_frame_units, compare_frames
from framing.stats.evaluate import attribution_errors, evaluate_attributions, load_brat_gold, load_gold
from framing.stats.frame_scores import (
    frame_units,
    iter_unit_levels,
    score_frame_levels,
    score_frame_units,
    score_frames,
    score_unit_levels,
)
from framing.stats.reuse import cluster_reuse, find_reuse, reuse_weights, subset_reuse
from framing.stats.sentiment_scores import score_sentiment_groups, score_sentiment_units
from framing.stats.suggest import suggest_terms
from framing.stats.terms import distinctive_terms, score_term_counts
from framing.stats.validation_sample import label_sentences, sample_for_coding
from framing.stats.validation_scores import coder_agreement, consensus, score_lexicon, validation_record

__all__ = [
    "attribution_errors", "bootstrap_sums", "cluster_reuse", "find_reuse", "reuse_weights", "subset_reuse", "compare_frame_units", "compare_frames", "distinctive_terms",
    "evaluate_attributions", "frame_units", "iter_unit_levels", "load_brat_gold", "load_gold",
    "score_attributions", "score_frame_levels", "score_frame_units", "score_frames", "score_sentiment_groups",
    "score_sentiment_units", "score_term_counts", "score_unit_levels", "suggest_terms", "label_sentences",
    "sample_for_coding", "coder_agreement", "consensus", "score_lexicon", "validation_record",
]
