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
sentence with no cue, right after a direct quote, continues that speaker. "According to X" is an attribution
of its own and the hedge and channel of the sentence's other attributions; a trailing "X reported" is their
hedge and channel, or an attribution of its own when there is none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from framing.config.actors import Actors, Mention, load_actors
from framing.config.speaker_types import SpeakerTypeRules
from framing.config.verbs import ChannelRules, Cue, ReportingVerbs, load_channel_rules, load_reporting_verbs
from framing.extract.content import (BEFORE_QUOTE, Found, content_of, continuation, continue_back, ends_sentence,
                                     final_only, label_found, make_row, names_only, nested, quote_just_before)
from framing.extract.document import (Document, Sentence, named_in, named_only, outside_quotes, quote_text,
                                      resolve_mention, strip_quote_marks, warn_unbalanced)
from framing.extract.names import find_person_mentions, full_names
from framing.extract.resolve import according_to, report_hedge, resolve_speakers
from framing.extract.sources import add_speaker_types, find_hedges
from framing.extract.cues import is_title_quote, not_a_cue
from framing.extract.speakers import (_DETERMINERS, INVERTED, INVERTED_NP, NOT_OPENING, OPENING_NAME, clause_subject,
                                      name_end, previous_word, sentence_subject, speaker_before)
from framing.schema import ATTRIBUTION_COLUMNS
from framing.text import count_words

# "Asked if she believed …, Clinton said": the question is the unnamed asker's, and no cue inside it is a source
_ASKED = re.compile(r"(?:^|[,;—–]\s+|\b(?:[Ww]hen|[Ww]henever|[Ii]f|[Oo]nce|[Aa]fter being|[Bb]efore being)\s+)"
                    r"((?:[Aa]sked|ASKED)\s+(?:about|if|whether|why|how|what|which|who|when|where|to)\b[^,;:“”\"]*)")


_WITH_NP = re.compile(r"\b[Ww]ith\s+((?:[\w’'.%-]+\s+){0,6}?[\w’'.%-]+)$")


def extract_attributions(
    sentences: pd.DataFrame,
    *,
    quotes: pd.DataFrame,
    actors: Actors | str | Path | None = None,
    verbs: ReportingVerbs | str | Path | None = None,
    channels: ChannelRules | str | Path | None = None,
    speaker_types: SpeakerTypeRules | str | Path | None = None,
    published: Mapping[object, object] | pd.Series | None = None,
) -> pd.DataFrame:
    """Extract every attribution: speaker, source type, cue, quote type, content, channel and hedge.

    Args:
        sentences: The sentences table (``doc_id, sent_id, para_id, text, start, end``), in document order.
        quotes: The quotes table of the same documents.
        actors: The actors file or loaded :class:`~framing.config.Actors` (shipped file by default).
        verbs: The reporting-verb list (shipped file by default).
        channels: The channel rules (shipped file by default).
        speaker_types: The source-type rules (:mod:`framing.extract.sources`; shipped file by default).
        published: Each document's published date (``doc_id`` -> date; ``articles.published``), by which dated
            roles of the actors file resolve ("the secretary of state" in 2010 is Hillary Clinton). Without it,
            a role stays the words as written.

    Returns:
        A new DataFrame with columns ``doc_id, sent_id, sentence, speaker, speaker_id, side, speaker_type, cue,
        cue_lemma, cue_class, quote_type, content, channel, hedge, n_words_quoted``.

    Example:
        >>> from framing import load_corpus
        >>> c = load_corpus("data/raw/xi-trump-calls")
        >>> a = extract_attributions(c.sentences, quotes=c.quotes)
        >>> a.query("doc_id == '003_112340eac45120b9' and sent_id == 2")[["speaker_id", "cue", "quote_type",
        ...     "channel"]].values.tolist()
        [['CCTV', 'according to', 'indirect', 'CCTV'], ['Xi Jinping', 'said', 'direct', 'CCTV']]
    """
    actors = actors if isinstance(actors, Actors) else load_actors(actors)
    verbs = verbs if isinstance(verbs, ReportingVerbs) else load_reporting_verbs(verbs)
    channels = channels if isinstance(channels, ChannelRules) else load_channel_rules(channels)
    if "closed" in quotes:
        warn_unbalanced(quotes[quotes["doc_id"].isin(sentences["doc_id"])])
    dates = dict(published.items()) if published is not None else {}
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
        doc = Document(str(doc_id), by_doc[doc_id], doc_quotes, actors, channels, verbs=verbs,
                       published=str(dates.get(doc_id, "") or "")[:10])
        found = [actors.find(sent.text) for sent in doc.sentences]  # each sentence searched once
        doc.named = named_in(found)
        people = [find_person_mentions(sent.text, sent.start) for sent in doc.sentences]
        doc.persons.add([m for ms in people for m in ms])
        doc.full_names = full_names(doc.persons.mentions)
        doc_rows: list[dict[str, object]] = []
        for sent, mentions in zip(doc.sentences, found):
            doc_rows.extend(_sentence_attributions(doc, sent, verbs, mentions))
        rows.extend(continue_back(doc, doc_rows))
    out = pd.DataFrame(rows, columns=list(ATTRIBUTION_COLUMNS))
    out["speaker_type"] = add_speaker_types(out, actors=actors, rules=speaker_types)
    return out.astype({"sent_id": "int64", "n_words_quoted": "int64"})


def _sentence_attributions(doc: Document, sent, verbs: ReportingVerbs, found: list[Mention]
                           ) -> list[dict[str, object]]:
    text, s0, sent_id = str(sent.text), int(sent.start), int(sent.sent_id)
    raw_mentions = [m for m in (named_only(m, doc.named, actors=doc.actors, on=doc.published) for m in found)
                    if m is not None]
    mentions = [(m, resolve_mention(doc, m)) for m in raw_mentions]
    subject = sentence_subject(mentions, text, s0, doc)
    found: list[Found] = []
    hedges = find_hedges(text, doc.channels)
    asked = [m.span(1) for m in _ASKED.finditer(text)] if "sked" in text or "SKED" in text else []
    for cm in verbs.finditer(text):
        if doc.quoted(s0 + cm.start()) or any(a <= cm.start() < b for a, b, _, _ in hedges) or \
                any(a <= cm.start() < b for a, b in asked):
            continue  # in a quotation, in "according to the National Academies report" or in "Asked if …,"
        cue = verbs.forms[" ".join(cm.group(0).lower().split())]
        if not_a_cue(text, cm, cue.lemma):
            continue
        if cue.lemma == "call" and re.match(r"\s+(?:[\w’'-]+\s+){0,2}for\b", text[cm.end():]):
            cue = Cue(cue.form, "call for", verbs.forms.get("called for", cue).cue_class)
        found_one = _attribute(doc, text, s0, cm, cue, mentions, subject, found)
        if found_one is not None and not nested(text, found, found_one):
            found.append(found_one)
    label = [] if hedges else label_found(text, mentions)  # "Lynch: No outside influence …"
    if label and (not found or all(f.cue_start > label[0].cue_start for f in found)):
        found = label  # "Rubio: I Still Believe Trump Can’t Be Trusted": the cues after a label are its words
    rows = _finish(doc, sent, found, hedges, mentions, subject)
    if subject is not None:
        doc.subjects.append((sent_id, subject[1]))
    for m, ids in mentions:
        for actor_id in ids:
            doc.last_mention[actor_id] = s0 + m.start
    return rows


def _attribute(doc: Document, text: str, s0: int, cm: re.Match[str], cue: Cue,
               mentions: list[tuple[Mention, tuple[str, ...]]], subject: tuple[Mention, str] | None,
               found: list[Found]) -> Found | None:
    start, end = cm.start(), cm.end()
    before = text[:start].rstrip()
    prev_word = previous_word(before, len(before)).lower()
    if prev_word == "to" and not doc.quote_ending_at(s0 + start):
        return None  # "the only senator to endorse Sanders", "plans to announce": an infinitive, not a report
    # 1. “…,” Xi said / “…,” said Xi
    quote = doc.quote_ending_at(s0 + start)
    if quote is None:
        q = doc.last_quote_before(s0 + start)
        if q is not None and re.fullmatch(r"[\s,;:—–]*[\w’'.,() -]{1,200}?\s*", doc.text_at(q[1], s0 + start) or "\0"):
            quote = q
        if quote is not None:
            spk = speaker_before(text, start, mentions)
            closed = re.search(r"[,.!?]\W{0,2}$", doc.text_at(quote[0], quote[1]) or "") is not None
            if spk is None or not names_only(doc.text_at(quote[1], s0 + start), spk[0], clause_closed=closed):
                quote = None
    if quote is not None and any(f.direct_quote == quote for f in found):
        quote = None  # '“…,” Trump said, after Becky Quick said …': the quotation is Trump's already
    if quote is not None and not is_title_quote(text, quote[0] - s0):  # not 'on “Morning Joe,” Ann asked'
        after = text[end:]
        spk = speaker_before(text, start, mentions)
        if spk is None:  # inverted: said Xi
            nxt = [(m, ids) for m, ids in mentions if m.start >= end and not text[end:m.start].strip()]
            pm = re.match(r"\s+(he|she|it|they)\b", after, re.IGNORECASE)
            cap = INVERTED.match(after)
            if nxt:
                spk = (nxt[0][0].text, nxt[0][1], nxt[0][0].start)
            elif pm:
                spk = (pm.group(1), (), end + pm.start(1))
            elif cap and cap.group(1).split()[0].lower() not in _DETERMINERS:
                spk = (name_end(cap.group(1)), (), end + cap.start(1))
            elif det := INVERTED_NP.match(after):  # "“…,” said a senior Cruz adviser."
                spk = (det.group(1), (), end + det.start(1))
        if spk is not None:
            return Found(start, end, cue, cm.group(0), spk[0], spk[1], "direct", quote[0] - s0, quote[1] - s0,
                          quote)
    # 2. participle or coordinated verb: the speaker of the previous attribution or the sentence subject
    participle = cm.group(0).split()[0].lower().endswith("ing") and \
        prev_word not in ("is", "was", "are", "were", "been", "am")  # "Clinton is telling supporters": a verb
    after_comma = bool(re.search(r"[,—–”\"]$", before)) or prev_word in ("and", "but", "while") or (
        participle and prev_word in ("by", "before", "after", "when", "without"))  # "deflected …, before saying"
    if (participle and after_comma) or prev_word in ("and", "but"):
        if found:
            last = found[-1]
            return Found(start, end, cue, cm.group(0), last.speaker, last.speaker_ids, "", end, len(text))
        if subject is not None:
            return Found(start, end, cue, cm.group(0), subject[0].text, (subject[1],), "", end, len(text))
        opening = OPENING_NAME.match(text)
        name = opening and (opening.group(1) or opening.group(2))
        if name and name.split()[0] not in NOT_OPENING:
            # "She cut it to $42,000, but said …", "Ann Ruiz released a statement, saying …": the sentence's subject
            return Found(start, end, cue, cm.group(0), name, (), "", end, len(text))
        if participle:
            return None
    if participle and not after_comma:
        with_np = _WITH_NP.search(before)  # "with 62 percent of voters saying …", "with Silverman saying …"
        if with_np is None:
            return None
        return Found(start, end, cue, cm.group(0), with_np.group(1), (), "", end, len(text),
                     speaker_start=with_np.start(1))
    # 3. the words just before the cue
    spk = speaker_before(text, start, mentions)
    if spk is None and (clause := clause_subject(text, start, cue.lemma)) is not None and \
            (not found or clause[2] > found[-1].cue_end):  # ", while only 49 percent of Republicans say …"
        spk = clause
    if spk is None and before.endswith(",") and found and not re.search(r"[”\"]\s*,$", before):
        # "Xi warns US on Taiwan, calls for …": a verb after a comma shares the previous cue's subject
        last = found[-1]
        if not speaker_before(text, start, mentions):
            return Found(start, end, cue, cm.group(0), last.speaker, last.speaker_ids, "", end, len(text))
    if spk is None and before.endswith(",") and subject is not None:
        # "Trump, in a post on his Truth Social platform …, said": the sentence opens with the subject
        m = subject[0]
        if re.match(r"\s*,", text[m.end:]) and m.start <= 2 + len(text) - len(text.lstrip()):
            spk = (m.text, (subject[1],), m.start)
    if spk is None and before.endswith(",") and not found:  # "…, said Angie Holan, Politifact's editor."
        cap = INVERTED.match(text[end:])
        if cap and cap.group(1).split()[0].lower() not in _DETERMINERS and \
                re.match(r"\s*(?:[,.;]|$)", text[end + cap.end():]):
            return Found(start, end, cue, cm.group(0), name_end(cap.group(1)), (), "", 0, start)
    if spk is None or (cue.cue_class != "descriptive" and re.search(r"\b[Ww]hat(?:ever)?\s+(?:[\w’'.-]+\s+){0,4}$",
                                                                    before + " ")):
        return None  # "what Trump said about the incident": no words are attributed ("what he called X" names X)
    if cut := max((f.cue_end for f in found if spk[2] < f.cue_end <= spk[2] + len(spk[0])), default=0):
        # "The report said researchers found": the speaker of "found" starts after the earlier cue
        words = re.match(r"[\s,]*(?:that\s+)?", text[cut:spk[2] + len(spk[0])])
        spk = (text[cut + words.end():spk[2] + len(spk[0])], (), cut + words.end())
        if not spk[0]:
            return None
    return Found(start, end, cue, cm.group(0), spk[0], spk[1], "", end, len(text), speaker_start=spk[2])


def _finish(doc: Document, sent, found: list[Found], hedges: list[tuple[int, int, str, str]],
            mentions: list[tuple[Mention, tuple[str, ...]]], subject: tuple[Mention, str] | None
            ) -> list[dict[str, object]]:
    text, s0, sent_id = str(sent.text), int(sent.start), int(sent.sent_id)
    para_id = int(getattr(sent, "para_id", 0))
    actors = doc.actors
    resolved = resolve_speakers(doc, text, s0, sent_id, final_only(text, found), subject)
    resolved, hedge_extra, channel_extra, hedge_at = report_hedge(doc, text, resolved)
    hedge_text = hedges[0][2] if hedges else hedge_extra
    hedge_channel = hedges[0][3] if hedges else channel_extra
    if not resolved and hedges:
        return [according_to(doc, sent_id, text, hedges[0], mentions)]
    # "“…,” Sanders said, according to CNN.": CNN is credited with the whole clause, and is the others' hedge
    rows = [according_to(doc, sent_id, text, hedges[0], mentions)] if hedges else []
    for i, (f, speaker_id) in enumerate(resolved):
        if f.quote_type == "direct":
            quote = f.direct_quote
            content = next((t for t in [quote_text(doc, quote)] if t), "")
            quote_type = "direct"
            lead_in = text[resolved[i - 1][0].cue_end if i else 0:max(0, quote[0] - s0)]
            if quote[0] >= s0 and count_words(lead_in) >= 2 and not re.search(r"[“”\"]", lead_in):
                # "Trump's misinformation may be “strategic,” said Hemsley": the outlet's words around a quote
                quote_type, content = "mixed", text[:quote[1] - s0].strip(" ,")
            # the quotation goes on after the cue: "“We agree,” Xi said, “on the whole.”"
            stop = resolved[i + 1][0].cue_start if i + 1 < len(resolved) else len(text)
            more = doc.quote_between(s0 + f.cue_end, s0 + stop)
            if more is not None and re.fullmatch(r"[^“”\"]{0,80}?[,:]\s*", text[f.cue_end:more[0] - s0]):
                content = f"{content} {quote_text(doc, more)}".strip()
        else:
            nxt = resolved[i + 1][0] if i + 1 < len(resolved) else None
            stop = hedge_at if nxt is None else nxt.speaker_start if nxt.speaker_start > f.cue_end else nxt.cue_start
            if nxt is not None and not re.search(r"[,;—–]|\b(?:and|but)\b", text[f.cue_end:stop]):
                stop = hedge_at  # "said he called …": the later cue is part of what is attributed
            for h_start, _, _, _ in hedges:
                if f.content_start <= h_start < stop:
                    stop = h_start
            seg_start = resolved[i - 1][0].cue_end if i else 0
            content = content_of(text, f, seg_start, stop)
            lead = BEFORE_QUOTE.match(text, f.content_start, stop)  # "told reporters, “…”", "said: “…”"
            if lead and doc.quoted(s0 + len(text) - 2):
                quote_type = "direct"
                whole = doc.quote_starting_at(s0 + lead.end())
                content = quote_text(doc, whole) if whole is not None and stop == len(text) else \
                    strip_quote_marks(text[lead.end():stop].strip(" ,.;:"))
            elif re.search(r"[“”\"]|‘[^’]+’|''|``", content):
                quote_type = "mixed"
            else:
                quote_type = "indirect"
            if (not content or ends_sentence(text[f.cue_end:])) and (prior := quote_just_before(doc, text, s0, f)):
                content, quote_type = prior, "direct"  # "“… lies.” Cruz said." / "Miller said pleasantly."
            elif count_words(content) <= 1 and (later := doc.quote_between(s0 + f.cue_end, s0 + len(text))):
                content, quote_type = quote_text(doc, later), "direct"  # 'But, said Solovey, “I don't want …”'
        actor = actors.by_id.get(speaker_id)
        channel = hedge_channel or (actor.channel if actor is not None else "") or doc.channels.channel_of(
            outside_quotes(doc, text, s0))
        hedge = hedge_text
        if f.cue.lemma == "report" and not hedge:
            hedge = text[max(0, text.find(f.speaker)):f.cue_end]
        rows.append(make_row(doc, sent_id, text, f.speaker, speaker_id, f.cue_text, f.cue, quote_type, content,
                         channel, hedge))
        if actor is not None:
            doc.last_mention[speaker_id] = s0 + f.cue_start
    direct = [r for r in rows if r["quote_type"] == "direct"]
    if not rows:
        rows = continuation(doc, sent, text, s0, para_id)
    elif direct and all(r["speaker_id"] == direct[-1]["speaker_id"] or r["cue_lemma"] == "according to"
                        for r in rows[rows.index(direct[-1]):]):
        # "“…,” Mr. Manafort said, claiming that …": the next sentence's quotation is still his
        doc.last_direct = (sent_id, para_id, str(direct[-1]["speaker_id"]))
    else:
        doc.last_direct = None
    return rows


