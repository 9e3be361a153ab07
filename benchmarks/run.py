"""Time framing's stages and the libraries researchers would otherwise call, on the same text, in one run.

Usage: ``python -m benchmarks.run --docs 1000 10000 [--baseline-docs 1000] [--no-append]``

For each corpus size it generates (or reuses) a deterministic corpus (benchmarks/generate.py), then times:

- framing stages (the compared ones as the best of three runs): load and clean, sentences, frames (stance + issues), attribution, sentiment, distinctive
  terms, and the full ``framing signals`` (in a fresh process, for its peak RSS);
- baselines: ``TextBlob(sentence).sentiment`` one sentence at a time, per-term regex counting, a scattertext
  ``CorpusFromPandas`` build, and a raw Aho-Corasick scan of the same lexicon terms.

Slow baselines run on the first ``--baseline-docs`` documents of the same corpus; everything is reported as
MB/s and docs/s, so sizes compare. It prints ratios (ours / baseline) and appends them, with machine
information, to benchmarks/RESULTS.md. Timing targets are checked here, never in the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
CORPORA = HERE / "_corpora"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _timed(fn, *args, repeat: int = 1, **kwargs):
    """(best time of ``repeat`` runs, result): this machine's timings vary by tens of percent run to run."""
    best, result = float("inf"), None
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        result = fn(*args, **kwargs)
        best = min(best, time.perf_counter() - t0)
    return best, result


def _rate(seconds: float, mb: float, docs: int) -> dict[str, float]:
    return {"seconds": round(seconds, 3), "mb_per_s": round(mb / seconds, 3) if seconds else float("inf"),
            "docs_per_s": round(docs / seconds, 1) if seconds else float("inf"), "peak_rss_mb": round(_peak_mb(), 1)}


def _lexicon_terms() -> list[tuple[str, str]]:
    from framing.config.lexicons import load_lexicon

    out = []
    for name in ("stance", "issues"):  # every form the lexicon matches (its inflections, with inflect: true)
        lex = load_lexicon(name)
        out += [(f, form) for f, terms in lex.frames.items() for t in terms for form in (lex.forms.get(t) or (t,))]
    return out


def stages(corpus_dir: Path, n_docs: int, baseline_docs: int) -> dict[str, object]:
    """Run every stage and baseline on one corpus; return the measurements."""
    import ahocorasick
    import pandas as pd

    from framing.extract.attribution import extract_attributions
    from framing.corpus.load import load_corpus
    from framing.extract.frames import match_frames
    from framing.corpus.segment import find_quotes, measure_voice, split_sentences
    from framing.extract.sentiment import PatternScorer, score_sentiment
    from framing.stats.terms import distinctive_terms

    out: dict[str, object] = {"docs": n_docs}
    secs, corpus = _timed(load_corpus, corpus_dir)
    texts = corpus.articles["text"].tolist()
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    out["mb"] = round(mb, 2)
    out["sentences"] = int(len(corpus.sentences))
    out["distinct_sentence_share"] = round(corpus.sentences["text"].nunique() / max(len(corpus.sentences), 1), 3)
    out["load_and_clean"] = _rate(secs, mb, n_docs)
    secs, _ = _timed(lambda: (split_sentences(corpus.articles), find_quotes(corpus.articles)))
    out["sentences_stage"] = _rate(secs, mb, n_docs)
    sentences = measure_voice(corpus.sentences, quotes=corpus.quotes)
    secs, matches = _timed(match_frames, sentences, quotes=corpus.quotes, lexicon=["stance", "issues"], repeat=3)
    out["frames"] = _rate(secs, mb, n_docs)
    out["frame_matches"] = int(len(matches))
    secs, attributions = _timed(extract_attributions, sentences, quotes=corpus.quotes)
    out["attribution"] = _rate(secs, mb, n_docs)
    out["attributions"] = int(len(attributions))
    secs, _ = _timed(score_sentiment, sentences)
    out["sentiment"] = _rate(secs, mb, n_docs)
    grouped = sentences.merge(corpus.articles[["doc_id", "outlet"]], on="doc_id")
    secs, _ = _timed(distinctive_terms, grouped, by="outlet")
    out["distinctive_terms"] = _rate(secs, mb, n_docs)

    # --- baselines, on the first baseline_docs documents of the same corpus -----------------------------
    keep = set(corpus.articles["doc_id"].iloc[:baseline_docs])
    sub_texts = [t for d, t in zip(corpus.articles["doc_id"], texts) if d in keep]
    sub_sents = sentences[sentences["doc_id"].isin(keep)]
    sub_mb = sum(len(t.encode("utf-8")) for t in sub_texts) / 1e6
    out["baseline_docs"] = len(sub_texts)
    distinct = list(dict.fromkeys(sub_sents["text"].tolist()))
    distinct_mb = sum(len(t.encode("utf-8")) for t in distinct) / 1e6

    from textblob import TextBlob

    secs, reference = _timed(lambda: [tuple(TextBlob(s).sentiment) for s in distinct], repeat=3)
    out["baseline_textblob"] = _rate(secs, distinct_mb, len(distinct)) | {"words_per_s": round(
        sum(len(s.split()) for s in distinct) / secs)}
    secs, ours = _timed(lambda: PatternScorer().score_many(distinct), repeat=3)  # a fresh scorer each time
    out["ours_sentiment_distinct"] = _rate(secs, distinct_mb, len(distinct)) | {"words_per_s": round(
        sum(len(s.split()) for s in distinct) / secs)}
    out["sentiment_max_abs_diff"] = max((abs(a - b) for r, o in zip(reference, ours) for a, b in zip(r, o)),
                                        default=0.0)
    out["sentiment_sentences_compared"] = len(distinct)

    from benchmarks.naive import lexicon_patterns

    terms = _lexicon_terms()
    patterns = [p for _, p in lexicon_patterns()]  # one regular expression per written term, as naive.py
    secs, _ = _timed(lambda: [sum(len(p.findall(t)) for t in sub_texts) for p in patterns])
    out["baseline_regex_per_term"] = _rate(secs, sub_mb, len(sub_texts))

    automaton = ahocorasick.Automaton()
    for i, (_, t) in enumerate(terms):
        automaton.add_word(t.rstrip("*"), i)
    automaton.make_automaton()
    all_mb = mb
    secs, _ = _timed(lambda: sum(1 for t in texts for _ in automaton.iter(t.lower())), repeat=3)
    out["baseline_aho_corasick"] = _rate(secs, all_mb, n_docs)

    import scattertext as st

    frame = pd.DataFrame({"text": sub_texts, "outlet": corpus.articles["outlet"].iloc[:len(sub_texts)].tolist()})
    secs, _ = _timed(lambda: st.CorpusFromPandas(frame, category_col="outlet", text_col="text",
                                                 nlp=st.whitespace_nlp_with_sentences).build())
    out["baseline_scattertext_build"] = _rate(secs, sub_mb, len(sub_texts))

    return out


def naive_script(corpus_dir: Path) -> dict[str, float]:
    """benchmarks/naive.py (no framing code: TextBlob per sentence, one regex per term) on the whole corpus, in a
    fresh process like ``framing signals``."""
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "benchmarks.naive", str(corpus_dir), str(corpus_dir) + "-naive.csv"],
                          capture_output=True, text=True, cwd=HERE.parent)
    if proc.returncode != 0:
        raise RuntimeError(f"the naive script failed:\n{proc.stderr[-3000:]}")
    return {"seconds": round(time.perf_counter() - t, 2)}


def full_signals(corpus_dir: Path, resamples: int, workers: int) -> dict[str, object]:
    """``framing signals`` on the corpus in a fresh process: time and peak RSS."""
    code = (
        "import json, resource, sys, time\n"
        "from framing.cli import main\n"
        "t = time.perf_counter()\n"
        f"rc = main(['signals', {str(corpus_dir)!r}, '--out', {str(corpus_dir) + '-signals'!r}, "
        f"'--resamples', '{resamples}', '--workers', '{workers}'])\n"
        "print(json.dumps({'rc': rc, 'seconds': time.perf_counter() - t, "
        "'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "
        "'worker_peak_rss_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=HERE.parent)
    if proc.returncode != 0:
        raise RuntimeError(f"framing signals failed:\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    return {"seconds": round(result["seconds"], 2), "peak_rss_mb": round(result["peak_rss_mb"], 1),
            "worker_peak_rss_mb": round(result["worker_peak_rss_mb"], 1)}


def cache_timing(corpus_dir: Path, resamples: int, workers: int) -> dict[str, float]:
    """The signal stage of ``framing report`` cold (computed and stored) and warm (read from the cache)."""
    import tempfile

    from framing.config import load_resources
    from framing.io.cache import load_cached, signals_key, store
    from framing.corpus.load import load_corpus
    from framing.pipeline.signals import compute_signals

    import shutil

    cache_dir = tempfile.mkdtemp(prefix="framing-bench-cache-")
    previous = os.environ.get("FRAMING_CACHE_DIR")
    os.environ["FRAMING_CACHE_DIR"] = cache_dir
    try:
        t0 = time.perf_counter()
        key = signals_key(corpus_dir, resources=load_resources(), parameters={"n_resamples": resamples, "seed": 0})
        corpus = load_corpus(corpus_dir)
        store(key, compute_signals(corpus, n_resamples=resamples, workers=workers).tables)
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        key = signals_key(corpus_dir, resources=load_resources(), parameters={"n_resamples": resamples, "seed": 0})
        assert load_cached(key) is not None
        warm = time.perf_counter() - t0
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)
        if previous is None:
            os.environ.pop("FRAMING_CACHE_DIR", None)
        else:
            os.environ["FRAMING_CACHE_DIR"] = previous
    return {"cold_seconds": round(cold, 3), "warm_seconds": round(warm, 3)}


def _machine() -> str:
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("pandas", "numpy", "scipy", "textblob",
                                                               "scattertext", "pyahocorasick"))
    return (f"{platform.platform()}; Python {platform.python_version()}; {os.cpu_count()} cores; "
            f"{versions}")


def seed_pass(repeat: int = 7) -> dict[str, float]:
    """The whole signal pass on the five seed articles once imports are done (issue: "well under a second").

    ``compute_signals`` with its defaults (stance and issues, 8 levels, 2,000 resamples, comparisons,
    sentiment, terms, attribution) on the loaded seed corpus, after one warm-up run; median and best of
    ``repeat`` runs.
    """
    import statistics

    from framing.corpus.load import load_corpus
    from framing.config.files import default_corpus
    from framing.pipeline.signals import compute_signals

    corpus = load_corpus(default_corpus())
    compute_signals(corpus)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        compute_signals(corpus)
        times.append(time.perf_counter() - t0)
    return {"median": round(statistics.median(times), 3), "best": round(min(times), 3)}


def report(results: list[dict[str, object]], seeds: dict[str, float] | None = None) -> str:
    """Format the measurements and ratios as Markdown."""
    lines = [f"## Run of {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}", "", f"Machine: {_machine()}", ""]
    lines += ["| docs | MB | stage | seconds | MB/s | docs/s | peak RSS MB |", "|---|---|---|---|---|---|---|"]
    names = ["load_and_clean", "sentences_stage", "frames", "attribution", "sentiment", "distinctive_terms",
             "full_signals", "baseline_textblob", "ours_sentiment_distinct", "baseline_regex_per_term",
             "baseline_aho_corasick", "baseline_scattertext_build", "naive"]
    for r in results:
        for name in names:
            m = r.get(name)
            if isinstance(m, dict):
                lines.append(f"| {r['docs']} | {r['mb']} | {name} | {m['seconds']} | {m.get('mb_per_s', '')} | "
                             f"{m.get('docs_per_s', '')} | {m.get('peak_rss_mb', '')} |")
    lines += ["", "| docs | ratio | value | target |", "|---|---|---|---|"]
    if seeds:
        lines.append(f"| 5 (seeds) | whole signal pass after imports, seconds (median of 7; best {seeds['best']}) | "
                     f"{seeds['median']} | well under 1 |")
    for r in results:
        if "frames" not in r:  # --signals-only: time and memory of the full run, no baselines
            seconds = r["full_signals"]["seconds"]
            lines.append(f"| {r['docs']} | full framing signals MB/s (raw files; no baselines in this run) | "
                         f"{r['mb'] / seconds:.3g} | — |")
            lines.append(f"| {r['docs']} | full framing signals peak RSS (MB) | "
                         f"{r['full_signals']['peak_rss_mb']:.4g} | ≤ 2048 at 100k |")
            lines.append(f"| {r['docs']} | largest worker process peak RSS (MB) | "
                         f"{r['full_signals']['worker_peak_rss_mb']:.4g} | (context) |")
            continue
        frames = r["frames"]["mb_per_s"] / r["baseline_aho_corasick"]["mb_per_s"]
        senti = r["ours_sentiment_distinct"]["words_per_s"] / r["baseline_textblob"]["words_per_s"]
        rows = [("frame scoring / raw Aho-Corasick scan (MB/s)", frames, "≥ 0.33"),
                ("sentiment / TextBlob one sentence at a time (words/s, distinct sentences)", senti, "≥ 5"),
                (f"sentiment max |Δ| vs TextBlob over {r['sentiment_sentences_compared']} sentences",
                 r["sentiment_max_abs_diff"], "≤ 1e-9")]
        if "full_signals" in r:
            rows.append(("naive script seconds / full framing signals seconds (both whole corpus, fresh processes)",
                         r["naive"]["seconds"] / r["full_signals"]["seconds"], "≥ 3"))
            rows.append(("full framing signals peak RSS (MB)", r["full_signals"]["peak_rss_mb"], "≤ 2048 at 100k"))
            rows.append(("largest worker process peak RSS (MB)", r["full_signals"]["worker_peak_rss_mb"], "(context)"))
        if "cache" in r:
            rows.append(("signal stage cold / warm (cache hit)",
                         r["cache"]["cold_seconds"] / max(r["cache"]["warm_seconds"], 1e-9), "≥ 10"))
        for label, value, target in rows:
            lines.append(f"| {r['docs']} | {label} | {value:.3g} | {target} |")
        lines.append(f"| {r['docs']} | distinct sentences / all sentences | {r['distinct_sentence_share']} | "
                     "(context: framing scores each distinct sentence once) |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, nargs="+", default=[1000], help="corpus sizes (default 1000)")
    parser.add_argument("--baseline-docs", type=int, default=1000, help="documents for the slow baselines")
    parser.add_argument("--resamples", type=int, default=2000, help="bootstrap resamples in framing signals")
    parser.add_argument("--workers", type=int, default=2, help="processes for framing signals")
    parser.add_argument("--no-signals", action="store_true", help="skip the full framing signals run")
    parser.add_argument("--signals-only", action="store_true",
                        help="only the full framing signals run (time and peak RSS), e.g. for 100k documents")
    parser.add_argument("--no-append", action="store_true", help="do not append to benchmarks/RESULTS.md")
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="where generated corpora are kept")
    parser.add_argument("--long", action="store_true", help="articles of about 5 KB (the default is about 1.6 KB)")
    args = parser.parse_args(argv)
    from benchmarks.generate import generate

    results = []
    for n in args.docs:
        folder = args.corpora / (f"n{n}-long" if args.long else f"n{n}")
        if not (folder / "metadata.csv").exists():
            print(f"generating {n} documents in {folder} …", file=sys.stderr)
            generate(n, folder, paragraphs=(14, 44) if args.long else (4, 12))
        print(f"benchmarking {n} documents …", file=sys.stderr)
        if args.signals_only:
            mb = sum(p.stat().st_size for p in folder.glob("*.txt")) / 1e6
            r = {"docs": n, "mb": round(mb, 2), "full_signals": full_signals(folder, args.resamples, args.workers)}
            results.append(r)
            continue
        r = stages(folder, n, args.baseline_docs)
        if not args.no_signals:
            r["full_signals"] = full_signals(folder, args.resamples, args.workers)
            r["naive"] = naive_script(folder)
            r["cache"] = cache_timing(folder, args.resamples, args.workers)
        results.append(r)
    text = report(results, None if args.signals_only else seed_pass())
    print(text)
    if not args.no_append:
        with RESULTS.open("a", encoding="utf-8") as fh:
            fh.write("\n" + text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
