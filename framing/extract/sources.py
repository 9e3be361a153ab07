"""Who a sentence's words come from: "according to X" hedges, and the source type of each attributed speaker
(named person, organisation, anonymous, document, media outlet).

Journalism studies compare outlets on their sourcing: how often they quote named people rather than "officials"
or "a source familiar with the talks", documents and statements, or other media. The decision, per attribution:
the actors file first (an actor's ``kind``), then the editable patterns of ``speaker_types.yaml`` on the speaker
text, then a capitalised name is a named person; a pronoun left unresolved is ``unresolved``.
"""

from __future__ import annotations

import re

import pandas as pd

from pathlib import Path

from framing.config.actors import Actors
from framing.config.speaker_types import SpeakerTypeRules, load_speaker_type_rules
from framing.config.verbs import ChannelRules

_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<source>[^,.;:]+)")
_KIND_TYPE = {"person": "named_person", "organisation": "organisation", "media": "media"}
# pronouns that may stand as a speaker; one left as the speaker_id was not resolved
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_ACRONYM = re.compile(r"(?:[Tt]he\s+)?[A-Z][A-Z0-9&.-]{1,9}")
_NAME = re.compile(r"(?:^|\s)(?:[A-Z][a-z]+\.?\s+)*[A-Z][\w’'.-]*[a-z][\w’'-]*(?:,?\s+(?:Jr|Sr)\.?|\s+(?:II|III|IV))?$")


def speaker_type(speaker: str, speaker_id: str, *, actors: Actors, rules: SpeakerTypeRules) -> str:
    """The source type of one attributed speaker.

    Example:
        >>> from framing.config import load_actors
        >>> from framing.config.speaker_types import load_speaker_type_rules
        >>> a, r = load_actors(), load_speaker_type_rules()
        >>> [speaker_type(s, i, actors=a, rules=r) for s, i in [("Xi", "Xi Jinping"),
        ...     ("a senior official familiar with the talks", "a senior official familiar with the talks"),
        ...     ("a statement", "a statement"), ("Mr. Comey", "Mr. Comey"), ("he", "he"), ("the FBI", "the FBI")]]
        ['named_person', 'anonymous', 'document', 'named_person', 'unresolved', 'organisation']
    """
    actor = actors.by_id.get(speaker_id)
    if actor is not None:
        return _KIND_TYPE.get(actor.kind, "named_person")
    text = " ".join(str(speaker or speaker_id).split())
    if text.lower() in PRONOUNS:
        if str(speaker_id).lower() in PRONOUNS or not speaker_id:
            return "unresolved"
        text = str(speaker_id)  # "she", resolved to a person the article names
    for kind, pattern in rules.patterns:
        if pattern.fullmatch(text):
            return kind
    if _ACRONYM.fullmatch(text):  # FBI, the NAACP, IMF
        return "organisation"
    return "named_person" if _NAME.search(text) else "other"  # a lower-case phrase no pattern knows


def add_speaker_types(attributions: pd.DataFrame, *, actors: Actors,
                      rules: SpeakerTypeRules | str | Path | None = None) -> pd.Series:
    """``speaker_type`` for every row of an attributions table (one classification per distinct speaker);
    ``rules`` default to the shipped file."""
    rules = rules if isinstance(rules, SpeakerTypeRules) else load_speaker_type_rules(rules)
    keys = list(zip(attributions["speaker"].astype(str), attributions["speaker_id"].astype(str)))
    types = {k: speaker_type(k[0], k[1], actors=actors, rules=rules) for k in dict.fromkeys(keys)}
    return pd.Series([types[k] for k in keys], index=attributions.index, dtype=object)


def find_hedges(text: str, channels: ChannelRules) -> list[tuple[int, int, str, str]]:
    """(start, end, hedge text, channel) for "according to X" in a sentence."""
    out = []
    for m in _ACCORDING.finditer(text):
        source = m.group("source").strip()
        out.append((m.start(), m.end(), text[m.start():m.start() + len("according to ") + len(source)],
                    channels.channel_of(source)))
    return out
