"""Score a lexicon against hand codes: agreement between coders, then precision, recall and F1 with intervals.

Agreement is Krippendorff's alpha (the ``krippendorff`` package, nominal level): once over the whole code
(``neither``, ``warning``, ``conciliatory+warning``…) and once per frame (present or not). The coders'
consensus for a frame is what more than half of the coders who coded the item said; an item with a tie has no
consensus for that frame and is left out of that frame's figures (counted in ``no_consensus``).

A sentence is labelled with a frame when the lexicon has a non-negated match of that frame in it. Intervals are
percentile bootstrap intervals over items, resampled within each stratum of the sample (one stratum without a
sample key). With a key, ``weighting == "corpus"`` rows weight each item by its stratum's
``population / sampled``: estimates for the corpus the sample was drawn from, not for the sample.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.config.lexicons import Lexicon
from framing.config.rules import NegationRule
from framing.errors import UsageError
from framing.stats.validation_sample import label_sentences

METRIC_COLUMNS = ("weighting", "level", "group", "frame", "n_items", "no_consensus", "tp", "fp", "fn",
                  "precision", "precision_low", "precision_high", "recall", "recall_low", "recall_high",
                  "f1", "f1_low", "f1_high")
TERM_COLUMNS = ("frame", "term", "n_matched", "tp", "fp", "precision", "precision_low", "precision_high")
AGREEMENT_COLUMNS = ("code", "alpha", "n_items", "n_coders", "n_codes")


def coder_agreement(codes: pd.DataFrame, *, frames: list[str]) -> pd.DataFrame:
    """Krippendorff's alpha between coders, over the whole code and per frame.

    Args:
        codes: ``item_id, coder, code`` (:func:`~framing.io.read_coding_sheets`).
        frames: The lexicon's frames.

    Returns:
        A new DataFrame ``code, alpha, n_items, n_coders, n_codes``: a row ``all`` and one per frame. ``alpha``
        is NaN with fewer than two coders or when every code is the same.

    Example:
        >>> c = pd.DataFrame({"item_id": [1, 2, 3, 1, 2, 3], "coder": list("aaabbb"),
        ...     "code": ["warning", "neither", "neither", "warning", "neither", "warning"]})
        >>> coder_agreement(c, frames=["warning"]).alpha.round(3).tolist()
        [0.444, 0.444]
    """
    import krippendorff

    coders = sorted(codes["coder"].unique())
    items = sorted(codes["item_id"].unique(), key=str)
    rows = []
    for name in ["all", *frames]:
        values = codes["code"] if name == "all" else codes["code"].map(lambda c, f=name: f in c.split("+"))
        table = pd.DataFrame({"item_id": codes["item_id"], "coder": codes["coder"], "v": values})
        wide = table.pivot(index="coder", columns="item_id", values="v").reindex(index=coders, columns=items)
        kinds = sorted(table["v"].astype(str).unique())
        numeric = wide.apply(lambda col: col.map(lambda v: np.nan if pd.isna(v) else kinds.index(str(v))))
        alpha = np.nan
        if len(coders) > 1 and len(kinds) > 1 and (numeric.notna().sum(axis=0) > 1).any():
            alpha = float(krippendorff.alpha(reliability_data=numeric.to_numpy(dtype=float),
                                             level_of_measurement="nominal"))
        rows.append((name, alpha, len(items), len(coders), len(codes)))
    return pd.DataFrame(rows, columns=list(AGREEMENT_COLUMNS))


def consensus(codes: pd.DataFrame, *, frames: list[str]) -> pd.DataFrame:
    """Per item and frame, the majority of its coders: True, False, or NA on a tie.

    Example:
        >>> c = pd.DataFrame({"item_id": [1, 1, 2, 2], "coder": list("abab"),
        ...     "code": ["warning", "warning", "warning", "neither"]})
        >>> consensus(c, frames=["warning"]).warning.tolist()
        [True, <NA>]
    """
    votes = pd.DataFrame({f: codes["code"].map(lambda c, f=f: f in c.split("+")) for f in frames})
    votes["item_id"] = codes["item_id"].to_numpy()
    share = votes.groupby("item_id", sort=True)[frames].mean()
    out = share.apply(lambda col: col.map(lambda s: pd.NA if s == 0.5 else bool(s > 0.5))).astype("boolean")
    if "text" in codes.columns:
        out = out.join(codes.drop_duplicates("item_id").set_index("item_id")[["text"]])
    return out.reset_index()


def score_lexicon(
    codes: pd.DataFrame,
    *,
    lexicon: Lexicon,
    key: pd.DataFrame | None = None,
    negation: NegationRule | None = None,
    n_resamples: int = 2000,
    seed: int = 0,
    confidence_level: float = 0.95,
) -> dict[str, pd.DataFrame]:
    """Measure a lexicon against the coders' consensus.

    Args:
        codes: ``item_id, coder, code, text`` (:func:`~framing.io.read_coding_sheets`).
        lexicon: The lexicon to score (any version, not only the one the sample was drawn with).
        key: The sample key (``item_id, group, stratum, weight``) written by ``framing validate sample``;
            without it every item has weight 1, one stratum and group ``all``.
        negation: The negation rule; the shipped one by default.
        n_resamples: Bootstrap resamples (0 for no intervals).
        seed: Bootstrap seed.
        confidence_level: Width of the intervals.

    Returns:
        ``metrics`` (:data:`METRIC_COLUMNS`: per frame overall and per group, sample and, with a key, corpus
        weighting), ``terms`` (:data:`TERM_COLUMNS`, worst precision first), ``errors`` (``kind, frame, term,
        item_id, highlighted``: each false positive with its KWIC line and each missed sentence),
        ``agreement`` (:func:`coder_agreement`) and ``labels`` (the lexicon's matches per item).
    """
    if not 0 < confidence_level < 1:
        raise UsageError(f"confidence_level must be between 0 and 1; got {confidence_level}")
    frames = list(lexicon.frames)
    gold = consensus(codes, frames=frames)
    labels = label_sentences(gold[["item_id", "text"]], lexicon=lexicon, negation=negation)
    items = gold[["item_id"]].copy()
    if key is not None:
        missing = sorted(set(items["item_id"].astype(str)) - set(key["item_id"].astype(str)), key=str)
        if missing:
            raise UsageError(f"the sample key has no row for item(s) {', '.join(missing[:5])}: is it this sheet's key?")
        k = key.assign(item_id=key["item_id"].astype(str)).set_index("item_id")
        ids = items["item_id"].astype(str)
        items["group"] = ids.map(k["group"]).astype(str).to_numpy()
        items["stratum"] = (ids.map(k["group"]).astype(str) + "/" + ids.map(k["stratum"]).astype(str)).to_numpy()
        items["weight"] = ids.map(k["weight"]).astype(float).to_numpy()
    else:
        items["group"], items["stratum"], items["weight"] = "all", "all", 1.0
    draws = _draws(items["stratum"].to_numpy(), n_resamples, seed)
    alpha = (1 - confidence_level) / 2
    rows = []
    for frame in frames:
        truth = gold[frame].to_numpy(dtype=object)
        known = np.array([v is not pd.NA for v in truth])
        truth = np.array([bool(v) if k else False for v, k in zip(truth, known)])
        hit = items["item_id"].isin(labels.loc[labels["frame"] == frame, "item_id"]).to_numpy()
        for weighting in ("sample", "corpus") if key is not None else ("sample",):
            w = items["weight"].to_numpy() if weighting == "corpus" else np.ones(len(items))
            for level, group in [("all", None), *[("group", g) for g in sorted(items["group"].unique())]]:
                if level == "group" and items["group"].nunique() < 2:
                    continue
                scope = np.ones(len(items), bool) if group is None else (items["group"] == group).to_numpy()
                rows.append(_metric_row(weighting, level, group or "all", frame, scope, known, hit, truth, w,
                                        draws, alpha))
    metrics = pd.DataFrame(rows, columns=list(METRIC_COLUMNS))
    terms, errors = _terms_and_errors(gold, labels, frames, draws, alpha)
    return {"metrics": metrics, "terms": terms, "errors": errors,
            "agreement": coder_agreement(codes, frames=frames), "labels": labels}


def _draws(strata: np.ndarray, n_resamples: int, seed: int) -> np.ndarray | None:
    """How often each item is drawn in each resample (resamples × items), stratum by stratum."""
    if n_resamples <= 0 or len(strata) == 0:
        return None
    rng = np.random.default_rng(seed)
    counts = np.zeros((n_resamples, len(strata)), dtype=np.int32)
    for stratum in sorted(set(strata)):
        where = np.flatnonzero(strata == stratum)
        counts[:, where] = rng.multinomial(len(where), np.full(len(where), 1 / len(where)), size=n_resamples)
    return counts


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1), np.nan)


def _interval(values: np.ndarray | None, alpha: float) -> tuple[float, float]:
    if values is None or np.isnan(values).all():
        return (np.nan, np.nan)
    low, high = np.nanquantile(values, [alpha, 1 - alpha])
    return float(low), float(high)


def _metric_row(weighting, level, group, frame, scope, known, hit, truth, w, draws, alpha) -> tuple:
    mask = scope & known
    vectors = np.stack([w * (mask & hit & truth), w * (mask & hit & ~truth), w * (mask & ~hit & truth)], axis=1)
    tp, fp, fn = vectors.sum(axis=0)
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = _ratio(2 * tp, 2 * tp + fp + fn)
    spread = [None, None, None]
    if draws is not None:
        sums = draws @ vectors
        spread = [_ratio(sums[:, 0], sums[:, 0] + sums[:, 1]), _ratio(sums[:, 0], sums[:, 0] + sums[:, 2]),
                  _ratio(2 * sums[:, 0], 2 * sums[:, 0] + sums[:, 1] + sums[:, 2])]
    n_items, no_consensus = int(mask.sum()), int((scope & ~known).sum())
    cells = []
    for point, values in zip((precision, recall, f1), spread):
        cells += [float(point), *_interval(values, alpha)]
    return (weighting, level, group, frame, n_items, no_consensus, float(tp), float(fp), float(fn), *cells)


def _terms_and_errors(gold: pd.DataFrame, labels: pd.DataFrame, frames: list[str], draws: np.ndarray | None,
                      alpha: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    position = {item: i for i, item in enumerate(gold["item_id"])}
    rows, errors = [], []
    for frame in frames:
        truth = gold[frame]
        frame_labels = labels[labels["frame"] == frame]
        for term, hits in frame_labels.groupby("term", sort=True):
            where = sorted({position[i] for i in hits["item_id"]})
            verdict = truth.iloc[where]
            judged = [p for p, v in zip(where, verdict) if v is not pd.NA]
            good = np.zeros(len(gold))
            bad = np.zeros(len(gold))
            for p in judged:
                (good if bool(truth.iloc[p]) else bad)[p] = 1
            tp, fp = good.sum(), bad.sum()
            low = high = np.nan
            if draws is not None:
                low, high = _interval(_ratio(draws @ good, draws @ good + draws @ bad), alpha)
            rows.append((frame, term, len(judged), tp, fp, float(_ratio(tp, tp + fp)), low, high))
            for line, item in zip(hits["highlighted"], hits["item_id"]):
                verdict = truth.iloc[position[item]]
                if verdict is not pd.NA and not bool(verdict):
                    errors.append(("false_positive", frame, term, item, line))
        flagged = set(frame_labels["item_id"])
        for item, verdict, text in zip(gold["item_id"], truth, gold["text"]):
            if verdict is not pd.NA and bool(verdict) and item not in flagged:
                errors.append(("missed", frame, "", item, text))
    terms = pd.DataFrame(rows, columns=list(TERM_COLUMNS))
    terms = terms.sort_values(["precision", "n_matched", "frame", "term"], ascending=[True, False, True, True],
                              kind="stable").reset_index(drop=True)
    return terms, pd.DataFrame(errors, columns=["kind", "frame", "term", "item_id", "highlighted"])


def validation_record(scores: dict[str, pd.DataFrame], *, lexicon: Lexicon, sample: str = "") -> dict:
    """A record to store with the lexicon version (its YAML's ``validation`` list), for a methods section.

    Example:
        >>> from framing.config import load_lexicon
        >>> c = pd.DataFrame({"item_id": [1, 2], "coder": ["a", "a"], "text": ["They warned.", "Fine."],
        ...     "code": ["warning", "neither"]})
        >>> lex = load_lexicon("stance")
        >>> validation_record(score_lexicon(c, lexicon=lex, n_resamples=0), lexicon=lex)["frames"]["warning"]["precision"]
        1.0
    """
    metrics = scores["metrics"]
    agreement = scores["agreement"].set_index("code")["alpha"]
    top = metrics[(metrics["level"] == "all")]
    weighting = "corpus" if (top["weighting"] == "corpus").any() else "sample"
    top = top[top["weighting"] == weighting].set_index("frame")

    def num(value: float) -> float | None:
        return None if pd.isna(value) else round(float(value), 3)

    return {
        "lexicon": lexicon.label, "sample": sample, "weighting": weighting,
        "sentences": int(scores["agreement"]["n_items"].iloc[0]),
        "coders": int(scores["agreement"]["n_coders"].iloc[0]),
        "alpha": {code: num(a) for code, a in agreement.items()},
        "frames": {frame: {m: num(top.loc[frame, m]) for m in ("precision", "precision_low", "precision_high",
                                                                "recall", "recall_low", "recall_high", "f1")}
                   for frame in top.index},
    }
