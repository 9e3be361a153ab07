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

import bisect
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from framing.actors import Actors, Mention, load_actors
from framing.errors import ConfigFileError
from framing.resources import data_path, read_yaml

ATTRIBUTION_COLUMNS = ["doc_id", "sent_id", "sentence", "speaker", "speaker_id", "side", "cue", "cue_lemma",
                       "cue_class", "quote_type", "content", "channel", "hedge", "n_words_quoted"]
CUE_CLASSES = ("neutral", "alarm", "conciliatory", "descriptive")
QUOTE_TYPES = ("direct", "indirect", "mixed")
PRONOUNS = {"he": "male", "she": "female", "it": "it", "they": "any"}
_SKIP_BEFORE = {"has", "have", "had", "also", "recently", "long", "further", "repeatedly", "often",
                "previously", "then", "once", "again", "earlier", "later", "already", "initially", "publicly",
                "privately", "separately", "subsequently", "reportedly", "would", "will", "could", "did", "does",
                "quickly", "later", "swiftly", "firmly", "has long", "also"}
_PREPOSITIONS = {"to", "with", "for", "of", "on", "about", "from", "by", "between", "against", "at", "in",
                 "into", "toward", "towards", "over", "after", "before", "than", "as", "like"}
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "our", "my",
                "your", "no", "any", "such"}
_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<source>[^,.;:]+)")
_CHANNEL_PATTERNS = (
    (re.compile(r"statement (?:from|by|of) (?:China’s |China's |the |Chinese )?Foreign Ministry|Foreign Ministry statement"),
     "Foreign Ministry statement"),
    (re.compile(r"Truth Social"), "Truth Social"),
    (re.compile(r"\bsocial media\b|\bpost on (?:X|Twitter|Weibo|Facebook)\b"), "social media"),
    (re.compile(r"\b(?:told|to|with|briefed) reporters\b|\breporters\b"), "reporters"),
    (re.compile(r"\binterviews?\b"), "interview"),
    (re.compile(r"\bpress conference\b|\bnews conference\b"), "press conference"),
    (re.compile(r"\bCCTV\b"), "CCTV"),
    (re.compile(r"\bXinhua\b"), "Xinhua"),
    (re.compile(r"\bChina Daily\b"), "China Daily"),
    (re.compile(r"\bRussian (?:state )?media\b"), "Russian media"),
    (re.compile(r"\bstate media\b"), "state media"),
)
_WORD = re.compile(r"[\w’'-]+")
_CAP_NP = re.compile(r"((?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*)\s*$")


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

    @property
    def label(self) -> str:
        """``reporting_verbs@version``."""
        return f"reporting_verbs@{self.version}"


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


def _clean_speaker(text: str) -> str:
    return text.strip(" ,;:—–-“”\"")


class _Sentence(NamedTuple):
    sent_id: int
    para_id: int
    text: str
    start: int
    end: int


class _Document:
    """Per-document state: sentences, quotes (sorted, non-overlapping), and the speakers found so far."""

    def __init__(self, doc_id: str, sentences: list[_Sentence], quotes: list[tuple[int, int]], actors: Actors):
        self.doc_id = doc_id
        self.sentences = sentences
        self.s_starts = [s.start for s in sentences]
        self.quotes = sorted(quotes)
        self.q_starts = [q[0] for q in self.quotes]
        self.q_ends = [q[1] for q in self.quotes]
        self.actors = actors
        self.subjects: list[tuple[int, str]] = []  # (sent_id, actor id) of sentence subjects, in order
        self.last_mention: dict[str, int] = {}  # actor id -> global offset of latest mention
        self.last_direct: tuple[int, int, str] | None = None  # (sent_id, para_id, speaker id)

    def quoted(self, pos: int) -> bool:
        i = bisect.bisect_right(self.q_starts, pos) - 1
        return i >= 0 and pos < self.q_ends[i]

    def quote_ending_at(self, pos: int) -> tuple[int, int] | None:
        """The quotation that closes just before ``pos`` (only punctuation and spaces between)."""
        i = bisect.bisect_right(self.q_ends, pos) - 1
        if i >= 0 and not self.text_at(self.q_ends[i], pos).strip(" ,;:—–"):
            return self.quotes[i]
        return None

    def last_quote_before(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.q_ends, pos) - 1
        return self.quotes[i] if i >= 0 else None

    def text_at(self, a: int, b: int) -> str:
        i = bisect.bisect_right(self.s_starts, a) - 1
        if i < 0 or self.sentences[i].end < b:
            return "\0"  # spans sentences: never "only punctuation"
        s = self.sentences[i]
        return s.text[a - s.start:b - s.start]


def _resolve(doc: _Document, mention: Mention) -> tuple[str, ...]:
    if len(mention.actors) == 1:
        return mention.actors
    ranked = sorted(mention.actors, key=lambda a: doc.last_mention.get(a, -1), reverse=True)
    return (ranked[0],)


def _pronoun_actor(doc: _Document, pronoun: str, sent_id: int, subject: str | None) -> str | None:
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


def _sentence_subject(mentions: list[tuple[Mention, tuple[str, ...]]], text: str, sent_start: int,
                      doc: _Document) -> tuple[Mention, str] | None:
    for m, ids in mentions:
        if doc.quoted(sent_start + m.start):
            continue
        words = _WORD.findall(text[:m.start])
        if words and words[-1].lower() in _PREPOSITIONS:
            continue
        return m, ids[0]
    return None


def _speaker_before(text: str, cue_start: int, mentions: list[tuple[Mention, tuple[str, ...]]]
                    ) -> tuple[str, tuple[str, ...], int] | None:
    """The speaker written just before a cue: (as written, actor ids or (), start offset)."""
    end = cue_start
    while True:
        head = text[:end].rstrip()
        m = re.search(r"([\w’'-]+)$", head)
        if m and m.group(1).lower() in _SKIP_BEFORE:
            end = m.start()
            continue
        break
    head = text[:end].rstrip()
    appositive = head.endswith(",")
    if appositive:  # "Taiwan’s leader, Lai Ching-te, told": only a known actor may stand before the comma
        head = head[:-1].rstrip()
    for m, ids in reversed(mentions):
        if m.end == len(head):
            if appositive and (_WORD.findall(text[:m.start]) or [""])[-1].lower() in _PREPOSITIONS:
                return None  # "…, speaking in Moscow, said": a place, not the speaker
            start = m.start
            # extend back over titles/appositions of the same actor: "Taiwan’s leader, Lai Ching-te"
            for prev, prev_ids in reversed(mentions):
                if prev.end <= start and set(prev_ids) & set(ids) and not text[prev.end:start].strip(" ,"):
                    start = prev.start
            return text[start:len(head)], ids, start
    if appositive:
        return None
    pm = re.search(r"(?<![\w’'-])(he|she|it|they|He|She|It|They)$", head)
    if pm:
        return pm.group(1), (), pm.start()
    np_ = _CAP_NP.search(head)
    if np_:
        words = np_.group(1).split()
        if words and words[0].lower() not in _DETERMINERS | _PREPOSITIONS and words[-1][:1].isupper():
            return np_.group(1), (), np_.start(1)
    return None


def extract_attributions(
    sentences: pd.DataFrame,
    *,
    quotes: pd.DataFrame,
    actors: Actors | str | Path | None = None,
    verbs: ReportingVerbs | str | Path | None = None,
) -> pd.DataFrame:
    """Extract every attribution: speaker, cue, quote type, content, channel and hedge.

    Args:
        sentences: The sentences table (``doc_id, sent_id, para_id, text, start, end``), in document order.
        quotes: The quotes table of the same documents.
        actors: The actors file or loaded :class:`~framing.actors.Actors` (shipped file by default).
        verbs: The reporting-verb list (shipped file by default).

    Returns:
        A new DataFrame with columns ``doc_id, sent_id, sentence, speaker, speaker_id, side, cue, cue_lemma,
        cue_class, quote_type, content, channel, hedge, n_words_quoted``.

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
    by_doc: dict[object, list[_Sentence]] = {}
    for doc_id, sent_id, para_id, text, start, end in records:
        by_doc.setdefault(doc_id, []).append(_Sentence(int(sent_id), int(para_id), text, int(start), int(end)))
    for doc_id in sorted(by_doc, key=lambda d: first_seen[d]):  # documents in input order
        idx = quote_index.get(doc_id, [])
        doc_quotes = [(int(q_starts[i]), int(q_ends[i])) for i in idx]
        doc = _Document(str(doc_id), by_doc[doc_id], doc_quotes, actors)
        for sent in doc.sentences:
            rows.extend(_sentence_attributions(doc, sent, verbs))
    out = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    return out.astype({"sent_id": "int64", "n_words_quoted": "int64"})


def _sentence_attributions(doc: _Document, sent, verbs: ReportingVerbs) -> list[dict[str, object]]:
    text, s0, sent_id = str(sent.text), int(sent.start), int(sent.sent_id)
    raw_mentions = doc.actors.find(text)
    mentions = [(m, _resolve(doc, m)) for m in raw_mentions]
    subject = _sentence_subject(mentions, text, s0, doc)
    found: list[_Found] = []
    for cm in verbs.pattern.finditer(text):
        if doc.quoted(s0 + cm.start()):
            continue
        cue = verbs.forms[" ".join(cm.group(0).lower().split())]
        words_before = _WORD.findall(text[:cm.start()])
        if words_before and words_before[-1].lower() in _DETERMINERS:
            continue  # "the warning", "a report": a noun
        if cue.lemma == "call" and re.match(r"\s+(?:[\w’'-]+\s+){0,2}for\b", text[cm.end():]):
            cue = Cue(cue.form, "call for", verbs.forms.get("called for", cue).cue_class)
        found_one = _attribute(doc, text, s0, cm, cue, mentions, subject, found)
        if found_one is not None:
            found.append(found_one)
    hedges = _hedges(text)
    rows = _finish(doc, sent, found, hedges, mentions, subject)
    # remember subjects and mentions for later sentences
    if subject is not None:
        doc.subjects.append((sent_id, subject[1]))
    for m, ids in mentions:
        for actor_id in ids:
            doc.last_mention[actor_id] = s0 + m.start
    return rows


def _attribute(doc: _Document, text: str, s0: int, cm: re.Match[str], cue: Cue,
               mentions: list[tuple[Mention, tuple[str, ...]]], subject: tuple[Mention, str] | None,
               found: list[_Found]) -> _Found | None:
    start, end = cm.start(), cm.end()
    before = text[:start].rstrip()
    prev_word = (_WORD.findall(before) or [""])[-1].lower()
    # 1. “…,” Xi said / “…,” said Xi
    quote = doc.quote_ending_at(s0 + start)
    if quote is None:
        q = doc.last_quote_before(s0 + start)
        if q is not None and re.fullmatch(r"[\s,;:—–]*[\w’'. -]{1,60}?\s*", doc.text_at(q[1], s0 + start) or "\0"):
            quote = q
        if quote is not None:
            between = doc.text_at(quote[1], s0 + start)
            spk = _speaker_before(text, start, mentions)
            if spk is None or _clean_speaker(between) != _clean_speaker(spk[0]):
                quote = None
    if quote is not None:
        after = text[end:]
        spk = _speaker_before(text, start, mentions)
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
    spk = _speaker_before(text, start, mentions)
    if spk is None and before.endswith(",") and found and not re.search(r"[”\"]\s*,$", before):
        # "Xi warns US on Taiwan, calls for …": a verb after a comma shares the previous cue's subject
        last = found[-1]
        if not _speaker_before(text, start, mentions):
            return _Found(start, end, cue, cm.group(0), last.speaker, last.speaker_ids, "", end, len(text))
    if spk is None and before.endswith(",") and subject is not None:
        # "Trump, in a post on his Truth Social platform …, said": the sentence opens with the subject
        m = subject[0]
        if re.match(r"\s*,", text[m.end:]) and m.start <= 2 + len(text) - len(text.lstrip()):
            spk = (m.text, (subject[1],), m.start)
    if spk is None:
        return None
    return _Found(start, end, cue, cm.group(0), spk[0], spk[1], "", end, len(text))


def _hedges(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, hedge text, channel) for "according to X" and "reportedly" in a sentence."""
    out = []
    for m in _ACCORDING.finditer(text):
        source = m.group("source").strip()
        out.append((m.start(), m.end(), text[m.start():m.start() + len("according to ") + len(source)],
                    _channel_of(source)))
    return out


def _channel_of(text: str) -> str:
    for pattern, channel in _CHANNEL_PATTERNS:
        if pattern.search(text):
            return channel
    return ""


def _finish(doc: _Document, sent, found: list[_Found], hedges: list[tuple[int, int, str, str]],
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
            speaker_id = _pronoun_actor(doc, f.speaker, sent_id, subj) or f.speaker
        else:
            speaker_id = _clean_speaker(f.speaker)
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
        content = text[:h_start].rstrip(" ,")
        return [_row(doc, sent_id, text, source, speaker_id, "according to",
                     Cue("according to", "according to", "neutral"), "indirect", content, h_channel, h_text)]
    rows = []
    for i, (f, speaker_id) in enumerate(resolved):
        if f.quote_type == "direct":
            quote = f.direct_quote
            content = next((t for t in [_quote_text(doc, quote)] if t), "")
            quote_type = "direct"
        else:
            stop = resolved[i + 1][0].cue_start if i + 1 < len(resolved) else hedge_at
            for h_start, _, _, _ in hedges:
                if f.content_start <= h_start < stop:
                    stop = h_start
            content = text[f.content_start:stop].strip(" ,.;:")
            content = re.sub(r"^(that|as|to)\s+", "", content)
            if re.match(r"^[\s:,]*[“\"]", text[f.content_start:]) and doc.quoted(s0 + len(text) - 2):
                quote_type = "direct"
            elif re.search(r"[“”\"]|‘[^’]+’", content):
                quote_type = "mixed"
            else:
                quote_type = "indirect"
        actor = actors.by_id.get(speaker_id)
        channel = hedge_channel or (actor.channel if actor is not None else "") or _channel_of(_outside_quotes(doc, text, s0))
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


def _continuation(doc: _Document, sent, text: str, s0: int, para_id: int) -> list[dict[str, object]]:
    """A sentence that opens with a quotation, has no cue, and follows a direct quote: same speaker."""
    if doc.last_direct is None or not re.match(r"^[“\"]", text):
        return []
    prev_sent, prev_para, speaker_id = doc.last_direct
    if int(sent.sent_id) != prev_sent + 1 or para_id - prev_para > 1:
        return []
    quote = next(((s, e) for s, e in doc.quotes if s == s0), None)
    if quote is None or quote[1] > s0 + len(text):
        return []  # the quotation runs on into a later sentence, where its cue is
    doc.last_direct = (int(sent.sent_id), para_id, speaker_id)
    return [_row(doc, int(sent.sent_id), text, "", speaker_id, "", None, "direct", _quote_text(doc, quote), "", "")]


def _outside_quotes(doc: _Document, text: str, s0: int) -> str:
    chars = list(text)
    i = max(bisect.bisect_right(doc.q_starts, s0) - 1, 0)
    for q_start, q_end in doc.quotes[i:]:
        if q_start >= s0 + len(text):
            break
        for k in range(max(q_start, s0) - s0, min(q_end, s0 + len(text)) - s0):
            chars[k] = " "
    return "".join(chars)


def _quote_text(doc: _Document, quote: tuple[int, int] | None) -> str:
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


def _row(doc: _Document, sent_id: int, text: str, speaker: str, speaker_id: str, cue_text: str, cue: Cue | None,
         quote_type: str, content: str, channel: str, hedge: str) -> dict[str, object]:
    actor = doc.actors.by_id.get(speaker_id)
    from framing.sentences import count_words

    quoted = content if quote_type == "direct" else " ".join(re.findall(r"[“\"]([^”\"]+)[”\"]", content))
    return {"doc_id": doc.doc_id, "sent_id": sent_id, "sentence": text, "speaker": _clean_speaker(speaker),
            "speaker_id": speaker_id, "side": actor.side if actor is not None else "other", "cue": cue_text,
            "cue_lemma": cue.lemma if cue else "", "cue_class": cue.cue_class if cue else "",
            "quote_type": quote_type, "content": content, "channel": channel, "hedge": hedge,
            "n_words_quoted": count_words(quoted)}


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
