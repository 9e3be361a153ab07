"""Chunked loading and streamed signals give exactly what the in-memory route gives."""

from __future__ import annotations

import pandas as pd
import pytest

from framing import load_corpus
from framing.corpus.load import concat_corpora, iter_corpus
from framing.pipeline.signals import compute_signals, stream_signals
from framing.io.tables import TableStream, write_tables

BODY = "Xi Jinping told Trump that “mutual respect” matters.\n\nTrump warned of “dangerous” drills."


@pytest.fixture
def mixed(tmp_path):
    """Good files, bad files, a cross-chunk duplicate and metadata rows that match nothing."""
    d = tmp_path / "mixed"
    (d / "sub").mkdir(parents=True)
    for i in range(7):
        (d / f"a{i}.txt").write_text(f"Story {i}. {BODY}", encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "notes.pdf").write_bytes(b"%PDF-1.4")
    (d / "a1.md").write_text("An a1 read first, so a1.txt must be reported as a duplicate.", encoding="utf-8")
    (d / "metadata.csv").write_text("doc_id,outlet,event\na0,BBC,e1\na5,CGTN,e1\nghost,BBC,e1\n", encoding="utf-8")
    return d


def test_chunks_stack_to_the_whole_corpus(mixed):
    whole = load_corpus(str(mixed / "**" / "*.*"), metadata=mixed / "metadata.csv")
    chunks = list(iter_corpus(str(mixed / "**" / "*.*"), metadata=mixed / "metadata.csv", chunk_docs=3))
    assert [len(c.articles) for c in chunks] == [3, 3, 1]
    stacked = concat_corpora(chunks)
    for name, table in whole.tables().items():
        pd.testing.assert_frame_equal(stacked.tables()[name], table, obj=name)
    report = stacked.load_report
    assert "duplicate doc_id 'a1'" in report[report.input.str.endswith("a1.txt")].reason.item()
    assert report[report.doc_id == "ghost"].reason.item() == "metadata row matches no loaded document"
    assert len(report) == 7 + 3 + 1  # every input, including the metadata row that matched nothing


def test_workers_and_chunk_size_do_not_change_any_table(seed_corpus, seed_signals):
    chunked = compute_signals(seed_corpus, n_resamples=999, workers=2, chunk_docs=2)
    assert sorted(chunked.tables) == sorted(seed_signals.tables)
    for name, table in seed_signals.tables.items():
        pd.testing.assert_frame_equal(chunked.tables[name], table, obj=name)


def test_streamed_files_equal_the_in_memory_tables(seeds_dir, seed_corpus, tmp_path):
    counts = stream_signals(seeds_dir, tmp_path / "streamed", n_resamples=300, workers=2, chunk_docs=2)
    tables = compute_signals(seed_corpus, n_resamples=300).tables
    write_tables({**tables, "load_report": seed_corpus.load_report, "removed_lines": seed_corpus.removed},
                 tmp_path / "memory", parquet=False)
    names = sorted(p.name for p in (tmp_path / "memory").glob("*.csv"))
    assert names == sorted(p.name for p in (tmp_path / "streamed").glob("*.csv"))
    for name in names:
        assert (tmp_path / "streamed" / name).read_bytes() == (tmp_path / "memory" / name).read_bytes(), name
    assert counts["articles"] == 5 and counts["sentences"] == len(seed_corpus.sentences)
    assert not (tmp_path / "streamed" / ".parts").exists()
    back = pd.read_parquet(tmp_path / "streamed" / "frame_matches.parquet")
    pd.testing.assert_series_equal(back["term"], tables["frame_matches"]["term"], check_dtype=False)


def test_table_stream_unifies_columns_and_types(tmp_path):
    with TableStream(tmp_path) as stream:
        stream.append("t", pd.DataFrame({"a": [1, 2], "b": [None, None]}))
        stream.append("t", pd.DataFrame({"a": [3], "b": ["x"], "c": [0.5]}))
        stream.append("empty", pd.DataFrame({"z": pd.Series([], dtype="int64")}))
    back = pd.read_parquet(tmp_path / "t.parquet")
    assert back.columns.tolist() == ["a", "b", "c"] and back["b"].tolist()[2] == "x"
    assert (tmp_path / "t.csv").read_text() == "a,b,c\n1,,\n2,,\n3,x,0.5\n"
    assert (tmp_path / "empty.csv").read_text() == "z\n"


def test_a_last_chunk_without_articles_is_still_reported(mixed, tmp_path):
    # 7 articles fill the first chunk; the duplicate and the unmatched metadata row come in an empty last one
    chunks = list(iter_corpus(str(mixed / "**" / "*.*"), metadata=mixed / "metadata.csv", chunk_docs=7))
    assert [len(c.articles) for c in chunks] == [7, 0] and len(chunks[1].load_report) >= 2
    counts = stream_signals(str(mixed / "**" / "*.*"), tmp_path / "out", metadata=mixed / "metadata.csv",
                            n_resamples=100, chunk_docs=7)
    assert counts["articles"] == 7 and counts["load_report"] == 11
    scores = pd.read_csv(tmp_path / "out" / "frame_scores.csv")
    assert set(scores.query("level == 'outlet'").group) == {"BBC", "CGTN", *(f"unknown:a{i}" for i in (1, 2, 3, 4, 6))}
