"""Who a found cue's speaker is: an actor of the actors file, a name the article writes (merged to its
fullest form), or for a pronoun the actor or named person it stands for; and when "X reported" is no speaker
but the hedge and channel of the sentence's other attributions."""

from __future__ import annotations

import re

from framing.config.verbs import Cue
from framing.extract.content import Found, make_row
from framing.extract.document import PRONOUNS, Document, clean_speaker, pronoun_actor
from framing.extract.names import merge_name, surname
from framing.text import count_words


def resolve_speakers(doc: Document, text: str, s0: int, sent_id: int, found: list[Found], subject
                     ) -> list[tuple[Found, str]]:
    """Each found cue with its ``speaker_id``."""
    resolved: list[tuple[Found, str]] = []
    for f in found:
        if f.speaker_ids:
            speaker_id = f.speaker_ids[0]
        elif f.speaker.lower() in PRONOUNS:
            subj = subject[1] if subject is not None and subject[0].start < f.cue_start else None
            speaker_id = _pronoun(doc, f, s0, sent_id, subj)
        else:
            speaker_id = clean_speaker(f.speaker)
            speaker_id = merge_name(speaker_id, doc.full_names) or speaker_id
            doc.speaker_surnames.setdefault(surname(speaker_id), speaker_id)
        resolved.append((f, speaker_id))
    return resolved


def report_hedge(doc: Document, text: str, resolved: list[tuple[Found, str]]
                 ) -> tuple[list[tuple[Found, str]], str, str, int]:
    """"X reported" at the end of a sentence that attributes words to someone else is the hedge and channel
    of the others, not a speaker: (the other attributions, hedge text, channel, where the hedge starts)."""
    hedge_extra, channel_extra, hedge_at = "", "", len(text)
    if not [f for f, _ in resolved if f.cue.lemma != "report"]:
        return resolved, hedge_extra, channel_extra, hedge_at
    keep = []
    for f, sid in resolved:
        actor = doc.actors.by_id.get(sid)
        if f.cue.lemma == "report" and actor is not None and actor.kind == "media" and \
                not text[f.cue_end:].strip(" .”\""):
            hedge_at = text.rfind(f.speaker, 0, f.cue_start)
            hedge_extra = text[hedge_at:f.cue_end]
            channel_extra = actor.channel
        else:
            keep.append((f, sid))
    return keep, hedge_extra, channel_extra, hedge_at


def _pronoun(doc: Document, f: Found, s0: int, sent_id: int, subject: str | None) -> str:
    """An actor the pronoun fits (the sentence's subject, else the latest fitting subject), or the nearest
    person the document names before it, whichever comes later; else the pronoun, lower-cased."""
    at = s0 + (f.speaker_start if f.speaker_start >= 0 else f.cue_start)
    actor = pronoun_actor(doc, f.speaker, sent_id, subject)
    gender = PRONOUNS[f.speaker.lower()]
    person = doc.persons.nearest_before(at, gender, gender_of=doc.gender_of, known=doc.speaker_surnames) \
        if gender in ("male", "female") else None
    if person is not None and (actor is None or doc.last_mention.get(actor, -1) < person.start):
        doc.genders.setdefault(person.name, gender)  # "Lisa Monaco … She said": later "he" is someone else
        named = doc.actors_of(person.name) or merge_name(person.name, doc.full_names)
        if named is None and " " not in person.name:  # "Ms. Ruiz said … she said": the id "Ms. Ruiz" had
            named = doc.speaker_surnames.get(person.name)
        return named or person.name
    return actor or f.speaker.lower()


def according_to(doc: Document, sent_id: int, text: str, hedge: tuple[int, int, str, str], mentions
                 ) -> dict[str, object]:
    """The row of an "according to X" that is the sentence's only attribution: X is the speaker, and the words
    before "according to X" (or after "According to X," at the start) are what it attributes."""
    h_start, h_end, h_text, h_channel = hedge
    source = h_text[len("according to "):]
    ms = [(m, ids) for m, ids in mentions if h_start <= m.start < h_end]
    speaker_id = ms[-1][1][0] if ms else source
    before, after = text[:h_start].rstrip(" ,"), text[h_end:].strip(" ,.;:")
    # "…, according to Trump, the media would call him …" and "But according to X, he wants …": the words after
    # but "The deal is dead, according to officials, and talks …": a coordinated clause after it is not its words
    content = after if count_words(before) <= 1 or (text[h_end:].lstrip().startswith(",") and count_words(after) >= 4
                                                    and not re.search(r"[.;]\s|^(?:and|but|or|so|yet)\b", after)
                                                    ) else before
    return make_row(doc, sent_id, text, source, speaker_id, "according to",
                    Cue("according to", "according to", "neutral"), "indirect", content, h_channel, h_text)
