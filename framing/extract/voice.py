"""Voice in three values: the words an outlet quotes, the words it paraphrases from a source, its own narration.

:func:`framing.corpus.measure_voice` splits each sentence into words inside quotation marks (``quoted``) and the
rest. Once attributions are known, the unquoted words of a sentence that attributes indirect or mixed speech to
someone ("Xi said the talks went well", "Xi urged Trump to show “prudence”") are ``paraphrase``: the outlet's
rendering of a source, not its own voice. Everything else stays ``narration``. A sentence's ``voice`` is the
voice of most of its words (quoted against paraphrase or narration; ties go to the unquoted voice).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.schema import NARRATION, PARAPHRASE

_PARAPHRASED = ("indirect", "mixed")


def _paraphrased(frame: pd.DataFrame, attributions: pd.DataFrame) -> np.ndarray:
    cued = attributions[(attributions["cue"].astype(str) != "") & attributions["quote_type"].isin(_PARAPHRASED)]
    if not len(cued) or not len(frame):
        return np.zeros(len(frame), dtype=bool)
    keys = pd.MultiIndex.from_frame(cued[["doc_id", "sent_id"]].drop_duplicates())
    return pd.MultiIndex.from_frame(frame[["doc_id", "sent_id"]]).isin(keys)


def mark_paraphrase(sentences: pd.DataFrame, attributions: pd.DataFrame) -> pd.DataFrame:
    """Move the unquoted words of sentences with an indirect or mixed attribution from narration to paraphrase.

    Args:
        sentences: Sentences with the columns of :func:`framing.corpus.measure_voice`.
        attributions: The attributions of the same documents (:func:`framing.extract.extract_attributions`).

    Returns:
        A copy of ``sentences`` with ``n_words_paraphrase`` filled and ``voice`` in ``quoted``, ``paraphrase``,
        ``narration``.

    Example:
        >>> s = pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [0, 1], "n_words": [6, 4], "n_words_quoted": [0, 0],
        ...                   "n_words_paraphrase": [0, 0], "n_words_narration": [6, 4],
        ...                   "voice": ["narration", "narration"]})
        >>> a = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "cue": ["said"], "quote_type": ["indirect"]})
        >>> mark_paraphrase(s, a)[["n_words_paraphrase", "n_words_narration", "voice"]].values.tolist()
        [[6, 0, 'paraphrase'], [0, 4, 'narration']]
    """
    out = sentences.copy()
    if "n_words_paraphrase" not in out:
        out["n_words_paraphrase"] = 0
    hit = _paraphrased(out, attributions)
    narration = out["n_words_narration"].to_numpy()
    out["n_words_paraphrase"] = np.where(hit, narration, out["n_words_paraphrase"].to_numpy())
    out["n_words_narration"] = np.where(hit, 0, narration)
    out["voice"] = np.where(hit & (out["voice"].to_numpy() == NARRATION), PARAPHRASE, out["voice"].to_numpy())
    return out


def paraphrase_matches(matches: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Relabel lexicon matches outside quotation marks in paraphrasing sentences (``n_words_paraphrase`` > 0)
    as ``paraphrase``; returns a new table.

    Example:
        >>> s = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "n_words_paraphrase": [6]})
        >>> m = pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [0, 0], "voice": ["narration", "quoted"]})
        >>> paraphrase_matches(m, s)["voice"].tolist()
        ['paraphrase', 'quoted']
    """
    out = matches.copy()
    if not len(out) or "n_words_paraphrase" not in sentences:
        return out
    para = sentences[sentences["n_words_paraphrase"] > 0]
    hit = pd.MultiIndex.from_frame(out[["doc_id", "sent_id"]]).isin(
        pd.MultiIndex.from_frame(para[["doc_id", "sent_id"]])) & (out["voice"].to_numpy() == NARRATION)
    out["voice"] = np.where(hit, PARAPHRASE, out["voice"].to_numpy())
    return out
