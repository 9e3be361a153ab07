"""Frame matching and negation at their edges: text boundaries, wildcards, overlaps, several lexicons.

Written against the mutants mutmut left alive in framing/extract/frames.py (see TESTING.md): each test states
a documented rule on a text where a one-token change to the code gives another answer.
"""

from __future__ import annotations

import pandas as pd
import pytest

from framing.config.lexicons import validate_lexicon
from framing.config.rules import load_negation_rule
from framing.extract.frames import match_frames


def lexicon(name: str = "t", **frames: list[str]):
    return validate_lexicon({"name": name, "version": "1", "description": "test", "source": "test",
                             "frames": {f: {"terms": t} for f, t in frames.items()}})


def sentences(*texts: str, doc_id: str = "d") -> pd.DataFrame:
    starts, at = [], 0
    for t in texts:
        starts.append(at)
        at += len(t) + 1
    return pd.DataFrame({"doc_id": doc_id, "sent_id": range(len(texts)), "text": list(texts), "start": starts})


NO_QUOTES = pd.DataFrame({"doc_id": pd.Series(dtype=object), "start": pd.Series(dtype="int64"),
                          "end": pd.Series(dtype="int64")})


def matched(texts, lex, **kw) -> list[tuple[str, str, bool]]:
    m = match_frames(sentences(*texts), quotes=NO_QUOTES, lexicon=lex, **kw)
    return [(r.match, r.frame, bool(r.negated)) for r in m.itertuples()]


def test_a_term_at_the_very_start_of_a_text_that_ends_in_a_letter():
    lex = lexicon(a=["dialogue"])
    assert matched(["dialogue is good"], lex) == [("dialogue", "a", False)]
    assert matched(["Dialogue"], lex) == [("Dialogue", "a", False)]


def test_a_term_inside_a_longer_word_is_not_a_match_even_one_letter_in():
    lex = lexicon(a=["dialogue"])
    assert matched(["adialogue began"], lex) == []
    assert matched(["xdialogue"], lex) == []
    assert matched(["dialogues began"], lex) == []  # no wildcard: the next letter ends it


def test_a_wildcard_runs_to_the_end_of_the_word_and_of_the_text():
    lex = lexicon(a=["cooperat*"])
    assert matched(["we value cooperation"], lex) == [("cooperation", "a", False)]
    assert matched(["cooperat"], lex) == [("cooperat", "a", False)]
    # through a hyphen or apostrophe followed by a letter, never a trailing one
    assert matched(["they cooperate-a"], lex) == [("cooperate-a", "a", False)]
    assert matched(["they cooperate- then"], lex) == [("cooperate", "a", False)]
    assert matched(["they cooperate-"], lex) == [("cooperate", "a", False)]
    assert matched(["cooperator's view"], lex) == [("cooperator's", "a", False)]


def test_leftmost_longest_without_overlap():
    lex = lexicon(a=["ease tensions", "ease"], b=["tensions", "tensions rose"])
    assert matched(["they hope to ease tensions rose again"], lex) == [("ease tensions", "a", False)]
    lex = lexicon(a=["a b c"], b=["b"])
    assert matched(["x a b c y b"], lex) == [("a b c", "a", False), ("b", "b", False)]
    lex = lexicon(a=["talks"], b=["peace talks", "talks collapsed"])
    assert matched(["peace talks collapsed"], lex) == [("peace talks", "b", False)]


def test_one_term_in_several_lexicons_is_matched_in_each():
    exact, wild = lexicon("exact", a=["talk"]), lexicon("wild", a=["talk*"])
    for order in ([exact, wild], [wild, exact]):
        m = match_frames(sentences("the talks began", "we talk"), quotes=NO_QUOTES, lexicon=order)
        got = sorted(zip(m["lexicon"], m["match"], m["sent_id"]))
        assert got == [("exact", "talk", 1), ("wild", "talk", 1), ("wild", "talks", 0)]
        assert m["lexicon"].tolist()[0] == order[0].name  # lexicon by lexicon within a document


def test_offsets_point_at_the_match_in_the_article_text():
    s = sentences("No deal.", "Then they warned of war.")
    m = match_frames(s, quotes=NO_QUOTES, lexicon=lexicon(w=["warned", "war"]))
    text = "No deal.\nThen they warned of war."
    assert [(text[a:b], a, b) for a, b in zip(m["start"], m["end"])] == [("warned", 19, 25), ("war", 29, 32)]
    assert m["sent_id"].tolist() == [1, 1] and m.index.tolist() == [0, 1]


def test_documents_keep_the_order_of_the_sentences_table():
    s = pd.concat([sentences("war here", doc_id="z"), sentences("war there", doc_id="a")], ignore_index=True)
    m = match_frames(s, quotes=NO_QUOTES, lexicon=lexicon(w=["war"]))
    assert m["doc_id"].tolist() == ["z", "a"] and m.index.tolist() == [0, 1]


def test_no_sentence_and_no_match_give_the_table_columns():
    from framing.schema import MATCH_COLUMNS

    assert match_frames(sentences(), quotes=NO_QUOTES, lexicon=lexicon(w=["war"])).columns.tolist() == list(MATCH_COLUMNS)
    assert match_frames(sentences("peace"), quotes=NO_QUOTES, lexicon=lexicon(w=["war"])).columns.tolist() == list(MATCH_COLUMNS)


def test_lexicons_are_taken_by_name_or_object():
    by_name = match_frames(sentences("they warned of force"), quotes=NO_QUOTES, lexicon="stance")
    assert by_name["lexicon"].unique().tolist() == ["stance"] and len(by_name)


@pytest.mark.parametrize("text, negated", [
    ("Beijing has not ruled out force", False),      # not + ruled out: still a threat
    ("Beijing has not ruled out the use of force", False),
    ("Beijing did not use force", True),
    ("Beijing never used force", True),
    ("Beijing won't use force", True),
    ("Beijing has never excluded force", False),
    ("Not the army, force", False),                  # the clause ended at the comma
    ("no one said anything about force", False),     # the negator is outside the 3-word window
])
def test_negation_window_clause_and_double_negation(text, negated):
    lex = lexicon(w=["force"])
    assert matched([text], lex) == [("force", "w", negated)]


def test_the_negator_found_is_the_first_in_the_window():
    m = match_frames(sentences("not never force"), quotes=NO_QUOTES, lexicon=lexicon(w=["force"]), negation=load_negation_rule())
    assert m["negator"].tolist() == ["not"]


def test_a_negator_inside_a_match_does_not_negate_the_next_match():
    lex = lexicon(w=["never allow", "separation"])
    assert matched(["China will never allow separation"], lex) == [("never allow", "w", False),
                                                                  ("separation", "w", False)]
    assert matched(["China will not allow separation"], lex) == [("separation", "w", True)]  # "not" is no term


def test_negation_is_switched_per_lexicon():
    topic = validate_lexicon({"name": "topics", "version": "1", "description": "d", "source": "s",
                              "negation": False, "frames": {"taiwan": {"terms": ["taiwan"]}}})
    stance = lexicon("stance2", w=["recognize"])
    m = match_frames(sentences("The US does not recognize Taiwan"), quotes=NO_QUOTES, lexicon=[stance, topic])
    assert m[["lexicon", "match", "negated"]].values.tolist() == [["stance2", "recognize", True],
                                                                 ["topics", "Taiwan", False]]


def test_the_shipped_issue_lexicon_counts_negated_topic_mentions():
    from framing.config.lexicons import load_lexicon

    issues = load_lexicon("issues")
    assert issues.negation is False and issues.version == "1.1.0" and load_lexicon("stance").negation is True
    m = match_frames(sentences("Washington does not officially recognize Taiwan"), quotes=NO_QUOTES,
                     lexicon=[issues])
    assert m[["match", "negated"]].values.tolist() == [["Taiwan", False]]


def test_negation_must_be_true_or_false():
    from framing.errors import ConfigFileError

    with pytest.raises(ConfigFileError, match="'negation' must be true or false"):
        validate_lexicon({"name": "x", "version": "1", "description": "d", "source": "s", "negation": "no",
                          "frames": {"a": {"terms": ["b"]}}})


def _yaml_lexicon(**extra):
    return validate_lexicon({"name": "v2", "version": "2", "description": "d", "source": "s", **extra})


def test_inflected_forms_match_their_lemma_when_the_lexicon_says_so():
    frames = {"conc": {"terms": ["cooperate", "ease tension"]}}
    plain, inflected = _yaml_lexicon(frames=frames), _yaml_lexicon(frames=frames, inflect=True)
    text = ["They cooperated and agreed to ease tensions; both sides eased tension and kept cooperating."]
    assert matched(text, plain) == []
    m = match_frames(sentences(*text), quotes=NO_QUOTES, lexicon=inflected)
    assert m[["term", "match"]].values.tolist() == [["cooperate", "cooperated"], ["ease tension", "ease tensions"],
                                                    ["ease tension", "eased tension"], ["cooperate", "cooperating"]]


def test_a_term_written_in_the_lexicon_wins_over_another_terms_inflection():
    lex = _yaml_lexicon(inflect=True, frames={"a": {"terms": ["use"]}, "b": {"terms": ["used"]}})
    assert matched(["They used it and will use it"], lex) == [("used", "b", False), ("use", "a", False)]


def test_exception_contexts_drop_a_match_only_inside_them():
    lex = _yaml_lexicon(frames={"conc": {"terms": [{"term": "respect", "except": ["with respect to"]},
                                                   {"term": "friendship", "except": "friendship park"}]},
                                "warn": {"terms": ["must"]}})
    assert matched(["With respect to trade, both showed respect."], lex) == [("respect", "conc", False)]
    assert matched(["They met at Friendship Park to praise their friendship."], lex) == [
        ("friendship", "conc", False)]
    assert matched(["With respect to Taiwan, Beijing must act."], lex) == [("must", "warn", False)]
    assert lex.exceptions == {"respect": ("with respect to",), "friendship": ("friendship park",)}


def test_an_exception_must_contain_its_term():
    from framing.errors import ConfigFileError

    with pytest.raises(ConfigFileError, match="context 'in regard to' of term 'respect' must contain the term"):
        _yaml_lexicon(frames={"a": {"terms": [{"term": "respect", "except": ["in regard to"]}]}})
    with pytest.raises(ConfigFileError, match="'inflect' must be true or false"):
        _yaml_lexicon(inflect="yes", frames={"a": {"terms": ["b"]}})


def test_exception_contexts_respect_word_edges_and_the_ends_of_the_text():
    lex = _yaml_lexicon(frames={"a": {"terms": [{"term": "park", "except": ["friendship park"]},
                                                {"term": "respect", "except": ["with respect to"]}]}})
    assert matched(["They walked in Friendship Park"], lex) == []                  # the context ends the text
    assert matched(["They walked in Friendship Park."], lex) == []                 # the context ends at the match
    assert matched(["They walked in Friendship Parks today and in the park"], lex) == [("park", "a", False)]
    assert matched(["With respect to trade"], lex) == []                           # the context starts the text
    assert matched(["Notwith respect to trade"], lex) == [("respect", "a", False)]  # inside a longer word


def test_only_a_negator_inside_a_match_ends_the_negation_scope():
    lex = lexicon(w=["talks", "dialogue"])
    assert matched(["not talks dialogue"], lex) == [("talks", "w", True), ("dialogue", "w", True)]


def test_only_contexts_keep_a_match_only_inside_them():
    lex = _yaml_lexicon(inflect=True, frames={"warn": {"terms": [{"term": "must", "only": ["must not", "must stop"]},
                                                                 {"term": "force", "only": ["use of force"]}]}})
    assert matched(["Applicants must file by May 12."], lex) == []                       # procedural must
    assert matched(["Beijing must not interfere, and the US must stop arms sales."], lex) == [
        ("must", "warn", False), ("must", "warn", False)]
    assert matched(["It keeps a nuclear force but rules out the use of force."], lex) == [("force", "warn", False)]
    assert lex.required == {"must": ("must not", "must stop"), "force": ("use of force",)}
    from framing.errors import ConfigFileError

    with pytest.raises(ConfigFileError, match="context 'may not' of term 'must' must contain the term"):
        _yaml_lexicon(frames={"a": {"terms": [{"term": "must", "only": ["may not"]}]}})
