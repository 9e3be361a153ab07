"""Who stands before a reporting cue: per-document state, actor mentions, subjects, pronouns.

The helpers here read at most a bounded window of text before a cue, so their cost does not grow with the
length of one token or sentence (a 1 MB base64 blob in scraped text costs linear time, not quadratic).
"""

from __future__ import annotations

import bisect
import re
import warnings
from dataclasses import replace
from typing import NamedTuple

import pandas as pd

from framing.config.actors import Actors, Mention
from framing.config.verbs import ChannelRules
from framing.text import SpanIndex

#: The widest span (in characters) read before a cue for a speaker's name, title or pronoun.
WINDOW = 240


PRONOUNS = {"he": "male", "she": "female", "it": "it", "they": "any"}
_PRONOUN_FORMS = {*PRONOUNS, *(p.capitalize() for p in PRONOUNS)}


_SKIP_BEFORE = {"has", "have", "had", "also", "recently", "long", "further", "repeatedly", "often",
                "previously", "then", "once", "again", "earlier", "later", "already", "initially", "publicly",
                "privately", "separately", "subsequently", "reportedly", "would", "will", "could", "did", "does",
                "quickly", "later", "swiftly", "firmly", "has long", "also"}

_PREPOSITIONS = {"to", "with", "for", "of", "on", "about", "from", "by", "between", "against", "at", "in",
                 "into", "toward", "towards", "over", "after", "before", "than", "as", "like"}

#: Words that open a clause, not a source's noun phrase ("After campaign aides said", "where experts say").
_LEADING = {"after", "while", "when", "where", "what", "which", "who", "whom", "because", "since", "although",
            "though", "if", "as", "but", "so", "that", "had", "has", "have", "with", "than",
            "even", "once", "until", "unless", "whether", "before", "why", "how"}

_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "our", "my",
                "your", "no", "any", "such"}


_CAP_NP = re.compile(r"((?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*)\s*$")
# an unnamed source or a document written as a common noun phrase: "a senior official familiar with the talks",
# "two people briefed on the matter", "the statement"
_SOURCE_NOUNS = (r"officials?|sources?|spokes(?:man|woman|person|people)|aides?|diplomats?|people|insiders?|"
                 r"analysts?|experts?|observers?|critics?|advis[eo]rs?|lawmakers?|staffers?|negotiators?|"
                 r"residents?|witnesses?|statement|readout|communiqu[eé]|editorial|commentary")
_SOURCE_NOUN = re.compile(_SOURCE_NOUNS, re.IGNORECASE)
_SOURCE_NP = re.compile(
    r"(?:^|(?<=[\s,;:(]))((?:(?:an?|the|some|two|three|four|several|many|other|one|multiple)\s+)?"
    r"(?:[\w.’'-]+\s+){0,3}?"
    r"(?:" + _SOURCE_NOUNS + r")"
    r"(?:,?\s+(?:familiar|close|briefed|with knowledge|who|involved|speaking|requesting|granted)\b[^;:“”\"]{0,80}?)?)"
    r",?\s*$", re.IGNORECASE)


def clean_speaker(text: str) -> str:
    return text.strip(" ,;:—–-“”\"")


class Sentence(NamedTuple):
    sent_id: int
    para_id: int
    text: str
    start: int
    end: int


class Document:
    """Per-document state: sentences, quotes (sorted, non-overlapping), and the speakers found so far."""

    def __init__(self, doc_id: str, sentences: list[Sentence], quotes: list[tuple[int, int]], actors: Actors,
                 channels: ChannelRules):
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
        if want == "any":
            return True
        return actor.kind == "person" and actor.gender in ("", want)

    if subject and fits(subject):
        return subject
    for prev_sent, actor_id in reversed(doc.subjects):
        if prev_sent < sent_id and fits(actor_id):
            return actor_id
    return None


def sentence_subject(mentions: list[tuple[Mention, tuple[str, ...]]], text: str, sent_start: int,
                      doc: Document) -> tuple[Mention, str] | None:
    for m, ids in mentions:
        if doc.quoted(sent_start + m.start):
            continue
        if previous_word(text, m.start).lower() in _PREPOSITIONS:
            continue
        return m, ids[0]
    return None


def speaker_before(text: str, cue_start: int, mentions: list[tuple[Mention, tuple[str, ...]]]
                    ) -> tuple[str, tuple[str, ...], int] | None:
    """The speaker written just before a cue: (as written, actor ids or (), start offset)."""
    end = cue_start
    while True:
        head = text[:end].rstrip()
        at, word = last_word(head)
        if word and word.lower() in _SKIP_BEFORE:
            end = at
            continue
        break
    head = text[:end].rstrip()
    appositive = head.endswith(",")
    if appositive:  # "Taiwan’s leader, Lai Ching-te, told": only a known actor may stand before the comma
        head = head[:-1].rstrip()
    for m, ids in reversed(mentions):
        if m.end == len(head):
            if appositive and previous_word(text, m.start).lower() in _PREPOSITIONS:
                return None  # "…, speaking in Moscow, said": a place, not the speaker
            start = m.start
            # extend back over titles/appositions of the same actor: "Taiwan’s leader, Lai Ching-te"
            for prev, prev_ids in reversed(mentions):
                if prev.end <= start and set(prev_ids) & set(ids) and not text[prev.end:start].strip(" ,"):
                    start = prev.start
            return text[start:len(head)], ids, start
    if appositive:
        return None
    at, word = last_word(head)
    if word in _PRONOUN_FORMS:
        return word, (), at
    offset = max(0, len(head) - WINDOW)  # a name is a few words: read a bounded window, not the whole head
    np_ = _CAP_NP.search(head, offset)
    if np_:
        words = np_.group(1).split()
        if words and words[-1][:1].isupper() and (
                words[0].lower() not in _DETERMINERS | _PREPOSITIONS
                or (words[0].lower() == "the" and len(words) > 1 and words[1].isupper())):  # "The FBI"
            return np_.group(1), (), np_.start(1)
    source = _SOURCE_NP.search(head, offset)
    if source and previous_word(head, source.start(1)).lower() not in _PREPOSITIONS:
        phrase = source.group(1)
        words = phrase.split()
        noun = next((i for i, w in enumerate(words) if _SOURCE_NOUN.fullmatch(w.strip(",.’'"))), len(words) - 1)
        cut = max((i + 1 for i, w in enumerate(words[:noun]) if w.lower() in _LEADING), default=0)
        # "While his advisers" -> "his advisers"; "engaging in what analysts" -> "analysts"
        start = source.start(1) + len(" ".join(words[:cut])) + (1 if cut else 0)
        return head[start:source.end(1)].rstrip(" ,"), (), start
    return None


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_’'-"


def previous_word(text: str, end: int) -> str:
    """The last word of ``text[:end]`` (letters, digits, ’ ' and -), skipping what is not a word after it.

    Example:
        >>> previous_word("Speaking in Moscow, Putin said", 20)
        'Moscow'
    """
    i = end
    while i > 0 and not _is_word_char(text[i - 1]):
        i -= 1
    j = i
    while j > 0 and _is_word_char(text[j - 1]):
        j -= 1
    return text[j:i]


def last_word(text: str) -> tuple[int, str]:
    """The last word of ``text`` (letters, digits, ’ ' and -) and where it starts; ``(len, "")`` if none.

    Scans backwards, so the cost is the length of that word, whatever the length of ``text``.

    Example:
        >>> last_word("Xi Jinping’s aide said")
        (18, 'said')
    """
    i = end = len(text)
    while i > 0 and _is_word_char(text[i - 1]):
        i -= 1
    return i, text[i:end]


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
    return " ".join(parts).strip("“”\" ,")


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


def named_only(mention: Mention, named: set[str]) -> Mention | None:
    """A title or role ("the secretary of state", "the Chinese leader") stands for an actor of the actors file
    only when the document also names that actor; otherwise it is no actor mention at all, and the words are
    the speaker as written. So no attribution names a person its article never mentions."""
    if not mention.is_title:
        return mention
    kept = tuple(a for a in mention.actors if a in named)
    return replace(mention, actors=kept) if kept else None
