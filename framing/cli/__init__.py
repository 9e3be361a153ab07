"""The ``framing`` command line. Run ``framing --help`` or ``framing COMMAND --help``.

Every command takes the same corpus options (``--metadata``, ``--column``, ``--encoding``) and the same
resource options (``--lexicon``, ``--actors``, ``--verbs``, ``--rules``, ``--negation``, ``--channels``).
A usage mistake is one line on standard error naming the file or option and the reason, with exit code 2.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from framing.cli.commands import cmd_evaluate, cmd_ingest, cmd_report, cmd_signals
from framing.cli.options import (
    Parser,
    add_corpus_args,
    add_resource_args,
    add_reuse_arg,
    positive,
    resamples,
    seed,
)
from framing.cli.stopping import StopSignals, Terminated
from framing.cli.validation import add_validation_commands
from framing.errors import FramingError

_EPILOG = """examples:
  framing {cmd} data/raw/xi-trump-calls --out out/xi-trump-calls
  framing {cmd} 'news/**/*.html' --out out/ --metadata news/meta.csv
  framing {cmd} articles.csv --column text=body --column doc_id=url --column published=date --out out/
"""
def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser (exposed for documentation and tests)."""
    formatter = argparse.RawDescriptionHelpFormatter
    parser = Parser(
        prog="framing", description="Media-framing research toolkit: load news corpora, score framing "
        "signals and attribution, and build reports.", epilog=_EPILOG.format(cmd="signals"), formatter_class=formatter)
    parser.add_argument("--version", action="version", version=f"framing {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    ingest = sub.add_parser(
        "ingest", help="load and clean a corpus; write articles, sentences, quotes, load report",
        description="Load and clean a corpus. Writes articles.csv, sentences.csv, quotes.csv, "
        "load_report.csv and removed_lines.csv, each with a Parquet copy, into --out.",
        epilog=_EPILOG.format(cmd="ingest"), formatter_class=formatter)
    add_corpus_args(ingest)
    ingest.add_argument("--out", required=True, type=Path, help="output folder (created if missing)")
    add_resource_args(ingest, lexicons=False)
    ingest.set_defaults(func=cmd_ingest)
    signals = sub.add_parser(
        "signals", help="score framing signals: frames, voice, negation, attribution, sentiment, terms",
        description="Load a corpus and write every signal table (articles, sentences, frame_matches, "
        "frame_scores with 95% bootstrap intervals, frame_comparisons, sentiment, sentiment_scores, "
        "distinctive_terms, attributions, attribution_scores, reuse, reuse_clusters, load_report, removed_lines) as CSV with a Parquet "
        "copy into --out, chunk by chunk.", epilog=_EPILOG.format(cmd="signals"), formatter_class=formatter)
    add_corpus_args(signals)
    signals.add_argument("--out", required=True, type=Path, help="output folder (created if missing)")
    add_resource_args(signals)
    signals.add_argument("--resamples", type=resamples, default=2000, help="bootstrap resamples: 0, or 100 and "
                         "more (default 2000)")
    signals.add_argument("--seed", type=seed, default=0, help="bootstrap seed (default 0)")
    add_reuse_arg(signals)
    signals.add_argument("--chunk-docs", type=positive, default=2000,
                         help="documents loaded and scored at a time; bounds memory (default 2000)")
    signals.add_argument("--workers", type=positive, default=os.cpu_count() or 1,
                         help="processes for the per-document stages (default: all cores; results are identical)")
    signals.add_argument("--engine", choices=("local", "dask"), default="local",
                         help="where the per-document stages run: local processes, or a Dask cluster (pip install "
                         "'framing[dask]'); the tables are identical (default: local)")
    signals.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (tcp://host:8786); without "
                         "it --engine dask starts a local cluster of --workers processes")
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
    add_corpus_args(attr, positional=False)
    add_resource_args(attr, lexicons=False)
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
    add_corpus_args(report, positional=False)
    add_resource_args(report)
    report.add_argument("--notebooks", nargs="+", metavar="NAME", help="notebooks to run (default: all)")
    report.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"),
                        help="a notebook parameter; VALUE is read as YAML (5, true, [a, b], text)")
    report.add_argument("--config", type=Path, help="YAML with corpus, out, notebooks, parameters, kernel, hide_code")
    report.add_argument("--resamples", type=resamples, default=2000, help="bootstrap resamples (default 2000)")
    report.add_argument("--seed", type=seed, default=0, help="bootstrap seed (default 0)")
    add_reuse_arg(report)
    report.add_argument("--kernel", default="framing", help="Jupyter kernel (default: framing, from make install)")
    report.add_argument("--show-code", action="store_true", help="keep code cells in the HTML pages")
    report.add_argument("--no-progress", action="store_true", help="no progress bars")
    report.add_argument("--no-cache", action="store_true", help="recompute the signal tables even if cached "
                        "(cache: $FRAMING_CACHE_DIR or ~/.cache/framing)")
    report.set_defaults(func=cmd_report)
    add_validation_commands(sub)
    return parser


def _version() -> str:
    from framing._version import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``framing`` console script."""
    with StopSignals() as stops:  # first, so that a Ctrl-C during the imports is not lost
        prog = "framing"
        try:
            args = build_parser().parse_args(argv)
            prog = f"framing {args.command}"
            import warnings

            warnings.formatwarning = lambda message, category, *rest, **kw: f"framing: warning: {message}\n"
            return int(args.func(args) or 0)
        except (KeyboardInterrupt, Terminated):
            return _stopped(prog, stops)
        except Exception as exc:
            if stops.signum is not None:  # a signal that became another error (an interrupted import)
                return _stopped(prog, stops)
            code = _reported(prog, exc)
            if code is None:
                raise
            return code


def _reported(prog: str, exc: Exception) -> int | None:
    """One line on standard error for a user's mistake (2) or a system fault (1); None for a bug."""
    if isinstance(exc, (FramingError, FileNotFoundError)):
        message = str(exc).splitlines()
        print(f"{prog}: error: {message[0] if message else type(exc).__name__}", file=sys.stderr)
        for line in message[1:]:
            print(f"  {line.strip()}", file=sys.stderr)
        return 2
    if isinstance(exc, OSError):  # a full disk, a read-only folder: one line, not a traceback
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        print(f"{prog}: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    return None


def _stopped(prog: str, stops: StopSignals) -> int:
    """Report a run stopped by Ctrl-C or SIGTERM; the exit code is 130 or 143."""
    stops.finish()
    if stops.signum == signal.SIGTERM:
        print(f"{prog}: stopped by SIGTERM; the previous output is left as it was", file=sys.stderr)
        return 143
    print(f"{prog}: interrupted; the previous output is left as it was", file=sys.stderr)
    return 130


def console() -> None:
    """The ``framing`` console script: :func:`main`, and a hard exit after a signal.

    After SIGTERM or Ctrl-C the run has already stopped its workers and left the previous output as it was, but
    the interpreter's exit can still wait forever on a process pool whose workers were killed mid-start (seen
    once, in a test run on a loaded machine: the main thread blocked in ``concurrent.futures``' exit hook for an
    hour, its workers already zombies; not reproduced since). The command line therefore ends at once;
    :func:`main` called from Python returns the code as before.
    """
    code = main()
    if code in (130, 143):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    raise SystemExit(code)


if __name__ == "__main__":
    console()
