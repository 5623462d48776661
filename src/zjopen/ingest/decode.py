"""Bytes to text: BOMs, UTF-8, then detection for legacy encodings (GB18030, cp1252 ...).

>>> decode("Ningbo".encode("utf-16"))
'Ningbo'
>>> decode("宁波港".encode("gb18030"))
'宁波港'
>>> decode("Ningbo’s café".encode("cp1252"))
'Ningbo’s café'
>>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00", "logo.png")
Traceback (most recent call last):
...
zjopen.errors.BinaryInputError: logo.png: not a text or HTML article: it looks like a PNG image
"""

from __future__ import annotations

import codecs
import contextvars
import re
import warnings

from zjopen.errors import BinaryInputError, DecodeError, DecodeWarning, EmptyInputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"RIFF", "a RIFF (WebP, WAV or AVI) file"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_MAGIC_BYTES = tuple(magic for magic, _ in _MAGIC)

# Legacy encodings tried, in order, when the bytes are not UTF-8. GB18030 is a
# superset of GBK and GB2312; cp1252 decodes any byte but last, as a fallback.
_CANDIDATES = ("gb18030", "big5", "shift_jis", "euc-kr", "cp1252")


def sniff_binary(data: bytes) -> str | None:
    """What binary thing ``data`` looks like, or None if it may be text."""
    if data.startswith(_MAGIC_BYTES):  # (one test for all of them, first)
        for magic, what in _MAGIC:
            if data.startswith(magic):
                return f"it looks like {what}"
    if data.find(b"\x00", 0, 4096) >= 0:
        head = data[:4096]
        if head.count(0) == len(head):
            return "it holds only NUL bytes"
        return "it holds NUL bytes, which text does not"
    return None


def _looks_like_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte NUL in ASCII-heavy text."""
    if data.find(b"\x00", 0, 4096) < 0:
        return None  # (each form needs NUL bytes: over 40% of one half of the head)
    head = data[:4096]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


_HIGH = re.compile(rb"[\x80-\xff]")
_GB2312_PAIR = re.compile(rb"[\xa1-\xf7][\xa1-\xfe]")
_PAIR_IN_WORD = re.compile(rb"[A-Za-z][\xa1-\xf7][\xa1-\xfe](?=[A-Za-z])")


def _looks_like_gb(sample: bytes) -> bool:
    """Whether the non-ASCII bytes pair up as GB2312 characters (the Chinese in almost
    every GBK/GB18030 news page). Windows-1252 text (curly quotes, accents before ASCII
    letters) does not."""
    high = len(_HIGH.findall(sample))
    pairs = len(_GB2312_PAIR.findall(sample))
    if high == 0 or 2 * pairs < 0.8 * high:
        return False
    # Accented letters sit inside Latin words ("Federação"); Chinese characters do not.
    inside_words = len(_PAIR_IN_WORD.findall(sample))
    return inside_words * 2 < pairs


def _detect(data: bytes) -> str | None:
    """The legacy encoding likeliest for non-UTF-8 bytes."""
    sample = data[:65536]
    if _looks_like_gb(sample):
        return "gb18030"
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is a dependency
        return None
    best = from_bytes(sample, cp_isolation=list(_CANDIDATES[1:])).best()
    return None if best is None else str(best.encoding)


def _utf8_replacing(data: bytes) -> tuple[str, list[int]]:
    """The bytes read as UTF-8, U+FFFD for each bad sequence, and the bad offsets."""
    bad: list[int] = []
    _BAD_OFFSETS.set(bad)
    return data.decode("utf-8", errors="zjopen-replace"), bad


def _mostly_utf8(data: bytes, text: str, bad: list[int]) -> bool:
    """Whether bytes with ``bad`` offsets are UTF-8 all the same.

    They are when fewer than 1 byte in 1,000 is bad, or when the text holds at least as
    many valid multi-byte UTF-8 characters as bad bytes: text in a legacy encoding
    (GB18030, Windows-1252) is almost never valid UTF-8 beyond a few bytes, while a UTF-8
    file with a stray byte is valid everywhere else.
    """
    return len(bad) * 1000 < len(data) or _multibyte_chars(text) >= len(bad)


_BAD_OFFSETS: contextvars.ContextVar[list[int]] = contextvars.ContextVar("zjopen_bad_offsets")


def _replace_and_note(exc: UnicodeError) -> tuple[str, int]:
    """The codec error handler: U+FFFD for each bad sequence, its offset noted."""
    assert isinstance(exc, UnicodeDecodeError)
    _BAD_OFFSETS.get().append(exc.start)
    return "\ufffd", exc.end


codecs.register_error("zjopen-replace", _replace_and_note)
# Each damaged file is reported, not only the first (the default shows a warning once per
# line of code); appended, so a filter of the user's own still wins.
warnings.filterwarnings("always", category=DecodeWarning, append=True)


_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})",
                      re.IGNORECASE)
# The WHATWG encoding standard reads these labels as windows-1252, as browsers do.
_AS_CP1252 = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii",
                        "ascii", "windows-1252", "cp1252", "x-cp1252"})


def _declared_charset(data: bytes) -> str | None:
    """The legacy charset an HTML page declares in its first 4 KB (``<meta charset>`` or
    ``http-equiv``), as a Python codec name; None for UTF-8, none or an unknown one.

    >>> _declared_charset(b'<meta http-equiv="Content-Type" content="text/html; '
    ...                   b'charset=iso-8859-1">')
    'cp1252'
    >>> _declared_charset(b'<meta charset="utf-8">'), _declared_charset(b"<p>x</p>")
    (None, None)
    """
    match = _CHARSET.search(data[:4096])
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    name = "cp1252" if label in _AS_CP1252 else label
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return None if codec in ("utf-8", "utf-16", "utf-32") else name


def _multibyte_chars(text: str) -> int:
    return len(text) - len(text.encode("ascii", errors="ignore")) - text.count("\ufffd")


def decode(data: bytes, path: str | None = None) -> str:
    """Decode article bytes, or raise a :class:`~zjopen.errors.InputError` subclass."""
    if not data.strip():
        raise EmptyInputError(path)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(path, f"starts with a {encoding} byte-order mark but "
                                  f"is not valid {encoding} at byte {exc.start}") from None
    utf16 = _looks_like_utf16(data)
    if utf16 is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    what = sniff_binary(data)
    if what is not None:
        raise BinaryInputError(path, what)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.end >= len(data) - 3 and exc.reason == "unexpected end of data":
            # A truncated last character: keep the text, mark the loss.
            return data[: exc.start].decode("utf-8") + "\ufffd"
    text, bad = _utf8_replacing(data)
    declared = _declared_charset(data)
    if declared is not None and not _multibyte_chars(text):
        # An HTML page declaring a legacy charset, with no UTF-8 beyond ASCII: as declared.
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    if _mostly_utf8(data, text, bad):
        warnings.warn(DecodeWarning(path, bad), stacklevel=2)
        return text
    detected = _detect(data)
    for candidate in ((detected,) if detected else ()) + _CANDIDATES:
        try:
            return data.decode(candidate)
        except UnicodeDecodeError:
            continue
    # No other encoding reads it either: UTF-8 with its bad bytes marked loses least.
    warnings.warn(DecodeWarning(path, bad), stacklevel=2)
    return text
