"""Wire credits and text reuse, on a fixture corpus with known copies (tests/reuse_fixtures.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing import compute_signals, load_corpus
from framing.config.credits import load_credit_rules
from framing.corpus.clean import clean_text
from framing.errors import ConfigFileError, UsageError
from framing.io.tables import write_tables
from framing.pipeline.signals import stream_signals
from framing.pipeline.subset import filter_signals
from reuse_fixtures import OWN_STORY, WIRE_STORY, write_reuse_corpus


@pytest.fixture(scope="module")
def reuse_dir(tmp_path_factory):
    return write_reuse_corpus(tmp_path_factory.mktemp("reuse") / "harbour")


@pytest.fixture(scope="module")
def corpus(reuse_dir):
    return load_corpus(reuse_dir)


@pytest.fixture(scope="module")
def modes(corpus):
    return {mode: compute_signals(corpus, n_resamples=200, reuse=mode) for mode in ("keep", "first", "weight")}


# ---- credits ---------------------------------------------------------------------------------------------

def test_each_credit_form_is_read_into_credit_and_wire(corpus):
    a = corpus.articles.set_index("doc_id")
    assert a.loc["ap-original", ["credit", "wire", "dateline"]].tolist() == ["AP", True, "HARBOURTON"]
    assert a.loc["daily-copy", ["credit", "wire"]].tolist() == ["AP", True]  # the copy keeps the dateline
    assert a.loc["herald-edit", ["credit", "wire"]].tolist() == ["AP", True]  # "By Jane Roe, Associated Press"
    assert a.loc["times-markets", ["credit", "wire"]].tolist() == ["Reuters", True]  # (Reporting by …; Editing by …)
    assert a.loc["post-afp", ["credit", "wire", "dateline"]].tolist() == ["AFP", True, "Port City"]
    assert a.loc["blog-hattip", ["credit", "wire"]].tolist() == ["The Coastal Gazette", False]
    assert a.loc["gazette-own", "credit"] is None and not a.loc["gazette-own", "wire"]
    assert a["wire"].dtype == bool


def test_credit_only_lines_leave_the_text_and_are_reported(corpus):
    removed = corpus.removed.set_index("doc_id")
    assert removed.loc["herald-edit", "rule"] == "credit-byline"
    assert removed.loc["times-markets", "rule"] == "credit-reuters-credits"
    assert removed.loc["blog-hattip", ["rule", "category"]].tolist() == ["credit-hat-tip", "credit"]
    text = corpus.articles.set_index("doc_id")["text"]
    assert "Reporting by" not in text["times-markets"] and "h/t" not in text["blog-hattip"]
    assert not text["ap-original"].split("\n\n")[1].startswith("HARBOURTON")  # the dateline left the body
    assert "Organisers said" in text["post-afp"]  # a sign-off inside a paragraph keeps the paragraph


@pytest.mark.parametrize("text, credit, wire", [
    ("Title here\n\nWASHINGTON (AP) — The talks went on.", "AP", True),
    ("Title here\n\nBEIJING, March 3 (Xinhua) -- The talks went on.", "Xinhua", True),
    ("Title here\n\nLONDON (Reuters) - The talks went on.", "Reuters", True),
    ("Title here\n\nThe talks went on.\n\nThe Associated Press contributed to this report.", "AP", True),
    ("Title here\n\nThe talks went on.\n\n© 2025 The Associated Press. All rights reserved.", "AP", True),
    ("Title here\n\nThe talks went on.\n\n(AFP)", "AFP", True),
    ("Title here\n\nThe talks went on.\n\n(h/t Mediaite.)", "Mediaite", False),
    ("Title here\n\nThe talks went on.\n\nSource: BBC", "BBC", False),
    ("Title here\n\nWASHINGTON (CNN) — The talks went on.", "CNN", False),
    # an agency named in a body sentence is not a credit
    ("Title here\n\nThe minister told the Associated Press that talks went on.\n\nHe told AP more.", None, False),
    ("Title here\n\nThe apparent gap was small, said the ap official.", None, False),
])
def test_credit_forms_and_body_mentions(text, credit, wire):
    out = clean_text(text, credits=load_credit_rules())
    assert out.fields.get("credit") == credit
    assert out.fields["wire"] == ("true" if wire else "false")


def test_a_sidecar_credit_decides_wire_and_a_sidecar_wire_column_wins(tmp_path):
    d = tmp_path / "c"
    d.mkdir()
    for name in ("a", "b", "c"):
        (d / f"{name}.txt").write_text("A headline here\n\nThe talks went on for hours.\n", encoding="utf-8")
    (d / "metadata.csv").write_text("doc_id,outlet,credit,wire\na,X,Reuters,\nb,Y,Daily Planet,\nc,Z,,true\n",
                                    encoding="utf-8")
    a = load_corpus(d).articles.set_index("doc_id")
    assert a["wire"].to_dict() == {"a": True, "b": False, "c": True}


def test_a_bad_credits_file_is_one_line_naming_it(tmp_path):
    bad = tmp_path / "credits.yaml"
    bad.write_text("name: c\nagencies: [{id: AP, names: [AP]}]\nforms: [{id: f, where: middle, pattern: 'x{agency}'}]\n")
    with pytest.raises(ConfigFileError, match=r"credits.yaml: form 1: where 'middle' is not one of \['lead', 'end', 'any'\]"):
        load_credit_rules(bad)
    bad.write_text("name: c\nagencies: [{id: AP, names: [AP]}]\nforms: [{id: f, where: end, pattern: 'plain'}]\n")
    with pytest.raises(ConfigFileError, match="needs '{agency}'"):
        load_credit_rules(bad)


# ---- pairs and clusters ----------------------------------------------------------------------------------

def test_reuse_pairs_find_the_copy_the_edit_and_the_shared_paragraph(modes):
    pairs = modes["keep"].reuse.set_index(["doc_a", "doc_b"])
    assert pairs.loc[("ap-original", "daily-copy"), ["kind", "similarity", "shared_sentences"]].tolist() == [
        "exact", 1.0, 12]
    edit = pairs.loc[("ap-original", "herald-edit")]
    assert edit["kind"] == "near_duplicate" and edit["shared_sentences"] == 10  # 12 minus the edited and the dropped
    assert edit["share_b"] == round(10 / 11, 4) and edit["first"] == "ap-original"
    shared = pairs.loc[("ap-original", "times-markets")]
    assert shared["kind"] == "partial" and shared["shared_sentences"] == 3
    assert shared["share_b"] == round(3 / 8, 4) and shared["cluster_id"] is None or pd.isna(shared["cluster_id"])
    involved = set(modes["keep"].reuse["doc_a"]) | set(modes["keep"].reuse["doc_b"])
    assert involved == {"ap-original", "daily-copy", "herald-edit", "times-markets"}  # the own story: no pair


def test_clusters_hold_the_copies_with_the_first_published_first(modes):
    clusters = modes["keep"].reuse_clusters
    assert clusters["doc_id"].tolist() == ["ap-original", "daily-copy", "herald-edit"]
    assert set(clusters["cluster_id"]) == {"ap-original"}
    assert clusters["is_first"].tolist() == [True, False, False]
    assert clusters["cluster_size"].tolist() == [3, 3, 3] and clusters["n_outlets"].tolist() == [3, 3, 3]
    np.testing.assert_allclose(clusters["weight"], 1 / 3)


def test_comparisons_say_when_two_outlets_ran_the_same_copy(modes):
    c = modes["keep"].frame_comparisons
    outlets = c[c["by"] == "outlet"].set_index(["group_a", "group_b"])["shared_clusters"]
    assert outlets.loc[("AP Wire", "Daily")].eq(1).all() and outlets.loc[("Daily", "Herald")].eq(1).all()
    assert outlets.loc[("AP Wire", "Gazette")].eq(0).all() and outlets.loc[("AP Wire", "Times")].eq(0).all()
    assert c.loc[c["by"] == "voice", "shared_clusters"].eq(0).all()


# ---- what each --reuse mode does to the scores -----------------------------------------------------------

def _event_count(signals, frame: str) -> float:
    fs = signals.frame_scores
    row = fs[(fs.lexicon == "stance") & (fs.level == "event") & (fs.frame == frame) & (fs.measure == "count")]
    return float(row["value"].item())


def _doc_counts(signals, frame: str) -> pd.Series:
    m = signals.frame_matches
    m = m[(m.lexicon == "stance") & (m.frame == frame) & ~m.negated.astype(bool)]
    return m.groupby("doc_id").size().reindex(signals.articles.doc_id, fill_value=0)


@pytest.mark.parametrize("frame", ["conciliatory", "warning"])
def test_each_mode_counts_the_copies_as_documented(modes, frame):
    per_doc = _doc_counts(modes["keep"], frame)
    assert per_doc[["ap-original", "daily-copy", "herald-edit"]].min() > 0  # the test can see the copies
    weights = pd.Series(1.0, index=per_doc.index)
    assert _event_count(modes["keep"], frame) == per_doc.sum()
    later = ["daily-copy", "herald-edit"]
    assert _event_count(modes["first"], frame) == per_doc.drop(later).sum()
    weights[["ap-original", *later]] = 1 / 3
    assert _event_count(modes["weight"], frame) == pytest.approx((per_doc * weights).sum())
    for mode in modes:  # per-document tables keep every article whatever the mode
        pd.testing.assert_frame_equal(modes[mode].frame_matches, modes["keep"].frame_matches)


def test_first_mode_leaves_outlets_whose_only_article_is_a_later_copy_out_of_the_scores(modes):
    groups = set(modes["first"].frame_scores.query("level == 'outlet'")["group"])
    assert "Daily" not in groups and "Herald" not in groups and "AP Wire" in groups
    assert "Daily" in set(modes["keep"].frame_scores.query("level == 'outlet'")["group"])


def test_weight_mode_weighs_sentiment_attributions_and_terms(modes):
    keep, weight = modes["keep"], modes["weight"]
    s = keep.sentiment.merge(keep.articles[["doc_id"]], on="doc_id")
    w = s["doc_id"].map({"ap-original": 1 / 3, "daily-copy": 1 / 3, "herald-edit": 1 / 3}).fillna(1.0)
    expected = float((s["polarity"] * w).sum() / w.sum())
    got = weight.sentiment_scores.query("level == 'event' and measure == 'polarity'")["value"].item()
    assert got == pytest.approx(expected)
    assert got != pytest.approx(keep.sentiment_scores.query("level == 'event' and measure == 'polarity'")["value"].item())
    a_keep = keep.attribution_scores.query("level == 'outlet' and group == 'Daily' and measure == 'side_share'")
    a_weight = weight.attribution_scores.query("level == 'outlet' and group == 'Daily' and measure == 'side_share'")
    assert len(a_keep) and np.allclose(a_weight["n"].astype(float), a_keep["n"].astype(float) / 3)
    np.testing.assert_allclose(a_weight["share"], a_keep["share"])  # within one outlet every copy has one weight
    t_keep = keep.distinctive_terms.query("by == 'outlet' and group == 'Daily'").set_index("term")["count_group"]
    t_weight = weight.distinctive_terms.query("by == 'outlet' and group == 'Daily'").set_index("term")["count_group"]
    common = t_keep.index.intersection(t_weight.index)
    assert len(common) > 5
    np.testing.assert_allclose(t_weight[common].astype(float), t_keep[common].astype(float) / 3, rtol=1e-5)


def test_an_unknown_mode_is_an_error_listing_the_modes(corpus):
    with pytest.raises(UsageError, match=r"'keep', 'first', 'weight'"):
        compute_signals(corpus, n_resamples=0, reuse="dedupe")


# ---- the streamed path and subsets -----------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["keep", "weight"])
def test_streamed_tables_equal_the_in_memory_tables(reuse_dir, corpus, modes, mode, tmp_path):
    stream_signals(reuse_dir, tmp_path / "streamed", n_resamples=200, chunk_docs=2, reuse=mode)
    tables = {**modes[mode].tables, "load_report": corpus.load_report, "removed_lines": corpus.removed}
    write_tables(tables, tmp_path / "memory", parquet=False)
    names = sorted(p.name for p in (tmp_path / "memory").glob("*.csv"))
    assert "reuse.csv" in names and "reuse_clusters.csv" in names
    for name in names:
        assert (tmp_path / "streamed" / name).read_bytes() == (tmp_path / "memory" / name).read_bytes(), name


def test_a_subset_keeps_its_own_pairs_and_recounts_clusters(modes, corpus):
    sig = modes["weight"]
    sub = filter_signals(sig.tables, resources=sig.resources, outlets=["AP Wire", "Daily", "Gazette"],
                         n_resamples=200, reuse="weight")
    assert sub["reuse"][["doc_a", "doc_b"]].values.tolist() == [["ap-original", "daily-copy"]]
    assert sub["reuse_clusters"]["cluster_size"].tolist() == [2, 2]
    per_doc = _doc_counts(modes["keep"], "warning")
    expected = per_doc["ap-original"] / 2 + per_doc["daily-copy"] / 2 + per_doc["gazette-own"]
    assert _event_count(type(sig)(sub, sig.resources), "warning") == pytest.approx(expected)


def test_unrelated_articles_on_the_same_event_are_not_reuse(tmp_path):
    d = tmp_path / "own"
    d.mkdir()
    (d / "a.txt").write_text("Story A\n\n" + " ".join(OWN_STORY[:4]), encoding="utf-8")
    (d / "b.txt").write_text("Story B\n\n" + " ".join(OWN_STORY[4:]), encoding="utf-8")
    (d / "c.txt").write_text("Story C\n\n" + " ".join(WIRE_STORY[6:]), encoding="utf-8")
    sig = compute_signals(d, n_resamples=0)
    assert sig.reuse.empty and sig.reuse_clusters.empty
    assert sig.frame_comparisons["shared_clusters"].eq(0).all()
