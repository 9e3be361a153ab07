"""The bottom layer's text rules, checked at their edges (written to kill mutants mutmut found alive)."""

from __future__ import annotations

import pandas as pd

from framing.text import SpanIndex, in_spans, iter_paragraphs, parse_date, script_warning


def test_in_spans_is_half_open_per_document_and_order_free():
    positions = pd.DataFrame({"doc_id": ["a", "a", "a", "a", "b", "b", "c"], "start": [0, 4, 5, 9, 4, 12, 1]})
    spans = pd.DataFrame({"doc_id": ["b", "a", "b"], "start": [10, 4, 0], "end": [20, 5, 3]})
    assert in_spans(positions, spans).tolist() == [False, True, False, False, False, True, False]
    assert in_spans(positions.iloc[:0], spans).tolist() == []
    assert in_spans(positions, spans.iloc[:0]).tolist() == [False] * 7
    big = pd.DataFrame({"doc_id": ["a", "b"], "start": [2**35, 2**35 + 1]})
    assert in_spans(big, pd.DataFrame({"doc_id": ["b"], "start": [2**35], "end": [2**35 + 2]})).tolist() == [False, True]


def test_span_index_edges():
    index = SpanIndex([(10, 20), (0, 5)])
    assert [index.contains(p) for p in (-1, 0, 4, 5, 9, 10, 19, 20)] == [False, True, True, False, False, True,
                                                                       True, False]
    assert index.last_ending_by(4) is None and index.last_ending_by(5) == (0, 5)
    assert index.last_ending_by(19) == (0, 5) and index.last_ending_by(20) == (10, 20)
    assert SpanIndex([]).last_ending_by(3) is None and not SpanIndex([]).contains(0)


def test_paragraphs_skip_blank_ones_and_count_from_zero():
    text = "\n\nOne.\n\n\n\n  \n\nTwo two.\n\nThree"
    assert [text[a:b].strip() for _, a, b in iter_paragraphs(text)] == ["One.", "Two two.", "Three"]
    ids = [i for i, _, _ in iter_paragraphs(text)]
    assert ids == list(range(len(ids))) and ids[-1] >= 2
    assert list(iter_paragraphs("")) == [] and list(iter_paragraphs("Only")) == [(0, 0, 4)]


def test_dates_in_every_format_and_month_name():
    assert parse_date("2026-02-05") == parse_date("5 February 2026") == parse_date("Feb. 5, 2026")
    assert str(parse_date("Thursday, 05 Sept 2024")) == "2024-09-05"
    assert str(parse_date("on 1st December 2023 and 2 May 2024")) == "2023-12-01"
    assert parse_date("31 February 2024") is None and parse_date("no date here") is None
    assert [parse_date(f"1 {m} 2020").month for m in ("jan", "Mar", "may", "Jun", "JUL", "aug", "oct", "nov")] == [
        1, 3, 5, 6, 7, 8, 10, 11]


def test_script_warning_threshold_sample_and_message():
    assert script_warning("a" * 19 + "中" * 19) == ""  # 38 letters, half Latin: not mostly non-Latin
    assert script_warning("中" * 19) == ""  # fewer than 20 letters: no verdict
    assert script_warning("中" * 20).startswith("text is mostly non-Latin script (100% of letters)")
    assert script_warning("a" * 10 + "中" * 10) == ""  # exactly half: not mostly
    warning = script_warning("a" * 9 + "中" * 11)
    assert "(55% of letters)" in warning and "English-only" in warning
    assert script_warning("Łódź żółć café naïve " * 3) == ""  # Latin with diacritics is Latin
    assert script_warning("Việt Nam ởđâu " * 4) == ""
    assert script_warning("Привет мир " * 5) != ""
    assert script_warning("a" * 100 + "中" * 200, sample=100) == ""  # only the sample is read
    assert script_warning("1234 5678 ,,, " * 10) == ""  # digits and punctuation are not letters
