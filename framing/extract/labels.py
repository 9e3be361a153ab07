"""A speaker label opening a sentence: "Lynch: No outside influence …", "TAPPER: …", "Rep. Ann Bell (D-Ore.): “…”"."""

from __future__ import annotations

import re

from framing.config.actors import Mention
from framing.extract.speakers import NOT_OPENING
from framing.text import count_words

# a speaker label before a colon that opens a sentence: a name ("Lynch:", "Bernie Sanders:") or a transcript's
# capitals ("TAPPER:"); the words after it are that speaker's
COLON_LABEL = re.compile(r"\s*((?:[A-Z][a-z’'-]+\s+){0,2}[A-Z][a-z’'-]*[a-z]|[A-Z][A-Z’'-]{2,}):\s+(?=\S)")
# a longer label before a quotation: "Republican pollster Daron Shaw: “…”", "Rep. Trey Gowdy (R-S.C.): "…""
_QUOTE_LABEL = re.compile(r"\s*((?:[A-Z][\w’'.-]*\s+|[a-z]+\s+){0,5}[A-Z][\w’'-]*[a-z])(?:\s+\([^()]{1,12}\))?:\s+(?=[“\"]|'')")
NOT_A_LABEL = frozenset("Contributing Continued Twitter Facebook Instagram Email Follow Credit Credits Reporting "
                        "Update Updated Watch Related Read Source Sources Note Editor Photo Video Watch Live Breaking "
                        "Exclusive Opinion Analysis Correction Clarification Disclosure Warning Listen Graphic Map "
                        "Chart Transcript Background Context Summary Bottom Why What How Who When Where Also More "
                        "Plus Question Answer Q A UPDATE WATCH BREAKING EXCLUSIVE READ VIDEO LIVE NOTE PHOTO".split())


def colon_speaker(text: str, mentions: list[tuple[Mention, tuple[str, ...]]]
                  ) -> tuple[str, tuple[str, ...], int, int, int] | None:
    """A speaker label opening a sentence: (label, actor ids, start, colon offset, where the words start).

    Example:
        >>> colon_speaker("Lynch: No outside influence on the inquiry", [])
        ('Lynch', (), 0, 5, 7)
        >>> colon_speaker("In Ohio: turnout was low.", []) is None
        True
    """
    label = COLON_LABEL.match(text) or _QUOTE_LABEL.match(text)
    if label is None or label.group(1) in NOT_A_LABEL or set(label.group(1).split()) & NOT_OPENING or \
            count_words(text[label.end():]) < 3:  # "Rubio: Finish second." is a list, not words of Rubio's
        return None
    ids = next((ids for m, ids in mentions if m.start == label.start(1)), ())
    return label.group(1), ids, label.start(1), label.end(1), label.end()
