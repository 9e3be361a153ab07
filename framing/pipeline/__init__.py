"""The whole signal pass over a corpus (in memory, streamed to disk, or filtered after the fact) and the lexicon
validation workflow on a corpus."""

from framing.pipeline.signals import Signals, compute_signals, outlet_table, stream_signals
from framing.pipeline.subset import filter_signals, load_signal_tables
from framing.pipeline.validation import draw_coding_sample, score_coding, suggest_corpus_terms

__all__ = ["Signals", "compute_signals", "draw_coding_sample", "filter_signals", "load_signal_tables", "outlet_table",
           "score_coding", "stream_signals", "suggest_corpus_terms"]
