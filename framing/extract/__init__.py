"""Per-document signals: lexicon matches with voice and negation, attributions, sentiment, term counts, KWIC."""

from framing.extract.attribution import extract_attributions
from framing.extract.document import UnbalancedQuoteWarning
from framing.extract.frames import match_frames
from framing.extract.kwic import kwic
from framing.extract.reuse import sign_documents
from framing.extract.sentiment import PatternScorer, score_sentiment
from framing.extract.terms import add_term_counts, count_group_terms, count_terms
from framing.extract.voice import mark_paraphrase, paraphrase_matches

__all__ = [
    "PatternScorer", "UnbalancedQuoteWarning", "add_term_counts", "count_group_terms", "count_terms",
    "extract_attributions", "kwic", "mark_paraphrase", "match_frames", "paraphrase_matches", "score_sentiment",
    "sign_documents",
]
