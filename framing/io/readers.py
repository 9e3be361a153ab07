"""Read raw corpus inputs: decode bytes safely, extract HTML, and iterate table files record by record.

Readers never raise for one bad document; they return a :class:`RawDocument` with ``error`` set, so the
loader can report it and go on. Only a problem with the whole input (a missing path) raises.
"""

from __future__ import annotations

import csv
import sys
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from framing.io.decode import UnreadableInput, decode_bytes
from framing.io.inputs import TEXT_SUFFIXES

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # one long article is an article, not a malformed line


@dataclass
class RawDocument:
    """One input document before cleaning, or the reason it could not be read."""

    doc_id: str
    source_path: str
    text: str = ""
    fmt: str = "text"
    encoding: str = ""
    newline: str = ""
    meta: dict[str, object] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


def extract_html(html: str) -> tuple[str, dict[str, object]]:
    """Extract the main text and metadata of an HTML page with trafilatura.

    Args:
        html: The page source.

    Returns:
        ``(text, meta)``: the article text, one paragraph per line with the title first when trafilatura
        finds one, and a dict with any of ``title``, ``byline``, ``published``, ``outlet``.

    Example:
        >>> page = "<html><head><title>Talks</title></head><body><article><h1>Talks</h1>"
        >>> page += "<p>" + "Xi and Trump spoke by phone on Wednesday about trade and Taiwan. " * 3 + "</p>"
        >>> text, meta = extract_html(page + "</article></body></html>")
        >>> text.splitlines()[0], meta["title"]
        ('Talks', 'Talks')
    """
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None:
        return "", {}
    text = doc.text or ""
    meta: dict[str, object] = {}
    for src, dst in (("title", "title"), ("author", "byline"), ("date", "published"), ("sitename", "outlet")):
        value = getattr(doc, src, None)
        if value:
            meta[dst] = str(value)
    title = meta.get("title")
    if title and not text.startswith(str(title)):
        text = f"{title}\n\n{text}"
    return text, meta


def read_document(path: Path, *, doc_id: str | None = None, encoding: str | None = None) -> RawDocument:
    """Read one .txt, .md or .html file into a :class:`RawDocument` (never raises for bad content).

    Args:
        path: The file.
        doc_id: Defaults to the file stem.
        encoding: Force an encoding instead of detecting one.

    Returns:
        The document, with ``error`` set if it could not be read.

    Example:
        >>> doc = read_document(Path("data/raw/xi-trump-calls/002_7aa7fbe0e816b3d0.txt"))
        >>> doc.doc_id, doc.encoding, doc.error
        ('002_7aa7fbe0e816b3d0', 'utf-8', None)
    """
    doc = RawDocument(doc_id=doc_id or path.stem, source_path=str(path))
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        doc.error = f"unsupported file type {suffix or '(none)'!r}; expected one of {list(TEXT_SUFFIXES)}"
        return doc
    try:
        data = path.read_bytes()
        doc.text, doc.encoding, doc.newline, doc.warnings = decode_bytes(data, encoding=encoding)
    except UnreadableInput as exc:
        doc.error = str(exc)
        return doc
    except OSError as exc:
        doc.error = f"cannot read file: {exc.strerror or exc}"
        return doc
    if suffix in (".html", ".htm"):
        doc.fmt = "html"
        doc.text, doc.meta = extract_html(doc.text)
        if not doc.text.strip():
            doc.error = "HTML page has no extractable article text"
    elif suffix in (".md", ".markdown"):
        doc.fmt = "markdown"
        doc.text = _strip_markdown(doc.text)
    return doc


_MD_HEADING = re.compile(r"^#{1,6}\s+", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def _strip_markdown(text: str) -> str:
    text = _MD_HEADING.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    return _MD_EMPHASIS.sub(r"\2", text)


def iter_table(path: Path, *, columns: Mapping[str, str] | None = None) -> Iterator[RawDocument]:
    """Yield one :class:`RawDocument` per record of a CSV, JSONL or Parquet corpus file.

    A malformed record (wrong number of CSV fields, invalid JSON, no text) is yielded with ``error`` set,
    naming the file and line, and the other records still load.

    Args:
        path: The table file.
        columns: Maps our column names to the file's, e.g. ``{"text": "body", "doc_id": "id"}``. Unmapped
            names are used as they are. Without a doc_id column, doc_id is ``<stem>-<line>``.

    Yields:
        Raw documents; other columns travel in ``meta``.

    Example:
        >>> import tempfile, os
        >>> f = os.path.join(tempfile.mkdtemp(), "c.jsonl")
        >>> _ = open(f, "w").write('{"id": "a", "body": "Xi spoke."}\\n{bad\\n')
        >>> [(d.doc_id, d.error) for d in iter_table(Path(f), columns={"doc_id": "id", "text": "body"})]
        [('a', None), ('c-2', 'invalid JSON at line 2: Expecting property name enclosed in double quotes')]
    """
    mapping = {"doc_id": "doc_id", "text": "text", **(columns or {})}
    reverse = {v: k for k, v in mapping.items()}
    suffix = path.suffix.lower()
    encoding, file_warnings = "", []
    what = "row" if suffix == ".parquet" else "line"
    try:
        if suffix == ".parquet":
            import pandas as pd

            frame = pd.read_parquet(path)
            records: Iterator[tuple[int, dict[str, object] | None, str | None]] = (
                (i + 1, row, None) for i, row in enumerate(frame.to_dict("records")))
            encoding = "parquet"
        else:
            text, encoding, _, file_warnings = decode_bytes(path.read_bytes())
            records = _csv_records(text) if suffix == ".csv" else _jsonl_records(text)
    except UnreadableInput as exc:
        records = iter([(0, None, f"unreadable table: {exc}")])
    except Exception as exc:  # noqa: BLE001 (a truncated or foreign file is one skipped input, not a crash)
        records = iter([(0, None, f"unreadable {suffix[1:]} table: {str(exc).splitlines()[0][:200]}")])
    for line_no, record, error in records:
        doc = RawDocument(doc_id=f"{path.stem}-{line_no}", source_path=f"{path}:{line_no}", fmt="table")
        if error or record is None:
            doc.error = error or "empty record"
            yield doc
            continue
        renamed = {reverse.get(k, k): v for k, v in record.items()}
        if mapping["text"] not in record:
            doc.error = f"{what} {line_no} has no text column {mapping['text']!r}; columns: {sorted(record)}"
            yield doc
            continue
        raw_id = renamed.pop("doc_id", None)
        if raw_id not in (None, "") and str(raw_id) != "nan":
            doc.doc_id = str(raw_id)
        text, problem = _as_text(renamed.pop("text"))
        if problem:
            doc.error = f"{what} {line_no}: {problem}"
            yield doc
            continue
        doc.text = text.replace("\r\n", "\n").replace("\r", "\n")
        doc.encoding = encoding
        doc.warnings = list(file_warnings)
        doc.meta = {k: v for k, v in renamed.items() if v not in (None, "")}
        if not doc.text.strip():
            doc.error = f"{what} {line_no}: empty text"
        yield doc


def _as_text(value: object) -> tuple[str, str]:
    """A record's text as a string, or why it is not one. A list of strings is a list of paragraphs."""
    if value is None:
        return "", ""
    if isinstance(value, str):
        return value, ""
    if hasattr(value, "tolist") and not isinstance(value, (int, float)):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        if all(isinstance(v, str) for v in value):
            return "\n\n".join(value), ""
        return "", "text is a list of non-strings, not article text"
    if isinstance(value, dict):
        return "", "text is an object, not a string"
    if isinstance(value, (int, float, bool)):
        return "", f"text is a {type(value).__name__} ({value!r}), not article text"
    return "", f"text is a {type(value).__name__}, not a string"


def _csv_records(text: str) -> Iterator[tuple[int, dict[str, object] | None, str | None]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield 1, None, f"no CSV header: {exc}"
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield reader.line_num, None, f"malformed CSV at line {reader.line_num}: {exc}"
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield reader.line_num, None, (
                f"malformed CSV at line {reader.line_num}: {len(row)} fields, header has {len(header)}"
            )
            continue
        yield reader.line_num, dict(zip(header, row)), None


def _jsonl_records(text: str) -> Iterator[tuple[int, dict[str, object] | None, str | None]]:
    for line_no, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield line_no, None, f"invalid JSON at line {line_no}: {exc.msg}"
            continue
        if not isinstance(record, dict):
            yield line_no, None, f"line {line_no} is JSON but not an object"
            continue
        yield line_no, record, None
