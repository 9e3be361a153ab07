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

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from framing._version import __version__

#: Where each public name lives. They are imported on first use, so that ``import framing.cli`` (the command
#: line) is quick and installs its Ctrl-C handling before pandas, scipy and spaCy load (a Ctrl-C during those
#: imports could be swallowed by an extension's import hook; see framing/cli/stopping.py).
_EXPORTS = {name: module for module, names in {
    "framing.config": ("Lexicon", "Resources", "list_lexicons", "load_lexicon", "load_resources"),
    "framing.corpus": ("Corpus", "iter_corpus", "load_corpus"),
    "framing.errors": ("ConfigFileError", "CorpusPathError", "FramingError", "MetadataError", "UsageError"),
    "framing.extract": ("extract_attributions", "kwic", "match_frames", "score_sentiment"),
    "framing.io": ("read_tables", "write_tables"),
    "framing.pipeline": ("Signals", "compute_signals", "filter_signals", "load_signal_tables", "outlet_table",
                         "stream_signals"),
    "framing.report": ("list_notebooks", "run_report"),
    "framing.stats": ("compare_frames", "distinctive_terms", "evaluate_attributions", "score_attributions",
                      "score_frames"),
}.items() for name in names}

_SUBPACKAGES = frozenset({"cli", "config", "corpus", "errors", "extract", "io", "pipeline", "report", "schema", "stats",
                          "text", "viz"})

if TYPE_CHECKING:  # what type checkers and editors see
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


def __getattr__(name: str) -> object:
    if name in _SUBPACKAGES:  # ``import framing; framing.stats...`` as before the names were lazy
        return importlib.import_module(f"framing.{name}")
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


# written out, not derived from _EXPORTS, so that linters and editors see the re-exports (a test keeps them equal)
__all__ = [
    "ConfigFileError", "Corpus", "CorpusPathError", "FramingError", "Lexicon", "MetadataError", "Resources",
    "Signals", "UsageError", "__version__", "compare_frames", "compute_signals", "distinctive_terms",
    "evaluate_attributions", "extract_attributions", "filter_signals", "iter_corpus", "kwic", "list_lexicons",
    "list_notebooks", "load_corpus", "load_lexicon", "load_resources", "load_signal_tables", "match_frames",
    "outlet_table", "read_tables", "run_report", "score_attributions", "score_frames", "score_sentiment",
    "stream_signals", "write_tables",
]
