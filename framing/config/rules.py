"""Cleaning and negation rules as versioned, editable data (``framing/data/rules/``).

* **Boilerplate** (``boilerplate.yaml``): line rules that drop, truncate at, or read metadata from scraped
  site chrome, ads and comment widgets. Every removed line is reported with its rule and category.
* **Negation** (``negation.yaml``): which words negate a lexicon match, within how many words, where a
  clause ends, and which verbs cancel a negation ("has not ruled out force" is still a warning).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from framing.config.files import compile_pattern, data_path, read_mapping, read_yaml, rule_items
from framing.errors import ConfigFileError, check_keys
from framing.schema import RULE_ACTIONS
from framing.text import normalise_term

_RULE_KEYS = {"id", "category", "action", "pattern", "field", "case_sensitive"}

_FILE_KEYS = {"name", "version", "description", "source", "rules"}


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
    raw = read_mapping(path, _FILE_KEYS)
    rules: list[BoilerplateRule] = []
    for where, item in rule_items(raw.get("rules"), path=path, kind="rule", keys=_RULE_KEYS,
                                  required=("id", "category", "action", "pattern")):
        if item["action"] not in RULE_ACTIONS:
            raise ConfigFileError(f"{where}: action {item['action']!r} is not one of {list(RULE_ACTIONS)}")
        if item["action"] == "metadata" and not item.get("field"):
            raise ConfigFileError(f"{where}: a metadata rule needs 'field'")
        pattern = compile_pattern(str(item["pattern"]), where=where,
                                  flags=0 if item.get("case_sensitive") else re.IGNORECASE)
        rules.append(
            BoilerplateRule(str(item["id"]), str(item["category"]), item["action"], pattern, item.get("field"))
        )
    if not rules:
        raise ConfigFileError(f"{path}: no rules")
    return BoilerplateRules(str(raw.get("name", path.stem)), str(raw.get("version", "unversioned")),
                            tuple(rules), str(path))

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
    check_keys(raw, _NEGATION_KEYS, str(path))
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
