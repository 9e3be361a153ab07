"""The script a researcher would write without framing: the baseline of ``framing signals``.

It imports nothing from framing. It reads every ``.txt`` file of a folder and its ``metadata.csv``, splits
sentences with a regular expression, scores each sentence with ``TextBlob(sentence).sentiment``, counts each
lexicon term with its own regular expression (terms read straight from the shipped stance and issues YAML
files), and writes per-outlet means and rates per 1,000 words to a CSV. It computes far less than framing
(no cleaning, voice, negation, attribution, intervals or distinctive terms): a researcher still compares
wall-clock time.

Run: ``python -m benchmarks.naive CORPUS_DIR OUT.csv``
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml
from textblob import TextBlob

LEXICONS = Path(__file__).resolve().parents[1] / "framing" / "data" / "lexicons"
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def lexicon_patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for name in ("stance", "issues"):
        raw = yaml.safe_load((LEXICONS / f"{name}.yaml").read_text(encoding="utf-8"))
        for frame, spec in raw["frames"].items():
            for term in spec["terms"] if isinstance(spec, dict) else spec:
                term = term["term"] if isinstance(term, dict) else term  # {term: …, except: […]}
                body = re.escape(str(term)).replace(r"\*", r"\w*").replace(r"\ ", r"\s+")
                if raw.get("inflect") and not body.endswith(r"\w*"):
                    body += r"\w*"  # the lexicon matches inflections: "warn" also "warned", "warning"
                out.append((f"{name}:{frame}", re.compile(r"(?<!\w)" + body + r"(?!\w)", re.IGNORECASE)))
    return out


def run(folder: Path, out: Path) -> int:
    outlets = {}
    with open(folder / "metadata.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            outlets[row["doc_id"]] = row.get("outlet") or "unknown"
    patterns = lexicon_patterns()
    polarity: dict[str, list[float]] = defaultdict(list)
    words: dict[str, int] = defaultdict(int)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    n = 0
    for path in sorted(folder.glob("*.txt")):
        outlet = outlets.get(path.stem, "unknown")
        text = path.read_text(encoding="utf-8")
        for sentence in SENTENCE.split(" ".join(text.split())):
            polarity[outlet].append(TextBlob(sentence).sentiment.polarity)
            words[outlet] += len(sentence.split())
        for frame, pattern in patterns:
            counts[(outlet, frame)] += len(pattern.findall(text))
        n += 1
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["outlet", "measure", "value"])
        for outlet in sorted(polarity):
            writer.writerow([outlet, "polarity", sum(polarity[outlet]) / len(polarity[outlet])])
            for (o, frame), c in sorted(counts.items()):
                if o == outlet:
                    writer.writerow([outlet, f"{frame} per 1000 words", 1000 * c / max(words[outlet], 1)])
    return n


if __name__ == "__main__":
    print(run(Path(sys.argv[1]), Path(sys.argv[2])))
