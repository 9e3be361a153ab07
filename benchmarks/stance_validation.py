"""The stance lexicon against hand codes: the seeds sample and two PolNeAR dev samples, versions 1 and 2.

Run: ``python -m benchmarks.stance_validation [--resamples N]``. Prints Markdown for benchmarks/RESULTS.md and
the README.

The coded samples live in ``data/annotations/stance_coding/`` (see its README.md). The seeds sheet holds its
sentences (the seeds ship with framing). PolNeAR's text may not be copied into the project, so its codes are
stored without text: ``doc_id, sent_id`` and a SHA-1 prefix of the sentence. This script rebuilds each coded
sentence from ``../shared/polnear/dev`` with framing's own loader, checks the hash, and scores the lexicon
exactly as ``framing validate score`` does. Sentences whose hash no longer matches (after a change to
cleaning or segmentation) are counted and left out.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CODING = REPO / "data" / "annotations" / "stance_coding"
POLNEAR = REPO.parent / "shared" / "polnear"
V1 = HERE / "data" / "stance-1.0.0.yaml"


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def polnear_codes(name: str) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """The codes of one PolNeAR round with their sentences rebuilt, its key, and how many no longer match."""
    from framing.corpus import load_corpus

    meta = pd.read_csv(POLNEAR / "metadata.tsv", sep="\t")
    meta = meta[meta["compartment"] == "dev"]
    sidecar = Path(HERE / "_corpora" / "polnear_dev_meta.csv")
    sidecar.parent.mkdir(exist_ok=True)
    pd.DataFrame({"doc_id": meta["filename"], "outlet": meta["publisher"]}).to_csv(sidecar, index=False)
    corpus = load_corpus(POLNEAR / "dev" / "text", metadata=sidecar)
    text = corpus.sentences.set_index(["doc_id", "sent_id"])["text"]
    codes = pd.read_csv(CODING / "polnear_dev" / f"{name}_codes.csv", dtype={"doc_id": str})
    rebuilt = [text.get((d, int(s)), "") for d, s in zip(codes["doc_id"], codes["sent_id"])]
    ok = [_sha(t) == h for t, h in zip(rebuilt, codes["text_sha1"])]
    codes = codes.assign(text=rebuilt)[ok]
    key = pd.read_csv(CODING / "polnear_dev" / f"{name}_key.csv", dtype={"doc_id": str, "group": str})
    return codes, key, len(ok) - sum(ok)


def seeds_codes() -> tuple[pd.DataFrame, pd.DataFrame, int]:
    sheet = pd.read_csv(CODING / "seeds" / "coded_coder1.csv", dtype=str, keep_default_na=False)
    key = pd.read_csv(CODING / "seeds" / "sample_key.csv", dtype={"doc_id": str, "group": str})
    return sheet, key, 0


def main(argv: list[str] | None = None) -> None:
    from framing.config import load_lexicon
    from framing.stats import score_lexicon

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resamples", type=int, default=2000)
    args = parser.parse_args(argv)
    samples = [("seeds (development)", seeds_codes)]
    if POLNEAR.is_dir():
        samples += [("PolNeAR dev, round 1 (development)", lambda: polnear_codes("round1")),
                    ("PolNeAR dev, round 2 (held out)", lambda: polnear_codes("round2"))]
    else:
        print(f"({POLNEAR} is absent: only the seeds sample is scored)")
    lexicons = [load_lexicon(V1), load_lexicon("stance")]
    print("| sample | lexicon | frame | n | precision (sample) | recall (sample) | precision (corpus) "
          "| recall (corpus) | F1 (corpus) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for label, get in samples:
        codes, key, stale = get()
        codes = codes.assign(item_id=codes["item_id"].astype(str))
        if stale:
            print(f"({label}: {stale} coded sentences no longer match their text and are left out)")
        for lex in lexicons:
            scores = score_lexicon(codes, lexicon=lex, key=key, n_resamples=args.resamples, seed=0)
            m = scores["metrics"]
            top = m[m["level"] == "all"]
            for frame in lex.frames:
                s = top[(top["frame"] == frame) & (top["weighting"] == "sample")].iloc[0]
                c = top[(top["frame"] == frame) & (top["weighting"] == "corpus")].iloc[0]

                def ci(row, metric):
                    return f"{row[metric]:.2f} [{row[metric + '_low']:.2f}, {row[metric + '_high']:.2f}]"

                print(f"| {label} | {lex.label} | {frame} | {int(s['n_items'])} | {ci(s, 'precision')} | "
                      f"{ci(s, 'recall')} | {ci(c, 'precision')} | {ci(c, 'recall')} | {c['f1']:.2f} |")


if __name__ == "__main__":
    main()
