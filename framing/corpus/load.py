"""Load a corpus of scraped articles into tidy, traceable tables.

``load_corpus`` reads every input, cleans it, infers metadata, merges a sidecar and splits sentences.
Every input appears in ``load_report`` as ``loaded``, ``loaded_with_warnings`` or ``skipped`` with the
reason; every line removed as boilerplate appears in ``removed``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from framing.config.bundle import Resources
from framing.config.credits import load_credit_rules
from framing.config.rules import BoilerplateRules, load_boilerplate_rules
from framing.corpus.clean import clean_text
from framing.corpus.credits import wire_of
from framing.corpus.segment import find_quotes, flag_unbalanced_quotes, split_sentences
from framing.errors import UsageError
from framing.io.sidecar import load_metadata
from framing.io.inputs import SIDECAR_NAME, TABLE_SUFFIXES, TEXT_SUFFIXES, list_inputs
from framing.io.readers import RawDocument, iter_table, read_document
from framing.schema import (
    ARTICLE_COLUMNS,
    LOAD_REPORT_COLUMNS,
    LOADED,
    LOADED_WITH_WARNINGS,
    METADATA_COLUMNS,
    REMOVED_COLUMNS,
    SKIPPED,
    UNKNOWN_PREFIX,
    is_known,
)
from framing.text import PARAGRAPH_SEP, clean_value, count_words, parse_date, script_warning

_INFERRED = ("title", "byline", "dateline", "credit", "outlet", "published")


@dataclass
class Corpus:
    """The tables :func:`load_corpus` returns. Each is a plain pandas DataFrame.

    Attributes:
        articles: One row per loaded article.
        sentences: One row per sentence (see :func:`framing.corpus.split_sentences`).
        quotes: One row per quotation span (see :func:`framing.corpus.find_quotes`).
        load_report: One row per input (file, table record or metadata row) with its status.
        removed: One row per line removed from an article as boilerplate, with the rule that removed it.
        rules_version: ``name@version`` of the boilerplate rules used.
    """

    articles: pd.DataFrame
    sentences: pd.DataFrame
    quotes: pd.DataFrame
    load_report: pd.DataFrame
    removed: pd.DataFrame
    rules_version: str

    def subset(self, doc_ids: object) -> Corpus:
        """The same corpus restricted to ``doc_ids`` (every table filtered; the load report too).

        Example:
            >>> c = load_corpus("data/raw/xi-trump-calls")
            >>> len(c.subset(["002_7aa7fbe0e816b3d0"]).sentences)
            17
        """
        keep = set(doc_ids)  # type: ignore[call-overload]
        parts = (t[t["doc_id"].isin(keep)].reset_index(drop=True)
                 for t in (self.articles, self.sentences, self.quotes, self.load_report, self.removed))
        return Corpus(*parts, self.rules_version)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Return the tables by their file names (without suffix)."""
        return {"articles": self.articles, "sentences": self.sentences, "quotes": self.quotes,
                "load_report": self.load_report, "removed_lines": self.removed}


def load_corpus(
    path: str | Path,
    *,
    metadata: str | Path | None = None,
    columns: Mapping[str, str] | None = None,
    rules: str | Path | BoilerplateRules | None = None,
    encoding: str | None = None,
    resources: Resources | None = None,
) -> Corpus:
    """Load scraped articles into tidy tables.

    Args:
        path: A directory of .txt/.md/.html files, walked with its subfolders (doc_id = the path below the
            directory without its suffix; hidden files and links outside it are listed as skipped), a glob such as
            ``"news/**/*.html"``, one such file, or one CSV/JSONL/Parquet table with a row per article.
        metadata: A metadata CSV (see :func:`framing.io.load_metadata`). By default a
            ``metadata.csv`` beside the files is used if there is one. Sidecar values override inference.
        columns: For tables, maps our names to the file's columns, e.g. ``{"text": "body"}``.
        rules: Boilerplate rules (a YAML path or loaded rules); by default those of ``resources``.
        encoding: Force one text encoding instead of detecting it per file.
        resources: The run's :class:`~framing.config.Resources` (its boilerplate rules are used); the shipped
            files by default.

    Returns:
        A :class:`Corpus` with ``articles``, ``sentences``, ``quotes``, ``load_report`` and ``removed``.

    Raises:
        CorpusPathError: If ``path`` does not exist or matches nothing.
        MetadataError: If the metadata file is malformed (names the file and line).

    Example:
        >>> corpus = load_corpus("data/raw/xi-trump-calls")
        >>> len(corpus.articles), corpus.load_report.status.unique().tolist()
        (5, ['loaded'])
    """
    chunks = list(iter_corpus(path, metadata=metadata, columns=columns, rules=rules, encoding=encoding,
                              chunk_docs=None, resources=resources))
    return concat_corpora(chunks)


def require_documents(load_report: pd.DataFrame, corpus: object) -> None:
    """Raise :class:`~framing.errors.UsageError` with each input's reason when a load yielded no document.

    Example:
        >>> report = pd.DataFrame({"input": ["a.txt"], "status": ["skipped"], "reason": ["empty file"]})
        >>> require_documents(report, "news/")
        Traceback (most recent call last):
        ...
        framing.errors.UsageError: news/: no document loaded: a.txt: empty file
    """
    if len(load_report) and (load_report["status"] != SKIPPED).any():
        return
    reasons = "; ".join(f"{r.input}: {r.reason}" for r in load_report.head(5).itertuples())
    more = f" (and {len(load_report) - 5} more)" if len(load_report) > 5 else ""
    raise UsageError(f"{corpus}: no document loaded: {reasons or 'no input files'}{more}")


def concat_corpora(chunks: list[Corpus]) -> Corpus:
    """Stack corpora loaded in chunks (:func:`iter_corpus`) into one.

    Example:
        >>> parts = list(iter_corpus("data/raw/xi-trump-calls", chunk_docs=2))
        >>> len(parts), len(concat_corpora(parts).articles)
        (3, 5)
    """
    if len(chunks) == 1:
        return chunks[0]
    tables = [[c.articles, c.sentences, c.quotes, c.load_report, c.removed] for c in chunks]
    stacked = [pd.concat([t for t in parts if len(t)] or [parts[0]], ignore_index=True)
               for parts in zip(*tables)]
    return Corpus(*stacked, chunks[0].rules_version)


def iter_corpus(
    path: str | Path,
    *,
    metadata: str | Path | None = None,
    columns: Mapping[str, str] | None = None,
    rules: str | Path | BoilerplateRules | None = None,
    encoding: str | None = None,
    chunk_docs: int | None = 2000,
    resources: Resources | None = None,
) -> Iterator[Corpus]:
    """Load a corpus in chunks of ``chunk_docs`` loaded articles, so that a large corpus never sits in memory.

    Takes the arguments of :func:`load_corpus`. Each chunk is a :class:`Corpus` whose ``load_report`` holds the
    inputs read since the previous chunk (skipped ones included); duplicates are detected across chunks, and
    the last chunk reports the metadata rows that matched no document. Stacking the chunks
    (:func:`concat_corpora`) gives exactly what :func:`load_corpus` gives.

    Example:
        >>> [len(c.articles) for c in iter_corpus("data/raw/xi-trump-calls", chunk_docs=2)]
        [2, 2, 1]
    """
    found = list_inputs(path)
    kind, folder = found.kind, found.folder
    if rules is None and resources is not None:
        rules = resources.rules
    rules = rules if isinstance(rules, BoilerplateRules) else load_boilerplate_rules(rules)
    credits = resources.credits if resources is not None else load_credit_rules()
    sidecar_path = Path(metadata) if metadata is not None else (
        folder / SIDECAR_NAME if folder is not None and (folder / SIDECAR_NAME).is_file() else None
    )
    sidecar = load_metadata(sidecar_path) if sidecar_path is not None else None
    version = f"{rules.name}@{rules.version}"
    report: list[dict[str, object]] = []
    articles: list[dict[str, object]] = []
    removed: list[dict[str, object]] = []
    first_source: dict[str, str] = {}
    meta_by_id = {} if sidecar is None else {r["doc_id"]: r for r in sidecar.to_dict("records")}
    report.extend(_report_row(entry, "", "file", SKIPPED, reason) for entry, reason in found.skipped)
    for raw in _iter_raw(kind, found.files, found.ids, sidecar_path, columns, encoding, report):
        kind_name = "record" if raw.fmt == "table" else "file"
        if raw.error:
            report.append(_report_row(raw.source_path, raw.doc_id, kind_name, SKIPPED, raw.error,
                                      raw.encoding, raw.newline))
            continue
        if raw.doc_id in first_source:
            report.append(_report_row(raw.source_path, raw.doc_id, kind_name, SKIPPED,
                                      f"duplicate doc_id {raw.doc_id!r}; first loaded from "
                                      f"{first_source[raw.doc_id]}", raw.encoding, raw.newline))
            continue
        cleaned = clean_text(raw.text, rules=rules, credits=credits)
        warnings = list(raw.warnings) + [w for w in [script_warning(raw.text)] if w]
        if not cleaned.paragraphs:
            report.append(_report_row(raw.source_path, raw.doc_id, kind_name, SKIPPED,
                                      "no article text left after removing boilerplate",
                                      raw.encoding, raw.newline, len(cleaned.removed)))
            removed.extend({"doc_id": raw.doc_id, **r} for r in cleaned.removed)
            continue
        first_source[raw.doc_id] = raw.source_path
        text = PARAGRAPH_SEP.join(cleaned.paragraphs)
        inferred: dict[str, object] = {
            "title": cleaned.title, "byline": cleaned.fields.get("byline"), "dateline": cleaned.dateline,
            "credit": cleaned.fields.get("credit"), "published": cleaned.fields.get("published"),
        }
        for key, value in raw.meta.items():  # HTML metadata or table columns (a table's title always wins)
            if is_known(value) and (key not in inferred or not is_known(inferred[key])
                                    or (key == "title" and raw.fmt == "table")):
                inferred[key] = value
        row: dict[str, object] = {"doc_id": raw.doc_id, **inferred}
        if sidecar is not None:
            meta_row = meta_by_id.get(raw.doc_id)
            if meta_row is None:
                warnings.append(f"no row for this doc_id in {sidecar_path}")
            else:
                for key, value in meta_row.items():
                    if key not in ("doc_id", "_line") and (is_known(value) or key not in row):
                        row[key] = value if is_known(value) or key == "notes" else row.get(key)
        row["wire"] = wire_of(row, cleaned.fields, credits)  # after the sidecar: its value wins
        given = row.get("published")
        row["published"] = _as_date(given)
        if is_known(given) and row["published"] is None:
            warnings.append(f"published value {str(given)[:40]!r} is not a date; left empty")
        for key in [k for k, v in row.items() if isinstance(v, str) and k != "notes"]:
            row[key] = clean_value(row[key])
        for key in ("outlet", "event"):
            if not is_known(row.get(key)):
                row[key] = "unknown"
            elif str(row[key]).startswith(UNKNOWN_PREFIX):
                renamed = UNKNOWN_PREFIX[:-1] + "_" + str(row[key])[len(UNKNOWN_PREFIX):]
                warnings.append(f"{key} {row[key]!r} renamed {renamed!r}: framing labels a document of unknown "
                                f"{key} '{UNKNOWN_PREFIX}<doc_id>'")
                row[key] = renamed
        row.update(text=text, n_words=count_words(text), source_path=raw.source_path)
        articles.append(row)
        removed.extend({"doc_id": raw.doc_id, **r} for r in cleaned.removed)
        status = LOADED_WITH_WARNINGS if warnings else LOADED
        report.append(_report_row(raw.source_path, raw.doc_id, kind_name, status, "; ".join(warnings),
                                  raw.encoding, raw.newline, len(cleaned.removed), len(cleaned.paragraphs),
                                  row["n_words"]))
        if chunk_docs and len(articles) >= chunk_docs:
            chunk = _chunk(articles, report, removed, version)
            for pending in (articles, report, removed):
                pending.clear()  # in place: the raw-document reader appends to ``report`` too
            yield chunk
    if sidecar is not None:
        loaded = set(first_source)
        for meta_row in sidecar.to_dict("records"):
            if meta_row["doc_id"] not in loaded:
                report.append(_report_row(f"{sidecar_path}:{meta_row['_line']}", meta_row["doc_id"],
                                          "metadata_row", SKIPPED,
                                          "metadata row matches no loaded document"))
    if articles or report or removed or not first_source:
        yield _chunk(articles, report, removed, version)


def _iter_raw(kind: str, files: list[Path], ids: list[str], sidecar_path: Path | None,
              columns: Mapping[str, str] | None,
              encoding: str | None, report: list[dict[str, object]]) -> Iterator[RawDocument]:
    """Raw documents from every input, one at a time; unsupported files go straight to ``report``."""
    for file, doc_id in zip(files, ids):
        if sidecar_path is not None and file.resolve() == sidecar_path.resolve():
            continue
        suffix = file.suffix.lower()
        if kind == "table" or (suffix in TABLE_SUFFIXES and suffix not in TEXT_SUFFIXES and len(files) == 1):
            yield from iter_table(file, columns=columns)
        elif suffix in TEXT_SUFFIXES:
            yield read_document(file, doc_id=doc_id, encoding=encoding)
        else:
            report.append(_report_row(file, "", "file", SKIPPED,
                                      f"unsupported file type {suffix or '(none)'!r}; "
                                      f"expected one of {list(TEXT_SUFFIXES)}"))


def _chunk(articles: list[dict[str, object]], report: list[dict[str, object]],
           removed: list[dict[str, object]], version: str) -> Corpus:
    articles_df = _articles_frame(articles)
    sentences = split_sentences(articles_df)
    quotes = find_quotes(articles_df)
    report_df = flag_unbalanced_quotes(pd.DataFrame(report, columns=list(LOAD_REPORT_COLUMNS)), quotes)
    return Corpus(articles_df, sentences, quotes, report_df, pd.DataFrame(removed, columns=list(REMOVED_COLUMNS)), version)


def _as_date(value: object) -> pd.Timestamp | None:
    if not is_known(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.normalize()
    found = parse_date(str(value))
    return pd.Timestamp(found) if found else None


def _articles_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    extras = sorted({k for r in rows for k in r} - set(ARTICLE_COLUMNS) - {"_line"})
    extras = [c for c in METADATA_COLUMNS if c in extras] + [c for c in extras if c not in METADATA_COLUMNS]
    frame = pd.DataFrame(rows, columns=[*ARTICLE_COLUMNS, *extras])
    frame["published"] = pd.to_datetime(frame["published"]).astype("datetime64[ns]")
    frame["n_words"] = frame["n_words"].astype("int64")
    frame["wire"] = frame["wire"].fillna(False).astype(bool)
    for col in frame.columns:
        if col not in ("published", "n_words", "wire"):
            frame[col] = frame[col].astype("object").where(frame[col].notna(), None)
    return frame


def _report_row(source: object, doc_id: str, kind: str, status: str, reason: str, encoding: str = "",
                newline: str = "", n_removed: int = 0, n_paragraphs: int = 0, n_words: int = 0
                ) -> dict[str, object]:
    return {"input": str(source), "doc_id": doc_id, "kind": kind, "status": status, "reason": reason,
            "encoding": encoding, "newline": newline, "n_removed_lines": n_removed,
            "n_paragraphs": n_paragraphs, "n_words": n_words}
