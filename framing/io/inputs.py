"""What a corpus path names: every file to read, and every entry not read with the reason.

A folder is walked with its subfolders (a document's id is its path below the folder, without the suffix:
``a`` for ``a.txt``, ``2024/march/b`` for ``2024/march/b.txt``). Nothing outside the corpus is ever read: a
symbolic link that resolves outside the folder (or outside a glob's fixed prefix) is listed as skipped,
never opened. Hidden files and folders (names starting with ``.``), broken links, links to folders, FIFOs,
sockets and devices are listed as skipped too, so every entry is accounted for in the load report.
"""

from __future__ import annotations

import glob as globlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from framing.errors import CorpusPathError

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
SIDECAR_NAME = "metadata.csv"
_GLOB_CHARS = "*?["


@dataclass
class Inputs:
    """The inputs of a corpus path.

    Attributes:
        kind: ``files`` (text and HTML documents) or ``table`` (one CSV/JSONL/Parquet file).
        files: The files to read, in a stable order.
        ids: The document id of each file (its path below the corpus folder, without the suffix).
        folder: Where a ``metadata.csv`` sidecar is looked for, or ``None``.
        skipped: ``(entry, reason)`` for every entry that is not read.
    """

    kind: str
    files: list[Path]
    ids: list[str]
    folder: Path | None
    skipped: list[tuple[str, str]] = field(default_factory=list)


def _inside(target: Path, root: Path) -> bool:
    try:
        target.relative_to(root)
    except ValueError:
        return False
    return True


def _check(entry: Path, root: Path) -> str | None:
    """Why ``entry`` is not read, or ``None`` when it is a regular file inside ``root``."""
    try:
        mode = entry.lstat().st_mode
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    if stat.S_ISLNK(mode):
        try:
            target = entry.resolve(strict=True)
        except (OSError, RuntimeError):
            return "broken symbolic link; not read"
        if not _inside(target, root):
            return f"symbolic link to {target}, outside the corpus; not read"
        if target.is_dir():
            return "symbolic link to a folder; not followed"
        mode = target.stat().st_mode
    if stat.S_ISREG(mode):
        return None
    kind = ("FIFO" if stat.S_ISFIFO(mode) else "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "socket" if stat.S_ISSOCK(mode) else "special file")
    return f"not a regular file ({kind}); not read"


def _walk(root: Path) -> Inputs:
    files: list[Path] = []
    ids: list[str] = []
    skipped: list[tuple[str, str]] = []
    real_root = root.resolve()
    for here, dirs, names in os.walk(root, followlinks=False):
        base = Path(here)
        for d in sorted(dirs):
            if d.startswith("."):
                skipped.append((str(base / d), "hidden folder; not read (rename it to include it)"))
            elif (base / d).is_symlink():
                skipped.append((str(base / d), "symbolic link to a folder; not followed"))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (base / d).is_symlink())
        for name in sorted(names):
            entry = base / name
            if name.startswith("."):
                skipped.append((str(entry), "hidden file; not read (rename it to include it)"))
                continue
            reason = _check(entry, real_root)
            if reason:
                skipped.append((str(entry), reason))
                continue
            files.append(entry)
            ids.append(entry.relative_to(root).with_suffix("").as_posix())
    if not files and not skipped:
        raise CorpusPathError(f"corpus folder {str(root)!r} contains no files")
    return Inputs("files", files, ids, root, skipped)


def list_inputs(path: str | Path) -> Inputs:
    """Work out what a corpus path names: a folder (walked), a glob, one text/HTML file, or one table.

    Raises:
        CorpusPathError: If the path does not exist or the glob matches nothing.

    Example:
        >>> found = list_inputs("data/raw/xi-trump-calls")
        >>> found.kind, len(found.files), found.ids[0], found.skipped
        ('files', 6, '000_7a1cdc4cf052a761', [])
    """
    text = str(path)
    if any(ch in text for ch in _GLOB_CHARS):
        prefix = text[:min(text.index(ch) for ch in _GLOB_CHARS if ch in text)]
        fixed = Path(prefix) if prefix.endswith(("/", os.sep)) else Path(prefix).parent
        root = fixed.resolve()
        matches = sorted(Path(m) for m in globlib.glob(text, recursive=True) if not Path(m).is_dir())
        if not matches:
            raise CorpusPathError(f"corpus glob {text!r} matches no files")
        files, ids, skipped = [], [], []
        for m in matches:
            reason = _check(m, root)
            if reason:
                skipped.append((str(m), reason))
            else:
                files.append(m)
                ids.append(m.relative_to(fixed).with_suffix("").as_posix() if _inside(m, fixed) else m.stem)
        parents = {m.parent for m in files}
        return Inputs("files", files, ids, parents.pop() if len(parents) == 1 else None, skipped)
    p = Path(text)
    if not p.exists():
        raise CorpusPathError(f"corpus path {text!r} does not exist")
    if p.is_dir():
        return _walk(p)
    if p.suffix.lower() in TABLE_SUFFIXES:
        return Inputs("table", [p], [p.stem], None)
    return Inputs("files", [p], [p.stem], p.parent)
