"""Notebooks and `framing report`: parameters, execution, published files, reproducibility, safe HTML."""

from __future__ import annotations

import json
import sys
import time

import nbformat
import pytest

from browser import new_driver
from conftest import ROOT
from framing.cli import main
from framing.report import ReportError, list_notebooks, run_report

NOTEBOOKS = list_notebooks()

NOTEBOOK_DIR = ROOT / "notebooks"
FIGURES = ["articles_per_outlet", "articles_per_event", "frame_rates_by_outlet", "frame_balance_by_outlet",
           "frame_balance_by_voice", "frame_balance_by_position", "share_of_voice_by_side",
           "verb_classes_focus_speaker", "channel_reliance", "sentiment_polarity_by_outlet",
           "sentiment_polarity_by_voice"]
MARK = "document.documentElement.setAttribute('data-pwned', '{}')"
PAYLOAD_TEXT = (
    "Xi warned Trump about payloadword in a call. The payloadword test goes on with payloadword "
    "<img src=x onerror=\"" + MARK.format("img") + "\"> and payloadword "
    "</script><script>" + MARK.format("script") + "</script> and <svg onload=\"" + MARK.format("svg") + "\"></svg>.")


# --- the notebooks as committed -------------------------------------------------------------------------

@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebooks_are_thin_parameterized_and_without_outputs(name):
    nb = nbformat.read(str(NOTEBOOK_DIR / f"{name}.ipynb"), as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and code[0] is tagged[0]
    assert all(not c.outputs and c.execution_count is None for c in code)
    for line in tagged[0].source.splitlines():  # literal defaults only
        name_, _, value = line.partition(" = ")
        assert name_.isidentifier() and eval(value, {"__builtins__": {}}) is not Ellipsis  # noqa: S307
    assert "Path(" in code[1].source  # derived values come in the next cell
    for c in code:
        assert not any(line.lstrip().startswith(("def ", "class ", "async def ")) for line in c.source.splitlines())


# --- a report on the seeds, built twice ----------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_reports(tmp_path_factory, seeds_dir):
    base = tmp_path_factory.mktemp("reports")
    first = run_report(seeds_dir, out=base / "a", progress=False)
    second = run_report(seeds_dir, out=base / "b", progress=False)
    return first, second


def test_report_folder_contents(seed_reports):
    out, _ = seed_reports
    for name in NOTEBOOKS:
        assert (out / f"{name}.ipynb").exists() and (out / f"{name}.html").stat().st_size > 10_000
    for fig in FIGURES:
        for suffix in (".png", ".svg", ".pdf", ".csv"):
            assert (out / "figures" / f"{fig}{suffix}").stat().st_size > 0, fig + suffix
    for table in ("articles", "sentences", "frame_scores", "frame_matches", "attributions", "attribution_scores",
                  "sentiment", "distinctive_terms", "load_report"):
        assert (out / "tables" / f"{table}.csv").exists() and (out / "tables" / f"{table}.parquet").exists()
    assert (out / "explorer.html").stat().st_size > 100_000
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["corpus_sha256"]) == 64 and manifest["documents"] == 5
    resources = manifest["resources"]
    assert [lex["label"] for lex in resources["lexicons"]] == ["stance@2.0.0", "issues@1.1.0"]
    assert resources["rules"]["label"] == "boilerplate@1.0.0" and len(resources["fingerprint"]) == 64
    assert {"actors", "verbs", "negation", "channels"} <= set(resources)
    assert set(manifest["duration_seconds"]) == set(NOTEBOOKS) and manifest["packages"]["papermill"]
    import hashlib

    # the lock of the running Python, named as the Makefile names it (3.11: requirements.lock)
    minor = sys.version_info[:2]
    lock = ROOT / ("requirements.lock" if minor == (3, 11) else "requirements-%d.%d.lock" % minor)
    assert manifest["lock"]["file"] == str(lock.resolve())
    assert manifest["lock"]["sha256"] == hashlib.sha256(lock.read_bytes()).hexdigest()
    assert manifest["started"]
    assert not list(out.parent.glob(".a.tmp-*"))  # the temporary folder was swapped in


def test_each_figure_csv_is_the_plotted_data(seed_reports):
    out, _ = seed_reports
    import pandas as pd

    balance = pd.read_csv(out / "figures" / "frame_balance_by_voice.csv")
    assert set(balance.group) == {"narration", "paraphrase", "quoted"} and {"value", "ci_low", "ci_high"} <= set(balance)
    svg = (out / "figures" / "frame_balance_by_voice.svg").read_text()
    assert "<dc:date>" not in svg  # no timestamp inside the figure
    assert b"CreationDate" not in (out / "figures" / "frame_balance_by_voice.pdf").read_bytes()


def test_rerunning_gives_identical_files(seed_reports):
    a, b = seed_reports
    # the second run reused the cached signal tables, and its files are the same to the byte
    assert json.loads((a / "manifest.json").read_text())["signals"]["cache"] == "miss"
    assert json.loads((b / "manifest.json").read_text())["signals"]["cache"] == "hit"
    compared = 0
    for path in sorted(a.rglob("*")):
        if path.suffix in (".csv", ".svg", ".pdf", ".parquet") or path.name == "explorer.html":
            assert path.read_bytes() == (b / path.relative_to(a)).read_bytes(), path.relative_to(a)
            compared += 1
    assert compared > 60


def test_failure_names_notebook_and_cell_and_keeps_the_previous_report(seed_reports, seeds_dir):
    out, _ = seed_reports
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    with pytest.raises(ReportError, match=r"notebook 01-corpus-overview, cell \d+ .*unknown figure formats") as err:
        run_report(seeds_dir, out=out, notebooks=["01-corpus-overview"], parameters={"figure_formats": ["bmp"]},
                   progress=False)
    assert "cell starts: data = plotdata.articles_per" in str(err.value)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert not list(out.parent.glob(f".{out.name}.tmp-*"))
    failed = out.parent / f"{out.name}.failed-01-corpus-overview.ipynb"
    assert "unknown figure formats" in failed.read_text()


def test_unknown_event_or_parameter_stops_before_any_notebook(seed_reports, seeds_dir, capsys):
    out, _ = seed_reports
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    failed_before = set(out.parent.glob(f"{out.name}.failed-*"))
    code = main(["report", str(seeds_dir), "--out", str(out), "-p", "events", "[no-such-event]", "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2 and "unknown event 'no-such-event'" in err and "xi-trump-call-2026-02-04" in err
    code = main(["report", str(seeds_dir), "--out", str(out), "-p", "groupby", "event", "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2 and "unknown parameter 'groupby'" in err and "'group_by'" in err
    code = main(["report", str(seeds_dir), "--out", str(out), "-p", "dpi", "high", "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2 and "parameter 'dpi' of 01-corpus-overview must be int" in err
    code = main(["report", str(seeds_dir), "--out", str(out), "-p", "group_by", "leaning", "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2 and "unknown grouping column 'leaning'" in err and "'outlet'" in err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert set(out.parent.glob(f"{out.name}.failed-*")) == failed_before  # no notebook ran


def test_each_notebook_receives_only_the_parameters_it_declares(seed_reports):
    out, _ = seed_reports
    for name in NOTEBOOKS:
        nb = nbformat.read(str(out / f"{name}.ipynb"), as_version=4)
        injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert len(injected) == 1, name
        declared = nbformat.read(str(NOTEBOOK_DIR / f"{name}.ipynb"), as_version=4).cells[1].source
        for line in injected[0].source.splitlines():
            if " = " in line:
                assert f"{line.split(' = ')[0]} = " in declared, (name, line)
        assert 'tables_dir = "tables"' in injected[0].source  # relative: the notebook re-runs in its folder


def test_cli_report_with_a_config_filters_every_table(seeds_dir, tmp_path):
    import pandas as pd

    config = tmp_path / "r.yaml"
    config.write_text("notebooks: [01-corpus-overview]\nparameters:\n  events: [xi-trump-call-2026-02-04]\n")
    assert main(["report", str(seeds_dir), "--out", str(tmp_path / "r"), "--config", str(config),
                 "--no-progress"]) == 0
    manifest = json.loads((tmp_path / "r" / "manifest.json").read_text())
    assert manifest["parameters"]["events"] == ["xi-trump-call-2026-02-04"] and manifest["documents"] == 3
    assert (tmp_path / "r" / "figures" / "articles_per_outlet.csv").read_text().count("\n") == 4  # 3 articles
    # the published tables describe the same three documents as the figures
    tables = tmp_path / "r" / "tables"
    assert len(pd.read_parquet(tables / "articles.parquet")) == 3
    assert set(pd.read_parquet(tables / "sentences.parquet").doc_id) == set(
        pd.read_parquet(tables / "articles.parquet").doc_id)
    scores = pd.read_parquet(tables / "frame_scores.parquet")
    assert set(scores.loc[scores.level == "event", "group"]) == {"xi-trump-call-2026-02-04"}


# --- untrusted text: a corpus full of payloads ---------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("hostile")
    (corpus / "a.txt").write_text("Xi warns on payloadword\n\n" + PAYLOAD_TEXT, encoding="utf-8")
    (corpus / "b.txt").write_text("Talks held\n\nXi called for “mutual respect” and payloadword cooperation. "
                                  "Trump said the call was excellent.", encoding="utf-8")
    (corpus / "c.txt").write_text("Another view\n\nTrump warned about tariffs and payloadword, the White House said.",
                                  encoding="utf-8")
    evil_outlet = "Evil</script><script>" + MARK.format("outlet") + "</script>"
    evil_title = "<img src=x onerror=\"" + MARK.format("title") + "\">"
    (corpus / "metadata.csv").write_text(
        "doc_id,outlet,event,title\n"
        f"a,\"{evil_outlet.replace(chr(34), chr(34) * 2)}\",e1,\"{evil_title.replace(chr(34), chr(34) * 2)}\"\n"
        "b,Calm Times,e1,\nc,Calm Times,e1,\n", encoding="utf-8")
    return run_report(corpus, out=tmp_path_factory.mktemp("out") / "report", progress=False,
                      parameters={"explorer_category": "Calm Times"})


def _pwned(driver) -> object:
    return driver.execute_script("return document.documentElement.getAttribute('data-pwned')")


def _severe(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_every_html_page_is_safe_in_chromium(hostile_report):
    pages = sorted(hostile_report.glob("*.html"))
    assert len(pages) == 6
    driver = new_driver()
    try:
        for page in pages:
            driver.get(page.as_uri())
            time.sleep(0.5)
            assert driver.execute_script("return document.readyState") == "complete", page.name
            if page.name == "explorer.html":
                assert driver.execute_script("return document.querySelectorAll('svg text').length") > 5
                driver.execute_script("plotInterface.handleSearchTerm('payloadword')")  # show the snippets
                time.sleep(0.5)
                shown = driver.execute_script("return document.body.innerText")
                assert "payloadword" in shown and "<img src=x onerror=" in shown  # shown as text
            assert _pwned(driver) is None, f"injected code ran in {page.name}"
            assert _severe(driver) == [], (page.name, _severe(driver))
            html = page.read_text(encoding="utf-8")
            assert "https://" not in "".join(l for l in html.splitlines() if "<script src=" in l), page.name
    finally:
        driver.quit()


def test_the_browser_check_catches_scattertexts_unsafe_page(tmp_path):
    """Control: the same corpus through scattertext as shipped is caught by the same checks."""
    import pandas as pd
    import scattertext as st


    frame = pd.DataFrame({"outlet": ["x", "y", "y"], "text": [PAYLOAD_TEXT, "payloadword respect " * 3,
                                                             "payloadword tariffs " * 3]})
    corpus = st.CorpusFromPandas(frame, category_col="outlet", text_col="text",
                                 nlp=st.whitespace_nlp_with_sentences).build()
    unsafe = tmp_path / "unsafe.html"
    unsafe.write_text(st.produce_scattertext_explorer(corpus, category="x", minimum_term_frequency=2),
                      encoding="utf-8")
    driver = new_driver()
    try:
        driver.get(unsafe.as_uri())
        time.sleep(0.5)
        # the check must catch the injected script itself running, not console noise from blocked CDN loads
        assert _pwned(driver) is not None, "the control page's injected code should run, and be caught"
    finally:
        driver.quit()


def test_explorer_for_any_two_groups(seeds_dir, tmp_path):
    out = run_report(seeds_dir, out=tmp_path / "r", notebooks=["04-sentiment-and-terms"], progress=False,
                     parameters={"explorer_category_col": "event", "explorer_category": "xi-trump-call-2026-02-04",
                                 "explorer_versus": ["xi-trump-call-2025-01"]})
    page = (out / "explorer.html").read_text(encoding="utf-8")
    assert "xi-trump-call-2025-01" in page and "xi-trump-call-2025-11" not in page
