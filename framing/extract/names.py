"""People an article names in its own text, whether or not the actors file knows them.

* **Mentions**: runs of two to four capitalised words ("James B. Comey", "Sen. Claire McCaskill") and an
  honorific with a surname ("Mr. Comey"), minus phrases that name an organisation or place ("White House",
  "Democratic Party", "New York").
* **Merging**: within one document, "Comey", "Mr. Comey" and "James B. Comey" are one speaker, the fullest
  form; a surname two different people share in the document ("Bill Clinton", "Hillary Clinton") is merged
  only when the first name or honorific says which.
* **Pronouns**: "he" and "she" resolve to the nearest preceding person mention of a fitting gender (known from
  an honorific or the actors file; unknown fits both), and never to anyone the document does not mention.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Container
from typing import NamedTuple

#: Months and weekdays: never a person's name, never a speaker.
CALENDAR = frozenset("January February March April May June July August September October November December Monday "
                     "Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_HONORIFIC = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Rev|Prof)\.?"
_GENDER = {"mr": "male", "mrs": "female", "ms": "female"}
_NAME = re.compile(
    rf"(?<![\w’'.-])(?:{_HONORIFIC}\s+)?(?:[A-Z][a-z’'-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z’'-]+|[A-Z]\.|de|van|von|al))"
    rf"{{0,3}}\s+[A-Z][a-z’'-]*[a-z](?:’s|'s)?(?![\w’'-])|(?<![\w’'-]){_HONORIFIC}\s+[A-Z][a-z’'-]*[a-z]")
# words that make a capitalised run an organisation, place, event or day rather than a person
_NOT_PERSON = frozenset(
    "House Senate Congress Party Department Ministry University College School Committee Council Court Street "
    "Avenue Road City County State States Republic Kingdom Union News Times Post Journal Press Network Service "
    "Agency Administration Campaign Foundation Institute Center Centre Club Association Office Group Company "
    "Corporation Inc Bank Fund Church Hall Park Square Airport Hotel Tower Organization America "
    "Americans Republicans Democrats Republican Democratic Day Washington York Jersey Carolina Dakota Hampshire Iowa Texas Florida Ohio Virginia California Angeles "
    "Street Fox CNN NBC CBS ABC MSNBC Twitter Facebook Instagram Google".split()) | CALENDAR
_LEADING_NOT_NAME = frozenset("The A An In On At For And But So Yet Or Still Then If As When While After Before "
                              "This That These Those His Her Their Its Our My Of To By From With Former "
                              "Director President Senator Secretary Governor Chairman Chairwoman Vice Speaker "
                              "Leader Judge Justice Attorney "
                              "General Mayor Representative Minister Prime Chief Ambassador Sheriff Commissioner "
                              "Candidate Nominee Although Though Because Since Unless Until Whether Once Where "
                              "Whereas".split())


class PersonMention(NamedTuple):
    start: int  # offset in the article text
    name: str  # as written, honorific and possessive removed
    gender: str  # "male", "female" or ""


def find_person_mentions(text: str, offset: int = 0) -> list[PersonMention]:
    """Person names written in ``text`` (offsets shifted by ``offset``).

    Example:
        >>> [m.name for m in find_person_mentions("Former F.B.I. Director James B. Comey met Mr. Trump at the "
        ...                                        "White House on Monday.")]
        ['James B. Comey', 'Trump']
    """
    out = []
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        gender = _GENDER.get(words[0].rstrip(".").lower(), "")
        while words and (re.fullmatch(_HONORIFIC, words[0]) or words[0] in _LEADING_NOT_NAME):
            words = words[1:]
        if words:
            words[-1] = re.sub(r"(?:’s|'s)$", "", words[-1])
        if not words or any(w in _NOT_PERSON for w in words) or (len(words) == 1 and not gender):
            continue
        out.append(PersonMention(offset + m.start(), " ".join(words), gender))
    return out


def surname(name: str) -> str:
    """The last word of a name, without honorific or possessive ("Mr. Comey's" -> "Comey")."""
    words = [w for w in name.split() if not re.fullmatch(_HONORIFIC, w)]
    return re.sub(r"(?:’s|'s)$", "", words[-1]) if words else ""


def full_names(mentions: list[PersonMention]) -> dict[str, list[str]]:
    """Each surname's fullest written forms in one document: {"Comey": ["James B. Comey"]}."""
    by_surname: dict[str, list[str]] = {}
    for m in mentions:
        if len(m.name.split()) < 2:
            continue
        forms = by_surname.setdefault(surname(m.name), [])
        if not any(m.name in f for f in forms):
            forms[:] = [f for f in forms if f not in m.name] + [m.name]
    return by_surname


def merge_name(speaker: str, names: dict[str, list[str]]) -> str | None:
    """The document's full form of a speaker written as a name, or None when there is none or it is ambiguous.

    Example:
        >>> names = full_names(find_person_mentions("James B. Comey spoke. Bill Clinton and Hillary Clinton came."))
        >>> merge_name("Mr. Comey", names), merge_name("Comey", names), merge_name("Clinton", names)
        ('James B. Comey', 'James B. Comey', None)
        >>> merge_name("Hillary Clinton", names)
        'Hillary Clinton'
    """
    words = speaker.split()
    if not words or not all(w[:1].isupper() for w in words):
        return None
    forms = names.get(surname(speaker), [])
    first = [w for w in words if not re.fullmatch(_HONORIFIC, w)][:-1]
    if first:
        forms = [f for f in forms if f.split()[0] == first[0]] or forms
    return forms[0] if len(forms) == 1 else None


class PersonIndex:
    """The person mentions of one document, by offset, for pronoun resolution."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.mentions: list[PersonMention] = []

    def add(self, mentions: list[PersonMention]) -> None:
        for m in mentions:
            if not self.starts or m.start > self.starts[-1]:
                self.starts.append(m.start)
                self.mentions.append(m)

    def nearest_before(self, pos: int, gender: str, *, gender_of, known: Container[str]) -> PersonMention | None:
        """The closest mention before ``pos`` of someone known to be a person (an honorific, a person of the
        actors file, or a surname already quoted in the document: ``known``) whose gender fits ``gender``."""
        i = bisect.bisect_left(self.starts, pos)
        for m in reversed(self.mentions[max(0, i - 50):i]):
            of = gender_of(m.name)
            if not (m.gender or of or surname(m.name) in known):
                continue
            if (m.gender or of) in ("", gender):
                return m
        return None
