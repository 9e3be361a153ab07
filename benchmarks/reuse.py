"""Wire credits on PolNeAR's metadata, and the cost and accuracy of the text-reuse pass at corpus scale.

Run: ``python -m benchmarks.reuse [--docs 30000]``. Prints Markdown for benchmarks/RESULTS.md.

1. **Credits**: every PolNeAR train and dev article (``../shared/polnear``; Newell, Margolin & Ruths, LREC 2018;
   read in place, never copied) is cleaned with the shipped credit rules; the wire agency found is compared with
   the ``wire`` column of its ``metadata.tsv`` (AP, UPI, Reuters, AFP), and hat-tip credits with ``credit``.
2. **Reuse**: a generated corpus (benchmarks/generate.py sentences, each spliced from two real sentences so that
   articles do not share sentences by chance) with known copies planted: 3% exact copies, 3% edited copies (a
   word changed, a sentence dropped) and 2% articles that reuse one paragraph, each in another outlet. The
   whole ``framing signals`` pass (keep mode) is timed in a fresh process, and the reuse work inside it
   (signing every chunk, one LSH and sentence-index pass) is timed on its own on the same corpus.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
POLNEAR = HERE.parents[1] / "shared" / "polnear"


def credits_on_polnear() -> dict[str, object] | None:
    """Wire precision and recall, agency accuracy and hat-tip recall against PolNeAR's metadata."""
    if not (POLNEAR / "metadata.tsv").is_file():
        print(f"skipped: {POLNEAR} is not there", file=sys.stderr)
        return None
    from framing.config.credits import load_credit_rules
    from framing.corpus.clean import clean_text

    rules = load_credit_rules()
    tp = fp = fn = wrong = 0
    hat_gold = hat_found = hat_in_text = 0
    misses, false_alarms = [], []
    with open(POLNEAR / "metadata.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    n = 0
    for row in rows:
        path = POLNEAR / row["compartment"] / "text" / f"{row['filename']}.txt"
        if row["compartment"] not in ("train", "dev") or not path.is_file():
            continue
        n += 1
        text = path.read_text(encoding="utf-8")
        out = clean_text(text, credits=rules)
        gold = row.get("wire") or "None"
        gold = None if gold in ("None", "NA", "") else rules.agency_of(gold)
        found = out.fields.get("credit") if out.fields.get("wire") == "true" else None
        if gold and found:
            tp += 1
            wrong += gold not in found.split("; ")
        elif gold:
            fn += 1
            misses.append(row["filename"])
        elif found:
            fp += 1
            false_alarms.append(f"{row['filename']} ({found})")
        credit = row.get("credit") or "None"
        if credit.lower().startswith("h/t"):
            hat_gold += 1
            hat_in_text += "h/t" in text
            hat_found += bool(out.fields.get("credit")) and credit[4:].strip(" :.").lower() in out.fields[
                "credit"].lower()
    return {"articles": n, "wire_gold": tp + fn, "tp": tp, "fp": fp, "fn": fn, "wrong_agency": wrong,
            "precision": tp / (tp + fp) if tp + fp else float("nan"), "recall": tp / (tp + fn),
            "hat_gold": hat_gold, "hat_in_text": hat_in_text, "hat_found": hat_found,
            "misses": misses, "false_alarms": false_alarms}


def reuse_corpus(n_docs: int, out: Path, *, seed: int = 7) -> tuple[Path, set[tuple[str, str]], set[tuple[str, str]]]:
    """A corpus with planted copies; returns the folder, the copy pairs and the shared-paragraph pairs."""
    from benchmarks.generate import EVENTS, OUTLETS, headline_pool, sentence_pool

    rng = np.random.default_rng(seed)
    pool, heads = sentence_pool(), headline_pool()
    out.mkdir(parents=True, exist_ok=True)

    def sentence() -> str:
        a, b = pool[rng.integers(len(pool))].split(), pool[rng.integers(len(pool))].split()
        return " ".join(a[:max(1, len(a) // 2)] + b[len(b) // 2:])

    docs: dict[str, list[list[str]]] = {}
    outlet_of: dict[str, str] = {}
    copies: set[tuple[str, str]] = set()
    shared: set[tuple[str, str]] = set()
    n_original = int(n_docs * 0.92)
    for i in range(n_original):
        doc_id = f"doc{i:06d}"
        docs[doc_id] = [[heads[rng.integers(len(heads))]]] + [
            [sentence() for _ in range(int(rng.integers(1, 4)))] for _ in range(int(rng.integers(4, 12)))]
        outlet_of[doc_id] = OUTLETS[int(rng.integers(len(OUTLETS)))]
    originals = list(docs)
    for k in range(n_docs - n_original):
        doc_id = f"doc{n_original + k:06d}"
        source = originals[int(rng.integers(len(originals)))]
        paragraphs = [list(p) for p in docs[source]]
        kind = k % 8
        if kind < 3:  # exact copy
            copies.add(tuple(sorted((source, doc_id))))
        elif kind < 6:  # edited copy: one word changed, one sentence dropped
            body = [s for p in paragraphs[1:] for s in p]
            if len(body) >= 6:
                paragraphs[1][0] = paragraphs[1][0].replace(" the ", " a ", 1)
                paragraphs[-1] = paragraphs[-1][:-1] or [sentence()]
                copies.add(tuple(sorted((source, doc_id))))
        else:  # an article of its own that reuses one paragraph of three sentences
            lifted = [sentence() for _ in range(3)]
            docs[source].insert(2, lifted)
            paragraphs = [[heads[rng.integers(len(heads))]], [sentence(), sentence()], list(lifted),
                          [sentence(), sentence(), sentence()]]
            shared.add(tuple(sorted((source, doc_id))))
        docs[doc_id] = paragraphs
        outlet_of[doc_id] = OUTLETS[(OUTLETS.index(outlet_of[source]) + 1 + k) % len(OUTLETS)]
    for doc_id, paragraphs in docs.items():
        (out / f"{doc_id}.txt").write_text("\n\n".join(" ".join(p) for p in paragraphs) + "\n", encoding="utf-8")
    with (out / "metadata.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["doc_id", "outlet", "event"])
        for doc_id in docs:
            writer.writerow([doc_id, outlet_of[doc_id], EVENTS[int(rng.integers(len(EVENTS)))]])
    return out, copies, shared


def reuse_cost(folder: Path, copies: set, shared: set, *, resamples: int, workers: int) -> dict[str, object]:
    """The whole signal pass in a fresh process, and the reuse work on its own."""
    from framing.corpus.load import iter_corpus
    from framing.extract.reuse import sign_documents
    from framing.stats.reuse import cluster_reuse, find_reuse

    code = ("import json, time\nfrom framing.cli import main\nt = time.perf_counter()\n"
            f"rc = main(['signals', {str(folder)!r}, '--out', {str(folder) + '-signals'!r}, '--resamples', "
            f"'{resamples}', '--workers', '{workers}', '--no-progress'])\n"
            "print(json.dumps({'rc': rc, 'seconds': time.perf_counter() - t}))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=HERE.parent)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-3000:])
    whole = json.loads(proc.stdout.strip().splitlines()[-1])["seconds"]
    sign_seconds, signatures = 0.0, []
    for chunk in iter_corpus(folder, chunk_docs=2000):
        t = time.perf_counter()
        signatures.append(sign_documents(chunk.articles, chunk.sentences))
        sign_seconds += time.perf_counter() - t
    import pandas as pd

    stacked = pd.concat(signatures, ignore_index=True)
    t = time.perf_counter()
    pairs = find_reuse(stacked)
    clusters = cluster_reuse(pairs, stacked)
    find_seconds = time.perf_counter() - t
    found = {(a, b): k for a, b, k in zip(pairs["doc_a"], pairs["doc_b"], pairs["kind"])}
    copy_found = sum(found.get(p) in ("exact", "near_duplicate") for p in copies)
    shared_found = sum(p in found for p in shared)
    # a pair of two copies of one source, or of a copy and an article sharing its source's paragraph, is reuse
    # too: only pairs not connected through planted copies and paragraphs count as spurious
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b in copies | shared:
        parent[root(a)] = root(b)
    spurious = sum(root(a) != root(b) for a, b in found)
    return {"docs": len(stacked), "whole_seconds": round(whole, 1), "sign_seconds": round(sign_seconds, 1),
            "find_seconds": round(find_seconds, 1),
            "share": round((sign_seconds + find_seconds) / whole, 3), "pairs": len(pairs),
            "clusters": int(clusters["cluster_id"].nunique()) if len(clusters) else 0,
            "copies_planted": len(copies), "copies_found": copy_found, "shared_planted": len(shared),
            "shared_found": shared_found, "spurious_pairs": spurious}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=30000)
    parser.add_argument("--resamples", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path("/tmp/framing-bench-reuse"))
    args = parser.parse_args(argv)
    credits = credits_on_polnear()
    if credits is not None:
        print(f"credits on PolNeAR train+dev ({credits['articles']} articles, {credits['wire_gold']} with a wire "
              f"credit in metadata.tsv): precision {credits['precision']:.3f}, recall {credits['recall']:.3f} "
              f"(tp {credits['tp']}, fp {credits['fp']}, fn {credits['fn']}; wrong agency {credits['wrong_agency']}); "
              f"hat tips: {credits['hat_found']} of {credits['hat_gold']} found ({credits['hat_in_text']} appear "
              f"in the text)")
        print(f"  misses: {credits['misses']}\n  false alarms: {credits['false_alarms']}")
    import shutil

    shutil.rmtree(args.work, ignore_errors=True)
    folder, copies, shared = reuse_corpus(args.docs, args.work / f"reuse-{args.docs}")
    cost = reuse_cost(folder, copies, shared, resamples=args.resamples, workers=args.workers)
    print(f"reuse at {cost['docs']} articles: whole signal pass {cost['whole_seconds']} s; signing "
          f"{cost['sign_seconds']} s + pairs and clusters {cost['find_seconds']} s = {cost['share']:.1%} of the "
          f"pass; {cost['copies_found']} of {cost['copies_planted']} planted copies found as copies, "
          f"{cost['shared_found']} of {cost['shared_planted']} shared paragraphs found, {cost['spurious_pairs']} "
          f"pairs not planted ({cost['pairs']} pairs, {cost['clusters']} clusters)")
    shutil.rmtree(args.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
