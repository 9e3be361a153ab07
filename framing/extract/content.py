"""What a reporting cue attributes: the words, and how far they reach.

* After the cue ("Xi said the talks went well"), minus an addressee before "that" ("told police officials
  that …") and adverbs of time ("said on Monday that …").
* Before the speaker, for a sentence-final or parenthetical attribution ("…, officials said on Sunday." /
  "…, Stevens said, “is like …”").
* A quotation that goes on after the cue ("“We agree,” Xi said, “on the whole.”") is one content.
* A quotation in the next sentence with no cue continues the last speaker; quotations that fill the sentences
  just before a direct quote's cue are that speaker's too (each such sentence gets a row without a cue).
* A cue inside what another cue of the sentence attributes, with a pronoun for a speaker ("Sexton said he
  thinks …"), is part of those words, as are the cues before a sentence-final attribution.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from framing.config.verbs import Cue
from framing.extract.document import Document, clean_speaker, quote_text
from framing.extract.labels import colon_speaker
from framing.text import count_words

# nothing, or a short addressee or time closed by a comma or colon ("told reporters, “…”", "said on Monday: “…”");
# a bare word before the quotation is the subject of reported speech ("said Beijing “must …”": mixed)
BEFORE_QUOTE = re.compile(r"(?:(?:\s+(?!(?:that|to|as|how|what|whether|if)\b)[^\s“”\",:;.]+){1,4}?\s*[:,]|\s*[:,]?)"
                           r"\s*(?=[“\"]|''|``)", re.IGNORECASE)
# what may follow a sentence-final cue without being its content: "…, officials said on Sunday in a statement."
_TRAILER = re.compile(r"(?:(?:on|in|at|during|via|through|with|from|after|before|while|when|[a-z]{3,}ly|"
                      r"(?:last|this|late|early|next)\s+(?:week|month|year|morning|afternoon|evening|night|weekend|"
                      r"spring|summer|fall|autumn|winter|season|term|[A-Z][a-z]+day|January|February|March|April|May|"
                      r"June|July|August|September|October|November|December)|"
                      r"earlier|later|recently|again|also|then|too|yesterday|today|tonight|Monday|Tuesday|Wednesday|"
                      r"Thursday|Friday|Saturday|Sunday|privately|publicly|repeatedly|afterward|of\s+(?:him|her|it|"
                      r"them))\b(?![^“”\"]*\bthat\b)[^“”\"]*)?", re.IGNORECASE)
_NESTED_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
# adverbs and times between a cue and its "that": "said repeatedly that …", "said on Monday that …"
_LEAD_ADVERBS = re.compile(r"^(?:(?:[\w-]+ly|again|also|then|later|earlier|today|yesterday|(?:on|last|this|in)\s+"
                           r"(?:an?\s+)?[\w-]+)\s*,?\s+)+(?=that\s)", re.IGNORECASE)
_LEAD_PLACE = re.compile(r"(?:on|in|at|during|to|with|via|through|for|since|over)\s[^,;:“”\"]{1,90}?\s(?=that\s)")
_NEW_CLAUSE = re.compile(r"\s[-—–]\s+(?:[\w’'.-]+\s+){0,3}?(?:said|says|told|added)\b|"
                         r"(?:,\s+(?:but|yet|although|though|even\s+as|while|whereas)|;)\s+"
                         r"(?=(?:he|she|they|it|we|I|there|[A-Z][a-z]+|\d[\d,.%]*)\s)|"
                         r",\s+compared\s+(?:to|with)\s")


def _cut_outside_quotes(content: str, pattern: re.Pattern[str]) -> str:
    """The words before the first match of ``pattern`` that is not inside quotation marks."""
    for m in pattern.finditer(content):
        before = content[:m.start()]
        if before.count("“") <= before.count("”") and before.count('"') % 2 == 0 and before.count("''") % 2 == 0:
            return before if before.strip() else content
    return content


# ", and" or "and" before a past-tense verb (not a noun phrase), or a dangling conjunction at the end
_AND_VERB = re.compile(r",?\s+(?:and|but)\s+(?=(?:then\s+|also\s+|later\s+)?[a-z]+ed\b(?!\s+(?:by|to)\b)"
                       r"(?:\s+(?:the|a|an|his|her|their|its|him|her|them|it|that|for|on|in|with|at|of|about|as|[“\"A-Z])|"
                       r"\s*[,.;:]|\s*$))|"
                       r"(?:[,;]?\s+|^)(?:and|but|while|with)$")  # "agreed and told …": nothing of its own
# cues whose content follows an addressee: "told police officials that …", "warned allies that …"
_ADDRESSED = {"tell", "warn", "assure", "remind", "inform", "promise", "write", "caution", "convince", "brief"}
_ADDRESSEE = re.compile(r"(?:[\w’'.,-]+\s+){1,10}?that\s+")
# "told The Huffington Post she thinks …", "told reporters he would …": an addressee, then a pronoun subject
# "told reporters the data showed …", "told the council the budget was …": an addressee, then a determiner
_ADDRESSEE_NO_THAT = re.compile(r"(?:(?:him|her|them|me|us|you|reporters|supporters)\s+|(?:the\s+|The\s+)?(?:[A-Z][\w.’'-]*\s+){1,4}?|"
                                r"(?:the|his|her|their|its|our)\s+[a-z][\w’'-]*\s+)"
                                r"(?=(?:he|she|they|it|we|I|there|the|a|an|this|these|those|his|their|its|our)\s)")


@dataclass
class Found:
    cue_start: int
    cue_end: int
    cue: Cue
    cue_text: str
    speaker: str
    speaker_ids: tuple[str, ...]
    quote_type: str
    content_start: int
    content_end: int
    direct_quote: tuple[int, int] | None = None
    speaker_start: int = -1  # where the speaker is written before the cue, else -1


def nested(text: str, found: list[Found], new: Found) -> bool:
    """Whether a cue sits inside what an earlier cue of the sentence attributes: in "Sexton said he thinks …"
    the belief is part of Sexton's words, not a source of its own. A later clause ("…, and Li added") and another
    named source ("Bessent revealed that Washington hopes …") are sources of their own, except for a belief or a
    finding ("Weaver said Sanders believes …", "… said people would find a way"): that is part of the words."""
    if new.speaker_start < 0:
        return False  # a coordinated verb or participle ("urged … and warned")
    if new.speaker.lower() not in _NESTED_PRONOUNS and new.cue.cue_class != "belief" and \
            new.cue.lemma not in ("find", "show"):
        return False  # another named source
    for f in reversed(found):
        if f.quote_type == "direct" or f.speaker_start < 0:
            continue
        at = new.speaker_start
        return f.cue_end <= at and not re.search(r"[;—–]|,\s|(?<![A-Z])(?<!\b[A-Z][a-z])[.!?]\s",
                                                  text[f.cue_end:at]) and \
            not (text[:at].rstrip().endswith(",") and ends_sentence(text[new.cue_end:]))  # "…, she said."
    return False


def final_only(text: str, found: list[Found]) -> list[Found]:
    """Drop the cues inside the words of a sentence-final attribution ("Hillary thinks tests are too many,
    Bill Clinton said."): they are what the final speaker says, not sources of their own."""
    for k in range(len(found) - 1, 0, -1):
        f = found[k]
        if f.quote_type == "direct" or f.speaker_start <= 0 or f.cue.lemma == "report":
            continue  # "…, state broadcaster CCTV reported.": a hedge and channel of the others (see _finish)
        if text[:f.speaker_start].rstrip().endswith(",") and ends_sentence(text[f.cue_end:]):
            return [g for g in found[:k] if g.quote_type == "direct" or g.cue_start >= f.speaker_start] + found[k:]
    return found


def ends_sentence(after: str) -> bool:
    """Whether the words after a cue are nothing, or only a time, place or channel ("on Sunday in a statement")."""
    tail = after.strip(" ,.;:!?)")
    return not tail or _TRAILER.fullmatch(tail) is not None


def names_only(between: str, speaker: str, *, clause_closed: bool = True) -> bool:
    """Whether the words between a quotation and its cue are the speaker, perhaps with a short title before it
    ("Huckabee spokeswoman Alice Stewart") or an appositive after it ("Lael Brainard, a Fed governor,")."""
    between, speaker = clean_speaker(between), clean_speaker(speaker)
    at = between.find(speaker)
    if at < 0 or re.search(r"[“”\"]", between):
        return False
    rest, pre = between[at + len(speaker):], between[:at].strip()
    if not clause_closed and pre.endswith(",") and pre.strip(" ,"):
        return False  # 'Obama “felt …” climate change, Axelrod said': the sentence goes on after the quotation
    return count_words(between[:at]) <= 4 and (not rest.strip() or rest.lstrip().startswith(","))


# a short opening phrase before the speaker is no content of its own: "In March, she told the court she …"
_INTRO = re.compile(r"^\s*(?:in|on|at|after|before|during|since|last|this|earlier|later|on\s+\w+day)\b[^,;:“”\"]{0,25},$",
                    re.IGNORECASE)


def content_of(text: str, f: Found, seg_start: int, stop: int) -> str:
    """What a non-direct cue attributes: the words after it, or, for a sentence-final or parenthetical
    attribution ("…, officials said." / "…, Stevens said, “is like …”"), the words before its speaker too."""
    after = text[f.content_start:stop]
    before = text[seg_start:f.speaker_start].rstrip() if f.speaker_start > seg_start else ""
    if f.content_end <= f.cue_start:  # an inverted sentence-final attribution: "…, said Angie Holan, an editor."
        return text[seg_start:f.content_end].strip(" ,.;:—–")
    comma = before.rfind(",")
    if 0 <= comma and not before.endswith(",") and count_words(before[comma + 1:]) <= 6 and ends_sentence(after):
        # "…, the University of Michigan reported last week.": words of the speaker's phrase after the comma
        before = before[:comma + 1]
    if before.endswith((",", "—", "–", "”", "\"", "''")) and count_words(before) >= 1 and not _INTRO.match(before):
        if ends_sentence(after) or (f.cue.lemma == "tell" and (count_words(after.strip(" ,.;:!?)")) <= 3 or (
                count_words(after) <= 8 and not re.search(r"\bthat\b|[“”\"]", after)))):  # "…, he told the court."
            # "…, but Jones believes …, the report said.": the conjunction joins the clauses, it is no content
            return re.sub(r"^(?:but|and)\s+", "", before.strip(" ,.;:—–"))
        if after.lstrip().startswith(","):
            return before.strip(" ,.;:—–") + " " + after.strip(" ,.;:")
    content = after.strip(" ,.;:")
    if f.cue.lemma in _ADDRESSED:
        content = content[m.end():] if (m := _ADDRESSEE.match(content)) and not re.search(r"[;:“\"]", m.group(0)) \
            else content
        content = content[m.end():] if (m := _ADDRESSEE_NO_THAT.match(content)) else content
    content = _LEAD_ADVERBS.sub("", content)
    if (lead := _LEAD_PLACE.match(content)) and count_words(lead.group(0)) <= 12:
        content = content[lead.end():]  # "said on NBC's ''Meet the Press'' on Sunday that …"
    # a new clause after ", but" or a semicolon is not the cue's: "said she will not …, but she has bristled …"
    content = _cut_outside_quotes(content, _NEW_CLAUSE)
    # a coordinated verb ends what the cue attributes: "called the deal “terrible” and likened it to …"
    content = _AND_VERB.split(content, maxsplit=1)[0].rstrip(" ,;")
    return re.sub(r"^(that|as|to)\s+", "", content)


def label_found(text: str, mentions) -> list[Found]:
    """A speaker label opening the sentence ("Lynch: …", "TAPPER: …") as a cue ``:``, if there is one."""
    spk = colon_speaker(text, mentions)
    if spk is None:
        return []
    return [Found(spk[3], spk[3] + 1, Cue(":", ":", "neutral"), ":", spk[0], spk[1], "", spk[4], len(text),
                  speaker_start=spk[2])]


def quote_just_before(doc: Document, text: str, s0: int, f: Found) -> str:
    """The quotation that ends the sentence before a bare "Cruz said." (the splitter cut them apart), or ""."""
    if f.speaker_start < 0 or text[:f.speaker_start].strip():
        return ""
    q = doc.last_quote_before(s0)
    return quote_text(doc, q) if q is not None and s0 - 3 <= q[1] <= s0 else ""


def continuation(doc: Document, sent, text: str, s0: int, para_id: int) -> list[dict[str, object]]:
    """A sentence that opens with a quotation, has no cue, and follows a direct quote: same speaker ("“We
    agree,” Xi said. “Fully. And now.”", one row for the whole quotation), unless a cue right after the
    quotation attributes it anew."""
    if doc.last_direct is None:
        return []
    prev_sent, prev_para, speaker_id = doc.last_direct
    quote = doc.quote_starting_at(s0)
    if quote is None or int(sent.sent_id) != prev_sent + 1 or para_id - prev_para > 1:
        return []
    if quote[1] > s0 + len(text):  # the quotation runs on: is it attributed there?
        i = bisect.bisect_right(doc.s_starts, quote[1] - 1) - 1
        last = doc.sentences[i]
        rest = last.text[quote[1] - last.start:][:80]
        if next(doc.verbs.finditer(rest), None) is not None:
            return []
    doc.last_direct = (int(sent.sent_id), para_id, speaker_id)
    return [make_row(doc, int(sent.sent_id), text, "", speaker_id, "", None, "direct", quote_text(doc, quote), "", "")]


def continue_back(doc: Document, rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Quotations that fill the sentences of the same paragraph just before a direct quote's sentence ("“We
    agree.” “Fully,” Xi said.") are that speaker's words too: each gets a row without a cue, as a quotation
    continued after the cue does. (One quotation over several sentences is one row, on the cue's sentence.)"""
    taken = {int(r["sent_id"]) for r in rows}
    pos = {s.sent_id: k for k, s in enumerate(doc.sentences)}
    extra = []
    for r in rows:
        if r["quote_type"] != "direct" or not r["cue"] or not re.search(r"[“”\"‘’]|''", str(r["sentence"])):
            continue
        k = pos[int(r["sent_id"])]
        para = doc.sentences[k].para_id
        for j in range(k - 1, max(k - 4, -1), -1):
            s = doc.sentences[j]
            q = doc.quote_starting_at(s.start) if s.para_id == para and s.sent_id not in taken else None
            if q is None or q[1] < s.end - 1 or q[1] > s.end:
                break  # not a quotation of its own that fills the sentence
            words = quote_text(doc, q)
            taken.add(s.sent_id)
            extra.append(make_row(doc, s.sent_id, s.text, "", str(r["speaker_id"]), "", None, "direct", words, "", ""))
    return sorted(rows + extra, key=lambda r: int(r["sent_id"])) if extra else rows


def make_row(doc: Document, sent_id: int, text: str, speaker: str, speaker_id: str, cue_text: str, cue: Cue | None,
         quote_type: str, content: str, channel: str, hedge: str) -> dict[str, object]:
    actor = doc.actors.by_id.get(speaker_id)
    quoted = content if quote_type == "direct" else " ".join(re.findall(r"(?:[“\"]|''|``)([^”\"]+?)(?:[”\"]|'')", content))
    return {"doc_id": doc.doc_id, "sent_id": sent_id, "sentence": text, "speaker": clean_speaker(speaker),
            "speaker_id": speaker_id, "side": actor.side if actor is not None else "other", "cue": cue_text,
            "cue_lemma": cue.lemma if cue else "", "cue_class": cue.cue_class if cue else "",
            "quote_type": quote_type, "content": content, "channel": channel, "hedge": hedge,
            "n_words_quoted": count_words(quoted)}
