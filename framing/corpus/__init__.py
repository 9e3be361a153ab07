"""From raw inputs to tidy text tables: cleaning, sentences, quotations, voice, and the load report."""

from framing.corpus.clean import clean_text
from framing.corpus.load import Corpus, concat_corpora, iter_corpus, load_corpus
from framing.corpus.metadata import with_metadata
from framing.corpus.segment import find_quote_spans, find_quotes, measure_voice, split_sentences

__all__ = [
    "Corpus", "clean_text", "concat_corpora", "find_quote_spans", "find_quotes", "iter_corpus", "load_corpus",
    "measure_voice", "split_sentences", "with_metadata",
]
