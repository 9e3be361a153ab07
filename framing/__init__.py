"""framing: media-framing research on news corpora.

Load articles from folders or tables, score conciliatory and warning language by voice, position and
source, attribute quotes to speakers, compare outlets with bootstrap intervals, and publish reports.

Quick start:
    >>> import framing
    >>> corpus = framing.load_corpus("data/raw/xi-trump-calls")
    >>> corpus.articles.outlet.tolist()[:2]
    ['HICGI News Agency', 'The South Asia Times']
    >>> signals = framing.compute_signals(corpus, n_resamples=0)
    >>> framing.outlet_table(signals.frame_scores).shape[0]
    5
"""

from framing._version import __version__
from framing.config import Lexicon, Resources, list_lexicons, load_lexicon, load_resources
from framing.corpus import Corpus, iter_corpus, load_corpus
from framing.errors import ConfigFileError, CorpusPathError, FramingError, MetadataError, UsageError
from framing.extract import extract_attributions, kwic, match_frames, score_sentiment
from framing.io import read_tables, write_tables
from framing.pipeline import (
    Signals,
    compute_signals,
    filter_signals,
    load_signal_tables,
    outlet_table,
    stream_signals,
)
from framing.report import list_notebooks, run_report
from framing.stats import compare_frames, distinctive_terms, evaluate_attributions, score_attributions, score_frames

__all__ = [
    "ConfigFileError", "Corpus", "CorpusPathError", "FramingError", "Lexicon", "MetadataError", "Resources",
    "Signals", "UsageError", "__version__", "compare_frames", "compute_signals", "distinctive_terms",
    "evaluate_attributions", "extract_attributions", "filter_signals", "iter_corpus", "kwic", "list_lexicons",
    "list_notebooks", "load_corpus", "load_lexicon", "load_resources", "load_signal_tables", "match_frames",
    "outlet_table", "read_tables", "run_report", "score_attributions", "score_frames", "score_sentiment",
    "stream_signals", "write_tables",
]
