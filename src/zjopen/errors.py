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
    "DecodeError",
    "EmptyInputError",
    "EvaluationFormatError",
    "FormatError",
    "GoldFormatError",
    "InputError",
    "InputTooLargeError",
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


class InputTooLargeError(InputError):
    """The input is larger than the configured limit."""


class FormatError(ZjopenError):
    """Serialised data (JSON, JSON Lines, CSV) is not valid zjopen format.

    ``problems`` lists each problem with the path to the bad field, such as
    ``"$.metrics[0].unit: unknown unit 'furlong'"``.
    """

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        self.problems = tuple(problems)
        detail = "".join(f"\n  {p}" for p in self.problems)
        super().__init__(message + detail)


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
