"""Stance 2.0.0 on the false hits issue #14 found off-topic, and on sentences of general news written for these
tests: what it must match, what it must not, and what its metadata promises."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.config import load_lexicon
from framing.stats import label_sentences

LEX = load_lexicon("stance")


def labels(*texts: str) -> list[set[tuple[str, str]]]:
    found = label_sentences(pd.DataFrame({"item_id": range(len(texts)), "text": list(texts)}), lexicon=LEX)
    return [set(zip(found.loc[found["item_id"] == i, "frame"], found.loc[found["item_id"] == i, "term"]))
            for i in range(len(texts))]


@pytest.mark.parametrize("text", [
    "Families met at Friendship Park on the border.",                    # a place name
    "He is cooperating with the special counsel.",                      # an investigation
    "With respect to the budget, nothing has changed.",                 # a phrase, not respect
    "Applicants must file by May 12.",                                  # procedural must
    "The country keeps a nuclear force of about 300 warheads.",         # an arsenal, not force
    "The United States and the United Kingdom signed the memo.",        # not "unite"
    "Opponents of the Trans-Pacific Partnership rallied in Ohio.",      # a trade deal's name
    "Congress passed the bill through budget reconciliation.",          # a procedure
    "He is co-director at the Carnegie Endowment for International Peace.",
    "The senator's shooting range bill stalled.",
])
def test_known_false_hits_do_not_match(text):
    assert labels(text) == [set()]


@pytest.mark.parametrize("text, frame, term", [
    ("Both sides sought to ease military tensions in the strait.", "conciliatory", "ease military tensions"),
    ("The ministers eased tensions after a long night of talks.", "conciliatory", "ease tensions"),
    ("Officials warned that the talks could collapse.", "warning", "warn"),
    ("The envoy threatens to walk out.", "warning", "threaten"),
    ("Rebels shelled the town, and the violence spread.", "warning", "violence"),
    ("The two parties reached an agreement on the budget.", "conciliatory", "reach an agreement"),
    ("The leaders congratulated each other on the deal.", "conciliatory", "congratulate"),
    ("Police said a gunman opened fire near the station.", "warning", "gunman"),
    ("The minister spoke warmly of the neighbours.", "conciliatory", "warmly"),
    ("China will impose sanctions on the firms.", "warning", "impose sanctions"),
])
def test_general_news_sentences_match_their_frame(text, frame, term):
    assert (frame, term) in labels(text)[0]


def test_negation_and_its_scope():
    negated, scoped = labels("It is not a threat to anyone.", "China will never allow separation.")
    assert negated == set()                                    # "not a threat" is not counted
    assert scoped == {("warning", "never allow")}              # the never of "never allow" ends at that match


def test_metadata_a_methods_section_cites():
    assert LEX.label == "stance@2.0.0" and LEX.inflect and LEX.negation
    assert LEX.balance == ("conciliatory", "warning")
    assert all(LEX.frame_descriptions[f] for f in LEX.frames)   # the codebook of `framing validate sample`
    records = {r["sample"]: r for r in LEX.validation}
    held_out = next(r for s, r in records.items() if "held out" in s)
    assert held_out["lexicon"] == "stance@2.0.0" and held_out["sentences"] == 187 and held_out["coders"] == 1
    assert held_out["frames"]["warning"]["precision"] >= 0.85  # what benchmarks/stance_validation.py reproduces
