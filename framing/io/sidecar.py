"""Read a metadata sidecar (``metadata.csv``) strictly: a malformed file is an error, never a guess."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from framing.errors import MetadataError
from framing.io.decode import UnreadableInput, decode_bytes
from framing.schema import UNKNOWN_VALUES
from framing.text import parse_date



def load_metadata(path: str | Path) -> pd.DataFrame:
    """Load a metadata sidecar with one row per document.

    Columns: ``doc_id`` (required) and any of ``outlet``, ``event``, ``published`` (a date), ``title``,
    ``byline``, ``dateline``, ``credit``, ``notes``. Extra columns (``country``, ``leaning`` …) are kept
    and travel into the articles table. ``unknown`` or an empty cell means "not known" and lets the value
    inferred from the text stand.

    Args:
        path: The CSV file.

    Returns:
        A DataFrame of strings indexed by nothing, one row per doc_id, plus a ``_line`` column.

    Raises:
        MetadataError: Naming the file and line, for a ragged row, a missing ``doc_id`` column, a duplicate
            doc_id or an unreadable date.

    Example:
        >>> meta = load_metadata("data/raw/xi-trump-calls/metadata.csv")
        >>> meta.loc[meta.doc_id == "001_fdcf5c40121fcd5d", "outlet"].item()
        'The South Asia Times'
    """
    path = Path(path)
    try:
        text, _, _, _ = decode_bytes(path.read_bytes())
    except FileNotFoundError as exc:
        raise MetadataError(f"{path}: metadata file does not exist") from exc
    except IsADirectoryError as exc:
        raise MetadataError(f"{path}: is a folder, not a metadata CSV") from exc
    except OSError as exc:
        raise MetadataError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except UnreadableInput as exc:
        raise MetadataError(f"{path}: {exc}") from exc
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration as exc:
        raise MetadataError(f"{path}: no header line") from exc
    except csv.Error as exc:
        raise MetadataError(f"{path}, line 1: malformed CSV header: {exc}") from exc
    if "doc_id" not in header:
        raise MetadataError(f"{path}, line 1: no 'doc_id' column; found {header}")
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise MetadataError(f"{path}, line 1: duplicate column names {dupes}")
    rows: list[dict[str, str]] = []
    first_line: dict[str, int] = {}
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise MetadataError(f"{path}, line {reader.line_num}: malformed CSV: {exc}") from exc
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise MetadataError(
                f"{path}, line {line}: {len(row)} fields but the header has {len(header)} ({header})"
            )
        record = {k: v.strip() for k, v in zip(header, row)}
        doc_id = record["doc_id"]
        if not doc_id:
            raise MetadataError(f"{path}, line {line}: empty doc_id")
        if doc_id in first_line:
            raise MetadataError(
                f"{path}, line {line}: duplicate doc_id {doc_id!r} (first on line {first_line[doc_id]})"
            )
        first_line[doc_id] = line
        published = record.get("published", "")
        if published.lower() not in UNKNOWN_VALUES and parse_date(published) is None:
            raise MetadataError(
                f"{path}, line {line}: published {published!r} is not a date (use YYYY-MM-DD or 'unknown')"
            )
        record["_line"] = str(line)
        rows.append(record)
    return pd.DataFrame(rows, columns=[*header, "_line"], dtype="object")

