"""Figure data for the validation page (05-validation): a lexicon's precision, recall and F1 against coders."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

_METRICS = ("precision", "recall", "f1")


def validation_intervals(metrics: pd.DataFrame, *, level: str = "all", weighting: str | None = None) -> pd.DataFrame:
    """Precision, recall and F1 per frame with intervals, long, for :func:`~framing.viz.plot_grouped_intervals`.

    Args:
        metrics: ``validation_metrics`` from :func:`~framing.stats.score_lexicon`.
        level: ``all`` (one row per metric) or ``group`` (precision per group).
        weighting: ``sample`` or ``corpus``; default ``corpus`` when the metrics have it (a sample key was given).

    Returns:
        A new DataFrame ``group, frame, value, ci_low, ci_high, n_items, weighting``; ``group`` is the metric
        (level ``all``) or the group (level ``group``, precision only).

    Example:
        >>> m = pd.DataFrame({"weighting": ["sample"], "level": ["all"], "group": ["all"], "frame": ["warning"],
        ...     "n_items": [10], "precision": [0.9], "precision_low": [0.7], "precision_high": [1.0],
        ...     "recall": [0.5], "recall_low": [0.3], "recall_high": [0.7], "f1": [0.64], "f1_low": [0.4],
        ...     "f1_high": [0.8]})
        >>> validation_intervals(m)[["group", "value"]].values.tolist()
        [['precision', 0.9], ['recall', 0.5], ['f1', 0.64]]
    """
    if metrics.empty:
        return pd.DataFrame(columns=["group", "frame", "value", "ci_low", "ci_high", "n_items", "weighting"])
    weighting = weighting or ("corpus" if (metrics["weighting"] == "corpus").any() else "sample")
    rows = metrics[(metrics["level"] == level) & (metrics["weighting"] == weighting)]
    out = []
    for row in rows.itertuples():
        names: Sequence[str] = _METRICS if level == "all" else ("precision",)
        for metric in names:
            out.append((metric if level == "all" else row.group, row.frame, getattr(row, metric),
                        getattr(row, f"{metric}_low"), getattr(row, f"{metric}_high"), row.n_items, weighting))
    data = pd.DataFrame(out, columns=["group", "frame", "value", "ci_low", "ci_high", "n_items", "weighting"])
    return data.dropna(subset=["value"]).reset_index(drop=True)


def record_intervals(records: Sequence[dict]) -> pd.DataFrame:
    """The stored validation records of a lexicon (its YAML's ``validation`` list) as figure data.

    Example:
        >>> r = {"lexicon": "stance@2.0.0", "sample": "demo", "sentences": 10, "frames": {"warning": {
        ...     "precision": 0.9, "precision_low": 0.8, "precision_high": 1.0, "recall": 0.5, "recall_low": 0.4,
        ...     "recall_high": 0.6, "f1": 0.64}}}
        >>> record_intervals([r])[["sample", "group", "value"]].values.tolist()
        [['demo', 'precision', 0.9], ['demo', 'recall', 0.5]]
    """
    rows = []
    for record in records:
        for frame, values in (record.get("frames") or {}).items():
            for metric in ("precision", "recall"):
                if values.get(metric) is None:
                    continue
                rows.append((str(record.get("sample") or record.get("lexicon", "")), metric, frame, values[metric],
                             values.get(f"{metric}_low"), values.get(f"{metric}_high"), record.get("sentences")))
    return pd.DataFrame(rows, columns=["sample", "group", "frame", "value", "ci_low", "ci_high", "n_items"])


def record_table(records: Sequence[dict]) -> pd.DataFrame:
    """One row per stored record and frame: what a methods section cites.

    Example:
        >>> record_table([{"lexicon": "stance@2.0.0", "sample": "demo", "sentences": 10, "coders": 1,
        ...     "alpha": {"all": None}, "frames": {"warning": {"precision": 0.9, "recall": 0.5, "f1": 0.64}}}]).iloc[0].to_dict()
        {'lexicon': 'stance@2.0.0', 'sample': 'demo', 'weighting': '', 'sentences': 10, 'coders': 1, 'alpha': None, 'frame': 'warning', 'precision': 0.9, 'recall': 0.5, 'f1': 0.64}
    """
    rows = []
    for record in records:
        for frame, values in (record.get("frames") or {}).items():
            rows.append({"lexicon": record.get("lexicon", ""), "sample": record.get("sample", ""),
                         "weighting": record.get("weighting", ""), "sentences": record.get("sentences"),
                         "coders": record.get("coders"), "alpha": (record.get("alpha") or {}).get("all"),
                         "frame": frame, "precision": values.get("precision"), "recall": values.get("recall"),
                         "f1": values.get("f1")})
    return pd.DataFrame(rows)
