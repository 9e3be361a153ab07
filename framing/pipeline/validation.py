"""The validation workflow on a corpus: draw a blind coding sheet, score coded sheets, suggest lexicon terms.

``sample → code → score``: :func:`draw_coding_sample` loads a corpus and writes a blind coding sheet (CSV and
XLSX), its codebook and the sample key; coders fill the ``code`` column; :func:`score_coding` reads the coded
sheets and measures the lexicon against them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd
import yaml

from framing.config import Resources, as_resources
from framing.config.lexicons import Lexicon
from framing.corpus import load_corpus
from framing.corpus.load import require_documents
from framing.errors import UsageError
from framing.extract import match_frames
from framing.io.sheets import SHEET_COLUMNS, read_coding_sheets, read_sheet, write_coding_sheet
from framing.io.tables import write_tables
from framing.stats.suggest import suggest_terms
from framing.stats.validation_sample import sample_for_coding
from framing.stats.validation_scores import score_lexicon, validation_record

#: Columns of the sample key written beside a coding sheet.
KEY_COLUMNS = ("item_id", "doc_id", "sent_id", "group", "stratum", "population", "sampled", "weight", "lexicon")


def _one_lexicon(res: Resources, lexicon: str | Path | Lexicon | None) -> Lexicon:
    if lexicon is None:
        return res.lexicons[0]
    return lexicon if isinstance(lexicon, Lexicon) else res.lexicon(lexicon)


def _matched(corpus_path: str | Path, res: Resources, lex: Lexicon, load: Mapping[str, object]):
    corpus = load_corpus(corpus_path, resources=res, **load)
    require_documents(corpus.load_report, corpus_path)
    matches = match_frames(corpus.sentences, quotes=corpus.quotes, lexicon=lex, negation=res.negation)
    return corpus, matches


def draw_coding_sample(
    corpus: str | Path,
    out: str | Path,
    *,
    resources: Resources | None = None,
    lexicon: str | Path | Lexicon | None = None,
    by: str = "outlet",
    n: int = 200,
    matched_share: float = 0.5,
    min_words: int = 4,
    seed: int = 0,
    exclude: Sequence[str | Path] = (),
    metadata: str | Path | None = None,
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
) -> pd.DataFrame:
    """Write a blind coding sheet for a lexicon drawn from a corpus (``framing validate sample``).

    Writes into ``out``: ``coding_sheet.csv`` and ``coding_sheet.xlsx`` (worksheets ``coding`` and
    ``codebook``), ``codebook.md`` and ``sample_key.csv`` (stratum, group and weight of each item: keep it from
    the coders). See :func:`~framing.stats.sample_for_coding` for how sentences are drawn. ``exclude`` names
    earlier sheets (or keys) whose sentences are not drawn again.

    Returns:
        The sample (key and text columns), one row per item.

    Example:
        >>> import tempfile
        >>> from framing.config import default_corpus
        >>> s = draw_coding_sample(default_corpus(), tempfile.mkdtemp(), n=20)
        >>> len(s), sorted(s.stratum.unique())
        (20, ['matched', 'unmatched'])
    """
    res = as_resources(resources)
    lex = _one_lexicon(res, lexicon)
    load = {"metadata": metadata, "columns": columns, "encoding": encoding}
    done = None
    if exclude:
        done = pd.concat([_sheet_ids(path) for path in exclude], ignore_index=True)
    loaded, matches = _matched(corpus, res, lex, load)
    sample = sample_for_coding(loaded.sentences, matches, lexicon=lex, by=by, articles=loaded.articles, n=n,
                               matched_share=matched_share, min_words=min_words, seed=seed, exclude=done)
    sheet = sample.assign(coder="", code="", note="")[list(SHEET_COLUMNS)]
    write_coding_sheet(sheet, out, lexicon=lex)
    write_tables({"sample_key": sample[list(KEY_COLUMNS)]}, out, parquet=False)
    return sample


def _sheet_ids(path: str | Path) -> pd.DataFrame:
    """``doc_id, sent_id`` of an earlier coding sheet or sample key (CSV or XLSX)."""
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"{path}: no such coding sheet to exclude")
    table = read_sheet(path)
    if not {"doc_id", "sent_id"} <= set(table.columns):
        raise UsageError(f"{path}: needs doc_id and sent_id columns to exclude its sentences")
    return table[["doc_id", "sent_id"]]


def score_coding(
    sheets: Sequence[str | Path],
    out: str | Path | None = None,
    *,
    key: str | Path | None = None,
    resources: Resources | None = None,
    lexicon: str | Path | Lexicon | None = None,
    n_resamples: int = 2000,
    seed: int = 0,
    sample: str = "",
) -> dict[str, pd.DataFrame]:
    """Score a lexicon against coded sheets (``framing validate score``).

    Args:
        sheets: Coded sheets (CSV or XLSX), one per coder or with a ``coder`` column.
        out: When given, the tables are written there as ``validation_<name>.csv`` with ``validation.yaml``,
            the record to store in the lexicon file's ``validation`` list.
        key: The sample key written with the sheet (for groups and corpus-weighted estimates).
        resources: The resource bundle; its first lexicon is scored unless ``lexicon`` names one.
        lexicon: The lexicon to score.
        n_resamples: Bootstrap resamples for the intervals (0 for none).
        seed: Bootstrap seed.
        sample: A description of the sample, stored in the record ("300 sentences of ...").

    Returns:
        The tables of :func:`~framing.stats.score_lexicon` (``metrics, terms, errors, agreement, labels``)
        and ``record`` (the validation record as a one-row table of YAML text).
    """
    res = as_resources(resources)
    lex = _one_lexicon(res, lexicon)
    codes = read_coding_sheets(sheets, lexicon=lex)
    if codes.empty:
        raise UsageError(f"no coded rows in {', '.join(map(str, sheets))}: fill the `code` column first")
    key_table = None
    if key is not None:
        if not Path(key).is_file():
            raise UsageError(f"{key}: no such sample key")
        key_table = pd.read_csv(key, dtype={"item_id": str, "group": str})
        missing = [c for c in ("item_id", "group", "stratum", "weight") if c not in key_table.columns]
        if missing:
            raise UsageError(f"{key}: missing column(s) {', '.join(missing)} (a sample key from framing validate sample)")
    codes["item_id"] = codes["item_id"].astype(str)
    scores = score_lexicon(codes, lexicon=lex, key=key_table, negation=res.negation, n_resamples=n_resamples,
                           seed=seed)
    record = validation_record(scores, lexicon=lex, sample=sample)
    scores["record"] = pd.DataFrame({"yaml": [yaml.safe_dump(record, sort_keys=False, allow_unicode=True)]})
    if out is not None:
        tables = {f"validation_{name}": table for name, table in scores.items() if name != "record"}
        write_tables(tables, out, parquet=False)
        Path(out, "validation.yaml").write_text(yaml.safe_dump([record], sort_keys=False, allow_unicode=True),
                                                encoding="utf-8")
    return scores


def suggest_corpus_terms(
    corpus: str | Path,
    *,
    frame: str,
    resources: Resources | None = None,
    lexicon: str | Path | Lexicon | None = None,
    top: int = 30,
    min_count: int = 3,
    examples: int = 3,
    metadata: str | Path | None = None,
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Candidate terms for a frame from a corpus (``framing lexicon suggest``); see
    :func:`~framing.stats.suggest_terms`. Nothing is added to the lexicon.

    Raises:
        UsageError: If ``frame`` is not one of the lexicon's frames (the message lists them).
    """
    res = as_resources(resources)
    lex = _one_lexicon(res, lexicon)
    if frame not in lex.frames:
        raise UsageError(f"frame {frame!r} is not in lexicon {lex.label}; valid frames are {', '.join(lex.frames)}")
    loaded, matches = _matched(corpus, res, lex, {"metadata": metadata, "columns": columns, "encoding": encoding})
    return suggest_terms(loaded.sentences, matches, lexicon=lex, frame=frame, top=top, min_count=min_count,
                         examples=examples)
