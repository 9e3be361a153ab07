"""Decode raw bytes to text safely: BOMs, UTF-8, UTF-16/32, legacy code pages, binary refused.

Newlines are normalised to ``\\n``; control characters other than tab and newline are removed with a warning.
"""

from __future__ import annotations

import codecs
import re

# Multi-byte encodings charset-normalizer can tell apart reliably; its single-byte guesses on short text are
# not (it calls short cp1252 news text cp1250 or cp1125), so single-byte input is read as cp1252.
_MULTIBYTE = re.compile(r"^(gb2312|gbk|gb18030|big5|shift_jis|cp932|euc|iso2022|utf_16|utf_32|cp949|johab|hz)", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class UnreadableInput(ValueError):
    """Raised by :func:`decode_bytes` for input that is not text."""


def decode_bytes(data: bytes, *, encoding: str | None = None) -> tuple[str, str, str, list[str]]:
    """Decode raw bytes to text with normalised ``\\n`` line endings.

    Tries UTF-8 (with or without a byte-order mark); otherwise asks charset-normalizer, keeping its guess
    only for multi-byte encodings (GB18030, Big5, Shift-JIS, EUC …) and reading single-byte text as cp1252
    (latin-1 if cp1252 fails). Pass ``encoding`` for Cyrillic or Greek single-byte files. Anything other
    than UTF-8 is reported as a warning.

    Args:
        data: The raw file contents.
        encoding: Force this encoding instead of detecting one.

    Returns:
        ``(text, encoding_used, newline_style, warnings)`` where ``newline_style`` is ``lf``, ``crlf``,
        ``cr``, ``mixed`` or ``none``.

    Raises:
        UnreadableInput: For empty, whitespace-only or binary data.

    Example:
        >>> decode_bytes(b"caf\\xe9 \\x93news\\x94\\r\\n")[:3]
        ('café “news”\\n', 'cp1252', 'crlf')
    """
    warnings: list[str] = []
    if not data.strip():
        raise UnreadableInput("empty file" if not data else "file contains only whitespace")
    if encoding:
        text, used = data.decode(encoding, errors="replace"), encoding
    elif data.startswith(codecs.BOM_UTF8):
        text, used = _strict(data, "utf-8-sig"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, used = _strict(data, "utf-16"), "utf-16"
    else:
        if b"\x00" in data[:65536]:
            raise UnreadableInput("binary file (contains NUL bytes), not text")
        try:
            text, used = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            text, used = _decode_legacy(data)
            warnings.append(
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); decoded as {used}"
            )
    if text is None:
        raise UnreadableInput(f"cannot decode as {used}")
    if len(_CONTROL.findall(text[:65536])) > 0.05 * min(len(text), 65536):
        raise UnreadableInput("binary file (mostly control characters), not text")
    crlf, cr = text.count("\r\n"), text.count("\r")
    lf = text.count("\n") - crlf
    styles = [name for name, n in (("crlf", crlf), ("cr", cr - crlf), ("lf", lf)) if n]
    newline = styles[0] if len(styles) == 1 else ("none" if not styles else "mixed")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, used, newline, warnings


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _decode_legacy(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    guess = best.encoding if best is not None else None
    if guess is None or not _MULTIBYTE.match(guess):
        text = _strict(data, "cp1252")
        return (text, "cp1252") if text is not None else (data.decode("latin-1"), "latin-1")
    return str(best), guess
