"""``clean_text`` record by record: what each removed line is recorded as, which metadata lines fill which
fields, when the first line is a title, where a dateline and its credit come from, and how a wire credit line
joins the removed lines. Every expected value is written out from the rule files, not read off the code."""

from __future__ import annotations

from framing.config.credits import load_credit_rules
from framing.corpus import clean_text


def test_lines_after_a_truncating_rule_are_recorded_as_after_it():
    out = clean_text("Talks resume in Geneva\n\nBody one.\n\n12 Comments\n\nnice post\n\nAdvertisement")
    assert out.paragraphs == ["Talks resume in Geneva", "Body one."]
    assert out.removed == [
        {"line_no": 5, "rule": "comments-heading", "category": "comments", "text": "12 Comments"},
        {"line_no": 7, "rule": "comments-heading (after)", "category": "comments", "text": "nice post"},
        # a line another rule matches keeps that rule's own id, even after the truncation
        {"line_no": 9, "rule": "ad-advert", "category": "ad", "text": "Advertisement"},
    ]


def test_a_truncating_metadata_line_after_the_cut_is_recorded_as_after_it():
    out = clean_text("Body one.\n\nLeave a comment\n\nSource: BBC")
    assert out.removed[-1] == {"line_no": 5, "rule": "comments-leave (after)", "category": "comments",
                               "text": "Source: BBC"}
    assert "credit" not in out.fields  # nothing after the cut is read, metadata included


def test_metadata_lines_fill_their_fields_with_the_value_group():
    out = clean_text("Talks resume\n\nBy Jane Doe\n\nSource: Xinhua News\n\nThursday, 5 February 2026\n\nBody.")
    assert out.fields["byline"] == "Jane Doe"
    assert out.fields["credit"] == "Xinhua News"
    assert out.fields["banner_date"] == "Thursday, 5 February 2026"
    assert out.fields["published"] == "2026-02-05"
    assert [r["rule"] for r in out.removed] == ["byline-by", "credit-source", "chrome-date-banner"]
    assert out.paragraphs == ["Talks resume", "Body."]


def test_the_first_metadata_value_of_a_field_wins():
    out = clean_text("Body one.\n\nSource: AFP\n\nSource: Reuters\n\nBody two.")
    assert out.fields["credit"] == "AFP"


def test_a_repeated_paragraph_is_recorded_as_a_duplicate():
    out = clean_text("Talks resume\n\nXi spoke.\n\nTrump listened.\n\nXi spoke.")
    assert out.paragraphs == ["Talks resume", "Xi spoke.", "Trump listened."]
    assert out.removed == [{"line_no": 7, "rule": "duplicate-paragraph", "category": "duplicate",
                            "text": "Xi spoke."}]


def test_a_single_paragraph_is_never_its_own_title():
    assert clean_text("Talks resume in Geneva").title is None
    assert clean_text("Talks resume in Geneva\n\nXi spoke.").title == "Talks resume in Geneva"


def test_no_dateline_is_none_and_a_dateline_without_title_is_read_from_the_first_paragraph():
    plain = clean_text("Talks resume\n\nXi spoke on Monday.")
    assert plain.dateline is None and "dateline_credit" not in plain.fields
    no_title = clean_text("BEIJING - Xi spoke on Monday. Trump listened to him, officials said later.")
    assert no_title.title is None and no_title.dateline == "BEIJING"
    assert no_title.paragraphs == ["Xi spoke on Monday. Trump listened to him, officials said later."]


def test_a_dateline_credit_in_either_form_is_read():
    upper = clean_text("Talks resume\n\nBEIJING (Reuters) - Xi spoke.")
    assert (upper.dateline, upper.fields["dateline_credit"]) == ("BEIJING", "Reuters")
    mixed = clean_text("Talks resume\n\nWashington (AP) — Xi spoke.")
    assert (mixed.dateline, mixed.fields["dateline_credit"]) == ("Washington", "AP")
    assert mixed.paragraphs == ["Talks resume", "Xi spoke."]


def test_a_wire_credit_line_is_removed_and_recorded_with_credits():
    text = "Talks resume\n\nXi spoke.\n\nTrump listened.\n\nThe Associated Press contributed to this report."
    out = clean_text(text, credits=load_credit_rules())
    assert out.paragraphs == ["Talks resume", "Xi spoke.", "Trump listened."]
    assert out.removed == [{"line_no": 7, "rule": "credit-contributed", "category": "credit",
                            "text": "The Associated Press contributed to this report."}]
    assert (out.fields["credit"], out.fields["wire"]) == ("AP", "true")
    assert clean_text(text).paragraphs[-1] == "The Associated Press contributed to this report."  # no rules, kept


def test_without_a_title_the_byline_is_looked_for_from_the_first_line():
    # "By …, Reuters." ends in a full stop and has no blank line after it: no title, so the lead is lines 1-2
    out = clean_text("By Ann Lee, Reuters.\nXi spoke on Monday.\nTrump listened.", credits=load_credit_rules())
    assert out.title is None
    assert out.paragraphs == ["Xi spoke on Monday.", "Trump listened."]
    assert (out.fields["credit"], out.fields["wire"]) == ("Reuters", "true")
    assert out.removed[0]["rule"] == "credit-byline"
