"""Fixture corpora the tests build: many outlets and events, odd metadata, a table input with renamed columns.

The text is written here from templates (not the seeds, not PolNeAR): municipal and trade news with quoted and
reported speech, conciliatory and warning language, so every figure of a report has data.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

OUTLETS = ["Harbour Herald", "Valley Courier", "Northern Ledger", "Capital Wire", "Coastal Times",
           "Metro Daily", "Plains Gazette"]
LEANING = {"Harbour Herald": "left", "Valley Courier": "right", "Northern Ledger": "centre", "Capital Wire": "centre",
           "Coastal Times": "left", "Metro Daily": "right", "Plains Gazette": "right"}
EVENTS = [f"{topic}-summit-{i:02d}" for i, topic in enumerate(
    ["trade", "water", "border", "fisheries", "transit", "energy", "housing", "health", "ports", "rail",
     "schools", "tariffs", "grain", "forestry"], start=1)]
SPEAKERS = ["Mayor Ana Duarte", "Minister Tomas Reyes", "Governor Lena Ortiz", "Senator Paul Okafor",
            "a city spokesman", "officials"]
CONCILIATORY = ["The talks showed mutual respect and a shared wish for cooperation.",
                "Both delegations praised the dialogue and promised to cooperate on the plan.",
                "Observers welcomed the agreement as a sign of mutual trust.",
                "The sides pledged to deepen cooperation and keep the partnership stable."]
WARNING = ["Critics warned that the deal could threaten local jobs.",
           "Union leaders said the plan was a dangerous provocation and vowed to resist.",
           "Analysts cautioned that tensions could escalate if the deadline passes.",
           "The opposition warned of serious consequences and a possible confrontation."]
NEUTRAL = ["The meeting lasted three hours at the regional office.",
           "Delegates reviewed budget figures and a timetable for next year.",
           "The final statement runs to four pages.",
           "Reporters waited outside the hall during the session."]


def _article(rng: random.Random, event: str, quotes: bool) -> tuple[str, str]:
    topic = event.split("-")[0]
    title = f"Leaders meet on {topic} as talks resume"
    paragraphs = [title]
    for _ in range(rng.randint(3, 6)):
        speaker = rng.choice(SPEAKERS)
        body = rng.choice(CONCILIATORY + WARNING + NEUTRAL)
        if quotes and rng.random() < 0.5:
            cue = rng.choice(["said", "warned", "added"])
            paragraphs.append(f"“{body[:-1]},” {speaker} {cue}. {rng.choice(NEUTRAL)}")
        else:
            paragraphs.append(f"{speaker.capitalize() if speaker[0].islower() else speaker} said {body[0].lower()}"
                              f"{body[1:]} {rng.choice(CONCILIATORY + WARNING)}")
    return title, "\n\n".join(paragraphs) + "\n"


def news_corpus(folder: Path, *, n_docs: int = 84, quotes: bool = True, seed: int = 7) -> Path:
    """A folder of .txt articles with a metadata.csv (outlet, event, published, leaning): 7 outlets on 14 events,
    two articles of unknown outlet and one without a date."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for i in range(n_docs):
        event = EVENTS[i % len(EVENTS)]
        outlet = OUTLETS[(i * 3 + i // len(EVENTS)) % len(OUTLETS)]
        _, text = _article(rng, event, quotes)
        doc_id = f"art{i:03d}"
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        published = "" if i == 5 else f"2024-{1 + i % 12:02d}-{1 + i % 27:02d}"
        rows.append({"doc_id": doc_id, "outlet": "unknown" if i in (3, 17) else outlet, "event": event,
                     "published": published, "leaning": LEANING[outlet]})
    with (folder / "metadata.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return folder


def news_table(path: Path, *, n_docs: int = 60, seed: int = 11) -> Path:
    """The same kind of corpus as one CSV whose columns have other names: url, body, headline, date, source,
    story, leaning."""
    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["url", "headline", "body", "date", "source", "story", "leaning"])
        for i in range(n_docs):
            event = EVENTS[i % 12]
            outlet = OUTLETS[(i * 5 + i // 12) % 6]
            title, text = _article(rng, event, True)
            writer.writerow([f"https://example.org/{i}", title, text, f"March {1 + i % 28}, 2024", outlet, event,
                             LEANING[outlet]])
    return path
