"""Who stands before a reporting cue: actor mentions, names, appositives, pronouns and source phrases.

The helpers here read at most a bounded window of text before a cue, so their cost does not grow with the
length of one token or sentence (a 1 MB base64 blob in scraped text costs linear time, not quadratic).
"""

from __future__ import annotations

import re

from framing.config.actors import Mention
from framing.extract.document import PRONOUNS, Document
from framing.extract.names import CALENDAR
from framing.text import count_words

#: The widest span (in characters) read before a cue for a speaker's name, title or pronoun.
WINDOW = 240

_PRONOUN_FORMS = {*PRONOUNS, *(p.capitalize() for p in PRONOUNS)}

_SKIP_BEFORE = {"has", "have", "had", "also", "recently", "long", "further", "repeatedly", "often",
                "previously", "then", "once", "again", "earlier", "later", "already", "initially", "publicly",
                "privately", "separately", "subsequently", "reportedly", "would", "will", "could", "did", "does",
                "quickly", "swiftly", "firmly", "has long", "not", "never", "even", "still", "may", "might", "can",
                "should", "must", "do", "didn’t", "didn't", "doesn’t", "doesn't", "won’t", "won't", "is", "was"}

_PREPOSITIONS = {"to", "with", "for", "of", "on", "about", "from", "by", "between", "against", "at", "in",
                 "into", "toward", "towards", "over", "after", "before", "than", "as", "like"}

#: Words that open a clause, not a source's noun phrase ("After campaign aides said", "where experts say").
_LEADING = {"after", "while", "when", "where", "what", "which", "who", "whom", "because", "since", "although",
            "though", "if", "as", "but", "so", "that", "had", "has", "have", "with", "than",
            "even", "once", "until", "unless", "whether", "before", "why", "how"}
_OPENERS = frozenset({"But", "And", "So", "Yet", "Or", "Still", "Then"})  # "But HarperCollins said", "And Smith said"

_DOCUMENT_NOUN = re.compile(r"\b(?:statement|readout|communiqu[eé]|release|post|letter|memo|report)s?$", re.IGNORECASE)
_CALENDAR = CALENDAR | {"Today", "Yesterday", "Just", "So", "Then", "Now", "Still", "Also", "Even", "Only", "Perhaps",
                        "Maybe", "Yet", "Instead", "Meanwhile", "However", "Indeed", "Later", "Earlier", "Here",
                        "There"}  # capitalised, but no speaker: "Just ask him."
_OF_LIKE = {"of", "for", "from", "at", "with", "in"}  # "officials in Beijing"; not "… a hotel in New York"

_QUANTITY = {"most", "many", "some", "several", "few", "all", "both", "two", "three", "four", "five", "other", "more"}
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "our", "my",
                "your", "no", "any", "such"}

_CAP_NP = re.compile(r"((?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*)\s*$")
# an unnamed source or a document written as a common noun phrase: "a senior official familiar with the talks",
# "two people briefed on the matter", "the statement"
_SOURCE_NOUNS = (r"officials?|sources?|spokes(?:man|woman|person|people)|aides?|diplomats?|people|insiders?|"
                 r"analysts?|experts?|observers?|critics?|advis[eo]rs?|lawmakers?|staffers?|negotiators?|"
                 r"residents?|witnesses?|statement|readout|communiqu[eé]|editorial|commentary|polls?|surveys?|stud(?:y|ies)|"
                 r"reports?|data|analys[ie]s|documents?|records|e-?mails|memos?|filings?|campaign|spokes\w+")
_SOURCE_NOUN = re.compile(_SOURCE_NOUNS, re.IGNORECASE)
_SOURCE_NP = re.compile(
    r"(?:^|(?<=[\s;:(])|(?<=\D,))((?:(?:an?|the|some|two|three|four|several|many|other|one|multiple)\s+)?"
    r"(?:[\w.’'-]+(?:,\d{3})*\s+){0,3}?"
    r"(?:" + _SOURCE_NOUNS + r")"
    r"(?:,?\s+(?:familiar|close|briefed|with knowledge|who|involved|speaking|requesting|granted)\b[^;:“”\"]{0,80}?)?)"
    r",?\s*$", re.IGNORECASE)


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
    """The speaker written just before a cue: (as written, actor ids or (), start offset).

    A name after "of", "for", "from", "at" or "with" is part of a larger phrase: "a spokesman for Clinton" is
    the speaker when the phrase before the preposition is a source ("the popularity of Mr. Trump" is none)."""
    spk = _speaker_before(text, cue_start, mentions)
    if spk is None:
        return None
    prev = previous_word(text, spk[2])
    if prev.lower() not in _OF_LIKE or not text[:spk[2]].rstrip().endswith(prev):
        return spk
    outer = _speaker_before(text, len(text[:spk[2]].rstrip()) - len(prev), mentions)
    if outer is None or outer[2] >= spk[2]:
        return None
    # "a statement from the ministry" speaks for the ministry; "a spokesman for Clinton" is not Clinton
    ids = outer[1] or (spk[1] if _DOCUMENT_NOUN.search(outer[0]) else ())
    return text[outer[2]:spk[2] + len(spk[0])], ids, outer[2]


def _speaker_before(text: str, cue_start: int, mentions: list[tuple[Mention, tuple[str, ...]]]
                    ) -> tuple[str, tuple[str, ...], int] | None:
    end = cue_start
    while True:
        head = text[:end].rstrip()
        at, word = last_word(head)
        if word and (word.lower() in _SKIP_BEFORE or (word.islower() and len(word) >= 4 and word.endswith("ly")
                                                       and word not in _LY_NOUNS)):  # "Trump jokingly said", "Smith only said"
            end = at
            continue
        break
    head = text[:end].rstrip()
    if head.endswith(("’s", "'s")) and re.match(r"\w+(?:ed|ing)\b", text[cue_start:cue_start + 40]):
        head = head[:-2]  # "Trump’s warned", "Trump's saying": "has" and "is", not a possessive
    party = _PARTY_TAG.search(head, max(0, len(head) - 110))
    if party:  # "Sen. Elizabeth Warren (D-MA) said": the tag is not the speaker
        head = head[:party.start()].rstrip()
    if dashed := _DASHED.search(head, max(0, len(head) - 200)):
        return _speaker_before(text, dashed.start(), mentions)  # "Donald Trump - who once said … - said"
    appositive = head.endswith(",")
    if appositive:  # "Taiwan’s leader, Lai Ching-te, told": only a known actor may stand before the comma
        head = head[:-1].rstrip()
    for m, ids in reversed(mentions):
        if m.end == len(head):
            if appositive and previous_word(text, m.start).lower() in _PREPOSITIONS:
                break  # "…, speaking in Moscow, said": a place, not the speaker
            start = m.start
            # extend back over titles/appositions of the same actor: "Taiwan’s leader, Lai Ching-te"
            for prev, prev_ids in reversed(mentions):
                if prev.end <= start and set(prev_ids) & set(ids) and not text[prev.end:start].strip(" ,"):
                    start = prev.start
            return text[start:len(head)], ids, start
    if appositive:  # "Joe Maloy, a Republican from the Concord area, said": the name before the appositive
        return _appositive(head)
    at, word = last_word(head)
    bare = re.sub(r"[’'](?:s|ve|d|ll)$", "", word)  # "He's warned", "They've said": the pronoun, not "He's"
    if bare in _PRONOUN_FORMS:
        return bare, (), at
    if word == "who" and head[:at].rstrip().endswith((",", "-", "—", "–")):  # "…, Ann Ruiz, who chairs the board, said": no
        antecedent = _speaker_before(text, len(head[:at].rstrip()) - 1, mentions)
        if antecedent is not None:  # "the mayor, who said the fee was fair": the mayor
            return antecedent
    offset = max(0, len(head) - WINDOW)  # a name is a few words: read a bounded window, not the whole head
    np_ = _CAP_NP.search(head, offset)
    if np_:
        words = np_.group(1).split()
        if words and words[-1][:1].isupper() and not set(words) <= _CALENDAR and (
                words[0].lower() not in _DETERMINERS | _PREPOSITIONS
                or (words[0].lower() == "the" and len(words) > 1 and words[1].isupper())):  # "The FBI"
            if len(words) > 1 and (words[0] in _OPENERS or words[0].lower() in _LEADING):  # "But HarperCollins", "Because Ann Ruiz"
                return " ".join(words[1:]), (), head.index(words[1], np_.start(1))
            return np_.group(1), (), np_.start(1)
    source = _SOURCE_NP.search(head, offset)
    if source and previous_word(head, source.start(1)).lower() not in _PREPOSITIONS:
        phrase = source.group(1)
        words = phrase.split()
        noun = next((i for i, w in enumerate(words) if _SOURCE_NOUN.fullmatch(w.strip(",.’'"))), len(words) - 1)
        cut = max((i + 1 for i, w in enumerate(words[:noun]) if w.lower() in _LEADING | {"and", "or"}), default=0)
        # "… was close most residents" -> "most residents": the phrase starts at its determiner or quantifier
        cut = min((i for i, w in enumerate(words[:noun]) if i >= cut and w.lower() in _DETERMINERS | _QUANTITY),
                  default=cut)
        # "While his advisers" -> "his advisers"; "engaging in what analysts" -> "analysts"
        start = source.start(1) + len(" ".join(words[:cut])) + (1 if cut else 0)
        return head[start:source.end(1)].rstrip(" ,"), (), start
    general = _GENERAL_NP.search(head, offset)
    if general:  # "Several senators", "That person", "Trump's opponents", "the Senate Democratic leader"
        return general.group(1), (), general.start(1)
    return None

_SPEECH = frozenset({"say", "tell", "add", "note", "write", "argue", "explain", "insist", "claim", "ask", "respond",
                     "reply", "tweet", "announce", "acknowledge"})

_DASHED = re.compile(r"\s[-—–]\s[^-—–“”\"]{1,150}\s[-—–]$")
_LY_NOUNS = frozenset({"rally", "family", "ally", "assembly", "supply", "daily", "weekly", "monthly", "italy", "july",
                       "anomaly", "monopoly", "bully"})


def clause_subject(text: str, cue_start: int, lemma: str) -> tuple[str, tuple[str, ...], int] | None:
    """The whole clause before a speech cue, when no rule above reads a speaker there: "A woman who has
    accused him said", "Six in 10 Virginia voters said" (at most 12 words, ending in a noun-like word).

    Example:
        >>> clause_subject("Six in 10 Virginia voters said Clinton is honest.", 26, "say")
        ('Six in 10 Virginia voters', (), 0)
        >>> clause_subject("Six in 10 Virginia voters believe Clinton is honest.", 26, "believe") is None
        True
    """
    if lemma not in _SPEECH:
        return None
    head = text[:cue_start].rstrip()
    while (last := last_word(head))[1].lower() in _SKIP_BEFORE and last[1]:
        head = head[:last[0]].rstrip()  # "Republican opponents have said"
    if party := _PARTY_TAG.search(head, max(0, len(head) - 110)):
        head = head[:party.start()]
    if head.endswith(",") and (apposed := re.search(r",\s+[a-z0-9][^,;:“”\"]{1,100},$", head)):
        head = head[:apposed.start()]  # "Numerous veterans interviewed at rallies, including Mr. Jebens, said"
    clause = _CLAUSE_SUBJECT.search(head, max(0, len(head) - 160))
    if clause is None:
        return None
    words, start = clause.group(1).split(), clause.start(1)
    if len(words) > 1 and words[0] in _OPENERS:  # "But several GOP leaders said"
        start = head.index(words[1], start)
        words = words[1:]
    last = words[-1].lower()
    quantity = len(words) > 1 and words[1][:1].isdigit()  # "About 9 percent said", "Over 60 percent say"
    if (words[0].lower() in _LEADING | _PREPOSITIONS | {"it", "there", "this"} or words[0] in _CALENDAR) and not quantity or \
            len(words) > 12 or \
            (last.endswith(("ed", "ing", "ly")) and last not in _LY_NOUNS) or last in _SKIP_BEFORE | _DETERMINERS | _PREPOSITIONS | _LEADING:
        return None
    return head[start:clause.end(1)], (), start

# a party tag or any short parenthesis after the speaker: "Sen. Ann Bell (D-Ore.)", "29 percent (and 43 percent of …)"
_PARTY_TAG = re.compile(r"\s*\([^()]{1,100}\)$")
# a determinate noun phrase at a clause start: a determiner, quantifier or possessive, then up to four words
# ending in a lower-case noun ("the Senate Democratic leader", "Several senators", "Trump's opponents")
_QUANTIFIERS = (r"(?:(?:about|nearly|almost|roughly|only|just|more\s+than|fewer\s+than|less\s+than|at\s+least)\s+)?"
                r"(?:the|a|an|some|many|most|several|few|two|three|four|five|six|seven|eight|nine|ten|"
                r"one|another|other|that|this|these|those|his|her|their|its|our|half|three-quarters|two-thirds|"
                r"[\w.-]+[’']s)")
_GENERAL_NP = re.compile(r"(?:^|(?<=^[“\"'])|(?<=[,;:”\"']\s)|" + "|".join(rf"(?<=\b{w}\s)" for w in (
                             "and", "but", "which", "who", "that", "And", "But", "while", "whereas",
                             "While", "Whereas")) + ")"
                         r"((?:" + _QUANTIFIERS + r")\s+(?:[\w’'-]+\s+){0,3}(?!(?:also|who|which|that|not|never|"
                         r"has|have|had|was|were|is|are|be|been|will|would|could|did|does|of|to|in|for|with|the|an)\b)"
                         r"[a-z][a-z-]*[a-z])$",
                         re.IGNORECASE)
# everything from a clause start to the cue, when it opens with a capital, a number or a quantifier
_CLAUSE_SUBJECT = re.compile(r"(?:^|(?<=[,;:—–-]\s)|(?<=\b[Aa]nd\s)|(?<=\b[Bb]ut\s)|(?<=\b[Ww]hile\s)|"
                             r"(?<=\b[Ww]hereas\s))((?:\d{1,3}(?:,\d{3})+|[A-Z0-9]|(?:many|most|some|several|"
                             r"few|numerous|other|one|two|three|about|nearly|almost|roughly|at\s+least|more\s+than|only|"
                             r"just|a\s+full|fully|"
                             r"half|a\s+majority|a\s+dozen|all|both|the|a|an|his|her|their|its|another)\b)"
                             r"(?:[^,;:“”\"()]|(?<=\d),(?=\d{3}\b)){2,120})$")  # "Over 9,000 voters"
# a name at a clause start, then ", " and an appositive in lower case, a number or a relative clause
_APPOSED = re.compile(r"(?:^|(?<=[”\"']\s)|(?<=\b(?:and|but|But|And)\s)|(?<=,\s))"
                      r"((?:(?:[A-Z][\w’'.-]*|de|van|von|al)\s+){0,4}[A-Z][\w’'.-]*[a-z][\w’'.-]*)"
                      r"(?:\s+of\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)?,\s+"
                      r"(?=[a-z0-9]|(?:[A-Z][\w.’'-]*\s+){1,3}[a-z])")

_NP_APPOSED = re.compile(r"(?:^|(?<=[;:]\s)|(?<=\b(?:and|but|But|And)\s))"
                         r"((?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|One|Another|Some|Several|Many|Most|Two|"
                         r"Three|Four|Five|[0-9]+)\s+(?:[\w’'-]+\s+){0,3}[a-z][a-z-]*[a-z]),\s+"
                         r"(?:[a-z][^,;:“”\"]{2,100}|[0-9]{1,3}),?$")


def _appositive(head: str) -> tuple[str, tuple[str, ...], int] | None:
    offset = max(0, len(head) - WINDOW)
    for m in _APPOSED.finditer(head, offset):
        rest = head[m.end():]
        if _open_quote(rest) or count_words(rest) > 30:  # "Smith, you are wrong,” Jones": inside a quotation
            continue
        words = m.group(1).split()
        if words[0].lower() in _LEADING and len(words) > 1:  # "While Smith, a Republican, said": Smith
            start = m.start(1) + m.group(1).index(words[1], len(words[0]))
            return head[start:m.end(1)], (), start
        if words[0].lower() in _DETERMINERS | _PREPOSITIONS | _LEADING:
            continue
        return m.group(1), (), m.start(1)
    # "“He deserved it,” the assailant, John McGraw, told": a name set off by commas after a noun phrase
    name = re.search(r"(?<=,\s)((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*[a-z])$", head)
    if name and re.search(r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[\w.-]+[’']s)\s+[\w’'\s-]{1,40},\s$",
                          head[:name.start(1)]):  # "His campaign manager, Jeff Weaver, said"
        return name.group(1), (), name.start(1)
    # "The newspaper, long a vocal advocate of immigration reform, writes": a common noun phrase at a clause
    # start, then an appositive in lower case
    np_ = _NP_APPOSED.search(head, offset)
    if np_ and not re.search(r"[“”\"]", head[np_.end():]):
        return np_.group(1), (), np_.start(1)
    return None


def _open_quote(text: str) -> bool:
    """Whether ``text`` opens or closes a quotation it does not close or open ("“a sham” last year" does not)."""
    return text.count("“") != text.count("”") or text.count('"') % 2 == 1


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

# an inverted speaker after the cue: "…,” said Sen. Claire McCaskill", "said Huckabee spokeswoman Alice Stewart"
INVERTED = re.compile(r"\s+((?:[A-Z][\w’'.-]*\s+|(?:spokes(?:man|woman|person)|aide|adviser|advisor|"
                       r"strategist|senator|official|director|chairman|chairwoman|president|activist|analyst|"
                       r"conservative|liberal|Republican|Democratic|political|economist|professor|pollster|"
                       r"consultant|lawyer|attorney|executive|founder|leader|organizer|candidate|"
                       r"lawmaker|congressman|congresswoman|governor|mayor|historian)\s+){0,5}[A-Z][\w’'.-]*)")
# "“…,” said a senior Cruz adviser.": a noun phrase without a verb (not "…,” said the plan would fail.")
INVERTED_NP = re.compile(r"\s+((?:a|an|the|his|her|their|its|one|two|three|several|many)(?:\s+(?!(?:would|will|could|"
                         r"should|can|may|might|must|is|are|was|were|be|been|has|have|had|did|does|not)\b)"
                         r"[^\s,.;:“”\"]+){1,12}?)(?=\s*(?:[,.;]|$))", re.IGNORECASE)
# a name opening the sentence and followed by a verb in lower case: the subject of a later participle
OPENING_NAME = re.compile(r"\s*(?:[A-Z][^,;:“”\"]{0,40},\s+)?(?:(He|She|They|We|I)\b|((?:[A-Z][\w’'.-]+\s+){0,3}"
                          r"[A-Z][\w’'-]*[a-z])\s+(?:has\s+|had\s+|also\s+)?[a-z]+(?:ed|s)\b)")
NOT_OPENING = frozenset("The A An In On At For And But If As When While After Before This That These Those It "
                         "There Here What Why How Some Many Most Over Of To With By From Under Into Vs".split())


def name_end(name: str) -> str:
    """A name read after the cue without the sentence's full stop ("said Ana Ruiz." -> "Ana Ruiz"; "Jr." stays)."""
    return name[:-1] if name.endswith(".") and not re.search(r"(?:\b[A-Z]|Jr|Sr|St)\.$", name) else name

# the small words a headline in title case keeps in lower case: "Xi Urges Trump to Act Prudently on US Arms Sales"
_TITLE_SMALL = frozenset({"a", "an", "the", "and", "or", "of", "on", "in", "to", "for", "at", "by", "with", "as", "vs"})


def is_title_case(text: str) -> bool:
    """Whether every word is capitalised but the small ones (a headline: "Farmers Warn Of Rising Costs")."""
    return all(w[0].isupper() or w[0].isdigit() or w in _TITLE_SMALL for w in re.findall(r"\w[\w’'-]*", text))
