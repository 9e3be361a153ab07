"""Sentence sentiment: TextBlob's PatternAnalyzer, computed faster with identical results.

``TextBlob(text).sentiment`` tokenizes the text with pattern's ``find_tokens`` and then walks the tokens
with ``Sentiment.assessments`` (known words, modifiers such as "very", negations such as "not", "!",
emoticons). This module keeps TextBlob's tokenizer and lexicon as they are, and replaces only the walk with
an equivalent one over precomputed tables: the same arithmetic in the same order, so the numbers are the
same to the last bit. The tokenizer is pattern's ``find_tokens`` step for step, except that splitting one
whitespace-separated token into word and punctuation (a pure function of that token) is remembered. It also
skips sentences in which no lexicon word or emoticon can occur (their score is exactly (0.0, 0.0)), and
scores each distinct sentence once.
``tests/test_sentiment.py`` and the benchmark check equality with TextBlob on every sentence they see.
"""

from __future__ import annotations

import re
from functools import cached_property

import ahocorasick
import pandas as pd

from framing.schema import SENTIMENT_COLUMNS


class PatternScorer:
    """TextBlob's PatternAnalyzer (polarity, subjectivity), fast and exact. Build once, call many times.

    Example:
        >>> scorer = PatternScorer()
        >>> scorer("Trump described the call as excellent."), scorer("The talks were not very good!")
        ((1.0, 1.0), (-0.33653846153846145, 0.46153846153846156))
    """

    def __init__(self) -> None:
        from textblob import _text, en
        from textblob._text import EMOTICONS, PUNCTUATION

        lexicon = en.sentiment
        if dict.__len__(lexicon) == 0:
            lexicon.load()
        self._text = _text
        self._reference_tokenize = lexicon.tokenizer
        self._split_cache: dict[str, tuple[list[str], list[str]]] = {}
        self._replacements = [(re.compile(a), b) for a, b in _text.replacements.items()]
        self._edge_chars = frozenset(_text.PUNCTUATION + ".")
        self._lead = tuple(_text.PUNCTUATION.replace(".", ""))
        self._trail = self._lead + (".",)
        # RE_EMOTICONS only changes a sentence where an emoticon is written with spaces inside (": (" → ":("),
        # so some pair of its consecutive characters stands as "c1 c2"; elsewhere the substitution is a no-op
        pairs = {f"{face[k]} {face[k + 1]}" for faces in EMOTICONS.values() for face in faces
                 for k in range(len(face) - 1)}
        self._spaced_face = re.compile("|".join(re.escape(p) for p in sorted(pairs)))
        self._negations = frozenset(lexicon.negations)
        self._modifier = lexicon.modifier
        self._punctuation = PUNCTUATION
        # known word -> (polarity, subjectivity, intensity, may modify the next word); only words with a
        # part-of-speech-free (None) entry are "known" to assessments() when called on plain text
        self._known: dict[str, tuple[float, float, float, bool]] = {}
        for word, by_pos in dict.items(lexicon):
            if None in by_pos:
                p, s, i = by_pos[None]
                self._known[word] = (p, s, i, any(m in by_pos for m in lexicon.modifiers))
        self._emoticons: dict[str, float] = {}
        for (_kind, polarity), faces in EMOTICONS.items():
            for face in faces:
                self._emoticons.setdefault(face.lower(), polarity)

    @cached_property
    def _prefilter(self) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        for key in self._known:
            automaton.add_word(key, len(key))
        automaton.make_automaton()
        return automaton

    @cached_property
    def _faces(self) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        for key in [*self._emoticons, "(!)"]:
            automaton.add_word(key, len(key))
        automaton.make_automaton()
        return automaton

    def _split_token(self, t: str) -> tuple[list[str], list[str]]:
        """pattern's find_tokens inner loop for one whitespace token: (leading pieces, word and tail)."""
        tx = self._text
        punctuation = self._lead
        replace, abbreviations = tx.replacements, tx.ABBREVIATIONS
        head: list[str] = []
        tail: list[str] = []
        while t.startswith(punctuation) and t not in replace:
            if t.startswith(punctuation):
                head.append(t[0])
                t = t[1:]
        while t.endswith(self._trail) and t not in replace:
            if t.endswith(punctuation):
                tail.append(t[-1])
                t = t[:-1]
            if t.endswith("..."):
                tail.append("...")
                t = t[:-3].rstrip(".")
            if t.endswith("."):
                if (t in abbreviations or tx.RE_ABBR1.match(t) is not None or tx.RE_ABBR2.match(t) is not None
                        or tx.RE_ABBR3.match(t) is not None):
                    break
                else:
                    tail.append(t[-1])
                    t = t[:-1]
        rest = ([t] if t != "" else []) + list(reversed(tail))
        return head, rest

    def _tokenize(self, string: str) -> list[str]:
        """pattern's ``find_tokens(string)`` with the default settings TextBlob uses, step for step."""
        tx = self._text
        eos = tx.EOS
        for pattern, replacement in self._replacements:
            string = pattern.sub(replacement, string)
        string = (string.replace("“", " “ ").replace("”", " ” ").replace("‘", " ‘ ").replace("’", " ’ ")
                  .replace("'", " ' ").replace('"', ' " '))
        string = string.replace("\r\n", "\n")
        string = re.sub(r"\n{2,}", " %s " % eos, string)
        string = re.sub(r"\s+", " ", string)
        tokens: list[str] = []
        cache = self._split_cache
        edge = self._edge_chars
        for t in tx.TOKEN.findall(string + " "):
            if len(t) > 0:
                if t[0] not in edge:
                    last = t[-1]
                    if last not in edge:  # a plain word: nothing to split off
                        tokens.append(t)
                        continue
                    if last != "." and t[-2] not in edge:  # a word and one mark ("said,"): split it off
                        tokens.append(t[:-1])
                        tokens.append(last)
                        continue
                parts = cache.get(t)
                if parts is None:
                    parts = cache[t] = self._split_token(t)
                tokens.extend(parts[0])
                tokens.extend(parts[1])
        flat = " ".join(t for t in tokens if t != eos)
        if not tx.RE_SARCASM.search(flat) and not self._spaced_face.search(flat):
            # neither per-sentence substitution below can match anywhere, so sentence boundaries do not
            # change the tokens: the flat stream is the answer
            return [flat] if flat else []
        sentences: list[list[str]] = [[]]
        i, j = 0, 0
        closers = frozenset(("'", '"', "”", "’", "...", ".", "!", "?", ")", eos))
        enders = frozenset(("...", ".", "!", "?", eos))
        while j < len(tokens):
            if tokens[j] in enders:
                while j < len(tokens) and tokens[j] in closers:
                    if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                        break
                    j += 1
                sentences[-1].extend(t for t in tokens[i:j] if t != eos)
                sentences.append([])
                i = j
            j += 1
        sentences[-1].extend(tokens[i:j])
        joined = (" ".join(s) for s in sentences if len(s) > 0)
        joined = (tx.RE_SARCASM.sub("(!)", s) if "!" in s else s for s in joined)
        spaced = self._spaced_face.search
        return [tx.RE_EMOTICONS.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), s) if spaced(s) else s
                for s in joined]

    def _may_score(self, low: str) -> bool:
        """False only when no lexicon word, emoticon or "(!)" can be a token of the (lower-cased) text.

        Tokens are substrings of the text, except that the tokenizer deletes spaces inside emoticons
        (": (" becomes ":(") and sarcasm marks ("( ! )"), so those are looked for with spaces removed.
        """
        compact = "".join(low.split())
        if next(self._faces.iter(compact), None) is not None:
            return True
        n = len(low)
        for end, length in self._prefilter.iter(low):
            start = end - length + 1
            first, last = low[start], low[end]
            left_ok = start == 0 or not low[start - 1].isalnum() or not first.isalnum()
            right_ok = (end + 1 == n or not low[end + 1].isalnum() or not last.isalnum()
                        or low.startswith(("n't", "n’t"), end + 1))
            if left_ok and right_ok:
                return True
        return False

    def __call__(self, text: str) -> tuple[float, float]:
        """Return (polarity, subjectivity) exactly as ``TextBlob(text).sentiment``."""
        return self.score_many([text])[0]

    _SENTINEL = "qqframingsentinelqq"

    def score_many(self, texts: list[str], *, batch: int = 64) -> list[tuple[float, float]]:
        """Score many texts; the tokenizer runs on batches separated by a sentinel paragraph.

        A paragraph break ends a sentence for pattern's tokenizer and the sentinel is a plain word, so each
        text's tokens come out exactly as when it is tokenized alone (tests check this on every sentence).
        Texts that contain a paragraph break or the sentinel are tokenized alone.
        """
        out: list[tuple[float, float]] = [(0.0, 0.0)] * len(texts)
        lowered = [t.lower() for t in texts]
        pending = [i for i, low in enumerate(lowered) if self._may_score(low)]
        alone = [i for i in pending if "\n" in texts[i] or self._SENTINEL in lowered[i]]
        together = [i for i in pending if "\n" not in texts[i] and self._SENTINEL not in lowered[i]]
        for i in alone:
            out[i] = self._score(" ".join(self._tokenize(texts[i])).lower().split())
        separator = f"\n\n{self._SENTINEL}\n\n"
        for start in range(0, len(together), batch):
            chunk = together[start:start + batch]
            # the sentinel comes out as a token of its own, and no text contains it (in any case)
            parts = " ".join(self._tokenize(separator.join(texts[i] for i in chunk))).lower().split(self._SENTINEL)
            if len(parts) == len(chunk):
                for i, part in zip(chunk, parts):
                    out[i] = self._score(part.split())
            else:  # never expected; fall back to one at a time
                for i in chunk:
                    out[i] = self._score(" ".join(self._tokenize(texts[i])).lower().split())
        return out

    def _score(self, words: list[str]) -> tuple[float, float]:
        known, negations, modifier = self._known, self._negations, self._modifier
        punctuation, emoticons = self._punctuation, self._emoticons
        a: list[list[float]] = []  # [polarity, subjectivity, intensity, negated (-1) or not (1)]
        m: str | None = None
        n: str | None = None
        for w in words:
            entry = known.get(w)
            if entry is not None:
                p, s, i, modifies = entry
                if m is None:
                    a.append([p, s, i, 1])
                else:
                    last = a[-1]
                    last[0] = max(-1.0, min(p * last[2], +1.0))
                    last[1] = max(-1.0, min(s * last[2], +1.0))
                    last[2] = i
                if n is not None:
                    a[-1][2] = 1.0 / a[-1][2]
                    a[-1][3] = -1
                m = w if modifies else None
                n = w if w in negations else None
            else:
                if w in negations:
                    n = w
                elif n and len(w.strip("'")) > 1:
                    n = None
                if n is not None and m is not None and modifier(m):
                    a[-1][3] = -1
                    n = None
                elif m and len(w) > 2:
                    m = None
                if w == "!" and len(a) > 0:
                    a[-1][0] = max(-1.0, min(a[-1][0] * 1.25, +1.0))
                if w == "(!)":
                    a.append([0.0, 1.0, 1.0, 1])
                if w.isalpha() is False and len(w) <= 5 and w not in punctuation:
                    face = emoticons.get(w)
                    if face is not None:
                        a.append([face, 1.0, 1.0, 1])
        polarity_sum, subjectivity_sum = 0, 0
        for p, s, _i, negated in a:
            polarity_sum += 1 * (p * -0.5 if negated < 0 else p)
            subjectivity_sum += 1 * s
        count = len(a)
        return polarity_sum / float(count or 1), subjectivity_sum / float(count or 1)


def score_sentiment(sentences: pd.DataFrame, *, scorer: PatternScorer | None = None) -> pd.DataFrame:
    """Score every sentence's polarity (−1…1) and subjectivity (0…1), exactly as TextBlob does.

    Args:
        sentences: A table with ``doc_id, sent_id, text``.
        scorer: A :class:`PatternScorer` to reuse (built once per call otherwise).

    Returns:
        A new DataFrame ``doc_id, sent_id, polarity, subjectivity``.

    Example:
        >>> s = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "text": ["Trump described the call as excellent."]})
        >>> score_sentiment(s)[["polarity", "subjectivity"]].values.tolist()
        [[1.0, 1.0]]
    """
    scorer = scorer or PatternScorer()
    texts = sentences["text"].astype(str).tolist()
    distinct = list(dict.fromkeys(texts))
    scores = dict(zip(distinct, scorer.score_many(distinct)))
    polarity = [scores[t][0] for t in texts]
    subjectivity = [scores[t][1] for t in texts]
    return pd.DataFrame({"doc_id": sentences["doc_id"].to_numpy(), "sent_id": sentences["sent_id"].to_numpy(),
                         "polarity": polarity, "subjectivity": subjectivity}, columns=list(SENTIMENT_COLUMNS))
