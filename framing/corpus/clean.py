"""Separate an article's body from scraped boilerplate, line by line, with editable rules.

The rules live in ``framing/data/rules/boilerplate.yaml`` (:mod:`framing.config.rules`) (see that file for the format). Every removed line is
reported with its rule and category, so nothing disappears silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from framing.config.credits import CreditRules
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


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 30 and len(line) <= 200 and not line.endswith(_SENTENCE_END)


def clean_text(text: str, *, rules: BoilerplateRules | None = None, credits: CreditRules | None = None
               ) -> CleanText:
    """Remove boilerplate lines from scraped article text and pick out title, dateline and metadata lines.

    Each non-empty line that survives is one paragraph. The first paragraph is taken as the title when
    it reads like a headline (2–30 words, no closing punctuation); a later exact repeat of any paragraph
    is removed as a duplicate. A leading ``BEIJING -`` or ``BEIJING :`` is moved to ``dateline``.

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

    title = paragraphs[0] if paragraphs and len(paragraphs) > 1 and _looks_like_title(paragraphs[0]) else None
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


def find_credits(paragraphs: list[str], line_nos: list[int], fields: dict[str, str], credits: CreditRules,
                 removed: list[dict[str, object]], *, first_body: int = 0) -> tuple[list[str], list[int]]:
    """Read wire and source credits into ``fields["credit"]`` and ``fields["wire"]``; drop credit-only lines.

    The evidence, in order: the dateline's parenthetical (``WASHINGTON (AP) —``), each credit form of
    ``credits`` in its place (the two paragraphs after the title, the last two, or anywhere), and a ``Source:``
    line already read into ``fields["credit"]``. Agencies come first in ``credit`` (``"AP; Reuters"``); a
    credit that names no agency (a hat tip, ``Source: BBC``) is kept with ``wire`` false.

    Returns:
        The paragraphs without the credit-only lines a form removes, and their line numbers; each removed line
        is appended to ``removed`` with rule ``credit-<form id>`` and category ``credit``.

    Example:
        >>> from framing.config.credits import load_credit_rules
        >>> fields = {"dateline_credit": "AP"}
        >>> paras, _ = find_credits(["Text.", "The Associated Press contributed to this report."], [1, 2],
        ...                         fields, load_credit_rules(), [])
        >>> paras, fields["credit"], fields["wire"]
        (['Text.'], 'AP', 'true')
    """
    agencies: list[str] = []
    others: list[str] = []

    def credit(text: str | None, agency: str | None = None) -> None:
        agency = agency or credits.agency_of(text)
        if agency is not None:
            agencies.append(agency)
        elif text and text.strip(" .:;,-–—"):
            others.append(text.strip(" .:;,-–—"))

    credit(fields.get("dateline_credit"))
    n = len(paragraphs)
    regions = {"lead": set(range(first_body, min(first_body + 2, n))), "end": set(range(max(first_body, n - 2), n)),
               "any": set(range(n))}
    drop: set[int] = set()
    for form in credits.forms:
        for i in sorted(regions[form.where] - drop):
            m = form.pattern.search(paragraphs[i])
            if m is None:
                continue
            groups = m.groupdict()
            credit(groups.get("credit") or groups.get("agency"), form.agency or (
                credits.agencies.get(groups["agency"].lower()) if groups.get("agency") else None))
            if form.remove and m.start() == 0 and m.end() == len(paragraphs[i]) and len(paragraphs) - len(drop) > 1:
                drop.add(i)
                removed.append({"line_no": line_nos[i], "rule": f"credit-{form.id}", "category": "credit",
                                "text": paragraphs[i]})
    credit(fields.get("credit"))
    found = list(dict.fromkeys(agencies)) or list(dict.fromkeys(others))
    if found:
        fields["credit"] = "; ".join(found)
    fields["wire"] = "true" if agencies else "false"
    keep = [i for i in range(n) if i not in drop]
    return [paragraphs[i] for i in keep], [line_nos[i] for i in keep]
