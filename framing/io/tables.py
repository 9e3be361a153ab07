"""Write tidy tables to disk as CSV with a Parquet copy beside each, deterministically."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from framing.errors import UsageError


_FORMULA = re.compile(r"^(?:[=+@\t\r]|-(?![\d.]+$))")


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells a spreadsheet would run as a formula (starting with ``=``, ``+``, ``@``, a tab, or ``-`` not
    followed by a number) get a leading ``'``, so a CSV opened in Excel or LibreOffice shows the text and runs
    nothing. The Parquet copies keep the text as it is.

    Example:
        >>> spreadsheet_safe(pd.DataFrame({"a": ["=SUM(A1)", "+cmd|calc!A0", "-3", "ok"]})).a.tolist()
        ["'=SUM(A1)", "'+cmd|calc!A0", '-3', 'ok']
    """
    text = [c for c in frame.columns if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c])]
    if not text or frame.empty:
        return frame
    out = frame.copy()
    for c in text:
        values = out[c]
        risky = values.map(lambda v: isinstance(v, str) and bool(_FORMULA.match(v)))
        if risky.any():
            out[c] = values.where(~risky, "'" + values.astype(str))
    return out


def spreadsheet_text(cell: str) -> str:
    """The text :func:`spreadsheet_safe` wrote as ``cell``: its leading ``'`` removed where it added one.

    Example:
        >>> [spreadsheet_text(c) for c in ["'=SUM(A1)", "'-- a dash", "'-3", "plain"]]
        ['=SUM(A1)', '-- a dash', "'-3", 'plain']
    """
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell[1:]) else cell


def write_tables(tables: Mapping[str, pd.DataFrame], out_dir: str | Path, *, parquet: bool = True) -> list[Path]:
    """Write each table as ``<name>.csv`` (UTF-8, ``\\n`` line endings) and ``<name>.parquet``.

    Output is byte-for-byte reproducible: rows keep their order, floats are written with 10 significant
    digits in CSV, and nothing time-dependent is stored.

    Args:
        tables: Table name to DataFrame.
        out_dir: Created if missing.
        parquet: Also write Parquet copies.

    Returns:
        The paths written, in order.

    Example:
        >>> import tempfile
        >>> paths = write_tables({"t": pd.DataFrame({"a": [1.0 / 3]})}, tempfile.mkdtemp())
        >>> [p.suffix for p in paths], paths[0].read_text()
        (['.csv', '.parquet'], 'a\\n0.3333333333\\n')
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, frame in tables.items():
        csv_path = out / f"{name}.csv"
        spreadsheet_safe(frame).to_csv(csv_path, index=False, lineterminator="\n", float_format="%.10g",
                                       encoding="utf-8")
        written.append(csv_path)
        if parquet:
            pq_path = out / f"{name}.parquet"
            frame.to_parquet(pq_path, index=False, compression="zstd")
            written.append(pq_path)
    return written


def read_tables(folder: str | Path) -> dict[str, pd.DataFrame]:
    """Read every ``<name>.parquet`` in ``folder`` back into a dict of DataFrames.

    Example:
        >>> import tempfile
        >>> d = tempfile.mkdtemp(); _ = write_tables({"t": pd.DataFrame({"a": [1]})}, d)
        >>> read_tables(d)["t"].a.tolist()
        [1]
    """
    folder = Path(folder)
    tables = {p.stem: pd.read_parquet(p) for p in sorted(folder.glob("*.parquet"))}
    if not tables:
        raise UsageError(f"{folder}: no .parquet tables here (a report's or `framing signals`' tables folder)")
    return tables


class TableStream:
    """Write tables chunk by chunk, so that a large corpus never needs to sit in memory.

    Each :meth:`append` stores the chunk as a Parquet part in a scratch folder inside ``out_dir``; :meth:`close`
    joins the parts into ``<name>.csv`` and ``<name>.parquet``, one part at a time. Columns that appear only
    in some chunks are kept (empty elsewhere) and column types are unified across chunks. The CSV is written
    with the same options as :func:`write_tables`, so its bytes do not depend on the chunk size.

    Example:
        >>> import tempfile
        >>> d = tempfile.mkdtemp()
        >>> with TableStream(d) as stream:
        ...     stream.append("t", pd.DataFrame({"a": [1]}))
        ...     stream.append("t", pd.DataFrame({"a": [2], "b": ["x"]}))
        >>> (Path(d) / "t.csv").read_text()
        'a,b\\n1,\\n2,x\\n'
    """

    def __init__(self, out_dir: str | Path, *, parquet: bool = True):
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.parquet = parquet
        self.scratch = self.out / ".parts"
        self.parts: dict[str, list[Path]] = {}
        self.templates: dict[str, pd.DataFrame] = {}

    def append(self, name: str, frame: pd.DataFrame) -> None:
        """Add one chunk of rows to table ``name`` (empty chunks only fix the columns of an empty table)."""
        self.templates.setdefault(name, frame.iloc[:0])
        if frame.empty:
            return
        self.scratch.mkdir(exist_ok=True)
        part = self.scratch / f"{name}.{len(self.parts.setdefault(name, [])):06d}.parquet"
        frame.to_parquet(part, index=False)
        self.parts[name].append(part)

    def close(self) -> list[Path]:
        """Join the parts of every table into its CSV and Parquet files; returns the paths written."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        written: list[Path] = []
        for name, template in self.templates.items():
            parts = self.parts.get(name, [])
            if not parts:
                written += write_tables({name: template}, self.out, parquet=self.parquet)
                continue
            schemas = [pq.read_schema(p) for p in parts]
            schema = pa.unify_schemas([s.remove_metadata() for s in schemas], promote_options="permissive")
            csv_path = self.out / f"{name}.csv"
            writer = pq.ParquetWriter(self.out / f"{name}.parquet", schema, compression="zstd") if self.parquet else None
            with open(csv_path, "w", encoding="utf-8", newline="") as csv:
                for i, part in enumerate(parts):
                    table = pq.read_table(part)
                    frame = table.to_pandas().reindex(columns=schema.names)  # dtypes as appended
                    spreadsheet_safe(frame).to_csv(csv, index=False, header=i == 0, lineterminator="\n",
                                                   float_format="%.10g")
                    if writer is not None:
                        for field in schema:
                            if field.name not in table.column_names:
                                table = table.append_column(field.name, pa.nulls(len(table), field.type))
                        writer.write_table(table.select(schema.names).cast(schema))
                    part.unlink()
            if writer is not None:
                writer.close()
            written.append(csv_path)
            if self.parquet:
                written.append(self.out / f"{name}.parquet")
        if self.scratch.exists():
            self.scratch.rmdir()
        return written

    def __enter__(self) -> TableStream:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.close()
