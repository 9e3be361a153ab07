"""``framing validate sample|score`` and ``framing lexicon suggest``: the lexicon validation workflow."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from framing.cli.options import add_corpus_args, add_resource_args, columns_of, positive, resamples, resources_of, seed

_FORMATTER = argparse.RawDescriptionHelpFormatter


def _share(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number between 0 and 1") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1")
    return value


def add_validation_commands(sub: argparse._SubParsersAction) -> None:
    """Add ``validate`` and ``lexicon`` to the ``framing`` parser."""
    validate = sub.add_parser(
        "validate", help="validate a lexicon by hand: draw a blind coding sheet, then score coded sheets",
        description="The validation workflow: `framing validate sample` draws sentences for hand coding, coders "
        "fill the sheet's code column, `framing validate score` measures the lexicon against them.")
    what = validate.add_subparsers(dest="what", metavar="STEP", required=True)
    sample = what.add_parser(
        "sample", help="write a blind coding sheet (CSV and XLSX) with a codebook and a sample key",
        description="Draw N sentences stratified by group (--by) and by whether the lexicon matched, and write "
        "coding_sheet.csv, coding_sheet.xlsx, codebook.md and sample_key.csv into --out. The sheet shows no "
        "lexicon labels; keep sample_key.csv from the coders.",
        epilog="examples:\n  framing validate sample data/raw/xi-trump-calls --out coding/ --n 100\n"
        "  framing validate sample news/ --metadata meta.csv --by outlet --n 300 --lexicon my.yaml --out coding/",
        formatter_class=_FORMATTER)
    add_corpus_args(sample)
    sample.add_argument("--out", required=True, type=Path, help="folder for the sheet, codebook and key")
    add_resource_args(sample)
    sample.add_argument("--by", default="outlet", help="stratify by this column (default: outlet)")
    sample.add_argument("--n", type=positive, default=200, help="sentences to draw (default 200)")
    sample.add_argument("--matched-share", type=_share, default=0.5,
                        help="share of each group's sentences drawn from lexicon matches (default 0.5)")
    sample.add_argument("--min-words", type=positive, default=4, help="shortest sentence drawn (default 4 words)")
    sample.add_argument("--seed", type=seed, default=0, help="random seed (default 0)")
    sample.add_argument("--exclude", nargs="+", type=Path, default=[], metavar="SHEET",
                        help="earlier coding sheets or sample keys whose sentences are not drawn again")
    sample.set_defaults(func=cmd_validate_sample)
    score = what.add_parser(
        "score", help="Krippendorff's alpha between coders; precision, recall and F1 of the lexicon",
        description="Read coded sheets (CSV or XLSX; one per coder, or a coder column) and write "
        "validation_metrics.csv (precision, recall, F1 per frame, overall and per group, with bootstrap "
        "intervals), validation_terms.csv (per term, worst first), validation_errors.csv (false positives with "
        "their KWIC lines, missed sentences), validation_agreement.csv (alpha) and validation.yaml (the record "
        "to store in the lexicon file) into --out.",
        epilog="examples:\n  framing validate score coding/ana.csv coding/ben.xlsx --key coding/sample_key.csv "
        "--out coding/scores\n  framing validate score coded.csv --lexicon stance-v3.yaml --out scores/",
        formatter_class=_FORMATTER)
    score.add_argument("sheets", nargs="+", type=Path, help="coded sheets (.csv or .xlsx)")
    score.add_argument("--out", required=True, type=Path, help="folder for the tables and validation.yaml")
    score.add_argument("--key", type=Path, help="sample_key.csv from `framing validate sample` (groups, weights)")
    add_resource_args(score)
    score.add_argument("--resamples", type=resamples, default=2000, help="bootstrap resamples (default 2000)")
    score.add_argument("--seed", type=seed, default=0, help="bootstrap seed (default 0)")
    score.add_argument("--sample", default="", help="a description of the sample, stored in validation.yaml")
    score.set_defaults(func=cmd_validate_score)
    lexicon = sub.add_parser("lexicon", help="work on a lexicon: suggest candidate terms from a corpus")
    lwhat = lexicon.add_subparsers(dest="what", metavar="ACTION", required=True)
    suggest = lwhat.add_parser(
        "suggest", help="propose candidate terms for a frame, with KWIC lines (nothing is added)",
        description="Propose words over-represented in sentences where FRAME matched, against sentences where "
        "no frame matched, each with KWIC lines, for you to accept or reject. Writes "
        "lexicon_suggestions.csv and lexicon_suggestions_kwic.csv into --out.",
        epilog="example:\n  framing lexicon suggest news/ --frame warning --out suggestions/",
        formatter_class=_FORMATTER)
    add_corpus_args(suggest)
    suggest.add_argument("--frame", required=True, help="the frame to suggest terms for")
    suggest.add_argument("--out", required=True, type=Path, help="output folder")
    add_resource_args(suggest)
    suggest.add_argument("--top", type=positive, default=30, help="candidates (default 30)")
    suggest.add_argument("--min-count", type=positive, default=3, help="fewest frame sentences (default 3)")
    suggest.set_defaults(func=cmd_lexicon_suggest)


def _lexicon_arg(args: argparse.Namespace) -> str | None:
    return args.lexicon[0] if getattr(args, "lexicon", None) else None


def cmd_validate_sample(args: argparse.Namespace) -> int:
    from framing.pipeline import draw_coding_sample

    sample = draw_coding_sample(args.corpus, args.out, resources=resources_of(args), lexicon=_lexicon_arg(args),
                                by=args.by, n=args.n, matched_share=args.matched_share, min_words=args.min_words,
                                seed=args.seed, exclude=args.exclude, metadata=args.metadata, columns=columns_of(args),
                                encoding=args.encoding)
    counts = sample.groupby("stratum").size().to_dict()
    print(f"{len(sample)} sentences from {sample['group'].nunique()} {args.by} group(s) "
          f"({counts.get('matched', 0)} matched, {counts.get('unmatched', 0)} not) -> {args.out}/coding_sheet.csv, "
          f"coding_sheet.xlsx, codebook.md; keep sample_key.csv from the coders")
    if len(sample) < args.n:
        print(f"  only {len(sample)} of {args.n} sentences: some strata have fewer sentences than their share",
              file=sys.stderr)
    return 0


def cmd_validate_score(args: argparse.Namespace) -> int:
    from framing.pipeline import score_coding

    scores = score_coding(args.sheets, args.out, key=args.key, resources=resources_of(args),
                          lexicon=_lexicon_arg(args), n_resamples=args.resamples, seed=args.seed, sample=args.sample)
    agreement = scores["agreement"].set_index("code")
    alpha = agreement.loc["all", "alpha"]
    print(f"{int(agreement.loc['all', 'n_items'])} items, {int(agreement.loc['all', 'n_coders'])} coder(s); "
          f"Krippendorff's alpha {'n/a (needs two coders)' if alpha != alpha else f'{alpha:.3f}'}")
    metrics = scores["metrics"]
    top = metrics[metrics["level"] == "all"]
    for row in top.itertuples():
        print(f"  {row.weighting:6} {row.frame}: precision {row.precision:.2f} [{row.precision_low:.2f}, "
              f"{row.precision_high:.2f}], recall {row.recall:.2f} [{row.recall_low:.2f}, {row.recall_high:.2f}], "
              f"F1 {row.f1:.2f} (n={row.n_items})")
    print(f"-> {args.out}/validation_metrics.csv, validation_terms.csv, validation_errors.csv, validation.yaml")
    return 0


def cmd_lexicon_suggest(args: argparse.Namespace) -> int:
    from framing.io import write_tables
    from framing.pipeline import suggest_corpus_terms

    candidates, lines = suggest_corpus_terms(
        args.corpus, frame=args.frame, resources=resources_of(args), lexicon=_lexicon_arg(args), top=args.top,
        min_count=args.min_count, metadata=args.metadata, columns=columns_of(args), encoding=args.encoding)
    write_tables({"lexicon_suggestions": candidates, "lexicon_suggestions_kwic": lines}, args.out, parquet=False)
    if candidates.empty:
        print(f"no candidate terms for {args.frame!r}: too few sentences match it (try --min-count 1)",
              file=sys.stderr)
    for row in candidates.head(10).itertuples():
        print(f"  {row.term:20} z={row.z:5.2f}  in {row.count_frame} of {row.sentences_frame} {args.frame} sentences")
    print(f"{len(candidates)} candidates -> {args.out}/lexicon_suggestions.csv (nothing was added to the lexicon)")
    return 0
