"""One document as the attribution rules see it: its sentences and quotations, the actors it names, and the
speakers found so far (for pronouns, shared titles and continued quotations).

Titles of the actors file stand for an actor only where the document names that actor; a role with dates
(``roles`` in the actors file: "Secretary of State" from 2025-01-21) stands for whoever held it on the
document's published date, and for nobody when the date is unknown or outside every period.
"""

from __future__ import annotations

import bisect
import warnings
from dataclasses import replace
from typing import NamedTuple

import pandas as pd

from framing.config.actors import Actors, Mention
from framing.config.verbs import ChannelRules, ReportingVerbs
from framing.extract.names import PersonIndex
from framing.text import SpanIndex, fold_apostrophes

PRONOUNS = {"he": "male", "she": "female", "it": "it", "they": "any"}


def clean_speaker(text: str) -> str:
    return text.strip(" ,;:—–-“”\"'`")


class Sentence(NamedTuple):
    sent_id: int
    para_id: int
    text: str
    start: int
    end: int


class Document:
    """Per-document state: sentences, quotes (sorted, non-overlapping), and the speakers found so far."""

    def __init__(self, doc_id: str, sentences: list[Sentence], quotes: list[tuple[int, int]], actors: Actors,
                 channels: ChannelRules, *, verbs: ReportingVerbs, published: str = ""):
        self.doc_id = doc_id
        self.sentences = sentences
        self.s_starts = [s.start for s in sentences]
        self.index = SpanIndex(quotes)
        self.quotes, self.q_starts = self.index.spans, self.index.starts
        self.actors = actors
        self.channels = channels
        self.named: set[str] = set()  # actors the document names (not only by title)
        self.subjects: list[tuple[int, str]] = []  # (sent_id, actor id) of sentence subjects, in order
        self.last_mention: dict[str, int] = {}  # actor id -> global offset of latest mention
        self.last_direct: tuple[int, int, str] | None = None  # (sent_id, para_id, speaker id)
        self.verbs = verbs  # the reporting verbs, to tell whether a quotation running on is attributed later
        self.persons = PersonIndex()  # people the text names, by offset (framing.extract.names)
        self.full_names: dict[str, list[str]] = {}  # surname -> fullest written forms
        self.speaker_surnames: dict[str, str] = {}  # surname -> speaker_id of the named speakers so far
        self.published = published  # the article's published date (ISO), for dated roles
        self.genders: dict[str, str] = {}  # a name's gender, once a he/she has been resolved to it

    def actors_of(self, name: str) -> str | None:
        """The actor id a written name stands for, if the actors file knows it as a name."""
        ids, is_title = self.actors.surface.get(name, ((), True))
        return ids[0] if ids and not is_title else None

    def gender_of(self, name: str) -> str:
        actor = self.actors.by_id.get(self.actors_of(name) or "")
        return actor.gender if actor is not None and actor.gender else self.genders.get(name, "")

    def quoted(self, pos: int) -> bool:
        return self.index.contains(pos)

    def quote_ending_at(self, pos: int) -> tuple[int, int] | None:
        """The quotation that closes just before ``pos`` (only punctuation and spaces between)."""
        quote = self.index.last_ending_by(pos)
        if quote is not None and not self.text_at(quote[1], pos).strip(" ,;:—–"):
            return quote
        return None

    def last_quote_before(self, pos: int) -> tuple[int, int] | None:
        return self.index.last_ending_by(pos)

    def quote_between(self, a: int, b: int) -> tuple[int, int] | None:
        """The first quotation that opens in ``[a, b)``, if any."""
        i = bisect.bisect_left(self.q_starts, a)
        return self.quotes[i] if i < len(self.quotes) and self.q_starts[i] < b else None

    def quote_starting_at(self, pos: int) -> tuple[int, int] | None:
        """The quotation that opens at ``pos``, if any."""
        i = bisect.bisect_left(self.q_starts, pos)
        return self.quotes[i] if i < len(self.quotes) and self.q_starts[i] == pos else None

    def text_at(self, a: int, b: int) -> str:
        i = bisect.bisect_right(self.s_starts, a) - 1
        if i < 0 or self.sentences[i].end < b:
            return "\0"  # spans sentences: never "only punctuation"
        s = self.sentences[i]
        return s.text[a - s.start:b - s.start]


def resolve_mention(doc: Document, mention: Mention) -> tuple[str, ...]:
    if len(mention.actors) == 1:
        return mention.actors
    ranked = sorted(mention.actors, key=lambda a: doc.last_mention.get(a, -1), reverse=True)
    return (ranked[0],)


def pronoun_actor(doc: Document, pronoun: str, sent_id: int, subject: str | None) -> str | None:
    want = PRONOUNS.get(pronoun.lower())
    if want is None:
        return None

    def fits(actor_id: str) -> bool:
        actor = doc.actors.by_id.get(actor_id)
        if actor is None:
            return False
        if want == "it":
            return actor.kind in ("organisation", "media")
        if want == "any":  # "they": a body or outlet, not one person
            return actor.kind in ("organisation", "media")
        return actor.kind == "person" and actor.gender in ("", want)

    if subject and fits(subject):
        return subject
    for prev_sent, actor_id in reversed(doc.subjects):
        if prev_sent < sent_id and fits(actor_id):
            return actor_id
    return None


def outside_quotes(doc: Document, text: str, s0: int) -> str:
    chars = list(text)
    i = max(bisect.bisect_right(doc.q_starts, s0) - 1, 0)
    for q_start, q_end in doc.quotes[i:]:
        if q_start >= s0 + len(text):
            break
        for k in range(max(q_start, s0) - s0, min(q_end, s0 + len(text)) - s0):
            chars[k] = " "
    return "".join(chars)


def quote_text(doc: Document, quote: tuple[int, int] | None) -> str:
    if quote is None:
        return ""
    parts = []
    i = max(bisect.bisect_right(doc.s_starts, quote[0]) - 1, 0)
    for r in doc.sentences[i:]:
        if r.start >= quote[1]:
            break
        a, b = max(quote[0], r.start), min(quote[1], r.end)
        if a < b:
            parts.append(r.text[a - r.start:b - r.start])
    return strip_quote_marks(" ".join(parts))


def strip_quote_marks(text: str) -> str:
    """``text`` without the quotation marks (“ ” " `` '') and commas or spaces around it.

    Example:
        >>> strip_quote_marks("''It's a silly thing to say,''"), strip_quote_marks("“We agree,”")
        ("It's a silly thing to say", 'We agree')
    """
    return text.strip("“”\" ,").removeprefix("''").removeprefix("``").removesuffix("''").strip(" ,")


class UnbalancedQuoteWarning(UserWarning):
    """A document's quotation marks do not balance; its attributions are a best effort."""


def warn_unbalanced(quotes: pd.DataFrame) -> None:
    """Warn (once per call) about documents whose quotation marks do not balance; attribution there is a
    best effort. The load report lists every such document."""
    docs = sorted({str(d) for d in quotes.loc[~quotes["closed"].astype(bool), "doc_id"]})
    if docs:
        shown = ", ".join(docs[:5]) + (f" and {len(docs) - 5} more" if len(docs) > 5 else "")
        warnings.warn(f"{shown}: unbalanced quotation marks; attribution is a best effort",
                      UnbalancedQuoteWarning, stacklevel=3)


def named_in(mentions: list[list[Mention]]) -> set[str]:
    """The actors a document names (by a name or alias, not only by a title or role), from the mentions found
    in each of its sentences."""
    return {actor for found in mentions for m in found if not m.is_title for actor in m.actors}


def named_only(mention: Mention, named: set[str], *, actors: Actors | None = None, on: str = "") -> Mention | None:
    """A title ("the Chinese leader") stands for an actor of the actors file only when the document also names
    that actor; a dated role ("the secretary of state") for whoever held it on the document's date ``on``.
    Otherwise it is no actor mention at all, and the words are the speaker as written. So no attribution names
    a person its article neither mentions by name nor by the role that person held when it was published."""
    if not mention.is_title:
        return mention
    if actors is not None and actors.roles and fold_apostrophes(mention.text) in actors.roles:
        holders = actors.holders(mention.text, on)
        return replace(mention, actors=holders) if holders else None
    kept = tuple(a for a in mention.actors if a in named)
    return replace(mention, actors=kept) if kept else None
