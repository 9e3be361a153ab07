"""Find lexicon terms in sentences, with voice (quoted or narration) and negation.

Matching: case-insensitive, ’ and ' alike, whole words only (a term must not start or end inside a
word; "Taiwan’s" matches ``taiwan``), leftmost-longest and non-overlapping within a lexicon, so "mutual
respect" is one match, not also "respect". All sentences are scanned in one Aho-Corasick pass.

Voice: ``quoted`` when the match starts inside a quotation span (see :mod:`framing.sentences`), otherwise
``narration``.

Negation (``data/rules/negation.yaml``): a match is negated when a negator (not, no, never, n't …) stands
among the 3 words before it in the same clause, unless a double-negation verb follows the negator ("has not
ruled out force" is still warning). "not a threat" is negated. Negated matches are kept in the table
(``negated`` = True, ``negator`` names the word) and left out of every count. A negated match is not moved
to the opposite frame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
import numpy as np
import pandas as pd

from framing.errors import ConfigFileError
from framing.lexicons import Lexicon, load_lexicon, normalise_term
from framing.resources import data_path, read_yaml
from framing.sentences import WORD_RE

MATCH_COLUMNS = ["doc_id", "sent_id", "lexicon", "frame", "term", "match", "start", "end", "voice",
                 "negated", "negator"]
VOICES = ("quoted", "narration")
_NEGATION_KEYS = {"name", "version", "window", "negators", "negator_suffixes", "clause_breaks",
                  "double_negation"}


@dataclass(frozen=True)
class NegationRule:
    """The negation rule (see the module docstring)."""

    version: str
    window: int
    negators: frozenset[str]
    suffixes: tuple[str, ...]
    clause_break: re.Pattern[str]
    double_negation: tuple[tuple[str, ...], ...]


def load_negation_rule(path: str | Path | None = None) -> NegationRule:
    """Load the negation rule from YAML (the shipped ``data/rules/negation.yaml`` by default).

    Example:
        >>> rule = load_negation_rule()
        >>> rule.window, "never" in rule.negators
        (3, True)
    """
    path = Path(path) if path else data_path("rules", "negation.yaml")
    raw = read_yaml(path) or {}
    unknown = set(raw) - _NEGATION_KEYS
    if unknown:
        raise ConfigFileError(f"{path}: unknown keys {sorted(unknown)}; valid keys are {sorted(_NEGATION_KEYS)}")
    if not raw.get("negators"):
        raise ConfigFileError(f"{path}: 'negators' is empty")
    for key in ("negators", "negator_suffixes", "double_negation"):
        for value in raw.get(key) or []:
            if not isinstance(value, str):
                raise ConfigFileError(f"{path}: {key} entry {value!r} is not a string; quote YAML words "
                                      "such as 'no', 'yes', 'on' and 'off', which YAML reads as true/false")
    breaks = str(raw.get("clause_breaks", ",;:"))
    return NegationRule(
        version=str(raw.get("version", "unversioned")), window=int(raw.get("window", 3)),
        negators=frozenset(normalise_term(n) for n in raw["negators"]),
        suffixes=tuple(normalise_term(s) for s in raw.get("negator_suffixes", [])),
        clause_break=re.compile("[" + re.escape(breaks) + "]"),
        double_negation=tuple(tuple(normalise_term(p).split()) for p in raw.get("double_negation", [])),
    )


def _normalise_text(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a few characters (e.g. İ) lower-case to two; keep offsets aligned
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low.replace("’", "'")


def _automaton(lexicon: Lexicon) -> ahocorasick.Automaton:
    entries: dict[str, tuple[str, bool, list[str]]] = {}
    for frame, terms in lexicon.frames.items():
        for term in terms:
            wildcard = term.endswith("*")
            key = term[:-1] if wildcard else term
            entries.setdefault(key, (term, wildcard, []))[2].append(frame)
    automaton = ahocorasick.Automaton()
    for key, value in entries.items():
        automaton.add_word(key, (key, value[0], value[1], tuple(value[2])))
    automaton.make_automaton()
    return automaton


def match_frames(
    sentences: pd.DataFrame,
    *,
    quotes: pd.DataFrame,
    lexicon: str | Path | Lexicon = "stance",
    negation: NegationRule | None = None,
) -> pd.DataFrame:
    """Find every lexicon term in the sentences.

    Args:
        sentences: The sentences table (``doc_id, sent_id, text, start`` are used).
        quotes: The quotes table of the same documents (``doc_id, start, end``), for voice.
        lexicon: A lexicon name, file or :class:`~framing.lexicons.Lexicon`.
        negation: The negation rule; the shipped one by default.

    Returns:
        A new DataFrame, one row per match (a term in several frames of an overlapping lexicon gives a row
        per frame): ``doc_id, sent_id, lexicon, frame, term, match, start, end, voice, negated, negator``.
        ``start``/``end`` are offsets into ``articles.text``; ``match`` is the text as found.

    Example:
        >>> sents = pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [0, 1], "start": [0, 40],
        ...     "text": ["Xi warned that China will “never allow” it.", "It is not a threat, Xi said."]})
        >>> quotes = pd.DataFrame({"doc_id": ["d"], "start": [26], "end": [39]})
        >>> match_frames(sents, quotes=quotes)[["frame", "match", "voice", "negated"]].values.tolist()
        [['warning', 'warned', 'narration', False], ['warning', 'never allow', 'quoted', False], ['warning', 'threat', 'narration', True]]
    """
    lex = load_lexicon(lexicon) if not isinstance(lexicon, Lexicon) else lexicon
    rule = negation or load_negation_rule()
    texts = sentences["text"].astype(str).tolist()
    if not texts:
        return pd.DataFrame(columns=MATCH_COLUMNS)
    joined = _normalise_text("\n".join(texts))
    lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])

    found: list[tuple[int, int, str, tuple[str, ...]]] = []
    n = len(joined)
    for end_idx, (key, term, wildcard, frames) in _automaton(lex).iter(joined):
        start = end_idx - len(key) + 1
        if start > 0 and joined[start - 1].isalnum():
            continue
        end = end_idx + 1
        if wildcard:
            while end < n and (joined[end].isalnum() or (joined[end] in "-'" and end + 1 < n
                                                          and joined[end + 1].isalnum())):
                end += 1
        elif end < n and joined[end].isalnum():
            continue
        found.append((start, end, term, frames))
    # leftmost-longest, non-overlapping
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str, tuple[str, ...]]] = []
    last_end = -1
    for item in found:
        if item[0] >= last_end:
            kept.append(item)
            last_end = item[1]
    if not kept:
        return pd.DataFrame(columns=MATCH_COLUMNS)

    starts = np.fromiter((k[0] for k in kept), dtype=np.int64, count=len(kept))
    sent_idx = np.searchsorted(offsets, starts, side="right") - 1
    local = starts - offsets[sent_idx]
    doc_ids = sentences["doc_id"].to_numpy()[sent_idx]
    sent_ids = sentences["sent_id"].to_numpy()[sent_idx]
    sent_starts = sentences["start"].to_numpy()[sent_idx]
    rows = []
    for i, (start, end, term, frames) in enumerate(kept):
        text = texts[sent_idx[i]]
        loc = int(local[i])
        match = text[loc:loc + (end - start)]
        negator = _negator(joined[offsets[sent_idx[i]]:start], rule)
        a_start = int(sent_starts[i]) + loc
        for frame in frames:
            rows.append((doc_ids[i], int(sent_ids[i]), lex.name, frame, term, match, a_start,
                         a_start + len(match), negator))
    out = pd.DataFrame(rows, columns=[c for c in MATCH_COLUMNS if c not in ("voice", "negated")])
    out["voice"] = np.where(in_quotes(out, quotes), "quoted", "narration")
    out["negated"] = out["negator"] != ""
    return out[MATCH_COLUMNS].astype({"sent_id": "int64", "start": "int64", "end": "int64"})


def _negator(prefix: str, rule: NegationRule) -> str:
    clause = rule.clause_break.split(prefix)[-1]
    words = [w.group(0) for w in WORD_RE.finditer(clause)][-rule.window:]
    for i, word in enumerate(words):
        if word in rule.negators or word.endswith(rule.suffixes):
            after = words[i + 1:]
            joined_after = " ".join(after)
            if any(" ".join(p) in joined_after for p in rule.double_negation):
                continue
            return word
    return ""


def in_quotes(spans: pd.DataFrame, quotes: pd.DataFrame) -> np.ndarray:
    """Return, for each row of ``spans`` (``doc_id, start``), whether it starts inside a quotation.

    Example:
        >>> spans = pd.DataFrame({"doc_id": ["a", "a", "b"], "start": [3, 20, 3]})
        >>> in_quotes(spans, pd.DataFrame({"doc_id": ["a"], "start": [0], "end": [10]})).tolist()
        [True, False, False]
    """
    result = np.zeros(len(spans), dtype=bool)
    if spans.empty or quotes.empty:
        return result
    q = quotes.sort_values(["doc_id", "start"])
    by_doc = {d: (g["start"].to_numpy(), g["end"].to_numpy()) for d, g in q.groupby("doc_id", sort=False)}
    doc_ids = spans["doc_id"].to_numpy()
    positions = spans["start"].to_numpy()
    for doc_id in pd.unique(doc_ids):
        if doc_id not in by_doc:
            continue
        qs, qe = by_doc[doc_id]
        mask = doc_ids == doc_id
        pos = positions[mask]
        idx = np.searchsorted(qs, pos, side="right") - 1
        result[mask] = (idx >= 0) & (pos < qe[np.clip(idx, 0, None)])
    return result
