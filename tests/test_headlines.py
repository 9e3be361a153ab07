"""Headlines of plain-text articles and of table records (not the seeds)."""

from __future__ import annotations

import pytest

from framing import load_corpus
from framing.corpus.clean import clean_text

BODY = ("Negotiators from both capitals met in Geneva on Tuesday to discuss the disputed harbour, officials said, "
        "and agreed to meet again next month after a long day of talks.")


@pytest.mark.parametrize("first", [
    "Harbour talks to resume next month.",          # a full stop, as many scrapers and PolNeAR write headlines
    "Will the harbour talks resume?",
    "Harbour talks resume!",
    "Harbour talks to resume",
    "Mary J. Blige sings at the U.S. Capitol.",     # initials and abbreviations are no sentence end
    "Gov. Brown and Mr. Smith agree on harbour plan.",
    "Leaders ‘welcome’ the talks.’",
])
def test_a_first_line_in_its_own_paragraph_is_the_headline_whatever_its_punctuation(first):
    out = clean_text(f"{first}\n\n{BODY}\n\nMore text follows here.")
    assert out.title == first and out.paragraphs[0] == first


@pytest.mark.parametrize("text", [
    f"{BODY}\n\nMore text follows here.",                                      # a long lede is no headline
    "The talks resumed. Both sides were pleased.\n\nMore text follows here.",  # two sentences
    "The talks resumed on Tuesday.\nBoth sides were pleased with the day.",   # no blank line after it
    "Talks.\n\nMore text.",                                                    # one word
])
def test_a_lede_is_not_taken_for_a_headline(text):
    assert clean_text(text).title is None


def test_a_table_title_column_is_always_the_headline(tmp_path):
    table = tmp_path / "news.csv"
    table.write_text('doc_id,title,text\n'
                     'a,Harbour talks resume,"Short first line.\n\nThe body of the article goes on here."\n'
                     'b,Markets rise,"Markets rose on Tuesday.\n\nInvestors welcomed the harbour talks."\n',
                     encoding="utf-8")
    articles = load_corpus(table).articles.set_index("doc_id")
    assert articles.loc["a", "title"] == "Harbour talks resume"
    assert articles.loc["b", "title"] == "Markets rise"


@pytest.mark.parametrize("n_words, is_title", [(1, False), (2, True), (30, True), (31, False)])
def test_a_headline_without_closing_punctuation_has_2_to_30_words(n_words, is_title):
    first = " ".join(["Talks"] * n_words)
    out = clean_text(f"{first}\n{BODY}")
    assert (out.title == first) is is_title


@pytest.mark.parametrize("n_chars, is_title", [(200, True), (201, False)])
def test_a_headline_has_at_most_200_characters(n_chars, is_title):
    first = ("Harbour talks resume " * 20)[:n_chars - 1].rstrip() + "x"
    first = first + "x" * (n_chars - len(first))
    assert len(first) == n_chars
    assert (clean_text(f"{first}\n{BODY}").title == first) is is_title


@pytest.mark.parametrize("n_words, is_title", [(20, True), (21, False)])
def test_a_punctuated_headline_in_its_own_paragraph_has_at_most_20_words(n_words, is_title):
    first = " ".join(["talks"] * (n_words - 1)) + " resume."
    first = "Harbour " + first.split(" ", 1)[1]
    assert len(first.split()) == n_words
    assert (clean_text(f"{first}\n\n{BODY}").title == first) is is_title


def test_lines_after_a_truncating_rule_are_reported_with_their_own_rule_or_the_truncation():
    out = clean_text("Harbour talks resume\nThe body of the article.\n3 Comments\nNice article!\nAdvertisement\n"
                     "Source: BBC\nGreat points.")
    assert out.paragraphs == ["Harbour talks resume", "The body of the article."]
    assert out.removed == [
        {"line_no": 3, "rule": "comments-heading", "category": "comments", "text": "3 Comments"},
        {"line_no": 4, "rule": "comments-heading (after)", "category": "comments", "text": "Nice article!"},
        {"line_no": 5, "rule": "ad-advert", "category": "ad", "text": "Advertisement"},
        {"line_no": 6, "rule": "comments-heading (after)", "category": "comments", "text": "Source: BBC"},
        {"line_no": 7, "rule": "comments-heading (after)", "category": "comments", "text": "Great points."},
    ]
    assert "credit" not in out.fields  # a metadata line after the comments is not the article's credit
