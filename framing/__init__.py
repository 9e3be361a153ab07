"""framing: media-framing research on news corpora.

Quick start:
    >>> import framing
    >>> corpus = framing.load_corpus("data/raw/xi-trump-calls")
    >>> corpus.articles.outlet.tolist()[:2]
    ['HICGI News Agency', 'The South Asia Times']
"""

from framing.corpus import Corpus, load_corpus

__version__ = "0.1.0"
__all__ = ["Corpus", "load_corpus", "__version__"]
