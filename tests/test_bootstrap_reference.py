"""``bootstrap_sums`` against scipy's own bootstrap, called directly with the seeding the docstring promises.

Items are grouped into batches by a memory budget (``max_units`` units, ``max_outputs`` statistics × resamples
per batch); batch ``b`` draws from ``default_rng([seed, crc32(f"{label}|{b}")])``, at most ``max_units`` units ×
resamples at a time (scipy's ``batch``), which sets the order of the draws when a batch holds several samples. Here the batches are worked
out by hand from the budget, and each batch's intervals are recomputed with ``scipy.stats.bootstrap`` on the
raw values (integers, so both sums are exact): a changed budget rule, seed or label shows as different draws.
"""

from __future__ import annotations

import inspect
import zlib

import numpy as np
import pytest
from scipy import stats

from framing.stats.bootstrap import bootstrap_sums

_RNG = "rng" if "rng" in inspect.signature(stats.bootstrap).parameters else "random_state"


def _sum(s):  # finish: the plain sum of each item's single sample, shape (items, 1, resamples)
    return s[:, 0, :, :]


def _values(sizes, seed=7):
    return np.random.default_rng(seed).integers(0, 50, size=(sum(sizes), 1)).astype(float)


def _items(sizes):
    starts = np.concatenate([[0], np.cumsum(sizes)])
    return [[np.arange(starts[i], starts[i + 1])] for i in range(len(sizes))]


def _reference(values, items, batches, *, n_resamples, level=0.95, seed=0, label="", max_units=2_000_000):
    low, high = np.full(len(items), np.nan), np.full(len(items), np.nan)
    for number, batch in enumerate(batches):
        own = [values[items[i][0], 0] for i in batch]

        def statistic(*idx, axis=-1):
            return np.stack([own[k][ix].sum(axis=-1) for k, ix in enumerate(idx)])

        rng = np.random.default_rng([seed, zlib.crc32(f"{label}|{number}".encode("utf-8"))])
        units = sum(len(o) for o in own)  # at most max_units units × resamples drawn at once
        res = stats.bootstrap(tuple(np.arange(len(o)) for o in own), statistic, vectorized=True, paired=False,
                              n_resamples=n_resamples, confidence_level=level, method="percentile",
                              batch=max(1, min(n_resamples, max_units // units)), **{_RNG: rng})
        low[batch], high[batch] = res.confidence_interval.low, res.confidence_interval.high
    return low, high


@pytest.mark.parametrize("sizes, max_units, max_outputs, batches", [
    ([5, 6, 7], 11, 10**9, [[0, 1], [2]]),          # 5 + 6 fits in 11 units, 11 + 7 does not
    ([3, 3, 3, 3], 10, 10**9, [[0, 1, 2], [3]]),    # 3 + 3 + 3 fits, a fourth would be 12
    ([3, 3, 3, 3], 10**9, 100, [[0, 1], [2, 3]]),   # 2 statistics × 50 resamples is the most per batch
])
def test_batches_and_draws_match_scipy(sizes, max_units, max_outputs, batches):
    values, items = _values(sizes), _items(sizes)
    point, low, high = bootstrap_sums(values, items, _sum, n_resamples=50, confidence_level=0.9, seed=3,
                                      label="t", max_units=max_units, max_outputs=max_outputs)
    ref_low, ref_high = _reference(values, items, batches, n_resamples=50, level=0.9, seed=3, label="t",
                                   max_units=max_units)
    assert point[:, 0].tolist() == [values[it[0], 0].sum() for it in items]
    np.testing.assert_array_equal(low[:, 0], ref_low)
    np.testing.assert_array_equal(high[:, 0], ref_high)


def test_one_resample_gives_intervals():
    values, items = _values([4]), _items([4])
    _, low, high = bootstrap_sums(values, items, _sum, n_resamples=1)
    ref_low, ref_high = _reference(values, items, [[0]], n_resamples=1)
    assert np.isfinite(low).all() and (low[:, 0] == ref_low).all() and (high[:, 0] == ref_high).all()


def test_an_empty_sample_sums_to_zero():
    values = np.array([[4.0], [5.0], [6.0]])
    items = [[np.array([0, 1]), np.array([], dtype=np.int64)], [np.array([2]), np.array([0, 1, 2])]]
    point, _, _ = bootstrap_sums(values, items, lambda s: s[:, :, 0, :], n_resamples=0)
    assert point.tolist() == [[9.0, 0.0], [6.0, 15.0]]


def test_integer_sums_do_not_overflow():
    values = np.array([[2_000_000_000], [2_000_000_000], [2_000_000_000]], dtype=np.int32)
    point, _, _ = bootstrap_sums(values, [[np.array([0, 1, 2])]], _sum, n_resamples=0)
    assert point[0, 0] == 6_000_000_000


def test_constant_receives_each_samples_minima_and_maxima():
    seen = {}

    def constant(mins, maxs):
        seen["mins"], seen["maxs"] = mins.copy(), maxs.copy()
        return np.zeros((mins.shape[0], 1), dtype=bool)

    values = np.array([[1.0, 9.0], [3.0, 2.0], [5.0, 5.0]])
    bootstrap_sums(values, [[np.array([0, 1])], [np.array([1, 2])]], lambda s: s[:, 0, :1, :], n_resamples=20,
                   constant=constant)
    assert seen["mins"].tolist() == [[[1.0, 2.0]], [[3.0, 2.0]]]
    assert seen["maxs"].tolist() == [[[3.0, 9.0]], [[5.0, 5.0]]]


@pytest.mark.parametrize("as_int", [False, True])
def test_statistics_marked_constant_keep_their_point_even_with_two_units(as_int):
    # the marker is taken at its word (here it lies): two-unit items are fixed, one-unit items stay NaN
    values = np.array([[1.0], [7.0], [4.0]])
    items = [[np.array([0, 1])], [np.array([2])]]

    def constant(mins, maxs):
        marks = np.ones((2, 1), dtype=bool)
        return marks.astype(int) if as_int else marks

    point, low, high = bootstrap_sums(values, items, _sum, n_resamples=30, constant=constant)
    assert point[:, 0].tolist() == [8.0, 4.0]
    assert low[0, 0] == high[0, 0] == 8.0
    assert np.isnan(low[1, 0]) and np.isnan(high[1, 0])
