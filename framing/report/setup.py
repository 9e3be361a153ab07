"""Check a report request against the corpus before any notebook runs, and choose the kernel."""

from __future__ import annotations

import warnings
from collections.abc import Mapping

import pandas as pd

from framing.errors import UsageError
from framing.schema import FRAME_LEVELS

#: Grouping columns that are not article columns.
SENTENCE_GROUPINGS = ("voice", "position")


def levels_for(group_by: object) -> list[tuple[str, ...]]:
    """The ``frame_scores`` levels a report needs: the defaults, plus ``group_by`` when it is another column
    (a sidecar column such as ``leaning``, or ``a:b`` for two columns).

    Example:
        >>> levels_for("leaning")[-1], len(levels_for("outlet")) == len(levels_for("event"))
        (('leaning',), True)
    """
    if not isinstance(group_by, str) or not group_by.strip():
        raise UsageError(f"group_by must be a column name such as 'outlet' or 'outlet:event'; got {group_by!r}")
    level = tuple(part.strip() for part in group_by.split(":"))
    levels = [tuple(by) for by in FRAME_LEVELS]
    return levels if level in levels else [*levels, level]


def check_request(tables: Mapping[str, pd.DataFrame], params: Mapping[str, object]) -> None:
    """Raise :class:`~framing.errors.UsageError` for a grouping column, outlet, event or speaker the corpus
    does not have, listing those it has.

    Example:
        >>> arts = pd.DataFrame({"doc_id": ["a"], "outlet": ["BBC"], "event": ["e1"]})
        >>> check_request({"articles": arts}, {"events": ["e2"]})
        Traceback (most recent call last):
        ...
        framing.errors.UsageError: unknown event 'e2'; this corpus has events ['e1']
    """
    articles = tables["articles"]
    group_by = params.get("group_by", "outlet")
    columns = sorted(c for c in articles.columns if c not in ("text", "n_words", "source_path", "title"))
    for column in str(group_by).split(":"):
        if column not in articles.columns and column not in SENTENCE_GROUPINGS:
            raise UsageError(f"unknown grouping column {column!r}; this corpus has {columns + list(SENTENCE_GROUPINGS)}")
    for key, column in (("outlets", "outlet"), ("events", "event")):
        wanted = params.get(key) or []
        if isinstance(wanted, str):
            raise UsageError(f"parameter {key!r} must be a list, e.g. -p {key} '[{wanted}]'")
        have = sorted(articles[column].dropna().astype(str).unique())
        for value in wanted:
            if str(value) not in have:
                raise UsageError(f"unknown {column} {value!r}; this corpus has {column}s {have}")
    speaker = params.get("focus_speaker")
    if speaker and "attributions" in tables:
        counts = tables["attributions"]["speaker_id"].value_counts()
        if str(speaker) not in counts.index:
            top = counts.index[:10].tolist()
            raise UsageError(f"unknown focus_speaker {speaker!r}: no attribution in this corpus names them; "
                             f"the most quoted speakers are {top}")


def kernel_name(name: str) -> str:
    """``name`` if that Jupyter kernel is registered, else ``python3`` of this environment (with a warning)."""
    from jupyter_client.kernelspec import KernelSpecManager

    if name in KernelSpecManager().find_kernel_specs():
        return name
    warnings.warn(f"Jupyter kernel {name!r} is not registered (make install registers it); using "
                  f"'python3' of this environment", stacklevel=3)
    return "python3"
