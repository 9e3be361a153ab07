"""Write tidy tables to disk as CSV with a Parquet copy beside each, deterministically."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd


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
        frame.to_csv(csv_path, index=False, lineterminator="\n", float_format="%.10g", encoding="utf-8")
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
        raise FileNotFoundError(f"no .parquet tables in {folder}")
    return tables
