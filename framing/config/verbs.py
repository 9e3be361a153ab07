"""Reporting cues and channels as versioned, editable data (``framing/data/rules/``).

* **Reporting verbs** (``reporting_verbs.yaml``): each cue lemma with its class (neutral "said", alarm
  "warned", conciliatory "welcomed", descriptive "described") and the forms that count as it.
* **Channels** (``channels.yaml``): patterns that name the channel words arrive through (a ministry
  statement, state media, a social-media post, reporters), checked in order; the first that matches wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from framing.config.files import data_path, read_yaml
from framing.errors import ConfigFileError, check_keys
from framing.schema import CUE_CLASSES

_CHANNEL_TOP_KEYS = {"name", "version", "description", "source", "channels"}
_CHANNEL_KEYS = {"channel", "pattern", "case_sensitive"}


@dataclass(frozen=True)
class Cue:
    """A reporting-verb form and what it stands for."""

    form: str
    lemma: str
    cue_class: str


@dataclass(frozen=True)
class ReportingVerbs:
    """The validated reporting-verb list with a compiled finder."""

    version: str
    forms: dict[str, Cue]
    pattern: re.Pattern[str]
    firsts: frozenset[str] = frozenset()  # the first word of every form (filled in from ``forms``)

    def __post_init__(self) -> None:
        object.__setattr__(self, "firsts", frozenset(f.split()[0] for f in self.forms))

    @property
    def label(self) -> str:
        """``reporting_verbs@version``."""
        return f"reporting_verbs@{self.version}"

    def finditer(self, text: str):
        """The cue forms in ``text``, as ``pattern.finditer`` finds them, but tried only where a word starts
        that opens some form (one dictionary lookup per word instead of every alternative at every character).

        Example:
            >>> [m.group(0) for m in load_reporting_verbs().finditer("Xi said he expressed the hope.")]
            ['said', 'expressed the hope']
        """
        firsts = self.firsts
        end = 0
        for w in _WORD.finditer(text):
            if w.start() < end or w.group(0).lower() not in firsts:
                continue
            m = self.pattern.match(text, w.start())
            if m is not None:
                end = m.end()
                yield m

_WORD = re.compile(r"(?<![\w’'-])[\w’'-]+")


def load_reporting_verbs(path: str | Path | None = None) -> ReportingVerbs:
    """Load the reporting-verb list (the shipped ``data/rules/reporting_verbs.yaml`` by default).

    Raises:
        ConfigFileError: For an unknown class (listing the valid ones), an empty form list or a form given
            to two lemmas.

    Example:
        >>> verbs = load_reporting_verbs()
        >>> verbs.forms["warned"].cue_class, verbs.forms["expressed the hope"].lemma
        ('alarm', 'express hope')
    """
    path = Path(path) if path else data_path("rules", "reporting_verbs.yaml")
    raw = read_yaml(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("verbs"), dict):
        raise ConfigFileError(f"{path}: expected a mapping with a 'verbs' mapping")
    forms: dict[str, Cue] = {}
    for lemma, spec in raw["verbs"].items():
        if not isinstance(spec, dict) or set(spec) - {"class", "forms"}:
            raise ConfigFileError(f"{path}: verb {lemma!r} needs exactly 'class' and 'forms'")
        if spec.get("class") not in CUE_CLASSES:
            raise ConfigFileError(f"{path}: verb {lemma!r}: class {spec.get('class')!r} is not one of "
                                  f"{list(CUE_CLASSES)}")
        if not spec.get("forms"):
            raise ConfigFileError(f"{path}: verb {lemma!r} has no forms")
        for form in spec["forms"]:
            key = str(form).lower()
            if key in forms:
                raise ConfigFileError(f"{path}: form {form!r} is listed for both {forms[key].lemma!r} and {lemma!r}")
            forms[key] = Cue(key, str(lemma), spec["class"])
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
    return ReportingVerbs(str(raw.get("version", "unversioned")), forms,
                          re.compile(rf"(?<![\w’'-])(?:{alternation})(?![\w’'-])", re.IGNORECASE))


@dataclass(frozen=True)
class ChannelRules:
    """Ordered ``(pattern, channel)`` rules: the first pattern that matches a text names its channel."""

    version: str
    rules: tuple[tuple[re.Pattern[str], str], ...]

    @property
    def label(self) -> str:
        """``channels@version``."""
        return f"channels@{self.version}"

    def channel_of(self, text: str) -> str:
        """The channel a text names, or ``""``.

        Example:
            >>> load_channel_rules().channel_of("in a statement from the Foreign Ministry")
            'Foreign Ministry statement'
        """
        for pattern, channel in self.rules:
            if pattern.search(text):
                return channel
        return ""


def load_channel_rules(path: str | Path | None = None) -> ChannelRules:
    """Load the channel rules (the shipped ``framing/data/rules/channels.yaml`` by default).

    Raises:
        ConfigFileError: For unknown keys, an empty list, a missing channel name or an invalid pattern.

    Example:
        >>> load_channel_rules().channel_of("Xi told reporters")
        'reporters'
    """
    path = Path(path) if path else data_path("rules", "channels.yaml")
    raw = read_yaml(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("channels"), list) or not raw["channels"]:
        raise ConfigFileError(f"{path}: expected a mapping with a non-empty 'channels' list")
    check_keys(raw, _CHANNEL_TOP_KEYS, str(path))
    rules = []
    for i, item in enumerate(raw["channels"], start=1):
        where = f"{path}: channel {i}"
        if not isinstance(item, dict):
            raise ConfigFileError(f"{where}: expected a mapping with keys {sorted(_CHANNEL_KEYS)}")
        check_keys(item, _CHANNEL_KEYS, where)
        if not isinstance(item.get("channel"), str) or not item["channel"].strip():
            raise ConfigFileError(f"{where}: 'channel' must be a non-empty string")
        try:
            flags = 0 if item.get("case_sensitive", True) else re.IGNORECASE
            pattern = re.compile(str(item.get("pattern") or ""), flags)
        except re.error as exc:
            raise ConfigFileError(f"{where} ({item['channel']}): invalid pattern: {exc}") from exc
        if not pattern.pattern:
            raise ConfigFileError(f"{where} ({item['channel']}): empty 'pattern'")
        rules.append((pattern, item["channel"].strip()))
    return ChannelRules(str(raw.get("version", "unversioned")), tuple(rules))
