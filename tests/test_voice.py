"""Voice in three values, case by case: which attributions make a sentence's unquoted words paraphrase, and
which lexicon matches follow them."""

from __future__ import annotations

import pandas as pd

from framing.extract.voice import mark_paraphrase, paraphrase_matches


def _sentences():
    # two documents with the same sentence numbers, so a key on sent_id alone would mix them up
    return pd.DataFrame({
        "doc_id": ["a", "a", "a", "b", "b"], "sent_id": [0, 1, 2, 0, 1],
        "n_words": [10, 8, 6, 5, 7], "n_words_quoted": [0, 6, 0, 0, 0],
        "n_words_narration": [10, 2, 6, 5, 7],
        "voice": ["narration", "quoted", "narration", "narration", "narration"]})


def _attributions():
    return pd.DataFrame({
        "doc_id": ["a", "a", "a", "b"], "sent_id": [0, 1, 2, 1],
        "cue": ["said", "said", "", "told"],          # a cue-less continuation row is no paraphrase
        "quote_type": ["indirect", "mixed", "indirect", "direct"]})  # a direct quote is quoted, not paraphrased


def test_indirect_and_mixed_attributions_make_the_unquoted_words_paraphrase():
    out = mark_paraphrase(_sentences(), _attributions())
    assert out["n_words_paraphrase"].tolist() == [10, 2, 0, 0, 0]
    assert out["n_words_narration"].tolist() == [0, 0, 6, 5, 7]
    assert out["voice"].tolist() == ["paraphrase", "quoted", "narration", "narration", "narration"]
    assert out["n_words_quoted"].tolist() == [0, 6, 0, 0, 0]  # quoted words are untouched


def test_the_input_is_not_changed_and_an_existing_paraphrase_column_is_kept():
    s = _sentences().assign(n_words_paraphrase=[0, 0, 3, 0, 0])
    before = s.copy()
    out = mark_paraphrase(s, _attributions())
    pd.testing.assert_frame_equal(s, before)
    assert out["n_words_paraphrase"].tolist() == [10, 2, 3, 0, 0]


def test_no_attributions_change_nothing_but_add_the_column():
    out = mark_paraphrase(_sentences(), _attributions().iloc[0:0])
    assert out["n_words_paraphrase"].tolist() == [0] * 5
    assert out["voice"].tolist() == _sentences()["voice"].tolist()


def test_matches_outside_quotes_in_paraphrasing_sentences_become_paraphrase():
    sentences = mark_paraphrase(_sentences(), _attributions())
    m = pd.DataFrame({"doc_id": ["a", "a", "a", "b", "a"], "sent_id": [0, 1, 1, 0, 2],
                      "voice": ["narration", "quoted", "narration", "narration", "narration"]})
    assert paraphrase_matches(m, sentences)["voice"].tolist() == [
        "paraphrase", "quoted", "paraphrase", "narration", "narration"]
    assert m["voice"].tolist()[0] == "narration"  # a new table


def test_matches_stay_when_no_sentence_paraphrases():
    m = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "voice": ["narration"]})
    assert paraphrase_matches(m, _sentences())["voice"].tolist() == ["narration"]  # no paraphrase column
    assert paraphrase_matches(m.iloc[0:0], mark_paraphrase(_sentences(), _attributions())).empty
