"""The ``framing`` command line. Run ``framing --help`` or ``framing COMMAND --help``.

Every command takes the same corpus options (``--metadata``, ``--column``, ``--encoding``) and the same
resource options (``--lexicon``, ``--actors``, ``--verbs``, ``--rules``, ``--negation``, ``--channels``).
A usage mistake is one line on standard error naming the file or option and the reason, with exit code 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from framing.errors import FramingError, UsageError

_EPILOG = """examples:
  framing {cmd} data/raw/xi-trump-calls --out out/xi-trump-calls
  framing {cmd} 'news/**/*.html' --out out/ --metadata news/meta.csv
  framing {cmd} articles.csv --column text=body --column doc_id=url --column published=date --out out/
"""
_TABLE_COLUMNS = ("doc_id", "text", "title", "published", "outlet", "event", "byline", "credit")


def _add_corpus_args(p: argparse.ArgumentParser, *, positional: bool = True) -> None:
    if positional:
        p.add_argument("corpus", help="a folder of .txt/.md/.html files, a quoted glob, or one CSV/JSONL/Parquet table")
    p.add_argument("--metadata", type=Path, help="metadata CSV (default: metadata.csv beside the files)")
    p.add_argument("--column", action="append", default=[], metavar="NAME=COLUMN",
                   help=f"for tables: which column holds NAME, one of {', '.join(_TABLE_COLUMNS)} "
                   "(repeat; e.g. --column text=body --column published=date)")
    p.add_argument("--text-column", help="for tables: the column with the article text (same as --column text=…)")
    p.add_argument("--id-column", help="for tables: the column with the document id (same as --column doc_id=…)")
    p.add_argument("--encoding", type=_encoding, help="force one text encoding instead of detecting it per file")


def _add_resource_args(p: argparse.ArgumentParser, *, lexicons: bool = True) -> None:
    if lexicons:
        p.add_argument("--lexicon", action="append", metavar="NAME_OR_FILE",
                       help="lexicon name (stance, issues, general_inquirer, moral_foundations_2) or a .yaml/.csv "
                       "file; repeat for several (default: stance and issues)")
    p.add_argument("--actors", type=Path, help="actors YAML (default: the shipped actors.yaml)")
    p.add_argument("--verbs", type=Path, help="reporting verbs YAML (default: the shipped reporting_verbs.yaml)")
    p.add_argument("--rules", type=Path, help="boilerplate rules YAML (default: the shipped boilerplate.yaml)")
    p.add_argument("--negation", type=Path, help="negation rule YAML (default: the shipped negation.yaml)")
    p.add_argument("--channels", type=Path, help="channel rules YAML (default: the shipped channels.yaml)")


def _columns(args: argparse.Namespace) -> dict[str, str] | None:
    columns: dict[str, str] = {}
    for item in args.column:
        name, sep, column = item.partition("=")
        if not sep or not name.strip() or not column.strip():
            raise UsageError(f"--column {item!r}: expected NAME=COLUMN, e.g. --column text=body")
        if name.strip() not in _TABLE_COLUMNS:
            raise UsageError(f"--column {item!r}: unknown name {name.strip()!r}; valid names are {list(_TABLE_COLUMNS)}")
        columns[name.strip()] = column.strip()
    if args.text_column:
        columns["text"] = args.text_column
    if args.id_column:
        columns["doc_id"] = args.id_column
    return columns or None


def _resources(args: argparse.Namespace):
    from framing.config import DEFAULT_LEXICONS, load_resources

    return load_resources(lexicons=getattr(args, "lexicon", None) or DEFAULT_LEXICONS, actors=args.actors,
                          verbs=args.verbs, rules=args.rules, negation=args.negation, channels=args.channels)


def _summarise(load_report, n_articles: int, n_sentences: int, out: Path) -> None:
    from framing.schema import STATUSES

    counts = load_report["status"].value_counts()
    parts = ", ".join(f"{counts.get(s, 0)} {s}" for s in STATUSES)
    print(f"{n_articles} articles, {n_sentences} sentences ({parts}) -> {out}")
    for row in load_report[load_report["status"] != STATUSES[0]].itertuples():
        print(f"  {row.status}: {row.input}: {row.reason}", file=sys.stderr)


def _require_documents(load_report, corpus: object) -> None:
    """A load that yields no document is a usage error that gives each input's reason."""
    from framing.schema import SKIPPED

    if not len(load_report) or (load_report["status"] == SKIPPED).all():
        reasons = "; ".join(f"{r.input}: {r.reason}" for r in load_report.head(5).itertuples())
        more = f" (and {len(load_report) - 5} more)" if len(load_report) > 5 else ""
        raise UsageError(f"{corpus}: no document loaded: {reasons or 'no input files'}{more}")


def cmd_ingest(args: argparse.Namespace) -> int:
    from framing.corpus import load_corpus
    from framing.io import write_tables

    corpus = load_corpus(args.corpus, metadata=args.metadata, columns=_columns(args), encoding=args.encoding,
                         resources=_resources(args))
    _require_documents(corpus.load_report, args.corpus)
    write_tables(corpus.tables(), args.out)
    _summarise(corpus.load_report, len(corpus.articles), len(corpus.sentences), args.out)
    return 0


def cmd_signals(args: argparse.Namespace) -> int:
    import pandas as pd

    from framing.pipeline import stream_signals

    res = _resources(args)
    counts = stream_signals(args.corpus, args.out, metadata=args.metadata, columns=_columns(args),
                            encoding=args.encoding, resources=res, n_resamples=args.resamples, seed=args.seed,
                            workers=args.workers, chunk_docs=args.chunk_docs, progress=not args.no_progress)
    load_report = pd.read_parquet(args.out / "load_report.parquet")
    _require_documents(load_report, args.corpus)
    _summarise(load_report, counts.get("articles", 0), counts.get("sentences", 0), args.out)
    negated = pd.read_parquet(args.out / "frame_matches.parquet", columns=["negated"])["negated"]
    lexicons = ", ".join(lex.label for lex in res.lexicons)
    print(f"{counts.get('frame_matches', 0)} frame matches ({int(negated.astype(bool).sum())} negated) from "
          f"{lexicons}; {counts.get('attributions', 0)} attributions")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from framing.config import default_corpus
    from framing.corpus import load_corpus
    from framing.extract import extract_attributions
    from framing.stats import attribution_errors, evaluate_attributions, load_brat_gold, load_gold

    gold_path = Path(args.gold)
    if not gold_path.exists():
        raise UsageError(f"gold file {gold_path} does not exist")
    brat = gold_path.is_dir()
    res = _resources(args)
    gold = load_brat_gold(gold_path, verbs=res.verbs) if brat else load_gold(gold_path)
    corpus_path = args.corpus or (gold_path if brat else default_corpus())
    corpus = load_corpus(corpus_path, metadata=args.metadata, columns=_columns(args), encoding=args.encoding,
                         resources=res)
    predicted = extract_attributions(corpus.sentences, quotes=corpus.quotes, actors=res.actors, verbs=res.verbs,
                                     channels=res.channels)
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

    parameters = {}
    for name, value in args.parameter or []:
        try:
            parameters[name] = yaml.safe_load(value)
        except yaml.YAMLError as exc:
            raise UsageError(f"-p {name} {value!r}: not a YAML value ({str(exc).splitlines()[0]})") from exc
    if args.lexicon and len(args.lexicon) > 1:
        raise UsageError("framing report takes one --lexicon (the frames it shows); give others to framing signals")
    if args.lexicon:
        parameters.setdefault("lexicon", args.lexicon[0])
    out = run_report(args.corpus, out=args.out, notebooks=args.notebooks, parameters=parameters,
                     config=args.config, resources=_resources(args) if _custom_resources(args) else None,
                     metadata=args.metadata, columns=_columns(args), encoding=args.encoding,
                     n_resamples=args.resamples, seed=args.seed, kernel=args.kernel, hide_code=not args.show_code,
                     progress=not args.no_progress, use_cache=not args.no_cache)
    print(f"report written to {out}")
    return 0


def _custom_resources(args: argparse.Namespace) -> bool:
    return any(getattr(args, k) is not None for k in ("actors", "verbs", "rules", "negation", "channels"))


def _encoding(text: str) -> str:
    import codecs

    try:
        return codecs.lookup(text).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {text!r} (e.g. utf-8, cp1252, latin-1, gb18030)") from None


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _resamples(text: str) -> int:
    value = int(text)
    if value != 0 and value < 100:
        raise argparse.ArgumentTypeError(f"must be 0 (no intervals) or at least 100, got {value}")
    return value


def _seed(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser (exposed for documentation and tests)."""
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="framing", description="Media-framing research toolkit: load news corpora, score framing "
        "signals and attribution, and build reports.", epilog=_EPILOG.format(cmd="signals"), formatter_class=formatter)
    parser.add_argument("--version", action="version", version=f"framing {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    ingest = sub.add_parser(
        "ingest", help="load and clean a corpus; write articles, sentences, quotes, load report",
        description="Load and clean a corpus. Writes articles.csv, sentences.csv, quotes.csv, "
        "load_report.csv and removed_lines.csv, each with a Parquet copy, into --out.",
        epilog=_EPILOG.format(cmd="ingest"), formatter_class=formatter)
    _add_corpus_args(ingest)
    ingest.add_argument("--out", required=True, type=Path, help="output folder (created if missing)")
    _add_resource_args(ingest, lexicons=False)
    ingest.set_defaults(func=cmd_ingest)
    signals = sub.add_parser(
        "signals", help="score framing signals: frames, voice, negation, attribution, sentiment, terms",
        description="Load a corpus and write every signal table (articles, sentences, frame_matches, "
        "frame_scores with 95% bootstrap intervals, frame_comparisons, sentiment, sentiment_scores, "
        "distinctive_terms, attributions, attribution_scores, load_report, removed_lines) as CSV with a Parquet "
        "copy into --out, chunk by chunk.", epilog=_EPILOG.format(cmd="signals"), formatter_class=formatter)
    _add_corpus_args(signals)
    signals.add_argument("--out", required=True, type=Path, help="output folder (created if missing)")
    _add_resource_args(signals)
    signals.add_argument("--resamples", type=_resamples, default=2000, help="bootstrap resamples: 0, or 100 and "
                         "more (default 2000)")
    signals.add_argument("--seed", type=_seed, default=0, help="bootstrap seed (default 0)")
    signals.add_argument("--chunk-docs", type=_positive, default=2000,
                         help="documents loaded and scored at a time; bounds memory (default 2000)")
    signals.add_argument("--workers", type=_positive, default=os.cpu_count() or 1,
                         help="processes for the per-document stages (default: all cores; results are identical)")
    signals.add_argument("--no-progress", action="store_true", help="no progress bars")
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
        "  framing evaluate attributions --gold my-brat-folder/", formatter_class=formatter)
    attr.add_argument("--gold", required=True, help="gold CSV, or a folder of brat .ann/.txt files")
    attr.add_argument("--corpus", type=Path, help="the corpus the gold annotates (default: the demo corpus for "
                      "CSV gold, the brat folder's .txt files for brat gold)")
    _add_corpus_args(attr, positional=False)
    _add_resource_args(attr, lexicons=False)
    attr.add_argument("--errors", action="store_true", help="also list missed and spurious speaker+cue pairs")
    attr.set_defaults(func=cmd_evaluate)
    report = sub.add_parser(
        "report", help="run the notebooks with papermill and publish figures, tables and the explorer",
        description="Compute the signal tables once, run the parameterized notebooks on them through papermill "
        "and write a report folder: executed notebooks and their HTML pages, figures/ (PNG 300 dpi, SVG, PDF and "
        "the plotted data as CSV), tables/, explorer.html and manifest.json. The folder is replaced only when "
        "every notebook succeeds.",
        epilog="examples:\n  framing report\n  framing report my-corpus/ --out reports/mine -p group_by event\n"
        "  framing report my-corpus/ --notebooks 02-conciliatory-vs-warning -p outlets '[BBC, Xinhua]'\n"
        "  framing report articles.csv --column text=body --column published=date --lexicon my-lexicon.yaml\n"
        "  framing report --config report.yaml", formatter_class=formatter)
    report.add_argument("corpus", nargs="?", help="corpus path (default: the demo corpus)")
    report.add_argument("--out", type=Path, help="report folder (default: reports/<corpus folder name>)")
    _add_corpus_args(report, positional=False)
    _add_resource_args(report)
    report.add_argument("--notebooks", nargs="+", metavar="NAME", help="notebooks to run (default: all)")
    report.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"),
                        help="a notebook parameter; VALUE is read as YAML (5, true, [a, b], text)")
    report.add_argument("--config", type=Path, help="YAML with corpus, out, notebooks, parameters, kernel, hide_code")
    report.add_argument("--resamples", type=_resamples, default=2000, help="bootstrap resamples (default 2000)")
    report.add_argument("--seed", type=_seed, default=0, help="bootstrap seed (default 0)")
    report.add_argument("--kernel", default="framing", help="Jupyter kernel (default: framing, from make install)")
    report.add_argument("--show-code", action="store_true", help="keep code cells in the HTML pages")
    report.add_argument("--no-progress", action="store_true", help="no progress bars")
    report.add_argument("--no-cache", action="store_true", help="recompute the signal tables even if cached "
                        "(cache: $FRAMING_CACHE_DIR or ~/.cache/framing)")
    report.set_defaults(func=cmd_report)
    return parser


def _version() -> str:
    from framing._version import __version__

    return __version__


class _Terminated(BaseException):
    """SIGTERM arrived (``timeout``, a scheduler, ``kill``)."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``framing`` console script."""
    import signal
    import threading

    parser = build_parser()
    args = parser.parse_args(argv)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return int(args.func(args) or 0)
    except (FramingError, FileNotFoundError) as exc:
        message = str(exc).splitlines()
        print(f"framing {args.command}: error: {message[0] if message else type(exc).__name__}", file=sys.stderr)
        for line in message[1:]:
            print(f"  {line.strip()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"framing {args.command}: interrupted; the previous output is left as it was", file=sys.stderr)
        return 130
    except _Terminated:
        print(f"framing {args.command}: stopped by SIGTERM; the previous output is left as it was", file=sys.stderr)
        return 143
    except OSError as exc:  # a full disk, a read-only folder: one line, not a traceback
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        print(f"framing {args.command}: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
