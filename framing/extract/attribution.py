"""Who is quoted, through which channel, with which reporting verb: rule-based attribution extraction.

Rules over the sentences and quotes tables, the reporting-verb list (``data/rules/reporting_verbs.yaml``) and
the actors file (``data/actors/actors.yaml``); no model is downloaded. The coding scheme the rules follow,
and against which they are measured, is ``data/annotations/CODING.md``.

For each reporting cue outside quotation marks the speaker is found in this order:

1. after a closing quotation mark: “…,” Xi said / “…,” said Xi — a direct quote;
2. a participle after a comma, dash or "and" (", saying", ", warning"), or a verb coordinated with "and",
   takes the speaker of the sentence's previous attribution, or else the sentence's subject;
3. otherwise the words just before the cue (past has/have/also/recently …): an actor name or title, a
   pronoun, or a capitalised noun phrase; after a comma, the sentence's opening "Trump, in a post …, said".

Pronouns resolve to the subject of the same sentence when it comes first, else to the subject of the nearest
earlier sentence with a fitting actor (he/she: a person; it: an organisation or outlet). A title shared by
several actors ("the president") resolves to the one mentioned most recently. A quotation that opens a
sentence with no cue, right after a direct quote, continues that speaker. "According to X" and a trailing
"X reported" are the hedge and channel of the sentence's other attributions, or an attribution of their own
when there is none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from framing.config.actors import Actors, Mention, load_actors
from framing.config.speaker_types import SpeakerTypeRules
from framing.config.verbs import ChannelRules, Cue, ReportingVerbs, load_channel_rules, load_reporting_verbs
from framing.extract.sources import add_speaker_types, find_hedges
from framing.extract.speakers import (
    _DETERMINERS,
    PRONOUNS,
    Document,
    Sentence,
    clean_speaker,
    named_in,
    named_only,
    outside_quotes,
    previous_word,
    pronoun_actor,
    quote_text,
    resolve_mention,
    sentence_subject,
    speaker_before,
    warn_unbalanced,
)
from framing.schema import ATTRIBUTION_COLUMNS
from framing.text import count_words

# nothing, or a short addressee or time closed by a comma or colon ("told reporters, “…”", "said on Monday: “…”");
# a bare word before the quotation is the subject of reported speech ("said Beijing “must …”": mixed)
_BEFORE_QUOTE = re.compile(r"(?:(?:\s+(?!(?:that|to|as|how|what|whether|if)\b)[^\s“”\",:;.]+){1,4}?\s*[:,]|\s*[:,]?)"
                           r"\s*(?=[“\"])", re.IGNORECASE)


@dataclass
class _Found:
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


def extract_attributions(
    sentences: pd.DataFrame,
    *,
    quotes: pd.DataFrame,
    actors: Actors | str | Path | None = None,
    verbs: ReportingVerbs | str | Path | None = None,
    channels: ChannelRules | str | Path | None = None,
    speaker_types: SpeakerTypeRules | str | Path | None = None,
) -> pd.DataFrame:
    """Extract every attribution: speaker, source type, cue, quote type, content, channel and hedge.

    Args:
        sentences: The sentences table (``doc_id, sent_id, para_id, text, start, end``), in document order.
        quotes: The quotes table of the same documents.
        actors: The actors file or loaded :class:`~framing.config.Actors` (shipped file by default).
        verbs: The reporting-verb list (shipped file by default).
        channels: The channel rules (shipped file by default).
        speaker_types: The source-type rules (:mod:`framing.extract.sources`; shipped file by default).

    Returns:
        A new DataFrame with columns ``doc_id, sent_id, sentence, speaker, speaker_id, side, speaker_type, cue,
        cue_lemma, cue_class, quote_type, content, channel, hedge, n_words_quoted``.

    Example:
        >>> from framing import load_corpus
        >>> c = load_corpus("data/raw/xi-trump-calls")
        >>> a = extract_attributions(c.sentences, quotes=c.quotes)
        >>> a.query("doc_id == '003_112340eac45120b9' and sent_id == 2")[["speaker_id", "cue", "quote_type",
        ...     "channel"]].values.tolist()
        [['Xi Jinping', 'said', 'direct', 'CCTV']]
    """
    actors = actors if isinstance(actors, Actors) else load_actors(actors)
    verbs = verbs if isinstance(verbs, ReportingVerbs) else load_reporting_verbs(verbs)
    channels = channels if isinstance(channels, ChannelRules) else load_channel_rules(channels)
    if "closed" in quotes:
        warn_unbalanced(quotes[quotes["doc_id"].isin(sentences["doc_id"])])
    rows: list[dict[str, object]] = []
    quote_index = quotes.groupby("doc_id", sort=False).indices if len(quotes) else {}
    q_starts, q_ends = quotes["start"].to_numpy(), quotes["end"].to_numpy()
    ordered = sentences.sort_values(["doc_id", "sent_id"], kind="stable") if len(sentences) else sentences
    para = ordered["para_id"].tolist() if "para_id" in ordered else [0] * len(ordered)
    records = list(zip(ordered["doc_id"].tolist(), ordered["sent_id"].tolist(), para,
                       ordered["text"].astype(str).tolist(), ordered["start"].tolist(), ordered["end"].tolist()))
    first_seen = {d: i for i, d in reversed(list(enumerate(sentences["doc_id"].tolist())))}
    by_doc: dict[object, list[Sentence]] = {}
    for doc_id, sent_id, para_id, text, start, end in records:
        by_doc.setdefault(doc_id, []).append(Sentence(int(sent_id), int(para_id), text, int(start), int(end)))
    for doc_id in sorted(by_doc, key=lambda d: first_seen[d]):  # documents in input order
        idx = quote_index.get(doc_id, [])
        doc_quotes = [(int(q_starts[i]), int(q_ends[i])) for i in idx]
        doc = Document(str(doc_id), by_doc[doc_id], doc_quotes, actors, channels)
        found = [actors.find(sent.text) for sent in doc.sentences]  # each sentence searched once
        doc.named = named_in(found)
        for sent, mentions in zip(doc.sentences, found):
            rows.extend(_sentence_attributions(doc, sent, verbs, mentions))
    out = pd.DataFrame(rows, columns=list(ATTRIBUTION_COLUMNS))
    out["speaker_type"] = add_speaker_types(out, actors=actors, rules=speaker_types)
    return out.astype({"sent_id": "int64", "n_words_quoted": "int64"})


def _sentence_attributions(doc: Document, sent, verbs: ReportingVerbs, found: list[Mention]
                           ) -> list[dict[str, object]]:
    text, s0, sent_id = str(sent.text), int(sent.start), int(sent.sent_id)
    raw_mentions = [m for m in (named_only(m, doc.named) for m in found) if m is not None]
    mentions = [(m, resolve_mention(doc, m)) for m in raw_mentions]
    subject = sentence_subject(mentions, text, s0, doc)
    found: list[_Found] = []
    for cm in verbs.pattern.finditer(text):
        if doc.quoted(s0 + cm.start()):
            continue
        cue = verbs.forms[" ".join(cm.group(0).lower().split())]
        if previous_word(text, cm.start()).lower() in _DETERMINERS:
            continue  # "the warning", "a report": a noun
        if cue.lemma == "call" and re.match(r"\s+(?:[\w’'-]+\s+){0,2}for\b", text[cm.end():]):
            cue = Cue(cue.form, "call for", verbs.forms.get("called for", cue).cue_class)
        found_one = _attribute(doc, text, s0, cm, cue, mentions, subject, found)
        if found_one is not None:
            found.append(found_one)
    hedges = find_hedges(text, doc.channels)
    rows = _finish(doc, sent, found, hedges, mentions, subject)
    # remember subjects and mentions for later sentences
    if subject is not None:
        doc.subjects.append((sent_id, subject[1]))
    for m, ids in mentions:
        for actor_id in ids:
            doc.last_mention[actor_id] = s0 + m.start
    return rows


def _attribute(doc: Document, text: str, s0: int, cm: re.Match[str], cue: Cue,
               mentions: list[tuple[Mention, tuple[str, ...]]], subject: tuple[Mention, str] | None,
               found: list[_Found]) -> _Found | None:
    start, end = cm.start(), cm.end()
    before = text[:start].rstrip()
    prev_word = previous_word(before, len(before)).lower()
    # 1. “…,” Xi said / “…,” said Xi
    quote = doc.quote_ending_at(s0 + start)
    if quote is None:
        q = doc.last_quote_before(s0 + start)
        if q is not None and re.fullmatch(r"[\s,;:—–]*[\w’'. -]{1,60}?\s*", doc.text_at(q[1], s0 + start) or "\0"):
            quote = q
        if quote is not None:
            between = doc.text_at(quote[1], s0 + start)
            spk = speaker_before(text, start, mentions)
            if spk is None or clean_speaker(between) != clean_speaker(spk[0]):
                quote = None
    if quote is not None:
        after = text[end:]
        spk = speaker_before(text, start, mentions)
        if spk is None:  # inverted: said Xi
            nxt = [(m, ids) for m, ids in mentions if m.start >= end and not text[end:m.start].strip()]
            pm = re.match(r"\s+(he|she|it|they)\b", after, re.IGNORECASE)
            if nxt:
                spk = (nxt[0][0].text, nxt[0][1], nxt[0][0].start)
            elif pm:
                spk = (pm.group(1), (), end + pm.start(1))
        if spk is not None:
            return _Found(start, end, cue, cm.group(0), spk[0], spk[1], "direct", quote[0] - s0, quote[1] - s0,
                          quote)
    # 2. participle or coordinated verb: the speaker of the previous attribution or the sentence subject
    participle = cm.group(0).split()[0].lower().endswith("ing")
    after_comma = bool(re.search(r"[,—–”\"]$", before)) or prev_word in ("and", "but", "while")
    if (participle and after_comma) or prev_word in ("and", "but"):
        if found:
            last = found[-1]
            return _Found(start, end, cue, cm.group(0), last.speaker, last.speaker_ids, "", end, len(text))
        if subject is not None:
            return _Found(start, end, cue, cm.group(0), subject[0].text, (subject[1],), "", end, len(text))
        if participle:
            return None
    if participle and not after_comma:
        return None
    # 3. the words just before the cue
    spk = speaker_before(text, start, mentions)
    if spk is None and before.endswith(",") and found and not re.search(r"[”\"]\s*,$", before):
        # "Xi warns US on Taiwan, calls for …": a verb after a comma shares the previous cue's subject
        last = found[-1]
        if not speaker_before(text, start, mentions):
            return _Found(start, end, cue, cm.group(0), last.speaker, last.speaker_ids, "", end, len(text))
    if spk is None and before.endswith(",") and subject is not None:
        # "Trump, in a post on his Truth Social platform …, said": the sentence opens with the subject
        m = subject[0]
        if re.match(r"\s*,", text[m.end:]) and m.start <= 2 + len(text) - len(text.lstrip()):
            spk = (m.text, (subject[1],), m.start)
    if spk is None:
        return None
    return _Found(start, end, cue, cm.group(0), spk[0], spk[1], "", end, len(text))


def _finish(doc: Document, sent, found: list[_Found], hedges: list[tuple[int, int, str, str]],
            mentions: list[tuple[Mention, tuple[str, ...]]], subject: tuple[Mention, str] | None
            ) -> list[dict[str, object]]:
    text, s0, sent_id = str(sent.text), int(sent.start), int(sent.sent_id)
    para_id = int(getattr(sent, "para_id", 0))
    actors = doc.actors
    # resolve speakers
    resolved: list[tuple[_Found, str]] = []
    for f in found:
        if f.speaker_ids:
            speaker_id = f.speaker_ids[0]
        elif f.speaker.lower() in PRONOUNS:
            subj = subject[1] if subject is not None and subject[0].start < f.cue_start else None
            speaker_id = pronoun_actor(doc, f.speaker, sent_id, subj) or f.speaker.lower()  # one 'she'
        else:
            speaker_id = clean_speaker(f.speaker)
        resolved.append((f, speaker_id))
    # "X reported" at the end of a sentence that attributes words to someone else: hedge + channel
    hedge_extra, channel_extra, hedge_at = "", "", len(text)
    others = [(f, sid) for f, sid in resolved if f.cue.lemma != "report"]
    if others:
        keep = []
        for f, sid in resolved:
            actor = actors.by_id.get(sid)
            if f.cue.lemma == "report" and actor is not None and actor.kind == "media" and not text[f.cue_end:].strip(" .”\""):
                hedge_at = text.rfind(f.speaker, 0, f.cue_start)
                hedge_extra = text[hedge_at:f.cue_end]
                channel_extra = actor.channel
            else:
                keep.append((f, sid))
        resolved = keep
    hedge_text = hedges[0][2] if hedges else hedge_extra
    hedge_channel = hedges[0][3] if hedges else channel_extra
    if not resolved and hedges:
        h_start, h_end, h_text, h_channel = hedges[0]
        source = h_text[len("according to "):]
        ms = [(m, ids) for m, ids in mentions if h_start <= m.start < h_end]
        speaker_id = ms[-1][1][0] if ms else source
        # what is attributed: the words before "according to X", or after "According to X," at the start
        content = text[:h_start].rstrip(" ,") or text[h_end:].strip(" ,.;:")
        return [_row(doc, sent_id, text, source, speaker_id, "according to",
                     Cue("according to", "according to", "neutral"), "indirect", content, h_channel, h_text)]
    rows = []
    for i, (f, speaker_id) in enumerate(resolved):
        if f.quote_type == "direct":
            quote = f.direct_quote
            content = next((t for t in [quote_text(doc, quote)] if t), "")
            quote_type = "direct"
        else:
            stop = resolved[i + 1][0].cue_start if i + 1 < len(resolved) else hedge_at
            for h_start, _, _, _ in hedges:
                if f.content_start <= h_start < stop:
                    stop = h_start
            content = text[f.content_start:stop].strip(" ,.;:")
            content = re.sub(r"^(that|as|to)\s+", "", content)
            # a quotation right after the cue, or after a short addressee or time ("told reporters, “…”")
            lead = _BEFORE_QUOTE.match(text, f.content_start, stop)
            if lead and doc.quoted(s0 + len(text) - 2):
                quote_type = "direct"
                content = text[lead.end():stop].strip(" ,.;:")
            elif re.search(r"[“”\"]|‘[^’]+’", content):
                quote_type = "mixed"
            else:
                quote_type = "indirect"
        actor = actors.by_id.get(speaker_id)
        channel = hedge_channel or (actor.channel if actor is not None else "") or doc.channels.channel_of(
            outside_quotes(doc, text, s0))
        hedge = hedge_text
        if f.cue.lemma == "report" and not hedge:
            hedge = text[max(0, text.find(f.speaker)):f.cue_end]
        rows.append(_row(doc, sent_id, text, f.speaker, speaker_id, f.cue_text, f.cue, quote_type, content,
                         channel, hedge))
        if actor is not None:
            doc.last_mention[speaker_id] = s0 + f.cue_start
    if rows and rows[-1]["quote_type"] == "direct":
        doc.last_direct = (sent_id, para_id, str(rows[-1]["speaker_id"]))
    elif not rows:
        rows = _continuation(doc, sent, text, s0, para_id)
    if rows and any(r["quote_type"] != "direct" for r in rows):
        doc.last_direct = None
    return rows


def _continuation(doc: Document, sent, text: str, s0: int, para_id: int) -> list[dict[str, object]]:
    """A sentence that opens with a quotation, has no cue, and follows a direct quote: same speaker."""
    if doc.last_direct is None or not re.match(r"^[“\"]", text):
        return []
    prev_sent, prev_para, speaker_id = doc.last_direct
    if int(sent.sent_id) != prev_sent + 1 or para_id - prev_para > 1:
        return []
    quote = doc.quote_starting_at(s0)
    if quote is None or quote[1] > s0 + len(text):
        return []  # the quotation runs on into a later sentence, where its cue is
    doc.last_direct = (int(sent.sent_id), para_id, speaker_id)
    return [_row(doc, int(sent.sent_id), text, "", speaker_id, "", None, "direct", quote_text(doc, quote), "", "")]


def _row(doc: Document, sent_id: int, text: str, speaker: str, speaker_id: str, cue_text: str, cue: Cue | None,
         quote_type: str, content: str, channel: str, hedge: str) -> dict[str, object]:
    actor = doc.actors.by_id.get(speaker_id)
    quoted = content if quote_type == "direct" else " ".join(re.findall(r"[“\"]([^”\"]+)[”\"]", content))
    return {"doc_id": doc.doc_id, "sent_id": sent_id, "sentence": text, "speaker": clean_speaker(speaker),
            "speaker_id": speaker_id, "side": actor.side if actor is not None else "other", "cue": cue_text,
            "cue_lemma": cue.lemma if cue else "", "cue_class": cue.cue_class if cue else "",
            "quote_type": quote_type, "content": content, "channel": channel, "hedge": hedge,
            "n_words_quoted": count_words(quoted)}
