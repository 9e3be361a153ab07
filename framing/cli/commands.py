"""What each command does: ingest, signals, evaluate attributions, report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from framing.cli.options import columns_of, custom_resources, resources_of
from framing.errors import UsageError

def _summarise(load_report, n_articles: int, n_sentences: int, out: Path) -> None:
    from framing.schema import STATUSES

    counts = load_report["status"].value_counts()
    parts = ", ".join(f"{counts.get(s, 0)} {s}" for s in STATUSES)
    print(f"{n_articles} articles, {n_sentences} sentences ({parts}) -> {out}")
    for row in load_report[load_report["status"] != STATUSES[0]].itertuples():
        print(f"  {row.status}: {row.input}: {row.reason}", file=sys.stderr)


def cmd_ingest(args: argparse.Namespace) -> int:
    from framing.corpus import load_corpus
    from framing.corpus.load import require_documents
    from framing.io import write_tables

    corpus = load_corpus(args.corpus, metadata=args.metadata, columns=columns_of(args), encoding=args.encoding,
                         resources=resources_of(args))
    require_documents(corpus.load_report, args.corpus)
    write_tables(corpus.tables(), args.out)
    _summarise(corpus.load_report, len(corpus.articles), len(corpus.sentences), args.out)
    return 0


def cmd_signals(args: argparse.Namespace) -> int:
    import pandas as pd

    from framing.pipeline import stream_signals

    res = resources_of(args)
    counts = stream_signals(args.corpus, args.out, metadata=args.metadata, columns=columns_of(args),
                            encoding=args.encoding, resources=res, n_resamples=args.resamples, seed=args.seed,
                            workers=args.workers, chunk_docs=args.chunk_docs, progress=not args.no_progress,
                            reuse=args.reuse, engine=args.engine, scheduler=args.scheduler)
    _summarise(pd.read_parquet(args.out / "load_report.parquet"), counts.get("articles", 0),
               counts.get("sentences", 0), args.out)
    negated = pd.read_parquet(args.out / "frame_matches.parquet", columns=["negated"])["negated"]
    lexicons = ", ".join(lex.label for lex in res.lexicons)
    print(f"{counts.get('frame_matches', 0)} frame matches ({int(negated.astype(bool).sum())} negated) from "
          f"{lexicons}; {counts.get('attributions', 0)} attributions")
    print(f"text reuse: {counts.get('reuse', 0)} article pairs, {counts.get('reuse_clusters', 0)} articles in "
          f"clusters of copies (--reuse {args.reuse})")
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
    res = resources_of(args)
    gold = load_brat_gold(gold_path, verbs=res.verbs) if brat else load_gold(gold_path)
    corpus_path = args.corpus or (gold_path if brat else default_corpus())
    corpus = load_corpus(corpus_path, metadata=args.metadata, columns=columns_of(args), encoding=args.encoding,
                         resources=res)
    predicted = extract_attributions(corpus.sentences, quotes=corpus.quotes, actors=res.actors, verbs=res.verbs,
                                     channels=res.channels, speaker_types=res.speaker_types,
                                     published=corpus.articles.set_index("doc_id")["published"])
    metrics = evaluate_attributions(predicted, gold, sentences=corpus.sentences,
                                    speaker="speaker_head" if brat else "speaker_id")
    print(f"attributions: {len(predicted)} predicted, {len(gold)} gold ({gold_path}; corpus {corpus_path})")
    print(metrics.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    if args.errors:
        errors = attribution_errors(predicted, gold, sentences=corpus.sentences,
                                    speaker="speaker_head" if brat else "speaker_id")
        counts = errors["kind"].value_counts()
        print(f"speaker+cue errors: {int(counts.get('missed', 0))} missed, {int(counts.get('spurious', 0))} "
              f"false alarms")
        for row in errors.itertuples(index=False):
            print(f"{row.kind:8} {row.doc_id}#{row.sent_id}  {row[3] or '(no speaker)'} / {row.cue_lemma or '(no cue)'}"
                  f"  | {' '.join(str(row.sentence).split())[:160]}")
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
                     config=args.config, resources=resources_of(args) if custom_resources(args) else None,
                     metadata=args.metadata, columns=columns_of(args), encoding=args.encoding,
                     n_resamples=args.resamples, seed=args.seed, kernel=args.kernel, hide_code=not args.show_code,
                     progress=not args.no_progress, use_cache=not args.no_cache, reuse=args.reuse)
    print(f"report written to {out}")
    return 0


