"""framing's version (one place; the package metadata and the cache key read it)."""

__version__ = "0.2.0"
