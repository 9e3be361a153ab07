"""How many attributions credit an actor of the actors file that the article never names, on PolNeAR dev.

Run: ``python -m benchmarks.polnear_unnamed`` (reads ``../shared/polnear``; PolNeAR, Newell, Margolin & Ruths,
LREC 2018; development data only, never copied into the project). Prints the count and the actors involved.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "polnear" / "dev" / "text"


def main() -> int:
    if not POLNEAR.is_dir():
        print(f"skipped: {POLNEAR} is not there (PolNeAR is read from ../shared/polnear)", file=sys.stderr)
        return 0
    import framing
    from framing.config import load_actors
    from framing.extract import extract_attributions

    warnings.simplefilter("ignore")
    actors = load_actors()
    corpus = framing.load_corpus(POLNEAR)
    found = extract_attributions(corpus.sentences, quotes=corpus.quotes, actors=actors)
    named = {d: {a for m in actors.find(t) if not m.is_title for a in m.actors}
             for d, t in zip(corpus.articles["doc_id"], corpus.articles["text"])}
    wrong = found[[s in actors.by_id and s not in named[d] for d, s in zip(found["doc_id"], found["speaker_id"])]]
    print(f"{len(corpus.articles)} articles, {len(found)} attributions; {len(wrong)} credit an actor the article "
          f"never names: {wrong['speaker_id'].value_counts().to_dict()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
