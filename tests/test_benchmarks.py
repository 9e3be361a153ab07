"""A small smoke benchmark keeps the harness working (timing targets are checked by the benchmark only)."""

from __future__ import annotations

from benchmarks.generate import generate
from benchmarks.run import main


def test_generator_is_deterministic(tmp_path):
    a, b = generate(30, tmp_path / "a"), generate(30, tmp_path / "b")
    for path in sorted(a.iterdir()):
        assert path.read_bytes() == (b / path.name).read_bytes(), path.name
    text = (a / "doc000003.txt").read_text(encoding="utf-8")
    assert text.count("\n\n") >= 4
    assert "“" in "".join(p.read_text(encoding="utf-8") for p in a.glob("*.txt"))  # quotations are there


def test_smoke_benchmark_on_100_documents(tmp_path, capsys):
    assert main(["--docs", "100", "--baseline-docs", "40", "--resamples", "100", "--workers", "2",
                 "--corpora", str(tmp_path), "--no-append"]) == 0
    out = capsys.readouterr().out
    for line in ("| 100 | frame scoring / raw Aho-Corasick scan (MB/s) |", "| 100 | sentiment max |Δ| vs TextBlob",
                 "| 100 | naive script seconds / full framing signals seconds", "| 100 | signal stage cold / warm (cache hit) |",
                 "| 100 | 0.1", "| 5 (seeds) | whole signal pass after imports, seconds"):
        assert line in out, line
    assert "sentences | 0 | ≤ 1e-9 |" in out  # sentiment is exactly TextBlob's on every benchmark sentence
