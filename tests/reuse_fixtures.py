"""A corpus with known text reuse and wire credits, written for the reuse tests (not from any real corpus)."""

from __future__ import annotations

import csv
from pathlib import Path

# An agency story about a harbour dispute: 12 sentences, every one long enough to be compared.
WIRE_STORY = [
    "The two governments agreed on Tuesday to reopen talks over the disputed harbour after a year of silence.",
    "Negotiators from both capitals will meet in Geneva next month, according to a joint statement released at noon.",
    "The foreign minister warned that any unilateral move in the harbour would be met with a firm response.",
    "Fishing crews on both sides have complained for months that patrol boats block their usual routes.",
    "Analysts said the decision to resume talks reflected growing pressure from shipping companies and insurers.",
    "The opposition leader called the agreement a welcome first step but said it came far too late for the crews.",
    "A spokesman for the navy said patrols would continue until a written agreement was signed by both sides.",
    "Trade through the harbour has fallen by almost a third since the dispute began in the spring of last year.",
    "The United Nations envoy for the region praised both delegations for their patience and their restraint.",
    "Local officials said the reopening of the ferry line could come before the end of the coming summer season.",
    "Diplomats expect the first round of talks to focus on fishing rights and on the safety of merchant vessels.",
    "Neither government has said whether the contested lighthouse will be part of the discussions in Geneva.",
]
# Another outlet's own story on the same event: same topic and names, none of the wire's sentences.
OWN_STORY = [
    "Fishermen in the northern port greeted news of the Geneva talks with caution and some open scepticism.",
    "Many of them have lost half their income since patrol boats began turning them away from the old grounds.",
    "One captain who has fished the harbour for thirty years said he would believe it when the boats were gone.",
    "The harbour master said traffic had already begun to pick up in the hours after the announcement on Tuesday.",
    "Insurers have raised premiums for vessels crossing the harbour three times since the dispute began last spring.",
    "A local priest said the community had prayed for months for the two governments to talk to each other again.",
    "The regional council will hold an emergency session on Friday to discuss support for the fishing families.",
    "Shopkeepers near the ferry terminal said their takings had fallen by half since the crossings were suspended.",
]
# A third story that reuses one paragraph (three sentences) of the wire story.
SHARED = WIRE_STORY[2:5]
THIRD_STORY = [
    "Markets in the capital rose sharply on Tuesday as investors welcomed signs of calm in the northern harbour.",
    "The main share index closed almost two percent higher, led by shipping companies and regional banks.",
    *SHARED,
    "Currency traders said the national currency had recovered most of the losses it suffered in the autumn.",
    "Bond yields fell for a third straight day as the prospect of a long blockade of the harbour receded further.",
    "The central bank governor is expected to comment on the outlook for trade in a speech on Thursday evening.",
]


def _edited(sentences: list[str]) -> list[str]:
    """A lightly edited copy: one word changed in one sentence, one sentence dropped."""
    out = list(sentences)
    out[0] = out[0].replace("on Tuesday", "on Tuesday morning")
    del out[9]
    return out


def write_reuse_corpus(folder: Path) -> Path:
    """Seven articles from six outlets with a metadata sidecar; returns the folder.

    - ``ap-original``: the wire story with an AP dateline (``HARBOURTON (AP) —``), published first;
    - ``daily-copy``: an exact copy (same text and dateline) in another outlet, a day later;
    - ``herald-edit``: a lightly edited copy with a byline line ``By Jane Roe, Associated Press``, two days later;
    - ``gazette-own``: the same event in the outlet's own words (no reuse);
    - ``times-markets``: another story sharing one wire paragraph (partial reuse), Reuters sign-off lines;
    - ``post-afp``: an unrelated story with an AFP dateline in title case and an ``— AFP`` sign-off;
    - ``blog-hattip``: an unrelated story ending with a hat tip to a site.
    """
    folder.mkdir(parents=True, exist_ok=True)
    body = " ".join
    docs = {
        "ap-original": ("Harbour talks to resume", "HARBOURTON (AP) — " + body(WIRE_STORY)),
        "daily-copy": ("Harbour talks to resume", "HARBOURTON (AP) — " + body(WIRE_STORY)),
        "herald-edit": ("Talks on harbour will resume", "By Jane Roe, Associated Press\n\n" + body(_edited(WIRE_STORY))),
        "gazette-own": ("Port greets news of talks with caution", body(OWN_STORY)),
        "times-markets": ("Markets rise on harbour hopes",
                          "\n\n".join([body(THIRD_STORY[:2]), body(SHARED), body(THIRD_STORY[5:]),
                                       "(Reporting by Ann Lee; Editing by Tom Hart)"])),
        "post-afp": ("Festival opens", "Port City (AFP) – The annual music festival opened on Saturday with a parade "
                     "through the old town and a concert on the beach that drew thousands of visitors.\n\n"
                     "Organisers said ticket sales were the highest in the festival's twenty-year history. — AFP"),
        "blog-hattip": ("A curious lighthouse", "The old lighthouse on the point has been repainted in bright "
                        "stripes by volunteers who spent three weekends on ladders in the wind.\n\n"
                        "Visitors said the new colours could be seen from the ferry long before the harbour.\n\n"
                        "h/t: The Coastal Gazette"),
    }
    meta = {"ap-original": ("AP Wire", "2025-03-04"), "daily-copy": ("Daily", "2025-03-05"),
            "herald-edit": ("Herald", "2025-03-06"), "gazette-own": ("Gazette", "2025-03-05"),
            "times-markets": ("Times", "2025-03-04"), "post-afp": ("Post", "2025-03-08"),
            "blog-hattip": ("Blog", "2025-03-09")}
    for doc_id, (title, text) in docs.items():
        (folder / f"{doc_id}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    with open(folder / "metadata.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["doc_id", "outlet", "event", "published"])
        for doc_id, (outlet, date) in meta.items():
            writer.writerow([doc_id, outlet, "harbour-talks", date])
    return folder
