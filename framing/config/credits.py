"""Wire-agency and source credits as versioned, editable data (``framing/data/rules/credits.yaml``).

The file lists the wire services (each with the names articles write it by) and the *forms* a credit takes:
a dateline ``WASHINGTON (AP) —``, a byline ``By Jane Doe, Associated Press``, a sign-off ``— AFP``, Reuters'
``(Reporting by …; Editing by …)``, a hat tip ``h/t: The Hill``. Only these forms credit an article: an
agency named in a body sentence ("told the Associated Press") does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from framing.config.files import compile_pattern, data_path, read_mapping, rule_items
from framing.errors import ConfigFileError, check_keys

_FILE_KEYS = {"name", "version", "description", "source", "agencies", "forms"}
_AGENCY_KEYS = {"id", "names"}
_FORM_KEYS = {"id", "where", "pattern", "remove", "agency"}
#: Where in an article a credit form is looked for.
WHERES = ("lead", "end", "any")


@dataclass(frozen=True)
class CreditForm:
    """One way of writing a credit: a pattern matched against one paragraph (see the module docstring)."""

    id: str
    where: str
    pattern: re.Pattern[str]
    remove: bool
    agency: str | None


@dataclass(frozen=True)
class CreditRules:
    """The agencies and credit forms of a credits file."""

    name: str
    version: str
    agencies: dict[str, str]  # a name as written, lower-cased -> the agency id
    forms: tuple[CreditForm, ...]
    path: str
    names: re.Pattern[str]  # any agency name (group ``agency``)

    @property
    def label(self) -> str:
        """``name@version``, as recorded in outputs."""
        return f"{self.name}@{self.version}"

    def agency_of(self, text: object) -> str | None:
        """The agency a credit text names (the whole text, or a name inside it), or ``None``.

        Example:
            >>> rules = load_credit_rules()
            >>> rules.agency_of("The Associated Press"), rules.agency_of("Reuters."), rules.agency_of("BBC")
            ('AP', 'Reuters', None)
        """
        if not isinstance(text, str) or not text.strip():
            return None
        found = self.names.search(text)
        return self.agencies[found.group("agency").lower()] if found else None



def _agency_group(names: tuple[str, ...]) -> str:
    """A regular expression group ``agency`` for any of ``names``, longest first, whole words only.

    All-capital abbreviations ("AP", "UPI") match case-sensitively, other names case-insensitively.
    """
    parts = [f"(?-i:{re.escape(n)})" if n.isupper() else re.escape(n)
             for n in sorted(names, key=lambda n: (-len(n), n))]
    return r"(?<![\w-])(?P<agency>" + "|".join(parts) + r")(?![\w-])"


def load_credit_rules(path: str | Path | None = None) -> CreditRules:
    """Load and validate a credits file (the shipped ``data/rules/credits.yaml`` by default).

    Raises:
        ConfigFileError: For unknown keys, a missing or duplicate id, an unknown ``where`` (the message lists
            the valid ones), a form without ``{agency}`` or ``(?P<credit>…)`` or an invalid pattern.

    Example:
        >>> rules = load_credit_rules()
        >>> rules.label, rules.agencies["associated press"], [f.id for f in rules.forms][:2]
        ('credits@1.0.0', 'AP', ['dateline', 'dateline-bare'])
    """
    path = Path(path) if path is not None else data_path("rules", "credits.yaml")
    raw = read_mapping(path, _FILE_KEYS)
    agencies: dict[str, str] = {}
    written: list[str] = []
    for i, item in enumerate(raw.get("agencies") or []):
        where = f"{path}: agency {i + 1}"
        if not isinstance(item, dict) or not item.get("id") or not item.get("names"):
            raise ConfigFileError(f"{where}: expected a mapping with 'id' and a list of 'names'")
        check_keys(item, _AGENCY_KEYS, where)
        names = item["names"] if isinstance(item["names"], list) else [item["names"]]
        for name in names:
            if not isinstance(name, str) or not name.strip():
                raise ConfigFileError(f"{where}: name {name!r} is not a text")
            if name.lower() in agencies and agencies[name.lower()] != str(item["id"]):
                raise ConfigFileError(f"{where}: name {name!r} is already an agency of {agencies[name.lower()]!r}")
            agencies[name.lower()] = str(item["id"])
            written.append(name.strip())
    if not agencies:
        raise ConfigFileError(f"{path}: no agencies")
    group = _agency_group(tuple(dict.fromkeys(written)))
    forms: list[CreditForm] = []
    for where, item in rule_items(raw.get("forms"), path=path, kind="form", keys=_FORM_KEYS,
                                  required=("id", "where", "pattern")):
        if item["where"] not in WHERES:
            raise ConfigFileError(f"{where}: where {item['where']!r} is not one of {list(WHERES)}")
        text = str(item["pattern"])
        agency = item.get("agency")
        if agency is not None and str(agency) not in set(agencies.values()):
            raise ConfigFileError(f"{where}: agency {agency!r} is not one of {sorted(set(agencies.values()))}")
        if "{agency}" not in text and "(?P<credit>" not in text and agency is None:
            raise ConfigFileError(f"{where}: a pattern needs '{{agency}}', a group '(?P<credit>…)' or an 'agency'")
        pattern = compile_pattern(text.replace("{agency}", group), where=where)
        forms.append(CreditForm(str(item["id"]), item["where"], pattern, bool(item.get("remove", False)),
                                None if agency is None else str(agency)))
    return CreditRules(str(raw.get("name", path.stem)), str(raw.get("version", "unversioned")), agencies,
                       tuple(forms), str(path), re.compile(group, re.IGNORECASE))
