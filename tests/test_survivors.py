"""Tests written for bugs an audit planted and the suite let through: each fails if that bug comes back."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.cli import main
from framing.corpus import find_quote_spans, measure_voice
from framing.extract import match_frames
from framing.stats import score_frames


def _sentences(*texts: str) -> pd.DataFrame:
    starts = np.cumsum([0, *[len(t) + 2 for t in texts[:-1]]])
    return pd.DataFrame({"doc_id": "d", "sent_id": range(len(texts)), "text": list(texts), "start": starts,
                         "end": starts + [len(t) for t in texts], "n_words": [len(t.split()) for t in texts]})


NO_QUOTES = pd.DataFrame({"doc_id": pd.Series([], dtype=object), "start": pd.Series([], dtype="int64"),
                          "end": pd.Series([], dtype="int64")})


def test_double_negation_keeps_a_warning_and_a_plain_negation_drops_it():
    found = match_frames(_sentences("China has not ruled out the use of force.", "Beijing said it is not a threat."),
                         quotes=NO_QUOTES, lexicon="stance")
    force = found[found["match"] == "use of force"] if (found["match"] == "use of force").any() else found[
        found["match"].str.contains("force")]
    assert len(force) == 1 and not force["negated"].item()  # "not ruled out" affirms: still a warning
    threat = found[found["match"] == "threat"]
    assert threat["negated"].item() and threat["negator"].item() == "not"


def test_a_quotation_span_ends_right_after_its_closing_mark():
    text = "He said “mutual respect” twice."
    (span,) = find_quote_spans(text)
    assert text[span["start"]:span["end"]] == "“mutual respect”" and text[span["end"]] == " "
    sentences = _sentences(text)
    voiced = measure_voice(sentences, quotes=pd.DataFrame({"doc_id": ["d"], "start": [span["start"]],
                                                           "end": [span["end"]]}))
    assert voiced[["n_words_quoted", "n_words_narration"]].values.tolist() == [[2, 3]]  # "twice" is narration


def _scores(**options):
    sentences = _sentences(*["Critics warned of a threat and urged caution." if i % 3 else
                             "Both sides praised cooperation and mutual respect." for i in range(30)])
    sentences["outlet"] = ["A", "B"] * 15
    matches = match_frames(sentences, quotes=NO_QUOTES, lexicon="stance")
    scores = score_frames(sentences, matches, by=["outlet"], n_resamples=500, **options)
    return scores[scores["measure"] == "balance"].set_index("group")


def test_the_bootstrap_seed_and_confidence_level_are_used():
    base = _scores(seed=1)
    assert base[["ci_low", "ci_high"]].equals(_scores(seed=1)[["ci_low", "ci_high"]])
    # a discrete statistic can land on the same percentiles for two seeds; four seeds cannot all agree
    others = [_scores(seed=s)[["ci_low", "ci_high"]] for s in (2, 3, 4)]
    assert not all(base[["ci_low", "ci_high"]].equals(o) for o in others)
    narrow = _scores(seed=1, confidence_level=0.5)
    assert ((narrow["ci_high"] - narrow["ci_low"]) < (base["ci_high"] - base["ci_low"])).all()
    assert (narrow["value"] == base["value"]).all()


def test_channel_reliance_figure_holds_the_shares_counted_from_the_attributions(tmp_path, seeds_dir):
    import framing

    out = framing.run_report(seeds_dir, out=tmp_path / "r", notebooks=["03-source-attribution"], progress=False,
                             n_resamples=0)
    figure = pd.read_csv(out / "figures" / "channel_reliance.csv", keep_default_na=False)
    attributions = pd.read_parquet(out / "tables" / "attributions.parquet")
    articles = pd.read_parquet(out / "tables" / "articles.parquet")
    group = dict(zip(articles["doc_id"], framing.viz.plotdata.group_labels(articles, "outlet")))
    counted = (attributions.assign(group=attributions["doc_id"].map(group),
                                   key=attributions["channel"].replace("", "unstated"))
               .groupby(["group", "key"]).size().rename("n").reset_index())
    counted["share"] = counted["n"] / counted.groupby("group")["n"].transform("sum")
    merged = figure.merge(counted, on=["group", "key"], suffixes=("", "_counted"), how="outer")
    assert len(merged) == len(figure) == len(counted) and (merged["n"] == merged["n_counted"]).all()
    assert np.allclose(merged["share"], merged["share_counted"])


def test_text_and_id_columns_are_taken_from_the_flags(tmp_path):
    table = tmp_path / "t.csv"
    pd.DataFrame({"url": ["u1", "u2"], "body": ["First story about trade talks.", "Second story on water."]}
                 ).to_csv(table, index=False)
    assert main(["ingest", str(table), "--text-column", "body", "--id-column", "url", "--out", str(tmp_path / "o")]) == 0
    articles = pd.read_csv(tmp_path / "o" / "articles.csv")
    assert articles["doc_id"].tolist() == ["u1", "u2"] and articles["text"][0] == "First story about trade talks."


def test_rules_flag_is_used(tmp_path, seeds_dir):
    rules = tmp_path / "rules.yaml"
    rules.write_text("name: mine\nversion: 9.9.9\nrules:\n  - {id: drop-trump, category: test, action: drop, "
                     "pattern: '.*Trump.*'}\n", encoding="utf-8")
    assert main(["ingest", str(seeds_dir), "--rules", str(rules), "--out", str(tmp_path / "o")]) == 0
    removed = pd.read_csv(tmp_path / "o" / "removed_lines.csv")
    shipped = {rule.id for rule in __import__("framing").config.load_boilerplate_rules().rules}
    assert "drop-trump" in set(removed["rule"]) and not set(removed["rule"]) & shipped  # only the given rules
    assert removed.loc[removed["rule"] == "drop-trump", "text"].str.contains("Trump").all()
    assert not pd.read_csv(tmp_path / "o" / "articles.csv")["text"].str.contains("\n\n[^\n]*Trump[^\n]*\n\n").any()
