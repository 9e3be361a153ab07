"""Find lexicon terms in sentences, with voice (quoted or narration) and negation.

Matching: case-insensitive, ’ and ' alike, whole words only (a term must not start or end inside a
word; "Taiwan’s" matches ``taiwan``), leftmost-longest and non-overlapping within a lexicon, so "mutual
respect" is one match, not also "respect". All sentences are scanned in one Aho-Corasick pass.

Voice: ``quoted`` when the match starts inside a quotation span (see :mod:`framing.corpus.segment`), otherwise
``narration``.

Negation (``framing/data/rules/negation.yaml``): a match is negated when a negator (not, no, never, n't …) stands
among the 3 words before it in the same clause, unless a double-negation verb follows the negator ("has not
ruled out force" is still warning). "not a threat" is negated. Negated matches are kept in the table
(``negated`` = True, ``negator`` names the word) and left out of every count. A negated match is not moved
to the opposite frame.
"""

from __future__ import annotations

from pathlib import Path

import ahocorasick
import numpy as np
import pandas as pd

from framing.config.lexicons import Lexicon, inflections, load_lexicon
from framing.config.rules import NegationRule, load_negation_rule
from framing.schema import MATCH_COLUMNS, NARRATION, QUOTED
from framing.text import WORD_RE, fold_for_matching, in_spans



def _automaton(lexicons: list[Lexicon]) -> ahocorasick.Automaton:
    entries: dict[str, list[tuple[int, str, bool, list[str]]]] = {}
    for li, lexicon in enumerate(lexicons):
        per_term: dict[str, tuple[int, str, bool, list[str]]] = {}
        for frame, terms in lexicon.frames.items():
            for term in terms:
                wildcard = term.endswith("*")
                key = term[:-1] if wildcard else term
                per_term.setdefault(key, (li, term, wildcard, []))[3].append(frame)
        if lexicon.inflect:  # inflected forms, where no term of the lexicon is written that way
            for frame, terms in lexicon.frames.items():
                for term in terms:
                    for form in (lexicon.forms.get(term) or inflections(term))[1:]:
                        if form not in per_term or per_term[form][1] == term:
                            per_term.setdefault(form, (li, term, False, []))[3].append(frame)
        for key, value in per_term.items():
            entries.setdefault(key, []).append(value)
    automaton = ahocorasick.Automaton()
    for key, values in entries.items():
        automaton.add_word(key, (len(key), tuple((li, term, wildcard, tuple(frames))
                                                 for li, term, wildcard, frames in values)))
    automaton.make_automaton()
    return automaton


def match_frames(
    sentences: pd.DataFrame,
    *,
    quotes: pd.DataFrame,
    lexicon: str | Path | Lexicon | list[str | Path | Lexicon] = "stance",
    negation: NegationRule | None = None,
) -> pd.DataFrame:
    """Find every lexicon term in the sentences.

    Args:
        sentences: The sentences table (``doc_id, sent_id, text, start`` are used).
        quotes: The quotes table of the same documents (``doc_id, start, end``), for voice.
        lexicon: A lexicon name, file or :class:`~framing.config.Lexicon`, or a list of them (all are
            matched in one pass over the text; overlaps are resolved within each lexicon).
        negation: The negation rule; the shipped one by default.

    Returns:
        A new DataFrame, one row per match (a term in several frames of an overlapping lexicon gives a row
        per frame): ``doc_id, sent_id, lexicon, frame, term, match, start, end, voice, negated, negator``.
        ``start``/``end`` are offsets into ``articles.text``; ``match`` is the text as found. Rows come
        document by document (in the order of ``sentences``), lexicon by lexicon within a document, in text
        order within a lexicon.

    Example:
        >>> sents = pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [0, 1], "start": [0, 40],
        ...     "text": ["Xi warned that China will “never allow” it.", "It is not a threat, Xi said."]})
        >>> quotes = pd.DataFrame({"doc_id": ["d"], "start": [26], "end": [39]})
        >>> match_frames(sents, quotes=quotes)[["frame", "match", "voice", "negated"]].values.tolist()
        [['warning', 'warned', 'narration', False], ['warning', 'never allow', 'quoted', False], ['warning', 'threat', 'narration', True]]
    """
    lexicons = lexicon if isinstance(lexicon, list) else [lexicon]
    lexs = [lex if isinstance(lex, Lexicon) else load_lexicon(lex) for lex in lexicons]
    rule = negation or load_negation_rule()
    texts = sentences["text"].astype(str).tolist()
    if not texts:
        return pd.DataFrame(columns=list(MATCH_COLUMNS))
    joined = fold_for_matching("\n".join(texts))
    lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])

    found: list[list[tuple[int, int, str, tuple[str, ...]]]] = [[] for _ in lexs]
    n = len(joined)
    isalnum = str.isalnum
    for end_idx, (key_len, values) in _automaton(lexs).iter(joined):
        start = end_idx - key_len + 1
        if start > 0 and isalnum(joined[start - 1]):
            continue
        base_end = end_idx + 1
        for li, term, wildcard, frames in values:
            end = base_end
            if wildcard:
                while end < n and (isalnum(joined[end]) or (joined[end] in "-'" and end + 1 < n
                                                            and isalnum(joined[end + 1]))):
                    end += 1
            elif end < n and isalnum(joined[end]):
                continue
            found[li].append((start, end, term, frames))
    parts = []
    doc_col, sent_col, start_col = (sentences["doc_id"].to_numpy(), sentences["sent_id"].to_numpy(),
                                    sentences["start"].to_numpy())
    for lex, hits in zip(lexs, found):
        # leftmost-longest, non-overlapping
        hits.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        kept: list[tuple[int, int, str, tuple[str, ...]]] = []
        last_end = -1
        for item in hits:
            if item[0] >= last_end:
                kept.append(item)
                last_end = item[1]
        if lex.exceptions or lex.required:  # exception contexts drop a match; "only" contexts must hold it
            kept = [k for k in kept if not _excepted(joined, k[0], k[1], lex.exceptions.get(k[2], ()))
                    and (k[2] not in lex.required or _excepted(joined, k[0], k[1], lex.required[k[2]]))]
        if not kept:
            continue
        starts = np.fromiter((k[0] for k in kept), dtype=np.int64, count=len(kept))
        sent_idx = np.searchsorted(offsets, starts, side="right") - 1
        local = starts - offsets[sent_idx]
        rows = []
        scope_start = -1  # a negator inside an earlier match ("never allow") negates nothing after that match
        for i, (start, end, term, frames) in enumerate(kept):
            si = sent_idx[i]
            loc = int(local[i])
            match = texts[si][loc:loc + (end - start)]
            negator = _negator(joined[max(offsets[si], scope_start):start], rule) if lex.negation else ""
            if lex.negation and _has_negator(joined[start:end], rule):
                scope_start = end
            a_start = int(start_col[si]) + loc
            for frame in frames:
                rows.append((doc_col[si], int(sent_col[si]), lex.name, frame, term, match, a_start,
                             a_start + len(match), negator))
        parts.append(pd.DataFrame(rows, columns=[c for c in MATCH_COLUMNS if c not in ("voice", "negated")]))
    if not parts:
        return pd.DataFrame(columns=list(MATCH_COLUMNS))
    out = pd.concat(parts, ignore_index=True)
    # document by document (in the order of ``sentences``), lexicon by lexicon, then by position
    doc_rank = pd.Index(pd.unique(sentences["doc_id"])).get_indexer(out["doc_id"])
    lex_rank = out["lexicon"].map({lex.name: i for i, lex in enumerate(lexs)}).to_numpy()
    out = out.iloc[np.lexsort((lex_rank, doc_rank))].reset_index(drop=True)
    out["voice"] = np.where(in_spans(out, quotes), QUOTED, NARRATION)
    out["negated"] = out["negator"] != ""
    return out[list(MATCH_COLUMNS)].astype({"sent_id": "int64", "start": "int64", "end": "int64"})


def _excepted(joined: str, start: int, end: int, contexts: tuple[str, ...]) -> bool:
    """Whether the match ``joined[start:end]`` lies inside one of its term's exception contexts."""
    for context in contexts:
        at = joined.find(context, max(0, end - len(context)), start + len(context))
        while at != -1 and at <= start:
            if at + len(context) >= end and (at == 0 or not joined[at - 1].isalnum()) and (
                    at + len(context) >= len(joined) or not joined[at + len(context)].isalnum()):
                return True
            at = joined.find(context, at + 1, start + len(context))
    return False


def _has_negator(text: str, rule: NegationRule) -> bool:
    return any(w in rule.negators or w.endswith(rule.suffixes) for w in WORD_RE.findall(text))


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

