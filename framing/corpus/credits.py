"""Wire and source credits of an article: who its text comes from (rules in ``data/rules/credits.yaml``)."""

from __future__ import annotations

from collections.abc import Mapping

from framing.config.credits import CreditRules
from framing.schema import is_known

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


def wire_of(row: Mapping[str, object], fields: Mapping[str, str], credits: CreditRules) -> bool:
    """Whether an article is wire copy: a ``wire`` value the row was given (sidecar or table column), else the
    text's credits or its ``credit``.

    Example:
        >>> from framing.config.credits import load_credit_rules
        >>> rules = load_credit_rules()
        >>> wire_of({"credit": "Reuters"}, {}, rules), wire_of({"credit": "BBC", "wire": "yes"}, {}, rules)
        (True, True)
    """
    given = row.get("wire")
    if is_known(given) and str(given).strip().lower() in ("true", "false", "1", "0", "yes", "no"):
        return str(given).strip().lower() in ("true", "1", "yes")
    return fields.get("wire") == "true" or credits.agency_of(row.get("credit")) is not None
