"""Hostile input and faults: no stalls, nothing read from outside the corpus, nothing dropped silently,
no tracebacks for user mistakes, and runs that stop leave the previous output intact."""

from __future__ import annotations

import os
import random
import signal
import string
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.cli import main
from framing.config import load_lexicon
from framing.errors import ConfigFileError

STORY = "Leaders met on trade.\n\nThe minister said talks went well, officials said. Critics warned of a threat.\n"


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def seed_copies(folder: Path, seeds_dir: Path, n: int) -> Path:
    """A corpus of ``n`` articles in ``folder``: the seed texts over and over."""
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    for i in range(n):
        (folder / f"d{i:04d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
    return folder


def running(pids: list[str]) -> list[str]:
    """Those of ``pids`` that still run (neither gone nor a zombie)."""
    return [pid for pid in pids if Path(f"/proc/{pid}").exists()
            and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]]


def test_one_long_token_costs_what_a_normal_document_of_that_size_costs(tmp_path):
    """A 300,000-character base64 blob used to take minutes (quadratic); now it is linear."""
    rng = random.Random(0)
    size = 300_000
    blob = "".join(rng.choice(string.ascii_letters + string.digits + "+/") for _ in range(size))
    normal = ("The minister said talks went well. " * (size // 35 + 1))[:size]
    times = {}
    for name, filler in (("normal", normal), ("blob", blob)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "a.txt").write_text(STORY + "\n" + filler + " said Xi.\n\n" + STORY, encoding="utf-8")
        framing.compute_signals(folder, n_resamples=0)  # warm imports and caches
        times[name] = min(_timed(lambda f=folder: framing.compute_signals(f, n_resamples=0)) for _ in range(2))
    assert times["blob"] < 5 * times["normal"] + 0.5, times


def test_nothing_outside_the_corpus_is_read_and_every_entry_is_reported(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-PASSWORD-LINE root:x:0:0\n\nmore secret text here.", encoding="utf-8")
    corpus = tmp_path / "corpus"
    (corpus / "2024" / "march").mkdir(parents=True)
    (corpus / "a.txt").write_text(STORY, encoding="utf-8")
    (corpus / "2024" / "march" / "b.txt").write_text(STORY.replace("trade", "water"), encoding="utf-8")
    (corpus / ".hidden.txt").write_text(STORY, encoding="utf-8")
    (corpus / "..txt").write_text(STORY, encoding="utf-8")
    (corpus / ".git").mkdir()
    (corpus / ".git" / "c.txt").write_text(STORY, encoding="utf-8")
    (corpus / "leak.txt").symlink_to(secret)
    (corpus / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (corpus / "inside.txt").symlink_to(corpus / "a.txt")
    os.mkfifo(corpus / "pipe.txt")
    loaded = framing.load_corpus(corpus)
    report = loaded.load_report.set_index(loaded.load_report["input"].map(lambda p: Path(p).name))
    assert sorted(loaded.articles["doc_id"]) == ["2024/march/b", "a", "inside"]
    assert "outside the corpus; not read" in report.loc["leak.txt", "reason"]
    assert "broken symbolic link" in report.loc["broken.txt", "reason"]
    assert "FIFO" in report.loc["pipe.txt", "reason"]
    assert "hidden file" in report.loc[".hidden.txt", "reason"] and "hidden file" in report.loc["..txt", "reason"]
    assert "hidden folder" in report.loc[".git", "reason"]
    assert not loaded.articles["text"].str.contains("SECRET").any()
    out = tmp_path / "out"
    assert main(["signals", str(corpus), "--out", str(out), "--resamples", "0", "--no-progress"]) == 0
    for csv in out.glob("*.csv"):
        assert "SECRET" not in csv.read_text(encoding="utf-8"), csv.name


@pytest.mark.parametrize(("body", "message"), [
    ("frames:\n  warning:\n    terms: warn\n", "'terms' must be a list"),
    ("frames:\n  warning:\n    terms: [warn]\n  warning:\n    terms: [threat]\n", "key 'warning' appears twice"),
    ("frames:\n  yes:\n    terms: [warn]\n", "frame name True is not a string"),
    ("frames:\n  warning:\n    terms: [warn]\n    terms: [threat]\n", "key 'terms' appears twice"),
])
def test_malformed_lexicons_are_errors_not_misreadings(tmp_path, body, message):
    path = tmp_path / "lex.yaml"
    path.write_text("name: x\nversion: 1\ndescription: d\nsource: s\n" + body, encoding="utf-8")
    with pytest.raises(ConfigFileError, match=message):
        load_lexicon(path)


def test_bad_table_records_are_skipped_with_reasons_and_good_ones_load(tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "nul.csv").write_bytes(b"doc_id,text\n\x00\x01,abc\n")
    (tmp_path / "trunc.parquet").write_bytes(b"PAR1garbage")
    (tmp_path / "mixed.jsonl").write_text('{"doc_id":"a","text":{"x":1}}\n{"doc_id":"b","text":["One.","Two."]}\n'
                                          '{"doc_id":"c","text":"A fine story."}\nnot json\n', encoding="utf-8")
    (tmp_path / "big.csv").write_text('doc_id,text\nx,"' + "word " * 40_000 + '"\n', encoding="utf-8")
    (tmp_path / "latin.csv").write_bytes("doc_id,text,published\nx,caf\xe9 news story here.,someday\n".encode("latin-1"))
    pd.DataFrame({"doc_id": ["a"], "text": [["Para one.", "Para two."]]}).to_parquet(tmp_path / "list.parquet")
    for name in ("empty.csv", "nul.csv", "trunc.parquet"):
        report = framing.load_corpus(tmp_path / name).load_report
        assert report["status"].tolist() == ["skipped"] and report["reason"][0].startswith("unreadable"), name
    mixed = framing.load_corpus(tmp_path / "mixed.jsonl")
    assert mixed.articles["doc_id"].tolist() == ["b", "c"]
    assert mixed.articles["text"][0] == "One.\n\nTwo."  # a list of strings is a list of paragraphs
    reasons = mixed.load_report.set_index("doc_id")["reason"]
    assert reasons["a"] == "line 1: text is an object, not a string" and "invalid JSON at line 4" in reasons.iloc[-1]
    assert framing.load_corpus(tmp_path / "big.csv").articles["n_words"].tolist() == [40_000]
    latin = framing.load_corpus(tmp_path / "latin.csv").load_report.iloc[0]
    assert latin.encoding == "cp1252" and "decoded as cp1252" in latin.reason
    assert "published value 'someday' is not a date" in latin.reason
    assert framing.load_corpus(tmp_path / "list.parquet").articles["text"].tolist() == ["Para one.\n\nPara two."]


def test_labels_are_normalised_and_unknown_looking_outlets_are_renamed(tmp_path):
    for name in ("a", "b", "f"):
        (tmp_path / f"{name}.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("doc_id,outlet,event\na,BBC,e\nb,BBC\u200b,e\nf,unknown:f,e\n",
                                           encoding="utf-8")
    corpus = framing.load_corpus(tmp_path)
    assert corpus.articles.set_index("doc_id")["outlet"].to_dict() == {"a": "BBC", "b": "BBC", "f": "unknown_f"}
    assert "renamed 'unknown_f'" in corpus.load_report.set_index("doc_id").loc["f", "reason"]


def test_csv_cells_a_spreadsheet_would_run_are_quoted(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text('doc_id,outlet,event\na,"=HYPERLINK(""http://x"")","+cmd|calc!A0"\n',
                                           encoding="utf-8")
    out = tmp_path / "out"
    assert main(["ingest", str(tmp_path), "--out", str(out)]) == 0
    articles = (out / "articles.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in articles and "'+cmd|calc!A0" in articles
    assert pd.read_parquet(out / "articles.parquet")["outlet"][0] == '=HYPERLINK("http://x")'  # data unchanged


def test_signals_output_is_swapped_in_whole_and_stale_staging_is_cleaned(tmp_path, seeds_dir):
    out = tmp_path / "out"
    assert main(["signals", str(seeds_dir), "--out", str(out), "--resamples", "0", "--no-progress"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    stale = tmp_path / ".out.tmp-999999999"
    stale.mkdir()
    (stale / "articles.csv").write_text("half", encoding="utf-8")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    assert main(["signals", str(bad), "--out", str(out), "--no-progress"]) == 2  # nothing loads: old tables stay
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not stale.exists() and not list(tmp_path.glob(".out.*"))
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.docx").write_bytes(b"precious")
    assert main(["signals", str(seeds_dir), "--out", str(mine), "--resamples", "0", "--no-progress"]) == 2
    assert (mine / "thesis.docx").read_bytes() == b"precious"


@pytest.mark.parametrize(("sig", "code", "said"), [(signal.SIGTERM, 143, "stopped by SIGTERM"),
                                                  (signal.SIGINT, 130, "interrupted")])
def test_a_signal_stops_signals_and_its_workers_and_keeps_the_old_tables(tmp_path, seeds_dir, sig, code, said):
    # 2,000 articles: still scoring when the signal comes 6 s in (400 finished first on a fast machine)
    corpus = seed_copies(tmp_path / "many", seeds_dir, 2000)
    out = tmp_path / "out"
    assert main(["signals", str(seeds_dir), "--out", str(out), "--resamples", "0", "--no-progress"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    proc = subprocess.Popen([sys.executable, "-m", "framing", "signals", str(corpus), "--out", str(out),
                             "--workers", "2", "--chunk-docs", "20", "--no-progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    time.sleep(6)
    children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code and said in err and "Traceback" not in err, err[-2000:]
    time.sleep(1)
    alive = running(children)
    assert not alive, alive
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not list(tmp_path.glob(".out.*"))


def test_ctrl_c_stops_a_report_and_its_kernel_and_leaves_no_report(tmp_path, seeds_dir):
    out = tmp_path / "r"
    proc = subprocess.Popen([sys.executable, "-m", "framing", "report", str(seeds_dir), "--out", str(out),
                             "--resamples", "0", "--no-progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    kernels: list[str] = []
    for _ in range(1200):  # until a notebook's kernel runs
        kernels = subprocess.run(["pgrep", "-P", str(proc.pid), "-f", "ipykernel"], capture_output=True,
                                 text=True).stdout.split()
        if kernels or proc.poll() is not None:
            break
        time.sleep(0.05)
    assert kernels, "the report ended before a kernel could be seen"
    time.sleep(1)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "framing report: interrupted" in err and "Traceback" not in err, err[-3000:]
    time.sleep(1)
    alive = running(kernels)
    for pid in alive:
        os.kill(int(pid), signal.SIGKILL)
    assert not alive, alive
    assert not out.exists() and not list(tmp_path.glob(".r.*"))  # no half report, no staging


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux's")
def test_workers_die_with_a_killed_main_process(tmp_path, seeds_dir):
    """``kill -9`` of the main process used to leave its idle workers waiting forever (seen: two orphans)."""
    corpus = seed_copies(tmp_path / "many", seeds_dir, 400)
    proc = subprocess.Popen([sys.executable, "-m", "framing", "signals", str(corpus), "--out", str(tmp_path / "out"),
                             "--workers", "2", "--chunk-docs", "20", "--no-progress"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    children: list[str] = []
    for _ in range(600):  # until both workers have started (or the run ended, which fails below)
        children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
        if len(children) >= 2 or proc.poll() is not None:
            break
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    assert len(children) >= 2, "the run ended before its workers could be seen"
    for _ in range(100):
        alive = running(children)
        if not alive:
            break
        time.sleep(0.1)
    for pid in alive:  # a failing run leaves nothing behind either
        os.kill(int(pid), signal.SIGKILL)
    assert not alive, alive


def test_cache_faults_recompute_with_a_warning(tmp_path, seeds_dir, monkeypatch):
    from framing.config import load_resources
    from framing.io import cache

    key = cache.signals_key(seeds_dir, resources=load_resources())
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    entry = cache.store(key, {"articles": pd.DataFrame({"a": [1]})})
    (entry / "articles.parquet").write_bytes(b"truncated")
    with pytest.warns(cache.CacheWarning, match="unreadable"):
        assert cache.load_cached(key) is None
    assert not entry.exists()  # removed, so the next run stores a good one
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "file"))
    with pytest.warns(cache.CacheWarning, match="cannot write the cache"):
        assert cache.store(key, {"articles": pd.DataFrame({"a": [1]})}) is None


@pytest.mark.parametrize(("args", "message"), [
    (["ingest", "{seeds}", "--out", "{tmp}/o", "--encoding", "bogus"], "unknown encoding 'bogus'"),
    (["signals", "{seeds}", "--out", "{tmp}/afile", "--resamples", "0"], "is a file; give a folder"),
    (["signals", "{seeds}", "--out", "{tmp}/o", "--lexicon", "{tmp}/latin.yaml"], "not UTF-8"),
    (["signals", "{seeds}", "--out", "{tmp}/o", "--lexicon", "{tmp}"], "is a folder"),
    (["ingest", "{seeds}", "--out", "{tmp}/o", "--metadata", "{tmp}"], "is a folder, not a metadata CSV"),
    (["signals", "{seeds}", "--out", "{tmp}/o", "--lexicon", "{tmp}/list.csv"], "expected a mapping"),
    (["signals", "{seeds}", "--out", "{tmp}/o", "--seed", "-1"], "must be 0 or more"),
    (["signals", "{seeds}", "--out", "{tmp}/o", "--resamples", "1"], "must be 0 (no intervals) or at least 100"),
    (["evaluate", "attributions", "--gold", "{tmp}/afile"], "gold file lacks columns"),
    (["evaluate", "attributions", "--gold", "{tmp}/latin.yaml"], "not a gold CSV"),
    (["report", "{seeds}", "--out", "{tmp}/r", "--config", "{tmp}/bad.yaml"], "invalid YAML"),
])
def test_usage_mistakes_are_one_line_with_exit_code_2(tmp_path, seeds_dir, capsys, args, message):
    (tmp_path / "afile").write_bytes(b"\x00\x01binary")
    (tmp_path / "latin.yaml").write_bytes("name: caf\xe9\n".encode("latin-1"))
    (tmp_path / "list.csv").write_text("frame,term\na,warned\n", encoding="utf-8")
    (tmp_path / "list.meta.yaml").write_text("- a\n- b\n", encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("parameters: [unclosed\n", encoding="utf-8")
    argv = [a.format(seeds=seeds_dir, tmp=tmp_path) for a in args]
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse rejects a bad option value before any work
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err, err
    assert len([line for line in err.splitlines() if line.strip()]) <= 3, err


def test_report_takes_a_glob_and_names_its_folder_after_it(tmp_path, seeds_dir, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = framing.run_report(str(seeds_dir / "*.txt"), notebooks=["01-corpus-overview"], progress=False,
                             n_resamples=0)
    assert out == tmp_path / "reports" / "xi-trump-calls" and (out / "figures" / "articles_per_outlet.png").exists()


def test_non_latin_text_loads_with_a_warning_that_the_tools_are_english_only(tmp_path):
    (tmp_path / "zh.txt").write_text("习近平与特朗普通电话。\n\n双方同意加强合作，并警告不要挑衅。中方表示愿意对话。", encoding="utf-8")
    row = framing.load_corpus(tmp_path).load_report.iloc[0]
    assert row.status == "loaded_with_warnings" and "English-only" in row.reason


def test_a_cache_hit_never_publishes_another_copys_paths(tmp_path, seeds_dir):
    import json
    import shutil

    copies = [shutil.copytree(seeds_dir, tmp_path / name) for name in ("one", "two")]
    reports = [framing.run_report(c, out=tmp_path / f"r-{c.name}", notebooks=["01-corpus-overview"],
                                  progress=False, n_resamples=0) for c in copies]
    for copy, report in zip(copies, reports):
        paths = pd.read_parquet(report / "tables" / "articles.parquet")["source_path"]
        assert paths.str.startswith(str(copy)).all()
    assert json.loads((reports[1] / "manifest.json").read_text())["signals"]["cache"] == "miss"


@pytest.fixture
def tiny_disk(tmp_path):
    """A 200 kB tmpfs: a full disk on demand (needs root and mount; skipped with the reason otherwise)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(disk)], capture_output=True,
                          text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to simulate a full disk: {done.stderr.strip()}")
    yield disk
    subprocess.run(["umount", str(disk)], capture_output=True)


@pytest.mark.parametrize("command", ["signals", "report"])
def test_a_full_disk_is_one_line_and_leaves_nothing_half_written(tiny_disk, seeds_dir, command):
    argv = [sys.executable, "-m", "framing", command, str(seeds_dir), "--out", str(tiny_disk / "out"),
            "--resamples", "0", "--no-progress"]
    done = subprocess.run(argv, capture_output=True, text=True)
    assert done.returncode == 1 and "No space left on device" in done.stderr, done.stderr[-2000:]
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) <= 2, done.stderr
    assert list(tiny_disk.iterdir()) == []  # no output folder, no staging folder, no truncated notebook


def test_a_published_notebook_reruns_in_its_report_folder(tmp_path, seeds_dir):
    import papermill as pm

    out = framing.run_report(seeds_dir, out=tmp_path / "r", notebooks=["01-corpus-overview"], progress=False,
                             n_resamples=0)
    rerun = tmp_path / "rerun.ipynb"
    pm.execute_notebook(str(out / "01-corpus-overview.ipynb"), str(rerun), cwd=str(out), progress_bar=False,
                        kernel_name="python3")
    assert "image/png" in rerun.read_text(encoding="utf-8")


def test_a_read_only_place_and_an_odd_speaker_are_one_line_errors(tmp_path, seeds_dir, capsys):
    assert main(["signals", str(seeds_dir), "--out", "/proc/framing-test/out", "--resamples", "0",
                 "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "cannot write there" in err and len(err.strip().splitlines()) == 1, err
    assert main(["report", str(seeds_dir), "--out", str(tmp_path / "r"), "--no-progress", "--resamples", "0",
                 "--notebooks", "03-source-attribution", "-p", "focus_speaker", "AC/DC"]) == 2
    err = capsys.readouterr().err
    assert "unknown focus_speaker 'AC/DC'" in err and "Xi Jinping" in err and not (tmp_path / "r").exists()
