"""A content-addressed cache of signal tables, so an unchanged corpus is not scored twice.

The key hashes the corpus (every input file's name and bytes), the resources bundle (every lexicon, rule,
actors and verbs file's content), framing's code version (its version and a hash of its source and shipped
data) and the parameters (resamples, seed; the number of workers does not matter). Any change to any of them is a miss. Entries
live in ``$FRAMING_CACHE_DIR`` (default ``~/.cache/framing``) as Parquet tables with a ``key.json``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import warnings
from pathlib import Path

import pandas as pd

from framing._version import __version__
from framing.config.bundle import Resources
from framing.config.files import data_path
from framing.io.inputs import list_inputs

_PACKAGE = Path(__file__).resolve().parent.parent


class CacheWarning(UserWarning):
    """A cache entry could not be read or written; the tables were (or will be) computed afresh."""


def cache_dir() -> Path:
    """Where cache entries are kept: ``$FRAMING_CACHE_DIR`` or ``~/.cache/framing``.

    Example:
        >>> cache_dir().name in ("framing", os.environ.get("FRAMING_CACHE_DIR", "framing").rstrip("/").split("/")[-1])
        True
    """
    return Path(os.environ.get("FRAMING_CACHE_DIR") or Path.home() / ".cache" / "framing")


def code_version() -> str:
    """framing's version plus a hash of its source files and shipped data files.

    Example:
        >>> code_version().startswith(__version__ + "+")
        True
    """
    digest = hashlib.sha256()
    files = sorted(_PACKAGE.rglob("*.py")) + sorted(data_path().rglob("*.y*ml")) + sorted(
        data_path().rglob("*.mplstyle"))
    for f in files:
        digest.update(f.relative_to(_PACKAGE).as_posix().encode() + b"\0" + f.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def corpus_checksum(path: str | Path) -> str:
    """SHA-256 over exactly the inputs a load reads (their ids and bytes, in order) and the entries it skips.

    Example:
        >>> len(corpus_checksum("data/raw/xi-trump-calls"))
        64
    """
    found = list_inputs(path)
    digest = hashlib.sha256()
    for doc_id, f in zip(found.ids, found.files):
        digest.update(doc_id.encode("utf-8") + b"\0" + f.read_bytes())
    for entry, reason in found.skipped:
        digest.update(f"{entry}\0{reason}".encode())
    return digest.hexdigest()


def signals_key(corpus: str | Path, *, resources: Resources, metadata: str | Path | None = None,
                parameters: dict[str, object] | None = None) -> str:
    """The cache key of a signal computation (a SHA-256 hex digest).

    It covers the corpus bytes, the metadata file, every resource of the bundle
    (:meth:`~framing.config.Resources.fingerprint`), the code version and the parameters.

    Example:
        >>> from framing.config import load_resources
        >>> a = signals_key("data/raw/xi-trump-calls", resources=load_resources(lexicons=["stance"]))
        >>> a == signals_key("data/raw/xi-trump-calls", resources=load_resources(lexicons=["stance"])) != (
        ...     signals_key("data/raw/xi-trump-calls", resources=load_resources(lexicons=["issues"])))
        True
    """
    parts: dict[str, object] = {"corpus": corpus_checksum(corpus), "code": code_version(),
                                "parameters": parameters or {}, "resources": resources.fingerprint()}
    if metadata:
        parts["metadata"] = hashlib.sha256(Path(metadata).read_bytes()).hexdigest()
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def load_cached(key: str) -> dict[str, pd.DataFrame] | None:
    """The cached tables for ``key``, or ``None`` on a miss. A corrupt entry is a miss with a warning
    (and is removed, so the next run stores a good one).

    Example:
        >>> load_cached("0" * 64) is None
        True
    """
    entry = cache_dir() / key
    try:
        if not (entry / "key.json").is_file():
            return None
        return {p.stem: pd.read_parquet(p) for p in sorted(entry.glob("*.parquet"))}
    except Exception as exc:  # noqa: BLE001 (any unreadable entry is recomputed)
        warnings.warn(f"cache entry {entry} is unreadable ({type(exc).__name__}: {exc}); recomputing",
                      CacheWarning, stacklevel=2)
        shutil.rmtree(entry, ignore_errors=True)
        return None


def store(key: str, tables: dict[str, pd.DataFrame], *, description: dict[str, object] | None = None
          ) -> Path | None:
    """Write ``tables`` under ``key`` atomically and return the entry folder; ``None`` (with a warning) when
    the cache cannot be written, since a cache is never worth failing a run for."""
    root = cache_dir()
    tmp = root / f".{key}.tmp-{os.getpid()}"
    try:
        root.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        for name, frame in tables.items():
            frame.to_parquet(tmp / f"{name}.parquet", index=False)
        (tmp / "key.json").write_text(json.dumps({"key": key, **(description or {})}, indent=2, default=str)
                                      + "\n", encoding="utf-8")
        entry = root / key
        if entry.exists():
            shutil.rmtree(tmp, ignore_errors=True)
            return entry
        tmp.rename(entry)
        return entry
    except OSError as exc:
        warnings.warn(f"cannot write the cache at {root} ({exc.strerror or exc}); continuing without it",
                      CacheWarning, stacklevel=2)
        shutil.rmtree(tmp, ignore_errors=True)
        return None
