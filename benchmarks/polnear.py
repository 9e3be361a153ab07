"""Attribution extraction scored against PolNeAR's gold attributions, and its speed.

Run: ``python -m benchmarks.polnear [--split dev|train] [--against REF] [--errors N]``. Prints Markdown for
benchmarks/RESULTS.md. PolNeAR (Newell, Margolin & Ruths, "An Attribution Relations Corpus for Political News",
LREC 2018) is read in place from ``../shared/polnear``; it is development data and is never copied into the
project. Rules were developed by reading errors on ``train``; ``dev`` is the split reported.

What is compared. The gold of an article is the first annotator's ``.ann`` file in sorted order. Every brat
``E`` attribution with a cue counts, whatever it attributes: speech, writing, beliefs, intentions and
perceptions ("polls show"), with verb, noun and prepositional cues. framing's ``attributions`` table, from the
default resources, is the prediction. Nothing here imports framing's gold readers: this file parses brat itself.

* **lenient** match: same document; the predicted cue shares a lemma with the gold cue (lemminflect, ignoring
  auxiliaries: "has learned" ~ "learned"), or both are the same punctuation (a speaker label's colon); the content words overlap with Dice ≥ 0.5 (lower-cased word
  multisets, punctuation and quotation marks ignored). Pairs are matched one to one, best overlap first.
* **strict** match: lenient, and the content words are the same sequence (a leading "that" and punctuation
  ignored).
* **speaker accuracy**: over lenient matches whose gold has a Source span, the share whose predicted speaker
  *as written* has the same head word as the gold Source (the last word before "of", "for", ",", "who" …,
  possessive dropped; "Mr. Comey" ~ "Comey"; a pronoun must be the same pronoun). A canonical id cannot be
  checked against PolNeAR, which has no coreference.
* **speed**: article megabytes per second of ``extract_attributions`` on one core (corpus, actors and verbs
  loaded beforehand, as a pipeline loads them once),
  best of three, each in a fresh process; ``--against REF`` also times the extractor of git revision ``REF``
  (checked out in a temporary worktree) on the same texts in the same run.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
POLNEAR = REPO.parent / "shared" / "polnear"

_WORD = re.compile(r"[\w’'-]+")
_AUX = {"have", "has", "had", "be", "is", "was", "were", "been", "do", "does", "did", "will", "would", "to", "the",
        "a", "an", "not", "also", "could", "can", "may", "might", "should", "must"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you"}
_HEAD_CUT = re.compile(r",|\s(?:of|for|from|at|with|in|on|who|which|that|whose|to)\s", re.IGNORECASE)


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'").strip("'-") for w in _WORD.findall(text) if w.strip("'’-")]


def _lemma(word: str) -> str:
    from lemminflect import getAllLemmas

    for upos in ("VERB", "NOUN"):
        found = getAllLemmas(word, upos=upos).get(upos)
        if found:
            return found[0]
    return word


def cue_lemmas(text: str) -> set[str]:
    return {_lemma(w) for w in words(text) if w not in _AUX} or {_lemma(w) for w in words(text)}


def head(speaker: str) -> str:
    speaker = _HEAD_CUT.split(" " + speaker + " ")[0]
    ws = [w for w in words(speaker) if w not in ("mr", "mrs", "ms", "dr")]
    if not ws:
        return ""
    last = ws[-1]
    return last[:-2] if last.endswith("'s") else last


def dice(a: list[str], b: list[str]) -> float:
    if not a and not b:
        return 1.0
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b))


def _strip_that(ws: list[str]) -> list[str]:
    return ws[1:] if ws[:1] == ["that"] else ws


def join_continued(rows: list[dict]) -> list[dict]:
    """framing writes one row per sentence of a quotation continued over sentences (the others without a cue);
    PolNeAR codes one attribution. Each cue-less row joins the nearest row with a cue of the same speaker and
    paragraph run (the previous one first), in sentence order."""
    cued = [r for r in rows if r["cue"]]
    parts: dict[int, list[tuple[int, str]]] = {id(r): [(int(r["sent_id"]), str(r["content"]))] for r in cued}
    for r in rows:
        if r["cue"]:
            continue
        near = [c for c in cued if c["speaker_id"] == r["speaker_id"] and abs(int(c["sent_id"]) - int(r["sent_id"])) <= 4]
        if near:
            best = min(near, key=lambda c: (abs(int(c["sent_id"]) - int(r["sent_id"])), int(c["sent_id"]) > int(r["sent_id"])))
            parts[id(best)].append((int(r["sent_id"]), str(r["content"])))
    out = []
    for r in cued:
        texts = [t for _, t in sorted(parts[id(r)])]
        out.append({**r, "content": " ".join(t for t in texts if t == r["content"] or t not in str(r["content"]))})
    return out


def _same_mark(a: str, b: str) -> bool:
    """Cues without words match when they are the same punctuation ("Lynch: No outside influence …")."""
    return not words(a) and not words(b) and a.strip() != "" and a.strip() == b.strip()


def read_gold(split: str) -> tuple[Path, dict[str, list[dict[str, str]]]]:
    """(text folder, {doc_id: [{cue, source, content}]}) from the first annotator's file of each article."""
    folder = POLNEAR / split
    gold: dict[str, list[dict[str, str]]] = {}
    for txt in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(f"{txt.stem}_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        spans: dict[str, tuple[str, str]] = {}
        rows = []
        for line in anns[0].read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if re.fullmatch(r"T\d+", parts[0]) and len(parts) > 1:
                label, *offs = parts[1].replace(";", " ").split()
                pairs = list(zip(offs[0::2], offs[1::2]))
                spans[parts[0]] = (label, " ".join(text[int(a):int(b)] for a, b in pairs))
            elif re.fullmatch(r"E\d+", parts[0]) and len(parts) > 1:
                args = dict(a.split(":", 1) for a in parts[1].split())
                rows.append({role.lower(): spans[t][1] for role, t in args.items()
                             if role in ("Cue", "Source", "Content") and t in spans})
        gold[txt.stem] = [r for r in rows if r.get("cue")]
    return folder / "text", gold


def match(pred: list[dict[str, str]], gold: list[dict[str, str]]) -> list[tuple[int, int, bool]]:
    """One-to-one lenient matches (pred index, gold index, strict) by best content overlap."""
    cands = []
    for i, p in enumerate(pred):
        pc, pw = cue_lemmas(p["cue"]), words(p["content"])
        for j, g in enumerate(gold):
            if not (pc & cue_lemmas(g["cue"]) or _same_mark(p["cue"], g["cue"])):
                continue
            gw = words(g.get("content", ""))
            score = dice(pw, gw)
            if score >= 0.5:
                cands.append((-score, i, j, _strip_that(pw) == _strip_that(gw)))
    used_p, used_g, out = set(), set(), []
    for _, i, j, strict in sorted(cands):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j, strict))
    return out


def score(split: str, *, errors: int = 0) -> dict[str, object]:
    import warnings

    import framing
    from framing.extract import extract_attributions

    warnings.simplefilter("ignore")
    text_dir, gold = read_gold(split)
    corpus = framing.load_corpus(text_dir)
    found = extract_attributions(corpus.sentences, quotes=corpus.quotes)
    by_doc = {d: join_continued(g.to_dict("records")) for d, g in found.groupby("doc_id", sort=False)}
    n_pred = n_gold = lenient = strict = spk_n = spk_ok = 0
    misses, alarms, wrong_speaker = [], [], []
    for doc, g in gold.items():
        p = by_doc.get(doc, [])
        n_pred += len(p)
        n_gold += len(g)
        pairs = match(p, g)
        lenient += len(pairs)
        strict += sum(s for _, _, s in pairs)
        for i, j, _ in pairs:
            if g[j].get("source"):
                spk_n += 1
                ok = head(str(p[i]["speaker"])) == head(g[j]["source"]) != ""
                spk_ok += ok
                if not ok:
                    wrong_speaker.append((doc, p[i]["speaker"], g[j]["source"], p[i]["sentence"]))
        matched_p, matched_g = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
        misses += [(doc, g[j]) for j in range(len(g)) if j not in matched_g]
        alarms += [(doc, p[i]) for i in range(len(p)) if i not in matched_p]

    def prf(tp: int) -> tuple[float, float, float]:
        pr, rc = tp / max(n_pred, 1), tp / max(n_gold, 1)
        return pr, rc, 2 * pr * rc / max(pr + rc, 1e-12)

    if errors:
        import random

        rng = random.Random(0)
        for title, items in (("MISSES", misses), ("FALSE ALARMS", alarms), ("WRONG SPEAKER", wrong_speaker)):
            print(f"\n## {title} ({len(items)})")
            for item in rng.sample(items, min(errors, len(items))):
                print(" -", json.dumps(item, ensure_ascii=False)[:400])
    return {"split": split, "articles": len(gold), "n_gold": n_gold, "n_pred": n_pred,
            "lenient": prf(lenient), "strict": prf(strict), "speaker_accuracy": spk_ok / max(spk_n, 1),
            "speaker_n": spk_n, "miss_cues": Counter(" ".join(words(g["cue"])) for _, g in misses).most_common(15)}


_TIMER = """
import json, sys, time, warnings
warnings.simplefilter("ignore")
import framing
from framing.extract import extract_attributions
from framing.config import load_actors, load_reporting_verbs
c = framing.load_corpus(sys.argv[1])
mb = c.articles["text"].str.len().sum() / 1e6
actors, verbs = load_actors(), load_reporting_verbs()  # loaded once per run, as the pipeline does
extract_attributions(c.sentences.head(50), quotes=c.quotes, actors=actors, verbs=verbs)
t = time.perf_counter()
extract_attributions(c.sentences, quotes=c.quotes, actors=actors, verbs=verbs)
print(json.dumps({"mb": float(mb), "seconds": time.perf_counter() - t}))
"""


def time_extractor(source: Path, text_dir: Path) -> tuple[float, float]:
    """(megabytes, best seconds of three) for the extractor importable from ``source``."""
    runs = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", _TIMER, str(text_dir)], capture_output=True, text=True,
                             check=True, env={"PYTHONPATH": str(source), "PATH": "/usr/bin:/bin"}, cwd=source)
        runs.append(json.loads(out.stdout))
    return runs[0]["mb"], min(r["seconds"] for r in runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--against", metavar="REF", help="also time the extractor of this git revision")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N sampled errors of each kind")
    args = parser.parse_args(argv)
    if not (POLNEAR / args.split).is_dir():
        print(f"skipped: {POLNEAR / args.split} is not there (PolNeAR is read from ../shared/polnear)",
              file=sys.stderr)
        return 0
    r = score(args.split, errors=args.errors)
    print(f"\nPolNeAR {r['split']}: {r['articles']} articles, {r['n_gold']} gold attributions, "
          f"{r['n_pred']} predicted\n")
    print("| matching | precision | recall | F1 |\n|---|---|---|---|")
    for name in ("lenient", "strict"):
        p, rc, f = r[name]
        print(f"| {name} | {p:.3f} | {rc:.3f} | {f:.3f} |")
    print(f"\nspeaker accuracy (lenient matches with a gold source, n={r['speaker_n']}): "
          f"{r['speaker_accuracy']:.3f}")
    print("most missed gold cues:", ", ".join(f"{c} {n}" for c, n in r["miss_cues"]))
    text_dir = POLNEAR / args.split / "text"
    mb, secs = time_extractor(REPO, text_dir)
    print(f"\nspeed: {mb:.2f} MB in {secs:.2f} s = {mb / secs:.2f} MB/s (this checkout, one core)")
    if args.against:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", tmp, args.against],
                           check=True)
            try:
                _, old = time_extractor(Path(tmp), text_dir)
            finally:
                subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", tmp], check=True)
        print(f"speed of {args.against}: {mb / old:.2f} MB/s; this checkout takes {secs / old:.2f}× its time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
