"""The ``framing`` command line. Run ``framing --help`` or ``framing COMMAND --help``."""

from __future__ import annotations

import argparse
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


def _load(args: argparse.Namespace):
    from framing.corpus import load_corpus

    columns = {"text": args.text_column, "doc_id": args.id_column}
    return load_corpus(args.corpus, metadata=args.metadata, columns=columns, rules=args.rules,
                       encoding=args.encoding)


def _summarise(corpus, out: Path) -> None:
    counts = corpus.load_report["status"].value_counts()
    parts = ", ".join(f"{counts.get(s, 0)} {s}" for s in ("loaded", "loaded_with_warnings", "skipped"))
    print(f"{len(corpus.articles)} articles, {len(corpus.sentences)} sentences ({parts}) -> {out}")
    problems = corpus.load_report[corpus.load_report["status"] != "loaded"]
    for row in problems.itertuples():
        print(f"  {row.status}: {row.input}: {row.reason}", file=sys.stderr)


def cmd_ingest(args: argparse.Namespace) -> int:
    from framing.tables import write_tables

    corpus = _load(args)
    write_tables(corpus.tables(), args.out)
    _summarise(corpus, args.out)
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


if __name__ == "__main__":
    raise SystemExit(main())
