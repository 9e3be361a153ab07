"""Separate an article's body from scraped boilerplate, line by line, with editable rules.

The rules live in ``framing/data/rules/boilerplate.yaml`` (:mod:`framing.config.rules`) (see that file for the format). Every removed line is
reported with its rule and category, so nothing disappears silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from framing.config.credits import CreditRules
from framing.corpus.credits import find_credits
from framing.config.rules import BoilerplateRule, BoilerplateRules, load_boilerplate_rules
from framing.text import parse_date

# ``BEIJING -``, ``HEMPSTEAD, N.Y., Sept. 26 (UPI) —``; a place in any case only before a credit: ``New York (AFP) –``
_DATELINE_RE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z.'’ -]{1,30}[A-Z.])(?:\s*,\s*(?P<extra>[^-–—:()]{1,40}?))?"
    r"(?:\s*\((?P<credit>[^()]{1,40})\))?"
    r"|(?P<place2>[A-Z][\w.'’ -]{1,30}?)(?:\s*,\s*(?P<extra2>[^-–—:()]{1,40}?))?\s*\((?P<credit2>[^()]{1,40})\))"
    r"\s+[-–—:]{1,2}\s+(?=\S)"
)
_SENTENCE_END = tuple(".!?…") + ("”", '"', "’", "'", ".)")


@dataclass
class CleanText:
    """The result of :func:`clean_text`."""

    paragraphs: list[str]
    title: str | None
    dateline: str | None
    fields: dict[str, str]
    removed: list[dict[str, object]] = field(default_factory=list)


def _match_rule(line: str, rules: BoilerplateRules) -> tuple[BoilerplateRule, re.Match[str]] | None:
    for rule in rules.rules:
        m = rule.pattern.fullmatch(line)
        if m:
            return rule, m
    return None


# a sentence ending inside a line: a lower-case word (not an abbreviation such as Gov. or Sept.) and a stop,
# then a capital ("U.S. Court", "Mary J. Blige" and "Mr. Trump" are no sentence ends)
_INNER_SENTENCE = re.compile(r"(?<![\w.])(?!(?:Gov|Sen|Rep|Gen|Col|Capt|Sgt|Lt|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|"
                             r"Dec|Inc|Corp|Co|Ltd|St|Ave|Blvd|Mt|Prof|No|vs|etc)\b)[A-Za-z]*[a-z]{2}[.!?…][”\"’')]*"
                             r"\s+[A-Z“\"‘']")


def _looks_like_title(line: str, *, own_paragraph: bool = False) -> bool:
    """A headline: 2–30 words and no closing punctuation; or, standing in a paragraph of its own (a blank line
    after it), one sentence of at most 20 words whatever its final punctuation ("Talks to resume.")."""
    words = line.split()
    if not (2 <= len(words) <= 30 and len(line) <= 200):
        return False
    if not line.endswith(_SENTENCE_END):
        return True
    return own_paragraph and len(words) <= 20 and not _INNER_SENTENCE.search(line)


def clean_text(text: str, *, rules: BoilerplateRules | None = None, credits: CreditRules | None = None
               ) -> CleanText:
    """Remove boilerplate lines from scraped article text and pick out title, dateline and metadata lines.

    Each non-empty line that survives is one paragraph. The first paragraph is taken as the title when
    it reads like a headline (2–30 words, no closing punctuation); a later exact repeat of any paragraph
    is removed as a duplicate. A first line in a paragraph of its own (a blank line after it) that is one
    sentence of at most 20 words is a headline too, whatever its final punctuation. A leading ``BEIJING -`` or
    ``BEIJING :`` is moved to ``dateline``.

    Args:
        text: Article text with ``\\n`` line endings.
        rules: Boilerplate rules; the shipped ones by default.
        credits: Credit rules (:func:`~framing.config.credits.load_credit_rules`); when given, wire and source
            credits are read into ``fields["credit"]`` and ``fields["wire"]`` (see :func:`find_credits`).

    Returns:
        A :class:`CleanText` whose ``removed`` lists every dropped line with its 1-based line number,
        rule id and category.

    Example:
        >>> out = clean_text("Xi and Trump talk\\nAdvertisement\\nBEIJING - Xi spoke.\\nComments\\nnice")
        >>> out.title, out.dateline, out.paragraphs
        ('Xi and Trump talk', 'BEIJING', ['Xi and Trump talk', 'Xi spoke.'])
    """
    rules = rules or load_boilerplate_rules()
    kept: list[tuple[int, str]] = []
    removed: list[dict[str, object]] = []
    fields: dict[str, str] = {}
    lines = text.split("\n")
    truncated_by: BoilerplateRule | None = None
    for line_no, raw_line in enumerate(lines, start=1):
        line = " ".join(raw_line.split())
        if not line:
            continue
        hit = _match_rule(line, rules)
        if truncated_by is not None:
            removed.append(_removed(line_no, line, hit[0], "line") if hit and hit[0].action != "metadata"
                           else _removed(line_no, line, truncated_by, "after"))
            continue
        if hit is None:
            kept.append((line_no, line))
            continue
        rule, m = hit
        removed.append(_removed(line_no, line, rule, "line"))
        if rule.action == "truncate":
            truncated_by = rule
        elif rule.action == "metadata":
            value = (m.groupdict().get("value") or m.group(0)).strip()
            fields.setdefault(rule.field or rule.id, value)
            when = parse_date(line)
            if when is not None:
                fields.setdefault("published", when.isoformat())

    paragraphs: list[str] = []
    line_nos: list[int] = []
    seen: set[str] = set()
    for line_no, line in kept:
        if line in seen:
            removed.append({"line_no": line_no, "rule": "duplicate-paragraph", "category": "duplicate",
                            "text": line})
            continue
        seen.add(line)
        paragraphs.append(line)
        line_nos.append(line_no)

    own = bool(line_nos) and line_nos[0] < len(lines) and not lines[line_nos[0]].strip()  # a blank line after it
    title = (paragraphs[0] if paragraphs and len(paragraphs) > 1 and _looks_like_title(paragraphs[0], own_paragraph=own)
             else None)
    dateline = None
    first_body = 1 if title else 0
    if len(paragraphs) > first_body:
        m = _DATELINE_RE.match(paragraphs[first_body])
        if m:
            dateline = (m.group("place") or m.group("place2")).strip()
            paragraphs[first_body] = paragraphs[first_body][m.end():]
            if m.group("credit") or m.group("credit2"):
                fields["dateline_credit"] = (m.group("credit") or m.group("credit2")).strip()
    if credits is not None:
        paragraphs, line_nos = find_credits(paragraphs, line_nos, fields, credits, removed,
                                            first_body=first_body)
    removed.sort(key=lambda r: int(r["line_no"]))  # type: ignore[arg-type]
    return CleanText(paragraphs, title, dateline, fields, removed)


def _removed(line_no: int, line: str, rule: BoilerplateRule, how: str) -> dict[str, object]:
    rule_id = rule.id if how == "line" else f"{rule.id} (after)"
    return {"line_no": line_no, "rule": rule_id, "category": rule.category, "text": line}

