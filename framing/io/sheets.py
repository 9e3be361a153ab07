"""Coding sheets for validating a lexicon by hand: write them blind (CSV and XLSX with a codebook), read them back.

A coding sheet holds one sentence per row with the columns of :data:`SHEET_COLUMNS`: ``item_id``, where it comes
from (``doc_id``, ``sent_id``), the sentence before and after it for context, the sentence itself (``text``), and
three columns a coder fills: ``coder``, ``code`` and ``note``. It never shows what the lexicon matched, nor the
stratum or group a sentence was drawn from; those stay in the sample key beside it.

A code is ``neither`` or one or more frame names joined by ``+`` (``conciliatory``, ``warning``,
``conciliatory+warning``). An empty code means "not coded" and the row is left out for that coder.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from framing.config.lexicons import Lexicon
from framing.errors import UsageError
from framing.io.tables import spreadsheet_safe, spreadsheet_text

#: The columns of a blind coding sheet, in order.
SHEET_COLUMNS = ("item_id", "doc_id", "sent_id", "context_before", "text", "context_after", "coder", "code", "note")
#: The code for a sentence in none of the lexicon's frames.
NEITHER = "neither"
_SEPARATOR = "+"


def codebook_text(lexicon: Lexicon) -> str:
    """The codebook page of a coding sheet, built from the lexicon's frame descriptions (never its terms).

    Example:
        >>> from framing.config import load_lexicon
        >>> print(codebook_text(load_lexicon("stance")).splitlines()[0])
        # Codebook: stance (version 2.0.0)
    """
    lines = [f"# Codebook: {lexicon.name} (version {lexicon.version})", "",
             " ".join(lexicon.description.split()), "",
             "Read each sentence (with the sentences before and after it for context) and write in `code`:", ""]
    for frame in lexicon.frames:
        description = " ".join(lexicon.frame_descriptions.get(frame, "").split()) or "(no description)"
        lines.append(f"- `{frame}`: {description}")
    lines += [f"- `{NEITHER}`: the sentence is in none of these frames.", "",
              f"A sentence in several frames gets their names joined by `{_SEPARATOR}` "
              f"(`{_SEPARATOR.join(list(lexicon.frames)[:2])}`). Code what the sentence says, whoever says it "
              "(a quoted speaker or the reporter). Leave `code` empty to skip a sentence; write your name in "
              "`coder` (or name the file after yourself). `note` is free text.", ""]
    return "\n".join(lines)


def write_coding_sheet(sheet: pd.DataFrame, out_dir: str | Path, *, lexicon: Lexicon, name: str = "coding_sheet"
                       ) -> list[Path]:
    """Write ``<name>.csv``, ``<name>.xlsx`` (worksheets ``coding`` and ``codebook``) and ``codebook.md``.

    Cells a spreadsheet would run as a formula are written with a leading ``'`` (see
    :func:`~framing.io.tables.spreadsheet_safe`), in the CSV and in the workbook.

    Args:
        sheet: Rows with the :data:`SHEET_COLUMNS` (extra columns are refused: a sheet stays blind).
        out_dir: Created if missing.
        lexicon: The lexicon being validated, for the codebook.
        name: File stem of the sheet.

    Returns:
        The paths written.
    """
    extra = [c for c in sheet.columns if c not in SHEET_COLUMNS]
    if extra:
        raise UsageError(f"a coding sheet holds only {', '.join(SHEET_COLUMNS)}; not {', '.join(map(str, extra))}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    safe = spreadsheet_safe(sheet.reindex(columns=list(SHEET_COLUMNS)))
    csv_path, xlsx_path, book_path = out / f"{name}.csv", out / f"{name}.xlsx", out / "codebook.md"
    safe.to_csv(csv_path, index=False, lineterminator="\n", encoding="utf-8")
    book = codebook_text(lexicon)
    book_path.write_text(book, encoding="utf-8")
    with pd.ExcelWriter(xlsx_path, engine="openpyxl") as writer:
        safe.to_excel(writer, sheet_name="coding", index=False)
        pd.DataFrame({"codebook": book.splitlines()}).to_excel(writer, sheet_name="codebook", index=False)
        _fix_workbook_time(writer.book)
    _fix_zip_times(xlsx_path)
    return [csv_path, xlsx_path, book_path]


def _fix_zip_times(path: Path) -> None:
    """Rewrite an XLSX with every zip entry dated 2000-01-01 and its ``dcterms:modified`` too: the zip stores each
    entry's write time and openpyxl stamps the save time, so two writes a second apart would differ in bytes."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as old:
        entries = [(info, old.read(info)) for info in old.infolist()]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as new:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type, fixed.external_attr = info.compress_type, info.external_attr
            new.writestr(fixed, data)


def _fix_workbook_time(book: object) -> None:
    """Pin the workbook's creation time, so the same sheet gives the same file byte for byte."""
    import datetime as dt

    stamp = dt.datetime(2000, 1, 1)
    book.properties.created = stamp  # type: ignore[attr-defined]
    book.properties.modified = stamp  # type: ignore[attr-defined]


def read_sheet(path: str | Path) -> pd.DataFrame:
    """One coding sheet or sample key as text cells (``""`` for empty), from CSV or from an XLSX's ``coding``
    worksheet.

    Raises:
        UsageError: For a file that is not a readable sheet (one line naming the file and the reason).
    """
    path = Path(path)
    try:
        raw = (pd.read_excel(path, sheet_name="coding", dtype=str) if path.suffix.lower() in {".xlsx", ".xlsm"}
               else pd.read_csv(path, dtype=str, keep_default_na=False))
    except Exception as exc:  # a damaged workbook, a CSV that is not one: one line, not a traceback
        raise UsageError(f"{path}: not a readable coding sheet ({type(exc).__name__}: {exc})") from None
    return raw.fillna("")


def read_coding_sheets(paths: Sequence[str | Path], *, lexicon: Lexicon) -> pd.DataFrame:
    """Read coded sheets (CSV or XLSX) into one long table of codes.

    Each sheet is one coder unless its ``coder`` column names others; an empty ``coder`` cell means the file's
    stem. Codes are checked against the lexicon's frames.

    Args:
        paths: Coded sheets, as written by :func:`write_coding_sheet` and filled in.
        lexicon: The lexicon whose frames the codes name.

    Returns:
        A new DataFrame ``item_id, doc_id, sent_id, text, coder, code`` (one row per coded item and coder; the
        code normalised: frames in lexicon order joined by ``+``, or ``neither``), and ``attrs["uncoded"]``,
        the number of rows left uncoded.

    Raises:
        UsageError: A missing file or column, a code that names no frame (the message lists the valid codes),
            or one coder coding the same item twice with different codes.
    """
    if not paths:
        raise UsageError("no coded sheets given")
    frames = list(lexicon.frames)
    parts, skipped = [], 0
    for path in map(Path, paths):
        if not path.is_file():
            raise UsageError(f"{path}: no such coding sheet")
        raw = read_sheet(path)
        missing = [c for c in ("item_id", "text", "code") if c not in raw.columns]
        if missing:
            raise UsageError(f"{path}: missing column(s) {', '.join(missing)}; a coding sheet has "
                             f"{', '.join(SHEET_COLUMNS)}")
        for col in ("doc_id", "sent_id", "coder"):
            if col not in raw.columns:
                raw[col] = ""
        raw["text"] = raw["text"].map(spreadsheet_text)
        raw["coder"] = raw["coder"].str.strip().replace("", path.stem)
        coded = raw["code"].str.strip() != ""
        skipped += int((~coded).sum())
        raw = raw[coded].copy()
        raw["code"] = [_normalise_code(c, frames, f"{path}, item {i}") for c, i in zip(raw["code"], raw["item_id"])]
        parts.append(raw[["item_id", "doc_id", "sent_id", "text", "coder", "code"]])
    codes = pd.concat(parts, ignore_index=True)
    twice = codes.groupby(["coder", "item_id"])["code"].nunique()
    if (twice > 1).any():
        coder, item = twice[twice > 1].index[0]
        raise UsageError(f"coder {coder!r} gave item {item} two different codes")
    codes = codes.drop_duplicates(["coder", "item_id"]).reset_index(drop=True)
    codes.attrs["uncoded"] = skipped
    return codes


def _normalise_code(code: str, frames: list[str], where: str) -> str:
    """``Warning + conciliatory`` -> ``conciliatory+warning`` (lexicon order); unknown names are an error."""
    names = [part.strip().lower() for part in code.replace(",", _SEPARATOR).replace(";", _SEPARATOR).split(_SEPARATOR)]
    names = [n for n in names if n]
    lowered = {f.lower(): f for f in frames}
    unknown = [n for n in names if n != NEITHER and n not in lowered]
    if unknown or not names or (NEITHER in names and len(names) > 1):
        valid = ", ".join([*frames, NEITHER])
        raise UsageError(f"{where}: code {code!r} is not one of {valid} (or frames joined by {_SEPARATOR!r})")
    if names == [NEITHER]:
        return NEITHER
    return _SEPARATOR.join(f for f in frames if f.lower() in names)
