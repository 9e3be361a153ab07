"""A content-addressed cache of signal tables, so an unchanged corpus is not scored twice.

The key hashes the corpus (every input file's name and bytes), each lexicon (name, version and file
content), framing's code version (its version and a hash of its source, rules and actors files) and the
parameters (resamples, seed, levels, workers do not matter). Any change to any of them is a miss. Entries
live in ``$FRAMING_CACHE_DIR`` (default ``~/.cache/framing``) as Parquet tables with a ``key.json``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from framing.lexicons import Lexicon, load_lexicon

_PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path:
    """Where cache entries are kept: ``$FRAMING_CACHE_DIR`` or ``~/.cache/framing``.

    Example:
        >>> cache_dir().name in ("framing", os.environ.get("FRAMING_CACHE_DIR", "framing").rstrip("/").split("/")[-1])
        True
    """
    return Path(os.environ.get("FRAMING_CACHE_DIR") or Path.home() / ".cache" / "framing")


def code_version() -> str:
    """framing's version plus a hash of its source files and shipped rules, actors and lexicons.

    Example:
        >>> code_version().startswith("0.1.0+")
        True
    """
    from framing import __version__
    from framing.resources import data_path

    digest = hashlib.sha256()
    files = sorted(_PACKAGE.rglob("*.py")) + sorted(_PACKAGE.rglob("*.mplstyle"))
    for folder in ("rules", "actors", "lexicons"):
        files += sorted(data_path(folder).glob("*.yaml"))
    for f in files:
        digest.update(f.name.encode() + b"\0" + f.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def signals_key(corpus: str | Path, *, lexicons: Sequence[str | Path | Lexicon], metadata: str | Path | None = None,
                parameters: dict[str, object] | None = None) -> str:
    """The cache key of a signal computation (a SHA-256 hex digest).

    Example:
        >>> a = signals_key("data/raw/xi-trump-calls", lexicons=["stance"])
        >>> a == signals_key("data/raw/xi-trump-calls", lexicons=["stance"]) != signals_key(
        ...     "data/raw/xi-trump-calls", lexicons=["issues"])
        True
    """
    from framing.report import corpus_checksum

    parts: dict[str, object] = {"corpus": corpus_checksum(corpus), "code": code_version(),
                                "parameters": parameters or {}}
    if metadata:
        parts["metadata"] = hashlib.sha256(Path(metadata).read_bytes()).hexdigest()
    lexs = []
    for lex in lexicons:
        loaded = lex if isinstance(lex, Lexicon) else load_lexicon(lex)
        content = Path(loaded.path).read_bytes() if loaded.path and Path(loaded.path).is_file() else b""
        lexs.append([loaded.label, hashlib.sha256(content).hexdigest(),
                     hashlib.sha256(json.dumps(loaded.frames, sort_keys=True).encode()).hexdigest()])
    parts["lexicons"] = lexs
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def load_cached(key: str) -> dict[str, pd.DataFrame] | None:
    """The cached tables for ``key``, or ``None`` on a miss.

    Example:
        >>> load_cached("0" * 64) is None
        True
    """
    entry = cache_dir() / key
    if not (entry / "key.json").exists():
        return None
    return {p.stem: pd.read_parquet(p) for p in sorted(entry.glob("*.parquet"))}


def store(key: str, tables: dict[str, pd.DataFrame], *, description: dict[str, object] | None = None) -> Path:
    """Write ``tables`` under ``key`` atomically and return the entry folder."""
    root = cache_dir()
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / f".{key}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    for name, frame in tables.items():
        frame.to_parquet(tmp / f"{name}.parquet", index=False)
    (tmp / "key.json").write_text(json.dumps({"key": key, **(description or {})}, indent=2, default=str) + "\n")
    entry = root / key
    if entry.exists():
        shutil.rmtree(tmp, ignore_errors=True)
        return entry
    tmp.rename(entry)
    return entry
