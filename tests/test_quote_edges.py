"""Quotation spans at the edges of a text and of a paragraph, the load report's note on unclosed quotations,
and the negation rule's defaults: cases the mutation run of corpus/segment.py and config/rules.py showed
untested (TESTING.md)."""

from __future__ import annotations

import pandas as pd

from framing.config.rules import load_negation_rule
from framing.corpus import find_quote_spans
from framing.corpus.segment import flag_unbalanced_quotes
from framing.schema import LOADED, LOADED_WITH_WARNINGS, SKIPPED


def spans(text: str) -> list[tuple[str, bool]]:
    return [(q["text"], q["closed"]) for q in find_quote_spans(text)]


def test_a_single_quotation_closed_by_the_last_character_of_the_text():
    assert spans("He called the offer ‘fair’") == [("fair", True)]
    assert spans("He called the offer 'fair'") == [("fair", True)]


def test_a_single_mark_as_the_last_character_opens_nothing():
    assert spans("The word he used was ‘") == []


def test_an_apostrophe_inside_a_single_quotation_does_not_close_it():
    assert spans("He said ‘it’s over’ and left.") == [("it’s over", True)]
    assert spans("He said 'it's over' and left.") == [("it's over", True)]


def test_a_single_quotation_that_opens_the_text_opens_whatever_the_text_ends_with():
    # the character "before" the first one is a paragraph edge, not the text's last character
    assert spans("‘Yes,’ he said and left") == [("Yes,", True)]
    assert spans("First paragraph\n\n‘Yes,’ he said and left") == [("Yes,", True)]


def _report(rows):
    return pd.DataFrame(rows, columns=["doc_id", "status", "reason"])


def test_unclosed_quotations_are_noted_on_their_own_documents_only():
    report = _report([("a", LOADED, ""), ("b", LOADED_WITH_WARNINGS, "encoding guessed: cp1252"),
                      ("c", SKIPPED, "empty text"), ("d", LOADED, "")])
    quotes = pd.DataFrame({"doc_id": ["a", "a", "a", "b", "c", "d"], "para_id": [1, 2, 3, 2, 0, 0],
                           "closed": [False, True, False, False, False, True]})
    out = flag_unbalanced_quotes(report, quotes).set_index("doc_id")
    assert out.loc["a", "status"] == LOADED_WITH_WARNINGS
    assert out.loc["a", "reason"] == "unbalanced quotation mark (closed at the end of paragraph 1, 3; best effort)"
    assert out.loc["b", "reason"] == ("encoding guessed: cp1252; unbalanced quotation mark (closed at the end of "
                                      "paragraph 2; best effort)")
    assert tuple(out.loc["c"]) == (SKIPPED, "empty text")  # a skipped document stays skipped, with its reason
    assert tuple(out.loc["d"]) == (LOADED, "")
    assert tuple(report.loc[0]) == ("a", LOADED, "")  # the input report is not changed


def test_a_negation_rule_without_clause_breaks_breaks_at_commas_semicolons_and_colons(tmp_path):
    path = tmp_path / "negation.yaml"
    path.write_text("version: 1\nnegators: [not, never]\n", encoding="utf-8")
    rule = load_negation_rule(path)
    assert [bool(rule.clause_break.fullmatch(c)) for c in ",;:.X- "] == [True, True, True, False, False, False,
                                                                          False]


def test_an_unclosed_typewriter_quotation_drops_both_of_its_marks():
    assert spans("He said ''we will win and left") == [("we will win and left", False)]


def test_typewriter_quotations_one_after_another_in_a_paragraph():
    assert spans("''A,'' he said, ''B.''") == [("A,", True), ("B.", True)]
    assert spans("''A deal is a deal,'' he said.") == [("A deal is a deal,", True)]


def test_a_quotation_continues_into_the_last_paragraph_only_if_that_opens_with_a_quotation_mark():
    found = find_quote_spans("“We will win.\n\n“And we did,” he said.")
    assert [(q["text"], q["closed"], q["continued"], q["para_id"]) for q in found] == [
        ("We will win.", True, True, 0), ("And we did,", True, False, 1)]
    found = find_quote_spans("“We will win.\n\nXi said so.")  # a paragraph opening with a letter continues nothing
    assert [(q["text"], q["closed"], q["continued"]) for q in found] == [("We will win.", False, False)]
    assert all(type(q["continued"]) is bool and type(q["closed"]) is bool
               for q in find_quote_spans("“A,” he said. ''B,'' she said. 'C,' they said. “D"))


def test_positions_without_a_headline_and_a_headline_with_full_stops():
    from framing.corpus.segment import split_sentences
    arts = pd.DataFrame({"doc_id": ["a", "b"], "title": ["", "U.S. warns China. Talks end"],
                         "text": ["Xi spoke. Trump agreed.\n\nMore came.",
                                  "U.S. warns China. Talks end\n\nXi spoke. Trump agreed.\n\n\n\nMore came."]})
    got = split_sentences(arts)[["doc_id", "sent_id", "position", "text"]].values.tolist()
    assert got == [["a", 0, "lede", "Xi spoke."], ["a", 1, "lede", "Trump agreed."], ["a", 2, "body", "More came."],
                   ["b", 0, "headline", "U.S. warns China. Talks end"], ["b", 1, "lede", "Xi spoke."],
                   ["b", 2, "lede", "Trump agreed."], ["b", 3, "body", "More came."]]
