"""The share-of-voice figure's data: the most quoted named speakers, the rest pooled, unresolved pronouns apart."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.viz.plotdata import top_speakers


def _scores(rows):
    return pd.DataFrame([{"level": "outlet", "group": g, "measure": "speaker_share", "key": k, "n": n}
                         for g, k, n in rows]).assign(
        share=lambda t: t["n"] / t.groupby("group")["n"].transform("sum"))


def test_unresolved_pronouns_are_one_grey_key_and_never_a_top_speaker():
    # "she" is the most frequent key, yet no speaker: it must not push a named speaker out of the top two
    t = top_speakers(_scores([("X", "she", 9), ("X", "they", 2), ("X", "Ruiz", 5), ("X", "Lane", 3),
                              ("X", "Ortiz", 1), ("Y", "Ortiz", 1), ("Y", "he", 4)]), n=2)
    x = t[t.group == "X"].set_index("key")
    assert x.index.tolist() == ["Ruiz", "Lane", "other speakers", "unresolved"]
    assert x.loc["unresolved", "n"] == 11 and x.loc["other speakers", "n"] == 1
    assert x["share"].sum() == pytest.approx(1.0)
    y = t[t.group == "Y"].set_index("key")
    assert y.loc["unresolved", "share"] == pytest.approx(0.8) and y.loc["other speakers", "share"] == pytest.approx(0.2)
