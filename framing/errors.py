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


def check_keys(mapping: dict, valid: set[str] | frozenset[str], where: str, *,
               error: type[FramingError] = ConfigFileError) -> None:
    """Raise ``error`` naming ``where`` if ``mapping`` has keys outside ``valid`` (and list the valid ones).

    Example:
        >>> check_keys({"name": 1, "colour": 2}, {"name"}, "lex.yaml")
        Traceback (most recent call last):
        ...
        framing.errors.ConfigFileError: lex.yaml: unknown keys ['colour']; valid keys are ['name']
    """
    unknown = set(mapping) - set(valid)
    if unknown:
        raise error(f"{where}: unknown keys {sorted(unknown)}; valid keys are {sorted(valid)}")


class UsageError(FramingError, ValueError):
    """An option value that is not valid (a level, a measure, a lexicon, a column, a parameter)."""


def check_choice(value: object, valid: object, what: str, *, error: type[FramingError] = UsageError) -> None:
    """Raise ``error`` if ``value`` is not one of ``valid``, listing the valid values.

    Example:
        >>> check_choice("outlt", ["outlet", "event"], "level")
        Traceback (most recent call last):
        ...
        framing.errors.UsageError: unknown level 'outlt'; valid values are ['outlet', 'event']
    """
    options = list(valid)  # type: ignore[call-overload]
    if value not in options:
        raise error(f"unknown {what} {value!r}; valid values are {options}")
