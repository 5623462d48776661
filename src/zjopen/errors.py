"""The errors zjopen raises. Every one is a :class:`ZjopenError`.

Input errors name the file (when there is one) and say what was wrong with it:

>>> str(EmptyInputError("news/a.txt"))
'news/a.txt: the file is empty'
>>> str(BinaryInputError("news/logo.png", "it looks like a PNG image"))
'news/logo.png: not a text or HTML article: it looks like a PNG image'
"""

from __future__ import annotations

from collections.abc import Sequence
from os import PathLike

__all__ = [
    "BinaryInputError",
    "CompressedFileError",
    "CsvFormatError",
    "DecodeError",
    "DecodeWarning",
    "DuplicateIdError",
    "EmptyInputError",
    "EvaluationFormatError",
    "FormatError",
    "GoldFormatError",
    "InputError",
    "InputTooLargeError",
    "InvalidArticleError",
    "NotJsonError",
    "OutputError",
    "PredictionFormatError",
    "UnknownRegionError",
    "ZjopenError",
]


class ZjopenError(Exception):
    """Base class of every error zjopen raises on purpose."""


class InputError(ZjopenError):
    """An article could not be read. ``path`` names the file (or ``None`` for a string)."""

    def __init__(self, path: str | PathLike[str] | None, reason: str) -> None:
        self.path = None if path is None else str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path is not None else reason)


class EmptyInputError(InputError):
    """The input holds no text at all (or only white space)."""

    def __init__(self, path: str | PathLike[str] | None, reason: str = "the file is empty") -> None:
        super().__init__(path, reason)


class BinaryInputError(InputError):
    """The input is binary data (an image, an archive, NUL bytes), not an article."""

    def __init__(self, path: str | PathLike[str] | None, what: str) -> None:
        super().__init__(path, f"not a text or HTML article: {what}")


class DecodeError(InputError):
    """The bytes could not be decoded as text in any encoding zjopen recognises."""


class DecodeWarning(UserWarning):
    """A UTF-8 file had a few bytes that are not UTF-8: they were read as U+FFFD.

    ``path`` names the file (or ``None``), ``offsets`` the bad bytes' offsets (the first
    64 at most).

    >>> str(DecodeWarning("news/a.txt", [120, 4031]))
    'news/a.txt: 2 byte(s) that are not UTF-8 read as U+FFFD, at byte 120, 4031'
    """

    def __init__(self, path: str | PathLike[str] | None, offsets: Sequence[int]) -> None:
        self.path = None if path is None else str(path)
        self.offsets = tuple(offsets)
        where = f"{self.path}: " if self.path is not None else ""
        shown = ", ".join(str(n) for n in self.offsets[:8]) + (
            " ..." if len(self.offsets) > 8 else "")
        super().__init__(f"{where}{len(self.offsets)} byte(s) that are not UTF-8 read as "
                         f"U+FFFD, at byte {shown}")


class InputTooLargeError(InputError):
    """The input is larger than the configured limit."""


class FormatError(ZjopenError):
    """Serialised data (JSON, JSON Lines, CSV) is not valid zjopen format.

    The message starts with where: the file and line (or row), when known.
    ``problems`` lists each problem with the path to the bad field, such as
    ``"$.metrics[0].unit: unknown unit 'furlong'"``. The subclasses say which kind of
    failure it was.
    """

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        self.problems = tuple(problems)
        detail = "".join(f"\n  {p}" for p in self.problems)
        super().__init__(message + detail)


class NotJsonError(FormatError):
    """The text is not JSON zjopen reads: bad syntax, bytes that are not UTF-8, nesting
    too deep, a number with too many digits, or a lone surrogate in a string.

    >>> str(NotJsonError("out.jsonl:7: not JSON: Expecting value (column 1)"))
    'out.jsonl:7: not JSON: Expecting value (column 1)'
    """


class InvalidArticleError(FormatError):
    """The JSON (or CSV row) is well formed but is not a valid zjopen article."""


class CsvFormatError(FormatError):
    """A CSV table is not one :func:`zjopen.write_csv` writes: a missing table or column,
    a row of the wrong length, a bad cell."""


class CompressedFileError(FormatError):
    """A ``.gz`` file is not gzip data, or is cut short."""


class DuplicateIdError(FormatError):
    """Two different articles have the same id."""


class OutputError(ZjopenError, OSError):
    """An output path zjopen will not write: a device, FIFO, socket or symbolic link
    (writing would replace it with a regular file), or a folder.

    >>> str(OutputError("/dev/null", "is a device, not a file"))
    '/dev/null: is a device, not a file: only regular files are written (use - for stdout)'
    """

    def __init__(self, path: str | PathLike[str], reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}: only regular files are written "
                         "(use - for stdout)")
class EvaluationFormatError(FormatError):
    """A line of a file given to :func:`zjopen.evaluate` cannot be used.

    ``path`` names the file (``"<gold>"`` or ``"<predictions>"`` for Python objects),
    ``line`` the line counted from 1 (for Python objects: the item, counted from 1),
    ``reason`` what was wrong; ``problems`` lists every problem found on that line.

    >>> str(GoldFormatError("gold.jsonl", 3, "metrics[0]: no 'value'"))
    "gold.jsonl:3: metrics[0]: no 'value'"
    """

    def __init__(self, path: str | PathLike[str], line: int, reason: str,
                 problems: Sequence[str] = ()) -> None:
        self.path = str(path)
        self.line = line
        self.reason = reason
        super().__init__(f"{self.path}:{line}: {reason}", problems)


class GoldFormatError(EvaluationFormatError):
    """A gold annotation is not valid ``zjopen-gold/1`` (not JSON, no ``id``, an unknown
    unit, a metric without a value ...)."""


class PredictionFormatError(EvaluationFormatError):
    """A line of predictions is not an article object with an ``id`` (or holds a list
    that is not a list)."""


class UnknownRegionError(ZjopenError, LookupError):
    """A region name or code is not in the gazetteer; ``suggestions`` lists close names."""

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        names = ", ".join(repr(s) for s in self.suggestions)
        hint = f"; did you mean {names}?" if names else ""
        super().__init__(f"unknown region {name!r}{hint}")
