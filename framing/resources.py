"""Locate the data files that ship with framing (lexicons, rules, actors).

In a source checkout they live in the repository's ``data/`` folder; in an installed wheel they are
copied to ``framing/_data/``. Nothing here is downloaded.
"""

from __future__ import annotations

from pathlib import Path

import yaml

_PACKAGE_DIR = Path(__file__).resolve().parent
_CANDIDATES = (_PACKAGE_DIR / "_data", _PACKAGE_DIR.parent / "data")


def data_path(*parts: str) -> Path:
    """Return the path of a shipped data file.

    Args:
        *parts: Path components below ``data/``, e.g. ``("lexicons", "stance.yaml")``.

    Returns:
        The first existing path among the installed and the source-checkout locations.

    Raises:
        FileNotFoundError: If no shipped data file has that name.

    Example:
        >>> data_path("rules", "boilerplate.yaml").name
        'boilerplate.yaml'
    """
    for base in _CANDIDATES:
        candidate = base.joinpath(*parts)
        if candidate.exists():
            return candidate
    raise FileNotFoundError(
        f"shipped data file {'/'.join(parts)!r} not found under {', '.join(str(c) for c in _CANDIDATES)}"
    )


def read_yaml(path: str | Path) -> object:
    """Parse a YAML file safely (libyaml's C loader when available).

    Example:
        >>> read_yaml(data_path("rules", "negation.yaml"))["name"]
        'negation'
    """
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 (safe loader)


def default_corpus() -> Path:
    """The default corpus: the five seed articles in ``data/raw/xi-trump-calls`` of a source checkout.

    Example:
        >>> default_corpus().name
        'xi-trump-calls'
    """
    return _PACKAGE_DIR.parent / "data" / "raw" / "xi-trump-calls"
