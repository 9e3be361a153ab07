"""Percentile bootstrap intervals for statistics of sums, for many groups at once, through ``scipy.stats.bootstrap``.

Every statistic framing reports (counts, rates per 1,000 words, balance, mean polarity, differences of these)
is a function of sums over resampling units (sentences, or the quoted and narrated parts of sentences). So a
bootstrap only needs, per resample, how often each unit was drawn: a multiplicity matrix, times the unit
values. :func:`bootstrap_sums` hands scipy one sample per group (groups are resampled independently, each
within itself) and many groups per call, in batches of bounded memory. Batches are seeded from ``seed``,
``label`` and the batch number, so the same input always gives the same intervals.
"""

from __future__ import annotations

import inspect
import warnings
import zlib
from collections.abc import Callable, Sequence

import numpy as np
from scipy import sparse, stats

_RNG_PARAM = "rng" if "rng" in inspect.signature(stats.bootstrap).parameters else "random_state"
Finish = Callable[[np.ndarray], np.ndarray]


def bootstrap_sums(
    values: np.ndarray,
    items: Sequence[Sequence[np.ndarray]],
    finish: Finish,
    *,
    n_resamples: int = 2000,
    confidence_level: float = 0.95,
    seed: int = 0,
    label: str = "",
    max_units: int = 2_000_000,
    max_outputs: int = 4_000_000,
    constant: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Point estimates and percentile bootstrap intervals of ``finish(sums)`` for every item.

    Args:
        values: ``(units, K)`` numbers to sum, one row per resampling unit.
        items: Each item is a sequence of S samples (the same S for all items); a sample is an array of row
            numbers of ``values``. Each sample is resampled within itself (scipy's independent samples).
        finish: Maps sums of shape ``(items, S, K, resamples)`` to statistics ``(items, P, resamples)``.
        n_resamples: Bootstrap resamples; 0 gives point estimates only (intervals NaN).
        confidence_level: Interval coverage.
        seed: Random seed.
        label: Mixed into the seed so that different tables draw different resamples.
        max_units: Bounds units × resamples held at once (memory per step).
        max_outputs: Bounds statistics × resamples per scipy call (memory for the percentiles).
        constant: Given each sample's column minima and maxima (two ``(items, S, K)`` arrays), marks the
            statistics ``(items, P)`` that are the same in every resample (a frame never seen in a group, say).
            Their interval is the point estimate itself, and they are left out of the resampling.

    Returns:
        ``(point, low, high)``, each ``(items, P)``. Items with a sample of fewer than 2 units get NaN
        intervals.

    Example:
        >>> v = np.array([[1.0], [2.0], [3.0], [10.0], [20.0]])
        >>> mean = lambda s: s[:, 0, :1, :] / 3  # each sample has 3 units here
        >>> point, low, high = bootstrap_sums(v, [[np.array([0, 1, 2])], [np.array([2, 3, 4])]], mean,
        ...                                   n_resamples=500)
        >>> point[:, 0].tolist(), bool(low[1, 0] < 11 < high[1, 0])
        ([2.0, 11.0], True)
    """
    values = np.asarray(values)
    n_items = len(items)
    width = values.shape[1]
    if n_items == 0:
        empty = np.empty((0, 0))
        return empty, empty, empty
    n_samples = len(items[0])
    sizes = np.array([[len(s) for s in item] for item in items], dtype=np.int64)
    sums, mins, maxs = _point_sums(values, items, sizes, n_samples, width)
    point = finish(sums)[..., 0]
    low = np.full(point.shape, np.nan)
    high = np.full(point.shape, np.nan)
    eligible = np.flatnonzero(sizes.min(axis=1) >= 2)
    if n_resamples <= 0 or len(eligible) == 0:
        return point, low, high
    live = np.ones(point.shape, dtype=bool)
    if constant is not None:
        fixed = np.asarray(constant(mins, maxs), dtype=bool) & (sizes.min(axis=1) >= 2)[:, None]
        low[fixed], high[fixed] = point[fixed], point[fixed]
        live = ~fixed
    eligible = eligible[live[eligible].any(axis=1)]
    if len(eligible) == 0:
        return point, low, high
    batches: list[list[int]] = [[]]
    units = outputs = 0
    for i in eligible:
        cost, out = int(sizes[i].sum()), int(live[i].sum())
        if batches[-1] and (units + cost > max_units or (outputs + out) * n_resamples > max_outputs):
            batches.append([])
            units = outputs = 0
        batches[-1].append(int(i))
        units += cost
        outputs += out
    for number, batch in enumerate(batches):
        rows = [np.asarray(s, dtype=np.int64) for i in batch for s in items[i]]
        batch_values = values[np.concatenate(rows)].astype(float)
        bounds = np.concatenate([[0], np.cumsum([len(r) for r in rows])])
        statistic = _batch_statistic(batch_values, bounds, finish, live[batch], n_samples)
        rng = np.random.default_rng([seed, zlib.crc32(f"{label}|{number}".encode("utf-8"))])
        data = tuple(np.arange(len(r)) for r in rows)
        step = max(1, min(n_resamples, max_units // max(int(bounds[-1]), 1)))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # degenerate groups (all resamples equal) are fine here
            res = stats.bootstrap(data, statistic, vectorized=True, paired=False, n_resamples=n_resamples,
                                  confidence_level=confidence_level, method="percentile", batch=step,
                                  **{_RNG_PARAM: rng})
        rows, cols = np.nonzero(live[batch])
        low[np.asarray(batch)[rows], cols] = np.asarray(res.confidence_interval.low)
        high[np.asarray(batch)[rows], cols] = np.asarray(res.confidence_interval.high)
    return point, low, high


def _point_sums(values: np.ndarray, items: Sequence[Sequence[np.ndarray]], sizes: np.ndarray, n_samples: int,
                width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sums over every sample's units, shaped ``(items, S, K, 1)``, and the column minima and maxima."""
    flat = sizes.ravel()
    order = np.concatenate([np.asarray(s, dtype=np.int64) for item in items for s in item])
    sums = np.zeros((len(flat), width))
    mins = np.zeros((len(flat), width))
    maxs = np.zeros((len(flat), width))
    if len(order):
        starts = np.concatenate([[0], np.cumsum(flat)[:-1]])
        nonempty = flat > 0
        rows = values[order]
        total = np.int64 if np.issubdtype(rows.dtype, np.integer) else np.float64  # no overflow of int32 sums
        sums[nonempty] = np.add.reduceat(rows, starts[nonempty], axis=0, dtype=total)
        mins[nonempty] = np.minimum.reduceat(rows, starts[nonempty], axis=0)
        maxs[nonempty] = np.maximum.reduceat(rows, starts[nonempty], axis=0)
    shape = (len(items), n_samples, width)
    return sums.reshape(*shape, 1), mins.reshape(shape), maxs.reshape(shape)


def _batch_statistic(batch_values: np.ndarray, bounds: np.ndarray, finish: Finish, live: np.ndarray,
                     n_samples: int) -> Callable[..., np.ndarray]:
    """The vectorized statistic scipy calls for one batch: resampled row numbers in, statistics out."""
    total = int(bounds[-1])
    width = batch_values.shape[1]
    n_parts = len(bounds) - 1
    blocks = None
    if n_parts > width and total < 64 * n_parts:
        # many small samples: one sparse product does them all. Row u of the block matrix holds unit u's
        # values in the columns of its own sample, so (draws × units) @ (units × samples·K) gives every sum.
        sample = np.repeat(np.arange(n_parts), np.diff(bounds))
        cols = (sample[:, None] * width + np.arange(width)[None, :]).ravel()
        blocks = sparse.csr_matrix(sparse.csc_matrix(
            (batch_values.ravel(), (np.repeat(np.arange(total), width), cols)), shape=(total, n_parts * width)).T)

    def statistic(*resampled: np.ndarray, axis: int = -1) -> np.ndarray:
        lead = np.shape(resampled[0])[:-1]
        n_draws = int(np.prod(lead)) if lead else 1
        # each draw's position in a (draws, units) matrix, written in one pass per sample
        drawn = np.empty((n_draws, total), dtype=np.int64)
        rows = (np.arange(n_draws, dtype=np.int64) * total)[:, None]
        for j, r in enumerate(resampled):
            np.add(np.reshape(r, (n_draws, -1)), rows + bounds[j], out=drawn[:, bounds[j]:bounds[j + 1]])
        mult = np.bincount(drawn.ravel(), minlength=n_draws * total).reshape(n_draws, total).astype(float)
        del drawn
        if blocks is not None:
            sums = np.asarray(blocks @ mult.T).reshape(len(resampled), width, n_draws)
        else:  # few large samples: one matrix product each
            sums = np.empty((len(resampled), width, n_draws))
            for j in range(len(resampled)):
                sums[j] = (mult[:, bounds[j]:bounds[j + 1]] @ batch_values[bounds[j]:bounds[j + 1]]).T
        out = finish(sums.reshape(len(live), n_samples, width, n_draws))[live]  # (live statistics, draws)
        return out.reshape(out.shape[0], *lead)

    return statistic
