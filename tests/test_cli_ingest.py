"""The `framing ingest` command as a new user runs it."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from framing.cli import main

FILES = ["articles", "sentences", "quotes", "load_report", "removed_lines"]


def test_help_explains_every_command():
    out = subprocess.run([sys.executable, "-m", "framing.cli", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "ingest" in out.stdout and "examples:" in out.stdout
    out = subprocess.run([sys.executable, "-m", "framing.cli", "ingest", "--help"], capture_output=True, text=True)
    assert "--out" in out.stdout and "--metadata" in out.stdout and "--text-column" in out.stdout


def test_ingest_writes_csv_and_parquet_reproducibly(seeds_dir, tmp_path, capsys):
    assert main(["ingest", str(seeds_dir), "--out", str(tmp_path / "a")]) == 0
    assert "5 articles, 95 sentences (5 loaded, 0 loaded_with_warnings, 0 skipped)" in capsys.readouterr().out
    assert main(["ingest", str(seeds_dir), "--out", str(tmp_path / "b")]) == 0
    for name in FILES:
        for suffix in (".csv", ".parquet"):
            a, b = tmp_path / "a" / f"{name}{suffix}", tmp_path / "b" / f"{name}{suffix}"
            assert a.read_bytes() == b.read_bytes(), a.name
    articles = pd.read_csv(tmp_path / "a" / "articles.csv")
    assert articles.columns.tolist()[:11] == ["doc_id", "outlet", "event", "published", "title", "byline",
                                              "dateline", "credit", "text", "n_words", "source_path"]
    assert articles.published.tolist()[:2] == ["2026-02-05", "2026-02-05"]
    sentences = pd.read_parquet(tmp_path / "a" / "sentences.parquet")
    assert len(sentences) == 95 and sentences.position.iloc[0] == "headline"


def test_ingest_error_names_the_path(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
    assert f"corpus path '{tmp_path / 'missing'}' does not exist" in capsys.readouterr().err


def test_ingest_lists_skipped_files_on_stderr(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text("Xi spoke to Trump.", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    assert main(["ingest", str(tmp_path / "in"), "--out", str(tmp_path / "o")]) == 0
    err = capsys.readouterr().err
    assert "skipped:" in err and "empty.txt: empty file" in err
