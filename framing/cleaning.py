"""Separate an article's body from scraped boilerplate, line by line, with editable rules.

The rules live in ``data/rules/boilerplate.yaml`` (see that file for the format). Every removed line is
reported with its rule and category, so nothing disappears silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml

from framing.errors import ConfigFileError, check_keys
from framing.resources import data_path, read_yaml

ACTIONS = ("drop", "truncate", "metadata")
_RULE_KEYS = {"id", "category", "action", "pattern", "field", "case_sensitive"}
_FILE_KEYS = {"name", "version", "description", "source", "rules"}

_MONTHS = (
    "january february march april may june july august september october november december".split()
)
_MONTH_RE = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_PATTERNS = (
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r",?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\b" + _MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I),
)
_DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,30}[A-Z.])(?:\s*,\s*(?P<extra>[^-–—:]{1,40}?))?\s+[-–—:]{1,2}\s+(?=\S)"
)
_SENTENCE_END = tuple(".!?…") + ("”", '"', "’", "'", ".)")


@dataclass(frozen=True)
class BoilerplateRule:
    """One line rule: a regular expression, what it removes and why."""

    id: str
    category: str
    action: str
    pattern: re.Pattern[str]
    field: str | None = None


@dataclass(frozen=True)
class BoilerplateRules:
    """A versioned set of :class:`BoilerplateRule` loaded from a YAML file."""

    name: str
    version: str
    rules: tuple[BoilerplateRule, ...]
    path: str


@dataclass
class CleanText:
    """The result of :func:`clean_text`."""

    paragraphs: list[str]
    title: str | None
    dateline: str | None
    fields: dict[str, str]
    removed: list[dict[str, object]] = field(default_factory=list)


def load_boilerplate_rules(path: str | Path | None = None) -> BoilerplateRules:
    """Load and validate boilerplate rules.

    Args:
        path: A rules YAML file; ``None`` loads the shipped ``data/rules/boilerplate.yaml``.

    Returns:
        The compiled rules.

    Raises:
        ConfigFileError: For unknown keys, duplicate ids, unknown actions or invalid regular expressions.

    Example:
        >>> rules = load_boilerplate_rules()
        >>> rules.name, any(r.id == "ad-advert" for r in rules.rules)
        ('boilerplate', True)
    """
    path = Path(path) if path is not None else data_path("rules", "boilerplate.yaml")
    try:
        raw = read_yaml(path)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigFileError(f"{path}: cannot read boilerplate rules: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigFileError(f"{path}: expected a mapping with keys {sorted(_FILE_KEYS)}")
    check_keys(raw, _FILE_KEYS, str(path))
    rules: list[BoilerplateRule] = []
    seen: set[str] = set()
    for i, item in enumerate(raw.get("rules") or []):
        where = f"{path}: rule {i + 1}"
        if not isinstance(item, dict):
            raise ConfigFileError(f"{where}: expected a mapping")
        check_keys(item, _RULE_KEYS, where)
        for key in ("id", "category", "action", "pattern"):
            if not item.get(key):
                raise ConfigFileError(f"{where}: missing {key!r}")
        if item["id"] in seen:
            raise ConfigFileError(f"{where}: duplicate rule id {item['id']!r}")
        seen.add(item["id"])
        if item["action"] not in ACTIONS:
            raise ConfigFileError(f"{where}: action {item['action']!r} is not one of {list(ACTIONS)}")
        if item["action"] == "metadata" and not item.get("field"):
            raise ConfigFileError(f"{where}: a metadata rule needs 'field'")
        flags = 0 if item.get("case_sensitive") else re.IGNORECASE
        try:
            pattern = re.compile(str(item["pattern"]), flags)
        except re.error as exc:
            raise ConfigFileError(f"{where}: invalid pattern {item['pattern']!r}: {exc}") from exc
        rules.append(
            BoilerplateRule(str(item["id"]), str(item["category"]), item["action"], pattern, item.get("field"))
        )
    if not rules:
        raise ConfigFileError(f"{path}: no rules")
    return BoilerplateRules(str(raw.get("name", path.stem)), str(raw.get("version", "unversioned")),
                            tuple(rules), str(path))


def parse_date(text: str) -> date | None:
    """Find the first date in ``text`` in a format news sites use.

    Recognises ``2026-02-05``, ``5 February 2026``, ``Thursday, 05 February 2026`` and ``February 5, 2026``.

    Args:
        text: Any string, e.g. a byline line.

    Returns:
        The date, or ``None`` if there is none.

    Example:
        >>> parse_date("Updated at 1508 EAT on Thursday 5 February 2026")
        datetime.date(2026, 2, 5)
    """
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            parts = m.groupdict()
            month = int(parts["mnum"]) if parts.get("mnum") else _month_number(parts["month"])
            try:
                return datetime(int(parts["year"]), month, int(parts["day"])).date()
            except ValueError:
                continue
    return None


def _month_number(name: str) -> int:
    name = name.lower().rstrip(".")[:3]
    return next(i for i, m in enumerate(_MONTHS, start=1) if m.startswith(name))


def _match_rule(line: str, rules: BoilerplateRules) -> tuple[BoilerplateRule, re.Match[str]] | None:
    for rule in rules.rules:
        m = rule.pattern.fullmatch(line)
        if m:
            return rule, m
    return None


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 30 and len(line) <= 200 and not line.endswith(_SENTENCE_END)


def clean_text(text: str, *, rules: BoilerplateRules | None = None) -> CleanText:
    """Remove boilerplate lines from scraped article text and pick out title, dateline and metadata lines.

    Each non-empty line that survives is one paragraph. The first paragraph is taken as the title when
    it reads like a headline (2–30 words, no closing punctuation); a later exact repeat of any paragraph
    is removed as a duplicate. A leading ``BEIJING -`` or ``BEIJING :`` is moved to ``dateline``.

    Args:
        text: Article text with ``\\n`` line endings.
        rules: Boilerplate rules; the shipped ones by default.

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
    seen: set[str] = set()
    for line_no, line in kept:
        if line in seen:
            removed.append({"line_no": line_no, "rule": "duplicate-paragraph", "category": "duplicate",
                            "text": line})
            continue
        seen.add(line)
        paragraphs.append(line)

    title = paragraphs[0] if paragraphs and len(paragraphs) > 1 and _looks_like_title(paragraphs[0]) else None
    dateline = None
    first_body = 1 if title else 0
    if len(paragraphs) > first_body:
        m = _DATELINE_RE.match(paragraphs[first_body])
        if m:
            dateline = m.group("place").strip()
            paragraphs[first_body] = paragraphs[first_body][m.end():]
    removed.sort(key=lambda r: int(r["line_no"]))  # type: ignore[arg-type]
    return CleanText(paragraphs, title, dateline, fields, removed)


def _removed(line_no: int, line: str, rule: BoilerplateRule, how: str) -> dict[str, object]:
    rule_id = rule.id if how == "line" else f"{rule.id} (after)"
    return {"line_no": line_no, "rule": rule_id, "category": rule.category, "text": line}
