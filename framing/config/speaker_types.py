"""Source-type rules for attributed speakers as versioned, editable data (``data/rules/speaker_types.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from framing.config.files import compile_pattern, data_path, read_mapping
from framing.errors import ConfigFileError
from framing.schema import SPEAKER_TYPES

_KEYS = {"name", "version", "anonymous", "document", "media", "organisation"}
#: The pattern groups, in the order they are tried.
PATTERN_TYPES = ("anonymous", "document", "media", "organisation")


@dataclass(frozen=True)
class SpeakerTypeRules:
    """Whole-text patterns per source type (see the data file for the order of the decision)."""

    name: str
    version: str
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    path: str

    @property
    def label(self) -> str:
        """``name@version``, as recorded in outputs."""
        return f"{self.name}@{self.version}"


def load_speaker_type_rules(path: str | Path | None = None) -> SpeakerTypeRules:
    """Load and validate speaker-type rules (the shipped file by default).

    Raises:
        ConfigFileError: For unknown keys, a pattern that is not a text or an invalid regular expression.

    Example:
        >>> rules = load_speaker_type_rules()
        >>> rules.label, [kind for kind, _ in rules.patterns][:2]
        ('speaker_types@1.0.1', ['anonymous', 'document'])
    """
    path = Path(path) if path is not None else data_path("rules", "speaker_types.yaml")
    raw = read_mapping(path, _KEYS)
    patterns = []
    for kind in PATTERN_TYPES:
        assert kind in SPEAKER_TYPES
        for text in raw.get(kind) or []:
            if not isinstance(text, str):
                raise ConfigFileError(f"{path}: {kind} pattern {text!r} is not a text")
            patterns.append((kind, compile_pattern(text, where=str(path), what=f"{kind} pattern")))
    return SpeakerTypeRules(str(raw.get("name", path.stem)), str(raw.get("version", "unversioned")),
                            tuple(patterns), str(path))
