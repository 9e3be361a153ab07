"""Write an output folder atomically: build it beside the target, swap it in whole, never leave half a folder.

A run writes into ``.<name>.tmp-<pid>`` next to the target and renames it into place only when everything was
written; a killed or failed run leaves the previous folder as it was. Staging folders left by runs that were
killed (their process is gone) are removed by the next run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from framing.errors import UsageError


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale(out: Path) -> list[Path]:
    """Remove ``.<name>.tmp-<pid>`` and ``.<name>.old-<pid>`` folders beside ``out`` whose process is gone.

    Example:
        >>> import tempfile
        >>> base = Path(tempfile.mkdtemp()); (base / ".r.tmp-999999999").mkdir()
        >>> [p.name for p in clean_stale(base / "r")]
        ['.r.tmp-999999999']
    """
    removed = []
    if not out.parent.is_dir():
        return removed
    for kind in ("tmp", "old"):
        for stale in out.parent.glob(f".{out.name}.{kind}-*"):
            pid = stale.name.rsplit("-", 1)[-1]
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                shutil.rmtree(stale, ignore_errors=True)
                removed.append(stale)
    return removed


def staging_folder(out: Path, *, owned: tuple[str, ...] = ()) -> Path:
    """A fresh, empty staging folder for ``out``.

    Args:
        out: The folder the run will publish.
        owned: File names that mark a folder as framing's own output (e.g. ``load_report.csv``). An existing
            ``out`` holding other files is refused, so a swap never deletes a user's files.

    Raises:
        UsageError: When ``out`` is a file, holds files that are not framing's output, or cannot be written.
    """
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: is a file; give a folder")
    if out.is_dir() and owned and any(out.iterdir()) and not any((out / name).exists() for name in owned):
        raise UsageError(f"--out {out}: the folder holds other files; give a new or empty folder (framing "
                         "replaces its output folder whole)")
    clean_stale(out)
    tmp = out.parent / f".{out.name}.tmp-{os.getpid()}"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
    except OSError as exc:
        raise UsageError(f"--out {out}: cannot write there ({exc.strerror or exc})") from exc
    return tmp


def publish(tmp: Path, out: Path) -> Path:
    """Swap the finished staging folder ``tmp`` in as ``out`` (the previous ``out`` is removed after)."""
    backup = out.parent / f".{out.name}.old-{os.getpid()}"
    if out.exists():
        out.rename(backup)
    tmp.rename(out)
    shutil.rmtree(backup, ignore_errors=True)
    return out
