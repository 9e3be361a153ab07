"""Reports on corpora the project was not written for: many outlets and events, a sidecar column, a table with
renamed columns, a corpus without quotations. Every page is opened in Chromium and checked for what it shows."""

from __future__ import annotations

import json
import time

import pandas as pd
import pytest

from browser import new_driver
from fixtures import OUTLETS, news_corpus, news_table
from reuse_fixtures import write_reuse_corpus
from framing.cli import main
from framing.pipeline import draw_coding_sample
from framing.report import list_notebooks, run_report

TABLE_COLUMNS = ["--column", "doc_id=url", "--column", "text=body", "--column", "title=headline",
                 "--column", "published=date", "--column", "outlet=source", "--column", "event=story"]


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    base = tmp_path_factory.mktemp("corpora")
    folder = news_corpus(base / "news")
    table = news_table(base / "table" / "news.csv")
    quiet = news_corpus(base / "noquotes", n_docs=30, quotes=False, seed=3)
    lexicon = base / "my-lexicon.yaml"
    lexicon.write_text("name: civic\nversion: 0.1.0\ndescription: test lexicon\nsource: tests\nbalance: [calm, alarm]\n"
                       "frames:\n  calm: {terms: [cooperation, dialogue, mutual trust, welcomed]}\n"
                       "  alarm: {terms: [warned, threaten, dangerous, confrontation]}\n", encoding="utf-8")
    return {"folder": folder, "table": table, "quiet": quiet, "lexicon": lexicon, "out": base / "reports"}


@pytest.fixture(scope="module")
def reports(corpora):
    out = corpora["out"]
    made = {}
    assert main(["report", str(corpora["folder"]), "--out", str(out / "leaning"), "--no-progress",
                 "-p", "group_by", "leaning", "--resamples", "200"]) == 0
    made["leaning"] = out / "leaning"
    assert main(["report", str(corpora["table"]), "--out", str(out / "table"), "--no-progress", "--resamples", "200",
                 "--lexicon", str(corpora["lexicon"]), *TABLE_COLUMNS]) == 0
    made["table"] = out / "table"
    made["quiet"] = run_report(corpora["quiet"], out=out / "quiet", progress=False, n_resamples=200,
                               notebooks=["02-conciliatory-vs-warning", "03-source-attribution"])
    made["event"] = run_report(corpora["folder"], out=out / "event", progress=False, n_resamples=200,
                               notebooks=["02-conciliatory-vs-warning"], parameters={"events": ["grain-summit-13"]})
    made["reuse"] = run_report(write_reuse_corpus(out.parent / "harbour"), out=out / "reuse", progress=False,
                               n_resamples=200, reuse="weight",
                               notebooks=["01-corpus-overview", "02-conciliatory-vs-warning"])
    coding = out.parent / "coding"
    draw_coding_sample(corpora["folder"], coding, n=40, seed=1)
    sheet = pd.read_csv(coding / "coding_sheet.csv", dtype=str, keep_default_na=False)
    # a coder who reads "warned"/"threat" as warning and "cooperation"/"dialogue" as conciliatory, the rest neither
    sheet["code"] = ["warning" if any(w in t.lower() for w in ("warn", "threat")) else "conciliatory"
                     if any(w in t.lower() for w in ("cooperation", "dialogue")) else "neither" for t in sheet["text"]]
    sheet.to_csv(coding / "coder.csv", index=False)
    made["validated"] = run_report(corpora["folder"], out=out / "validated", progress=False, n_resamples=200,
                                   notebooks=["05-validation"], parameters={
                                       "validation_sheets": [str(coding / "coder.csv")],
                                       "validation_key": str(coding / "sample_key.csv")})
    return made


def _page_facts(driver, page) -> dict[str, object]:
    driver.get(page.as_uri())
    time.sleep(0.3)
    return driver.execute_script("""
        const imgs = Array.from(document.images);
        const texts = Array.from(document.querySelectorAll('body *')).map(e => e.innerText || '');
        return {images: imgs.length, drawn: imgs.filter(i => i.naturalWidth > 100 && i.naturalHeight > 50).length,
                text: document.body.innerText, tables: document.querySelectorAll('table thead th').length,
                raw: texts.filter(t => /<(h[1-6]|style|thead|table|div|img|script)[ >]/i.test(t)
                                       || /<Figure size/.test(t)).length,
                toc: document.querySelectorAll('nav.framing-toc a').length,
                pwned: document.documentElement.getAttribute('data-pwned')};""")


def test_every_page_shows_every_figure_its_notebook_saved(reports):
    driver = new_driver()
    try:
        for name, folder in reports.items():
            manifest = json.loads((folder / "manifest.json").read_text())
            for notebook in manifest["notebooks"]:
                facts = _page_facts(driver, folder / f"{notebook}.html")
                saved = manifest["figures"][notebook]
                where = f"{name}/{notebook}"
                assert facts["images"] == facts["drawn"] == len(saved), (where, facts["images"], saved)
                for fig in saved:
                    assert (folder / "figures" / f"{fig}.png").stat().st_size > 2000, (where, fig)
                    assert len(pd.read_csv(folder / "figures" / f"{fig}.csv")) > 0, (where, fig)
                assert facts["raw"] == 0, where  # markup renders; no element shows tags or a figure repr
                assert facts["tables"] > 0 and facts["toc"] >= 2 and facts["pwned"] is None, where
                assert "Parameters:" in facts["text"] and "articles from" in facts["text"], where
    finally:
        driver.quit()


def test_custom_sidecar_column_groups_every_figure(reports):
    folder = reports["leaning"]
    balance = pd.read_csv(folder / "figures" / "frame_balance_by_leaning.csv")
    assert sorted(balance["group"]) == ["centre", "left", "right"]
    assert balance["ci_low"].notna().all() and (balance["ci_low"] <= balance["value"]).all()
    sentiment = pd.read_csv(folder / "figures" / "sentiment_polarity_by_leaning.csv")
    assert sorted(sentiment["group"]) == ["centre", "left", "right"]
    panels = pd.read_csv(folder / "figures" / "same_event_balance.csv")
    assert panels["event"].nunique() == 12 and set(panels["outlet"]) >= set(OUTLETS)  # 12 of 14 events drawn
    assert (folder / "figures" / "share_of_voice_by_speaker.png").exists()
    assert not (folder / "figures" / "share_of_voice_by_side.png").exists()  # the actors file knows no one here
    page = (folder / "03-source-attribution.html").read_text(encoding="utf-8")
    assert "too few for a share-of-voice-by-side figure" in page


def test_holm_adjusted_comparisons_are_published(reports):
    comparisons = pd.read_parquet(reports["leaning"] / "tables" / "frame_comparisons.parquet")
    pairs = comparisons[(comparisons["by"] == "outlet") & (comparisons["measure"] == "balance")]
    tested = pairs[pairs["p_value"].notna()]
    assert len(tested) > 100 and (tested["p_adjusted"] >= tested["p_value"]).all()
    assert tested["p_adjusted"].between(0, 1).all()
    untested = pairs[pairs["p_value"].isna()]  # no p-value only where the interval has no width
    assert (untested["ci_low"].isna() | (untested["ci_low"] == untested["ci_high"])).all()
    assert "Holm-adjusted" in (reports["leaning"] / "02-conciliatory-vs-warning.html").read_text(encoding="utf-8")


def test_table_corpus_with_renamed_columns_and_a_lexicon_file(reports):
    folder = reports["table"]
    articles = pd.read_parquet(folder / "tables" / "articles.parquet")
    assert len(articles) == 60 and articles["outlet"].nunique() == 6 and articles["event"].nunique() == 12
    assert articles["published"].notna().all() and articles["doc_id"].str.startswith("https://").all()
    rates = pd.read_csv(folder / "figures" / "frame_rates_by_outlet.csv")
    assert set(rates["frame"]) == {"calm", "alarm"} and (rates["value"] > 0).any()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["resources"]["lexicons"][0]["label"] == "civic@0.1.0"


def test_a_corpus_without_quotations_says_so(reports):
    page = (reports["quiet"] / "02-conciliatory-vs-warning.html").read_text(encoding="utf-8")
    assert "this corpus has no quotations" in page
    voice = pd.read_csv(reports["quiet"] / "figures" / "frame_balance_by_voice.csv")
    assert "quoted" not in set(voice["group"]) and "narration" in set(voice["group"])


def test_an_event_filter_publishes_only_that_event(reports):
    folder = reports["event"]
    articles = pd.read_parquet(folder / "tables" / "articles.parquet")
    assert set(articles["event"]) == {"grain-summit-13"} and len(articles) == 6
    panels = pd.read_csv(folder / "figures" / "same_event_balance.csv")
    assert set(panels["event"]) == {"grain-summit-13"}


def test_unknown_column_or_event_keeps_the_old_report(reports, corpora, capsys):
    folder = reports["event"]
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    for args, expected in ((["-p", "group_by", "leanings"], "unknown grouping column 'leanings'"),
                           (["-p", "events", "[grain-summit-99]"], "unknown event 'grain-summit-99'"),
                           (["-p", "outlets", "[Daily Planet]"], "unknown outlet 'Daily Planet'"),
                           (["--lexicon", "no-such-lexicon"], "unknown lexicon 'no-such-lexicon'")):
        assert main(["report", str(corpora["folder"]), "--out", str(folder), "--no-progress", *args]) == 2
        err = capsys.readouterr().err
        assert expected in err and err.count("\n") <= 3, err
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


def test_a_table_loaded_with_the_wrong_columns_says_why(corpora, tmp_path, capsys):
    code = main(["report", str(corpora["table"]), "--out", str(tmp_path / "r"), "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2 and "no document loaded" in err and "no text column 'text'" in err
    assert not (tmp_path / "r").exists()


def test_notebook_list_is_the_shipped_five():
    assert list_notebooks() == ["01-corpus-overview", "02-conciliatory-vs-warning", "03-source-attribution",
                                "04-sentiment-and-terms", "05-validation"]


def test_the_page_check_catches_escaped_markup(tmp_path):
    """Control: a page that shows its markup as text (how pages looked before) fails the same check."""
    page = tmp_path / "escaped.html"
    page.write_text("<html><body><p>&lt;h1 id=x&gt;Corpus overview&lt;/h1&gt;</p>"
                    "<p>&lt;Figure size 700x400 with 1 Axes&gt;</p></body></html>", encoding="utf-8")
    driver = new_driver()
    try:
        facts = _page_facts(driver, page)
    finally:
        driver.quit()
    assert facts["raw"] == 2 and facts["images"] == 0


def test_reuse_is_shown_and_its_mode_recorded(reports):
    folder = reports["reuse"]
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["signals"]["reuse"] == "weight"
    assert "text_reuse_by_outlet" in manifest["figures"]["01-corpus-overview"]
    pairs = pd.read_csv(folder / "tables" / "reuse.csv")
    by_hand = {}
    for a, b in zip(pairs["outlet_a"], pairs["outlet_b"]):
        key = tuple(sorted((a, b)))
        by_hand[key] = by_hand.get(key, 0) + 1
    figure = pd.read_csv(folder / "figures" / "text_reuse_by_outlet.csv")
    assert {(a, b): n for a, b, n in zip(figure["outlet_a"], figure["outlet_b"], figure["pairs"])} == by_hand
    driver = new_driver()
    try:
        overview = _page_facts(driver, folder / "01-corpus-overview.html")["text"]
        comparisons = _page_facts(driver, folder / "02-conciliatory-vs-warning.html")["text"]
    finally:
        driver.quit()
    assert "1 clusters of copies hold 3 of 7 articles" in overview and "Wire copy and text reuse" in overview
    assert "compare outlets that ran copies of the same text" in comparisons


def test_the_validation_page_shows_a_coded_sample(reports):
    folder = reports["validated"]
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["figures"]["05-validation"] == ["validation_metrics", "validation_precision_by_group",
                                                    "validation_stored"]
    metrics = pd.read_csv(folder / "tables" / "validation_metrics.csv")
    assert set(metrics["weighting"]) == {"sample", "corpus"} and metrics["n_items"].max() == 40
    driver = new_driver()
    try:
        facts = _page_facts(driver, folder / "05-validation.html")
    finally:
        driver.quit()
    assert facts["drawn"] == 3
    assert "n_coders" in facts["text"] and "no coded sheets were given" not in facts["text"]
    assert "187 PolNeAR dev sentences" in facts["text"]  # the stored record of stance 2.0.0
