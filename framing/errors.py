"""Exceptions raised by framing. Every message names the file (and line, where there is one) and the reason."""

from __future__ import annotations


class FramingError(Exception):
    """Base class for all errors raised by framing."""


class CorpusPathError(FramingError, FileNotFoundError):
    """The corpus path does not exist or matches no readable file."""


class MetadataError(FramingError, ValueError):
    """A metadata sidecar is malformed. Metadata is never guessed around: the whole load stops."""


class ConfigFileError(FramingError, ValueError):
    """A lexicon, rules, actors or verbs file is malformed (unknown keys, duplicates, empty entries)."""
