"""Properties of the text pipeline, checked on generated input (hypothesis): any text loads or is skipped
with a reason; sentence offsets rebuild the text; quotations never cross paragraphs; matching ignores case
and apostrophe style."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing.corpus import find_quote_spans
from framing.extract import match_frames

WORDS = st.sampled_from(["Xi", "Trump", "warned", "said", "cooperation", "threat", "“", "”", "‘", "’", "'", '"',
                         "mutual", "respect", "never", "allow", "not", "Taiwan’s", ",", ".", "\n\n", "\n", " ",
                         "BBC", "ruled", "out", "force", "—"])
NEWSY = st.lists(WORDS, min_size=1, max_size=60).map(" ".join)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.binary(max_size=300) | st.text(max_size=300) | NEWSY)
def test_any_input_loads_or_is_skipped_with_a_reason(content):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.txt"
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
        corpus = framing.load_corpus(folder)
        (row,) = corpus.load_report.itertuples()
        assert row.status in ("loaded", "loaded_with_warnings", "skipped")
        assert (row.status == "skipped") == corpus.articles.empty
        if row.status == "skipped":
            assert row.reason


@SETTINGS
@given(st.lists(NEWSY, min_size=1, max_size=6))
def test_sentence_offsets_rebuild_the_text_and_quotes_stay_in_their_paragraph(paragraphs):
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "doc.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
        corpus = framing.load_corpus(folder)
        if corpus.articles.empty:
            return
        text = corpus.articles["text"].item()
        for s in corpus.sentences.itertuples():
            assert text[s.start:s.end] == s.text
        for q in find_quote_spans(text):
            assert "\n\n" not in text[q["start"]:q["end"]]
            assert 0 <= q["start"] < q["end"] <= len(text)


@SETTINGS
@given(NEWSY)
def test_matching_ignores_case_and_apostrophe_style(text):
    text = text.replace("\n", " ")

    def found(t: str) -> list[tuple[str, str, int, bool]]:
        sentences = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "text": [t], "start": [0]})
        m = match_frames(sentences, quotes=pd.DataFrame({"doc_id": [], "start": [], "end": []}), lexicon="stance")
        return list(zip(m["frame"], m["term"], m["start"], m["negated"]))

    assert found(text) == found(text.upper()) == found(text.replace("’", "'")) == found(text.replace("'", "’"))
