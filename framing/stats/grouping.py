"""Group rows of a unit table by one or more columns, in a stable, label-sorted order."""

from __future__ import annotations

import numpy as np
import pandas as pd


def group_rows(units: pd.DataFrame, by: list[str]) -> list[tuple[tuple[object, ...], np.ndarray]]:
    """Row numbers of each group of ``units`` by ``by``, ordered by the groups' labels."""
    indices = units.groupby(by, sort=False, dropna=False, observed=True).indices
    groups = [((k if isinstance(k, tuple) else (k,)), np.asarray(v)) for k, v in indices.items()]
    return sorted(groups, key=lambda kv: tuple(str(k) for k in kv[0]))


def count_docs(units: pd.DataFrame, groups: list[tuple[tuple[object, ...], np.ndarray]]) -> np.ndarray:
    """Distinct documents per group, computed for all groups at once."""
    if not groups:
        return np.zeros(0, dtype=np.int64)
    column = units["doc_id"]
    docs = (column.cat.codes if isinstance(column.dtype, pd.CategoricalDtype) else pd.factorize(column)[0])
    docs = np.asarray(docs, dtype=np.int64)
    codes = np.repeat(np.arange(len(groups), dtype=np.int64), [len(idx) for _, idx in groups])
    pairs = np.unique(codes * (int(docs.max()) + 1) + docs[np.concatenate([idx for _, idx in groups])])
    return np.bincount(pairs // (int(docs.max()) + 1), minlength=len(groups))
