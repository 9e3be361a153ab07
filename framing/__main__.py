"""``python -m framing``: the same command line as ``framing``."""

from framing.cli import console

console()
