"""Frame scores and bootstrap intervals from the public functions, checked against independent computations.

Written against the mutants mutmut left alive in framing/stats/frame_scores.py and framing/stats/bootstrap.py
(see TESTING.md).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.corpus.segment import measure_voice
from framing.extract.frames import match_frames
from framing.stats.bootstrap import bootstrap_sums
from framing.schema import unpooled
from framing.stats.frame_scores import frame_units, score_frame_levels, score_frame_units, score_frames, score_unit_levels


@pytest.fixture(scope="module")
def seeds(seed_corpus):
    sentences = measure_voice(seed_corpus.sentences, quotes=seed_corpus.quotes)
    return seed_corpus, sentences, match_frames(sentences, quotes=seed_corpus.quotes)


def _by_hand(sentences, matches, articles, by):
    """Counts and rates per group computed directly from the per-document tables."""
    m = matches[(matches.lexicon == "stance") & ~matches.negated.astype(bool)]
    rows = {}
    if by == "voice":
        for voice in ("quoted", "narration"):
            words = sentences[f"n_words_{voice}"].sum()
            counts = m[m.voice == voice].frame.value_counts()
            rows[voice] = (words, counts.get("conciliatory", 0), counts.get("warning", 0))
    else:
        labels = articles.assign(**{by: unpooled(articles[by], articles["doc_id"])})[["doc_id", by]]
        s = sentences.merge(labels, on="doc_id")
        mm = m.merge(labels, on="doc_id")
        for group, g in s.groupby(by):
            counts = mm[mm[by] == group].frame.value_counts()
            rows[group] = (g.n_words.sum(), counts.get("conciliatory", 0), counts.get("warning", 0))
    return rows


@pytest.mark.parametrize("by", ["voice", "outlet"])
def test_scores_equal_a_computation_by_hand(seeds, by):
    corpus, sentences, matches = seeds
    t = score_frames(sentences, matches, by=[by], articles=corpus.articles, n_resamples=0)
    expected = _by_hand(sentences, matches, corpus.articles, by)
    assert sorted(t["group"].unique()) == sorted(expected)
    for group, (words, conc, warn) in expected.items():
        g = t[t.group == group].set_index(["frame", "measure"])["value"]
        assert (g[("conciliatory", "count")], g[("warning", "count")]) == (conc, warn)
        assert g[("warning", "rate_per_1000")] == pytest.approx(1000 * warn / words)
        assert g[("balance", "balance")] == pytest.approx((conc - warn) / (conc + warn) if conc + warn else 0.0)
        assert t[t.group == group]["n_words"].iloc[0] == words
    if by == "voice":  # a sentence's quoted and narrated words are separate units
        assert t[t.group == "quoted"]["n_sentences"].iloc[0] == (sentences.n_words_quoted > 0).sum()


def test_the_documented_defaults_are_the_defaults(seeds):
    corpus, sentences, matches = seeds
    default = score_frames(sentences, matches, articles=corpus.articles)
    explicit = score_frames(sentences, matches, articles=corpus.articles, lexicon="stance", by=["outlet"],
                            n_resamples=2000, confidence_level=0.95, seed=0)
    pd.testing.assert_frame_equal(default, explicit)
    assert default["ci_low"].notna().any()
    units = frame_units(sentences.merge(corpus.articles[["doc_id", "outlet"]]), matches)
    pd.testing.assert_frame_equal(score_frame_units(units), score_frame_units(
        units, lexicons=["stance"], by=["outlet"], n_resamples=2000, confidence_level=0.95, seed=0))
    levels = score_frame_levels(sentences, matches, articles=corpus.articles, levels=[["outlet"]])
    pd.testing.assert_frame_equal(levels.reset_index(drop=True), score_frame_levels(
        sentences, matches, articles=corpus.articles, levels=[["outlet"]], lexicons=["stance"], n_resamples=2000,
        confidence_level=0.95, seed=0).reset_index(drop=True))


def test_frame_levels_split_by_voice_where_a_level_asks(seeds):
    corpus, sentences, matches = seeds
    t = score_frame_levels(sentences, matches, articles=corpus.articles, levels=[["voice"], ["outlet", "voice"]],
                           n_resamples=0)
    by_hand = _by_hand(sentences, matches, corpus.articles, "voice")
    quoted = t[(t.level == "voice") & (t.group == "quoted")].set_index(["frame", "measure"])["value"]
    assert quoted[("warning", "count")] == by_hand["quoted"][2]
    assert set(t[t.level == "outlet:voice"]["voice"]) == {"quoted", "narration"}


def test_units_keep_any_index_and_drop_voice_parts_without_words():
    s = pd.DataFrame({"doc_id": ["a", "a", "b"], "sent_id": [0, 1, 0], "n_words": [4, 6, 5],
                      "n_words_quoted": [0, 6, 2], "n_words_narration": [4, 0, 3]}, index=[10, 20, 30])
    m = pd.DataFrame({"doc_id": ["a", "b", "b"], "sent_id": [1, 0, 0], "lexicon": ["stance"] * 3,
                      "frame": ["warning", "warning", "conciliatory"], "voice": ["quoted", "narration", "quoted"],
                      "negated": [False, False, True]})
    u = frame_units(s, m)
    assert u.index.tolist() == [0, 1, 2] and u["count:stance:warning"].tolist() == [0, 1, 1]
    assert u["count:stance:conciliatory"].tolist() == [0, 0, 0]  # the negated match is not counted
    v = frame_units(s, m, by_voice=True)
    assert v[["doc_id", "sent_id", "voice", "n_words"]].values.tolist() == [
        ["a", 1, "quoted", 6], ["b", 0, "quoted", 2], ["a", 0, "narration", 4], ["b", 0, "narration", 3]]
    assert v["count:stance:warning"].tolist() == [1, 0, 0, 1] and v.index.tolist() == [0, 1, 2, 3]
    assert frame_units(s, m.iloc[:0])["count:stance:warning"].tolist() == [0, 0, 0]
    assert len(frame_units(s.iloc[:0], m)) == 0


def test_an_empty_level_gives_the_table_columns_with_the_grouping_columns():
    units = frame_units(pd.DataFrame({"doc_id": [], "sent_id": [], "n_words": [], "leaning": []}),
                        pd.DataFrame(columns=["doc_id", "sent_id", "lexicon", "frame", "voice", "negated"]))
    t = score_frame_units(units, by=["leaning"], n_resamples=0)
    assert len(t) == 0 and "leaning" in t.columns and "value" in t.columns


def test_a_frame_a_group_never_uses_has_a_zero_width_interval_and_others_vary():
    s = pd.DataFrame({"doc_id": list("aaaabbbb"), "sent_id": [0, 1, 2, 3] * 2, "n_words": [10, 12, 9, 11] * 2,
                      "outlet": ["X"] * 4 + ["Y"] * 4})
    m = pd.DataFrame({"doc_id": ["a", "a", "b"], "sent_id": [0, 2, 1], "lexicon": ["stance"] * 3,
                      "frame": ["warning", "warning", "conciliatory"], "voice": ["narration"] * 3,
                      "negated": [False] * 3})
    t = score_frame_units(frame_units(s, m), by=["outlet"], n_resamples=500).set_index(["group", "frame",
                                                                                          "measure"])
    never = t.loc[("X", "conciliatory", "rate_per_1000")]
    assert never["value"] == never["ci_low"] == never["ci_high"] == 0
    varies = t.loc[("X", "warning", "rate_per_1000")]
    assert varies["ci_low"] < varies["value"] < varies["ci_high"]
    one_frame = t.loc[("X", "balance", "balance")]  # one frame only: -1, or 0 in a draw without a match
    assert one_frame["value"] == -1 and one_frame["ci_low"] == -1 and one_frame["ci_high"] in (-1, 0)


def test_many_small_groups_get_their_own_sums():
    """40 groups of 3 units (the sparse path): each group's units all hold its number, so every resample of a
    group has the same mean and any unit sent to the wrong group would show in the interval."""
    n_groups, size = 40, 3
    group = np.repeat(np.arange(n_groups), size)
    values = np.column_stack([group, 2 * group]).astype(float)
    items = [[np.flatnonzero(group == g)] for g in range(n_groups)]
    point, low, high = bootstrap_sums(values, items, lambda s: s[:, 0, :, :] / size, n_resamples=200)
    np.testing.assert_array_equal(point[:, 0], np.arange(n_groups))
    np.testing.assert_allclose(low, point)
    np.testing.assert_allclose(high, point)


def test_small_groups_with_varying_units_stay_within_their_range():
    rng = np.random.default_rng(3)
    n_groups, size = 30, 4
    values = rng.normal(size=(n_groups * size, 1)) + np.repeat(np.arange(n_groups) * 10.0, size)[:, None]
    items = [[np.arange(g * size, (g + 1) * size)] for g in range(n_groups)]
    point, low, high = bootstrap_sums(values, items, lambda s: s[:, 0, :, :] / size, n_resamples=300)
    for g in range(n_groups):
        unit = values[g * size:(g + 1) * size, 0]
        assert unit.min() <= low[g, 0] <= point[g, 0] <= high[g, 0] <= unit.max()
        assert high[g, 0] > low[g, 0]


def test_the_same_seed_and_label_give_the_same_intervals_and_another_label_other_draws():
    values = np.arange(20, dtype=float)[:, None]
    items = [[np.arange(10)], [np.arange(10, 20)]]
    mean = lambda s: s[:, 0, :, :] / 10  # noqa: E731
    a = bootstrap_sums(values, items, mean, n_resamples=300, seed=1, label="x")
    b = bootstrap_sums(values, items, mean, n_resamples=300, seed=1, label="x")
    c = bootstrap_sums(values, items, mean, n_resamples=300, seed=1, label="y")
    np.testing.assert_array_equal(a[1], b[1])
    assert not np.array_equal(a[1], c[1])


# ---- measure_voice: quoted and narrated words per sentence -------------------------------------------------

def _voice(texts_by_doc: dict[str, list[str]], quotes: list[tuple[str, str]]) -> pd.DataFrame:
    """Sentences laid out as in an article (one space apart) and quotes given by their quoted text."""
    rows, spans = [], []
    for doc_id, texts in texts_by_doc.items():
        at, article = 100, " " * 100  # sentences do not start at offset 0
        for i, text in enumerate(texts):
            rows.append({"doc_id": doc_id, "sent_id": i, "start": at, "end": at + len(text), "text": text,
                         "n_words": len(text.split())})
            article += text + " "
            at += len(text) + 1
        for qdoc, quoted in quotes:
            if qdoc == doc_id:
                begin = article.index(quoted)
                spans.append({"doc_id": doc_id, "start": begin, "end": begin + len(quoted)})
    return measure_voice(pd.DataFrame(rows), quotes=pd.DataFrame(spans, columns=["doc_id", "start", "end"]))


def test_quoted_words_are_counted_in_each_sentence_a_quotation_touches():
    v = _voice({"a": ["No quote here at all.", "Then he said “we will talk” and left.",
                      "“One two”, he said, “three four five”.", "A “long quote that", "ends here” now."]},
               [("a", "“we will talk”"), ("a", "“One two”"), ("a", "“three four five”"),
                ("a", "“long quote that ends here”")])
    assert v["n_words_quoted"].tolist() == [0, 3, 5, 3, 2]
    assert v["n_words_narration"].tolist() == [5, 5, 2, 1, 1]
    assert v["voice"].tolist() == ["narration", "narration", "quoted", "quoted", "quoted"]


def test_a_document_without_quotations_does_not_stop_the_next_one():
    v = _voice({"a": ["Nothing quoted here."], "b": ["He said “all is well” today."]}, [("b", "“all is well”")])
    assert v["n_words_quoted"].tolist() == [0, 3]


def test_a_tie_goes_to_narration():
    v = _voice({"a": ["“Yes indeed,” he said."]}, [("a", "“Yes indeed,”")])
    assert v[["n_words_quoted", "n_words_narration", "voice"]].values.tolist() == [[2, 2, "narration"]]


def test_paraphrase_words_are_zero_until_paraphrase_is_marked():
    # measure_voice adds every voice column of the schema; framing.extract.mark_paraphrase fills this one later
    v = _voice({"a": ["He said “all is well” today.", "Nothing here."]}, [("a", "“all is well”")])
    assert v["n_words_paraphrase"].tolist() == [0, 0]
    assert v["n_words_paraphrase"].dtype == np.int64


def _mean(size):
    return lambda s: s[:, 0, :, :] / size


def test_bootstrap_batches_of_bounded_size_give_every_item_an_interval():
    rng = np.random.default_rng(5)
    n_items, size = 12, 6
    values = rng.normal(size=(n_items * size, 1)) + np.repeat(np.arange(n_items) * 5.0, size)[:, None]
    items = [[np.arange(i * size, (i + 1) * size)] for i in range(n_items)]
    for max_units, max_outputs in ((2_000_000, 4_000_000), (7, 4_000_000), (2_000_000, 300)):
        point, low, high = bootstrap_sums(values, items, _mean(size), n_resamples=200, max_units=max_units,
                                          max_outputs=max_outputs)
        assert not np.isnan(low).any() and not np.isnan(high).any(), (max_units, max_outputs)
        for i in range(n_items):
            unit = values[i * size:(i + 1) * size, 0]
            assert unit.min() <= low[i, 0] < point[i, 0] < high[i, 0] <= unit.max()


def test_bootstrap_needs_two_units_per_sample_and_has_documented_defaults():
    values = np.array([[1.0], [3.0], [5.0], [10.0], [20.0], [7.0]])
    items = [[np.array([0, 1])], [np.array([2])], [np.array([3, 4, 5])]]
    point, low, high = bootstrap_sums(values, items, lambda s: s[:, 0, :, :], n_resamples=300)
    assert point[:, 0].tolist() == [4.0, 5.0, 37.0]
    assert not np.isnan(low[0, 0]) and np.isnan(low[1, 0]) and not np.isnan(low[2, 0])  # two units are enough
    explicit = bootstrap_sums(values, items, lambda s: s[:, 0, :, :], n_resamples=2000, confidence_level=0.95,
                              seed=0, label="", max_units=2_000_000, max_outputs=4_000_000)
    default = bootstrap_sums(values, items, lambda s: s[:, 0, :, :])
    for a, b in zip(default, explicit):
        np.testing.assert_array_equal(a, b)
    none = bootstrap_sums(values, [], lambda s: s[:, 0, :, :])
    assert [x.shape for x in none] == [(0, 0)] * 3
    zero = bootstrap_sums(values, items, lambda s: s[:, 0, :, :], n_resamples=0)
    assert np.isnan(zero[1]).all() and zero[0][:, 0].tolist() == [4.0, 5.0, 37.0]


def test_a_constant_statistic_needs_two_units_too():
    values = np.array([[2.0], [2.0], [2.0]])
    items = [[np.array([0, 1])], [np.array([2])]]
    point, low, high = bootstrap_sums(values, items, lambda s: s[:, 0, :, :], n_resamples=200,
                                      constant=lambda mins, maxs: (mins == maxs)[:, 0])
    assert low[0, 0] == high[0, 0] == 4.0 and np.isnan(low[1, 0])


def test_per_document_rows_are_point_values_and_groups_have_intervals():
    s = pd.DataFrame({"doc_id": list("aaabbb"), "sent_id": [0, 1, 2] * 2, "n_words": [10] * 6, "outlet": list("XXXYYY")})
    m = pd.DataFrame({"doc_id": list("aab"), "sent_id": [0, 1, 0], "lexicon": "stance", "frame": "warning",
                      "voice": "narration", "negated": False})
    t = score_unit_levels({False: frame_units(s, m)}, lexicons=["stance"], levels=[["doc_id"], ["outlet"]],
                          n_resamples=200)
    doc = t[(t.level == "doc_id") & (t.frame == "warning") & (t.measure == "count")].set_index("group")
    assert doc.value.to_dict() == {"a": 2.0, "b": 1.0} and doc.ci_low.isna().all() and doc.ci_high.isna().all()
    outlet = t[(t.level == "outlet") & (t.frame == "warning") & (t.measure == "count")].set_index("group")
    assert outlet.ci_low.notna().all() and (outlet.ci_low <= outlet.value).all()
    assert outlet.loc["X", "ci_high"] > outlet.loc["X", "ci_low"]  # X's sentences differ, so its interval has width
