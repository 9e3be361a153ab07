"""The `framing ingest` command as a new user runs it."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from framing.cli import main

FILES = ["articles", "sentences", "quotes", "load_report", "removed_lines"]


def test_help_explains_every_command():
    out = subprocess.run([sys.executable, "-m", "framing", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "ingest" in out.stdout and "examples:" in out.stdout
    out = subprocess.run([sys.executable, "-m", "framing", "ingest", "--help"], capture_output=True, text=True)
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
    assert articles.columns.tolist()[:12] == ["doc_id", "outlet", "event", "published", "title", "byline",
                                              "dateline", "credit", "wire", "text", "n_words", "source_path"]
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


SIGNAL_FILES = ["articles", "sentences", "frame_matches", "frame_scores", "frame_comparisons", "sentiment",
                "sentiment_scores", "distinctive_terms", "load_report"]


def test_signals_writes_every_table(seeds_dir, tmp_path, capsys):
    assert main(["signals", str(seeds_dir), "--out", str(tmp_path / "s"), "--resamples", "200"]) == 0
    out = capsys.readouterr().out
    assert "frame matches" in out and "stance@2.0.0, issues@1.1.0" in out
    for name in SIGNAL_FILES:
        assert (tmp_path / "s" / f"{name}.csv").stat().st_size > 0, name
        assert (tmp_path / "s" / f"{name}.parquet").exists(), name
    scores = pd.read_csv(tmp_path / "s" / "frame_scores.csv")
    assert {"ci_low", "ci_high", "value", "measure", "level"} <= set(scores.columns)
    matches = pd.read_parquet(tmp_path / "s" / "frame_matches.parquet")
    assert set(matches.voice) == {"quoted", "paraphrase", "narration"}


def test_signals_with_a_user_lexicon(seeds_dir, tmp_path):
    lex = tmp_path / "mine.yaml"
    lex.write_text("name: mine\nversion: '2'\ndescription: d\nsource: s\nframes:\n  soy:\n    terms: [soybean*]\n",
                   encoding="utf-8")
    assert main(["signals", str(seeds_dir), "--out", str(tmp_path / "s"), "--lexicon", str(lex),
                 "--resamples", "0"]) == 0
    matches = pd.read_csv(tmp_path / "s" / "frame_matches.csv")
    assert set(matches.lexicon) == {"mine"} and set(matches.match.str.lower()) == {"soybeans", "soybean"}


def test_a_corpus_that_loads_nothing_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "empty.txt").write_bytes(b"")
    (tmp_path / "corpus" / "binary.txt").write_bytes(b"\x00\x01\x02")
    for command in ("ingest", "signals"):
        code = main([command, str(tmp_path / "corpus"), "--out", str(tmp_path / command), "--no-progress"]
                    if command == "signals" else [command, str(tmp_path / "corpus"), "--out", str(tmp_path / command)])
        err = capsys.readouterr().err
        assert code == 2 and "no document loaded" in err and "empty file" in err and "binary" in err, err
