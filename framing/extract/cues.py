"""Whether a reporting-verb form found in a sentence is used as a cue, and whether a quotation is speech."""

from __future__ import annotations

import re

from framing.extract.speakers import _DETERMINERS, _PREPOSITIONS, is_title_case, previous_word

# cues whose passive reports no one's words or position: "is called", "was found", "was supported by"
_PASSIVE_NO_CUE = frozenset({"call", "call for", "show", "find", "support", "oppose"})
# pronouns whose "'s" is "has" or "is", never a possessive: "She's said", "it's reported"
_CONTRACTED = frozenset({"he", "she", "it", "that", "there", "who", "what"})
# cue lemmas that are nouns too, and a determiner and one or two lower-case words just before a form
_NOUN_TOO = frozenset({"report", "claim", "comment", "tweet", "post", "promise", "note", "reply", "answer", "estimate",
                       "pledge", "vow", "forecast", "statement"})
_DET_ADJ = re.compile(r"\b(\w+)\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]*)\s+$")
_VERB_NEXT = re.compile(r"\s+(?:[a-z]+ed|show|shows|said|says|found|finds|is|was|are|were|has|had)\b")


def not_a_cue(text: str, cm: re.Match[str], lemma: str) -> bool:
    """Whether a cue form found in a sentence is used as something else.

    Example:
        >>> import re
        >>> [not_a_cue(t, re.search(w, t), l) for t, w, l in [
        ...     ("The Trump Show aired.", "Show", "show"), ("the warning was clear", "warning", "warn"),
        ...     ("The October report exceeded forecasts.", "report", "report"), ("thanks to Ruiz", "thanks", "thank"),
        ...     ("Ruiz said so.", "said", "say")]]
        [True, True, True, True, False]
    """
    if not cm.group(0).islower() and text[:cm.start()].strip(" “\"'‘") and not is_title_case(text):
        return True  # "The Trump Show": within a sentence a cue is written in lower case (unless all words are)
    if text[max(0, cm.start() - 1):cm.start()] in ("<", "/") or text[cm.end():cm.end() + 1] in (">", "/"):
        return True  # "<tweet id=…>", "</tweet>": markup left in the text, not words
    prev = previous_word(text, cm.start()).lower()
    adjacent = text[:cm.start()].rstrip().lower().endswith(prev)  # no punctuation between: not 'that,” said'
    if prev in _DETERMINERS and adjacent:
        return True  # "the warning", "a report": a noun
    if prev.endswith(("’s", "'s")) and adjacent and not cm.group(0).lower().endswith(("ed", "ing")) and \
            prev[:-2] not in _CONTRACTED:
        return True  # "Obama’s promises", "Alwaleed's tweet": a noun after a possessive (not "she's said")
    if cm.group(0).lower() == lemma and lemma in _NOUN_TOO and (two := _DET_ADJ.search(text, 0, cm.start())) and \
            two.group(1).lower() in _DETERMINERS and not two.group(2).endswith("s"):
        return True  # "a new report from …", "the latest claim": a noun after a determiner and adjectives
    if cm.group(0).lower() in ("report", "reports") and _VERB_NEXT.match(text, cm.end()):
        return True  # "The October report exceeded …", "G-III reports show": a noun
    after = text[cm.end():]
    if cm.group(0).lower() == "say" and (re.match(r"\s+(?:in|over)\b", after) or
                                         prev in ("larger", "bigger", "greater", "final", "equal", "more", "little", "no")):
        return True  # "a larger say than", "no say in": a noun
    if lemma in ("report", "contribute") and re.match(r"\s+(?:reporting\s+)?from\s+[A-Z][^;:“”\"]{0,60}$", after):
        return True  # "Ryan Grim reported from Washington, D.C.": a reporter's credit line
    if lemma == "show" and re.match(r"\s+up\b", after):
        return True  # "people show up"
    if lemma in ("show", "find") and re.match(r"\s+(?:him|her|it|them|my|his|its|their|no|a|an)self|\s+no\s", after):
        return True  # "found himself in a bind", "showed no sign of": no finding is reported
    if lemma in _PASSIVE_NO_CUE and prev in ("is", "was", "are", "were", "be", "been", "being"):
        return True  # "The video is called No Respite", "Texas was called for Cruz", "was supported by"
    if lemma == "continue" and not re.match(r"\s*(?:[,.:;!?]|$|that\b)", after):
        return True  # "continued to rise", "continues the policy": not "“…,” he continued."
    return lemma == "thank" and re.match(r"\s+(?:to|in part)\b", after) is not None  # "thanks to"


def is_title_quote(text: str, quote_start: int) -> bool:
    """Whether a quotation is a title after a preposition ("an appearance on “Morning Joe,”"), not speech."""
    return quote_start > 0 and previous_word(text, quote_start).lower() in _PREPOSITIONS
