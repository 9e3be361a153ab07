"""The validation workflow: sample → code → score, on a corpus written for these tests (not the seeds)."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from framing.cli import main
from framing.config import load_lexicon
from framing.errors import UsageError
from framing.io import read_coding_sheets
from framing.io.sheets import SHEET_COLUMNS
from framing.pipeline import draw_coding_sample, score_coding, suggest_corpus_terms
from framing.stats import coder_agreement, consensus, sample_for_coding, score_lexicon

LEX = load_lexicon("stance")

# Three outlets; each article has sentences the stance lexicon matches and sentences it does not.
ARTICLES = {
    "alpha-1": ("Alpha Wire", [
        "Officials warned that the blockade could lead to war with the neighbours.",
        "The ministers praised the new partnership and pledged closer ties.",
        "Rainfall in the capital reached a record for the month of May.",
        "The committee will meet again on Tuesday afternoon to review the budget.",
        "Troops fired on protesters, and the violence spread to three towns overnight.",
        "The two leaders agreed to work together on climate and trade issues.",
    ]),
    "alpha-2": ("Alpha Wire", [
        "The envoy threatened new sanctions on the regime if talks failed.",
        "Local bakeries reported higher flour prices after the harvest.",
        "Both sides called for calm and sought to ease tensions along the border.",
        "The museum reopened with an exhibition of early photographs.",
        "Analysts said the missile test was a dangerous provocation.",
    ]),
    "beta-1": ("Beta Times", [
        "The president congratulated his rival and offered an olive branch to the opposition.",
        "Parliament approved the transport bill after a long debate.",
        "Police said a gunman killed two people outside the station.",
        "The opposition leader warned of catastrophic consequences for the economy.",
        "Students returned to classes after the summer holidays.",
        "Negotiators reached an agreement on the ceasefire late on Sunday.",
    ]),
    "gamma-1": ("Gamma Daily", [
        "The general said the army would retaliate against any incursion.",
        "A new bridge will connect the two districts by next year.",
        "The foreign minister spoke warmly of the friendship between the nations.",
        "Farmers expect a good harvest if the weather holds for another month.",
        "Residents were terrified after the explosion shook the market.",
        "The mayor thanked volunteers who cleaned the river banks.",
    ]),
}


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    rows = []
    for doc_id, (outlet, sentences) in ARTICLES.items():
        (folder / f"{doc_id}.txt").write_text("\n\n".join(sentences) + "\n", encoding="utf-8")
        rows.append({"doc_id": doc_id, "outlet": outlet, "published": "2026-03-01"})
    pd.DataFrame(rows).to_csv(folder / "metadata.csv", index=False)
    return folder


def test_sample_is_stratified_blind_and_reproducible(corpus, tmp_path):
    a = draw_coding_sample(corpus, tmp_path / "a", n=12, seed=3)
    draw_coding_sample(corpus, tmp_path / "b", n=12, seed=3)
    # 12 split over 3 outlets = 4 each, half from sentences the lexicon matched
    counts = a.groupby(["group", "stratum"]).size().to_dict()
    assert counts == {(g, s): 2 for g in ("Alpha Wire", "Beta Times", "Gamma Daily") for s in ("matched", "unmatched")}
    assert sorted(a["item_id"]) == list(range(1, 13))
    for name in ("coding_sheet.csv", "coding_sheet.xlsx", "sample_key.csv", "codebook.md"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    sheet = pd.read_csv(tmp_path / "a" / "coding_sheet.csv", keep_default_na=False)
    assert list(sheet.columns) == list(SHEET_COLUMNS)
    assert (sheet["code"] == "").all()
    workbook = pd.read_excel(tmp_path / "a" / "coding_sheet.xlsx", sheet_name=None, dtype=str)
    assert set(workbook) == {"coding", "codebook"}
    assert list(workbook["coding"].columns) == list(SHEET_COLUMNS)
    # blind: nothing the sheet or its codebook shows names a stratum, a group or a lexicon term
    shown = " ".join(workbook["codebook"]["codebook"].fillna("")) + " ".join(sheet.columns)
    assert "matched" not in shown and "Alpha Wire" not in sheet.to_csv()
    book = (tmp_path / "a" / "codebook.md").read_text()
    assert LEX.frame_descriptions["warning"] in book and "stance (version 2.0.0)" in book
    # the key holds what the sheet hides; weights are stratum size / drawn
    key = pd.read_csv(tmp_path / "a" / "sample_key.csv")
    matched_alpha = sum(1 for d in ("alpha-1", "alpha-2") for s in ARTICLES[d][1]
                        if s.startswith(("Officials", "The ministers", "Troops", "The two", "The envoy", "Both",
                                         "Analysts")))
    row = key[(key["group"] == "Alpha Wire") & (key["stratum"] == "matched")].iloc[0]
    assert row["population"] == matched_alpha == 7 and row["weight"] == pytest.approx(7 / 2)


def test_second_round_excludes_the_first(corpus, tmp_path):
    first = draw_coding_sample(corpus, tmp_path / "r1", n=12, seed=1)
    second = draw_coding_sample(corpus, tmp_path / "r2", n=12, seed=1, exclude=[tmp_path / "r1" / "coding_sheet.csv"])
    assert not set(zip(first.doc_id, first.sent_id)) & set(zip(second.doc_id, second.sent_id))


def test_sheet_cells_that_look_like_formulas_are_neutralised(tmp_path):
    s = pd.DataFrame({"doc_id": ["d"] * 2, "sent_id": [0, 1], "start": [0, 60], "outlet": ["X", "X"],
                      "text": ["=HYPERLINK(\"http://evil\") they warned of war", "-- a calm summer day in town"]})
    m = pd.DataFrame(columns=["doc_id", "sent_id", "lexicon", "frame", "negated"])
    sample = sample_for_coding(s, m, lexicon=LEX, n=2, matched_share=0)
    from framing.io import write_coding_sheet

    sheet = sample.assign(coder="", code="", note="")[list(SHEET_COLUMNS)]
    write_coding_sheet(sheet, tmp_path, lexicon=LEX)
    raw = (tmp_path / "coding_sheet.csv").read_text()
    assert "'=HYPERLINK" in raw and "\n1,d,0,,=" not in raw
    cells = pd.read_excel(tmp_path / "coding_sheet.xlsx", sheet_name="coding", dtype=str)["text"].tolist()
    assert all(not c.startswith(("=", "-")) for c in cells)
    # read back, the text is the sentence again
    sheet_back = pd.read_csv(tmp_path / "coding_sheet.csv", dtype=str, keep_default_na=False)
    sheet_back["code"] = "neither"
    sheet_back.to_csv(tmp_path / "coded.csv", index=False)
    texts = sorted(read_coding_sheets([tmp_path / "coded.csv"], lexicon=LEX)["text"])
    assert texts == sorted(s["text"])


def _code_sheet(path, out, codes: dict[int, str], coder: str, xlsx: bool = False):
    sheet = pd.read_csv(path, dtype=str, keep_default_na=False)
    sheet["code"] = sheet["item_id"].astype(int).map(codes).fillna("")
    sheet["coder"] = coder
    if xlsx:
        sheet.to_excel(out, sheet_name="coding", index=False)
    else:
        sheet.to_csv(out, index=False)
    return sheet


def _truth(text: str) -> str:
    """How a careful coder codes the fixture's sentences (by reading them, not by the lexicon)."""
    warning = ("warned", "violence", "threatened", "dangerous", "gunman", "retaliate", "explosion", "blockade")
    concil = ("praised", "work together", "ease tensions", "congratulated", "agreement on the ceasefire", "warmly")
    w = any(k in text for k in warning)
    c = any(k in text for k in concil)
    return "conciliatory+warning" if w and c else "warning" if w else "conciliatory" if c else "neither"


def test_round_trip_known_alpha_and_precision(corpus, tmp_path):
    draw_coding_sample(corpus, tmp_path, n=18, seed=5)
    sheet = pd.read_csv(tmp_path / "coding_sheet.csv", dtype=str, keep_default_na=False)
    ana = {int(i): _truth(t) for i, t in zip(sheet["item_id"], sheet["text"])}
    # Ben disagrees with Ana on exactly two items (one warning -> neither, one neither -> conciliatory)
    warn_items = sorted(i for i, c in ana.items() if c == "warning")
    plain_items = sorted(i for i, c in ana.items() if c == "neither")
    ben = dict(ana)
    ben[warn_items[0]] = "neither"
    ben[plain_items[0]] = "conciliatory"
    _code_sheet(tmp_path / "coding_sheet.csv", tmp_path / "ana.csv", ana, "ana")
    _code_sheet(tmp_path / "coding_sheet.csv", tmp_path / "ben.xlsx", ben, "ben", xlsx=True)
    scores = score_coding([tmp_path / "ana.csv", tmp_path / "ben.xlsx"], tmp_path / "scores",
                          key=tmp_path / "sample_key.csv", n_resamples=200, seed=0)
    # alpha by hand (nominal, two coders, no missing values): 1 - (n - 1) * D_o / sum_c n_c (n - n_c)
    items = sorted(ana)
    values = [ana[i] for i in items] + [ben[i] for i in items]
    n = len(values)
    pairs_off = 2 * sum(ana[i] != ben[i] for i in items)
    n_c = pd.Series(values).value_counts()
    expected = 1 - (n - 1) * pairs_off / float((n_c * (n - n_c)).sum())
    got = scores["agreement"].set_index("code").loc["all", "alpha"]
    assert got == pytest.approx(expected)
    assert 0.6 < got < 1
    # consensus: the two disputed items tie, every other item is Ana's code
    gold = consensus(read_coding_sheets([tmp_path / "ana.csv", tmp_path / "ben.xlsx"], lexicon=LEX), frames=list(LEX.frames))
    assert gold.set_index("item_id").loc[str(warn_items[0]), "warning"] is pd.NA
    # precision and recall by hand against the consensus, from the lexicon's own labels
    labels = scores["labels"]
    for frame in LEX.frames:
        flagged = set(labels.loc[labels["frame"] == frame, "item_id"].astype(str))
        known = {str(i) for i in items if (frame in ana[i].split("+")) == (frame in ben[i].split("+"))}
        truth = {str(i) for i in items if str(i) in known and frame in ana[i].split("+")}
        tp, fp, fn = len(flagged & truth), len((flagged & known) - truth), len(truth - flagged)
        row = scores["metrics"].query("weighting == 'sample' and level == 'all' and frame == @frame").iloc[0]
        assert (row["tp"], row["fp"], row["fn"]) == (tp, fp, fn), frame
        assert row["n_items"] == len(known) and row["no_consensus"] == len(items) - len(known)
        assert row["precision"] == pytest.approx(tp / (tp + fp))
        assert row["recall"] == pytest.approx(tp / (tp + fn))
        assert row["precision_low"] <= row["precision"] <= row["precision_high"]
    written = {p.name for p in (tmp_path / "scores").iterdir()}
    assert {"validation_metrics.csv", "validation_terms.csv", "validation_errors.csv", "validation_agreement.csv",
            "validation.yaml"} <= written
    import yaml

    record = yaml.safe_load((tmp_path / "scores" / "validation.yaml").read_text())[0]
    assert record["lexicon"] == "stance@2.0.0" and record["coders"] == 2 and record["sentences"] == len(items)
    assert record["alpha"]["all"] == pytest.approx(round(expected, 3))


def test_corpus_weighting_by_hand():
    codes = pd.DataFrame({"item_id": ["1", "2", "3", "4"], "coder": "a",
                          "text": ["They warned of war.", "They warned of rain.", "A quiet day.", "Shells hit the town."],
                          "code": ["warning", "neither", "neither", "warning"]})
    key = pd.DataFrame({"item_id": ["1", "2", "3", "4"], "group": "X",
                        "stratum": ["matched", "matched", "unmatched", "unmatched"], "weight": [2.0, 2.0, 50.0, 50.0]})
    m = score_lexicon(codes, lexicon=LEX, key=key, n_resamples=0)["metrics"].set_index(["weighting", "frame"])
    # sample: tp=1 (item 1), fp=1 (item 2), fn=1 (item 4); corpus: the same items weighted 2, 2 and 50
    assert m.loc[("sample", "warning"), ["tp", "fp", "fn"]].tolist() == [1, 1, 1]
    assert m.loc[("corpus", "warning"), "precision"] == pytest.approx(2 / 4)
    assert m.loc[("corpus", "warning"), "recall"] == pytest.approx(2 / 52)


def test_agreement_matches_krippendorff_reference_on_missing_codes():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the nominal example: 4 observers,
    # 12 units, missing values; the paper reports alpha = 0.743
    data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
            [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]]
    rows = [(str(i), f"c{c}", f"v{v}") for c, row in enumerate(data) for i, v in enumerate(row) if v is not None]
    codes = pd.DataFrame(rows, columns=["item_id", "coder", "code"])
    alpha = coder_agreement(codes, frames=[]).set_index("code").loc["all", "alpha"]
    assert alpha == pytest.approx(0.743, abs=0.0005)


def test_coding_errors_are_one_line_and_list_valid_codes(tmp_path):
    path = tmp_path / "bad.csv"
    pd.DataFrame({"item_id": [1, 2], "text": ["a b c d", "e f g h"], "code": ["warning", "hostile"]}).to_csv(path,
                                                                                                           index=False)
    with pytest.raises(UsageError, match=r"bad.csv, item 2: code 'hostile' is not one of conciliatory, warning, neither"):
        read_coding_sheets([path], lexicon=LEX)
    pd.DataFrame({"item_id": [1], "text": ["a b c d"]}).to_csv(path, index=False)
    with pytest.raises(UsageError, match="missing column"):
        read_coding_sheets([path], lexicon=LEX)
    pd.DataFrame({"item_id": [1, 1], "coder": "x", "text": ["a", "a"], "code": ["warning", "neither"]}).to_csv(
        path, index=False)
    with pytest.raises(UsageError, match="two different codes"):
        read_coding_sheets([path], lexicon=LEX)
    pd.DataFrame({"item_id": [1, 2], "text": ["a", "b"], "code": ["Warning + Conciliatory", ""]}).to_csv(path,
                                                                                                      index=False)
    codes = read_coding_sheets([path], lexicon=LEX)
    assert codes["code"].tolist() == ["conciliatory+warning"] and codes.attrs["uncoded"] == 1
    assert codes["coder"].tolist() == ["bad"]


def test_cli_sample_score_and_suggest_by_behaviour(corpus, tmp_path, capsys):
    assert main(["validate", "sample", str(corpus), "--out", str(tmp_path / "s"), "--n", "9", "--seed", "2",
                 "--matched-share", "1"]) == 0
    key = pd.read_csv(tmp_path / "s" / "sample_key.csv")
    assert len(key) == 9 and set(key["stratum"]) == {"matched"}
    sheet = pd.read_csv(tmp_path / "s" / "coding_sheet.csv", dtype=str, keep_default_na=False)
    sheet["code"] = [_truth(t) for t in sheet["text"]]
    sheet.to_csv(tmp_path / "coded.csv", index=False)
    capsys.readouterr()
    assert main(["validate", "score", str(tmp_path / "coded.csv"), "--key", str(tmp_path / "s" / "sample_key.csv"),
                 "--out", str(tmp_path / "v"), "--resamples", "100"]) == 0
    out = capsys.readouterr().out
    assert "9 items, 1 coder(s); Krippendorff's alpha n/a" in out and "warning: precision" in out
    metrics = pd.read_csv(tmp_path / "v" / "validation_metrics.csv")
    assert set(metrics["group"]) >= {"all", "Alpha Wire"}
    assert main(["validate", "score", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "v")]) == 2
    assert "nope.csv: no such coding sheet" in capsys.readouterr().err
    assert main(["lexicon", "suggest", str(corpus), "--frame", "peace", "--out", str(tmp_path / "g")]) == 2
    assert "valid frames are conciliatory, warning" in capsys.readouterr().err


def test_suggest_proposes_new_words_with_kwic_and_never_edits_the_lexicon(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    lines = [f"Officials warned that shelling near village {i} would continue." for i in range(6)]
    lines += [f"Officials said trading near village {i} would continue." for i in range(6)]
    (folder / "a.txt").write_text("\n\n".join(lines) + "\n")
    before = hashlib.sha256(open(LEX.path, "rb").read()).hexdigest()
    candidates, kwic_lines = suggest_corpus_terms(folder, frame="warning", min_count=3)
    assert candidates["term"].iloc[0] == "shelling"
    assert not candidates["term"].isin(["warned", "warn", "village"]).any()  # lexicon terms and even words are out
    shown = kwic_lines[kwic_lines["term"] == "shelling"]["highlighted"].tolist()
    assert len(shown) == 3 and all("[[shelling]]" in s for s in shown)
    assert hashlib.sha256(open(LEX.path, "rb").read()).hexdigest() == before
