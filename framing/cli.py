"""The ``framing`` command line. Run ``framing --help`` or ``framing COMMAND --help``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from framing.errors import FramingError

_EPILOG = """examples:
  framing ingest data/raw/xi-trump-calls --out reports/xi-trump-calls
  framing ingest 'news/**/*.html' --out out/ --metadata news/meta.csv
  framing ingest articles.csv --text-column body --id-column url --out out/
"""


def _add_corpus_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("corpus", help="a folder of .txt/.md/.html files, a quoted glob, or one CSV/JSONL/Parquet table")
    p.add_argument("--out", required=True, type=Path, help="output folder (created if missing)")
    p.add_argument("--metadata", type=Path, help="metadata CSV (default: metadata.csv beside the files)")
    p.add_argument("--text-column", default="text", help="for tables: the column with the article text")
    p.add_argument("--id-column", default="doc_id", help="for tables: the column with the document id")
    p.add_argument("--rules", type=Path, help="boilerplate rules YAML (default: the shipped rules)")
    p.add_argument("--encoding", help="force one text encoding instead of detecting it per file")


def _columns(args: argparse.Namespace) -> dict[str, str]:
    return {"text": args.text_column, "doc_id": args.id_column}


def _load(args: argparse.Namespace):
    from framing.corpus import load_corpus

    return load_corpus(args.corpus, metadata=args.metadata, columns=_columns(args), rules=args.rules,
                       encoding=args.encoding)


def _summarise(load_report, n_articles: int, n_sentences: int, out: Path) -> None:
    counts = load_report["status"].value_counts()
    parts = ", ".join(f"{counts.get(s, 0)} {s}" for s in ("loaded", "loaded_with_warnings", "skipped"))
    print(f"{n_articles} articles, {n_sentences} sentences ({parts}) -> {out}")
    for row in load_report[load_report["status"] != "loaded"].itertuples():
        print(f"  {row.status}: {row.input}: {row.reason}", file=sys.stderr)


def cmd_ingest(args: argparse.Namespace) -> int:
    from framing.tables import write_tables

    corpus = _load(args)
    write_tables(corpus.tables(), args.out)
    _summarise(corpus.load_report, len(corpus.articles), len(corpus.sentences), args.out)
    return 0


def cmd_signals(args: argparse.Namespace) -> int:
    import pandas as pd

    from framing.lexicons import load_lexicon
    from framing.signals import stream_signals

    counts = stream_signals(args.corpus, args.out, metadata=args.metadata, columns=_columns(args), rules=args.rules,
                            encoding=args.encoding, lexicons=args.lexicon or ["stance", "issues"],
                            n_resamples=args.resamples, seed=args.seed, workers=args.workers,
                            chunk_docs=args.chunk_docs, progress=sys.stderr.isatty())
    _summarise(pd.read_parquet(args.out / "load_report.parquet"), counts.get("articles", 0),
               counts.get("sentences", 0), args.out)
    negated = pd.read_parquet(args.out / "frame_matches.parquet", columns=["negated"])["negated"]
    lexicons = ", ".join(load_lexicon(lex).label for lex in args.lexicon or ["stance", "issues"])
    print(f"{counts.get('frame_matches', 0)} frame matches ({int(negated.astype(bool).sum())} negated) from "
          f"{lexicons}; {counts.get('attributions', 0)} attributions")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from framing.attribution import extract_attributions
    from framing.corpus import load_corpus
    from framing.evaluate import attribution_errors, evaluate_attributions, load_brat_gold, load_gold

    gold_path = Path(args.gold)
    brat = gold_path.is_dir()
    if not gold_path.exists():
        raise FramingError(f"gold file {gold_path} does not exist")
    gold = load_brat_gold(gold_path) if brat else load_gold(gold_path)
    from framing.resources import default_corpus

    corpus_path = args.corpus or (gold_path if brat else default_corpus())
    corpus = load_corpus(corpus_path)
    predicted = extract_attributions(corpus.sentences, quotes=corpus.quotes, actors=args.actors, verbs=args.verbs)
    metrics = evaluate_attributions(predicted, gold, sentences=corpus.sentences,
                                    speaker="speaker_head" if brat else "speaker_id")
    print(f"attributions: {len(predicted)} predicted, {len(gold)} gold ({gold_path}; corpus {corpus_path})")
    print(metrics.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    if args.errors and not brat:
        errors = attribution_errors(predicted, gold, sentences=corpus.sentences)
        print(errors.to_string(index=False) if len(errors) else "no speaker+cue errors")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    import yaml

    from framing.report import run_report

    parameters = {name: yaml.safe_load(value) for name, value in (args.parameter or [])}
    out = run_report(args.corpus, out=args.out, notebooks=args.notebooks, parameters=parameters,
                     config=args.config, kernel=args.kernel, hide_code=not args.show_code,
                     progress=not args.no_progress, use_cache=not args.no_cache)
    print(f"report written to {out}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser (exposed for documentation and tests)."""
    parser = argparse.ArgumentParser(
        prog="framing", description="Media-framing research toolkit: load news corpora, score framing "
        "signals and attribution, and build reports.", epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"framing {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    ingest = sub.add_parser(
        "ingest", help="load and clean a corpus; write articles, sentences, quotes, load report",
        description="Load and clean a corpus. Writes articles.csv, sentences.csv, quotes.csv, "
        "load_report.csv and removed_lines.csv, each with a Parquet copy, into --out.",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_corpus_args(ingest)
    ingest.set_defaults(func=cmd_ingest)
    signals = sub.add_parser(
        "signals", help="score framing signals: frames, voice, negation, sentiment, distinctive terms",
        description="Load a corpus and write articles, sentences, frame_matches, frame_scores (with 95% "
        "bootstrap intervals), frame_comparisons, sentiment, sentiment_scores and distinctive_terms, each as "
        "CSV with a Parquet copy, into --out.", epilog=_EPILOG.replace("ingest", "signals"),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_corpus_args(signals)
    signals.add_argument("--lexicon", action="append", metavar="NAME_OR_FILE",
                         help="lexicon name (stance, issues, general_inquirer, moral_foundations_2) or a "
                         ".yaml/.csv file; repeat for several (default: stance and issues)")
    signals.add_argument("--resamples", type=int, default=2000, help="bootstrap resamples (default 2000)")
    signals.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")
    signals.add_argument("--chunk-docs", type=int, default=2000,
                         help="documents loaded and scored at a time; bounds memory (default 2000)")
    signals.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                         help="processes for the per-document stages (default: all cores; results are identical)")
    signals.set_defaults(func=cmd_signals)
    evaluate = sub.add_parser(
        "evaluate", help="measure extraction quality against hand-coded gold",
        description="Measure extraction against hand-coded gold and print precision, recall and F1 per field.")
    what = evaluate.add_subparsers(dest="what", metavar="WHAT", required=True)
    attr = what.add_parser(
        "attributions", help="speaker, cue, quote type, cue class, channel and hedge",
        description="Precision, recall and F1 of attribution extraction for speaker, cue, speaker+cue, quote "
        "type, cue class, channel and hedge. GOLD is our CSV (see data/annotations/CODING.md) or a folder of "
        "brat standoff files (file.ann beside file.txt, with Source/Cue/Content spans).",
        epilog="examples:\n  framing evaluate attributions --gold data/annotations/attributions_gold.csv\n"
        "  framing evaluate attributions --gold my-brat-folder/",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    attr.add_argument("--gold", required=True, help="gold CSV, or a folder of brat .ann/.txt files")
    attr.add_argument("--corpus", type=Path, help="the corpus the gold annotates (default: the seed corpus for "
                      "CSV gold, the brat folder's .txt files for brat gold)")
    attr.add_argument("--actors", type=Path, help="actors YAML (default: data/actors/actors.yaml)")
    attr.add_argument("--verbs", type=Path, help="reporting verbs YAML (default: data/rules/reporting_verbs.yaml)")
    attr.add_argument("--errors", action="store_true", help="also list missed and spurious speaker+cue pairs")
    attr.set_defaults(func=cmd_evaluate)
    report = sub.add_parser(
        "report", help="run the notebooks with papermill and publish figures, tables and the explorer",
        description="Run the parameterized notebooks through papermill on a corpus and write a report folder: "
        "executed notebooks and their HTML, figures/ (PNG 300 dpi, SVG, PDF and the plotted data as CSV), "
        "tables/, explorer.html and manifest.json. The folder is replaced only when every notebook succeeds.",
        epilog="examples:\n  framing report\n  framing report my-corpus/ --out reports/mine -p group_by event\n"
        "  framing report my-corpus/ --notebooks 02-conciliatory-vs-warning -p outlets '[BBC, Xinhua]'\n"
        "  framing report --config report.yaml",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    report.add_argument("corpus", nargs="?", help="corpus path (default: the seed corpus)")
    report.add_argument("--out", type=Path, help="report folder (default: reports/<corpus folder name>)")
    report.add_argument("--notebooks", nargs="+", metavar="NAME", help="notebooks to run (default: all four)")
    report.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"),
                        help="a notebook parameter; VALUE is read as YAML (5, true, [a, b], text)")
    report.add_argument("--config", type=Path, help="YAML with corpus, out, notebooks, parameters, kernel, hide_code")
    report.add_argument("--kernel", default="framing", help="Jupyter kernel (default: framing, from make install)")
    report.add_argument("--show-code", action="store_true", help="keep code cells in the HTML renderings")
    report.add_argument("--no-progress", action="store_true", help="no progress bars")
    report.add_argument("--no-cache", action="store_true", help="recompute the signal tables even if cached "
                        "(cache: $FRAMING_CACHE_DIR or ~/.cache/framing)")
    report.set_defaults(func=cmd_report)
    return parser


def _version() -> str:
    from framing import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``framing`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except FramingError as exc:
        print(f"framing {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"framing {args.command}: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
