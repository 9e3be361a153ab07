"""Options every command shares: corpus options, resource options, and validated option values."""

from __future__ import annotations

import argparse
from pathlib import Path

from framing.errors import UsageError

_TABLE_COLUMNS = ("doc_id", "text", "title", "published", "outlet", "event", "byline", "credit")


def add_corpus_args(p: argparse.ArgumentParser, *, positional: bool = True) -> None:
    if positional:
        p.add_argument("corpus", help="a folder of .txt/.md/.html files, a quoted glob, or one CSV/JSONL/Parquet table")
    p.add_argument("--metadata", type=Path, help="metadata CSV (default: metadata.csv beside the files)")
    p.add_argument("--column", action="append", default=[], metavar="NAME=COLUMN",
                   help=f"for tables: which column holds NAME, one of {', '.join(_TABLE_COLUMNS)} "
                   "(repeat; e.g. --column text=body --column published=date)")
    p.add_argument("--text-column", help="for tables: the column with the article text (same as --column text=…)")
    p.add_argument("--id-column", help="for tables: the column with the document id (same as --column doc_id=…)")
    p.add_argument("--encoding", type=encoding, help="force one text encoding instead of detecting it per file")


def add_resource_args(p: argparse.ArgumentParser, *, lexicons: bool = True) -> None:
    if lexicons:
        p.add_argument("--lexicon", action="append", metavar="NAME_OR_FILE",
                       help="lexicon name (stance, issues, general_inquirer, moral_foundations_2) or a .yaml/.csv "
                       "file; repeat for several (default: stance and issues)")
    p.add_argument("--actors", type=Path, help="actors YAML (default: the shipped actors.yaml)")
    p.add_argument("--verbs", type=Path, help="reporting verbs YAML (default: the shipped reporting_verbs.yaml)")
    p.add_argument("--rules", type=Path, help="boilerplate rules YAML (default: the shipped boilerplate.yaml)")
    p.add_argument("--negation", type=Path, help="negation rule YAML (default: the shipped negation.yaml)")
    p.add_argument("--channels", type=Path, help="channel rules YAML (default: the shipped channels.yaml)")
    p.add_argument("--credits", type=Path, help="wire-agency and credit forms YAML (default: the shipped credits.yaml)")
    p.add_argument("--speaker-types", type=Path,
                   help="source-type patterns YAML (default: the shipped speaker_types.yaml)")


def add_reuse_arg(p: argparse.ArgumentParser) -> None:
    from framing.schema import REUSE_MODES

    p.add_argument("--reuse", choices=REUSE_MODES, default="keep",
                   help="how copies of one text (wire copy, republished articles) count in the scores: keep every "
                   "copy, only the first published, or weight each copy 1/copies (default: keep)")


def columns_of(args: argparse.Namespace) -> dict[str, str] | None:
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


def resources_of(args: argparse.Namespace):
    from framing.config import DEFAULT_LEXICONS, load_resources

    return load_resources(lexicons=getattr(args, "lexicon", None) or DEFAULT_LEXICONS, actors=args.actors,
                          verbs=args.verbs, rules=args.rules, negation=args.negation, channels=args.channels,
                          credits=args.credits, speaker_types=args.speaker_types)


def custom_resources(args: argparse.Namespace) -> bool:
    return any(getattr(args, k) is not None for k in ("actors", "verbs", "rules", "negation", "channels", "credits",
                                                "speaker_types"))


def encoding(text: str) -> str:
    import codecs

    try:
        return codecs.lookup(text).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {text!r} (e.g. utf-8, cp1252, latin-1, gb18030)") from None


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def resamples(text: str) -> int:
    value = int(text)
    if value != 0 and value < 100:
        raise argparse.ArgumentTypeError(f"must be 0 (no intervals) or at least 100, got {value}")
    return value


def seed(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


class Parser(argparse.ArgumentParser):
    """argparse, with a usage mistake on one line (the usage is one ``--help`` away)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


