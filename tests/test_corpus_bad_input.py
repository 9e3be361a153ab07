"""Bad input: clear messages that name the file and reason; one bad file never stops the others."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from framing import load_corpus
from framing.errors import CorpusPathError, MetadataError

BODY = "Xi Jinping told Trump that “mutual respect” matters.\n\nTrump called the talks excellent."


def status(corpus, doc_id):
    rows = corpus.load_report[corpus.load_report.doc_id == doc_id]
    assert len(rows) == 1, corpus.load_report
    return rows.iloc[0]


@pytest.fixture
def messy(tmp_path):
    d = tmp_path / "messy"
    d.mkdir()
    (d / "good.txt").write_text(BODY, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(b"  \n\n ")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (d / "cp1252.txt").write_bytes("Trump’s “excellent” call — café talk.".encode("cp1252"))
    (d / "latin1.txt").write_bytes("Déjà vu in Zürich: naïve façade.".encode("latin-1"))
    (d / "bom.txt").write_bytes(b"\xef\xbb\xbf" + BODY.encode("utf-8"))
    (d / "crlf.txt").write_bytes(BODY.replace("\n", "\r\n").encode("utf-8"))
    (d / "notes.pdf").write_bytes(b"%PDF-1.4")
    (d / "ads-only.txt").write_text("Advertisement\nAdvert.\nLogo\n", encoding="utf-8")
    return d


def test_each_bad_file_is_reported_and_the_rest_load(messy):
    corpus = load_corpus(messy)
    report = corpus.load_report
    assert len(report) == 10  # every input accounted for
    assert set(corpus.articles.doc_id) == {"good", "cp1252", "latin1", "bom", "crlf"}
    assert status(corpus, "good").status == "loaded"
    assert status(corpus, "empty").reason == "empty file"
    assert status(corpus, "blank").reason == "file contains only whitespace"
    assert "binary file" in status(corpus, "binary").reason
    assert status(corpus, "ads-only").reason == "no article text left after removing boilerplate"
    pdf = report[report.input.str.endswith("notes.pdf")].iloc[0]
    assert pdf.status == "skipped" and "unsupported file type '.pdf'" in pdf.reason
    for doc in ("empty", "blank", "binary", "ads-only"):
        assert status(corpus, doc).status == "skipped"


def test_encodings_and_line_endings(messy):
    corpus = load_corpus(messy)
    text = corpus.articles.set_index("doc_id")["text"]
    assert text["cp1252"] == "Trump’s “excellent” call — café talk."
    assert text["latin1"] == "Déjà vu in Zürich: naïve façade."
    cp = status(corpus, "cp1252")
    assert cp.status == "loaded_with_warnings" and cp.encoding == "cp1252"
    assert "not valid UTF-8 (byte 0x92 at offset 5); decoded as cp1252" in cp.reason
    assert status(corpus, "bom").encoding == "utf-8-sig" and not text["bom"].startswith("\ufeff")
    assert status(corpus, "bom").status == "loaded"
    assert status(corpus, "crlf").newline == "crlf" and "\r" not in text["crlf"]
    assert text["crlf"] == text["good"] == text["bom"]


def test_duplicate_doc_ids_keep_the_first(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.md").write_text("First version of the story.", encoding="utf-8")
    (tmp_path / "a" / "x.txt").write_text("Second version of the story.", encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.txt").write_text("Another story in another folder.", encoding="utf-8")
    corpus = load_corpus(str(tmp_path / "**" / "x.*"))
    # ids are paths below the glob's fixed part: a/x (twice: a duplicate) and b/x (another document)
    assert corpus.articles.doc_id.tolist() == ["a/x", "b/x"]
    assert corpus.articles.text.tolist() == ["First version of the story.", "Another story in another folder."]
    dup = corpus.load_report[corpus.load_report.status == "skipped"].iloc[0]
    assert dup.input.endswith("a/x.txt") and "duplicate doc_id 'a/x'" in dup.reason and "a/x.md" in dup.reason


def test_metadata_rows_without_files_and_files_without_rows(tmp_path):
    (tmp_path / "one.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "two.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "doc_id,outlet,event,published,notes\none,Xinhua,call-1,2026-02-05,x\nghost,AP,call-1,unknown,y\n",
        encoding="utf-8")
    corpus = load_corpus(tmp_path)
    report = corpus.load_report
    ghost = report[report.doc_id == "ghost"].iloc[0]
    assert (ghost.kind, ghost.status) == ("metadata_row", "skipped")
    assert ghost.input.endswith("metadata.csv:3") and "matches no loaded document" in ghost.reason
    two = status(corpus, "two")
    assert two.status == "loaded_with_warnings" and "no row for this doc_id" in two.reason
    a = corpus.articles.set_index("doc_id")
    assert a.loc["one", "outlet"] == "Xinhua" and a.loc["two", "outlet"] == "unknown"


@pytest.mark.parametrize("content, message", [
    ("doc_id,outlet\none,BBC,extra\n", "line 2: 3 fields but the header has 2"),
    ("outlet,event\nBBC,x\n", "line 1: no 'doc_id' column"),
    ("doc_id,outlet\none,BBC\none,CNN\n", "line 3: duplicate doc_id 'one' (first on line 2)"),
    ("doc_id,published\none,yesterday-ish\n", "line 2: published 'yesterday-ish' is not a date"),
    ('doc_id,outlet\none,"BBC\n', "malformed CSV"),
])
def test_malformed_metadata_is_an_error_naming_file_and_line(tmp_path, content, message):
    (tmp_path / "one.txt").write_text(BODY, encoding="utf-8")
    meta = tmp_path / "metadata.csv"
    meta.write_text(content, encoding="utf-8")
    with pytest.raises(MetadataError) as err:
        load_corpus(tmp_path)
    assert str(meta) in str(err.value) and message in str(err.value)


def test_csv_corpus_with_column_mapping_and_a_malformed_line(tmp_path):
    f = tmp_path / "news.csv"
    f.write_text('id,body,source\n1,"Xi warned, ""never"".",Xinhua\n2,too,many,fields\n3,Trump said hi.,AP\n',
                 encoding="utf-8")
    corpus = load_corpus(f, columns={"doc_id": "id", "text": "body", "outlet": "source"})
    assert corpus.articles[["doc_id", "outlet"]].values.tolist() == [["1", "Xinhua"], ["3", "AP"]]
    assert corpus.articles.text.iloc[0] == 'Xi warned, "never".'
    bad = corpus.load_report[corpus.load_report.status == "skipped"].iloc[0]
    assert bad.input == f"{f}:3" and "malformed CSV at line 3: 4 fields, header has 3" in bad.reason


def test_jsonl_corpus_with_a_malformed_line(tmp_path):
    f = tmp_path / "news.jsonl"
    lines = [json.dumps({"doc_id": "a", "text": "Xi spoke.", "outlet": "CGTN"}), "{not json",
             json.dumps({"doc_id": "b", "text": "Trump posted."}), json.dumps({"doc_id": "c", "body": "x"})]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = load_corpus(f)
    assert corpus.articles.doc_id.tolist() == ["a", "b"]
    skipped = corpus.load_report[corpus.load_report.status == "skipped"]
    assert skipped.input.tolist() == [f"{f}:2", f"{f}:4"]
    assert "invalid JSON at line 2" in skipped.reason.iloc[0]
    assert "no text column 'text'" in skipped.reason.iloc[1]


def test_parquet_corpus(tmp_path):
    f = tmp_path / "news.parquet"
    pd.DataFrame({"doc_id": ["p1"], "text": ["Xi and Trump spoke."], "event": ["call"]}).to_parquet(f)
    corpus = load_corpus(f)
    assert corpus.articles[["doc_id", "event", "text"]].values.tolist() == [["p1", "call", "Xi and Trump spoke."]]


def test_missing_path_and_empty_glob(tmp_path):
    with pytest.raises(CorpusPathError, match="does not exist"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(CorpusPathError, match="matches no files"):
        load_corpus(str(tmp_path / "*.txt"))


def test_html_goes_through_trafilatura(tmp_path):
    page = """<html><head><title>Xi warns on Taiwan | Example News</title>
    <meta property="og:site_name" content="Example News"><meta name="author" content="Jane Roe">
    <meta property="article:published_time" content="2026-02-05"></head><body>
    <nav>Home | World | Sport</nav><div class="ad">Advertisement</div>
    <article><h1>Xi warns on Taiwan</h1>
    <p>Chinese President Xi Jinping urged the United States to handle arms sales to Taiwan with prudence.</p>
    <p>“The relationship with China is an extremely good one,” Trump wrote in a Truth Social post.</p>
    </article><footer>Follow us on social media. Copyright 2026.</footer></body></html>"""
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    art = corpus.articles.iloc[0]
    assert "urged the United States to handle arms sales" in art.text
    assert "Home | World" not in art.text and "Copyright" not in art.text
    assert art.outlet == "Example News" and art.byline == "Jane Roe"
    assert art.published == pd.Timestamp("2026-02-05")


def test_unbalanced_quote_is_a_warning_not_a_crash(tmp_path):
    (tmp_path / "q.txt").write_text("Xi said “we will never allow it.\n\nTrump agreed.", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    row = status(corpus, "q")
    assert row.status == "loaded_with_warnings" and "unbalanced quotation mark" in row.reason
    q = corpus.quotes.iloc[0]
    assert (q.text, bool(q.closed)) == ("we will never allow it.", False)
