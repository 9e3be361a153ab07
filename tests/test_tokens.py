"""Distinctive terms keep abbreviations and honorifics whole and leave out one-letter tokens and stopwords."""

from __future__ import annotations

import pandas as pd

from framing.stats.terms import distinctive_terms


def test_us_style_abbreviations_are_terms_not_letters():
    s = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "outlet": ["Times", "Times", "Post", "Post"], "text": [
        "Mr. Comey told the F.B.I. that the U.S. inquiry would go on.",
        "Mr. Comey and Mrs. Clinton met U.N. officials in the U.S. capital.",
        "Comey said the bureau would continue its inquiry into the campaign.",
        "Clinton met United Nations officials in Washington on Monday."]})
    t = distinctive_terms(s, by="outlet", min_count=1)
    terms = set(t["term"])
    assert {"u.s.", "f.b.i.", "mr.", "u.n.", "mrs."} <= terms
    assert not any(len(term) < 2 for term in terms)
    assert not {"u", "s", "b", "f", "the", "and", "that"} & terms
    times = t[t.group == "Times"].set_index("term")
    assert times.loc["u.s.", "count_group"] == 2 and times.loc["mr.", "count_group"] == 2


def test_one_letter_tokens_can_be_kept():
    from framing.extract.terms import count_terms

    assert count_terms(["a b c"], min_length=1) == {"a": 1, "b": 1, "c": 1}
    assert count_terms(["a b c"]) == {}
